// Paragraph numbering: duplicates and gaps (FORMAT.md §6). Each series (plain
// numbers, PP, OP) runs on its own; `bis`/`ter` never count as gaps; after a
// heading, numbering may restart at 1 (treaty articles, annexes) or continue.
import type { BlockResult } from './blockAnalysis';
import type { LabelMatch } from './lineKinds';

export interface NumberingIssue {
  block: number;
  code: 'duplicate-paragraph-number' | 'paragraph-number-gap';
  message: string;
}

function samePrefix(a: readonly number[], b: readonly number[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** May `l` directly follow `p`? Next number at any level, a first sub-number, or a later insertion. */
export function follows(p: LabelMatch, l: LabelMatch): boolean {
  const pn = p.nums;
  const ln = l.nums;
  if (ln.length === pn.length && samePrefix(pn, ln, ln.length)) return l.rank > p.rank;
  // `1 bis` after `1.2`: an insertion after a paragraph and its sub-numbers.
  if (ln.length < pn.length && samePrefix(pn, ln, ln.length)) return l.rank > 1;
  if (l.rank !== 1) return false;
  if (ln.length === pn.length + 1 && samePrefix(pn, ln, pn.length) && ln[pn.length] === 1) return true;
  // The next number at some level, then first sub-numbers: `3.3` or `4` or `4.1` after `3.2`.
  for (let j = 0; j < ln.length && j < pn.length; j++) {
    if (ln[j] === pn[j]) continue;
    if (ln[j] !== pn[j] + 1) return false;
    for (let k = j + 1; k < ln.length; k++) if (ln[k] !== 1) return false;
    return true;
  }
  return false;
}

interface Series {
  prev: LabelMatch | null;
  seen: Set<string>;
  /** Every label since the numbering last restarted after a heading: what a gap's message does not call missing. */
  above: Set<string>;
  restart: boolean;
}

export function checkNumbering(results: readonly BlockResult[]): NumberingIssue[] {
  const issues: NumberingIssue[] = [];
  const budget = { lookups: GAP_LOOKUPS };
  const series = new Map<string, Series>();
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    if (r.kind === 'heading') {
      for (const s of series.values()) s.restart = true;
      continue;
    }
    const l = r.kind === 'paragraph' ? r.label : null;
    if (!l) continue;
    let s = series.get(l.series);
    if (!s) series.set(l.series, (s = { prev: null, seen: new Set(), above: new Set(), restart: false }));
    const p = s.prev;
    const inSequence = !p || follows(p, l);
    const one = l.nums.length === 1 && l.nums[0] === 1 && l.rank === 1;
    if (!inSequence && s.restart && one) {
      s.seen.clear();
      s.above.clear();
    }
    else if (s.seen.has(l.label)) {
      issues.push({ block: k, code: 'duplicate-paragraph-number', message: `Paragraph number ${l.label} is used more than once.` });
      // A label used before is a duplicate even where the sequence goes on from it (`1, 2, 3, 2, 3`:
      // both). But numbering started again at 1 with no heading (an annex whose title was not read
      // as one, a numbered list inside a paragraph) is one duplicate, the `1`, not one per paragraph.
      if (!inSequence && one) s.seen.clear();
    } else if (p && !inSequence && !(l.rank > 1 && follows(p, { ...l, rank: 1 }))) {
      // (`bis`/`ter` never count as gaps: `2 bis` right after `1` is where `2` was, dropped or not yet renumbered.)
      const jump = l.series === p.series && l.nums.length === 1 && p.nums.length === 1 && l.nums[0] > p.nums[0] + 1 && l.rank === 1;
      issues.push({ block: k, code: 'paragraph-number-gap', message: jump ? gapMessage(l, p, s.above, budget) : `Paragraph ${l.label} is out of sequence after ${p.label}.` });
    }
    s.seen.add(l.label);
    s.above.add(l.label);
    s.prev = l;
    s.restart = false;
  }
  return issues;
}

/** Most numbers of gaps looked up one by one in a draft (beyond, a gap is named whole), and runs named. */
const GAP_LOOKUPS = 20_000;
const GAP_NAMED = 5;

/**
 * `17` after `2`: the numbers between that the draft lacks. Those it has, further up (a report's
 * numbered sub-headings `1. Organizational meeting` interrupting 15, 16 …), are not missing.
 */
function gapMessage(l: LabelMatch, p: LabelMatch, seen: ReadonlySet<string>, budget: { lookups: number }): string {
  const from = p.nums[0] + 1;
  const to = l.nums[0] - 1;
  const name = (n: number): string => `${l.series}${n}`;
  const whole = `Paragraph ${l.label} follows ${p.label}: ${name(from)}${to > from ? `–${name(to)} are` : ' is'} missing.`;
  if (to - from >= budget.lookups) return whole;
  budget.lookups -= to - from + 1;
  const missing: number[] = [];
  for (let n = from; n <= to; n++) if (!seen.has(name(n))) missing.push(n);
  if (missing.length === to - from + 1) return whole;
  if (missing.length === 0) return `Paragraph ${l.label} is out of sequence after ${p.label} (${name(from)}${to > from ? `–${name(to)} stand` : ' stands'} above it).`;
  // Runs of consecutive numbers, named as ranges: `3–14, 17`.
  const runs: [number, number][] = [];
  for (const n of missing) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  const named = runs.slice(0, GAP_NAMED).map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`)).join(', ') + (runs.length > GAP_NAMED ? ' …' : '');
  return `Paragraph ${l.label} follows ${p.label}: ${named} ${missing.length > 1 ? 'are' : 'is'} missing.`;
}
