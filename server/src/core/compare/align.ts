// Aligning the paragraphs of two revisions by content: the same text first
// (renumbered and moved paragraphs), then the most similar (edited ones) by
// Dice over word shingles, candidates found through an inverted index so the
// work stays near-linear; then splits and merges among neighbours, of any
// number of parts; short paragraphs edited in place by their content words,
// then anywhere when clearly alike; and which pairs moved (those outside the
// longest run kept in order).
import { lowerBound } from './lowerBound';

export interface Side {
  /** The paragraph's text, label left out, white space folded. */
  text: string;
  /** Its text and who proposed each of its brackets: among copies of one text, a copy proposed by the same pairs first. */
  proposed?: string;
}

export interface AlignedEntry {
  /** Old paragraph indices (empty for an added one; two or more for a merge). */
  old: number[];
  /** New paragraph indices (empty for a deleted one; two or more for a split). */
  new: number[];
  moved: boolean;
}

export interface Alignment {
  /** In the order of the new revision, deleted paragraphs where they stood. */
  entries: AlignedEntry[];
}

/** Postings longer than this are too common to tell paragraphs apart and are skipped. */
const MAX_POSTINGS = 256;
/** A part of a split (or merge) has at least this share of its shingles in the whole… */
const MIN_CONTAINED = 0.35;
/** …and joining it raises the similarity by at least this much. */
const MIN_GAIN = 0.02;
/** Paragraphs this short have too few shingles for one edited word to leave a match… */
const SHORT_WORDS = 8;
/** …so they are paired on their content words instead, in place, at this least Dice. */
const SHORT_THRESHOLD = 0.4;

/** Words that say little about which paragraph is which. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it its of on or that the their these this those to was were which with'.split(' '),
);
export const isContentWord = (w: string): boolean => !STOP_WORDS.has(w.toLowerCase());

const WORDS = /[\p{L}\p{N}]+/gu;

/** A text's content words, lower case, as a set; and how many words it has in all. */
function contentWords(text: string): { words: Set<string>; count: number } {
  const all = text.toLowerCase().match(WORDS) ?? [];
  return { words: new Set(all.filter(isContentWord)), count: all.length };
}

export function shingles(text: string): Set<string> {
  return new Set(shingles3(text));
}

/** Each run of three words in order (the words themselves when fewer; the text itself when none). */
function shingles3(text: string): string[] {
  const words = text.toLowerCase().match(WORDS) ?? [];
  if (words.length < 3) return words.length === 0 && text !== '' ? [text] : words;
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return out;
}

/**
 * The shingles as a multiset: a shingle's second occurrence is a member of its own. A split's
 * gain is measured on these — a part repeating words of the other part (`Option 2:` restating
 * Option 1's first sentence) adds nothing to a set, but its words stood twice in the whole.
 */
export function countedShingles(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const g of shingles3(text)) {
    const n = (seen.get(g) ?? 0) + 1;
    seen.set(g, n);
    out.add(n === 1 ? g : `${g}\u0000${n}`);
  }
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of s) if (l.has(x)) n++;
  return n;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 1;
  return (2 * shared(a, b)) / (a.size + b.size);
}

