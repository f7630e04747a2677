// Incremental text sync over stdio. The test keeps its own copy of the text,
// applies each didChange to it, and checks that the server's view (published
// diagnostics, ledger, outline, folding, semantic tokens) equals that of a
// fresh open of the same text under another URI. negotext/stats shows that a
// keystroke far from any bracket re-analyses only its paragraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, type Published } from '../support/lspClient';
import { applyTextEdits, diagnosticKeys, freshUri, openAndWait, positionAt, sharedFixture, type Range } from './fixtures/harness';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client?.stop();
});

interface Change {
  range?: Range;
  text: string;
}

interface Stats {
  version: number;
  lineCount: number;
  blocks: number;
  blocksAnalysed: number;
  documentPasses: number;
}

/** An open document and the test's own copy of its text. */
class Doc {
  version = 1;
  published!: Published;
  constructor(readonly uri: string, public text: string) {}

  static async open(name: string, text: string): Promise<Doc> {
    const d = new Doc(freshUri(name), text);
    d.published = await openAndWait(client, d.uri, text);
    return d;
  }

  /** One didChange carrying `changes`, applied in order; resolves with the diagnostics of the new version. */
  async change(...changes: Change[]): Promise<Published> {
    for (const c of changes) this.text = c.range ? applyTextEdits(this.text, [{ range: c.range, newText: c.text }]) : c.text;
    this.version++;
    client.change(this.uri, this.version, changes);
    this.published = await client.diagnostics(this.uri, this.version);
    return this.published;
  }

  /** Replace the first occurrence of `find` (after `from`) with `by`. */
  replace(find: string, by: string, from = 0): Promise<Published> {
    const at = this.text.indexOf(find, from);
    if (at < 0) throw new Error(`${JSON.stringify(find)} is not in the text`);
    return this.change({ range: { start: positionAt(this.text, at), end: positionAt(this.text, at + find.length) }, text: by });
  }

  insert(before: string, text: string): Promise<Published> {
    return this.replace(before, text + before);
  }

  stats(): Promise<Stats> {
    return client.request<Stats>('negotext/stats', { textDocument: { uri: this.uri } });
  }
}

/** Everything the server says about a document, with its URI and version left out. */
async function viewOf(uri: string, published: Published) {
  const textDocument = { uri };
  const [ledger, symbols, folding, tokens] = await Promise.all([
    client.request<{ uri: string; version: number }>('negotext/ledger', { textDocument }),
    client.request('textDocument/documentSymbol', { textDocument }),
    client.request('textDocument/foldingRange', { textDocument }),
    client.request('textDocument/semanticTokens/full', { textDocument }),
  ]);
  const { uri: _u, version: _v, ...rest } = ledger;
  return { diagnostics: published.diagnostics, ledger: rest, symbols, folding, tokens };
}

