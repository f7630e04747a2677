// Hostile input never crashes or hangs the core: each case returns an
// analysis with diagnostics. Time bounds are generous (the benchmark measures
// speed); what they catch is a quadratic blow-up or a hang.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, DraftDocument, analysisOf, AgreedChecker, compare, toReport, summarize, type Analysis } from '../server/src/core/index';
import { compareReport } from '../server/src/report/compareText';
import { checkAnalysis } from './fuzz/helpers';
import { tried } from './support/tried';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('hostile input', () => {
  it('10 MB on one line', () => {
    const line = 'States [should]{EU} act and recall A/76/135, para. 6 [and]'.repeat(180_000);
    const { value, ms } = timed(() => analyze(line));
    expect(value.paragraphs.length).toBe(1);
    expect(value.brackets.length).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(20_000);
  });

  it('100 000 nested brackets, closed and unclosed', () => {
    const n = 100_000;
    const closed = analyze('1. ' + '['.repeat(n) + 'x' + ']'.repeat(n));
    expect(closed.brackets.length).toBe(n);
    expect(Math.max(...closed.brackets.map((b) => b.depth))).toBe(n);
    const open = analyze('1. text ' + '['.repeat(n));
    expect(open.diagnostics.filter((d) => d.code === 'unbalanced-bracket').length).toBe(n);
  });

  it('NUL and control bytes, lone surrogates, BOM in the middle', () => {
    const text = '1. A\u0000B [x\u0001]{EU} \ud800 and \udc00 [y]\ufeff{Mexico}\n\n2. \u0007[\u001b]';
    const a = analyze(text);
    expect(a.paragraphs.map((p) => p.label)).toEqual(['1', '2']);
    expect(a.brackets.length).toBe(3);
  });

  it('CR-only line ends count as lines', () => {
    const a = analyze('1. One [a]{EU}.\r\r2. Two [b\r\r3. Three.');
    expect(a.paragraphs.map((p) => [p.label, p.range.start.line])).toEqual([['1', 0], ['2', 2], ['3', 4]]);
    expect(a.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['unbalanced-bracket', 2]]);
  });

  it('a file of only brackets', () => {
    const text = '[]]['.repeat(250_000);
    const { value, ms } = timed(() => analyze(text));
    expect(value.diagnostics.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(20_000);
  });

  it('regex-hostile runs', () => {
    for (const text of ['A/'.repeat(50_000), '– '.repeat(50_000), '[a – '.repeat(20_000), '{'.repeat(100_000), '"'.repeat(100_000), '1.'.repeat(50_000)]) {
      const { ms } = timed(() => analyze(text));
      expect(ms).toBeLessThan(10_000);
    }
  });

  it('100 000 paragraphs, and an edit in the middle of them', () => {
    // Numbering restarts under each heading, as in a long compilation text.
    const text = Array.from({ length: 100_000 }, (_, i) => `${i % 1000 === 0 ? `# Part ${i / 1000 + 1}\n` : ''}${(i % 1000) + 1}. Paragraph [text]{EU}.`).join('\n');
    const doc = new DraftDocument(text);
    doc.update([{ range: { start: { line: 50_100, character: 4 }, end: { line: 50_100, character: 4 } }, text: 'x' }]);
    expect(doc.stats.blocksAnalysed).toBeLessThanOrEqual(2);
    expect(analysisOf(doc).paragraphs.length).toBe(100_000);
  });
});

// ---- issue 6: more hostile input, through analysis, compare, the agreed-language checker and the CLI ----

/** Generous: catches catastrophic backtracking or a quadratic blow-up, not slowness. */
const BOUND_MS = 10_000;

function hostile(text: string, options: Parameters<typeof analyze>[1] = {}): { a: Analysis; ms: number } {
  const { value, ms } = timed(() => analyze(text, options));
  expect(Array.isArray(value.paragraphs) && Array.isArray(value.diagnostics)).toBe(true);
  expect(ms).toBeLessThan(BOUND_MS);
  JSON.stringify(toReport('hostile', value));
  summarize(value);
  return { a: value, ms };
}

const N = 100_000;
const runs: [string, () => string][] = [
  ['A/A/A/… ×100k', () => 'A/'.repeat(N) + 'A'],
  ['A/A/A symbols ×50k', () => 'A/A/A '.repeat(N / 2)],
  ['[[[[ ×100k, no label', () => '['.repeat(N)],
  ['– – – ×100k', () => '– '.repeat(N)],
  ['[a – [b – … ×50k', () => '[a – '.repeat(N / 2)],
  ['[EU, EU, … ×50k (prefix attribution never closed)', () => '[EU, '.repeat(N / 2)],
  ['para. para. … ×100k', () => 'para. '.repeat(N)],
  ['A/76/135, para. … ×20k', () => 'A/76/135, para. '.repeat(N / 5)],
  ['paras. 1, paras. 1, … ×50k', () => 'paras. 1, '.repeat(N / 2)],
  ['digits ×1M', () => '1'.repeat(1_000_000)],
  ['digits and slashes ×200k', () => '1/'.repeat(2 * N)],
  ['digits and dots on lines ×50k (labels alone)', () => '1.\n'.repeat(N / 2)],
  // (each gap's numbers are looked up to name the missing ones: within a budget per draft, not 50 000 × 9 000)
  // (the documents a repeated footnote label cites are read once, not once per paragraph marking it)
  ['one footnote label marked and defined again ×10k', () => Array.from({ length: N / 10 }, (_, k) => `${k + 1}. Text of the paragraph[^1].\n\n[^1]: See resolution ${70 + (k % 9)}/${(k % 300) + 1}.\n`).join('\n')],
  ['labels jumping by 9 000 and back ×50k', () => Array.from({ length: N / 2 }, (_, k) => `${k + 1}. A.\n\n${9_001 + k}. B.\n`).join('\n')],
  ['{{{{ ×100k', () => '{'.repeat(N)],
  ['}}}} ×100k', () => '}'.repeat(N)],
  ['[a]{ ×50k (braces never closed)', () => '[a]{'.repeat(N / 2)],
  ['[a]( ×100k (links never closed)', () => '[a]('.repeat(N)],
  ['[^ ×100k (footnote marks never closed)', () => '1. ' + '[^'.repeat(N)],
  ['\\[ ×100k and \\ ×200k', () => '\\['.repeat(N) + '\\'.repeat(2 * N)],
  ['“ ×100k after a pinpoint', () => 'A/76/135, para. 6 ' + '“'.repeat(N)],
  ['resolution resolution … ×100k', () => 'resolution '.repeat(N)],
  ['resolutions 73/27, 73/27, … ×50k', () => 'resolutions ' + '73/27, '.repeat(N / 2)],
  ['S/RES/2341 ( ×50k', () => 'S/RES/2341 ('.repeat(N / 2)],
  ['decision 1/CP. ×50k', () => 'decision 1/CP.'.repeat(N / 2)],
  ['/Rev.1/Rev.1 … ×100k', () => 'A/RES/75/240' + '/Rev.1'.repeat(N)],
  ['of of of … ×200k', () => 'resolution 75/240' + ' of'.repeat(2 * N)],
  ['entitled “ ×30k', () => 'A/RES/1/1 entitled “'.repeat(30_000)],
  ['(a) (a) … ×100k', () => '1. ' + '(a) '.repeat(N)],
  ['Option 1: ×50k, [ALT 1: x] ×50k', () => '1. ' + 'Option 1: '.repeat(N / 2) + '[ALT 1: x]'.repeat(N / 2)],
  ['[placeholder ×50k', () => '[placeholder '.repeat(N / 2)],
  ['to be to be … ×100k', () => '[' + 'to be '.repeat(N) + ']'],
  ['(agreed ad ref) ×50k', () => '1. [x] ' + '(agreed ad ref)'.repeat(N / 2)],
  ['* and _ ×200k', () => '*'.repeat(2 * N) + '_'.repeat(2 * N)],
  ['spaces ×1M, NBSP ×1M', () => ' '.repeat(1_000_000) + '\u00a0'.repeat(1_000_000)],
  ['12 bis 12 bis … ×100k', () => '12 bis '.repeat(N)],
];

describe('hostile input: regex-hostile runs', () => {
  for (const [name, make] of runs) {
    it(name, () => {
      const text = make();
      hostile(text);
      tried('input', `regex-hostile run: ${name}`, 1, `answered in < ${BOUND_MS / 1000} s`);
    });
  }
});

describe('hostile input: size, nesting, encoding', () => {
  it('a 5 MB front matter, closed and never closed', () => {
    const body = 'key: value [with] {braces} and A/RES/75/240\n'.repeat(120_000);
    expect(body.length).toBeGreaterThan(5_000_000);
    const closed = hostile(`---\nsymbol: A/1\n${body}---\n1. States [agree]{EU}.\n`).a;
    expect(closed.paragraphs.map((p) => p.label)).toEqual(['1']);
    expect(closed.references).toEqual([]); // front matter is not searched for references
    const open = hostile(`---\nsymbol: A/1\n${body}`).a;
    expect(open.diagnostics.length).toBeGreaterThanOrEqual(0);
    tried('input', 'a 5 MB front matter (closed; never closed)', 2, 'answered; nothing in it read as references');
  });

  it('20 000 spanning brackets nested one in another: answered, memory in proportion to the text', () => {
    // Each one's text had been a copy of the rest of the file: memory grew with the square of the depth (out of memory at 20 000).
    const M = 20_000;
    let text = '';
    for (let i = 1; i <= M; i++) text += `[${i}. Paragraph number ${i} of the text.\n\n`;
    text += `End.${']'.repeat(M)}{EU}\n`;
    const before = process.memoryUsage().heapUsed;
    const { a } = hostile(text);
    expect(a.brackets.length).toBe(M);
    expect(a.brackets[0].text.length).toBeGreaterThan(text.length - 2 * M - 20);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * text.length);
    const { value: c, ms } = timed(() => compare(text, text.replace('number 7 ', 'no. 7 ')));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(c.brackets.length).toBe(M);
    tried('input', `${M} spanning brackets nested one in another (analysis and compare)`, 2, 'answered; memory in proportion to the text');
  });

  it('a symbol 10 000 characters long, in every shape', () => {
    const long = [
      'A/' + 'B'.repeat(10_000),
      'A/RES/' + '7'.repeat(10_000),
      'A/' + 'AC.292/'.repeat(1_430),
      'resolution ' + '7'.repeat(5_000) + '/' + '2'.repeat(5_000),
      'A/RES/75/240' + '/Add.1'.repeat(1_700),
      'S/RES/' + '2'.repeat(10_000) + ' (2017)',
    ];
    for (const sym of long) {
      const text = `1. States recall ${sym}, para. 6, “scope”.\n`;
      const { a } = hostile(text);
      checkAnalysis(text, a);
    }
    tried('input', 'symbols 10 000 characters long (6 shapes)', long.length, 'answered; ranges valid');
  });

  it('every control character, in labels, brackets and attributions', () => {
    const controls = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)), '\u2028', '\u2029'];
    for (const c of controls) {
      const text = `1.${c} States [sh${c}ould]{E${c}U} [x – EU${c}] [EU${c}: y] A/${c}76/135 ${c}[\n\n${c}2. Next ${c}] ${c}`;
      const { a } = hostile(text);
      checkAnalysis(text, a);
    }
    const all = controls.join('').repeat(10_000);
    checkAnalysis(all, hostile(all).a);
    tried('input', 'NUL, C0, DEL, C1, U+2028/2029 in labels, brackets, attributions, symbols', controls.length + 1, 'answered; ranges valid');
  });

  it('lone surrogates and astral characters around every piece of notation', () => {
    const pieces = ['1. ', '[', ']', '{EU}', ' – EU]', 'EU: ', 'A/76/135', ', para. 6', '“', '”', '(a) ', '[^1]', '\\[', '\n', '\r\n', '\r'];
    const odd = ['\ud800', '\udfff', '\udbff\udbff', '\udc00\ud800', '\ud83d\ude00', '\u{10ffff}'];
    let count = 0;
    for (const o of odd) {
      const text = pieces.map((p) => o + p + o).join('') + '\n\n2. ' + pieces.join(o);
      const { a } = hostile(text);
      checkAnalysis(text, a);
      count++;
    }
    const big = '\ud800[\udc00'.repeat(N);
    checkAnalysis(big, hostile(big).a);
    tried('input', 'lone surrogates (high, low, reversed pair) and astral characters around every notation piece', count + 1, 'answered; no range splits a surrogate pair');
  });

  it('a BOM in the middle: before labels, inside brackets and names', () => {
    const text = '1. One [a]{EU}.\n\ufeff2. Two [\ufeffb\ufeff]{Mex\ufeffico}.\n\n\ufeff\ufeff3. Three \ufeff[c – EU\ufeff].\n';
    const { a } = hostile(text);
    checkAnalysis(text, a);
    expect(a.paragraphs.map((p) => p.label)).toEqual(['1', '2', '3']);
    const many = '\ufeff1. x [y]\n'.repeat(N / 4);
    expect(hostile(many).a.paragraphs.length).toBe(N / 4);
    tried('input', 'BOMs in the middle of a draft (before labels, inside brackets and names)', 2, 'labels still read; answered');
  });

  it('the JSON report of 100 000 nested brackets stays proportional to the text', () => {
    // Each bracket's text holds the brackets inside it: in full, 100 000 levels make 10^10 characters.
    const text = '1. ' + '['.repeat(N) + 'x' + ']'.repeat(N);
    const report = toReport('nested', analyze(text));
    const json = JSON.stringify(report);
    expect(json.length).toBeLessThan(200 * text.length);
    for (const b of report.brackets.slice(0, 8)) expect(b.text.length).toBe(2 * (N - b.depth) + 1); // the outer levels in full
    expect(report.brackets[N - 1].text).toBe('x');
    expect(report.brackets[100].text.endsWith('…')).toBe(true);
    // a draft a few levels deep keeps every text whole
    const normal = toReport('normal', analyze('1. [a [b [c [d]{EU}] e] f] g ' + '[long text ]'.repeat(1000)));
    expect(normal.brackets.some((b) => b.text.endsWith('…'))).toBe(false);
    tried('input', '100 000 nested brackets in the JSON report', 1, 'report proportional to the text; outer 8 levels in full');
  });

  it('CR-only line ends through 50 000 paragraphs, unclosed brackets in each', () => {
    const text = '1. x [a\r'.repeat(50_000);
    const { a } = hostile(text);
    expect(a.paragraphs.length).toBe(50_000);
    expect(a.diagnostics.filter((d) => d.code === 'unbalanced-bracket').length).toBe(50_000);
    tried('input', '50 000 paragraphs with CR-only line ends, each with an unclosed bracket', 1, 'every paragraph and every unclosed bracket reported');
  });

  it('100 000 paragraphs opening brackets that span them, and 100 000 stray closers', () => {
    const spanning = Array.from({ length: N }, (_, i) => `[${i + 1}. Paragraph text.`).join('\n');
    expect(hostile(spanning).a.paragraphs.length).toBe(N - 1); // `100000.` has six digits: not a label
    const closers = Array.from({ length: N }, (_, i) => `${i + 1}. Paragraph text.]`).join('\n');
    expect(hostile(closers).a.diagnostics.filter((d) => d.code === 'unbalanced-bracket').length).toBe(N);
    tried('input', '100 000 paragraphs each opening a spanning bracket; 100 000 stray closers', 2, 'answered; every stray reported');
  });
});

