// Agreed texts that change while drafts are open: an open draft marked
// `agreed: true`, and a file added to a watched agreed-text folder.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const AGREED = `---\nsymbol: A/RES/99/1\nagreed: true\n---\n\n1. States shall cooperate in good faith on all matters of common concern.\n`;
const DRAFT = `1. States recalled that "States should cooperate in good faith" (A/RES/99/1, para. 1).\n`;

async function until<T>(f: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('agreed texts that change while drafts are open', () => {
  it('an open draft with `agreed: true` is checked against', async () => {
    const c = await LspClient.start();
    try {
      const draft = 'file:///tmp/agreed-src/draft.draft.md';
      c.open(draft, DRAFT);
      expect((await c.diagnostics(draft, 1)).diagnostics.map((d) => d.code)).toEqual(['unknown-document']);
      c.open('file:///tmp/agreed-src/a-res-99-1.draft.md', AGREED);
      const p = await until(() => [...c.published].reverse().find((x) => x.uri === draft && x.diagnostics.some((d) => d.code === 'quote-mismatch')));
      expect(p.diagnostics.map((d) => d.code)).toEqual(['quote-mismatch']);
    } finally {
      await c.stop();
    }
  });

  it('a file added to a watched agreed-text folder is indexed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'negotext-watch-'));
    dirs.push(root);
    const c = await LspClient.start({
      rootPath: root,
      settings: { agreedTexts: ['agreed'] },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    try {
      const draft = pathToFileURL(join(root, 'draft.draft.md')).href;
      c.open(draft, DRAFT);
      expect((await c.diagnostics(draft, 1)).diagnostics.map((d) => d.code)).toEqual(['unknown-document']);
      const folder = join(root, 'agreed');
      mkdirSync(folder);
      const file = join(folder, 'A-RES-99-1.md');
      writeFileSync(file, AGREED);
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
      const p = await until(() => [...c.published].reverse().find((x) => x.uri === draft && x.diagnostics.some((d) => d.code === 'quote-mismatch')));
      expect(p.diagnostics.map((d) => d.code)).toEqual(['quote-mismatch']);
    } finally {
      await c.stop();
    }
  });
});
