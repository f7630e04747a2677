// Each old bracket's outcome in an aligned entry (FORMAT.md §10), decided by its
// place in the entry's word diff, and the outcomes per proposer. compare.ts
// places the brackets in the entry's text; nothing here reads paragraphs.
import type { BracketInfo } from '../model';
import type { DiffMap } from './diffMap';
import { fold } from './text';
import { lowerBound } from './lowerBound';
import { isContentWord } from './align';
import { OPTION_MARKER } from '../bracketKinds';

export type BracketOutcome = 'agreed' | 'dropped' | 'changed' | 'unchanged' | 'added';

export interface BracketChange {
  paragraph: string | null;
  text: string;
  proposers: string[];
  outcome: BracketOutcome;
}

export interface ProposerOutcomes {
  name: string;
  agreed: number;
  dropped: number;
  changed: number;
  unchanged: number;
  added: number;
}

/** The bracket each entry is of, for matching across entries (movedAcross); not part of the JSON. */
const infoOf = new WeakMap<BracketChange, BracketInfo>();

/** The bracket (of the old revision; of the new for an added one) an entry of this run's comparison is of. */
export function bracketOf(c: BracketChange): BracketInfo | undefined {
  return infoOf.get(c);
}

/** A bracket's entry with its outcome. */
export function changeOf(b: BracketInfo, outcome: BracketOutcome): BracketChange {
  const c: BracketChange = { paragraph: b.paragraph, text: b.text, proposers: b.proposers, outcome };
  infoOf.set(c, b);
  return c;
}

/** A bracket's offsets in its file: its `[`, its last character (`]` or the attribution's `}`), its `]`, its own text. */
export interface Where {
  open: number;
  last: number;
  close: number;
  textStart: number;
  textEnd: number;
}

/** A bracket of one aligned entry; `open` and `last` are offsets in the entry's text (its bodies joined by a blank line), -1 outside it. */
export interface Placed {
  b: BracketInfo;
  /** Offsets in the file. */
  at: Where;
  open: number;
  last: number;
  /** Its `]` (its last character if it never closes): the end it is matched on, attribution or not. */
  close: number;
  /** Its own text's start and end in the entry's text (-1 outside it). */
  textFrom: number;
  textTo: number;
  /** Its own words' offsets in the entry's text (those outside it left out), each a content word or not. */
  words: () => { at: number; content: boolean }[];
}