describe('hostile input: the agreed-language checker', () => {
  const agreedDir = join(__dirname, '..', '..', 'shared', 'corpus', 'agreed');
  const checker = new AgreedChecker();
  for (const f of readdirSync(agreedDir).filter((n) => /\.(txt|md)$/.test(n))) checker.addText(f, readFileSync(join(agreedDir, f), 'utf8'));

  it('hostile drafts against the corpus of agreed texts', () => {
    const cases = [
      'States [should]{EU} act and recall A/RES/75/240, para. 6 [and]'.repeat(10_000),
      '1. ' + '['.repeat(N) + 'x' + ']'.repeat(N),
      Array.from({ length: 5_000 }, (_, i) => `${i + 1}. As in A/RES/75/240, para. 1, “the States”.`).join('\n'),
      '1. As in A/RES/75/240, para. 1, “' + 'the States '.repeat(N) + '”.',
      '1. ' + 'A/RES/75/240, para. 99, '.repeat(10_000),
      '1. ' + 'resolution 75/240 of 5 December 2018, entitled “x”, '.repeat(10_000),
      '\ud800[\udc00 A/RES/75/240 '.repeat(10_000),
    ];
    for (const text of cases) hostile(text, { checker });
    tried('input', 'hostile drafts (600 KB line, 100 000 nested, 5 000–10 000 quotations, pinpoints, titles) through the agreed-language checker', cases.length, `answered in < ${BOUND_MS / 1000} s each`);
  });

  it('hostile agreed texts: one 5 MB line, 100 000 nested brackets, 25 000 paragraphs, lone surrogates and NUL', () => {
    const own = new AgreedChecker();
    const texts = [
      '---\nsymbol: A/RES/1/1\nagreed: true\n---\n1. ' + 'the States shall '.repeat(300_000),
      '---\nsymbol: A/RES/1/2\n---\n1. ' + '['.repeat(N) + ']'.repeat(N),
      '---\nsymbol: A/RES/1/3\n---\n' + Array.from({ length: N / 4 }, (_, i) => `${i + 1}. The States shall cooperate on item ${i}.`).join('\n'),
      '---\nsymbol: A/RES/1/4\n---\n1. \ud800\udc00\ud800 \u0000 '.repeat(10_000),
      '',
      '---\n',
    ];
    for (const t of texts) {
      const { ms } = timed(() => own.addText('agreed.txt', t));
      expect(ms).toBeLessThan(BOUND_MS);
    }
    const draft = '1. The States shall cooperate on item 5. The States shall the States shall the States shall, as in A/RES/1/3, para. 6, “the States shall”.\n';
    const { a } = hostile(draft, { checker: own });
    checkAnalysis(draft, a);
    tried('input', 'hostile agreed texts indexed (5 MB line, 100 000 nested, 25 000 paragraphs, surrogates, NUL, empty)', texts.length, 'indexed; drafts checked against them');
  });
});

