// Comparing two revisions of a draft (FORMAT.md §10): paragraphs aligned by
// content, not by label; a word diff per aligned pair; each bracket's outcome;
// outcomes per proposer. Pure: text in, plain data out.
import { diffWordsWithSpace } from 'diff';
import { analysisOf, analyze, DraftDocument, type AnalyzeOptions } from '../index';
import type { Analysis, BracketInfo } from '../model';
import type { ReferenceChecker } from '../referenceChecker';
import { lineOfOffset, lineStarts } from '../lines';
import { drain, type Steps } from '../steps';
import { align, isContentWord, type Alignment, type Side } from './align';
import { ownWords, type Span } from './ownWords';
import { checkCrossReferences, type CrossReferenceCheck, type RevisionParagraph } from './crossReferences';

export type { CrossReferenceCheck } from './crossReferences';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** One entry of `paragraphs`: a pair, a split, a merge, a deletion (`new: null`) or an addition (`old: null`). */
export interface ParagraphChange {
  old: string | string[] | null;
  new: string | string[] | null;
  modified?: boolean;
  renumbered?: boolean;
  moved?: boolean;
  split?: true;
  merged?: true;
  diff?: DiffPart[];
}

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

/** FORMAT.md §10 without the file names, which the caller fills in; plus checks the §10 JSON leaves out. */
export interface Comparison {
  paragraphs: ParagraphChange[];
  brackets: BracketChange[];
  proposers: ProposerOutcomes[];
  /**
   * Cross-references of the new revision ("paragraph 12 above") that name a
   * paragraph by its old number, or one deleted, split or merged, or none at
   * all. Not part of the §10 JSON; absent when not asked for.
   */
  crossReferences?: CrossReferenceCheck[];
}

export interface CompareOptions extends AnalyzeOptions {
  /** Least similarity (Dice over word shingles, 0–1) for two edited paragraphs to be paired; 0.5 by default. */
  threshold?: number;
  /** Bounds of the word diff of one pair, after which it falls back to delete + insert. */
  diffTimeout?: number;
  maxEditLength?: number;
  /** Check the new revision's internal cross-references (true by default); `--json` has no use for them. */
  crossReferences?: boolean;
}

/** References play no part in a comparison: skip checking them. */
const noReferences: ReferenceChecker = { version: 0, known: () => true, checkBlock: () => [] };

/** A stretch `[from, to)` of the file, which stands at `at` in a paragraph's body. */
interface Piece {
  from: number;
  to: number;
  at: number;
}

interface Para {
  label: string;
  labelled: boolean;
  /** The paragraph's text without its label, trimmed. */
  body: string;
  /** Where the body's text lies in the file, in order. */
  pieces: Piece[];
  brackets: BracketInfo[];
  /** Offsets in the file of its text after the label, and of its end. */
  textStart: number;
  end: number;
}

/** A bracket's offsets in its file: its `[`, its last character (`]` or the attribution's `}`), its own text. */
interface Where {
  open: number;
  last: number;
  textStart: number;
  textEnd: number;
}

/**
 * One revision's paragraphs; `outside` holds the brackets in no paragraph (headings, footnotes,
 * a title) and the text around them; `where` gives a bracket's offsets and `words` its own words.
 */
interface SideOf extends Array<Para> {
  outside?: Para;
  text: string;
  where: (b: BracketInfo) => Where;
  /** A bracket's own words (ownWords.ts), as file offsets. */
  words: (b: BracketInfo) => Span[];
}

/** Pieces of raw text laid end to end, trimmed as a body is: the pieces of the trimmed text. */
function trimPieces(raw: string, pieces: Piece[]): { body: string; pieces: Piece[] } {
  const body = raw.trim();
  const lead = raw.length - raw.trimStart().length;
  const out: Piece[] = [];
  for (const p of pieces) {
    const s = Math.max(p.at, lead);
    const e = Math.min(p.at + (p.to - p.from), lead + body.length);
    if (e > s) out.push({ from: p.from + (s - p.at), to: p.from + (e - p.at), at: s - lead });
  }
  return { body, pieces: out };
}

