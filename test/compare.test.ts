// compare(old, new) (FORMAT.md §10): every folder test-fixtures/compare-*/
// holds old.draft.md, new.draft.md and expected.json; then properties.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, compare, type Comparison } from '../server/src/core/index';
import { fold, paragraphTexts, wordDiff, type DiffPart, type ParagraphChange } from '../server/src/core/compare/compare';
import { findCrossReferences } from '../server/src/core/compare/crossReferences';

const own = join(__dirname, '..', 'test-fixtures');
const read = (p: string): string => readFileSync(p, 'utf8').replace(/^\ufeff/, '');

/**
 * expected.json: `paragraphs`, `brackets`, `proposers` are the whole lists
 * (a paragraph's `diff` is compared only when the expected entry has one);
 * `paragraphsInclude`, `bracketsInclude`, `proposersInclude` are entries some
 * actual entry must match on the keys given, strings matching as prefixes;
 * `crossReferences` is the whole list of cross-references to check, each
 * entry compared on the keys it names (`range` and `offset` may be left out).
 */
interface Expected {
  paragraphs?: ParagraphChange[];
  brackets?: Comparison['brackets'];
  proposers?: Comparison['proposers'];
  paragraphsInclude?: Record<string, unknown>[];
  bracketsInclude?: Record<string, unknown>[];
  proposersInclude?: Record<string, unknown>[];
  crossReferences?: Record<string, unknown>[];
}

function matches(actual: Record<string, unknown>, want: Record<string, unknown>): boolean {
  return Object.entries(want).every(([k, v]) =>
    typeof v === 'string' && typeof actual[k] === 'string' ? (actual[k] as string).startsWith(v) : JSON.stringify(actual[k]) === JSON.stringify(v),
  );
}

function checkInclude(name: string, actual: object[], wants: Record<string, unknown>[] | undefined): void {
  for (const w of wants ?? []) {
    const hit = actual.some((a) => matches(a as Record<string, unknown>, w));
    expect(hit, `${name}: no entry matches ${JSON.stringify(w)}`).toBe(true);
  }
}

export function checkCompare(oldText: string, newText: string, expected: Expected): Comparison {
  const c = compare(oldText, newText);
  if (expected.paragraphs) {
    const got = c.paragraphs.map((p, i) => {
      const want = expected.paragraphs![i];
      if (want && !('diff' in want)) {
        const { diff: _diff, ...rest } = p;
        return rest;
      }
      return p;
    });
    expect(got).toEqual(expected.paragraphs);
  }
  if (expected.brackets) expect(c.brackets).toEqual(expected.brackets);
  if (expected.proposers) expect(c.proposers).toEqual(expected.proposers);
  checkInclude('paragraphs', c.paragraphs, expected.paragraphsInclude);
  checkInclude('brackets', c.brackets, expected.bracketsInclude);
  checkInclude('proposers', c.proposers, expected.proposersInclude);
  if (expected.crossReferences) {
    const got = (c.crossReferences ?? []).map((x, i) => {
      const keys = Object.keys(expected.crossReferences![i] ?? x);
      return Object.fromEntries(keys.map((k) => [k, (x as unknown as Record<string, unknown>)[k]]));
    });
    expect(got).toEqual(expected.crossReferences);
  }
  checkInvariants(oldText, newText, c);
  return c;
}

const escapeForHtml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const labelsOf = (l: string | string[] | null): string[] => (l === null ? [] : Array.isArray(l) ? l : [l]);
const joinText = (d: DiffPart[], skip: DiffPart['op']): string => d.filter((p) => p.op !== skip).map((p) => p.text).join('');