/** Bracketed text as a reader sees it: brackets and attribution braces left out, white space folded, lower case. */
function plain(s: string): string {
  return fold(s.replace(/\{[^{}]*\}/g, ' ').replace(/[[\]]/g, '')).toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 2 <= s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice over character bigrams: 1 for the same text, 0 for nothing in common. */
function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let shared = 0;
  for (const [g, n] of A) shared += Math.min(n, B.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** For each new offset of `ys` (ascending), the innermost new bracket holding it, or -1: one sweep with a stack. */
function innermost(news: readonly Placed[], ys: readonly number[], newLength: number): Int32Array {
  const out = new Int32Array(ys.length).fill(-1);
  const end = (j: number): number => (news[j].last >= 0 ? news[j].last : newLength);
  const stack: number[] = [];
  let p = 0;
  ys.forEach((y, k) => {
    for (; p < news.length && news[p].open <= y; p++) {
      if (news[p].open < 0) continue;
      while (stack.length && end(stack[stack.length - 1]) < news[p].open) stack.pop();
      stack.push(p);
    }
    while (stack.length && end(stack[stack.length - 1]) < y) stack.pop();
    if (stack.length) out[k] = stack[stack.length - 1];
  });
  return out;
}

/** Characters of bracket text an entry may read to match brackets by text; old-new pairs it may weigh. */
const TEXT_BUDGET = 2_000_000;
const MAX_PAIRS = 250_000;

/**
 * Old brackets of one aligned entry against its new ones (FORMAT.md §10
 * outcomes). The very same bracket (text, white space folded, proposers and
 * action) still in the entry is that bracket, `unchanged`, wherever the word
 * diff put its marks. Otherwise by place: a new bracket whose ends are an old
 * one's ends, kept by the word diff, is that bracket, `unchanged` if nothing
 * but white space changed between them; so is one with the same text between
 * the same kept words, or one end kept with the same proposers named.
 * An old bracket left without one is `agreed` when the diff keeps at least half
 * its own words (its content words, if it has any) outside any new bracket,
 * or inside the new one of an enclosing bracket still open; words that merely
 * occur elsewhere in the paragraph do not count. Of alternatives all gone, the
 * one whose words stand where the group stood (`newText`, the entry's new text)
 * is the one agreed. Nothing here reads a bracket's nested text but within a
 * budget, so deep nesting costs no more than long text.
 */
export function bracketOutcomes(olds: Placed[], news: Placed[], d: DiffMap, newText?: string): BracketChange[] {
  const newLength = d.newLength;
  const partner = new Int32Array(olds.length).fill(-1);
  const owner = new Int32Array(news.length).fill(-1);
  const pair = (i: number, j: number): void => {
    partner[i] = j;
    owner[j] = i;
  };
  // Each old bracket's own words (its content words if it has any), where the diff put them: -1 if deleted.
  const mapped: (number[] | undefined)[] = [];
  const wordsAt = (i: number): number[] => {
    let m = mapped[i];
    if (!m) {
      const ws = olds[i].words();
      const content = ws.filter((w) => w.content);
      mapped[i] = m = (content.length ? content : ws).map((w) => d.map(w.at));
    }
    return m;
  };
  const newEnd = (j: number): number => (news[j].last >= 0 ? news[j].last : newLength);
  /** How many of old bracket i's own words are kept inside new bracket j. */
  const inside = (i: number, j: number): number => {
    let n = 0;
    for (const y of wordsAt(i)) if (y >= news[j].open && y <= newEnd(j)) n++;
    return n;
  };

  const newAt = new Map<number, number>();
  const newCloseAt = new Map<number, number>();
  news.forEach((n, j) => {
    if (n.open >= 0) newAt.set(n.open, j);
    if (n.close >= 0) newCloseAt.set(n.close, j);
  });
  const ends = olds.map((o) => [o.open >= 0 ? newAt.get(d.map(o.open)) : undefined, o.close >= 0 ? newCloseAt.get(d.map(o.close)) : undefined]);
  let budget = TEXT_BUDGET;
  let pairs = MAX_PAIRS;
  const plains = new Map<Placed, string | null>();
  const plainOf = (p: Placed): string | null => {
    let v = plains.get(p);
    if (v === undefined) {
      v = budget >= p.b.text.length ? plain(p.b.text) : null;
      if (v !== null) budget -= p.b.text.length;
      plains.set(p, v);
    }
    return v;
  };
  const keys = new Map<Placed, string | null>();
  /** The bracket as `unchanged` compares it (sameBracketKey), within the budget; null beyond it. */
  const keyOf = (p: Placed): string | null => {
    let k = keys.get(p);
    if (k === undefined) {
      k = budget >= p.b.text.length ? sameBracketKey(p.b) : null;
      if (k !== null) budget -= p.b.text.length;
      keys.set(p, k);
    }
    return k;
  };
  const opens = news.map((n) => n.open);
  /** New text `[lo, hi)` about as long as the old `length` it replaced: a word found there is the bracket's own, not a namesake. */
  const nearby = (lo: number, hi: number, length: number): boolean => hi - lo <= 2 * length + 24;
  let reach: Int32Array | undefined; // the furthest end of the new brackets opened before each one
  /** No new bracket opens within new text `[lo, hi)`, nor holds it. */
  const bracketFree = (lo: number, hi: number): boolean => {
    const j = lowerBound(opens, lo);
    if (j < news.length && opens[j] < hi) return false;
    if (!reach) {
      reach = new Int32Array(news.length + 1).fill(-1);
      news.forEach((_, k) => (reach![k + 1] = Math.max(reach![k], newEnd(k))));
    }
    return reach[j] < lo;
  };
  const windows: (number[] | undefined)[] = [];
  /** The new brackets still unpaired between the kept words around old bracket i. */
  const around = (i: number): number[] => {
    let w = windows[i];
    if (!w) {
      const [lo, hi] = d.between(olds[i].open, olds[i].last);
      w = [];
      for (let j = lowerBound(opens, lo); j < news.length && opens[j] <= hi && pairs > 0; j++, pairs--) w.push(j);
      windows[i] = w;
    }
    return w.filter((j) => owner[j] < 0);
  };

  // 0. The very same bracket (text, proposers, action) still in the entry: the one its ends were kept
  // as if that is it, else the first between the same kept words, else the first anywhere in the
  // entry. `[the report]{US}` → `[the report]{EU} and [the report]{US}` is the US one kept and the EU
  // one added, though the diff keeps `[the report]{` at the first; the other way round, the US one
  // kept and the EU one dropped.
  const sameKey = new Map<string, number[]>();
  news.forEach((n, j) => {
    const k = keyOf(n);
    if (k === null) return;
    const l = sameKey.get(k);
    if (l) l.push(j);
    else sameKey.set(k, [j]);
  });
  // In three passes over all of them, so that one kept in place is not taken by an earlier twin
  // resolved (`The [CMA]{EU} … the [CMA]{EU}` → `The CMA … the [CMA]{EU}`: the first agreed).
  const sameAt = (i: number): number[] | undefined => {
    const k = keyOf(olds[i]);
    return k === null ? undefined : sameKey.get(k);
  };
  olds.forEach((o, i) => {
    const [j, jj] = ends[i];
    if (sameAt(i) && j !== undefined && j === jj && owner[j] < 0 && keyOf(news[j]) === keyOf(o)) pair(i, j);
  });
  olds.forEach((o, i) => {
    if (partner[i] >= 0 || !sameAt(i)) return;
    const m = around(i).find((j) => keyOf(news[j]) === keyOf(o));
    if (m !== undefined) pair(i, m);
  });
  olds.forEach((_, i) => {
    const all = partner[i] < 0 ? sameAt(i) : undefined;
    const m = all?.find((j) => owner[j] < 0);
    if (m !== undefined) pair(i, m);
  });

  // 1. Both ends (`[` and `]`, an attribution after it aside) kept as one new bracket's ends, with some of its words in it.
  ends.forEach(([j, k], i) => {
    if (partner[i] < 0 && j !== undefined && j === k && owner[j] < 0 && (inside(i, j) > 0 || wordsAt(i).length === 0)) pair(i, j);
  });

  // 2. The same text between the same kept words (`[aggregate] [collective]` → `[collective] [global]`).
  olds.forEach((o, i) => {
    if (partner[i] >= 0) return;
    const p = plainOf(o);
    const j = p === null ? undefined : around(i).find((j) => plainOf(news[j]) === p);
    if (j !== undefined) pair(i, j);
  });

  // 3. Both ends kept, its words replaced (`[convene]` → `[hold]`); or one end kept, with at least half
  // its own words inside: `[shall][agree to]` → `[agree to]` keeps the `[` of the first and the `]`
  // of the second, and it is the second. The most words inside first.
  const claims: { i: number; j: number; n: number }[] = [];
  // The old brackets whose `[` each new bracket kept.
  const openedBy = new Map<number, number[]>();
  ends.forEach(([j], i) => {
    if (j !== undefined) openedBy.set(j, [...(openedBy.get(j) ?? []), i]);
  });
  ends.forEach((js, i) => {
    if (partner[i] >= 0) return;
    for (const j of new Set(js)) {
      if (j === undefined || owner[j] >= 0) continue;
      // Only its `]` kept, as the `]` of the new bracket of one enclosing it: `[The provision of
      // [support][these resources]]` → `[The provision of these resources]` is the outer one
      // changed, the inner one chosen within it, not the inner one changed.
      if (js[0] !== j && (openedBy.get(j) ?? []).some((e) => e !== i && encloses(olds[e].at, olds[i].at))) continue;
      const n = inside(i, j);
      // Or one end kept and the same proposers named: the bracket reworded and its attribution rewritten
      // in another form (`[shall]{EU}` → `[should – EU]`), where the diff keeps the name but not the `]`.
      // (Only when its own words are gone: `[shall]{EU} act` → `shall [act]{EU}` is `shall` agreed, `act` added.)
      const same = olds[i].b.proposers.length > 0 && sameSet(olds[i].b.proposers, news[j].b.proposers) && 2 * wordsAt(i).filter((y) => y >= 0).length < wordsAt(i).length;
      if (js[0] === js[1] || 2 * n >= wordsAt(i).length || same) claims.push({ i, j, n });
    }
  });
  claims.sort((x, y) => y.n - x.n || x.i - y.i);
  for (const c of claims) if (partner[c.i] < 0 && owner[c.j] < 0) pair(c.i, c.j);

  // 4. The others' own words: kept outside new brackets, kept inside one, or deleted.
  const counts = olds.map(() => ({ total: 0, free: 0, held: 0, holder: -1 }));
  const queries: { y: number; i: number }[] = [];
  olds.forEach((_, i) => {
    if (partner[i] >= 0) return;
    const ws = wordsAt(i);
    counts[i].total = ws.length;
    for (const y of ws) if (y >= 0) queries.push({ y, i });
  });
  queries.sort((p, q) => p.y - q.y);
  const holders = innermost(news, queries.map((q) => q.y), newLength);
  queries.forEach((q, k) => {
    const h = holders[k];
    const c = counts[q.i];
    // Inside the new bracket of an enclosing old one still open, a nested bracket's words are agreed within it.
    if (h < 0 || (owner[h] >= 0 && encloses(olds[owner[h]].at, olds[q.i].at))) c.free++;
    else {
      c.held++;
      if (c.holder < 0) c.holder = h;
    }
  });
  const agreed = olds.map((_, i) => partner[i] < 0 && counts[i].total > 0 && 2 * counts[i].free >= counts[i].total);

  // 4b. Side by side, two brackets may share the words kept: `[the right to food]{Bolivia}, [the right to
  // health]{Brazil}` → `the right to health` keeps exactly half of each (the diff gave `the right to` to
  // the first, `health` to the second). Where a neighbour's words all stand in the new text of the run
  // they stood in and this one's do not, the neighbour is the one agreed: Brazil's, not Bolivia's.
  // (Alternatives are step 7's; a bracket whose words were merely mistyped keeps its half.)
  if (newText !== undefined) {
    const near = (a: number, b: number): boolean =>
      olds[a].last >= 0 && olds[b].open > olds[a].last && olds[b].open - olds[a].last <= 4 && olds[a].b.group === null && olds[b].b.group === null;
    const whole = new Map<number, boolean>();
    olds.forEach((o, i) => {
      if (!agreed[i] || o.b.group !== null || 2 * counts[i].free !== counts[i].total || o.open < 0 || o.last < 0) return;
      let first = i;
      let last = i;
      while (first > 0 && near(first - 1, first)) first--;
      while (last + 1 < olds.length && near(last, last + 1)) last++;
      if (first === last) return;
      const [lo, hi] = d.between(olds[first].open, olds[last].last);
      if (hi - lo > 2 * (olds[last].last - olds[first].open) + 24 || hi - lo > budget) return;
      budget -= hi - lo;
      const words = wordsOf(newText.slice(lo, hi)).split(' ');
      const there = new Set(words);
      const standsWhole = (k: number): boolean => {
        let v = whole.get(k);
        if (v === undefined) whole.set(k, (v = wordsOf(alternativeText(olds[k].b.text)).split(' ').every((w) => w === '' || there.has(w))));
        return v;
      };
      if (standsWhole(i)) return;
      // The words there once the neighbours standing whole have taken theirs: if none of this one's
      // content words is left, what it kept was theirs (`the right to` of `the right to health`); one
      // amended and kept (`the right to food` → `the right to water`) still has its own.
      const left = new Map<string, number>();
      for (const w of words) left.set(w, (left.get(w) ?? 0) + 1);
      let demote = false;
      for (let k = first; k <= last; k++) {
        if (k === i || !agreed[k] || !standsWhole(k)) continue;
        demote = true;
        for (const w of wordsOf(alternativeText(olds[k].b.text)).split(' ')) if (left.get(w)) left.set(w, left.get(w)! - 1);
      }
      if (demote && !wordsOf(alternativeText(o.b.text)).split(' ').some((w) => w !== '' && isContentWord(w) && (left.get(w) ?? 0) > 0)) agreed[i] = false;
    });
  }

  // 5. Moved within the entry: deleted where it stood (most of its own words gone there), and the very same
  // bracket (text, proposers and their action, as `unchanged` asks) unpaired elsewhere in it: `(c)` reordered
  // to `(b)`. After the pairings by place, so a bracket agreed where it stood stays agreed; before similarity
  // at its place, so a moved bracket is not taken as changed into whatever now stands there.
  const moved = new Uint8Array(olds.length);
  const lost: { i: number; k: string }[] = [];
  olds.forEach((o, i) => {
    const c = counts[i];
    const k = partner[i] < 0 && !agreed[i] && (c.total === 0 || 2 * (c.free + c.held) < c.total) ? keyOf(o) : null;
    if (k !== null) lost.push({ i, k });
  });
  if (lost.length) {
    // Each key's unpaired new brackets, in order, and how many are taken: linear, however many repeat.
    const queues = new Map<string, { js: number[]; taken: number }>();
    for (const { k } of lost) if (!queues.has(k)) queues.set(k, { js: [], taken: 0 });
    news.forEach((n, j) => {
      const k = owner[j] < 0 ? keyOf(n) : null;
      if (k !== null) queues.get(k)?.js.push(j);
    });
    for (const { i, k } of lost) {
      const q = queues.get(k)!;
      if (q.taken < q.js.length) {
        pair(i, q.js[q.taken++]);
        moved[i] = 1;
      }
    }
  }

  // 6. The rest: the most similar text between the same kept words, best first; else the new bracket now holding most of its words.
  const cands: { i: number; j: number; s: number }[] = [];
  olds.forEach((o, i) => {
    const p = partner[i] < 0 && !agreed[i] ? plainOf(o) : null;
    if (p === null) return;
    for (const j of around(i)) {
      const q = plainOf(news[j]);
      if (q === null || budget < p.length + q.length) continue;
      budget -= p.length + q.length;
      const nb = news[j].b;
      const s = textSimilarity(p, q) + (sameSet(o.b.proposers, nb.proposers) && o.b.proposers.length ? 0.1 : 0);
      if (s >= 0.5) cands.push({ i, j, s });
    }
  });
  cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const c of cands) if (partner[c.i] < 0 && owner[c.j] < 0) pair(c.i, c.j);
  // Held inside a new bracket that, as it turned out, is the new version of one enclosing it
  // (`[the provision of [financial support]{US}]` → `[the supply of financial support]{US}`): agreed within it.
  counts.forEach((c, i) => {
    const h = c.holder;
    if (partner[i] < 0 && !agreed[i] && h >= 0 && owner[h] >= 0 && encloses(olds[owner[h]].at, olds[i].at) && 2 * (c.free + c.held) >= c.total && c.total > 0) agreed[i] = true;
  });
  // (Not a much longer one: that is a new proposal around it, `added`.)
  counts.forEach((c, i) => {
    const h = c.holder;
    if (partner[i] < 0 && !agreed[i] && h >= 0 && owner[h] < 0 && 2 * c.held >= c.total && news[h].b.text.length <= 2 * olds[i].b.text.length + 20) pair(i, h);
  });

  // 7. Alternatives all gone (FORMAT.md §5: choosing one drops the others): the one whose words now
  // stand where the group stood is agreed — the longest such — and the others dropped, but for one
  // whose words stand there apart from it. Not the one the diff happened to keep shared words of:
  // `[strongly condemn][condemn]` → `condemn`, `[welcome][welcome and support]` → `welcome and support`.
  if (newText !== undefined) {
    const groups = new Map<string, number[]>();
    olds.forEach((o, i) => {
      const g = o.b.group;
      if (g === null || o.open < 0 || o.last < 0) return;
      const l = groups.get(g);
      if (l) l.push(i);
      else groups.set(g, [i]);
    });
    for (const members of groups.values()) {
      if (members.length < 2 || members.some((i) => partner[i] >= 0)) continue;
      const [lo, hi] = d.between(olds[members[0]].open, olds[members[members.length - 1]].last);
      // None agreed by the diff: only its case changed (`[Decides][Requests] that` → `Also requests that`), where no new bracket stands.
      if (!members.some((i) => agreed[i]) && !(nearby(lo, hi, olds[members[members.length - 1]].last - olds[members[0]].open) && bracketFree(lo, hi))) continue;
      // Nested groups' texts hold one another: the budget keeps 100 000 nested alternatives linear.
      const size = members.reduce((n, i) => n + olds[i].b.text.length, hi - lo);
      if (size > budget) continue;
      budget -= size;
      const there = ` ${wordsOf(newText.slice(lo, hi))} `;
      const words = members.map((i) => wordsOf(alternativeText(olds[i].b.text)));
      /** How often an alternative's words stand in `s`. */
      const times = (s: string, k: number): number => (words[k] ? s.split(` ${words[k]} `).length - 1 : 0);
      let chosen = -1;
      words.forEach((w, k) => {
        if (times(there, k) > 0 && (chosen < 0 || w.length > words[chosen].length)) chosen = k;
      });
      if (chosen < 0) continue;
      const kept = ` ${words[chosen]} `;
      members.forEach((i, k) => {
        // Another one stands there only within the chosen one's words (`welcome` in `welcome and support`): dropped.
        if (k === chosen) agreed[i] = true;
        else if (times(there, k) <= times(kept, k)) agreed[i] = false;
      });
    }
  }

  // 8. A bracket gone whose words stand where it stood in another case (`Parties [Decides]{EU} that` →
  // `Parties decides that`): the word diff keeps no word whose case changed, a reader sees the text kept.
  // Only where no new bracket stands (that would be a new proposal around it).
  if (newText !== undefined) {
    olds.forEach((o, i) => {
      if (partner[i] >= 0 || agreed[i] || o.b.group !== null || o.open < 0 || o.last < 0) return;
      const [lo, hi] = d.between(o.open, o.last);
      if (hi - lo + o.b.text.length > budget || !nearby(lo, hi, o.last - o.open) || !bracketFree(lo, hi)) return;
      budget -= hi - lo + o.b.text.length;
      const w = wordsOf(alternativeText(o.b.text));
      if (w && ` ${wordsOf(newText.slice(lo, hi))} `.includes(` ${w} `)) agreed[i] = true;
    });
  }

  /**
   * The same proposers (registry names, so `{G77}` is `{G-77/China}`, in any order and form) with the
   * same action, and the same text, white space folded: `changed` is text or proposers changed (§10).
   */
  const unchanged = (o: Placed, n: Placed): boolean => {
    if (!sameSet(n.b.proposers, o.b.proposers) || n.b.action !== o.b.action) return false;
    // Its own text kept from one end to the other, with nothing but white space changed in it.
    if (o.textFrom >= 0 && o.textTo > o.textFrom && d.map(o.textFrom) === n.textFrom && d.map(o.textTo - 1) === n.textTo - 1 && d.kept(o.textFrom, o.textTo - 1)) return true;
    if (o.b.text === n.b.text) return true;
    if (o.b.text.length + n.b.text.length > budget) return false;
    budget -= o.b.text.length + n.b.text.length;
    return fold(o.b.text) === fold(n.b.text);
  };
  const out: BracketChange[] = olds.map((o, i) => {
    const j = partner[i];
    const outcome: BracketOutcome = j >= 0 ? (moved[i] || unchanged(o, news[j]) ? 'unchanged' : 'changed') : agreed[i] ? 'agreed' : 'dropped';
    return changeOf(o.b, outcome);
  });
  news.forEach((n, j) => {
    if (owner[j] < 0) out.push(changeOf(n.b, 'added'));
  });
  return out;
}

/** Its proposers in any order and their action: the same for `{EU, Canada}` and `{Canada – EU}`. */
const whoKey = (b: BracketInfo): string => [b.action ?? '', ...[...b.proposers].sort()].join('\u0000');

/** The same bracket for `unchanged` (§10): its text, white space folded, its proposers in any order, their action. */
const sameBracketKey = (b: BracketInfo): string => `${fold(b.text)}\u0000${whoKey(b)}`;

/** Whether two brackets are the same for `unchanged` (§10): text, white space folded, proposers and action. */
export const sameBracket = (a: BracketInfo, b: BracketInfo): boolean => whoKey(a) === whoKey(b) && (a.text === b.text || fold(a.text) === fold(b.text));

/** Words of letters or digits a bracket's text must have for a move between paragraphs to be taken as that bracket's. */
const MOVED_ACROSS_MIN_WORDS = 3;

/**
 * A bracket moved to another paragraph: dropped where it stood and the very same bracket
 * (text, proposers, action) added in another entry is `unchanged` — the State's proposal is
 * still on the table, which is what a facilitator reads the outcomes for; moved and reworded
 * (the same proposers and action, named, and text at least MOVED_SIMILARITY alike) it is
 * `changed`. Only brackets of three words or more, so that a short `[and]{EU}` or a `[…]`
 * placeholder dropped here and proposed afresh there is not taken for one; the same ones
 * first-come in document order, the reworded ones most alike first. Returns the entries with
 * each such pair as one entry, the old one, where it stood.
 */
export function movedAcross(brackets: BracketChange[]): BracketChange[] {
  // The dropped and added brackets that may pair, read once. Nested brackets' texts overlap (each
  // holds its inner ones): a budget keeps 100 000 nested ones linear.
  let budget = TEXT_BUDGET;
  const candidates: { i: number; b: BracketInfo }[] = [];
  brackets.forEach((c, i) => {
    const b = infoOf.get(c);
    if (!b || (c.outcome !== 'dropped' && c.outcome !== 'added') || budget < b.text.length || !hasWords(b.text, MOVED_ACROSS_MIN_WORDS)) return;
    budget -= b.text.length;
    candidates.push({ i, b });
  });
  const gone = new Set<number>();
  const pair = (i: number, j: number, outcome: BracketOutcome): void => {
    brackets[i] = changeOf(infoOf.get(brackets[i])!, outcome);
    gone.add(j);
  };
  // The very same bracket: the dropped ones of each key in document order, taken first-come.
  const dropped = new Map<string, { at: number[]; taken: number }>();
  const keys = candidates.map(({ b }) => sameBracketKey(b));
  candidates.forEach(({ i }, n) => {
    if (brackets[i].outcome !== 'dropped') return;
    const q = dropped.get(keys[n]);
    if (q) q.at.push(i);
    else dropped.set(keys[n], { at: [i], taken: 0 });
  });
  candidates.forEach(({ i }, n) => {
    const q = brackets[i].outcome === 'added' ? dropped.get(keys[n]) : undefined;
    if (q && q.taken < q.at.length) pair(q.at[q.taken++], i, 'unchanged');
  });
  // Moved and reworded: among the rest, by the same named proposers and action, the most alike first.
  const byWho = new Map<string, { olds: number[]; news: number[] }>();
  for (const { i, b } of candidates) {
    // Not one paired above (the dropped one is `unchanged` now, the added one gone).
    if (gone.has(i) || (brackets[i].outcome !== 'dropped' && brackets[i].outcome !== 'added') || !b.proposers.length) continue;
    const k = whoKey(b);
    let g = byWho.get(k);
    if (!g) byWho.set(k, (g = { olds: [], news: [] }));
    (brackets[i].outcome === 'dropped' ? g.olds : g.news).push(i);
  }
  const cands: { i: number; j: number; s: number }[] = [];
  const plains = new Map<number, string>();
  const plainAt = (i: number): string => {
    let p = plains.get(i);
    if (p === undefined) plains.set(i, (p = plain(brackets[i].text)));
    return p;
  };
  let pairs = MAX_PAIRS;
  let chars = 5 * TEXT_BUDGET;
  weigh: for (const g of byWho.values())
    for (const i of g.olds)
      for (const j of g.news) {
        if (--pairs < 0) break weigh;
        const [a, b] = [plainAt(i), plainAt(j)];
        // Dice ≥ s needs the shorter at least s / (2 − s) of the longer: most pairs stop here.
        if (Math.min(a.length, b.length) < (MOVED_SIMILARITY / (2 - MOVED_SIMILARITY)) * Math.max(a.length, b.length)) continue;
        if ((chars -= a.length + b.length) < 0) break weigh;
        const s = textSimilarity(a, b);
        if (s >= MOVED_SIMILARITY) cands.push({ i, j, s });
      }
  cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const c of cands) if (!gone.has(c.j) && brackets[c.i].outcome === 'dropped') pair(c.i, c.j, 'changed');
  return gone.size ? brackets.filter((_, i) => !gone.has(i)) : brackets;
}

