// `negotext cite` (the built dist/cli.js in a child process) and the reference
// checks behind it: verdicts, suggestions, reference-mismatch, and the data
// the server needs for "restore the agreed wording" / "add the citation".
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AgreedChecker, analyze } from '../server/src/core/index';
import { isoDate, writtenDate } from '../server/src/core/agreedChecker';
import { documentFacts } from '../server/src/lsp/referenceHover';

/** A `cite` row without the line it ends in. */
const withoutLine = (l: string): string => l.replace(/ {2}\(line \d+\)$/, '');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const corpusAgreed = join(root, '..', 'shared', 'corpus', 'agreed');
const fixture = join(root, 'test-fixtures', 'cite-references-triggered');
const fixtureOk = join(root, 'test-fixtures', 'cite-references-not-triggered');
const input = join(fixture, 'input.draft.md');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first (npm test does)');
});

function fixtureChecker(dir: string): AgreedChecker {
  const checker = new AgreedChecker();
  for (const f of readdirSync(join(dir, 'agreed')).sort()) checker.addText(f, readFileSync(join(dir, 'agreed', f), 'utf8'));
  return checker;
}

type Ref = { symbol: string; pinpoint: string | null; verdict: string; message?: string; known: boolean; range: unknown; quote: string | null };
type Para = { label: string | null; references: Ref[]; reuse: Array<{ symbol: string; pinpoint: string; changes: number; range: unknown; diff: unknown[] }> };

function verdicts(out: string): Record<string, string[]> {
  const [report] = JSON.parse(out) as Array<{ file: string; paragraphs: Para[] }>;
  const v: Record<string, string[]> = {};
  for (const p of report!.paragraphs) {
    v[p.label ?? '-'] = [...p.references.map((r) => `${r.symbol}${r.pinpoint ? ` ${r.pinpoint}` : ''}: ${r.verdict}`), ...p.reuse.map((u) => `reuse ${u.symbol} ${u.pinpoint} (${u.changes})`)];
  }
  return v;
}

const EXPECTED = {
  '-': ['A/RES/73/27: ok'], // the heading's
  '1': ['A/RES/73/27 1.3: ok'],
  '2': ['A/RES/73/27 1.3: quote-mismatch'],
  '3': ['A/RES/73/27 1.3: quote-mismatch'],
  '4': ['A/RES/73/27 1.42: missing-pinpoint'],
  '5': ['A/76/153: unknown-document'],
  '6': ['A/RES/73/27: reference-mismatch'],
  '7': ['A/RES/73/27: reference-mismatch'],
  '8': ['reuse A/RES/73/27 1.7 (0)'],
  '9': ['reuse A/RES/73/27 1.10 (0)'],
  '10': ['A/RES/75/420: unknown-document'],
};