/** What holds for every comparison: each paragraph once; diffs rebuild both texts; each bracket once. */
function checkInvariants(oldText: string, newText: string, c: Comparison): void {
  const oldA = analyze(oldText);
  const newA = analyze(newText);
  const sorted = (xs: string[]): string[] => [...xs].sort();
  expect(sorted(c.paragraphs.flatMap((p) => labelsOf(p.old)))).toEqual(sorted(oldA.paragraphs.map((p) => p.label)));
  expect(sorted(c.paragraphs.flatMap((p) => labelsOf(p.new)))).toEqual(sorted(newA.paragraphs.map((p) => p.label)));
  expect(c.brackets.filter((b) => b.outcome !== 'added').length).toBe(oldA.brackets.length);
  expect(c.brackets.filter((b) => b.outcome === 'added').length).toBe(newA.brackets.length - c.brackets.filter((b) => b.outcome === 'changed' || b.outcome === 'unchanged').length);
  // Texts by label, when labels are unique on each side.
  const oldT = paragraphTexts(oldText);
  const newT = paragraphTexts(newText);
  if (new Set(oldT.map((p) => p.label)).size !== oldT.length || new Set(newT.map((p) => p.label)).size !== newT.length) return;
  const oldBody = new Map(oldT.map((p) => [p.label, p.body]));
  const newBody = new Map(newT.map((p) => [p.label, p.body]));
  for (const p of c.paragraphs) {
    if (p.old === null || p.new === null) continue;
    const a = labelsOf(p.old).map((l) => oldBody.get(l)).join('\n\n');
    const b = labelsOf(p.new).map((l) => newBody.get(l)).join('\n\n');
    if (p.diff) {
      expect(joinText(p.diff, 'insert')).toBe(a);
      expect(joinText(p.diff, 'delete')).toBe(b);
      expect(p.modified).toBe(true);
    } else {
      expect(fold(a)).toBe(fold(b));
      expect(p.modified).toBe(false);
    }
  }
}

describe('compare fixtures', () => {
  const names = readdirSync(own).filter((n) => n.startsWith('compare-') && existsSync(join(own, n, 'old.draft.md'))).sort();
  it('are there', () => expect(names.length).toBeGreaterThanOrEqual(12));
  for (const name of names) {
    const dir = join(own, name);
    it(name, () => checkCompare(read(join(dir, 'old.draft.md')), read(join(dir, 'new.draft.md')), JSON.parse(read(join(dir, 'expected.json'))) as Expected));
  }
});