/** How alike (bigram Dice of the plain texts) a bracket moved to another paragraph and reworded must stay to be taken as the one it was. */
const MOVED_SIMILARITY = 0.75;

/** Whether `s` has at least `n` words of letters or digits (it stops counting there). */
function hasWords(s: string, n: number): boolean {
  const re = /[\p{L}\p{N}]+/gu;
  for (let k = 0; k < n; k++) if (!re.exec(s)) return false;
  return true;
}

/** A text's words of letters or digits, lower case, one space apart. */
function wordsOf(s: string): string {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** An alternative's own text: attributions and brackets of nested ones and its `ALT 1:` / `Option A:` marker left out. */
function alternativeText(text: string): string {
  return text.replace(/\{[^{}]*\}/g, ' ').replace(OPTION_MARKER, ' ');
}

/** Whether bracket `a` holds bracket `b` (brackets nest, so their ranges tell). */
const encloses = (a: Where, b: Where): boolean => a.open <= b.open && a.last >= b.last;

/**
 * Outcomes per proposer, in the order each first appears in `brackets` (document order, as the
 * rest of the §10 output runs): a stable order that does not reshuffle when one count changes.
 */
export function proposerTable(brackets: BracketChange[]): ProposerOutcomes[] {
  const rows = new Map<string, ProposerOutcomes>();
  for (const b of brackets)
    for (const name of new Set(b.proposers)) {
      let r = rows.get(name);
      if (!r) rows.set(name, (r = { name, agreed: 0, dropped: 0, changed: 0, unchanged: 0, added: 0 }));
      r[b.outcome]++;
    }
  return [...rows.values()];
}

/** The same rows for display (summary, Markdown, HTML): most brackets first, then by code point. */
export function proposersByCount(rows: readonly ProposerOutcomes[]): ProposerOutcomes[] {
  const total = (r: ProposerOutcomes): number => r.agreed + r.dropped + r.changed + r.unchanged + r.added;
  return [...rows].sort((x, y) => total(y) - total(x) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
