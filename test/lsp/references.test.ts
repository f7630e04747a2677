// References to UN documents in the editor: hover (title, date, the cited
// paragraph), go to definition (the agreed text at the paragraph), find
// references (open drafts and the workspace's draft files), completion of
// symbols, document links to undocs.org, and the quick fixes of
// agreed-language (restore the agreed wording, add the citation).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, DocumentLink, Hover, Location, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { AGREED_CORPUS, CASE_FIXTURES, applyTextEdits, applyWorkspaceEdit, freshUri, initializeResult, openAndWait, parseCursor, textIn } from './fixtures/harness';
import { agreedFixes, agreedWording, quoteFixes } from '../../server/src/lsp/agreedFixes';
import { analyze } from '../../server/src/core/index';
import { DraftDocument } from '../../server/src/core/document';

const REPO = join(__dirname, '..', '..');
const AGREED_REL = 'test-fixtures/references-checked-triggered/agreed';
const AGREED_FILE = join(CASE_FIXTURES, 'references-checked-triggered', 'agreed', 'A-RES-73-27-excerpt.md');
const haveCorpus = existsSync(AGREED_CORPUS);

const lineOf = (file: string, start: string) => readFileSync(file, 'utf8').split(/\r\n|\r|\n/).findIndex((l) => l.startsWith(start));

let fixture: LspClient; // agreed fixture folder, relative to the repository (rootUri)
let corpus: LspClient | undefined; // the shared agreed corpus, absolute
let plain: LspClient; // no agreed texts
let ws: LspClient; // a temporary workspace with draft files on disk
let workspace: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'negotext-refs-'));
  mkdirSync(join(workspace, 'sub'));
  mkdirSync(join(workspace, 'node_modules'));
  mkdirSync(join(workspace, '.hidden'));
  writeFileSync(join(workspace, 'sub', 'disk.draft.txt'), '1. Recalling A/RES/75/240.\n\n2. As in A/RES/73/27, para. 1.7, States act.\n');
  writeFileSync(join(workspace, 'open.draft.md'), '1. On disk, A/RES/73/27 is cited here but the open text wins.\n');
  writeFileSync(join(workspace, 'node_modules', 'x.draft.md'), '1. A/RES/73/27\n');
  writeFileSync(join(workspace, '.hidden', 'y.draft.md'), '1. A/RES/73/27\n');
  writeFileSync(join(workspace, 'notes.md'), '1. A/RES/73/27\n');
  [fixture, corpus, plain, ws] = await Promise.all([
    LspClient.start({ settings: { agreedTexts: [AGREED_REL] }, rootPath: REPO }),
    haveCorpus ? LspClient.start({ settings: { agreedTexts: [AGREED_CORPUS] } }) : Promise.resolve(undefined),
    LspClient.start(),
    LspClient.start({ settings: { agreedTexts: [join(REPO, AGREED_REL)] }, rootPath: workspace }),
  ]);
});
afterAll(async () => {
  await Promise.all([fixture, corpus, plain, ws].map((c) => c?.stop()));
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const CITING = '1. States recalled that "States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs" (A/RES/7‸3/27, para. 1.3).\n';

async function at(client: LspClient, src: string, name = 'refs') {
  const { text, position, positions } = parseCursor(src);
  const uri = freshUri(name);
  await openAndWait(client, uri, text);
  return { uri, text, position, positions };
}

describe('capabilities', () => {
  it('advertises definition, references and document links, and / and space as completion triggers', async () => {
    const caps = (await initializeResult()).capabilities;
    expect(caps.definitionProvider).toBeTruthy();
    expect(caps.referencesProvider).toBeTruthy();
    expect(caps.documentLinkProvider).toBeTruthy();
    expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['{', ',', '/', ' ']));
  });
});

