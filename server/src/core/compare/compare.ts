// Comparing two revisions of a draft (FORMAT.md §10): paragraphs aligned by
// content, not by label; a word diff per aligned pair; each bracket's outcome;
// outcomes per proposer. Pure: text in, plain data out.
import { diffWordsWithSpace } from 'diff';
import { analysisOf, analyze, DraftDocument, type AnalyzeOptions } from '../index';
import type { Analysis, BracketInfo } from '../model';
import type { ReferenceChecker } from '../referenceChecker';
import { lineOfOffset, lineStarts } from '../lines';
import { drain, type Steps } from '../steps';
import { align, type Alignment, type Side } from './align';
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

interface Para {
  label: string;
  labelled: boolean;
  /** The paragraph's text without its label, trimmed. */
  body: string;
  brackets: BracketInfo[];
  /** Offsets in the file of its text after the label, and of its end. */
  textStart: number;
  end: number;
}

/** The words either side of a bracket, which tell a bracket rewritten in place (`[convene]` → `[hold]`). */
type Context = (b: BracketInfo) => { before: string; after: string };

/**
 * One revision's paragraphs; `outside` holds the brackets in no paragraph (headings, footnotes,
 * a title) and the text around them; `context` gives a bracket's words either side.
 */
interface SideOf extends Array<Para> {
  outside?: Para;
  context: Context;
}

function sideOf(text: string, analysis: Analysis): SideOf {
  const starts = lineStarts(text);
  const off = (p: { line: number; character: number }): number =>
    p.line >= starts.length ? text.length : Math.min(text.length, starts[p.line] + p.character);
  const paras = analysis.paragraphs.map((p): Para => {
    const s = off(p.range.start);
    const e = off(p.range.end);
    let body: string;
    let textStart = s;
    if (p.labelRange) {
      const ls = Math.max(s, off(p.labelRange.start));
      const le = Math.max(ls, off(p.labelRange.end));
      body = text.slice(s, ls) + text.slice(le, e).trimStart();
      textStart = le;
    } else body = text.slice(s, e);
    return { label: p.label, labelled: p.labelled, body: body.trim(), brackets: [], textStart, end: e };
  });
  const outside: Para = { label: '', labelled: false, body: '', brackets: [], textStart: 0, end: text.length };
  for (const b of analysis.brackets) (b.paragraphIndex !== null && paras[b.paragraphIndex] ? paras[b.paragraphIndex] : outside).brackets.push(b);
  // Text in no paragraph, the gaps between them: only when a bracket stands there.
  if (outside.brackets.length) {
    let at = 0;
    for (const p of analysis.paragraphs) {
      const s = off(p.range.start);
      if (s > at) outside.body += text.slice(at, s) + '\n';
      at = Math.max(at, off(p.range.end));
    }
    outside.body += text.slice(at);
  }
  // Asked only of brackets whose text is gone, and of new ones: a few per revision.
  const context: Context = (b) => {
    const p = b.paragraphIndex !== null ? paras[b.paragraphIndex] : undefined;
    const open = off(b.openRange.start);
    const close = off(b.range.end);
    return {
      before: lastWords(plain(text.slice(Math.max(p ? p.textStart : 0, open - 60), open))),
      after: firstWords(plain(text.slice(close, Math.min(p ? p.end : text.length, close + 60)))),
    };
  };
  return Object.assign(paras, { context }, outside.brackets.length ? { outside } : {});
}