/** The offset in `p`'s body of the file offset `x`; -1 when it is not in the body (a label, another paragraph). */
function bodyAt(p: Para, x: number): number {
  const ps = p.pieces;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid].to <= x) lo = mid + 1;
    else if (ps[mid].from > x) hi = mid - 1;
    else return ps[mid].at + (x - ps[mid].from);
  }
  return -1;
}

function sideOf(text: string, analysis: Analysis): SideOf {
  const starts = lineStarts(text);
  const off = (p: { line: number; character: number }): number =>
    p.line >= starts.length ? text.length : Math.min(text.length, starts[p.line] + p.character);
  const paras = analysis.paragraphs.map((p): Para => {
    const s = off(p.range.start);
    const e = off(p.range.end);
    let raw: string;
    let pieces: Piece[];
    let textStart = s;
    if (p.labelRange) {
      const ls = Math.max(s, off(p.labelRange.start));
      const le = Math.max(ls, off(p.labelRange.end));
      const rest = text.slice(le, e);
      const le2 = le + (rest.length - rest.trimStart().length);
      raw = text.slice(s, ls) + text.slice(le2, e);
      pieces = [{ from: s, to: ls, at: 0 }, { from: le2, to: e, at: ls - s }];
      textStart = le;
    } else {
      raw = text.slice(s, e);
      pieces = [{ from: s, to: e, at: 0 }];
    }
    const t = trimPieces(raw, pieces);
    return { label: p.label, labelled: p.labelled, body: t.body, pieces: t.pieces, brackets: [], textStart, end: e };
  });
  const outside: Para = { label: '', labelled: false, body: '', pieces: [], brackets: [], textStart: 0, end: text.length };
  for (const b of analysis.brackets) (b.paragraphIndex !== null && paras[b.paragraphIndex] ? paras[b.paragraphIndex] : outside).brackets.push(b);
  // Text in no paragraph, the gaps between them: only when a bracket stands there.
  if (outside.brackets.length) {
    let at = 0;
    const gap = (s: number, e: number, sep: string): void => {
      outside.pieces.push({ from: s, to: e, at: outside.body.length });
      outside.body += text.slice(s, e) + sep;
    };
    for (const p of analysis.paragraphs) {
      const s = off(p.range.start);
      if (s > at) gap(at, s, '\n');
      at = Math.max(at, off(p.range.end));
    }
    gap(at, text.length, '');
  }
  const where = (b: BracketInfo): Where => ({
    open: off(b.range.start),
    last: off(b.range.end) - 1,
    textStart: off(b.textRange.start),
    textEnd: off(b.textRange.end),
  });
  // Each bracket's direct children, whose ranges are the holes in its own text.
  const kids = new Map<string, BracketInfo[]>();
  for (const b of analysis.brackets) {
    if (b.parent === null) continue;
    const l = kids.get(b.parent);
    if (l) l.push(b);
    else kids.set(b.parent, [b]);
  }
  const words = (b: BracketInfo): Span[] => {
    const w = where(b);
    const holes = (kids.get(b.id) ?? []).map((k) => {
      const h = where(k);
      return { start: h.open, end: h.last + 1 };
    });
    return ownWords(text, w.textStart, w.textEnd, holes);
  };
  return Object.assign(paras, { text, where, words }, outside.brackets.length ? { outside } : {});
}

/** Each paragraph's label and text (label left out, trimmed): what `diff` runs over. */
export function paragraphTexts(text: string, options: AnalyzeOptions = {}): { label: string; body: string }[] {
  return sideOf(text, analyze(text, { checker: noReferences, references: false, diagnostics: false, ...options })).map((p) => ({ label: p.label, body: p.body }));
}

/** Both revisions' paragraph texts, kept on a comparison so that a report need not analyse them again. */
const TEXTS = Symbol('paragraphTexts');
interface Kept {
  texts: [string, string];
  paras: [Para[], Para[]];
}