describe('hover on a reference', () => {
  it('shows the title, the date and the cited paragraph (fixture agreed folder)', async () => {
    const { uri, text, position } = await at(fixture, CITING);
    const h = await fixture.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    const v = (h.contents as MarkupContent).value;
    expect(v).toContain('**A/RES/73/27**, para. 1.3');
    expect(v).toContain('Developments in the field of information and telecommunications');
    expect(v).toContain('2018-12-05');
    expect(v).toContain('States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs. States must not use proxies');
    expect(v).toContain('Known document');
    expect(textIn(text, h.range!)).toBe('A/RES/73/27');
  });

  it.skipIf(!haveCorpus)('shows the paragraph from the shared corpus, trimmed', async () => {
    const { uri, position } = await at(corpus!, CITING);
    const v = ((await corpus!.request<Hover>('textDocument/hover', { textDocument: { uri }, position })).contents as MarkupContent).value;
    expect(v).toContain('2018-12-05');
    expect(v).toMatch(/States should not\s+knowingly allow/);
    expect(v.length).toBeLessThan(1200);
  });

  it('on the pinpoint too (para. 1.3, paragraph 1.3 of …): the cited paragraph', async () => {
    const { uri, positions } = await at(fixture, '1. See A/RES/73/27, para. 1‸.3, and paragr‸aph 1.3 of A/RES/73/27.\n');
    for (const position of positions) {
      const v = ((await fixture.request<Hover>('textDocument/hover', { textDocument: { uri }, position })).contents as MarkupContent).value;
      expect(v).toContain('**A/RES/73/27**, para. 1.3');
      expect(v).toContain('States should not knowingly allow');
    }
  });

  it('inside a bracket: the cited document, then the bracket', async () => {
    const { uri, text, positions } = await at(plain, '1. States [recalled resolution 7‸3/27]{EU} and [agreed]{Canada}.\n');
    const h = await plain.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] });
    const v = (h.contents as MarkupContent).value;
    expect(v).toMatch(/^\*\*A\/RES\/73\/27\*\*/);
    expect(v).toContain('Developments in the field');
    expect(v).toContain('---');
    expect(v).toContain('European Union');
    expect(textIn(text, h.range!)).toBe('resolution 73/27');
  });

  it('without agreed texts: title and date from the catalogue, no paragraph; an unknown document says so', async () => {
    const { uri, positions } = await at(plain, '1. See A/RES/7‸3/27, para. 1.3, and A/99/1‸23.\n');
    const v = ((await plain.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[0] })).contents as MarkupContent).value;
    expect(v).toContain('Developments in the field');
    expect(v).toContain('2018-12-05');
    expect(v).not.toContain('States should not');
    const u = ((await plain.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positions[1] })).contents as MarkupContent).value;
    expect(u).toContain('Not in the catalogue or the agreed texts');
  });

  it('a bracket still comes first', async () => {
    const { uri, position } = await at(plain, '1. States [recall A/RES/7‸3/27]{EU}.\n');
    const v = ((await plain.request<Hover>('textDocument/hover', { textDocument: { uri }, position })).contents as MarkupContent).value;
    expect(v).toContain('**Bracket**');
  });
});

describe('go to definition', () => {
  it('opens the agreed text at the line of the cited paragraph', async () => {
    const { uri, position } = await at(fixture, CITING);
    const loc = await fixture.request<Location>('textDocument/definition', { textDocument: { uri }, position });
    expect(loc.uri).toBe(pathToFileURL(AGREED_FILE).href);
    expect(loc.range.start).toEqual({ line: lineOf(AGREED_FILE, '1.3.'), character: 0 });
    expect(lineOf(AGREED_FILE, '1.3.')).toBeGreaterThan(0);
  });

  it.skipIf(!haveCorpus)('in the shared corpus', async () => {
    const { uri, position } = await at(corpus!, CITING);
    const loc = await corpus!.request<Location>('textDocument/definition', { textDocument: { uri }, position });
    const file = join(AGREED_CORPUS, 'A-RES-73-27.txt');
    expect(loc.uri).toBe(pathToFileURL(file).href);
    expect(loc.range.start.line).toBe(lineOf(file, '1.3.'));
  });

  it('is null without an agreed text for the document, and off a reference', async () => {
    const { uri, positions } = await at(plain, '1. See A/RES/7‸3/27, para. 1.3. Pro‸se.\n');
    for (const position of positions) expect(await plain.request('textDocument/definition', { textDocument: { uri }, position })).toBeNull();
  });
});

