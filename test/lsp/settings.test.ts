// Settings: initializationOptions.settings.proposerAliases and agreedTexts
// (absolute, and relative to the workspace root), codeLens.enabled, and the
// same settings changed later by workspace/didChangeConfiguration.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, type Published } from '../support/lspClient';
import { AGREED_CORPUS, CASE_FIXTURES, freshUri, openAndWait, parseCursor, publishedAfter, type ExpectedJson } from './fixtures/harness';

const haveCorpus = existsSync(AGREED_CORPUS);
const REFERENCE_CASES = ['references-checked-triggered', 'references-checked-not-triggered'].filter((c) => existsSync(join(CASE_FIXTURES, c, 'agreed')));

let plain: LspClient; // no settings
let configured: LspClient; // aliases and the agreed corpus, from initializationOptions
let rooted: LspClient; // agreedTexts relative to the workspace root
let reconfigured: LspClient; // settings changed after start
beforeAll(async () => {
  [plain, configured, rooted, reconfigured] = await Promise.all([
    LspClient.start(),
    LspClient.start({ settings: { proposerAliases: { Atlantis: 'Mexico', 'Friends of the Chair': 'European Union' }, agreedTexts: haveCorpus ? [AGREED_CORPUS] : [] } }),
    LspClient.start({ settings: { agreedTexts: ['agreed'] }, rootPath: join(CASE_FIXTURES, REFERENCE_CASES[0] ?? '.') }),
    LspClient.start(),
  ]);
});
afterAll(async () => {
  await Promise.all([plain, configured, rooted, reconfigured].map((c) => c?.stop()));
});

const ALIASED = '1. States [should]{Atlantis, Friends of the Chair} act.\n';

// A/RES/73/27, para. 1.3 reads “States should not knowingly allow …”.
const QUOTES = [
  '1. States recalled that "States shall not knowingly allow their territory to be used for internationally wrongful acts using ICTs" (A/RES/73/27, para. 1.3).',
  '',
  '2. States recalled that “States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs” (A/RES/73/27, para. 1.3).',
  '',
].join('\n');

const codes = (p: Published) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);

describe('proposerAliases', () => {
  it('resolves a user alias: no diagnostic, registry name in the ledger and the code lens', async () => {
    const uri = freshUri('aliases');
    const p = await openAndWait(configured, uri, ALIASED);
    expect(p.diagnostics).toEqual([]);
    const ledger = await configured.request<{ brackets: { proposers: string[] }[] }>('negotext/ledger', { textDocument: { uri } });
    expect(ledger.brackets.map((b) => b.proposers)).toEqual([['Mexico', 'European Union']]);
    const lenses = await configured.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => l.command?.title)).toEqual(['pending · 1 bracket · Mexico, European Union']);
  });

  it('shows the registry entry on hover and offers the alias in completion', async () => {
    const { text, positions } = parseCursor('1. States [should]{Atlan‸tis} act.\n\n2. [x]{Atl‸');
    const uri = freshUri('aliases-hover');
    await openAndWait(configured, uri, text);
    const h = await configured.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
    expect((h.contents as MarkupContent).value).toContain('**Mexico**');
    const items = await configured.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positions[1] });
    expect(items.find((i) => i.label === 'Atlantis')?.detail).toContain('Mexico');
  });

  it('without the setting, the same names are unknown proposers', async () => {
    const p = await openAndWait(plain, freshUri('no-aliases'), ALIASED);
    expect(p.diagnostics.map((d) => [d.code, (d.data as { written?: string }).written])).toEqual([
      ['unknown-proposer', 'Atlantis'],
      ['unknown-proposer', 'Friends of the Chair'],
    ]);
  });
});