/** Indices (into `values`) of one longest strictly increasing subsequence. */
export function lis(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/** What `of` makes of a side's paragraphs (shingles, content words), each made once, when first asked for. */
function madeOnce<T>(side: readonly Side[], of: (text: string) => T): (k: number) => T {
  const made = new Map<number, T>();
  return (k) => {
    let s = made.get(k);
    if (s === undefined) made.set(k, (s = of(side[k].text)));
    return s;
  };
}

type ContentWords = (k: number) => { words: Set<string>; count: number };

/** Most parts one split or merge gathers. */
const MAX_PARTS = 8;

/**
 * Splits seen from the new side, merges from the old: an unpaired paragraph of
 * `side` next to a paired one (or to a part already joined to it) joins it when
 * together they match that one's partner better, and most of it is drawn from
 * that partner. `parts` (keyed by the partner) gets them all, in order, so a
 * paragraph split in three is one entry; `otherParts` are the other way's, left alone.
 */
function attachParts(
  side: readonly Side[], sideTo: number[], sh: (k: number) => Set<string>, partnerSh: (k: number) => Set<string>,
  partnerCounted: (k: number) => Set<string>, parts: Map<number, number[]>, otherParts: Map<number, number[]>,
): void {
  const containment = (part: Set<string>, whole: Set<string>): number => (part.size ? shared(part, whole) / part.size : 0);
  const textOf = (ks: number[]): string => ks.map((k) => side[k].text).join(' ');
  // A part joined may let its other neighbour join next: a few passes, each linear.
  for (let pass = 0, grew = true; grew && pass < MAX_PARTS; pass++) {
    grew = false;
    for (let u = 0; u < side.length; u++) {
      if (sideTo[u] >= 0) continue;
      let best: { p: number; ks: number[]; gain: number } | undefined;
      for (const n of [u - 1, u + 1]) {
        if (n < 0 || n >= side.length || sideTo[n] < 0) continue;
        const p = sideTo[n];
        const now = parts.get(p) ?? [n];
        // Only at an end of what the partner already holds, and never into the other way's groups.
        if (now[0] !== n && now[now.length - 1] !== n) continue;
        if (now.length >= MAX_PARTS || otherParts.has(n)) continue;
        if (containment(sh(u), partnerSh(p)) < MIN_CONTAINED) continue;
        const ks = n < u ? [...now, u] : [u, ...now];
        const P = partnerCounted(p);
        const gain = dice(P, countedShingles(textOf(ks))) - dice(P, countedShingles(textOf(now)));
        if (gain > MIN_GAIN && (!best || gain > best.gain)) best = { p, ks, gain };
      }
      if (best) {
        parts.set(best.p, best.ks);
        sideTo[u] = best.p;
        grew = true;
      }
    }
  }
}

/**
 * The gaps between paired paragraphs: each run `[j0, j1)` of unpaired new paragraphs with the old
 * paragraphs `[from, until)` between the old ones its paired neighbours hold (a merge holds several).
 * Read as it goes: pairs made inside a gap do not move the next one.
 */
function* gapsOf(newTo: readonly number[], oldCount: number, mergeOf: ReadonlyMap<number, number[]>): Generator<{ from: number; until: number; j0: number; j1: number }> {
  const lastOld = (j: number): number => Math.max(...(mergeOf.get(j) ?? [newTo[j]]));
  const firstOld = (j: number): number => Math.min(...(mergeOf.get(j) ?? [newTo[j]]));
  for (let j = 0; j < newTo.length; ) {
    if (newTo[j] >= 0) {
      j++;
      continue;
    }
    let end = j;
    while (end < newTo.length && newTo[end] < 0) end++;
    yield { from: j === 0 ? 0 : lastOld(j - 1) + 1, until: end < newTo.length ? firstOld(end) : oldCount, j0: j, j1: end };
    j = end;
  }
}

/** Step 5 of align: see there. Each new paragraph looks at most at a few old ones, so it stays linear. */
function pairShort(oldTo: number[], newTo: number[], mergeOf: Map<number, number[]>, cwOld: ContentWords, cwNew: ContentWords): void {
  for (const gap of gapsOf(newTo, oldTo.length, mergeOf)) {
    let from = gap.from; // the first old paragraph the gap may still use
    for (let j = gap.j0; j < gap.j1; j++) {
      const b = cwNew(j);
      if (b.count === 0 || b.count >= 2 * SHORT_WORDS) continue;
      for (let i = from, looked = 0; i < gap.until && looked < SHORT_WORDS; i++) {
        if (oldTo[i] >= 0) continue;
        looked++;
        const a = cwOld(i);
        if (a.count === 0 || Math.min(a.count, b.count) >= SHORT_WORDS || Math.max(a.count, b.count) >= 2 * SHORT_WORDS) continue;
        if (a.words.size + b.words.size === 0 || dice(a.words, b.words) < SHORT_THRESHOLD) continue;
        oldTo[i] = j;
        newTo[j] = i;
        from = i + 1;
        break;
      }
    }
  }
}

/**
 * In the same place between paired neighbours, paired at this least Dice of content words (the same
 * words reordered). Half alike: the Paris drafts' rewritten `The CMA shall adopt modalities …` is at
 * 0.5 exactly — and so, unavoidably, is now and then a paragraph replaced by another in its place.
 */
const IN_PLACE_WORDS = 0.5;
/** How far from its own place in a gap a paragraph looks for its partner (step 7). */
const GAP_WINDOW = 8;
/** A short paragraph moved and edited is paired anywhere at this least Dice of content words… */
const SHORT_ANYWHERE = 0.6;
/**
 * …a longer one (to MEDIUM_WORDS words) at this least: a few words changed in a sentence of twenty
 * break most of its three-word shingles, so moved as well it found no partner.
 */
const MEDIUM_ANYWHERE = 0.7;
const MEDIUM_WORDS = 6 * SHORT_WORDS;
/** …when its next best partner, either way, scores this much less; */
const SHORT_MARGIN = 0.15;
/** and only while so many short paragraphs are left unpaired on a side (beyond, it says nothing). */
const SHORT_CAP = 500;

/**
 * Steps 6 and 6b of align: see there. Paragraphs of fewer than `maxWords` words, at least `least`
 * alike, one of them shorter than `oneUnder` words. Candidates come through an index of content
 * words, so it stays near-linear.
 */
function pairAnywhere(oldTo: number[], newTo: number[], cwOld: ContentWords, cwNew: ContentWords, maxWords: number, oneUnder: number, least: number): void {
  const shortOnes = (to: number[], cw: ContentWords): { k: number; words: Set<string>; count: number }[] => {
    const out: { k: number; words: Set<string>; count: number }[] = [];
    for (let k = 0; k < to.length && out.length <= SHORT_CAP; k++) {
      if (to[k] >= 0) continue;
      const c = cw(k);
      if (c.count > 0 && c.count < maxWords && c.words.size > 0) out.push({ k, ...c });
    }
    return out;
  };
  const os = shortOnes(oldTo, cwOld);
  const ns = shortOnes(newTo, cwNew);
  if (!os.length || !ns.length || os.length > SHORT_CAP || ns.length > SHORT_CAP) return;
  const index = new Map<string, number[]>();
  os.forEach((o, a) => {
    for (const w of o.words) {
      const l = index.get(w);
      if (l) l.push(a);
      else index.set(w, [a]);
    }
  });
  // Each pair's score, and each paragraph's two best scores either way.
  const cands: { a: number; b: number; s: number }[] = [];
  const bestO = os.map(() => [0, 0]);
  const bestN = ns.map(() => [0, 0]);
  const note = (best: number[], s: number): void => {
    if (s > best[0]) [best[0], best[1]] = [s, best[0]];
    else if (s > best[1]) best[1] = s;
  };
  ns.forEach((n, b) => {
    const seen = new Set<number>();
    for (const w of n.words) for (const a of index.get(w) ?? []) seen.add(a);
    for (const a of seen) {
      const o = os[a];
      if (Math.min(o.count, n.count) >= oneUnder) continue;
      const s = dice(o.words, n.words);
      note(bestO[a], s);
      note(bestN[b], s);
      if (s >= least) cands.push({ a, b, s });
    }
  });
  // Only a pair each of whose paragraphs has no near rival: two alike short paragraphs are left alone.
  for (const c of cands) {
    if (c.s < bestO[c.a][0] || c.s < bestN[c.b][0]) continue;
    if (bestO[c.a][1] > c.s - SHORT_MARGIN || bestN[c.b][1] > c.s - SHORT_MARGIN) continue;
    const i = os[c.a].k;
    const j = ns[c.b].k;
    if (oldTo[i] >= 0 || newTo[j] >= 0) continue;
    oldTo[i] = j;
    newTo[j] = i;
  }
}

/** What a copy proposed by others costs, against one paragraph's distance from where it was expected. */
const OTHER_PROPOSERS = 2.5;
/** A repeated text's occurrences in one gap are paired in order past this many (new × old)… */
const MAX_REPEAT_CELLS = 4096;
/** …and so are all of them past this many in a comparison (100 000 paragraphs, each text 64 times: hostile.test.ts). */
const REPEAT_CELLS_BUDGET = 200_000;

/**
 * Step 1 of align. A text each side holds once pairs at once; those pairs that kept their order
 * (the longest run) cut both revisions into gaps. The copies of a repeated text (two `[…]`
 * placeholders, twin Articles' `1. The Conference of the Parties shall …`, a request made twice)
 * pair within each gap only, never crossing: first a copy that its proposers make unique in the
 * gap (`[X]{EU}` with `[X]{European Union}`), then the rest in order; where one side holds more
 * copies there, those that stand nearest where the gap's start puts them, a copy with the same
 * proposers first, the first on a tie, as a diff reads a common start. Of the copies left over,
 * one its proposers tell apart from every other left pairs with its like wherever it stands (a
 * copy moved elsewhere); the rest are left to the later steps, which pair the same text anywhere
 * by likeness, nearest first. Pairing leftovers in order had crossed copies paired in a gap.
 */
function pairSameText(olds: readonly Side[], news: readonly Side[], oldTo: number[], newTo: number[]): void {
  const repeated: Copies[] = [];
  for (const e of copiesBy(olds.keys(), (i) => olds[i].text, news.keys(), (j) => news[j].text).values()) {
    if (e.news.length === 0) continue;
    if (e.olds.length === 1 && e.news.length === 1) {
      oldTo[e.olds[0]] = e.news[0];
      newTo[e.news[0]] = e.olds[0];
    } else repeated.push(e);
  }
  if (repeated.length === 0) return;
  const pair = (i: number, j: number) => {
    oldTo[i] = j;
    newTo[j] = i;
  };

  // The pairs so far that kept their order: the gaps' edges, in both revisions.
  const anchors: number[] = [];
  for (let j = 0; j < news.length; j++) if (newTo[j] >= 0) anchors.push(j);
  const kept = lis(anchors.map((j) => newTo[j]));
  const edgesNew = anchors.filter((_, k) => kept.has(k));
  const edgesOld = edgesNew.map((j) => newTo[j]);
  let budget = REPEAT_CELLS_BUDGET;
  for (const e of repeated) {
    // Gap g lies between edge g − 1 and edge g: the number of edges before the paragraph.
    for (const [g, b] of copiesBy(e.olds, (i) => lowerBound(edgesOld, i), e.news, (j) => lowerBound(edgesNew, j))) {
      if (b.news.length === 0) continue;
      // A copy its proposers make unique in the gap pairs with its like, if that crosses no other such pair.
      const unique = uniqueByProposers(olds, news, b);
      const keep = lis(unique.map(([i]) => i));
      unique.forEach(([i, j], k) => keep.has(k) && pair(i, j));
      // The rest of the gap pairs in order, between those pairs.
      const bounds = [[-1, -1], ...unique.filter((_, k) => keep.has(k)), [Infinity, Infinity]];
      for (let k = 1; k < bounds.length; k++) {
        const [i0, j0] = bounds[k - 1];
        const [i1, j1] = bounds[k];
        const os = b.olds.filter((i) => i > i0 && i < i1 && oldTo[i] < 0);
        const ns = b.news.filter((j) => j > j0 && j < j1 && newTo[j] < 0);
        if (ns.length === 0 || os.length === 0) continue;
        const cells = os.length * ns.length;
        if (os.length === ns.length || cells > MAX_REPEAT_CELLS || cells > budget) {
          for (let q = 0; q < Math.min(os.length, ns.length); q++) pair(os[q], ns[q]);
          continue;
        }
        budget -= cells;
        // Where the start of the gap puts each new copy among the old paragraphs.
        const o0 = g > 0 ? edgesOld[g - 1] + 1 : 0;
        const n0 = g > 0 ? edgesNew[g - 1] + 1 : 0;
        const cost = (i: number, j: number): number => Math.abs(o0 + (j - n0) - i) + (olds[i].proposed === news[j].proposed ? 0 : OTHER_PROPOSERS);
        for (const [i, j] of closestInOrder(os, ns, cost)) pair(i, j);
      }
    }
    // A copy moved to another gap pairs where its proposers tell it apart from every other copy left.
    const rest = { olds: e.olds.filter((i) => oldTo[i] < 0), news: e.news.filter((j) => newTo[j] < 0) };
    if (rest.olds.length && rest.news.length) for (const [i, j] of uniqueByProposers(olds, news, rest)) pair(i, j);
  }
}

/** Old and new paragraphs (indices) of one text, one gap, one set of proposers. */
interface Copies {
  olds: number[];
  news: number[];
}

/** The old paragraphs under each key, with the new ones under the same key (a new one whose key no old one has is left out). */
function copiesBy<K>(olds: Iterable<number>, oldKey: (i: number) => K, news: Iterable<number>, newKey: (j: number) => K): Map<K, Copies> {
  const by = new Map<K, Copies>();
  for (const i of olds) {
    const k = oldKey(i);
    const c = by.get(k);
    if (c) c.olds.push(i);
    else by.set(k, { olds: [i], news: [] });
  }
  for (const j of news) by.get(newKey(j))?.news.push(j);
  return by;
}

/** Pairs `[old, new]` of copies in `b` whose proposers no other copy in `b` shares, in the order of the new ones. */
function uniqueByProposers(olds: readonly Side[], news: readonly Side[], b: Copies): [number, number][] {
  const out: [number, number][] = [];
  for (const [proposed, w] of copiesBy(b.olds, (i) => olds[i].proposed, b.news, (j) => news[j].proposed)) if (proposed !== undefined && w.olds.length === 1 && w.news.length === 1) out.push([w.olds[0], w.news[0]]);
  return out.sort((x, y) => x[1] - y[1]);
}

/**
 * Pairs of `olds` and `news` (ascending), as many as the shorter holds, in order (never crossing),
 * of least total cost: the one of a few occurrences that the longer side has to spare is left out
 * where it costs least; on a tie, the earlier ones pair.
 * O(|olds| × |news|).
 */
function closestInOrder(olds: readonly number[], news: readonly number[], cost: (i: number, j: number) => number): [number, number][] {
  const flip = olds.length < news.length;
  const short = flip ? olds : news;
  const long = flip ? news : olds;
  const c = (s: number, l: number) => (flip ? cost(short[s], long[l]) : cost(long[l], short[s]));
  const S = short.length;
  const L = long.length;
  // best[s][l]: least cost of pairing short[0..s) within long[0..l); take[s][l]: whether long[l − 1] pairs short[s − 1].
  const best: Float64Array[] = Array.from({ length: S + 1 }, () => new Float64Array(L + 1).fill(Infinity));
  const take: Uint8Array[] = Array.from({ length: S + 1 }, () => new Uint8Array(L + 1));
  best[0].fill(0);
  for (let s = 1; s <= S; s++) {
    for (let l = s; l <= L; l++) {
      const skip = best[s][l - 1];
      const with_ = best[s - 1][l - 1] + c(s - 1, l - 1);
      if (with_ < skip) {
        best[s][l] = with_;
        take[s][l] = 1;
      } else best[s][l] = skip;
    }
  }
  const out: [number, number][] = [];
  for (let s = S, l = L; s > 0; l--) {
    if (take[s][l]) {
      out.push(flip ? [short[s - 1], long[l - 1]] : [long[l - 1], short[s - 1]]);
      s--;
    }
  }
  return out.reverse();
}

export function align(olds: readonly Side[], news: readonly Side[], threshold = 0.5): Alignment {
  const oldTo = new Array<number>(olds.length).fill(-1);
  const newTo = new Array<number>(news.length).fill(-1);

  // 1. The same text: first the texts each side holds once, then the repeated ones by place.
  pairSameText(olds, news, oldTo, newTo);

  // 2. The most similar of the rest, best first.
  const shOld = madeOnce(olds, shingles);
  const shNew = madeOnce(news, shingles);
  const cwOld = madeOnce(olds, contentWords);
  const cwNew = madeOnce(news, contentWords);
  const csOld = madeOnce(olds, countedShingles);
  const csNew = madeOnce(news, countedShingles);
  const index = new Map<string, number[]>();
  for (let i = 0; i < olds.length; i++) {
    if (oldTo[i] >= 0) continue;
    for (const g of shOld(i)) {
      const l = index.get(g);
      if (l) l.push(i);
      else index.set(g, [i]);
    }
  }
  const cands: { i: number; j: number; s: number; d: number }[] = [];
  if (index.size > 0) {
    for (let j = 0; j < news.length; j++) {
      if (newTo[j] >= 0) continue;
      const B = shNew(j);
      const counts = new Map<number, number>();
      for (const g of B) {
        const l = index.get(g);
        if (!l || l.length > MAX_POSTINGS) continue;
        for (const i of l) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      for (const [i, n] of counts) {
        const s = (2 * n) / (shOld(i).size + B.size);
        if (s >= threshold) cands.push({ i, j, s, d: Math.abs(i / olds.length - j / news.length) });
      }
    }
  }
  cands.sort((x, y) => y.s - x.s || x.d - y.d || x.j - y.j || x.i - y.i);
  for (const c of cands) {
    if (oldTo[c.i] >= 0 || newTo[c.j] >= 0) continue;
    oldTo[c.i] = c.j;
    newTo[c.j] = c.i;
  }

  // 3. Splits: an unpaired new paragraph next to a paired one, both drawn from one old paragraph.
  const splitOf = new Map<number, number[]>(); // old index -> its new parts
  const mergeOf = new Map<number, number[]>(); // new index -> its old parts
  attachParts(news, newTo, shNew, shOld, csOld, splitOf, mergeOf);
  // 4. Merges, the same the other way round.
  attachParts(olds, oldTo, shOld, shNew, csNew, mergeOf, splitOf);

  // 5. Short paragraphs edited in place: in the gap between the paired paragraphs around them,
  // each unpaired new one takes the first unpaired old one of the gap with enough content words
  // in common (three-word shingles of `States met twice.` → `States met thrice.` share nothing).
  pairShort(oldTo, newTo, mergeOf, cwOld, cwNew);

  // 6. Short paragraphs moved and edited: still unpaired, the same content words near enough
  // anywhere in the draft, and no rival near as good (`States met twice in New York.` moved to
  // the end as `States met three times in New York.`).
  pairAnywhere(oldTo, newTo, cwOld, cwNew, 2 * SHORT_WORDS, SHORT_WORDS, SHORT_ANYWHERE);
  // 6b. Longer ones moved and edited, on more content words in common (`States recalled the
  // cumulative and evolving framework …` moved to the end as `States also recalled the cumulative
  // and growing framework …`).
  pairAnywhere(oldTo, newTo, cwOld, cwNew, MEDIUM_WORDS, MEDIUM_WORDS, MEDIUM_ANYWHERE);

  // 7. In a gap between paired paragraphs, the old and new paragraphs of the gap are paired on less
  // evidence (a placeholder filled in, a paragraph rewritten), best first and in order: not only the
  // first of each side, so a paragraph inserted or deleted at the top of the gap stands in no one's way.
  for (const gap of gapsOf(newTo, olds.length, mergeOf)) pairInGap(gap.from, gap.until, gap.j0, gap.j1);
  function pairInGap(from: number, until: number, j0: number, j1: number): void {
    const gap: number[] = [];
    for (let i = from; i < until; i++) if (oldTo[i] < 0) gap.push(i);
    if (gap.length === 0) return;
    const cands: { i: number; j: number; s: number }[] = [];
    for (let j = j0; j < j1; j++) {
      // Only old paragraphs near where this one stands in the gap: a long gap stays linear.
      const at = Math.round(((j - j0) / (j1 - j0)) * gap.length);
      for (let k = Math.max(0, at - GAP_WINDOW); k < Math.min(gap.length, at + GAP_WINDOW + 1); k++) {
        const i = gap[k];
        // Half the shingles of the threshold, or its share of content words (the same words reordered share no shingle).
        const s = dice(shOld(i), shNew(j));
        const c = dice(cwOld(i).words, cwNew(j).words);
        if (s < threshold / 2 && c < IN_PLACE_WORDS) continue;
        cands.push({ i, j, s: s + c });
      }
    }
    cands.sort((x, y) => y.s - x.s || x.j - y.j || x.i - y.i);
    const chosen: { i: number; j: number }[] = [];
    for (const c of cands) {
      if (oldTo[c.i] >= 0 || newTo[c.j] >= 0) continue;
      if (chosen.some((d) => d.i < c.i !== d.j < c.j)) continue; // in place: pairs of a gap never cross
      oldTo[c.i] = c.j;
      newTo[c.j] = c.i;
      chosen.push(c);
    }
  }
  // Parts of a split or merge whose anchor was only paired just now (three thirds, none alike enough alone).
  attachParts(news, newTo, shNew, shOld, csOld, splitOf, mergeOf);
  attachParts(olds, oldTo, shOld, shNew, csNew, mergeOf, splitOf);

  // 8. Entries in new order; which of them moved.
  const entries: AlignedEntry[] = [];
  const entryOfOld = new Array<number>(olds.length).fill(-1);
  for (let j = 0; j < news.length; j++) {
    const i = newTo[j];
    if (i < 0) {
      entries.push({ old: [], new: [j], moved: false });
      continue;
    }
    const parts = splitOf.get(i);
    if (parts && parts[0] !== j) continue; // the second part of a split
    const oldIdx = mergeOf.get(j) ?? [i];
    for (const k of oldIdx) entryOfOld[k] = entries.length;
    entries.push({ old: oldIdx, new: parts ?? [j], moved: false });
  }
  const paired = entries.map((e, k) => ({ e, k })).filter(({ e }) => e.old.length > 0);
  const keep = lis(paired.map(({ e }) => e.old[0]));
  paired.forEach(({ e }, k) => {
    if (!keep.has(k)) e.moved = true;
  });

  // Deleted paragraphs go after the entry of the nearest old paragraph above them that kept its
  // place: one that moved away would carry them off to where it went.
  const after = new Map<number, number[]>();
  let anchor = -1;
  for (let i = 0; i < olds.length; i++) {
    if (entryOfOld[i] >= 0) {
      if (!entries[entryOfOld[i]].moved) anchor = entryOfOld[i];
      continue;
    }
    const l = after.get(anchor);
    if (l) l.push(i);
    else after.set(anchor, [i]);
  }
  const out: AlignedEntry[] = [];
  const flush = (k: number): void => {
    for (const i of after.get(k) ?? []) out.push({ old: [i], new: [], moved: false });
  };
  flush(-1);
  entries.forEach((e, k) => {
    out.push(e);
    flush(k);
  });
  return { entries: out };
}
