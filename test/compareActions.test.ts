// compare (FORMAT.md §10) against what a negotiator does: on every real draft of
// the corpus and the examples, accept or drop one bracket with the editor's own
// code-action edits, compare the draft with the result, and find that bracket
// (and, dropped, the brackets inside it) with the outcome the action gives —
// `agreed` or `dropped` — and every other bracket `unchanged`; choose one of a
// group of alternatives and find it `agreed` and the others `dropped`.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, compare, DraftDocument, type BracketInfo, type Position } from '../server/src/core/index';
import { acceptEdits, chooseEdits, dropEdits } from '../server/src/lsp/edits';
import { applyEdits } from './fuzz/helpers';
import { tried } from './support/tried';

const root = join(__dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus', 'drafts');
const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
const within = (x: BracketInfo, b: BracketInfo): boolean => x !== b && !before(x.range.start, b.range.start) && !before(b.range.end, x.range.end);

/** Paragraphs whose text another paragraph repeats: which copy an edit touched cannot be told. */
function repeated(text: string, a: ReturnType<typeof analyze>): Set<number> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = (p: Position) => starts[p.line] + p.character;
  const seen = new Map<string, number[]>();
  a.paragraphs.forEach((p, k) => {
    const body = text.slice(at(p.range.start), at(p.range.end)).replace(/^\S+\s*/, '');
    seen.set(body, [...(seen.get(body) ?? []), k]);
  });
  return new Set([...seen.values()].filter((l) => l.length > 1).flat());
}

/** A few brackets of each draft, the same every run: closed, outermost, no alternative, a word of text, in one paragraph, its text unique there. */
function picks(text: string, a: ReturnType<typeof analyze>, per: number): BracketInfo[] {
  const twins = repeated(text, a);
  const unique = (b: BracketInfo) => !a.brackets.some((c) => c !== b && c.paragraphIndex === b.paragraphIndex && c.text === b.text);
  const ok = a.brackets.filter((b) => {
    const p = b.paragraphIndex === null ? undefined : a.paragraphs[b.paragraphIndex];
    return b.closed && b.depth === 1 && b.group === null && p !== undefined && !twins.has(b.paragraphIndex!) && !before(p.range.end, b.range.end) && /\p{L}{3}/u.test(b.text) && unique(b);
  });
  const step = Math.max(1, Math.floor(ok.length / per));
  return ok.filter((_, k) => k % step === 0).slice(0, per);
}

const drafts = [
  ...(existsSync(corpus) ? readdirSync(corpus).map((f) => join(corpus, f)) : []),
  join(root, 'examples', 'oewg-annual-report-rev1.draft.md'),
  join(root, 'examples', 'ga-resolution-ict.draft.md'),
];

describe('compare reports the bracket a negotiator accepted or dropped, and nothing else', () => {
  let count = 0;
  it.each(drafts.map((f) => [f.split('/').pop()!, f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const doc = new DraftDocument(text);
    const a = analyze(text);
    const all = a.brackets;
    for (const b of picks(text, a, 3)) {
      for (const action of ['accept', 'drop'] as const) {
        const after = applyEdits(text, action === 'accept' ? acceptEdits(b) : dropEdits(doc, b));
        const outcome = action === 'accept' ? 'agreed' : 'dropped';
        const expected = [b, ...(action === 'drop' ? all.filter((x) => within(x, b)) : [])].map((x) => [x.text, outcome]).sort();
        const got = compare(text, after).brackets.filter((x) => x.outcome !== 'unchanged').map((x) => [x.text, x.outcome]).sort();
        expect(got, `${action} “${b.text.slice(0, 60)}” in ${b.paragraph}`).toEqual(expected);
        count++;
      }
    }
  }, 60_000);
  it.each(drafts.map((f) => [f.split('/').pop()!, f]))('choosing an alternative: %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const doc = new DraftDocument(text);
    const a = analyze(text);
    // Groups of closed alternatives with words, nothing nested, in one paragraph, texts unique there.
    const groups = new Map<string, BracketInfo[]>();
    for (const b of a.brackets) if (b.group !== null && b.paragraphIndex !== null) groups.set(b.group, [...(groups.get(b.group) ?? []), b]);
    const twins = repeated(text, a);
    const usable = [...groups.values()].filter((g) => g.length > 1 && !twins.has(g[0].paragraphIndex!) && g.every((b) => b.closed && /\p{L}{2}/u.test(b.text) && !a.brackets.some((x) => within(x, b)) && !a.brackets.some((c) => c !== b && c.paragraphIndex === b.paragraphIndex && c.text === b.text)));
    const step = Math.max(1, Math.floor(usable.length / 3));
    for (const g of usable.filter((_, k) => k % step === 0).slice(0, 3)) {
      const enclosing = a.brackets.filter((x) => within(g[0], x));
      for (const chosen of [g[0], g[g.length - 1]]) {
        const after = applyEdits(text, chooseEdits(doc, a, chosen));
        const expected = g.map((b) => [b.text, b === chosen ? 'agreed' : 'dropped']).sort();
        const got = compare(text, after).brackets.filter((x) => x.outcome !== 'unchanged' && !enclosing.some((e) => e.text === x.text)).map((x) => [x.text, x.outcome]).sort();
        expect(got, `choose “${chosen.text.slice(0, 60)}” in ${chosen.paragraph}`).toEqual(expected);
        count++;
      }
    }
  }, 60_000);

  it('tried them all', () => {
    expect(count).toBeGreaterThan(50);
    tried('code action', 'accept, drop or choose brackets of each real draft, then compare: only those brackets (and those inside a dropped one) not unchanged', count, 'as the action says');
  });
});