/** The server's view of `doc` equals its view of the same text opened afresh. */
async function expectFresh(doc: Doc): Promise<void> {
  const uri = freshUri('fresh');
  const fresh = await openAndWait(client, uri, doc.text);
  expect(await viewOf(doc.uri, doc.published)).toEqual(await viewOf(uri, fresh));
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

const OEWG = sharedFixture('oewg-progress-report.draft.md');

describe('incremental edits', () => {
  it('a word typed into a paragraph', async () => {
    const doc = await Doc.open('word', OEWG);
    await doc.insert('held its substantive', 'successfully ');
    await expectFresh(doc);
    expect(doc.published.diagnostics).toEqual([]);
  });

  it('a multi-line insertion: a new section with a bracketed paragraph', async () => {
    const doc = await Doc.open('multi-line', OEWG);
    await doc.insert('# C. Confidence-building measures', '# B bis. Inserted\n\n4 bis. States [noted\nthe new]{Cuba} text.\n\n4 ter. [Further – Brazil] text.\n\n');
    await expectFresh(doc);
    const symbols = await client.request<{ name: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
    expect(symbols.map((s) => s.name)).toEqual(['A. Introduction', 'B. Existing and potential threats', 'B bis. Inserted', 'C. Confidence-building measures']);
    expect(symbols[2].children?.map((c) => [c.name, c.detail])).toEqual([['4 bis', 'pending · 1 bracket'], ['4 ter', 'pending · 1 bracket']]);
  });

  it('deleting a label merges two paragraphs', async () => {
    const doc = await Doc.open('merge', OEWG);
    // "3 bis. [States noted …]" loses its label and blank line: its text joins paragraph 3.
    await doc.replace('.\n\n3 bis. [States', '. [States');
    await expectFresh(doc);
    const symbols = await client.request<{ name: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
    expect(symbols[1].children?.map((c) => [c.name, c.detail])).toEqual([['3', 'pending · 2 brackets'], ['4', 'pending · 4 brackets']]);
  });

  it('typing ] closes a bracket and clears unbalanced-bracket', async () => {
    const doc = await Doc.open('close', '# A. One\n\n1. States [should act.\n\n2. Agreed.\n');
    expect(doc.published.diagnostics.map((d) => [d.code, d.range.start])).toEqual([['unbalanced-bracket', { line: 2, character: 10 }]]);
    await doc.insert(' act.', ']{EU}');
    expect(doc.published.diagnostics).toEqual([]);
    await expectFresh(doc);
  });

  it('typing a bracket keystroke by keystroke: the error comes with [ and goes with ]', async () => {
    const doc = await Doc.open('keystrokes', '1. States act now.\n\n2. Agreed.\n');
    const codes: string[][] = [];
    const base = doc.text.indexOf('now.');
    for (const [k, ch] of [...'[soon]{EU} '].entries()) {
      const at = positionAt(doc.text, base + k);
      await doc.change({ range: { start: at, end: at }, text: ch });
      codes.push(doc.published.diagnostics.map((d) => d.code));
    }
    expect(doc.text).toBe('1. States act [soon]{EU} now.\n\n2. Agreed.\n');
    const U = ['unbalanced-bracket'];
    expect(codes).toEqual([U, U, U, U, U, [], [], [], [], [], []]);
    await expectFresh(doc);
  });

  it('several changes in one didChange, applied in order', async () => {
    const doc = await Doc.open('batch', OEWG);
    const first = doc.text.indexOf('[shall]');
    // The second change's range is in the text after the first change: it lands on the same spot.
    await doc.change(
      { range: { start: positionAt(doc.text, first), end: positionAt(doc.text, first + '[shall]{Iran}'.length) }, text: 'must' },
      { range: { start: positionAt(doc.text, first), end: positionAt(doc.text, first + 'must'.length) }, text: '[must]{Iran}' },
    );
    expect(doc.text).toContain('States [must]{Iran} [should]{EU}');
    await expectFresh(doc);
  });

  it('a deletion across paragraphs and sections', async () => {
    const doc = await Doc.open('cross', OEWG);
    const from = doc.text.indexOf('(A/75/816).');
    const to = doc.text.indexOf('[, including');
    await doc.change({ range: { start: positionAt(doc.text, from), end: positionAt(doc.text, to) }, text: '' });
    await expectFresh(doc);
  });

  it('a whole-text replacement (a change without a range)', async () => {
    const doc = await Doc.open('full', OEWG);
    await doc.change({ text: sharedFixture('resolution-pp-op.draft.md') });
    await expectFresh(doc);
    await doc.replace('OP2.', 'OP3.');
    await expectFresh(doc);
  });

  it('an edit at the very end, and one that empties the document', async () => {
    const doc = await Doc.open('ends', '1. Text [x]{EU}.');
    await doc.change({ range: { start: positionAt(doc.text, doc.text.length), end: positionAt(doc.text, doc.text.length) }, text: '\n\n2. [More' });
    expect(doc.published.diagnostics.map((d) => d.code)).toEqual(['unbalanced-bracket']);
    await expectFresh(doc);
    await doc.change({ range: { start: { line: 0, character: 0 }, end: positionAt(doc.text, doc.text.length) }, text: '' });
    expect(doc.text).toBe('');
    expect(doc.published.diagnostics).toEqual([]);
    await expectFresh(doc);
  });
});

describe('CRLF drafts', () => {
  const CRLF = OEWG.replace(/\n/g, '\r\n');

  it('are read like LF drafts, positions included', async () => {
    const lf = await Doc.open('lf', OEWG);
    const crlf = await Doc.open('crlf', CRLF);
    expect(await viewOf(crlf.uri, crlf.published)).toEqual(await viewOf(lf.uri, lf.published));
  });

  it('stay in step through edits: insertion, line join, multi-line insertion, closing a bracket', async () => {
    const doc = await Doc.open('crlf-edits', CRLF);
    await doc.insert('held its substantive', 'successfully ');
    await doc.replace('.\r\n\r\n3 bis. [States', '. [States');
    await doc.insert('# C. Confidence', '4 bis. States [noted\r\nthe new]{Cuba} text.\r\n\r\n5 pre. [Unclosed\r\n\r\n');
    expect(doc.published.diagnostics.map((d) => d.code)).toContain('unbalanced-bracket');
    await expectFresh(doc);
    await doc.insert('\r\n\r\n# C. Confidence', ']{EU}');
    expect(doc.published.diagnostics.map((d) => d.code)).not.toContain('unbalanced-bracket');
    await expectFresh(doc);
  });
});

describe('paragraph-by-paragraph re-analysis (negotext/stats)', () => {
  /** 200 paragraphs under ten headings; a bracket in every tenth paragraph. */
  function bigDraft(): string {
    const out: string[] = [];
    for (let i = 1; i <= 200; i++) {
      if (i % 20 === 1) out.push(`# ${String.fromCharCode(65 + Math.floor(i / 20))}. Section ${i}\n`);
      out.push(i % 10 === 0 ? `${i}. States [should]{EU} consider paragraph ${i}, see resolution 75/240.\n` : `${i}. States consider paragraph ${i} of the draft in good faith.\n`);
    }
    return out.join('\n');
  }

  it('a one-character edit far from any bracket re-analyses at most 2 blocks and runs no document pass', async () => {
    const doc = await Doc.open('big', bigDraft());
    const opened = await doc.stats();
    expect(Object.keys(opened).sort()).toEqual(['blocks', 'blocksAnalysed', 'documentPasses', 'lineCount', 'version']);
    expect(opened).toMatchObject({ version: 1, lineCount: doc.text.split('\n').length });
    expect(opened.blocks).toBeGreaterThanOrEqual(210);
    const at = doc.text.indexOf('consider paragraph 105 ') + 'consider'.length;
    await doc.change({ range: { start: positionAt(doc.text, at), end: positionAt(doc.text, at) }, text: 's' });
    const s = await doc.stats();
    expect(s.version).toBe(2);
    expect(s.lineCount).toBe(doc.text.split('\n').length);
    expect(s.blocks).toBe(opened.blocks);
    expect(s.blocksAnalysed).toBeLessThanOrEqual(2);
    expect(s.documentPasses).toBe(0);
    // What it published equals a fresh analysis of the same text.
    const fresh = await openAndWait(client, freshUri('big-fresh'), doc.text);
    expect(diagnosticKeys(doc.published)).toEqual(diagnosticKeys(fresh));
    expect(doc.published.diagnostics).toEqual(fresh.diagnostics);
  });

  it('a deletion inside a paragraph, and a typed word, stay local too', async () => {
    const doc = await Doc.open('big-2', bigDraft());
    await doc.replace(' in good faith', '', doc.text.indexOf('157. '));
    let s = await doc.stats();
    expect([s.blocksAnalysed <= 2, s.documentPasses]).toEqual([true, 0]);
    await doc.insert(' consider paragraph 42 ', ' now');
    s = await doc.stats();
    expect([s.blocksAnalysed <= 2, s.documentPasses]).toEqual([true, 0]);
    await expectFresh(doc);
  });

  it('an edit that changes the outline (a label deleted) does rerun the document pass', async () => {
    const doc = await Doc.open('big-outline', bigDraft());
    await doc.replace('\n\n105. ', ' ');
    const s = await doc.stats();
    expect(s.version).toBe(2);
    expect(s.documentPasses).toBeGreaterThanOrEqual(1);
    expect(s.blocks).toBeLessThan((await Doc.open('big-outline-ref', bigDraft()).then((d) => d.stats())).blocks);
    // 104 and 106 are now neighbours: a numbering gap.
    expect(doc.published.diagnostics.map((d) => d.code)).toContain('paragraph-number-gap');
    await expectFresh(doc);
  });
});
