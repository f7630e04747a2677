// Internal cross-references ("paragraph 12 above", "operative paragraph 3",
// "paragraphs 3 to 5 of the present resolution") and, given how two revisions
// align, those in the new one that still name a paragraph by its old number,
// or name one that was deleted, split or merged: the check the Editorial
// Manual asks for on every revision. Pure; linear in the text.
import { findReferences } from '../references';
import { parseLabelText, formatLabel } from '../lineKinds';
import type { Range } from '../model';
import { lowerBound } from './lowerBound';

export type Series = '' | 'PP' | 'OP';

export interface CrossReferenceLabel {
  /** Offsets of the number as written (`12 bis`), without a sub-paragraph `(b)` after it. */
  start: number;
  end: number;
  /** Canonical, without a series: `12 bis`, `3.3`. */
  label: string;
}

export interface CrossReference {
  /** Offsets of the whole phrase, `above`/`of the present resolution` included. */
  start: number;
  end: number;
  text: string;
  /** `OP` for "operative paragraph 3" and `OP3`, `PP` for "preambular paragraph 2" and `PP2`. */
  series: Series;
  /** "paragraph" / "para." as written, to make it plural in a suggestion. */
  keyword: { start: number; end: number } | null;
  /** The paragraphs named; of a range ("3 to 5"), its two ends. */
  labels: CrossReferenceLabel[];
  direction: 'above' | 'below' | null;
}

const WS = '[ \\t\\u00a0]';
const WSN = '[ \\t\\u00a0\\r\\n]';
const SUFFIX = '(?:bis|ter|quater|quat|quinquies|sexies|septies|octies|novies|decies)';
// A number not part of a symbol or a decimal it does not cover ("75/240", "1.5").
const NUM = `\\d{1,4}(?:\\.\\d{1,3}){0,2}(?:${WS}?${SUFFIX})?(?![\\w/]|\\.\\d)`;
const SUB = `(?:${WS}{0,2}\\((?:[a-z]{1,2}|[ivxl]{1,6})\\)){0,3}`;
const SEP = `(?:${WSN}{0,3}[,&]${WSN}{0,3}(?:and${WSN}{1,3})?|${WSN}{1,3}(?:and|to|through)${WSN}{1,3}|${WS}{0,2}[–—-]${WS}{0,2})`;
const SUBLIST = `\\((?:[a-z]{1,2}|[ivxl]{1,6})\\)(?:${SEP}\\((?:[a-z]{1,2}|[ivxl]{1,6})\\)){0,8}`;
const DOC = `(?:resolution|decision|report|document|text|declaration)`;
const MARKER = `${WSN}{1,3}(?:(above|below)\\b|of${WSN}{1,3}(?:the${WSN}{1,3}present|this)${WSN}{1,3}(?:draft${WSN}{1,3})?${DOC}\\b)`;