/** `paragraphTexts(text)` for either text a comparison was made from, without analysing it again. */
export function comparedParagraphTexts(c: Comparison, text: string): { label: string; body: string }[] {
  const kept = (c as Comparison & { [TEXTS]?: Kept })[TEXTS];
  const k = kept ? kept.texts.indexOf(text) : -1;
  return kept && k >= 0 ? kept.paras[k].map((p) => ({ label: p.label, body: p.body })) : paragraphTexts(text);
}

/** JavaScript's `\s`. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** White space fold() changes: a run of two or more, or any but a plain space. */
const UNFOLDED = /[^\S ]| {2}/;

/** White space folded: what counts as the same text. Each run of white space other than a single space becomes one space. */
export function fold(s: string): string {
  // Most paragraphs have nothing to fold: one native scan says so (the loop below, run once
  // in a short CLI process, is mostly interpreted). Where there is, a loop, not
  // /\s{2,}|[^\S ]/g: that regex was the costliest step of compare's own work on a 1 MB pair.
  if (!UNFOLDED.test(s)) return s.trim();
  let out = '';
  let copied = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c > 32 && c < 127) || !isSpaceCode(c)) continue;
    let j = i + 1;
    while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) {
      out += s.slice(copied, i) + ' ';
      copied = j;
    }
    i = j - 1;
  }
  return (copied === 0 ? s : out + s.slice(copied)).trim();
}

/**
 * A word diff whose equal+delete parts make `a` and equal+insert parts make
 * `b`. White space alone between two changes joins them into one (`]{EU,
 * Singapore}` rather than `]{EU,` ` ` `Singapore}`). Past `timeout` ms or
 * `maxEditLength` edits it falls back to deleting `a` and inserting `b`.
 */
