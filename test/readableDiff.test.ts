// The reports' display of a word diff (server/src/report/readableDiff.ts): whole words, dense
// changes as phrases, a paragraph mostly rewritten shown old then new; never a word lost or doubled.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, wordDiff, type DiffPart } from '../server/src/core/compare/compare';
import { readableDiff } from '../server/src/report/readableDiff';

/** `{-old-}{+new+}` notation, as in a review: easy to read in a table of cases. */
const show = (d: DiffPart[]): string => d.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `{-${p.text}-}` : `{+${p.text}+}`)).join('');
const side = (d: DiffPart[], op: 'delete' | 'insert'): string => d.filter((p) => p.op === 'equal' || p.op === op).map((p) => p.text).join('');

describe('readableDiff: small cases', () => {
  const cases: [string, string, string, string][] = [
    // [what, old, new, shown]
    ['one word replaced: inline', 'States shall take action.', 'States should take action.', 'States {-shall-}{+should+} take action.'],
    ['an insertion alone: inline', 'States welcome the report.', 'States warmly welcome the report.', 'States {+warmly +}welcome the report.'],
    ['a change inside a word shows the whole word', 'A/79/214 applies, as does Rev.1 here', 'A/79/215 applies, as does Rev.2 here', '{-A/79/214-}{+A/79/215+} applies, as does {-Rev.1-}{+Rev.2+} here'],
    ['two replacements one short word apart: one phrase', 'A/79/214 and Rev.1 apply', 'A/79/215 and Rev.2 apply', '{-A/79/214 and Rev.1-}{+A/79/215 and Rev.2+} apply'],
    ['punctuation after a word is not part of it', 'as at [date to be added], and so', 'as at 30 June 2026, and so', 'as at {-[date to be added]-}{+30 June 2026+}, and so'],
    ['a short run between two replacements is folded', 'held from [dates to be added] in 2026 and then again in 2027 by all', 'held from 9 to 13 March in 2026 and then again in 2027 by all', 'held from {-[dates to be added]-}{+9 to 13 March+} in 2026 and then again in 2027 by all'],
    ['a run between a deletion and an insertion stays', 'States [strongly] welcome the report of the Group.', 'States welcome the report of the Group, as amended.', 'States {-[strongly] -}welcome the report of the Group{+, as amended+}.'],
    ['mostly rewritten: old struck whole, new in bold', 'All Parties shall report on progress yearly.', 'Each Party is to communicate its contribution every five years.', '{-All Parties shall report on progress yearly.-}{+Each Party is to communicate its contribution every five years.+}'],
    ['bracket marks around kept words stay inline', 'the Group [shall][should] act', 'the Group should act', 'the Group {-[shall][-}should{-]-} act'],
  ];
  it.each(cases)('%s', (_what, a, b, shown) => {
    const d = readableDiff(wordDiff(a, b));
    expect(show(d)).toBe(shown);
    expect(side(d, 'delete')).toBe(a);
    expect(side(d, 'insert')).toBe(b);
  });
});

describe('readableDiff: the usability test\'s examples', () => {
  const oewg = compare(readFileSync('examples/oewg-annual-report-rev1.draft.md', 'utf8'), readFileSync('examples/oewg-annual-report-rev2.draft.md', 'utf8'));
  const para = (c: typeof oewg, label: string) => c.paragraphs.find((p) => p.new === label && p.diff)!.diff!;
  it('OEWG para. 1: "[dates to be added]" replaced as one phrase, not "[dates9 to be added]13 March"', () => {
    const d = show(readableDiff(para(oewg, '1')));
    expect(d).toContain('in New York from {-[dates to be added]-}{+9 to 13 March and from 6 to 10 July 2026+}.{+ (agreed ad ref)+}');
    expect(d).toContain('held its {-[…]-}{+two+} substantive sessions {+of 2026 +}in New York'); // small edits stay inline
  });
  it('OEWG para. 17: the kept ALT 1, then the rest old struck, new in bold, no interleaving', () => {
    const d = readableDiff(para(oewg, '17'));
    expect(show(d)).toMatch(/^\{-\[ALT 1: -\}States welcomed the voluntary checklist [^{}]*wide use\{-\.\]\{EU, Australia, Canada\}\n\[ALT 2: [^+]*Belarus-\}\{\+\[, while noting proposals for the development of additional norms\]\{Russian Federation, Iran\+\}\}\{\+\.\+\}$/);
  });
  it('Paris 12-09 → 12-12, Article 3 → 4 paragraph 1: mostly rewritten, shown old then new', () => {
    const dir = '/work/shared/corpus/drafts/';
    let a: string, b: string;
    try {
      a = readFileSync(`${dir}UNFCCC-COP21-draft-Paris-agreement-2015-12-09.md`, 'utf8');
      b = readFileSync(`${dir}UNFCCC-COP21-Paris-agreement-2015-12-12-FCCC-CP-2015-L.9-Rev.1.md`, 'utf8');
    } catch {
      return; // the corpus is not in every checkout
    }
    const c = compare(a, b);
    const p = c.paragraphs.find((x) => x.diff && x.diff.some((d) => d.text.includes('Collective long-term goal')))!;
    const d = readableDiff(p.diff!);
    expect(d.map((x) => x.op)).toEqual(['delete', 'insert']);
    expect(d[1].text).toMatch(/^In order to achieve the long-term temperature goal/);
  });
});

describe('readableDiff: never loses or doubles text', () => {
  const words = fc.constantFrom('the', 'Parties', 'shall', 'should', '[', ']', '{EU}', ', ', '.', ' ', '\n', 'A/79/214', 'Rev.1', 'é', '😀', '–', 'co-operation', "Party's");
  const text = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
  it('equal+delete parts read the old text, equal+insert parts the new, and no two parts of one kind touch', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = readableDiff(wordDiff(a, b));
        expect(side(d, 'delete')).toBe(a);
        expect(side(d, 'insert')).toBe(b);
        for (const p of d) expect(p.text).not.toBe('');
        for (let i = 1; i < d.length; i++) expect(d[i].op === d[i - 1].op).toBe(false);
        expect(readableDiff(d)).toEqual(readableDiff(d)); // deterministic
      }),
      { numRuns: 500 },
    );
  });
});