describe('negotext cite', () => {
  it('--json gives every reference with its verdict and every reuse, per paragraph (fixture agreed texts)', () => {
    const r = run('cite', input, '--agreed', join(fixture, 'agreed'), '--json');
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.out);
    expect(report.file).toBe(input);
    expect(Object.keys(report.paragraphs[0])).toEqual(['label', 'references', 'reuse']);
    expect(Object.keys(report.paragraphs[0].references[0])).toEqual(['symbol', 'pinpoint', 'quote', 'range', 'known', 'textChecked', 'verdict']);
    expect(verdicts(r.out)).toEqual(EXPECTED);
    const p5 = report.paragraphs.find((p: Para) => p.label === '5');
    expect(p5.references[0].message).toMatch(/did you mean A\/76\/135\?/);
    const p6 = report.paragraphs.find((p: Para) => p.label === '6');
    expect(p6.references[0].message).toMatch(/5 December 2018/);
  });

  it.runIf(existsSync(corpusAgreed))('checks the same draft against the real corpus', () => {
    const r = run('cite', input, '--agreed', corpusAgreed, '--json');
    expect(r.code).toBe(0);
    expect(verdicts(r.out)).toEqual(EXPECTED);
  });

  // (found reading `cite` as a legal officer: rows could not be traced back, and references outside any
  // paragraph were all listed first, out of document order)
  it('lists references outside any paragraph where they stand, each row with its line', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'negotext-cite-')), 'footnotes.draft.md');
    writeFileSync(f, '# II. Follow-up to resolution 75/240\n\n1. Recalls A/RES/73/27[^1].\n\n[^1]: See also A/76/135, para. 6.\n');
    const lines = run('cite', f).out.trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.replace(/ {2}ok.*(\(line \d+\))$/, ' $1'))).toEqual([
      '  —  A/RES/75/240 (line 1)',
      '  1  A/RES/73/27 (line 3)',
      '  —  A/76/135, para. 6 (line 5)',
    ]);
    rmSync(dirname(f), { recursive: true, force: true });
  });

  it('prints a readable line per reference and per reuse', () => {
    const r = run('cite', input, '--agreed', join(fixture, 'agreed'));
    expect(r.code).toBe(0);
    // Each row ends in its line, 1-based as `check` counts (labels repeat; lines do not).
    expect(r.out.split('\n').filter((l) => l !== input && l !== '').every((l) => / {2}\(line \d+\)$/.test(l))).toBe(true);
    const lines = r.out.split('\n').map(withoutLine);
    expect(lines[0]).toBe(input);
    expect(lines).toContain('  1   A/RES/73/27, para. 1.3  ok');
    expect(lines).toContain('  2   A/RES/73/27, para. 1.3  quotation differs: States [-should-] {+shall+} not knowingly allow their territory to be used for internationally wrongful acts using ICTs');
    expect(lines).toContain('  4   A/RES/73/27, para. 1.42  no paragraph 1.42');
    expect(lines).toContain('  5   A/76/153  unknown document (did you mean A/76/135?)');
    expect(lines.find((l) => l.startsWith('  6 '))).toMatch(/date differs: .*5 December 2018.*not 6 December 2018/);
    expect(lines).toContain('  8   follows A/RES/73/27, para. 1.7, unchanged');
  });

  it('says what it could not check: a pinpoint or quotation of a document known only from the catalogue; names the missing end of a range', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'negotext-cite-')), 'unchecked.draft.md');
    writeFileSync(f, '1. See A/70/174, para. 99, and A/76/135, para. 6, on "bake cakes", and resolution 75/240.\n\n2. See A/RES/73/27, paras. 1.2-1.99.\n');
    const r = run('cite', f, '--agreed', join(fixture, 'agreed'));
    const lines = r.out.split('\n').map(withoutLine);
    expect(lines).toContain('  1  A/70/174, para. 99  ok: the document exists; pinpoint not checked (its text is not among the agreed texts)');
    expect(lines).toContain('     A/76/135, para. 6  ok: the document exists; pinpoint and quotation not checked (its text is not among the agreed texts)');
    expect(lines).toContain('     A/RES/75/240  ok');
    expect(lines).toContain('  2  A/RES/73/27, paras. 1.2–1.99  no paragraph 1.99');
    const [report] = JSON.parse(run('cite', f, '--agreed', join(fixture, 'agreed'), '--json').out);
    expect(report.paragraphs[0].references.map((x: { textChecked: boolean }) => x.textChecked)).toEqual([false, false, false]);
    expect(report.paragraphs[1].references[0]).toMatchObject({ textChecked: true, verdict: 'missing-pinpoint' });
    rmSync(dirname(f), { recursive: true, force: true });
  });

  it('says on stderr why it exits 1: the draft has errors the listing does not show', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'negotext-cite-')), 'broken.draft.md');
    writeFileSync(f, '1. See resolution 75/240.\n\n2. States noted [unbalanced text.\n');
    const r = run('cite', f);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`negotext: ${f}: 1 error (run \`negotext check\` to list them)\n`);
    rmSync(dirname(f), { recursive: true, force: true });
  });

  it('suggests no other decision for a decision numbered as decisions are (1/CP.20 is a real one the catalogue lacks), but does for a misshapen one', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'negotext-cite-')), 'decisions.draft.md');
    writeFileSync(f, '1. Recalling decision 1/CP.20 and decision 7/CP.21 and decision 1/CP.210.\n');
    const lines = run('cite', f, '--agreed', corpusAgreed).out.split('\n').map(withoutLine);
    expect(lines).toContain('  1  decision 1/CP.20  unknown document');
    expect(lines).toContain('     decision 7/CP.21  unknown document');
    expect(lines).toContain('     decision 1/CP.210  unknown document (did you mean decision 1/CP.21?)');
    rmSync(dirname(f), { recursive: true, force: true });
  });

  it('calls an unknown document unknown, with or without a suggestion', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'negotext-cite-')), 'unknown.draft.md');
    writeFileSync(f, '1. The Group recalled A/99/999 and resolution 75/240.\n');
    const r = run('cite', f, '--json');
    expect(verdicts(r.out)).toEqual({ '1': ['A/99/999: unknown-document', 'A/RES/75/240: ok'] });
    rmSync(dirname(f), { recursive: true, force: true });
  });

  it('reports all ok for references that agree', () => {
    const r = run('cite', join(fixtureOk, 'input.draft.md'), '--agreed', join(fixtureOk, 'agreed'), '--json');
    expect(r.code).toBe(0);
    const all = Object.values(verdicts(r.out)).flat();
    expect(all.length).toBe(7); // one in the heading
    for (const v of all) expect(v).toMatch(/: ok$/);
  });

  it('has help, and exit 2 for bad usage', () => {
    const h = run('cite', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: negotext cite/);
    expect(run('--help').out).toMatch(/cite/);
    expect(run('cite').code).toBe(2);
    expect(run('cite', input, '--bogus').code).toBe(2);
    expect(run('cite', join(fixture, 'nope.draft.md')).code).toBe(2);
  });
});