export function wordDiff(a: string, b: string, timeout = 200, maxEditLength = 2000): DiffPart[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const changes = diffWordsWithSpace(a, b, { timeout, maxEditLength });
  const raw: DiffPart[] = changes
    ? changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }))
    : [
        { op: 'delete', text: a },
        { op: 'insert', text: b },
      ];
  const out: DiffPart[] = [];
  const push = (op: DiffOp, text: string): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  for (let k = 0; k < raw.length; ) {
    if (raw[k].op === 'equal') {
      push('equal', raw[k++].text);
      continue;
    }
    // A run of changes, with white space alone between them counted on both sides.
    let del = '';
    let ins = '';
    while (k < raw.length) {
      const p = raw[k];
      if (p.op === 'equal') {
        if (!/^\s+$/.test(p.text) || k + 1 >= raw.length || raw[k + 1].op === 'equal') break;
        del += p.text;
        ins += p.text;
      } else if (p.op === 'delete') del += p.text;
      else ins += p.text;
      k++;
    }
    // What both sides of the run share at its ends is equal text, in whole words: `shall` → `should`
    // is one word deleted and one inserted, not `sh` kept (FORMAT.md §10: a word-level diff).
    let pre = 0;
    while (pre < del.length && pre < ins.length && del[pre] === ins[pre]) pre++;
    while (pre > 0 && !(wordEdge(del, pre) && wordEdge(ins, pre))) pre--;
    let suf = 0;
    while (suf < del.length - pre && suf < ins.length - pre && del[del.length - 1 - suf] === ins[ins.length - 1 - suf]) suf++;
    while (suf > 0 && !(wordEdge(del, del.length - suf) && wordEdge(ins, ins.length - suf))) suf--;
    push('equal', del.slice(0, pre));
    push('delete', del.slice(pre, del.length - suf));
    push('insert', ins.slice(pre, ins.length - suf));
    push('equal', del.slice(del.length - suf));
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Whether `s` may be cut at `i` without cutting a word in two. */
function wordEdge(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  const before = s.charCodeAt(i - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false; // nor a character in two
  return !WORD_CHAR.test(s[i - 1]) || !WORD_CHAR.test(s[i]);
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

function labelsOf(paras: Para[], idx: number[]): string | string[] {
  return idx.length === 1 ? paras[idx[0]].label : idx.map((i) => paras[i].label);
}

/** How many paragraph entries of a comparison are of each kind, for summaries and reports. */
export function tally(c: Comparison): Record<'unchanged' | 'modified' | 'renumbered' | 'moved' | 'split' | 'merged' | 'deleted' | 'added', number> {
  const t = { unchanged: 0, modified: 0, renumbered: 0, moved: 0, split: 0, merged: 0, deleted: 0, added: 0 };
  for (const p of c.paragraphs) {
    if (p.old === null) t.added++;
    else if (p.new === null) t.deleted++;
    else if (!(p.modified || p.renumbered || p.moved || p.split || p.merged)) t.unchanged++;
    if (p.modified) t.modified++;
    if (p.renumbered) t.renumbered++;
    if (p.moved) t.moved++;
    if (p.split) t.split++;
    if (p.merged) t.merged++;
  }
  return t;
}

/** Compare two revisions of a draft. Never throws on any text. */
export function compare(oldText: string, newText: string, options: CompareOptions = {}): Comparison {
  return drain(compareInSteps(oldText, newText, options));
}

/** How many aligned entries are diffed between two yields of compareInSteps. */
const ENTRIES_PER_STEP = 64;

/**
 * compare, yielding between slices of its work (the analyses a few hundred
 * blocks at a time, the diffs a few dozen entries at a time), so that a server
 * comparing two long revisions keeps answering meanwhile.
 */
export function* compareInSteps(oldText: string, newText: string, options: CompareOptions = {}): Steps<Comparison> {
  const aOpts: AnalyzeOptions = { checker: noReferences, references: false, diagnostics: false, ...options };
  const oldDoc = yield* DraftDocument.inSteps(oldText, aOpts);
  const oldP = sideOf(oldText, analysisOf(oldDoc, aOpts));
  yield;
  const newDoc = yield* DraftDocument.inSteps(newText, aOpts);
  const newP = sideOf(newText, analysisOf(newDoc, aOpts));
  yield;
  const oldS: Side[] = oldP.map((p) => ({ text: fold(p.body) }));
  const newS: Side[] = newP.map((p) => ({ text: fold(p.body) }));
  const al: Alignment = align(oldS, newS, options.threshold ?? 0.5);
  yield;
  const timeout = options.diffTimeout ?? 200;
  const maxEdit = options.maxEditLength ?? 2000;

  const paragraphs: ParagraphChange[] = [];
  const brackets: BracketChange[] = [];
  let done = 0;
  for (const e of al.entries) {
    if (++done % ENTRIES_PER_STEP === 0) yield;
    const oldLabels = e.old.length ? labelsOf(oldP, e.old) : null;
    const newLabels = e.new.length ? labelsOf(newP, e.new) : null;
    const oldBrackets = e.old.flatMap((i) => oldP[i].brackets);
    const newBrackets = e.new.flatMap((i) => newP[i].brackets);
    if (e.new.length === 0) {
      paragraphs.push({ old: oldLabels, new: null });
      for (const b of oldBrackets) brackets.push({ paragraph: b.paragraph, text: b.text, proposers: b.proposers, outcome: 'dropped' });
      continue;
    }
    if (e.old.length === 0) {
      paragraphs.push({ old: null, new: newLabels });
      for (const b of newBrackets) brackets.push({ paragraph: b.paragraph, text: b.text, proposers: b.proposers, outcome: 'added' });
      continue;
    }
    const a = e.old.map((i) => oldP[i].body).join('\n\n');
    const b = e.new.map((i) => newP[i].body).join('\n\n');
    const o0 = oldP[e.old[0]];
    const n0 = newP[e.new[0]];
    // A split or merge is renumbered when its first label changed; a pair, when its label did.
    const renumbered = o0.label !== n0.label && (o0.labelled || n0.labelled);
    const modified = e.old.length === 1 && e.new.length === 1 ? oldS[e.old[0]].text !== newS[e.new[0]].text : fold(a) !== fold(b);
    const entry: ParagraphChange = { old: oldLabels, new: newLabels, modified, renumbered, moved: e.moved };
    if (e.new.length > 1) entry.split = true;
    if (e.old.length > 1) entry.merged = true;
    if (modified) entry.diff = wordDiff(a, b, timeout, maxEdit);
    paragraphs.push(entry);
    if (!modified && oldBrackets.length === newBrackets.length)
      // The same text has the same brackets.
      for (const ob of oldBrackets) brackets.push({ paragraph: ob.paragraph, text: ob.text, proposers: ob.proposers, outcome: 'unchanged' });
    else {
      const d = new DiffMap(a, b.length, entry.diff ?? wordDiff(a, b, timeout, maxEdit));
      for (const x of bracketOutcomes(placed(oldP, e.old), placed(newP, e.new), d)) brackets.push(x);
    }
  }
  // Brackets in no paragraph (headings, footnotes, a title) have entries too (FORMAT.md §10), after the paragraphs'.
  if (oldP.outside || newP.outside) {
    const o = placed(oldP, oldP.outside ? [-1] : []);
    const n = placed(newP, newP.outside ? [-1] : []);
    const [a, b] = [oldP.outside?.body ?? '', newP.outside?.body ?? ''];
    for (const x of bracketOutcomes(o, n, new DiffMap(a, b.length, wordDiff(a, b, timeout, maxEdit)))) brackets.push(x);
  }
  const c: Comparison = { paragraphs, brackets, proposers: proposerTable(brackets) };
  if (options.crossReferences !== false) {
    yield;
    c.crossReferences = crossReferencesOf(oldText, oldP, newText, newP, al);
  }
  // Not enumerable: no part of the comparison's JSON, nor of what the server sends.
  Object.defineProperty(c, TEXTS, { value: { texts: [oldText, newText], paras: [oldP, newP] } satisfies Kept, enumerable: false });
  return c;
}

function crossReferencesOf(oldText: string, oldP: Para[], newText: string, newP: Para[], al: Alignment): CrossReferenceCheck[] {
  const rev = (text: string, ps: Para[]): RevisionParagraph[] => ps.map((p) => ({ label: p.label, text: text.slice(p.textStart, p.end), offset: p.textStart }));
  let starts: number[] | undefined;
  const positionAt = (offset: number): { line: number; character: number } => {
    starts ??= lineStarts(newText);
    const line = lineOfOffset(starts, offset);
    return { line, character: offset - starts[line] };
  };
  return checkCrossReferences(rev(oldText, oldP), rev(newText, newP), al.entries, positionAt);
}

/** A bracket of one aligned entry; `open` and `last` are offsets in the entry's text (its bodies joined by a blank line), -1 outside it. */
interface Placed {
  b: BracketInfo;
  /** Offsets in the file. */
  at: Where;
  open: number;
  last: number;
  /** Its own words' offsets in the entry's text (those outside it left out), each a content word or not. */
  words: () => { at: number; content: boolean }[];
}

/** The brackets of paragraphs `idx` of a side (-1: its text in no paragraph), placed in their joined text. */
function placed(side: SideOf, idx: number[]): Placed[] {
  const paras = idx.map((i) => (i < 0 ? side.outside! : side[i]));
  const bases: number[] = [];
  let base = 0;
  for (const p of paras) {
    bases.push(base);
    base += p.body.length + 2;
  }
  const inEntry = (x: number): number => {
    for (let k = 0; k < paras.length; k++) {
      const r = bodyAt(paras[k], x);
      if (r >= 0) return bases[k] + r;
    }
    return -1;
  };
  return paras.flatMap((p) => p.brackets).map((b): Placed => {
    const at = side.where(b);
    const words = (): { at: number; content: boolean }[] =>
      side.words(b).flatMap((w) => {
        const x = inEntry(w.start);
        return x < 0 ? [] : [{ at: x, content: isContentWord(side.text.slice(w.start, w.end)) }];
      });
    return { b, at, open: inEntry(at.open), last: inEntry(at.last), words };
  });
}

const nonSpace = (s: string): number => s.replace(/\s+/g, '').length;

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(String.fromCharCode(c)));

/** Where each stretch of an old text went in the new one, read off their word diff. */
class DiffMap {
  // The parts holding old text (equal or delete), in order: start in the old text, length, start in the new.
  private readonly o: number[] = [];
  private readonly len: number[] = [];
  private readonly n: number[] = [];
  private readonly equal: boolean[] = [];
  /** Characters other than white space deleted or inserted before each part. */
  private readonly changed: number[] = [];
  /** For each old offset, the nearest kept word character before it and after it (-1 for none); made when first asked. */
  private prev?: Int32Array;
  private next?: Int32Array;

  constructor(
    private readonly oldText: string,
    readonly newLength: number,
    parts: readonly DiffPart[],
  ) {
    let i = 0;
    let j = 0;
    let changed = 0;
    for (const p of parts) {
      if (p.op === 'insert') {
        changed += nonSpace(p.text);
        j += p.text.length;
        continue;
      }
      this.o.push(i);
      this.len.push(p.text.length);
      this.n.push(j);
      this.equal.push(p.op === 'equal');
      this.changed.push(changed);
      i += p.text.length;
      if (p.op === 'equal') j += p.text.length;
      else changed += nonSpace(p.text);
    }
  }

  /** The part holding old offset `x`, or -1. */
  private find(x: number): number {
    let lo = 0;
    let hi = this.o.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.o[mid] + this.len[mid] <= x) lo = mid + 1;
      else if (this.o[mid] > x) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The new offset of old offset `x` when the diff keeps it, else -1. */
  map(x: number): number {
    const m = this.find(x);
    return m >= 0 && this.equal[m] ? this.n[m] + (x - this.o[m]) : -1;
  }

  /** Whether the old text from `x` to `y` (inclusive) is kept with nothing but white space deleted or inserted inside it. */
  kept(x: number, y: number): boolean {
    const a = this.find(x);
    const b = this.find(y);
    return a >= 0 && b >= 0 && this.equal[a] && this.equal[b] && this.changed[a] === this.changed[b];
  }

  /**
   * The stretch of new text between the kept words around old `[from, to]`:
   * from the last word kept before it to the first kept after it. What stood
   * there in the old text stands here in the new.
   */
  between(from: number, to: number): [number, number] {
    if (!this.prev || !this.next) {
      const t = this.oldText;
      const prev = (this.prev = new Int32Array(t.length + 1).fill(-1));
      const next = (this.next = new Int32Array(t.length + 1).fill(-1));
      const keptWord = new Uint8Array(t.length);
      this.o.forEach((o, m) => {
        if (this.equal[m]) for (let x = o; x < o + this.len[m]; x++) keptWord[x] = isWordCode(t.charCodeAt(x)) ? 1 : 0;
      });
      for (let x = 1; x <= t.length; x++) prev[x] = keptWord[x - 1] ? x - 1 : prev[x - 1];
      for (let x = t.length - 1; x >= 0; x--) next[x] = x + 1 < t.length && keptWord[x + 1] ? x + 1 : x + 1 < t.length ? next[x + 1] : -1;
    }
    const a = from >= 0 ? this.prev[from] : -1;
    const b = to >= 0 ? this.next[to] : -1;
    return [a >= 0 ? this.map(a) : 0, b >= 0 ? this.map(b) : this.newLength];
  }
}

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
 * Old brackets of one aligned entry against its new ones, by place (FORMAT.md
 * §10 outcomes): a new bracket whose ends are an old one's ends, kept by the
 * word diff, is that bracket, `unchanged` if nothing but white space changed
 * between them; so is one with the same text between the same kept words.
 * An old bracket left without one is `agreed` when the diff keeps at least half
 * its own words (its content words, if it has any) outside any new bracket,
 * or inside the new one of an enclosing bracket still open; words that merely
 * occur elsewhere in the paragraph do not count. Nothing here reads a
 * bracket's nested text, so deep nesting costs no more than long text.
 */
function bracketOutcomes(olds: Placed[], news: Placed[], d: DiffMap): BracketChange[] {
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

  // 1. Both ends kept as one new bracket's ends, with some of its words in it.
  const newAt = new Map<number, number>();
  const newLastAt = new Map<number, number>();
  news.forEach((n, j) => {
    if (n.open >= 0) newAt.set(n.open, j);
    if (n.last >= 0) newLastAt.set(n.last, j);
  });
  const ends = olds.map((o) => [o.open >= 0 ? newAt.get(d.map(o.open)) : undefined, o.last >= 0 ? newLastAt.get(d.map(o.last)) : undefined]);
  ends.forEach(([j, k], i) => {
    if (j !== undefined && j === k && (inside(i, j) > 0 || wordsAt(i).length === 0)) pair(i, j);
  });

  // 2. The same text between the same kept words (`[aggregate] [collective]` → `[collective] [global]`).
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
  const opens = news.map((n) => n.open);
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
  ends.forEach((js, i) => {
    if (partner[i] >= 0) return;
    for (const j of new Set(js)) {
      if (j === undefined || owner[j] >= 0) continue;
      const n = inside(i, j);
      if (js[0] === js[1] || 2 * n >= wordsAt(i).length) claims.push({ i, j, n });
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

  // 5. The rest: the most similar text between the same kept words, best first; else the new bracket now holding most of its words.
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
  // (Not a much longer one: that is a new proposal around it, `added`.)
  counts.forEach((c, i) => {
    const h = c.holder;
    if (partner[i] < 0 && !agreed[i] && h >= 0 && owner[h] < 0 && 2 * c.held >= c.total && news[h].b.text.length <= 2 * olds[i].b.text.length + 20) pair(i, h);
  });

  /** Nothing but white space changed from one end to the other, nor who proposed it or how. */
  const unchanged = (o: Placed, n: Placed): boolean => {
    if (!sameSet(n.b.proposers, o.b.proposers) || n.b.action !== o.b.action) return false;
    if (o.last >= 0 && n.last >= 0 && d.map(o.open) === n.open && d.map(o.last) === n.last) return d.kept(o.open, o.last);
    // Paired by text, or spanning paragraphs: the text decides.
    if (o.b.text === n.b.text) return true;
    const p = plainOf(o);
    return p !== null && p === plainOf(n) && o.b.text.length + n.b.text.length <= budget && fold(o.b.text) === fold(n.b.text);
  };
  const out: BracketChange[] = olds.map((o, i) => {
    const j = partner[i];
    const outcome: BracketOutcome = j >= 0 ? (unchanged(o, news[j]) ? 'unchanged' : 'changed') : agreed[i] ? 'agreed' : 'dropped';
    return { paragraph: o.b.paragraph, text: o.b.text, proposers: o.b.proposers, outcome };
  });
  news.forEach((n, j) => {
    if (owner[j] < 0) out.push({ paragraph: n.b.paragraph, text: n.b.text, proposers: n.b.proposers, outcome: 'added' });
  });
  return out;
}

/** Whether bracket `a` holds bracket `b` (brackets nest, so their ranges tell). */
const encloses = (a: Where, b: Where): boolean => a.open <= b.open && a.last >= b.last;

/** The first index of ascending `xs` whose value is at least `x` (entries of -1, outside the entry, sort first). */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function proposerTable(brackets: BracketChange[]): ProposerOutcomes[] {
  const rows = new Map<string, ProposerOutcomes>();
  for (const b of brackets)
    for (const name of new Set(b.proposers)) {
      let r = rows.get(name);
      if (!r) rows.set(name, (r = { name, agreed: 0, dropped: 0, changed: 0, unchanged: 0, added: 0 }));
      r[b.outcome]++;
    }
  const total = (r: ProposerOutcomes): number => r.agreed + r.dropped + r.changed + r.unchanged + r.added;
  return [...rows.values()].sort((x, y) => total(y) - total(x) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
