// Comparing two revisions of a draft (FORMAT.md §10): paragraphs aligned by
// content, not by label; a word diff per aligned pair; each entry's brackets
// placed in its text, whose outcomes bracketOutcomes.ts decides. Pure: text
// in, plain data out.
import { diffWordsWithSpace } from 'diff';
import { analysisOf, analyze, DraftDocument, type AnalyzeOptions } from '../index';
import type { Analysis, BracketInfo } from '../model';
import type { ReferenceChecker } from '../referenceChecker';
import { lineOfOffset, lineStarts } from '../lines';
import { matchLabel } from '../lineKinds';
import { drain, type Steps } from '../steps';
import { align, isContentWord, type Alignment, type Side } from './align';
import { ownWords, type Span } from './ownWords';
import { bracketOf, bracketOutcomes, changeOf, movedAcross, sameBracket, proposerTable, type BracketChange, type Placed, type ProposerOutcomes, type Where } from './bracketOutcomes';
import { DiffMap } from './diffMap';
import { fold, WORD_CHAR } from './text';
import { checkCrossReferences, type CrossReferenceCheck, type RevisionParagraph } from './crossReferences';

export type { CrossReferenceCheck } from './crossReferences';
export type { BracketChange, BracketOutcome, ProposerOutcomes } from './bracketOutcomes';
export { fold } from './text';
export { proposersByCount } from './bracketOutcomes';

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
  /** Edits the word diff of one pair may try before it falls back to delete + insert (MAX_EDITS by default). */
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
  /** The heading it stands under (FORMAT.md §2), for reports. */
  section: string | null;
  /** The paragraph's text without its label, trimmed. */
  body: string;
  /** Where the body's text lies in the file, in order. */
  pieces: Piece[];
  brackets: BracketInfo[];
  /** Offsets in the file of its text after the label, and of its end. */
  textStart: number;
  end: number;
}

/**
 * One revision's paragraphs; `outside` holds the brackets in no paragraph (headings, footnotes,
 * a title) and the text around them; `where` gives a bracket's offsets and `words` its own words.
 */
interface SideOf extends Array<Para> {
  outside: Para;
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
    return { label: p.label, section: p.section, body: t.body, pieces: t.pieces, brackets: [], textStart, end: e };
  });
  const outside: Para = { label: '', section: null, body: '', pieces: [], brackets: [], textStart: 0, end: text.length };
  for (const b of analysis.brackets) (b.paragraphIndex !== null && paras[b.paragraphIndex] ? paras[b.paragraphIndex] : outside).brackets.push(b);
  // Text in no paragraph, the gaps between them, even with no bracket there: an old heading's
  // bracket agreed (`# A. [Threats]{EU}` → `# A. Threats`) is found in the new side's text.
  {
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
    close: b.closeRange ? off(b.closeRange.start) : off(b.range.end) - 1,
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
  return Object.assign(paras, { text, where, words, outside });
}

/**
 * What a paragraph is aligned on: its folded text `folded` with attributions and notes left out,
 * so that `[noted]{US, UK}` and `[UK, USA: noted]` do not count against pairing a paragraph with
 * itself, nor do four States named on a bracket inserted into a six-word paragraph (their registry
 * names outnumbered its words). Who proposed what is the brackets' outcomes' business. Its
 * `modified` and diff stay literal.
 */
/** A paragraph as align() reads it: its text without attributions, and with who proposed each bracket (registry names, any order or spelling). */
function sideText(side: SideOf, p: Para, folded: string): Side {
  const text = alignText(side, p, folded);
  const proposers = p.brackets.map((b) => [...b.proposers].sort().join(', ') + (b.action ? ` ${b.action}` : '')).join('; ');
  return { text, proposed: `${text}\u0000${proposers}` };
}