// Two words either side: enough to place a bracket in its sentence, few enough to survive an edit nearby.
const lastWords = (s: string): string => s.split(' ').filter(Boolean).slice(-2).join(' ');
const firstWords = (s: string): string => s.split(' ').filter(Boolean).slice(0, 2).join(' ');

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
    else for (const x of bracketOutcomes(oldBrackets, newBrackets, b, oldP.context, newP.context)) brackets.push(x);
  }
  // Brackets in no paragraph (headings, footnotes, a title) have entries too (FORMAT.md §10), after the paragraphs'.
  if (oldP.outside || newP.outside) {
    for (const x of bracketOutcomes(oldP.outside?.brackets ?? [], newP.outside?.brackets ?? [], newP.outside?.body ?? '', oldP.context, newP.context)) brackets.push(x);
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

/** Old brackets of one aligned entry against its new ones. */
function bracketOutcomes(olds: BracketInfo[], news: BracketInfo[], newBody: string, oldContext: Context, newContext: Context): BracketChange[] {
  // The new text as agreed so far: top-level brackets cut out.
  let outside = '';
  let at = 0;
  for (const b of news) {
    if (b.parent !== null || !b.text) continue;
    const k = newBody.indexOf(b.text, at);
    if (k < 0) continue;
    outside += newBody.slice(at, k) + ' \u0000 ';
    at = k + b.text.length;
  }
  outside += newBody.slice(at);
  const newPlain = plain(newBody);
  const outsidePlain = plain(outside);
  const partner = new Map<number, number>();
  const usedNew = new Set<number>();
  const oldPlain = olds.map((b) => plain(b.text));
  const newPl = news.map((b) => plain(b.text));
  // Same text first, in order; then the most similar, best first.
  const byPlain = new Map<string, number[]>();
  for (let k = news.length - 1; k >= 0; k--) {
    const q = byPlain.get(newPl[k]);
    if (q) q.push(k);
    else byPlain.set(newPl[k], [k]);
  }
  olds.forEach((_, i) => {
    const j = byPlain.get(oldPlain[i])?.pop();
    if (j !== undefined) {
      partner.set(i, j);
      usedNew.add(j);
    }
  });
  const cands: { i: number; j: number; s: number }[] = [];
  const unmatched = (olds.length - partner.size) * (news.length - usedNew.size);
  olds.forEach((ob, i) => {
    if (partner.has(i) || unmatched > 250_000) return;
    news.forEach((nb, j) => {
      if (usedNew.has(j)) return;
      const s = textSimilarity(oldPlain[i], newPl[j]) + (sameSet(ob.proposers, nb.proposers) && ob.proposers.length ? 0.1 : 0);
      if (s >= 0.5) cands.push({ i, j, s });
    });
  });
  cands.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const c of cands) {
    if (partner.has(c.i) || usedNew.has(c.j)) continue;
    partner.set(c.i, c.j);
    usedNew.add(c.j);
  }
  const matched = new Set(olds.filter((_, i) => partner.has(i)).map((b) => b.id));
  const byId = new Map(olds.map((b) => [b.id, b]));
  /** Inside a bracket still open in the new text, a nested one's text can be agreed inside it. */
  const insideOpen = (b: BracketInfo): boolean => {
    for (let p = b.parent; p !== null; p = byId.get(p)?.parent ?? null) if (matched.has(p)) return true;
    return false;
  };
  // A bracket whose text is gone, and a new one in its place (the same words before and after it,
  // at the same depth), is one bracket rewritten: `[convene]{Mexico}` → `[hold]{Mexico}`.
  const gone = olds.map((b, i) => !partner.has(i) && !kept(b.text, insideOpen(b) ? newPlain : outsidePlain));
  const newContexts = new Map<number, { before: string; after: string }>();
  olds.forEach((ob, i) => {
    if (!gone[i] || unmatched > 250_000) return;
    const o = oldContext(ob);
    if (o.before + o.after === '') return;
    const j = news.findIndex((nb, j) => {
      if (usedNew.has(j) || (nb.parent === null) !== (ob.parent === null)) return false;
      let n = newContexts.get(j);
      if (!n) newContexts.set(j, (n = newContext(nb)));
      return n.before === o.before && n.after === o.after;
    });
    if (j < 0) return;
    partner.set(i, j);
    usedNew.add(j);
  });
  const out: BracketChange[] = olds.map((b, i) => {
    const j = partner.get(i);
    let outcome: BracketOutcome;
    if (j !== undefined) {
      const n = news[j];
      outcome = fold(n.text) === fold(b.text) && sameSet(n.proposers, b.proposers) && n.action === b.action ? 'unchanged' : 'changed';
    } else outcome = gone[i] ? 'dropped' : 'agreed';
    return { paragraph: b.paragraph, text: b.text, proposers: b.proposers, outcome };
  });
  news.forEach((b, j) => {
    if (!usedNew.has(j)) out.push({ paragraph: b.paragraph, text: b.text, proposers: b.proposers, outcome: 'added' });
  });
  return out;
}

/**
 * Is a bracket's own text (nested brackets left out: they have outcomes of
 * their own) still in the new text, in order?
 */
function kept(text: string, newPlain: string): boolean {
  const fragments: string[] = [];
  let depth = 0;
  let cur = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '[') depth++;
    else if (c === ']') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && text[k + 1] === '{') {
        const close = text.indexOf('}', k + 1);
        if (close > 0) k = close;
      }
    } else if (depth === 0) {
      cur += c;
      continue;
    }
    if (depth > 0 || c === ']') {
      fragments.push(cur);
      cur = '';
    }
  }
  fragments.push(cur);
  const parts = fragments.map(plain).filter((f) => f !== '');
  if (parts.length === 0) return false;
  let at = 0;
  for (const f of parts) {
    const k = newPlain.indexOf(f, at);
    if (k < 0) return false;
    at = k + f.length;
  }
  return true;
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