describe('find references', () => {
  it('lists every citation in the open drafts and in the workspace draft files', async () => {
    const a = parseCursor('1. Recalling A/RES/7‸3/27, para. 1.3.\n\n2. And A/RES/75/240 and A/RES/73/27.\n');
    const b = '1. Citing A/RES/73/27 again.\n';
    const uriA = pathToFileURL(join(workspace, 'open.draft.md')).href; // also on disk: the open text wins
    const uriB = pathToFileURL(join(workspace, 'other.draft.md')).href; // open only
    await openAndWait(ws, uriA, a.text);
    await openAndWait(ws, uriB, b);
    const locs = await ws.request<Location[]>('textDocument/references', { textDocument: { uri: uriA }, position: a.position, context: { includeDeclaration: false } });
    const disk = pathToFileURL(join(workspace, 'sub', 'disk.draft.txt')).href;
    const key = (l: Location) => `${l.uri}@${l.range.start.line}:${l.range.start.character}`;
    expect(locs.map(key).sort()).toEqual([`${uriA}@0:13`, `${uriA}@2:24`, `${uriB}@0:10`, `${disk}@2:9`].sort());
    const withDecl = await ws.request<Location[]>('textDocument/references', { textDocument: { uri: uriA }, position: a.position, context: { includeDeclaration: true } });
    expect(withDecl.length).toBe(locs.length + 1);
    expect(withDecl.map((l) => l.uri)).toContain(pathToFileURL(AGREED_FILE).href);
    // A file changed on disk is read again.
    writeFileSync(join(workspace, 'sub', 'disk.draft.txt'), '1. Nothing cited.\n\n\n3. A/RES/73/27\n');
    const again = await ws.request<Location[]>('textDocument/references', { textDocument: { uri: uriA }, position: a.position, context: { includeDeclaration: false } });
    expect(again.filter((l) => l.uri === disk).map((l) => l.range.start.line)).toEqual([3]);
  });

  it('on a delegation in an attribution: its attributions in the draft, whatever form they take', async () => {
    const { uri, text, position } = await at(plain, '1. [a]{E‸U, Mexico} and [b – European Union] and [EU, Brazil: c] and [d]{Brazil}.\n\n2. [e]{France} and [f]{Frnce}.\n', 'proposer-refs');
    const locs = await plain.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(locs.map((l) => textIn(text, l.range))).toEqual(['EU', 'European Union', 'EU']);
    expect(new Set(locs.map((l) => l.uri))).toEqual(new Set([uri]));
  });

  it('on an unknown name: the same spelling', async () => {
    const { uri, text, positions } = await at(plain, '1. [e]{Fr‸nce} and [f]{Frnce} and [g]{France}.\n', 'proposer-refs-unknown');
    const locs = await plain.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positions[0], context: { includeDeclaration: true } });
    expect(locs.map((l) => `${textIn(text, l.range)}@${l.range.start.character}`)).toEqual(['Frnce@7', 'Frnce@22']);
  });

  it('is null off a reference; no declaration without an agreed text', async () => {
    const { uri, positions } = await at(plain, '1. Pro‸se and A/RES/7‸3/27.\n');
    expect(await plain.request('textDocument/references', { textDocument: { uri }, position: positions[0], context: { includeDeclaration: true } })).toBeNull();
    const locs = await plain.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positions[1], context: { includeDeclaration: true } });
    // Every open draft of this client that cites it (other tests' too), and no agreed text.
    expect(locs.map((l) => l.uri)).toContain(uri);
    for (const l of locs) expect(l.uri).toMatch(/^file:\/\/\/tmp\/negotext-lsp-test\//);
  });
});