function alignText(side: SideOf, p: Para, folded: string): string {
  const frames: { s: number; e: number; t: string }[] = [];
  for (const b of p.brackets) {
    if (!b.closed || (!b.attributionRange && !b.noteRange)) continue;
    const at = side.where(b);
    frames.push({ s: at.open, e: at.textStart, t: '[' }, { s: at.textEnd, e: at.last + 1, t: ']' });
  }
  if (!frames.length) return folded;
  frames.sort((x, y) => x.s - y.s);
  let out = '';
  let from = 0;
  for (const f of frames) {
    const s = bodyAt(p, f.s);
    const e = f.e > f.s ? bodyAt(p, f.e - 1) : s - 1;
    // Only a frame lying whole in this paragraph's body, in one piece (not across a label).
    if (s < from || (f.e > f.s && e - s !== f.e - 1 - f.s)) continue;
    out += p.body.slice(from, s) + f.t;
    from = e + 1;
  }
  return fold(out + p.body.slice(from));
}

/** Each paragraph's label and text (label left out, trimmed): what `diff` runs over. */
export function paragraphTexts(text: string, options: AnalyzeOptions = {}): { label: string; body: string; section: string | null }[] {
  return sideOf(text, analyze(text, { checker: noReferences, references: false, diagnostics: false, ...options })).map((p) => ({ label: p.label, body: p.body, section: p.section }));
}

/** Both revisions' paragraphs and the alignment, kept on a comparison so that a report need not analyse them again. */
const TEXTS = Symbol('paragraphTexts');
interface Kept {
  texts: [string, string];
  paras: [Para[], Para[]];
  /** Paragraph indices of each entry of `paragraphs`, in its order. */
  entries: { old: number[]; new: number[] }[];
}

/**
 * Each entry's paragraph texts (label left out), old and new, in the order of
 * `c.paragraphs`, and the heading it stands under (the new revision's, the
 * old one's for a deleted paragraph): by the alignment itself, so that a
 * repeated label (`1` in every Article) never shows another paragraph's text.
 * For a comparison not made from these texts, paragraphs are matched by label
 * in document order.
 */
/** Each bracket of a comparison's revisions → the index in its `paragraphs` of the entry holding its paragraph. */
const entryOfBracket = new WeakMap<BracketInfo, number>();

/** An entry's `old` or `new` as a list of labels: none, one, or a split's or merge's parts. */
export const labelList = (l: string | string[] | null): string[] => (l === null ? [] : Array.isArray(l) ? l : [l]);

/**
 * For each entry of `c.brackets`, the index in `c.paragraphs` of the entry holding its paragraph (the
 * new revision's for an added bracket); undefined for a bracket in no paragraph, or where this process
 * did not make the comparison (one read back from its JSON).
 */
export function bracketEntries(c: Comparison): (number | undefined)[] {
  return c.brackets.map((b) => {
    const info = bracketOf(b);
    return info ? entryOfBracket.get(info) : undefined;
  });
}

export function entryBodies(c: Comparison, oldText: string, newText: string): { old: string[]; new: string[]; section: string | null; oldSection: string | null }[] {
  const kept = (c as Comparison & { [TEXTS]?: Kept })[TEXTS];
  if (kept && kept.texts[0] === oldText && kept.texts[1] === newText && kept.entries.length === c.paragraphs.length) {
    return kept.entries.map((e) => ({
      old: e.old.map((i) => kept.paras[0][i].body),
      new: e.new.map((i) => kept.paras[1][i].body),
      section: e.new.length ? kept.paras[1][e.new[0]].section : e.old.length ? kept.paras[0][e.old[0]].section : null,
      oldSection: e.old.length ? kept.paras[0][e.old[0]].section : null,
    }));
  }
  type Text = { body: string; section: string | null };
  const queue = (text: string): Map<string, Text[]> => {
    const m = new Map<string, Text[]>();
    for (const p of paragraphTexts(text)) m.set(p.label, [...(m.get(p.label) ?? []), p]);
    return m;
  };
  const [olds, news] = [queue(oldText), queue(newText)];
  return c.paragraphs.map((p) => {
    const o = labelList(p.old).map((l) => olds.get(l)?.shift());
    const n = labelList(p.new).map((l) => news.get(l)?.shift());
    return { old: o.map((x) => x?.body ?? ''), new: n.map((x) => x?.body ?? ''), section: (n.length ? n[0]?.section : o[0]?.section) ?? null, oldSection: o[0]?.section ?? null };
  });
}

