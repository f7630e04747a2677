// The whole-document requests: documentSymbol (sections, paragraphs by label,
// status and bracket count in detail, sub-paragraphs as children), folding
// ranges, semantic tokens decoded with the legend of the initialize result,
// code lenses, and the negotext/ledger request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, DocumentSymbol, FoldingRange, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import {
  decodeTokens, freshUri, initializeResult, openAndWait, sharedDrafts, sharedFixture, textIn, type Range,
} from './fixtures/harness';

let client: LspClient;
let legend: SemanticTokensLegend;
beforeAll(async () => {
  const [c, init] = await Promise.all([LspClient.start(), initializeResult()]);
  client = c;
  legend = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
});
afterAll(async () => {
  await client?.stop();
});

const td = (uri: string) => ({ textDocument: { uri } });

interface LedgerBracket {
  id: string; range: Range; paragraph: string | null; depth: number; kind: string; proposers: string[];
  action: string | null; text: string; status: string | null; group: string | null; closed: boolean;
}
interface Ledger {
  uri: string; version: number;
  paragraphs: { total: number; agreed: number; agreedAdRef: number; pending: number };
  brackets: LedgerBracket[];
}

async function opened(name: string, text: string): Promise<string> {
  const uri = freshUri(name);
  await openAndWait(client, uri, text);
  return uri;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const within = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);

/** Paragraph symbols in document order, at any depth below sections. */
function paragraphs(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => (s.kind === 3 /* Namespace: a section */ ? s.children ?? [] : [s]));
}

function checkNesting(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    expect(within(s.selectionRange, s.range), `${s.name}: selectionRange inside range`).toBe(true);
    if (parent) expect(within(s.range, parent.range), `${s.name} inside ${parent.name}`).toBe(true);
    checkNesting(s.children ?? [], s);
  }
}

describe('documentSymbol', () => {
  it('outlines oewg-progress-report as sections A., B., C. with their paragraphs', async () => {
    const text = sharedFixture('oewg-progress-report.draft.md');
    const uri = await opened('oewg', text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri));
    expect(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)])).toEqual([
      ['A. Introduction', ['1', '2']],
      ['B. Existing and potential threats', ['3', '3 bis', '4']],
      ['C. Confidence-building measures', ['5', '6', '7']],
    ]);
    expect(paragraphs(symbols).map((p) => p.detail)).toEqual([
      'agreed-ad-ref', 'agreed', 'pending · 1 bracket', 'pending · 1 bracket', 'pending · 4 brackets',
      'pending · 1 bracket', 'pending · 1 bracket', 'agreed-ad-ref',
    ]);
    checkNesting(symbols);
    // A paragraph's selection is its label as written; a section's, its heading.
    const p3bis = paragraphs(symbols)[3];
    expect(textIn(text, p3bis.selectionRange)).toBe('3 bis.');
    expect(textIn(text, symbols[1].selectionRange)).toContain('B. Existing and potential threats');
  });

  it.each(sharedDrafts().map((f) => [f.name, f] as const))('%s: paragraphs, statuses and bracket counts as expected.json', async (name, f) => {
    const uri = await opened(name, f.text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri));
    checkNesting(symbols);
    const got = paragraphs(symbols).map((p) => ({ label: p.name, detail: p.detail }));
    const want = (f.expected.paragraphs ?? []).map((p) => ({
      label: p.label,
      detail: p.brackets ? `${p.status} · ${p.brackets} bracket${p.brackets === 1 ? '' : 's'}` : p.status,
    }));
    if (f.expected.paragraphs) expect(got).toEqual(want);
  });

  it('names paragraphs by their output label and gives sub-paragraphs as children', async () => {
    const text = sharedFixture('resolution-pp-op.draft.md');
    const uri = await opened('pp-op', text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri));
    expect(symbols.map((s) => s.name)).toEqual(['PP1', 'PP2', 'PP3', 'OP1', 'OP2']);
    const op1 = symbols[3];
    expect(op1.children?.map((c) => c.name)).toEqual(['OP1 (a)', 'OP1 (b)', 'OP1 (c)']);
    expect(op1.children?.map((c) => c.range.start.line)).toEqual([13, 14, 15]);
    expect(symbols[4].children ?? []).toEqual([]);
    checkNesting(symbols);
  });

  it('nests a ## section in the # part before it, and selects a sub-paragraph by its marker', async () => {
    const text = '# I. Part one\n\n## A. Sub one\n\n1. One.\n\n2. Two\n(a) first;\n(b) second [x]{EU}.\n\n## B. Sub two\n\n3. Three.\n\n# II. Part two\n\n4. Four.\n';
    const uri = await opened('nested-sections', text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri));
    const tree = (s: DocumentSymbol[]): unknown[] => s.map((x) => (x.children?.length ? [x.name, tree(x.children)] : x.name));
    expect(tree(symbols)).toEqual([['I. Part one', [['A. Sub one', ['1', ['2', ['2 (a)', '2 (b)']]]], ['B. Sub two', ['3']]]], ['II. Part two', ['4']]]);
    expect(symbols[0].range).toMatchObject({ start: { line: 0 }, end: { line: 12 } });
    checkNesting(symbols);
    const sub = symbols[0].children![0].children![1].children!;
    expect(sub.map((x) => textIn(text, x.selectionRange))).toEqual(['(a)', '(b)']);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', td(uri));
    expect(ranges.filter((r) => r.kind === 'region').map((r) => `${r.startLine}-${r.endLine}`)).toEqual(['0-12', '2-8', '10-12', '14-16']);
  });

  it('writes labels in their one output form and keeps unlabelled text as ¶n', async () => {
    const uri = await opened('labels', 'Chapeau text before any label.\n\n# A. One\n\n12bis. Text.\n\n12 ter) Text.\n\nPp1 Being text.\n\n3.3bis. Text.\n');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri));
    const names = (s: DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...names(x.children ?? [])]);
    expect(names(symbols)).toEqual(expect.arrayContaining(['A. One', '12 bis', '12 ter', 'PP1', '3.3 bis']));
    expect(names(symbols)).not.toContain('12bis');
  });

  it('has no paragraphs for an empty draft', async () => {
    const uri = await opened('empty', '');
    expect(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uri))).toEqual([]);
  });
});