describe('completion of symbols', () => {
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
  const accept = (text: string, item: CompletionItem) => applyTextEdits(text, [item.textEdit as TextEdit]);

  it('after A/RES/7: catalogue symbols, replacing what was typed', async () => {
    const { uri, text, position } = await at(plain, '1. Recalling A/RES/7‸');
    const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    expect(labels(items)).toEqual(expect.arrayContaining(['A/RES/73/27', 'A/RES/75/240', 'A/RES/70/237']));
    expect(labels(items).every((l) => l.startsWith('A/RES/7'))).toBe(true);
    const item = items.find((i) => i.label === 'A/RES/73/27')!;
    expect(item.detail).toContain('Developments in the field');
    expect(item.documentation).toBe('2018-12-05');
    expect(accept(text, item)).toBe('1. Recalling A/RES/73/27');
  });

  it('after S/RES/ and FCCC/, and after decision 1/', async () => {
    for (const [src, label, expected] of [
      ['1. Recalling S/RES/‸', 'S/RES/2341 (2017)', '1. Recalling S/RES/2341 (2017)'],
      ['1. Recalling FCCC/‸', 'FCCC/CP/2015/10/Add.1', '1. Recalling FCCC/CP/2015/10/Add.1'],
      ['1. Recalling decision 1/‸', '1/CP.21', '1. Recalling decision 1/CP.21'],
    ]) {
      const { uri, text, position } = await at(plain, src);
      const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
      const item = items?.find((i) => i.label === label);
      expect(item, src).toBeDefined();
      expect(accept(text, item!)).toBe(expected);
    }
  });

  it('after "resolution ": the short form, with the full symbol and title as detail', async () => {
    const { uri, text, position } = await at(plain, '1. Recalling General Assembly resolution ‸');
    const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    const item = items.find((i) => i.label === '75/240')!;
    expect(item.detail).toContain('A/RES/75/240');
    expect(item.detail).toContain('Developments in the field');
    expect(accept(text, item)).toBe('1. Recalling General Assembly resolution 75/240');
    const typed = await at(plain, '1. Recalling resolutions 73/27 and 75/2‸');
    const more = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: typed.uri }, position: typed.position });
    expect(labels(more)).toEqual(['75/240']);
    expect(accept(typed.text, more[0])).toBe('1. Recalling resolutions 73/27 and 75/240');
  });

  it('offers agreed-text symbols too, and nothing in prose', async () => {
    const { uri, positions } = await at(fixture, '1. Recalling A/RES/73/2‸ and prose ‸');
    expect(labels(await fixture.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positions[0] }))).toContain('A/RES/73/27');
    expect(await fixture.request('textDocument/completion', { textDocument: { uri }, position: positions[1] })).toBeNull();
  });

  it('proposer names still come first inside an attribution', async () => {
    const { uri, position } = await at(plain, '1. [text]{G-77/Ch‸');
    expect(labels(await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position }))).toContain('G-77/China');
  });
});

describe('document links', () => {
  it('links each reference to undocs.org; decisions without a URL are skipped', async () => {
    const text = '1. See A/RES/73/27, para. 1.3, S/RES/2341 (2017), decision 1/CP.21 and General Assembly resolution 58/199.\n';
    const uri = freshUri('links');
    await openAndWait(plain, uri, text);
    const links = await plain.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    expect(links.map((l) => l.target)).toEqual([
      'https://undocs.org/A/RES/73/27',
      'https://undocs.org/S/RES/2341%20(2017)',
      'https://undocs.org/A/RES/58/199',
    ]);
    expect(textIn(text, links[0].range)).toBe('A/RES/73/27');
    expect(links[0].tooltip).toBe('Open A/RES/73/27 on undocs.org');
  });
});