const asLf = (s: string): string => s.replace(/\r\n?/g, '\n');

/** A spanning bracket with the labels of the paragraphs it holds left out: renumbering them changes no proposal. */
function unlabelled(b: BracketInfo): BracketInfo {
  const text = b.text
    .split('\n')
    .map((line) => {
      const m = matchLabel(line);
      return m ? line.slice(m.textStart) : line;
    })
    .join('\n');
  return { ...b, text };
}

/**
 * Edits the word diff of one pair may try before it falls back. A count and
 * not a clock, so that a comparison comes out the same on every machine and
 * every run (a 200 ms timeout had let a cold start change a bracket's outcome).
 * Its cost grows with the square of the edits, hardly with the length: 2 000
 * is about 0.3 s on a pair past saving, however long.
 */
export const MAX_EDITS = 2000;

/**
 * A word diff whose equal+delete parts make `a` and equal+insert parts make
 * `b`. White space alone between two changes joins them into one (`]{EU,
 * Singapore}` rather than `]{EU,` ` ` `Singapore}`). Past `maxEditLength`
 * edits it falls back to deleting `a` and inserting `b`.
 */
export function wordDiff(a: string, b: string, maxEditLength = MAX_EDITS): DiffPart[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const changes = diffWordsWithSpace(a, b, { maxEditLength });
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

/** Whether `s` may be cut at `i` without cutting a word in two. */
function wordEdge(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  const before = s.charCodeAt(i - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false; // nor a character in two
  return !WORD_CHAR.test(s[i - 1]) || !WORD_CHAR.test(s[i]);
}

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
/** Characters of spanning brackets' texts an unmodified entry may compare (nested ones hold one another). */
const SPAN_BUDGET = 2_000_000;

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
  const oldF = oldP.map((p) => fold(p.body));
  const newF = newP.map((p) => fold(p.body));
  const oldS: Side[] = oldP.map((p, i) => sideText(oldP, p, oldF[i]));
  const newS: Side[] = newP.map((p, i) => sideText(newP, p, newF[i]));
  const al: Alignment = align(oldS, newS, options.threshold ?? 0.5);
  yield;
  const maxEdit = options.maxEditLength ?? MAX_EDITS;

  const paragraphs: ParagraphChange[] = [];
  const brackets: BracketChange[] = [];
  let done = 0;
  for (const e of al.entries) {
    if (++done % ENTRIES_PER_STEP === 0) yield;
    const oldLabels = e.old.length ? labelsOf(oldP, e.old) : null;
    const newLabels = e.new.length ? labelsOf(newP, e.new) : null;
    const oldBrackets = e.old.flatMap((i) => oldP[i].brackets);
    const newBrackets = e.new.flatMap((i) => newP[i].brackets);
    for (const x of oldBrackets) entryOfBracket.set(x, paragraphs.length);
    for (const x of newBrackets) entryOfBracket.set(x, paragraphs.length);
    if (e.new.length === 0) {
      paragraphs.push({ old: oldLabels, new: null });
      for (const b of oldBrackets) brackets.push(changeOf(b, 'dropped'));
      continue;
    }
    if (e.old.length === 0) {
      paragraphs.push({ old: null, new: newLabels });
      for (const b of newBrackets) brackets.push(changeOf(b, 'added'));
      continue;
    }
    const a = e.old.map((i) => oldP[i].body).join('\n\n');
    const b = e.new.map((i) => newP[i].body).join('\n\n');
    const o0 = oldP[e.old[0]];
    const n0 = newP[e.new[0]];
    // A split or merge is renumbered when its first label changed; a pair, when its label did
    // (§10: "its label changed"), an unlabelled paragraph's `¶2` → `¶1` too.
    const renumbered = o0.label !== n0.label;
    const modified = e.old.length === 1 && e.new.length === 1 ? oldF[e.old[0]] !== newF[e.new[0]] : fold(a) !== fold(b);
    const entry: ParagraphChange = { old: oldLabels, new: newLabels, modified, renumbered, moved: e.moved };
    if (e.new.length > 1) entry.split = true;
    if (e.old.length > 1) entry.merged = true;
    const parts = modified ? wordDiff(a, b, maxEdit) : undefined;
    // Line ends read as `\n` whatever the files' (as bracket texts and quotations are): a CRLF draft
    // against its LF revision shows no `\r` deleted. Bracket outcomes read the files' own diff.
    if (parts) entry.diff = /\r/.test(a) || /\r/.test(b) ? wordDiff(asLf(a), asLf(b), maxEdit) : parts;
    paragraphs.push(entry);
    if (!modified && oldBrackets.length === newBrackets.length) {
      // The same text has the same brackets; but one that runs on past the entry (spanning paragraphs)
      // may have changed further on: it is judged on its whole text, proposers and action.
      const end = oldP[e.old[e.old.length - 1]].end;
      let budget = SPAN_BUDGET;
      oldBrackets.forEach((ob, k) => {
        const nb = newBrackets[k];
        const spans = ob.closed && oldP.where(ob).last >= end;
        const changed = spans && (budget -= ob.text.length + nb.text.length) >= 0 && !sameBracket(ob, nb) && !sameBracket(unlabelled(ob), unlabelled(nb));
        brackets.push(changeOf(ob, changed ? 'changed' : 'unchanged'));
      });
    } else {
      const d = new DiffMap(a, b.length, parts ?? wordDiff(a, b, maxEdit));
      for (const x of bracketOutcomes(placed(oldP, e.old), placed(newP, e.new), d, b)) brackets.push(x);
    }
  }
  // Brackets in no paragraph (headings, footnotes, a title) have entries too (FORMAT.md §10), after the paragraphs'.
  if (oldP.outside.brackets.length || newP.outside.brackets.length) {
    const o = placed(oldP, [-1]);
    const n = placed(newP, [-1]);
    const [a, b] = [oldP.outside.body, newP.outside.body];
    for (const x of bracketOutcomes(o, n, new DiffMap(a, b.length, wordDiff(a, b, maxEdit)), b)) brackets.push(x);
  }
  const outcomes = movedAcross(brackets);
  const c: Comparison = { paragraphs, brackets: outcomes, proposers: proposerTable(outcomes) };
  if (options.crossReferences !== false) {
    yield;
    c.crossReferences = crossReferencesOf(oldText, oldP, newText, newP, al);
  }
  // Not enumerable: no part of the comparison's JSON, nor of what the server sends.
  const entries = al.entries.map((e) => ({ old: e.old, new: e.new }));
  Object.defineProperty(c, TEXTS, { value: { texts: [oldText, newText], paras: [oldP, newP], entries } satisfies Kept, enumerable: false });
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

/** The brackets of paragraphs `idx` of a side (-1: its text in no paragraph), placed in their joined text. */
function placed(side: SideOf, idx: number[]): Placed[] {
  const paras = idx.map((i) => (i < 0 ? side.outside : side[i]));
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
    const textTo = at.textEnd > at.textStart ? inEntry(at.textEnd - 1) : -1;
    return { b, at, open: inEntry(at.open), last: inEntry(at.last), close: inEntry(at.close), textFrom: inEntry(at.textStart), textTo: textTo < 0 ? -1 : textTo + 1, words };
  });
}