describe('foldingRange', () => {
  it('folds sections, multi-line paragraphs and multi-line brackets', async () => {
    const uri = await opened('oewg-fold', sharedFixture('oewg-progress-report.draft.md'));
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', td(uri));
    const key = (r: FoldingRange) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`;
    // Sections A. (7–11), B. (13–20), C. (22–28) end at their last paragraph; paragraph 4 spans lines 19–20.
    expect(ranges.map(key).sort()).toEqual(['7-11 region', '13-20 region', '22-28 region', '19-20'].sort());
  });

  it('folds a bracket that runs over lines inside a paragraph', async () => {
    const uri = await opened('bracket-fold', '1. States agree\nthat [this text\nruns over\nlines]{EU} here.\n\n2. One line.\n');
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', td(uri));
    expect(ranges.map((r) => `${r.startLine}-${r.endLine}`).sort()).toEqual(['0-3', '1-3']);
  });

  it('folds a bracket over the same lines as its paragraph once', async () => {
    const uri = await opened('bracket-fold-once', '1. States [agree to\nthe whole\nthing]{Brazil} here.\n\n2. One line.\n');
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', td(uri));
    expect(ranges.map((r) => `${r.startLine}-${r.endLine}`)).toEqual(['0-2']);
  });

  it('folds nothing in a draft of one-line paragraphs without headings', async () => {
    const uri = await opened('no-fold', '1. One [bracket]{EU}.\n\n2. Two.\n\n3. Three.\n');
    expect(await client.request<FoldingRange[]>('textDocument/foldingRange', td(uri))).toEqual([]);
  });
});

describe('semanticTokens', () => {
  const TEXT = '# A. Title\n\n12 bis. States [should [now]{Russia}]{EU} act [x][y] [...] [a – US delete], see resolution 75/240.\n\nPP3. [Iran: text] and [z]{Atlantis} and [open\n';

  it('marks brackets by depth and kind, proposers, labels and references', async () => {
    const uri = await opened('tokens', TEXT);
    const r = await client.request<SemanticTokens>('textDocument/semanticTokens/full', td(uri));
    const tokens = decodeTokens(r.data, legend, TEXT).map((t) => `${t.line}:${t.character} ${t.text} ${t.type}${t.modifiers.length ? ` ${t.modifiers.join(',')}` : ''}`);
    expect(tokens).toEqual([
      '2:0 12 bis. paragraphLabel',
      '2:15 [ bracket depth1',
      '2:23 [ bracket depth2',
      '2:27 ] bracket depth2',
      '2:29 Russia proposer',
      '2:36 ] bracket depth1',
      '2:38 EU proposer',
      '2:46 [ bracket depth1,alternative',
      '2:48 ] bracket depth1,alternative',
      '2:49 [ bracket depth1,alternative',
      '2:51 ] bracket depth1,alternative',
      '2:53 [ bracket depth1,placeholder',
      '2:57 ] bracket depth1,placeholder',
      '2:59 [ bracket depth1,deletion',
      '2:64 US proposer',
      '2:73 ] bracket depth1,deletion',
      '2:80 resolution 75/240 reference',
      '4:0 PP3. paragraphLabel',
      '4:5 [ bracket depth1',
      '4:6 Iran proposer',
      '4:16 ] bracket depth1',
      '4:22 [ bracket depth1',
      '4:24 ] bracket depth1',
      '4:26 Atlantis proposer unknown',
      '4:40 [ bracket depth1,unclosed',
    ]);
  });

  it('answers a range request with the tokens of those lines only', async () => {
    const uri = await opened('tokens-range', TEXT);
    const r = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } },
    });
    const tokens = decodeTokens(r.data, legend, TEXT);
    expect(tokens.length).toBe(8);
    expect(new Set(tokens.map((t) => t.line))).toEqual(new Set([4]));
    expect(tokens[0]).toMatchObject({ line: 4, character: 0, text: 'PP3.', type: 'paragraphLabel' });
  });

  it('gives no tokens for plain prose', async () => {
    const uri = await opened('tokens-none', 'Plain prose without labels, brackets or references.\n');
    expect(await client.request<SemanticTokens>('textDocument/semanticTokens/full', td(uri))).toEqual({ data: [] });
  });

  it('never sends overlapping or out-of-line tokens for the shared fixtures', async () => {
    for (const f of sharedDrafts()) {
      const uri = await opened(f.name, f.text);
      const r = await client.request<SemanticTokens>('textDocument/semanticTokens/full', td(uri));
      const tokens = decodeTokens(r.data, legend, f.text);
      const lines = f.text.split(/\r\n|\r|\n/);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        expect(t.type, `${f.name} token ${i}`).toBeDefined();
        expect(t.length).toBeGreaterThan(0);
        expect(t.character + t.length, `${f.name} ${t.line}:${t.character}`).toBeLessThanOrEqual(lines[t.line].length);
        const prev = tokens[i - 1];
        if (prev && prev.line === t.line) expect(prev.character + prev.length, `${f.name} ${t.line}:${t.character}`).toBeLessThanOrEqual(t.character);
      }
      expect(tokens.filter((t) => t.type === 'bracket' && t.text === '[').length, f.name).toBeGreaterThan(0);
    }
  });
});

describe('codeLens', () => {
  it('gives each paragraph its status, bracket count and proposers by full name', async () => {
    const uri = await opened('lens', sharedFixture('oewg-progress-report.draft.md'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', td(uri));
    expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [9, 'agreed-ad-ref'],
      [11, 'agreed'],
      [15, 'pending · 1 bracket · European Union, Canada'],
      [17, 'pending · 1 bracket · Russian Federation, China'],
      [19, 'pending · 4 brackets · Group of 77 and China, Iran (Islamic Republic of), European Union, United States of America'],
      [24, 'pending · 1 bracket · Mexico, Uruguay'],
      [26, 'pending · 1 bracket · Iran (Islamic Republic of)'],
      [28, 'agreed-ad-ref'],
    ]);
  });

  it('names each proposer once, aliases resolved, and none for unattributed brackets', async () => {
    const uri = await opened('lens-aliases', '1. [a]{EU, Russia} [b]{European Union} [c – Russian Federation]\n\n2. [unattributed] text.\n');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', td(uri));
    expect(lenses.map((l) => l.command?.title)).toEqual(['pending · 3 brackets · European Union, Russian Federation', 'pending · 1 bracket']);
  });

  it('says whose bracket a paragraph stands in when it opened in an earlier one', async () => {
    const uri = await opened('lens-spanned', '2. Before.\n\n[3 bis. Whole paragraph text.\n\n4. Second spanned paragraph.]{EU}\n\n5. After [x]{Cuba}.\n');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', td(uri));
    expect(lenses.map((l) => l.command?.title)).toEqual(['agreed', 'pending · 1 bracket · European Union', 'pending · within a bracket of European Union', 'pending · 1 bracket · Cuba']);
    const plain = await opened('lens-spanned-unattributed', '[3 bis. Whole paragraph text.\n\n4. Second spanned paragraph.]\n');
    const plainLenses = await client.request<CodeLens[]>('textDocument/codeLens', td(plain));
    expect(plainLenses.map((l) => l.command?.title)).toEqual(['pending · 1 bracket', 'pending · within an unattributed bracket']);
  });

  it('has no lens for a draft without paragraphs', async () => {
    const uri = await opened('lens-none', '# A. Only a heading\n');
    expect(await client.request<CodeLens[]>('textDocument/codeLens', td(uri))).toEqual([]);
  });
});

describe('negotext/ledger', () => {
  it.each(sharedDrafts().map((f) => [f.name, f] as const))('%s: every bracket, as expected.json, with ranges on the brackets', async (name, f) => {
    const uri = await opened(name, f.text);
    const ledger = await client.request<Ledger>('negotext/ledger', td(uri));
    expect(ledger.uri).toBe(uri);
    expect(ledger.version).toBe(1);
    if (f.expected.brackets) {
      // FORMAT.md §9 lists closed brackets; the ledger has unclosed ones too, marked `closed: false`.
      const got = ledger.brackets.filter((b) => b.closed).map((b, i) => Object.fromEntries(Object.keys(f.expected.brackets![Math.min(i, f.expected.brackets!.length - 1)]).map((k) => [k, b[k as keyof LedgerBracket]])));
      expect(got).toEqual(f.expected.brackets);
    }
    if (f.expected.paragraphs) {
      const count = (s: string) => f.expected.paragraphs!.filter((p) => p.status === s).length;
      expect(ledger.paragraphs).toEqual({ total: f.expected.paragraphs.length, agreed: count('agreed'), agreedAdRef: count('agreed-ad-ref'), pending: count('pending') });
    }
    for (const b of ledger.brackets) {
      const written = textIn(f.text, b.range);
      expect(written.startsWith('['), `${b.id} ${written}`).toBe(true);
      if (b.closed) expect(/[\]}]$/.test(written), `${b.id} ${written}`).toBe(true);
      expect(b.status === null || ['agreed', 'agreed-ad-ref', 'pending'].includes(b.status)).toBe(true);
    }
  });

  it("gives each bracket its paragraph's heading (labels repeat under each Article)", async () => {
    const text = '# Article 2\n\n1. States [act]{EU}.\n\n# Article 3\n\n1. States [meet]{US}.\n\n[heading note]\n';
    const uri = await opened('ledger-sections', text);
    const ledger = await client.request<Ledger>('negotext/ledger', td(uri));
    expect(ledger.brackets.map((b) => [b.paragraph, (b as LedgerBracket & { section: string | null }).section])).toEqual([['1', 'Article 2'], ['1', 'Article 3'], ['1', 'Article 3']]);
  });

  it('lists paragraph, depth, kind, proposers and status of each bracket', async () => {
    const text = '1. States [should [now]{Russia}]{EU} act [x][y] and [the PoA – US delete].\n\n2. Agreed.\n';
    const uri = await opened('ledger', text);
    const ledger = await client.request<Ledger>('negotext/ledger', td(uri));
    expect(ledger.paragraphs).toEqual({ total: 2, agreed: 1, agreedAdRef: 0, pending: 1 });
    expect(ledger.brackets.map((b) => ({ text: textIn(text, b.range), paragraph: b.paragraph, depth: b.depth, kind: b.kind, proposers: b.proposers, action: b.action, status: b.status, closed: b.closed }))).toEqual([
      { text: '[should [now]{Russia}]{EU}', paragraph: '1', depth: 1, kind: 'text', proposers: ['European Union'], action: null, status: 'pending', closed: true },
      { text: '[now]{Russia}', paragraph: '1', depth: 2, kind: 'text', proposers: ['Russian Federation'], action: null, status: 'pending', closed: true },
      { text: '[x]', paragraph: '1', depth: 1, kind: 'alternative', proposers: [], action: null, status: 'pending', closed: true },
      { text: '[y]', paragraph: '1', depth: 1, kind: 'alternative', proposers: [], action: null, status: 'pending', closed: true },
      { text: '[the PoA – US delete]', paragraph: '1', depth: 1, kind: 'deletion', proposers: ['United States of America'], action: 'delete', status: 'pending', closed: true },
    ]);
    const [, , x, y] = ledger.brackets;
    expect(x.group).not.toBeNull();
    expect(x.group).toBe(y.group);
  });

  it('has no brackets for an agreed draft', async () => {
    const uri = await opened('ledger-none', '1. Agreed text.\n');
    const ledger = await client.request<Ledger>('negotext/ledger', td(uri));
    expect(ledger).toMatchObject({ uri, version: 1, paragraphs: { total: 1, agreed: 1, agreedAdRef: 0, pending: 0 }, brackets: [] });
  });
});