describe('quick fix for quote-mismatch: quote the agreed wording', () => {
  it('replaces the quotation with the nearest agreed wording of the paragraph cited', async () => {
    const text = '1. Recalling that “States should not knowingly permit their territory to be used for internationally wrongful acts using ICTs” (A/RES/73/27, para. 1.3),\n';
    const uri = freshUri('quote-fix');
    const p = await openAndWait(fixture, uri, text);
    const diagnostics = p.diagnostics.filter((d) => d.code === 'quote-mismatch');
    expect(diagnostics).toHaveLength(1);
    const actions = await fixture.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, triggerKind: 1 } });
    const fix = actions.find((a) => a.title === 'Quote the agreed wording of A/RES/73/27, para. 1.3')!;
    expect(fix.isPreferred).toBe(true);
    expect(applyWorkspaceEdit(text, uri, fix.edit!)).toBe(
      '1. Recalling that “States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs” (A/RES/73/27, para. 1.3),\n',
    );
  });

  it('offers nothing when the nearest wording is in another paragraph, or the quotation holds a bracket', () => {
    const range = { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } };
    const d = (data: object) => ({ range, message: '', code: 'quote-mismatch', data: { symbol: 'A/RES/99/1', nearest: 'To cooperate closely', ...data } });
    expect(quoteFixes('file:///x.draft.md', d({ pinpoint: '5 (a)', nearestLabel: '5 (a)' })).map((a) => a.title)).toEqual(['Quote the agreed wording of A/RES/99/1, para. 5 (a)']);
    expect(quoteFixes('file:///x.draft.md', d({ pinpoint: '4', nearestLabel: '5 (a)' }))).toEqual([]);
    expect(quoteFixes('file:///x.draft.md', d({ pinpoint: '4, 5 (a)', nearestLabel: '5 (a)' })).map((a) => a.title)).toEqual(['Quote the agreed wording of A/RES/99/1, para. 4, 5 (a)']);
    const text = '1. “to [cooperate]{EU} loosely”\n';
    expect(quoteFixes('file:///x.draft.md', d({ pinpoint: '5 (a)', nearestLabel: '5 (a)' }), new DraftDocument(text))).toEqual([]);
  });
});