describe('compare edge cases', () => {
  it('an empty old file: every paragraph added', () => {
    const c = checkCompare('', '1. States met twice.\n\n2. [States agreed.]{EU}\n', {});
    expect(c.paragraphs).toEqual([
      { old: null, new: '1' },
      { old: null, new: '2' },
    ]);
    expect(c.brackets).toEqual([{ paragraph: '2', text: 'States agreed.', proposers: ['European Union'], outcome: 'added' }]);
  });
  it('an empty new file: every paragraph deleted, every bracket dropped', () => {
    const c = checkCompare('1. States met twice.\n\n2. [States agreed.]{EU}\n', '', {});
    expect(c.paragraphs).toEqual([
      { old: '1', new: null },
      { old: '2', new: null },
    ]);
    expect(c.brackets.map((b) => b.outcome)).toEqual(['dropped']);
  });
  it('a short paragraph moved with its attributions only respelled is one entry, its brackets unchanged', () => {
    const long = (n: number): string => `${n}. States underlined that they should continue to implement norm ${n} at the national and regional levels.`;
    const c = checkCompare(
      `1. States [noted]{US, UK} it [fully – Russia].\n\n${long(2)}\n\n${long(3)}\n`,
      `${long(2)}\n\n${long(3)}\n\n1. States [noted]{United Kingdom, USA} it [Russian Federation: fully].\n`,
      {},
    );
    expect(c.paragraphs.filter((p) => p.old === '1')).toEqual([expect.objectContaining({ old: '1', new: '1', modified: true, moved: true })]);
    expect(c.brackets.map((b) => b.outcome)).toEqual(['unchanged', 'unchanged']);
  });
  it('the proposers table runs in the order proposers first appear in brackets; the summary, Markdown and HTML sort by count', async () => {
    const long = 'States expressed serious concern that the ICT threat landscape continues to intensify and evolve.';
    const c = checkCompare(`1. ${long} [one]{Brazil} [two]{EU} [three]{EU}\n`, `1. ${long} one [two]{EU} three\n`, {});
    expect(c.proposers.map((p) => p.name)).toEqual(['Brazil', 'European Union']);
    const { formatCompare, formatCompareMarkdown } = await import('../server/src/report/compareText');
    const { formatCompareHtml } = await import('../server/src/report/compareHtml');
    for (const out of [formatCompare('a', 'b', c), formatCompareMarkdown('a', 'b', c)])
      expect(out.lastIndexOf('European Union')).toBeLessThan(out.lastIndexOf('Brazil')); // the table comes last
    const html = formatCompareHtml('a', 'b', c, '', '');
    expect(html.lastIndexOf('European Union')).toBeLessThan(html.lastIndexOf('Brazil'));
  });
  it('the HTML report reads emphasis in unchanged text (*Recalling* in italics, **Option 1:** unmarked), never in inserted or deleted text', async () => {
    const { formatCompareHtml } = await import('../server/src/report/compareHtml');
    const oldT = 'PP1. *Recalling* its resolution 75/240,\n\nOP1. **Option 1:** States [should]{EU} act_now and _promptly_ on the report.\n\nOP2. *Decides* to convene.\n';
    const newT = 'PP1. *Recalling* its resolution 75/240,\n\nOP1. **Option 1:** States should act_now and _promptly_ on the report.\n\nOP2. *Decides* to *convene* a meeting.\n';
    const html = formatCompareHtml('a', 'b', compare(oldT, newT), oldT, newT);
    expect(html).toContain('<em>Recalling</em> its resolution');
    expect(html).toContain('Option 1: States <del>[</del>should<del>]{EU}</del> act_now and <em>promptly</em>');
    // the marks inserted around "convene" are a change: shown as inserted, as written
    expect(html).toMatch(/<em>Decides<\/em> to <ins>\*<\/ins>convene<ins>\*( a meeting)?<\/ins>/);
  });
  it('the HTML report keeps every asterisk that is no emphasis, and added or deleted paragraphs as written', async () => {
    const { formatCompareHtml } = await import('../server/src/report/compareHtml');
    const marks = 'The Parties**, the States** and (*) and A/RES/*/240, then *****.';
    const oldT = `1. ${marks}\n\n2. The Parties*, and Article 5*, apply.\n\n3. *Old* paragraph **gone**.\n`;
    const newT = `1. ${marks}\n\n2. The States*, and Article 5*, apply.\n\n4. **Option 1:** *new* paragraph.\n`;
    const html = formatCompareHtml('a', 'b', compare(oldT, newT), oldT, newT);
    expect(html).toContain(escapeForHtml(marks));
    expect(html).toContain('<ins>States</ins>*, and Article 5*, apply.'); // the diff cuts after "States": still a footnote mark
    expect(html).toContain('*Old* paragraph **gone**.');
    expect(html).toContain('**Option 1:** *new* paragraph.');
    expect(html).not.toContain('<em>');
  });
  it('diffs read line ends as \\n, as bracket texts do: a CRLF revision against an LF one shows no \\r', () => {
    const lf = '1. States [agreed]{EU} to meet\nin Geneva next year.\n\n2. States noted the report.\n';
    const edited = lf.replace('Geneva', 'New York');
    const fromCrlf = compare(lf.replace(/\n/g, '\r\n'), edited);
    expect(fromCrlf.paragraphs).toEqual(compare(lf, edited).paragraphs);
    expect(JSON.stringify(fromCrlf.paragraphs)).not.toContain('\\r');
    expect(compare(lf.replace(/\n/g, '\r'), edited.replace(/\n/g, '\r\n')).paragraphs).toEqual(compare(lf, edited).paragraphs);
    // Only line ends changed: the same text (§10 `modified` is about text).
    expect(compare(lf.replace(/\n/g, '\r\n'), lf).paragraphs.every((p) => !('modified' in p) || p.modified === false)).toBe(true);
  });

  it('a pathological pair falls back to delete + insert', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const d = wordDiff(a, b, 10);
    expect(joinText(d, 'insert')).toBe(a);
    expect(joinText(d, 'delete')).toBe(b);
  });

  it('comes out the same however slow the machine: the word diff counts edits, it does not watch a clock', () => {
    const a = '1. [Parties shall]{EU} cooperate on [adaptation]{AOSIS} and finance, [in accordance with]{G77} the Convention.';
    const b = '1. Parties shall cooperate on [adaptation]{AOSIS} and [climate]{US} finance, in accordance with the Convention.';
    const calm = compare(a, b);
    // A clock that jumps a second at every look: any time limit would run out at once.
    let t = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (t += 1000));
    const perf = vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
    try {
      expect(compare(a, b)).toEqual(calm);
    } finally {
      now.mockRestore();
      perf.mockRestore();
    }
    expect(calm.paragraphs[0].diff?.some((p) => p.op === 'equal' && p.text.includes('cooperate on'))).toBe(true);
  });
});

