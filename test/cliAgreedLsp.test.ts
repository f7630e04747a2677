// The language server with an agreed-texts folder that holds the open draft
// itself (finding 6 of the CLI audit; the CLI's side is in cliAgreed.test.ts):
// the draft is not matched against its own file. In a file of its own: the
// protocol client guards this process against starting any.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './support/lspClient';

const tmp = mkdtempSync(join(tmpdir(), 'negotext-agreed-lsp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OWN = 'The States parties shall cooperate closely in good faith on all matters of mutual interest.';
const REUSED = 'Member States are encouraged to share information on national approaches to capacity-building in good time.';

function selfFolder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'd.draft.md'), `1. ${OWN}\n\n2. ${REUSED}\n`);
  writeFileSync(join(dir, 'A-RES-1-1.md'), `---\nsymbol: A/RES/1/1\n---\n1. ${REUSED}\n`);
  return dir;
}

describe('a draft in its own agreed folder does not follow itself (server)', () => {
  it('the server: the open draft is not matched against its own file in an agreed folder', async () => {
    const dir = selfFolder('self-lsp');
    const c = await LspClient.start({ settings: { agreedTexts: [dir] } });
    try {
      const uri = pathToFileURL(join(dir, 'd.draft.md')).href;
      c.open(uri, `1. ${OWN}\n\n2. ${REUSED}\n`, 1);
      const p = await c.diagnostics(uri, 1);
      expect(p.diagnostics.map((d) => d.message)).toEqual(['This paragraph follows A/RES/1/1, para. 1, unchanged.']);
      // Another draft with the same words still finds them in d.draft.md.
      const other = pathToFileURL(join(tmp, 'other.draft.md')).href;
      c.open(other, `1. ${OWN}\n`, 1);
      expect((await c.diagnostics(other, 1)).diagnostics.map((d) => d.message)).toEqual(['This paragraph follows d, para. 1, unchanged.']);
    } finally {
      await c.stop();
    }
  });
});