const PARA_RE = new RegExp(
  `\\b(?:(operative|preambular)${WSN}{1,3})?` +
    `(?:(sub-?paragraphs?)${WSN}{1,3}${SUBLIST}${WSN}{1,3}of${WSN}{1,3}(?:(operative|preambular)${WSN}{1,3})?)?` +
    `(paragraphs?|paras?\\.?)${WSN}{1,3}` +
    `(${NUM}${SUB}(?:${SEP}${NUM}${SUB}){0,12})` +
    `(${MARKER})?`,
  'gid',
);
// Facilitators' shorthand, upper case only: "OP3", "PP 2" (not "pp. 3", pages).
const SHORT_RE = new RegExp(`\\b(OP|PP)${WS}?(\\d{1,3}(?:${WS}?${SUFFIX})?)(?![\\w/]|\\.\\d)(${MARKER})?`, 'gd');
const ITEM_RE = new RegExp(`(${NUM})${SUB}`, 'yi');
const SEP_RE = new RegExp(SEP, 'yi');
// After a number: "of resolution 75/240", "of the Paris Agreement", "in its resolution": another text's paragraph.
const OF_OTHER = new RegExp(`${WSN}{1,3}(?:of|in)${WSN}`, 'y');
// Between an external reference and a pinpoint after it: ", ", " (", ", annex, ", a date.
const AFTER_REF = /^(?:[ \t\u00a0]+of[ \t\u00a0]+\d{1,2}[ \t\u00a0]+[A-Z][a-z]+[ \t\u00a0]+\d{4})?[ \t\u00a0\r\n,(]*(?:annex(?:[ \t\u00a0]+[IVX]{1,5})?[ \t\u00a0]*,[ \t\u00a0\r\n]*)?$/i;
const ARTICLE_BEFORE = /\barticle[ \t\u00a0]+\d{1,3}(?:\.\d{1,3})?[ \t\u00a0]*,[ \t\u00a0]*$/i;

/** Canonical form of a number as written: `12bis` → `12 bis`, `12 quat` → `12 quater`. */
function canonical(written: string): string {
  const p = parseLabelText(written);
  return p ? formatLabel('', p.nums, p.rank) : written.trim();
}

/** Quotations “…” and "…" (reset at a blank line): text quoted from another document. */
function quotations(t: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let curly = false;
  const re = /["“”]|\n[ \t\r]*\n/g;
  for (let m: RegExpExecArray | null; (m = re.exec(t)); ) {
    const c = m[0];
    if (c === '"' && open < 0) {
      open = m.index;
      curly = false;
    } else if (c === '"' && !curly) {
      out.push([open, m.index + 1]);
      open = -1;
    } else if (c === '“') {
      open = m.index;
      curly = true;
    } else if (c === '”') {
      if (open >= 0 && curly) out.push([open, m.index + 1]);
      open = -1;
    } else if (c !== '"') open = -1; // a blank line ends an unclosed quotation
  }
  return out;
}

/** Internal cross-references in one paragraph's text, in text order. Never throws. */
export function findCrossReferences(text: string): CrossReference[] {
  if (typeof text !== 'string' || !(/para/i.test(text) || /\b[OP]P[ \t\u00a0]?\d/.test(text))) return [];
  try {
    return find(text);
  } catch {
    return [];
  }
}

/** Index of the last of the sorted `xs` that is at most `v`, or -1. */
function lastAtMost(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function find(t: string): CrossReference[] {
  const found: CrossReference[] = [];
  let quoteStarts: number[] | undefined;
  let quoteEnds: number[] | undefined;
  let refEnds: number[] | undefined;
  /** Another text's paragraph: quoted, after a reference ("A/76/135, para. 6"), or an article's. */
  const external = (start: number, end: number): boolean => {
    if (!quoteStarts) {
      const q = quotations(t);
      quoteStarts = q.map((x) => x[0]);
      quoteEnds = q.map((x) => x[1]);
    }
    // Quotations do not overlap: only the last one opening before `start` can hold it.
    const k = lastAtMost(quoteStarts, start - 1);
    if (k >= 0 && end <= quoteEnds![k]) return true;
    if (ARTICLE_BEFORE.test(t.slice(Math.max(0, start - 60), start))) return true;
    refEnds ??= findReferences(t).references.map((r) => r.end).sort((a, b) => a - b);
    for (let r = lastAtMost(refEnds, start); r >= 0 && start - refEnds[r] <= 60; r--) if (AFTER_REF.test(t.slice(refEnds[r], start))) return true;
    return false;
  };

  PARA_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = PARA_RE.exec(t)); ) {
    const idx = m.indices!;
    const seriesWord = (m[3] ?? m[1] ?? '').toLowerCase();
    const series: Series = seriesWord === 'operative' ? 'OP' : seriesWord === 'preambular' ? 'PP' : '';
    const marked = m[6] !== undefined;
    // Without "above", "below" or "of the present …", only the forms drafts use for their own paragraphs.
    if (!marked && !series && !m[2]) continue;
    if (!marked && sticky(OF_OTHER, t, m.index + m[0].length)) continue;
    if (external(m.index, m.index + m[0].length)) continue;
    const labels = items(t, idx[5][0], idx[5][1]);
    if (labels.length === 0) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      series,
      keyword: m[2] ? null : { start: idx[4][0], end: idx[4][1] },
      labels,
      direction: m[7] ? (m[7].toLowerCase() as 'above' | 'below') : null,
    });
  }
  const long = found.length;
  let k = 0;
  SHORT_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = SHORT_RE.exec(t)); ) {
    const idx = m.indices!;
    // Both in text order: skip the shorthand inside a phrase already found.
    while (k < long && found[k].end <= m.index) k++;
    if (k < long && found[k].start <= m.index) continue;
    if (external(m.index, m.index + m[0].length)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      series: m[1] as Series,
      keyword: null,
      labels: [{ start: idx[2][0], end: idx[2][1], label: canonical(m[2]) }],
      direction: m[4] ? (m[4].toLowerCase() as 'above' | 'below') : null,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** The numbers of a list "3, 4 and 6" or a range "3 to 5" (its two ends). */
function items(t: string, start: number, end: number): CrossReferenceLabel[] {
  const out: CrossReferenceLabel[] = [];
  let p = start;
  while (p < end) {
    const m = sticky(ITEM_RE, t, p);
    if (!m || m.index + m[0].length > end) break;
    out.push({ start: p, end: p + m[1].length, label: canonical(m[1]) });
    p += m[0].length;
    const s = sticky(SEP_RE, t, p);
    if (!s) break;
    p += s[0].length;
  }
  return out;
}

// ---- checking a revision ----

/** One paragraph of a revision: its label and its text after the label, at `offset` in the file. */
export interface RevisionParagraph {
  label: string;
  text: string;
  offset: number;
}

export interface CrossReferenceTarget {
  /** The paragraph as the reference names it, series resolved: `12`, `OP3`. */
  named: string;
  /** The old label of the paragraph meant, when known. */
  old: string | null;
  /** Where that paragraph is in the new revision; null when it was deleted or is not there. */
  new: string[] | null;
}

export type CrossReferenceReason = 'renumbered' | 'deleted' | 'split' | 'merged' | 'missing' | 'direction';

/** A cross-reference of the new revision to check. */
export interface CrossReferenceCheck {
  /** New label of the paragraph it stands in. */
  paragraph: string;
  /** Where it is in the new text (LSP positions) and its offset. */
  range: Range;
  offset: number;
  text: string;
  reason: CrossReferenceReason;
  targets: CrossReferenceTarget[];
  /** The text to write instead, or null when there is no paragraph left to point at. */
  suggestion: string | null;
}

const seriesOf = (label: string): Series => (label.startsWith('PP') ? 'PP' : label.startsWith('OP') ? 'OP' : '');

interface Side {
  paras: readonly RevisionParagraph[];
  /** Each label's paragraphs, in order: treaty-style drafts number paragraphs afresh in each article. */
  index: Map<string, number[]>;
  hasPP: boolean;
}

function side(paras: readonly RevisionParagraph[]): Side {
  const index = new Map<string, number[]>();
  let hasPP = false;
  paras.forEach((p, i) => {
    const l = index.get(p.label);
    if (l) l.push(i);
    else index.set(p.label, [i]);
    if (p.label.startsWith('PP')) hasPP = true;
  });
  return { paras, index, hasPP };
}

/** The paragraph a reference in paragraph `from` means by `label`: the nearest one in the direction it says, else the nearest. */
function at(s: Side, label: string, from: number, dir: 'above' | 'below' | null): number | undefined {
  const l = s.index.get(label);
  if (!l) return undefined;
  if (l.length === 1) return l[0];
  const lo = lowerBound(l, from);
  // l[lo - 1] is the last before `from`; l[lo] the first at or after it.
  const before = lo > 0 ? l[lo - 1] : undefined;
  const after = lo < l.length && l[lo] === from ? (lo + 1 < l.length ? l[lo + 1] : undefined) : l[lo];
  if (dir === 'above' && before !== undefined) return before;
  if (dir === 'below' && after !== undefined) return after;
  if (lo < l.length && l[lo] === from) return from;
  if (before === undefined) return after;
  if (after === undefined) return before;
  return from - before <= after - from ? before : after;
}

/**
 * The label a reference names in one revision: "operative paragraph 3" is
 * `OP3` (or `3` in a draft numbered plainly), "paragraph 5 above" in an
 * operative paragraph is `OP5` when there is no plain `5`. Null when it
 * cannot be told (a preambular paragraph of a draft with no `PP` labels).
 */
function resolve(label: string, series: Series, from: string, s: Side): string | null {
  const has = (l: string): boolean => s.index.has(l);
  if (series === 'PP') return s.hasPP ? 'PP' + label : null;
  if (series === 'OP') return has('OP' + label) || !has(label) ? 'OP' + label : label;
  if (has(label)) return label;
  const own = seriesOf(from);
  if (own && has(own + label)) return own + label;
  if (has('OP' + label)) return 'OP' + label;
  return label;
}

/** A label as a reference writes it: the series left out where the words say it. */
function written(label: string, r: CrossReference): string {
  const s = seriesOf(label);
  return s && (r.series === s || r.series === '') ? label.slice(2) : label;
}

const plural = (kw: string): string =>
  /^paras?\.?$/i.test(kw) ? kw.replace(/^(para)s?/i, '$1s') : /^paragraph$/i.test(kw) ? kw + 's' : kw;

/** The reference rewritten: each number replaced, "paragraph" made plural for a split, above/below corrected. */
function rewrite(r: CrossReference, replacements: string[][], direction: 'above' | 'below' | null): string {
  let out = '';
  let pos = r.start;
  const cut = (to: number, s: string): void => {
    out += r.text.slice(pos - r.start, to - r.start) + s;
  };
  if (r.keyword && r.labels.length === 1 && replacements[0].length > 1) {
    cut(r.keyword.start, plural(r.text.slice(r.keyword.start - r.start, r.keyword.end - r.start)));
    pos = r.keyword.end;
  }
  r.labels.forEach((l, k) => {
    cut(l.start, replacements[k].map((x) => written(x, r)).join(' and '));
    pos = l.end;
  });
  out += r.text.slice(pos - r.start);
  if (direction && r.direction && direction !== r.direction) out = out.replace(/(above|below)(?![\s\S]*(?:above|below))/i, (w) => matchCase(direction, w));
  return out;
}

const matchCase = (word: string, like: string): string => (like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word);

interface Located extends CrossReference {
  /** Index of the paragraph it stands in. */
  para: number;
}

/** With `old`, `new` paragraph indices of each aligned entry (FORMAT.md §10), the cross-references of the new revision to check. */
export function checkCrossReferences(
  olds: readonly RevisionParagraph[],
  news: readonly RevisionParagraph[],
  entries: readonly { old: readonly number[]; new: readonly number[] }[],
  positionAt: (offset: number) => { line: number; character: number },
): CrossReferenceCheck[] {
  const found = news.map((p, j) => findCrossReferences(p.text).map((r): Located => ({ ...r, para: j })));
  if (!found.some((l) => l.length)) return [];
  const O = side(olds);
  const N = side(news);
  const newOf = new Map<number, readonly number[]>();
  const entryOf = new Map<number, { old: readonly number[]; new: readonly number[] }>();
  // Each new paragraph's place in the old revision: its old paragraph's, or just after the last one before it.
  const oldPlace: number[] = [];
  let last = -1;
  for (const e of entries) {
    for (const i of e.old) {
      newOf.set(i, e.new);
      entryOf.set(i, e);
    }
    if (e.old.length) last = e.old[0];
    for (const j of e.new) oldPlace[j] = e.old.length ? e.old[0] : last + 0.5;
  }
  const ctx: Context = { O, N, newOf, entryOf, oldPlace };
  const out: CrossReferenceCheck[] = [];
  for (const e of entries) {
    const newRefs = e.new.flatMap((j) => found[j]);
    if (newRefs.length === 0) continue;
    const oldRefs = e.old.flatMap((i) => findCrossReferences(olds[i].text).map((r): Located => ({ ...r, para: i })));
    const partner = pair(oldRefs, newRefs);
    newRefs.forEach((r, k) => {
      const c = check(r, partner[k], ctx);
      if (!c) return;
      const offset = news[r.para].offset + r.start;
      out.push({
        paragraph: news[r.para].label,
        range: { start: positionAt(offset), end: positionAt(offset + r.text.length) },
        offset,
        text: r.text,
        ...c,
      });
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Each new reference's counterpart in the old paragraph(s): the same text first, in order; then the same words with other numbers. */
function pair(olds: Located[], news: Located[]): (Located | undefined)[] {
  const out: (Located | undefined)[] = new Array(news.length).fill(undefined);
  const used = new Set<Located>();
  const shape = (r: Located): string => r.text.replace(/\d+/g, '#');
  for (const key of [(r: Located) => r.text, shape]) {
    // Queues of old references by key, in text order (a head index: shift() is linear).
    const queues = new Map<string, { items: Located[]; head: number }>();
    for (const o of olds) {
      if (used.has(o)) continue;
      const q = queues.get(key(o));
      if (q) q.items.push(o);
      else queues.set(key(o), { items: [o], head: 0 });
    }
    news.forEach((n, j) => {
      if (out[j]) return;
      const q = queues.get(key(n));
      if (!q || q.head >= q.items.length) return;
      const o = q.items[q.head++];
      used.add(o);
      out[j] = o;
    });
  }
  return out;
}

const REASONS: CrossReferenceReason[] = ['deleted', 'split', 'merged', 'renumbered'];

interface Context {
  O: Side;
  N: Side;
  /** Old paragraph → its new paragraph(s), and its aligned entry. */
  newOf: Map<number, readonly number[]>;
  entryOf: Map<number, { old: readonly number[]; new: readonly number[] }>;
  oldPlace: number[];
}

function check(r: Located, was: Located | undefined, { O, N, newOf, entryOf, oldPlace }: Context): Pick<CrossReferenceCheck, 'reason' | 'targets' | 'suggestion'> | null {
  const from = N.paras[r.para].label;
  const named = r.labels.map((l) => resolve(l.label, r.series, from, N));
  /** Where the paragraph that had old label `l` went. */
  const follow = (l: string, from: number, dir: 'above' | 'below' | null): { news: number[]; why: CrossReferenceReason | null } | null => {
    const i = at(O, l, from, dir);
    if (i === undefined) return null;
    const to = [...(newOf.get(i) ?? [])];
    const e = entryOf.get(i);
    const labels = to.map((j) => N.paras[j].label);
    const why: CrossReferenceReason | null =
      to.length === 0 ? 'deleted' : to.length > 1 ? 'split' : e && e.old.length > 1 ? 'merged' : labels[0] !== l ? 'renumbered' : null;
    return { news: to, why };
  };
  const directionOf = (targets: number[]): 'above' | 'below' | null =>
    targets.length && targets.every((j) => j < r.para) ? 'above' : targets.length && targets.every((j) => j > r.para) ? 'below' : null;

  // A reference carried over from the old revision: did its paragraphs move under it?
  if (was && was.labels.length === r.labels.length) {
    const oldNamed = was.labels.map((l) => resolve(l.label, was.series, O.paras[was.para].label, O));
    const went = oldNamed.map((l) => (l === null ? null : follow(l, was.para, was.direction)));
    if (went.every((g) => g !== null)) {
      const gone = went as { news: number[]; why: CrossReferenceReason | null }[];
      const updated = gone.every((g, k) => g.news.length === 1 && N.paras[g.news[0]].label === named[k]);
      const why = REASONS.find((x) => gone.some((g) => g.why === x));
      if (was.text === r.text && why && !(updated && why === 'renumbered')) {
        const targets = gone.map((g, k) => ({ named: named[k] ?? r.labels[k].label, old: oldNamed[k], new: g.news.length ? g.news.map((j) => N.paras[j].label) : null }));
        const suggestion = why === 'deleted' ? null : rewrite(r, gone.map((g) => g.news.map((j) => N.paras[j].label)), directionOf(gone.flatMap((g) => g.news)));
        return { reason: why, targets, suggestion: suggestion === r.text ? null : suggestion };
      }
      if (updated) return direction(r, named, N, directionOf);
    }
  }
  // Otherwise the numbers are taken as written for the new revision: do they exist, and lie where the words say?
  const missing = named.findIndex((l) => l !== null && !N.index.has(l));
  if (missing >= 0) {
    // A number the old revision had: the drafter may have counted in the old numbering.
    // Where in the old revision: the old paragraph this one stands for, or its place.
    const from = oldPlace[r.para];
    const went = named.map((l) => (l === null ? null : follow(l, from, r.direction)));
    const known = went.every((g, k) => g !== null && g.news.length > 0 && (N.index.has(named[k]!) ? g.why === null : true));
    const targets = named.map((l, k) => ({
      named: l ?? r.labels[k].label,
      old: went[k] ? l : null,
      new: N.index.has(l ?? '') ? [l!] : went[k]?.news.length ? went[k]!.news.map((j) => N.paras[j].label) : null,
    }));
    const suggestion = known ? rewrite(r, went.map((g) => g!.news.map((j) => N.paras[j].label)), directionOf(went.flatMap((g) => g!.news))) : null;
    return { reason: 'missing', targets, suggestion: suggestion === r.text ? null : suggestion };
  }
  return direction(r, named, N, directionOf);
}

/** "paragraph 12 above" naming a paragraph that stands below it (or the other way round). */
function direction(
  r: Located,
  named: (string | null)[],
  N: Side,
  directionOf: (t: number[]) => 'above' | 'below' | null,
): Pick<CrossReferenceCheck, 'reason' | 'targets' | 'suggestion'> | null {
  if (!r.direction || named.some((l) => l === null || !N.index.has(l))) return null;
  const where = named.map((l) => at(N, l!, r.para, r.direction)!);
  if (where.some((j) => j === r.para)) return null;
  const d = directionOf(where);
  if (d === null || d === r.direction) return null;
  return {
    reason: 'direction',
    targets: named.map((l) => ({ named: l!, old: null, new: [l!] })),
    suggestion: rewrite(r, named.map((l) => [l!]), d),
  };
}