describe('hostile input: compare', () => {
  // Each against a copy edited in the middle.
  const cases: [string, () => string][] = [
    ['one paragraph of 40 000 attributed brackets', () => '1. ' + '[the States]{EU} [should]{Mexico} '.repeat(20_000)],
    ['100 000 nested brackets', () => '1. ' + '['.repeat(N) + 'x' + ']'.repeat(N)],
    ['A/A/A/… ×100k', () => 'A/'.repeat(N)],
    ['a 5 MB front matter', () => '---\n' + 'key: value value value\n'.repeat(230_000) + '---\n1. text'],
    ['digits ×1M', () => '1'.repeat(1_000_000)],
    ['one paragraph of 150 000 words', () => Array.from({ length: 150_000 }, (_, i) => 'w' + (i % 5000)).join(' ')],
    ['10 000 paragraphs, CR-only line ends', () => '1. x [a\r'.repeat(10_000)],
    ['lone surrogates and controls', () => '1. \ud800[\udc00\u0000]\u0007{EU}\r\n'.repeat(5_000)],
    // repeated texts are paired by place (compare/align.ts pairSameText), within a budget
    ['100 000 paragraphs, each text 64 times', () => Array.from({ length: 100_000 }, (_, i) => `${(i % 9000) + 1}. The text numbered ${i % 1563}.`).join('\n\n')],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      const edited = text.slice(0, text.length >> 1) + ' changed [x]{Mexico} ' + text.slice(text.length >> 1);
      const { value: c, ms } = timed(() => compare(text, edited));
      expect(ms).toBeLessThan(BOUND_MS);
      const count = (l: string | string[] | null) => (l === null ? 0 : Array.isArray(l) ? l.length : 1);
      expect(c.paragraphs.reduce((n, p) => n + count(p.old), 0)).toBe(analyze(text).paragraphs.length);
      expect(c.paragraphs.reduce((n, p) => n + count(p.new), 0)).toBe(analyze(edited).paragraphs.length);
      tried('input', `compare: ${name}, against a copy edited in the middle`, 1, 'answered; every paragraph kept');
    });
  }
});