describe('quick fixes for agreed-language', () => {
  const CHANGED = '4. States shall take appropriate measures to protect their national critical infrastructure from ICT threats, taking into account General Assembly resolution 58/199.\n';
  const run = 'States should take appropriate measures to protect their critical infrastructure from ICT threats, taking into account General Assembly resolution 58/199';

  async function fixes(client: LspClient, text: string) {
    const uri = freshUri('agreed-fix');
    const p = await openAndWait(client, uri, text);
    const diagnostics = p.diagnostics.filter((d) => d.code === 'agreed-language');
    expect(diagnostics).toHaveLength(1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, triggerKind: 1 },
    });
    return { uri, actions };
  }

  it('restores the agreed wording and adds the citation', async () => {
    const { uri, actions } = await fixes(fixture, CHANGED);
    const restore = actions.find((a) => a.title === 'Restore the agreed wording of A/RES/73/27, para. 1.7')!;
    expect(restore.kind).toBe('quickfix');
    expect(applyWorkspaceEdit(CHANGED, uri, restore.edit!)).toBe(`4. ${run}.\n`);
    const cite = actions.find((a) => a.title === 'Add the citation (A/RES/73/27, para. 1.7)')!;
    expect(applyWorkspaceEdit(CHANGED, uri, cite.edit!)).toBe(
      '4. States shall take appropriate measures to protect their national critical infrastructure from ICT threats, taking into account General Assembly resolution 58/199 (A/RES/73/27, para. 1.7).\n',
    );
  });

  it('a run that takes in a bracket: no restore (it would delete a [ or ]), and the citation goes after the bracket', async () => {
    const text = '4. States shall take appropriate measures to protect their national critical infrastructure from ICT threats, [taking into account General Assembly resolution 58/199]{EU} and more.\n';
    const { uri, actions } = await fixes(fixture, text);
    expect(actions.filter((a) => a.title.startsWith('Restore'))).toEqual([]);
    const cite = actions.find((a) => a.title.startsWith('Add the citation'))!;
    expect(applyWorkspaceEdit(text, uri, cite.edit!)).toBe(
      '4. States shall take appropriate measures to protect their national critical infrastructure from ICT threats, [taking into account General Assembly resolution 58/199]{EU} (A/RES/73/27, para. 1.7) and more.\n',
    );
  });

  it('unchanged agreed language: only the citation', async () => {
    const text = `1. Noting that States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs, the Group agreed.\n`;
    const { uri, actions } = await fixes(fixture, text);
    expect(actions.filter((a) => a.title.startsWith('Restore'))).toEqual([]);
    const cite = actions.find((a) => a.title === 'Add the citation (A/RES/73/27, para. 1.3)')!;
    expect(applyWorkspaceEdit(text, uri, cite.edit!)).toBe(
      '1. Noting that States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs (A/RES/73/27, para. 1.3), the Group agreed.\n',
    );
  });

  it('rebuilds the agreed wording from the diff when the diagnostic does not carry it', () => {
    const diff = [
      { op: 'equal', text: 'States ' }, { op: 'delete', text: 'should ' }, { op: 'insert', text: 'shall ' },
      { op: 'equal', text: 'take appropriate measures to protect their ' }, { op: 'insert', text: 'national ' },
      { op: 'equal', text: 'critical infrastructure' }, { op: 'delete', text: ' now' },
    ] as const;
    expect(agreedWording({ diff: [...diff] })).toBe('States should take appropriate measures to protect their critical infrastructure now');
    const range = { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } };
    const actions = agreedFixes('file:///x.draft.md', { range, message: '', code: 'agreed-language', data: { symbol: 'A/RES/73/27', pinpoint: '1.7', changes: 2, diff: [...diff] } });
    expect(actions.map((a) => a.title)).toEqual(['Restore the agreed wording of A/RES/73/27, para. 1.7', 'Add the citation (A/RES/73/27, para. 1.7)']);
  });

  // (found driving the server: the run ended in `, and`, and the citation went between `and` and its verb)
  it('cites a run ending in joining words after its last word, before the comma', () => {
    const text = '3. Further decides that the group shall start its activities upon the conclusion of the work of the current working group, and requests the Secretary-General to report.\n';
    const end = text.indexOf(' requests');
    const range = { start: { line: 0, character: 3 }, end: { line: 0, character: end } };
    const actions = agreedFixes('file:///x.draft.md', { range, message: '', code: 'agreed-language', data: { symbol: 'A/RES/75/240', pinpoint: '3', changes: 0 } }, new DraftDocument(text), analyze(text));
    const cite = actions.find((a) => a.title === 'Add the citation (A/RES/75/240, para. 3)')!;
    expect(applyWorkspaceEdit(text, 'file:///x.draft.md', cite.edit!)).toBe(
      '3. Further decides that the group shall start its activities upon the conclusion of the work of the current working group (A/RES/75/240, para. 3), and requests the Secretary-General to report.\n',
    );
  });

  it.skipIf(!haveCorpus)('in the shared corpus too', async () => {
    const text = '1. States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs, and should take appropriate measures.\n';
    const uri = freshUri('agreed-fix-corpus');
    const p = await openAndWait(corpus!, uri, text);
    const d = p.diagnostics.find((x) => x.code === 'agreed-language');
    expect(d).toBeDefined();
    const actions = await corpus!.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d], triggerKind: 1 } });
    expect(actions.some((a) => a.title.startsWith('Add the citation (A/RES/73/27'))).toBe(true);
  });
});