describe('internal cross-references (findCrossReferences)', () => {
  const found = (t: string) => findCrossReferences(t).map((r) => ({ text: r.text, series: r.series, direction: r.direction, labels: r.labels.map((l) => l.label) }));
  const texts = (t: string) => findCrossReferences(t).map((r) => r.text);

  it('reads the usual forms', () => {
    expect(found('as set out in paragraph 12 above, and in paragraph 14 below')).toEqual([
      { text: 'paragraph 12 above', series: '', direction: 'above', labels: ['12'] },
      { text: 'paragraph 14 below', series: '', direction: 'below', labels: ['14'] },
    ]);
    expect(found('Paragraphs 3, 4 and 6 above')[0].labels).toEqual(['3', '4', '6']);
    expect(found('in paragraphs 3 and 4 of the present resolution')[0]).toMatchObject({ text: 'paragraphs 3 and 4 of the present resolution', labels: ['3', '4'], direction: null });
    expect(texts('paragraph 5 of this decision; paragraph 5 of the present draft report')).toEqual(['paragraph 5 of this decision', 'paragraph 5 of the present draft report']);
    expect(found('recalls operative paragraph 3 and preambular paragraph 2')).toEqual([
      { text: 'operative paragraph 3', series: 'OP', direction: null, labels: ['3'] },
      { text: 'preambular paragraph 2', series: 'PP', direction: null, labels: ['2'] },
    ]);
    expect(found('subparagraph (b) of paragraph 4 above')).toEqual([{ text: 'subparagraph (b) of paragraph 4 above', series: '', direction: 'above', labels: ['4'] }]);
    expect(texts('subparagraphs (a) and (c) of operative paragraph 4')).toEqual(['subparagraphs (a) and (c) of operative paragraph 4']);
  });

  it('reads ranges by their ends, bis and decimal numbers, sub-paragraphs and line breaks', () => {
    expect(found('paragraphs 3 to 5 above')[0].labels).toEqual(['3', '5']);
    expect(found('paras. 7–9 above')[0]).toMatchObject({ text: 'paras. 7–9 above', labels: ['7', '9'] });
    expect(found('para. 7-9 below')[0].labels).toEqual(['7', '9']);
    expect(found('paragraph 12 bis above and paragraph 12bis below and paragraph 12 quat above').map((r) => r.labels[0])).toEqual(['12 bis', '12 bis', '12 quater']);
    expect(found('paragraph 3.3 bis above')[0].labels).toEqual(['3.3 bis']);
    const t = 'the measures in paragraph 4 (b) (ii) above';
    const r = findCrossReferences(t)[0];
    expect(r.text).toBe('paragraph 4 (b) (ii) above');
    expect(t.slice(r.labels[0].start, r.labels[0].end)).toBe('4');
    expect(texts('as set out in paragraph\n12 above')).toEqual(['paragraph\n12 above']);
  });

  it('reads the facilitators’ OP3 / PP 2 shorthand, upper case only', () => {
    expect(found('{move after OP3} {see PP 2 above} pp. 12–14, op. cit., Op 3')).toEqual([
      { text: 'OP3', series: 'OP', direction: null, labels: ['3'] },
      { text: 'PP 2 above', series: 'PP', direction: 'above', labels: ['2'] },
    ]);
  });

  it('leaves out references to other documents', () => {
    for (const t of [
      'by paragraph 6 of resolution 75/240, the Assembly decided',
      'the norms contained in A/76/135, para. 6, and (A/70/174, para. 13)',
      'paragraph 13 of A/76/135 and paragraphs 71 and 72 of document A/76/135',
      'in line with operative paragraph 5 of resolution 76/19',
      'General Assembly resolution 73/27 of 5 December 2018, operative paragraph 3',
      'Security Council resolution 2341 (2017), operative paragraph 3',
      'resolution 75/240, paragraph 2 above',
      'recalling that “the measures set out in paragraph 2 above should be implemented” (A/76/135, para. 8)',
      'Article 6, paragraph 2 above',
      'paragraph 5 of the present Agreement and paragraph 3 of annex I',
      'as requested in paragraph 5, and in paragraph […] above and paragraph X above',
      'a temperature increase of 1.5 °C above pre-industrial levels; paragraph 75/240 above',
    ])
      expect(texts(t), t).toEqual([]);
  });

  it('takes an internal reference next to an external one', () => {
    expect(texts('paragraph 6 of resolution 75/240 and paragraph 3 above')).toEqual(['paragraph 3 above']);
    expect(texts('(A/76/135, para. 8); see also paragraph 4 below')).toEqual(['paragraph 4 below']);
  });

  it('never throws, and every span lies in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('paragraph', 'paras.', ' ', '12', ' bis', ' and ', ' to ', '–', ' above', ' of the present resolution', 'OP', '3', '(b)', ',', '“', '”', 'A/76/135', '\n'), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        for (const r of findCrossReferences(t)) {
          expect(t.slice(r.start, r.end)).toBe(r.text);
          for (const l of r.labels) expect(l.start >= r.start && l.end <= r.end).toBe(true);
        }
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

describe('cross-references in a comparison', () => {
  it('are left out when not asked for, and out of the §10 object', async () => {
    const dir = join(own, 'compare-crossref-renumbered');
    const [a, b] = ['old', 'new'].map((s) => read(join(dir, `${s}.draft.md`)));
    expect(compare(a, b, { crossReferences: false }).crossReferences).toBeUndefined();
    const c = compare(a, b);
    expect(c.crossReferences).toHaveLength(1);
    const { compareReport } = await import('../server/src/report/compareText');
    expect(Object.keys(compareReport('a', 'b', c))).toEqual(['old', 'new', 'paragraphs', 'brackets', 'proposers']);
  });

  it('the HTML report reads the paragraph texts the comparison kept, and the same without them', async () => {
    const { formatCompareHtml } = await import('../server/src/report/compareHtml');
    const dir = join(own, 'compare-oewg-rev1-rev2');
    const [a, b] = ['old', 'new'].map((s) => read(join(dir, `${s}.draft.md`)));
    const c = compare(a, b);
    expect(JSON.stringify(c)).toBe(JSON.stringify({ ...c }));
    expect(formatCompareHtml('a', 'b', c, a, b)).toBe(formatCompareHtml('a', 'b', { ...c }, a, b));
  });

  it('positions are LSP positions in the new text, CRLF too', () => {
    const dir = join(own, 'compare-crossref-renumbered');
    const [a, b] = ['old', 'new'].map((s) => read(join(dir, `${s}.draft.md`)).replace(/\n/g, '\r\n'));
    const [x] = compare(a, b).crossReferences!;
    expect(x.range).toEqual({ start: { line: 10, character: 67 }, end: { line: 10, character: 84 } });
    expect(b.slice(x.offset, x.offset + x.text.length)).toBe('paragraph 3 above');
  });

  it('a split makes the suggestion plural, as written ("para." → "paras.")', () => {
    const dir = join(own, 'compare-split');
    const tail = '\n4. States agreed to revert to the incidents described in para. 2 above and in paragraph 3 above at the next session.\n';
    const [a, b] = ['old', 'new'].map((s) => read(join(dir, `${s}.draft.md`)) + tail);
    expect(compare(a, b).crossReferences!.map((x) => [x.text, x.reason, x.suggestion])).toEqual([['para. 2 above', 'split', 'paras. 2 and 2 bis above']]);
  });

  it('a reference whose target moved below it says so', () => {
    const a = '1. States met twice in New York during the year.\n\n2. States agreed on the agenda of the meetings, as set out in paragraph 1 above.\n';
    const b = '1. States agreed on the agenda of the meetings, as set out in paragraph 1 above.\n\n2. States met twice in New York during the year.\n';
    expect(compare(a, b).crossReferences).toMatchObject([{ paragraph: '1', reason: 'renumbered', targets: [{ named: '1', old: '1', new: ['2'] }], suggestion: 'paragraph 2 below' }]);
  });
});

// ---- properties ----

const VOCAB = Array.from({ length: 400 }, (_, i) => {
  const syll = ['ta', 'ke', 'ro', 'mi', 'su', 'na', 'lo', 'vi', 'de', 'pa', 'gu', 'ze'];
  return syll[i % 12] + syll[Math.floor(i / 12) % 12] + (i >= 144 ? syll[Math.floor(i / 144) % 12] : '');
});
const PROPOSERS = ['EU', 'Canada', 'Brazil', 'Kenya', 'China', 'Mexico'];

const sentence = fc.array(fc.constantFrom(...VOCAB), { minLength: 14, maxLength: 30 }).map((ws) => ws.join(' ') + '.');
/** A paragraph, sometimes with a bracket in it. */
const paragraph = fc.tuple(sentence, fc.option(fc.tuple(fc.nat(10), fc.nat(4), fc.constantFrom(...PROPOSERS)), { nil: undefined })).map(([s, br]) => {
  if (!br) return s;
  const ws = s.split(' ');
  const at = Math.min(br[0], ws.length - 2);
  const len = 1 + br[1];
  return [...ws.slice(0, at), `[${ws.slice(at, at + len).join(' ')}]{${br[2]}}`, ...ws.slice(at + len)].join(' ');
});
const draft = (ps: string[]): string => ps.map((p, i) => `${i + 1}. ${p}`).join('\n\n') + '\n';

/** One small edit of a paragraph: a word replaced, inserted or removed, or a bracket added. */
function edit(p: string, r: number): string {
  const ws = p.split(' ');
  const at = 1 + (r % (ws.length - 2));
  const w = VOCAB[(r * 7) % VOCAB.length];
  switch (r % 4) {
    case 0:
      ws[at] = w;
      break;
    case 1:
      ws.splice(at, 0, w);
      break;
    case 2:
      ws.splice(at, 1);
      break;
    default:
      ws.splice(at, 0, `[${w}]{Kenya}`);
  }
  return ws.join(' ');
}

const runs = { seed: 20261123, numRuns: 60 };

describe('compare properties', () => {
  it('compare(a, a) reports nothing changed', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 12 }), (ps) => {
        const t = draft(ps);
        const c = compare(t, t);
        for (const p of c.paragraphs) expect(p).toEqual({ old: p.old, new: p.new, modified: false, renumbered: false, moved: false });
        expect(c.paragraphs.every((p) => p.old === p.new)).toBe(true);
        expect(c.brackets.every((b) => b.outcome === 'unchanged')).toBe(true);
      }),
      runs,
    );
  });

  it('every paragraph appears once, and each diff rebuilds both texts', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(20), fc.nat(1000), fc.constantFrom('edit', 'delete', 'insert', 'swap', 'rewrite')), { maxLength: 8 }),
        paragraph,
        (ps, ops, extra) => {
          const qs = [...ps];
          for (const [k, r, op] of ops) {
            const i = qs.length ? k % qs.length : 0;
            if (op === 'insert' || qs.length === 0) qs.splice(i, 0, edit(extra, r));
            else if (op === 'delete') qs.splice(i, 1);
            else if (op === 'swap') [qs[i], qs[(i + 1) % qs.length]] = [qs[(i + 1) % qs.length], qs[i]];
            else if (op === 'rewrite') qs[i] = extra;
            else qs[i] = edit(qs[i], r);
          }
          checkInvariants(draft(ps), draft(qs), compare(draft(ps), draft(qs)));
        },
      ),
      runs,
    );
  });

  it('fold is the regular expression it replaced', () => {
    const byRegex = (s: string): string => s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
    const chars = fc.constantFrom('a', 'b', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0000', 'é', '\u200b', '\u2028');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(fold(s)).toBe(byRegex(s));
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('word diffs of any two strings rebuild both', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const d = wordDiff(a, b);
        expect(joinText(d, 'insert')).toBe(a);
        expect(joinText(d, 'delete')).toBe(b);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('word diffs cut no word in two, nor a character', () => {
    expect(wordDiff('States shall cooperate', 'States should cooperate')).toEqual([
      { op: 'equal', text: 'States ' },
      { op: 'delete', text: 'shall' },
      { op: 'insert', text: 'should' },
      { op: 'equal', text: ' cooperate' },
    ]);
    expect(wordDiff('a sharp rise', 'a sharper rise').filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'sharp' },
      { op: 'insert', text: 'sharper' },
    ]);
    const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(c);
    const unit = fc.constantFrom('a', 'b', 'é', ' ', '  ', ',', '[', ']', '{', '}', '\u{1F600}', '\u{1F601}', 'x1');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.array(unit, { maxLength: 30 }), (xs, ys) => {
        const a = xs.join('');
        const b = ys.join('');
        let i = 0; // offset in a
        let j = 0; // offset in b
        const atEdge = (s: string, k: number): boolean => {
          if (k <= 0 || k >= s.length) return true;
          const hi = s.charCodeAt(k - 1);
          if (hi >= 0xd800 && hi <= 0xdbff) return false;
          return !(isWord(s[k - 1]) && isWord(s[k]));
        };
        for (const p of wordDiff(a, b)) {
          if (p.op !== 'insert') expect(atEdge(a, i), `${JSON.stringify(a)} cut at ${i}`).toBe(true);
          if (p.op !== 'delete') expect(atEdge(b, j), `${JSON.stringify(b)} cut at ${j}`).toBe(true);
          if (p.op !== 'insert') i += p.text.length;
          if (p.op !== 'delete') j += p.text.length;
        }
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('a shuffled and edited draft is aligned back to its origins', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(sentence, { minLength: 2, maxLength: 14, selector: (s) => s.split(' ').slice(0, 3).join(' ') }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        fc.array(fc.nat(1000), { minLength: 14, maxLength: 14 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ps, keys, edits, rate) => {
          // new position k holds old paragraph order[k], maybe edited once.
          const order = ps.map((_, i) => i).sort((x, y) => keys[x] - keys[y] || x - y);
          const qs = order.map((i, k) => (edits[k] / 1000 < rate ? edit(ps[i], edits[k]) : ps[i]));
          const c = compare(draft(ps), draft(qs));
          const want = order.map((i, k) => ({ old: String(i + 1), new: String(k + 1) }));
          expect(c.paragraphs.map((p) => ({ old: p.old, new: p.new }))).toEqual(want);
          const moved = c.paragraphs.filter((p) => p.moved).length;
          expect(moved).toBeLessThan(Math.max(1, ps.length));
        },
      ),
      runs,
    );
  });
});

describe.runIf(existsSync(join(__dirname, '..', 'dist', 'cli.js')))('negotext compare', () => {
  const root = join(__dirname, '..');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'compare', ...args], { cwd: root, encoding: 'utf8' });
  const dir = 'test-fixtures/compare-bracket-dropped';
  it('--json prints FORMAT.md §10', () => {
    const r = run('--json', `${dir}/old.draft.md`, `${dir}/new.draft.md`);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['old', 'new', 'paragraphs', 'brackets', 'proposers']);
    expect(out.old).toBe(`${dir}/old.draft.md`);
    expect(out.brackets[0]).toEqual({ paragraph: '3', text: 'sharp', proposers: ['Canada'], outcome: 'dropped' });
  });
  it('prints a readable summary, and Markdown with --markdown', () => {
    const r = run(`${dir}/old.draft.md`, `${dir}/new.draft.md`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Brackets: 0 agreed, 2 dropped');
    expect(r.stdout).toMatch(/Canada\s+0 \/ 1 \/ 0 \/ 0 \/ 0/);
    const m = run('--markdown', `${dir}/old.draft.md`, `${dir}/new.draft.md`);
    expect(m.status).toBe(0);
    expect(m.stdout).toContain('~~\\[sharp\\]\\{Canada\\}~~');
    expect(m.stdout).toContain('| proposer | agreed |');
  });
  it('lists cross-references to check in the summary and Markdown, never in --json', () => {
    const x = 'test-fixtures/compare-crossref-renumbered';
    const r = run(`${x}/old.draft.md`, `${x}/new.draft.md`);
    expect(r.stdout).toContain('Cross-references to check: 1\n  5 (line 11)  "paragraph 3 above": 3 is now 4 → "paragraph 4 above"');
    expect(run('--markdown', `${x}/old.draft.md`, `${x}/new.draft.md`).stdout).toContain('| 5 | 11 | paragraph 3 above | 3 is now 4 | paragraph 4 above |');
    const j = run('--json', `${x}/old.draft.md`, `${x}/new.draft.md`);
    expect(Object.keys(JSON.parse(j.stdout))).toEqual(['old', 'new', 'paragraphs', 'brackets', 'proposers']);
    expect(j.stdout).not.toContain('suggestion');
    expect(run(`${dir}/old.draft.md`, `${dir}/new.draft.md`).stdout).toContain('Cross-references to check: 0');
  });
  it('exits 2 on bad usage or an unreadable file', () => {
    expect(run(`${dir}/old.draft.md`).status).toBe(2);
    expect(run(`${dir}/old.draft.md`, 'no/such.draft.md').status).toBe(2);
    expect(run('--json', '--markdown', `${dir}/old.draft.md`, `${dir}/new.draft.md`).status).toBe(2);
    expect(run('--bogus', `${dir}/old.draft.md`, `${dir}/new.draft.md`).status).toBe(2);
    expect(run('--help').stdout).toContain('Usage: negotext compare');
  });
});