describe('hostile input: compare, bracket outcomes through deep nesting', () => {
  // Each bracket's outcome is read off the word diff at its ends and its own words, never its
  // nested brackets' text, so depth costs what length does (this took 17 s at 10 000 deep when each
  // bracket's whole text was read), and nothing recurses as deep as the nesting.
  const M = 20_000;
  const nested = (inner: string, tail: string): string => '1. ' + '['.repeat(M) + inner + ']'.repeat(M) + tail + '\n';
  const old = nested('x', ' end.');
  for (const [name, edited, outcome] of [
    ['an edit inside all of them: each changed', nested('y', ' end.'), 'changed'],
    ['an edit after them: each unchanged', nested('x', ' end, now.'), 'unchanged'],
  ] as const) {
    it(`${M} nested brackets, ${name}`, () => {
      const { value: c, ms } = timed(() => compare(old, edited));
      expect(ms).toBeLessThan(BOUND_MS);
      expect(c.brackets.length).toBe(M);
      expect(c.brackets.every((b) => b.outcome === outcome)).toBe(true);
      tried('input', `compare: ${M} nested brackets, ${name}`, 1, `answered in ${Math.round(ms)} ms`);
    });
  }
});

describe('hostile input: compare, brackets moved within their paragraph', () => {
  // A bracket deleted in one place and found, same text and proposers, in another of its paragraph is
  // unchanged: paired through a queue per text and proposers, so repeats cost no more than distinct ones.
  const M = 20_000;
  const words = Array.from({ length: M }, (_, i) => `w${i}`);
  for (const [name, old, edited] of [
    ['the same bracket each time', words.map((w) => `[x]{EU} ${w}`), [...words].reverse().map((w) => `${w} [x]{EU}`)],
    ['each bracket different', words.map((w) => `[${w}]{EU}`), [...words].reverse().map((w) => `[${w}]{EU}`)],
  ] as const) {
    it(`${M} brackets in reverse order, ${name}: each unchanged`, () => {
      const { value: c, ms } = timed(() => compare('1. ' + old.join(' ') + '\n', '1. ' + edited.join(' ') + '\n'));
      expect(ms).toBeLessThan(BOUND_MS);
      expect(c.brackets.length).toBe(M);
      expect(c.brackets.every((b) => b.outcome === 'unchanged')).toBe(true);
      tried('input', `compare: ${M} brackets in reverse order, ${name}`, 1, `answered in ${Math.round(ms)} ms`);
    });
  }
});