describe('reference checks in the core', () => {
  const text = readFileSync(input, 'utf8');
  const checker = fixtureChecker(fixture);
  const a = analyze(text, { checker });
  const lines = text.split('\n');
  const slice = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    expect(r.start.line).toBe(r.end.line);
    return lines[r.start.line]!.slice(r.start.character, r.end.character);
  };

  it('agreed-language carries the agreed wording and the citation, over exactly the matched run', () => {
    const d = a.diagnostics.filter((x) => x.code === 'agreed-language');
    expect(d.map((x) => x.message)).toEqual(['This passage of 16 words follows A/RES/73/27, para. 1.7, unchanged.', 'This paragraph follows A/RES/73/27, para. 1.10, unchanged.']);
    expect(d[0]!.data).toMatchObject({
      symbol: 'A/RES/73/27', pinpoint: '1.7', changes: 0, citation: 'A/RES/73/27, para. 1.7',
      agreed: 'States should take appropriate measures to protect their critical infrastructure from ICT threats, taking into account',
    });
    expect(slice(d[0]!.range)).toBe('States should take appropriate measures to protect their critical infrastructure from ICT threats, taking into account');
    expect(d[1]!.data).toMatchObject({ agreed: 'States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions' });
    expect(slice(d[1]!.range)).toBe(d[1]!.data!.agreed);
  });

  it('a changed word in reused language: the message keeps the changes, agreed restores the wording', () => {
    const b = analyze('1. States shall seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.\n', { checker });
    const d = b.diagnostics.find((x) => x.code === 'agreed-language')!;
    // The message names the changes with a few words around them; the data holds the whole wording.
    expect(d.message).toBe('This paragraph follows A/RES/73/27, para. 1.10, with 1 change: “States [-should-] {+shall+} seek to prevent the …”.');
    expect(d.data).toMatchObject({ changes: 1, agreed: 'States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions' });
    const line = '1. States shall seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.';
    expect(d.range).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: line.length - 1 } });
  });

  it('a mistyped symbol suggests the known one', () => {
    const d = a.diagnostics.filter((x) => x.code === 'unknown-document');
    expect(d.map((x) => x.message)).toEqual([
      'A/76/153 is not in the catalogue or the agreed texts; did you mean A/76/135?',
      'A/RES/75/420 is not in the catalogue or the agreed texts; did you mean A/RES/75/240?',
    ]);
    expect(d[0]!.data).toEqual({ symbol: 'A/76/153', suggestions: ['A/76/135'] });
    // Nothing to suggest, nothing to carry: the diagnostic goes without data.
    expect(analyze('1. See A/99/999.\n').diagnostics.find((x) => x.code === 'unknown-document')!.data).toBeUndefined();
  });

  it('suggests no symbol of another body: one character off in the organ or body is another document', () => {
    const c = new AgreedChecker();
    // A/AC.292/2025/CRP.1 is catalogued: the Ad Hoc Committee 296's CRP.1 is no typo of it
    expect(c.suggestions('A/AC.296/2025/CRP.1')).toEqual([]);
    expect(c.suggestions('A/AC.292/2025/CRP.2')).toEqual(['A/AC.292/2025/CRP.1']);
    expect(c.suggestions('A/RES/43/78')).toEqual(['A/RES/43/78 H']);
    expect(c.suggestions('decision 1/CP.210')).toEqual(['decision 1/CP.21']);
    // (found trying to break it) a typo in the document type is a typo: A/REZ, A/RS are A/RES
    expect(c.suggestions('A/REZ/75/240')).toEqual(['A/RES/75/240']);
    expect(c.suggestions('A/RS/75/240')).toEqual(['A/RES/75/240']);
  });

  it('a quotation of another paragraph, or another sub-paragraph, says which one holds it', () => {
    const checker = new AgreedChecker();
    checker.addText('r.md', '---\nsymbol: A/RES/99/1\nagreed: true\n---\n4. Decides to meet again.\n\n5. Calls upon States:\n\n(a) To cooperate closely;\n\n(b) To exchange information.\n');
    const messages = (t: string) => analyze(t, { checker }).diagnostics.filter((x) => x.code === 'quote-mismatch').map((x) => x.message);
    expect(messages('1. Recalling "to cooperate closely" (A/RES/99/1, para. 5 (b)).\n')).toEqual(['The quotation is not in A/RES/99/1, para. 5 (b): it is the wording of para. 5 (a).']);
    expect(messages('1. Recalling "decides to meet again" (A/RES/99/1, para. 5).\n')).toEqual(['The quotation is not in A/RES/99/1, para. 5: it is the wording of para. 4.']);
    expect(messages('1. Recalling "to cooperate loosely" (A/RES/99/1, para. 5 (a)).\n')).toEqual([
      'The quotation does not match A/RES/99/1, para. 5 (a): the nearest agreed wording is “To cooperate closely” (to cooperate [-closely-] {+loosely+}).',
    ]);
  });

  it('an agreed text that names no symbol is indexed under its file name, so its wording is still found', () => {
    const checker = new AgreedChecker();
    const wording = 'States parties shall cooperate in good faith to conserve the living resources of the high seas for present and future generations';
    expect(checker.addText('texts/Ocean-Treaty-1999.txt', `1. ${wording}.\n`)).toBe('Ocean-Treaty-1999');
    expect(analyze(`1. ${wording}.\n`, { checker }).diagnostics.map((x) => x.message)).toEqual(['This paragraph follows Ocean-Treaty-1999, para. 1, unchanged.']);
  });

  it('a quotation that leaves out words unmarked: the nearest wording is the stretch it was cut from', () => {
    const checker = new AgreedChecker();
    checker.addText('r.md', '---\nsymbol: A/RES/99/2\nagreed: true\n---\n3. Decides that the open-ended working group on security 2021–2025 shall start its activities after the session.\n');
    const d = analyze('1. Recalling that "the open-ended working group shall start its activities" (A/RES/99/2, para. 3).\n', { checker }).diagnostics;
    expect(d.map((x) => x.message)).toEqual([
      'The quotation does not match A/RES/99/2, para. 3: the nearest agreed wording is “the open-ended working group on security 2021–2025 shall start its activities” (the open-ended working group [-on security 2021–2025-] shall start its activities).',
    ]);
  });

  it('the agreed-language squiggle takes in the marks that open the run (*…*, (b))', () => {
    const checker = new AgreedChecker();
    const wording = 'States parties shall cooperate in good faith to conserve the living resources of the high seas for present and future generations';
    checker.addText('texts/Ocean-Treaty-1999.txt', `1. ${wording}.\n`);
    const text = `1. Recalling that:\n\n(b) *${wording}*.\n`;
    const d = analyze(text, { checker }).diagnostics.find((x) => x.code === 'agreed-language')!;
    expect(d.range.start).toEqual({ line: 2, character: 4 });
  });

  it('a General Assembly decision keeps its written form as symbol and is found as A/DEC/…', () => {
    const checker = new AgreedChecker();
    checker.addText('d.md', '---\nsymbol: A/DEC/78/560\nagreed: true\n---\n1. Decides to meet.\n');
    const r = analyze('1. Recalling General Assembly decision 78/560, para. 2, and decision 78/560, para. 1.\n', { checker });
    expect(r.references.map((x) => [x.symbol, x.known])).toEqual([['decision 78/560', true], ['decision 78/560', true]]);
    expect(r.diagnostics.map((x) => [x.code, x.message])).toEqual([['missing-pinpoint', expect.stringContaining('78/560')]]);
  });

  it('a wrong date or title is reference-mismatch on the date or the title, saying what the catalogue has', () => {
    const d = a.diagnostics.filter((x) => x.code === 'reference-mismatch');
    expect(d.map((x) => [x.severity, slice(x.range), x.data?.field, x.data?.expected])).toEqual([
      ['warning', '6 December 2018', 'date', '5 December 2018'],
      ['warning', 'Developments in the field of information security', 'title', 'Developments in the field of information and telecommunications in the context of international security'],
    ]);
    // a title cited by its part before or after the colon is the title
    const titled = (t: string) => analyze(`1. Recalling its resolution 70/1 of 25 September 2015, entitled "${t}".\n`).diagnostics.filter((x) => x.code === 'reference-mismatch').length;
    expect([titled('Transforming our world'), titled('The 2030 Agenda for Sustainable Development'), titled('Transforming the world')]).toEqual([0, 0, 1]);
    // catalogue only, no agreed texts: the date is still checked
    const c = analyze('1. Recalling Security Council resolution 2341 (2017) and resolutions 73/27 of 5 December 2018 and 75/240 of 1 January 2021.\n');
    expect(c.diagnostics.filter((x) => x.code === 'reference-mismatch').map((x) => x.message)).toEqual(['A/RES/75/240 is dated 31 December 2020 in the catalogue, not 1 January 2021.']);
  });

  it('never warns on a catalogue field no record has confirmed (`unverified`), and still on a confirmed one', () => {
    const mismatches = (text: string) => analyze(text).diagnostics.filter((x) => x.code === 'reference-mismatch').map((x) => x.data?.field);
    // A/76/135: title confirmed, issue date not (and the hover says so).
    expect(documentFacts('A/76/135')).toMatchObject({ date: '2021-07-14 (date not verified)', title: expect.not.stringMatching(/not verified/) });
    expect(mismatches('1. Recalling A/76/135, entitled “Report of the Group on something else”, the Group met.\n')).toEqual(['title']);
    // A/RES/43/78 H: date confirmed, title doubtful.
    expect(mismatches('1. Recalling its resolution 43/78 H, entitled “Anything at all”, the Group met.\n')).toEqual([]);
    expect(mismatches('1. Recalling its resolution 43/78 H of 8 December 1988.\n')).toEqual(['date']);
  });

  it('converts dates', () => {
    expect(isoDate('5 December 2018')).toBe('2018-12-05');
    expect(isoDate('31 Smarch 2018')).toBeUndefined();
    expect(writtenDate('2020-12-31')).toBe('31 December 2020');
  });
});