describe('agreedTexts', () => {
  it.skipIf(!haveCorpus)('a folder reached twice (rootUri and workspace folder, and named twice) is read once, and the server answers at once', async () => {
    // VS Code's usual start; reading the corpus twice had left the server looping for good.
    const c = await LspClient.start({ settings: { agreedTexts: ['agreed', 'agreed', AGREED_CORPUS] }, rootPath: join(AGREED_CORPUS, '..'), rootAsFolder: true });
    try {
      const { text, positions } = parseCursor('1. States recalled resolution 73/‸27.\n\n2. States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.\n');
      const uri = freshUri('twice');
      const p = await openAndWait(c, uri, text);
      expect(codes(p)).toEqual(['agreed-language@2']);
      const t = Date.now();
      const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
      expect((h.contents as MarkupContent).value).toContain('A/RES/73/27');
      expect(Date.now() - t).toBeLessThan(2000);
    } finally {
      await c.stop();
    }
  }, 30_000);

  it.skipIf(!haveCorpus)('with an absolute folder: a wrong quotation of A/RES/73/27, para. 1.3 is quote-mismatch, the right one is not', async () => {
    const p = await openAndWait(configured, freshUri('quotes'), QUOTES);
    expect(codes(p)).toEqual(['quote-mismatch@0']);
    const d = p.diagnostics[0];
    expect(d.severity).toBe(2);
    expect(d.message).toContain('A/RES/73/27');
    expect(d.data).toMatchObject({ symbol: 'A/RES/73/27', pinpoint: '1.3' });
    expect((d.data as { nearest: string }).nearest).toContain('States should not knowingly allow');
  });

  it.skipIf(!haveCorpus)('renders the word diff of a quote-mismatch with the words kept apart', async () => {
    const p = await openAndWait(configured, freshUri('quote-diff'), QUOTES);
    const message = p.diagnostics[0].message;
    expect(message).toMatch(/should/);
    expect(message).toMatch(/shall/);
    // A change marker glued to the next word (`{+shall+}not`) misreads as one word.
    expect(message).not.toMatch(/[+-][}\]][\p{L}\p{N}]/u);
  });

  it('without agreed texts, a quotation cannot be checked: no quote-mismatch', async () => {
    const p = await openAndWait(plain, freshUri('quotes-plain'), QUOTES);
    expect(p.diagnostics.map((d) => d.code)).not.toContain('quote-mismatch');
  });

  it.each(REFERENCE_CASES)('relative to the workspace root: %s as its expected.json', async (name) => {
    const dir = join(CASE_FIXTURES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedJson & { absent?: string[] };
    const p = await openAndWait(rooted, freshUri(name), readFileSync(join(dir, 'input.draft.md'), 'utf8'));
    const listed = new Set((expected.diagnostics ?? []).map((d) => d.code));
    const got = p.diagnostics.filter((d) => d.severity <= 2 || listed.has(d.code)).map((d) => `${d.code}@${d.range.start.line}`).sort();
    expect(got).toEqual((expected.diagnostics ?? []).map((d) => `${d.code}@${d.line}`).sort());
    for (const code of expected.absent ?? []) expect(p.diagnostics.map((d) => d.code)).not.toContain(code);
  });

  // (found using the extension in VS Code: the Output channel stayed empty, so nothing said the server ran)
  it('says in the log that it started', async () => {
    const c = await LspClient.start({ settings: {} });
    try {
      await openAndWait(c, freshUri('started'), '1. Text.\n');
      const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      expect(logs.filter((m) => m.startsWith('negotext language server started'))).toHaveLength(1);
    } finally {
      await c.stop();
    }
  });

  // (found driving the server: an alias to a name not in the registry vanished without a word)
  it('an alias whose target is no registry name is logged', async () => {
    const c = await LspClient.start({ settings: { proposerAliases: { Bogus: 'Nowhereland', Atlantis: 'Mexico' } } });
    try {
      await openAndWait(c, freshUri('bad-alias'), '1. [x]{Atlantis}\n');
      const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      expect(logs.filter((m) => m.includes('alias'))).toEqual(['negotext: proposer alias “Bogus” ignored: its target “Nowhereland” is no name in the registry']);
    } finally {
      await c.stop();
    }
  });

  it('a folder that does not exist is logged, not fatal', async () => {
    const c = await LspClient.start({ settings: { agreedTexts: ['/nonexistent/negotext/agreed'] } });
    try {
      const p = await openAndWait(c, freshUri('missing-folder'), QUOTES);
      expect(p.diagnostics.map((d) => d.code)).not.toContain('quote-mismatch');
      const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      expect(logs.some((m) => m.includes('/nonexistent/negotext/agreed'))).toBe(true);
    } finally {
      await c.stop();
    }
  });
});

describe('workspace/didChangeConfiguration', () => {
  it('applies new aliases and agreed texts to open drafts and republishes their diagnostics', async () => {
    const uri = freshUri('reconfigure');
    // Paragraph 1 with the aliases, then the two quotations renumbered 2 and 3.
    const text = `${ALIASED}\n${QUOTES.replace('2. States', '3. States').replace('1. States', '2. States')}`;
    const before = await openAndWait(reconfigured, uri, text);
    expect(codes(before)).toEqual(['unknown-proposer@0', 'unknown-proposer@0']);
    const n = reconfigured.published.length;
    reconfigured.notify('workspace/didChangeConfiguration', {
      settings: { negotext: { proposerAliases: { Atlantis: 'Mexico', 'Friends of the Chair': 'European Union' }, agreedTexts: haveCorpus ? [AGREED_CORPUS] : [] } },
    });
    const after = await publishedAfter(reconfigured, uri, n, () => true, 2000);
    expect(codes(after)).toEqual(haveCorpus ? ['quote-mismatch@2'] : []);
    const ledger = await reconfigured.request<{ brackets: { proposers: string[] }[] }>('negotext/ledger', { textDocument: { uri } });
    expect(ledger.brackets[0].proposers).toEqual(['Mexico', 'European Union']);
    // A draft opened after the change reads with the new settings too.
    const later = await openAndWait(reconfigured, freshUri('reconfigure-later'), ALIASED);
    expect(later.diagnostics).toEqual([]);
  });

  it('codeLens.enabled: false turns the lenses off, true back on', async () => {
    const uri = freshUri('lens-toggle');
    await openAndWait(reconfigured, uri, '1. States [should]{EU} act.\n');
    expect(await reconfigured.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).toHaveLength(1);
    reconfigured.notify('workspace/didChangeConfiguration', { settings: { negotext: { codeLens: { enabled: false } } } });
    expect(await reconfigured.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).toEqual([]);
    reconfigured.notify('workspace/didChangeConfiguration', { settings: { negotext: { codeLens: { enabled: true } } } });
    expect(await reconfigured.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).toHaveLength(1);
  });

  it('codeLens.enabled: false in initializationOptions', async () => {
    const c = await LspClient.start({ settings: { codeLens: { enabled: false } } });
    try {
      const uri = freshUri('lens-off');
      await openAndWait(c, uri, '1. States [should]{EU} act.\n');
      expect(await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).toEqual([]);
    } finally {
      await c.stop();
    }
  });
});