describe('hostile input: the compare --json report', () => {
  it('of 100 000 nested brackets stays in proportion to the text (each bracket holds the ones inside it)', () => {
    const text = '1. ' + '['.repeat(N) + 'x' + ']'.repeat(N) + '\n';
    const c = compare(text, text + '2. [y]{EU}\n');
    const json = JSON.stringify(compareReport('old', 'new', c));
    expect(c.brackets.length).toBe(N + 1);
    expect(json.length).toBeLessThan(200 * text.length);
    tried('input', 'compare --json report of 100 000 nested brackets', 1, `written: ${(json.length / 1e6).toFixed(0)} MB of JSON for a ${(text.length / 1e3).toFixed(0)} KB text`);
  });
});

const cli = join(__dirname, '..', 'dist', 'cli.js');
describe.runIf(existsSync(cli))('hostile input: the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'negotext-hostile-'));
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  /** With a small stack (200 KB of V8 stack): any recursion as deep as the nesting would overflow it. */
  const run = (...args: string[]) => spawnSync(process.execPath, ['--stack-size=200', cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 60_000 });

  it('100 000 nested brackets (closed, unclosed) and 100 000 spanning paragraphs, with a small stack: analyze --json answers', () => {
    const spanning = Array.from({ length: N - 1 }, (_, i) => `[${i + 3}. Paragraph text.`).join('\n');
    const p = file('nested.draft.md', '1. ' + '['.repeat(N) + 'x' + ']'.repeat(N) + '\n\n2. ' + '['.repeat(N) + 'y.\n' + spanning + '\n');
    const r = run('analyze', '--json', p);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the unclosed ones are errors
    const [report] = JSON.parse(r.stdout);
    expect(report.paragraphs.length).toBe(N - 1); // 1, 2, then 3 … 99 999: `100000.` has six digits, not a label
    expect(report.brackets.length).toBe(N);
    expect(report.diagnostics.filter((d: { code: string }) => d.code === 'unbalanced-bracket').length).toBe(2 * N - 1);
    tried('cli', '100 000 nested brackets (closed; unclosed) and 100 000 spanning paragraphs, node --stack-size=200: analyze --json', 1, 'answered, exit 1, no stack overflow');
  });

  it('200 000 sections, references or brackets: status, cite and the compare summary answer (no spread of 200 000 values, no quadratic matching)', () => {
    const M = 200_000;
    const sections = file('sections.draft.md', Array.from({ length: M }, (_, i) => `# A. Section ${i}\n\n1. Text.\n\n`).join(''));
    const cites = file('cites.draft.md', Array.from({ length: M }, (_, i) => `${i + 1}. See A/RES/75/${i % 300}.\n\n`).join(''));
    const brackets = file('brackets.draft.md', '1. ' + Array.from({ length: M }, (_, i) => `[x${i}]`).join(' ') + '\n');
    const none = file('none.draft.md', '1. Nothing bracketed.\n');
    const status = run('status', sections);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain(`${M} of ${M} paragraphs agreed (100%); 0 open brackets.`);
    const cite = run('cite', cites);
    expect(cite.status, cite.stderr).toBe(0);
    expect(cite.stdout.split('\n').filter((l) => /A\/RES\/75\/\d+ {2}/.test(l))).toHaveLength(M);
    const compare = run('compare', brackets, none);
    expect(compare.status, compare.stderr).toBe(0);
    expect(compare.stdout).toContain(`Brackets: 0 agreed, ${M} dropped`);
    tried('cli', '200 000 sections (status), references (cite) and dropped brackets (compare summary), node --stack-size=200', 3, 'answered, exit 0, each within the time limit');
  }, 120_000);

  it('invalid UTF-8 and binary files get a one-line answer, never a crash', () => {
    const invalid = file('invalid.draft.md', Buffer.concat([Buffer.from('1. States [a'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xed, 0xa0, 0x80]), Buffer.from(']{EU} x\n')]));
    const nul = file('nul.draft.md', Buffer.from('1. States [a\u0000]{EU} x\n'));
    const good = file('good.draft.md', '1. States [agree]{EU}.\n');
    for (const args of [['analyze', '--json', invalid], ['analyze', invalid], ['status', invalid], ['analyze', '--json', nul], ['analyze', '--json', invalid, good]]) {
      const r = run(...args);
      // Invalid UTF-8 is read as Windows-1252 and answered (0/1), with one line saying so; a NUL byte
      // means a binary file: exit 2 with one line naming it (FORMAT.md §9). Never 3 (internal error) or a signal.
      expect(args.includes(nul) ? [2] : [0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(args.includes(nul) ? nul : invalid);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    tried('cli', 'invalid UTF-8 bytes and NUL bytes in a draft file', 5, 'invalid UTF-8: read as Windows-1252 and answered, one line on stderr; NUL: exit 2, one line; never a crash');
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