describe.runIf(existsSync(join(__dirname, '..', 'dist', 'cli.js')))('negotext compare --html', () => {
  const root = join(__dirname, '..');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'compare', ...args], { cwd: root, encoding: 'utf8' });
  const unescape = (s: string): string =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const tmp = mkdtempSync(join(tmpdir(), 'negotext-html-'));
  const oldF = join(tmp, 'old.draft.md');
  const newF = join(tmp, 'new.draft.md');
  writeFileSync(
    oldF,
    '1. States noted <script>alert("x")</script> & the threats [sharp]{Canada} identified in previous reports.\n\n' +
      '2. States recalled the norms of responsible State behaviour adopted by consensus.\n\n' +
      '3. States underlined that they should continue to implement the norms at the national level.\n',
  );
  writeFileSync(
    newF,
    '1. States underlined that they should continue to implement the norms at the national and regional levels.\n\n' +
      '2. States noted <script>alert("x")</script> & the growing threats identified in previous reports.\n\n' +
      '3. States welcomed the new <b>points of contact</b> directory.\n',
  );
  const html = join(tmp, 'report.html');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const tags = (s: string, tag: string): string[] => [...s.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => unescape(m[1]));

  it('writes <ins>/<del> texts equal to the JSON diff, leaving no temp file', () => {
    const r = run('--html', html, oldF, newF);
    expect(r.status, r.stderr).toBe(0);
    const out = readFileSync(html, 'utf8');
    expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(out).toContain('<meta charset="utf-8">');
    const j = JSON.parse(run('--json', oldF, newF).stdout) as Comparison;
    const parts = j.paragraphs.flatMap((p) => p.diff ?? []);
    expect(parts.some((d) => d.op !== 'equal')).toBe(true);
    expect(tags(out, 'ins')).toEqual(parts.filter((d) => d.op === 'insert').map((d) => d.text));
    expect(tags(out, 'del')).toEqual(parts.filter((d) => d.op === 'delete').map((d) => d.text));
    expect(out).toContain('was 3');
    expect(out).toContain('<td>Canada</td>');
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('escapes all text and links to nothing outside', () => {
    run('--html', html, oldF, newF);
    const out = readFileSync(html, 'utf8');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>points');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the');
    expect(out).not.toMatch(/http/i);
  });

  it('names the files without their folders, says what the front matter says they are, and shows each paragraph of a repeated label with its own text', () => {
    const dir = join(tmp, 'articles');
    mkdirSync(dir, { recursive: true });
    const a = join(dir, 'treaty-rev1.draft.md');
    const b = join(dir, 'treaty-rev2.draft.md');
    const fm = (rev: string) => `---\nsymbol: A/CONF.999/L.1\nrevision: ${rev}\ntitle: Draft agreement\n---\n\n`;
    // Every Article numbers its paragraphs from 1: Article 2's paragraph 1 is deleted, a new one added to Article 3.
    writeFileSync(a, fm('Rev.1') + '# Article 1\n\n1. Each Party shall cooperate in good faith with all other Parties.\n\n# Article 2\n\n1. The secretariat shall keep a register of national focal points.\n\n# Article 3\n\n1. This Agreement enters into force on the thirtieth day after ratification.\n');
    writeFileSync(b, fm('Rev.2') + '# Article 1\n\n1. Each Party shall cooperate in good faith with all other Parties.\n\n# Article 2\n\n# Article 3\n\n1. This Agreement enters into force on the thirtieth day after ratification.\n\n2. Reservations may not be made to this Agreement.\n');
    const r = run('--html', html, a, b);
    expect(r.status, r.stderr).toBe(0);
    const out = readFileSync(html, 'utf8');
    expect(out).toContain('<h1>treaty-rev1.draft.md → treaty-rev2.draft.md</h1>');
    expect(out).not.toContain(dir);
    expect(out).toContain('<p class="doc">A/CONF.999/L.1, Rev.1 → Rev.2: Draft agreement</p>');
    expect(out).toMatch(/<div class="para deleted"><span class="label">1<\/span><div class="body">The secretariat shall keep a register/);
    expect(out).toMatch(/<div class="para added"><span class="label">2<\/span><div class="body">Reservations may not be made/);
    expect(out).toContain('.added .label, .added .body { font-weight: bold; }');
    const md = run('--markdown', a, b).stdout;
    expect(md.split('\n').slice(0, 3)).toEqual(['# treaty-rev1.draft.md → treaty-rev2.draft.md', '', 'A/CONF.999/L.1, Rev.1 → Rev.2: Draft agreement']);
    expect(md).toContain('  > ~~The secretariat shall keep a register of national focal points.~~');
    expect(md).toContain('  > **Reservations may not be made to this Agreement.**');
    // Each changed paragraph under its heading, where labels repeat from one Article to the next.
    expect(out).toMatch(/<h3 class="section">Article 2<\/h3>\n<div class="para deleted"><span class="label">1<\/span>/);
    expect(out).toMatch(/<h3 class="section">Article 3<\/h3>\n<div class="para same"><span class="label">1<\/span>[\s\S]*<div class="para added"><span class="label">2<\/span>/);
    expect(md).toMatch(/### Article 2\n\n- 1: deleted\n[\s\S]*### Article 3\n\n- 2: added/);
    expect(run(a, b).stdout).toMatch(/\n  Article 2\n    1: deleted\n  Article 3\n    2: added\n/);
  });

  it('refuses to overwrite an input file (exit 2, one line)', () => {
    const before = readFileSync(oldF, 'utf8');
    const r = run('--html', oldF, oldF, newF);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(oldF, 'utf8')).toBe(before);
    expect(run(oldF, newF, `--html=${join(tmp, '.', 'new.draft.md')}`).status).toBe(2);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
