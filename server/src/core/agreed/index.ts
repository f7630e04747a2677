// Agreed-language engine: pinpoints, quotation checks and reuse detection over
// agreed texts handed in as plain paragraphs. Pure data in and out; never throws.
//
// Reuse look-up is seed-and-extend: every agreed paragraph is winnowed into
// fingerprints of k-word shingles (index built once, incrementally); a draft
// paragraph looks up each of its shingles (posting lists of very common
// shingles are skipped, so the cost does not grow with the corpus), clusters
// the hits by paragraph and diagonal, and aligns only inside a narrow band
// around each cluster. Changed words ("shall" for "should", a dropped word)
// break shingles but not the alignment, which then counts the changes.

import { diffArrays } from 'diff';
import { cleanAgreedText, forEachWord, symbolKey, tokenize, type Token } from './fold';
import { NO_ENTRY, Postings } from './postings';

/** A letter, a hyphen, a line break, a lower-case letter: a word the typesetter may have broken. */
const SOFT_HYPHEN_BREAK = /(\p{L})-[ \t]*(?:\r\n|\n|\r)[ \t]*(?=\p{Ll})/gu;

export { foldText, stripPageNoise, words, tokenize, symbolKey } from './fold';

export interface AgreedParagraph { label: string; text: string }
export interface AgreedDocument {
  symbol: string;
  title?: string;
  date?: string;
  paragraphs: AgreedParagraph[];
  /** The document this one is printed in (decision 1/CP.21 in FCCC/CP/2015/10/Add.1): citing either cites both. */
  partOf?: string;
}
/** `delete`: agreed words the draft/quote lacks; `insert`: draft/quote words the agreed text lacks. */
export interface WordDiffPart { op: 'equal' | 'insert' | 'delete'; text: string }
export interface QuoteVerdict {
  ok: boolean;
  /** nearest agreed wording (original text, not folded) when not ok */
  nearest?: string;
  nearestLabel?: string;
  diff?: WordDiffPart[];
}
export interface Reuse {
  symbol: string;
  label: string;
  /** words of the draft paragraph that match, as [start,end) char offsets into the given draft text */
  start: number;
  end: number;
  changes: number;
  diff: WordDiffPart[];
  /** the agreed wording of the matched run: original text (page noise removed), single-spaced */
  agreed: string;
  /** the same wording in other agreed paragraphs, when there is any */
  also?: Array<{ symbol: string; label: string }>;
}

const K = 4; // words per shingle
const W = 3; // winnowing window: any shared run of K+W-1 = 6 words leaves a fingerprint
const POSTING_CAP = 48; // shingles in more paragraphs than this are boilerplate: skipped at look-up
const BAND = 5; // net dropped/added words tolerated around a cluster's diagonals
const MAX_CLUSTERS = 200;
const MAX_QUOTE_WORDS = 400;

class Para {
  /** " w1 w2 … " for exact phrase search */
  joined?: string;
  /**
   * On the first paragraph indexed with a text, every paragraph with that same text, itself
   * first. Series of resolutions repeat paragraphs word for word; the postings name only the
   * first, so a draft that uses such a paragraph is matched and aligned once, not once per copy.
   */
  copies?: Para[];
  private words?: Token[];
  constructor(
    readonly id: number,
    readonly doc: DocEntry,
    readonly label: string,
    readonly orig: AgreedParagraph,
    /** noise-stripped text with single spaces: what `nearest` and diffs quote */
    readonly text: string,
  ) {}

  /**
   * Its words, made when first asked for: most agreed paragraphs are never matched, and holding
   * every word of the index as an object cost a third of indexing, in the garbage collector.
   */
  get toks(): Token[] {
    return (this.words ??= tokenize(this.text));
  }
}

interface DocEntry {
  key: string;
  doc: AgreedDocument;
  paras: Para[];
  byLabel: Map<string, number>;
  alive: boolean;
}

interface Hit { i: number; j: number }
interface Cluster { pid: number; hits: Hit[]; lastI: number; lastD: number; dMin: number; dMax: number }

// ---------------------------------------------------------------------------
// hashing

function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Hashes of every K consecutive words, from the words' own hashes. */
function shingleHashes(wh: number[]): number[] {
  const n = wh.length - K + 1;
  if (n <= 0) return [];
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let k = 0; k < K; k++) h = (Math.imul(h, 0x2f0b3a49) + wh[i + k]!) | 0;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    // 30 bits: small integers are Map keys V8 hashes fast (a collision only costs a word check).
    out[i] = h & 0x3fffffff;
  }
  return out;
}

/** Winnowing: the minimum of every W consecutive shingle hashes (rightmost on ties). */
function winnow(hs: number[]): number[] {
  const picked: number[] = [];
  if (hs.length === 0) return picked;
  const w = Math.min(W, hs.length);
  let last = -1;
  for (let s = 0; s + w <= hs.length; s++) {
    let m = s;
    for (let t = s + 1; t < s + w; t++) if (hs[t]! <= hs[m]!) m = t;
    if (m !== last) { picked.push(m); last = m; }
  }
  return picked;
}

// ---------------------------------------------------------------------------
// labels and pinpoints

function labelKey(label: string): string {
  return String(label ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:paras?\.|paragraphs?)\s*/, '')
    .replace(/[\s.]+$/, '')
    .replace(/\s+/g, '')
    .replace(/(\d)-?(bis|ter|quater|quat|quinquies)$/, '$1$2')
    .replace(/quat$/, 'quater');
}

/** "71–72", "71-72", "6 and 7", "6, 7" → ["71", "72"] …; a single label → [label]. */
function splitPinpoint(p: string): { parts: string[]; range: boolean } {
  const s = String(p ?? '').trim().replace(/^(?:paras?\.|paragraphs?)\s*/i, '');
  const r = s.split(/\s*[–—]\s*|(?<=\d[a-z)]*)\s*-\s*(?=\d)|\s+to\s+/i);
  if (r.length === 2 && r[0] && r[1]) return { parts: r, range: true };
  const l = s.split(/\s*,\s*|\s+and\s+/i).filter(Boolean);
  return { parts: l.length ? l : [s], range: false };
}

// ---------------------------------------------------------------------------
// alignment

interface Alignment { a0: number; a1: number; b0: number; b1: number; score: number }

/**
 * Local alignment (match +1, change or gap −1) of draft words a[*] against
 * agreed words b[*], restricted to rows [r0, r1) and diagonals j − i in [dLo, dHi].
 * Ties extend the alignment, so a changed first or last-but-one word is kept.
 */
// Scratch matrices for bandedLocal, grown as needed: an allocation per candidate cost more than the alignment.
let scratchH = new Float64Array(4096);
let scratchP = new Uint8Array(4096);

function bandedLocal(a: Token[], b: Token[], r0: number, r1: number, dLo: number, dHi: number): Alignment | undefined {
  const width = dHi - dLo + 1;
  const rows = r1 - r0 + 1;
  if (width <= 0 || rows <= 1) return undefined;
  const NEG = -1e9;
  const cells = rows * width;
  if (cells > scratchH.length) {
    scratchH = new Float64Array(cells * 2);
    scratchP = new Uint8Array(cells * 2);
  }
  const H = scratchH;
  const P = scratchP; // 0 start, 1 diagonal, 2 draft word added, 3 agreed word dropped
  H.fill(NEG, 0, cells);
  P.fill(0, 0, cells);
  let best = 0, bestR = -1, bestC = -1;
  for (let r = 0; r < rows; r++) {
    const i = r0 + r; // draft words consumed
    for (let c = 0; c < width; c++) {
      const j = i + dLo + c; // agreed words consumed
      if (j < 0 || j > b.length) continue;
      const at = r * width + c;
      if (r === 0 || j === 0) { H[at] = 0; continue; }
      let v = 0, p = 0;
      const dg = H[at - width]!;
      if (dg > NEG) {
        const s = dg + (a[i - 1]!.w === b[j - 1]!.w ? 1 : -1);
        if (s >= v && (s > 0 || dg > 0)) { v = s; p = 1; }
      }
      if (c + 1 < width) {
        const up = H[at - width + 1]!;
        if (up > NEG && up - 1 > v) { v = up - 1; p = 2; }
      }
      if (c > 0) {
        const lf = H[at - 1]!;
        if (lf > NEG && lf - 1 > v) { v = lf - 1; p = 3; }
      }
      H[at] = v; P[at] = p;
      if (v >= best && v > 0 && (v > best || p === 1)) { best = v; bestR = r; bestC = c; }
    }
  }
  if (bestR < 0) return undefined;
  let r = bestR, c = bestC;
  // trailing changes never add to the score: trim back to the last match
  while (P[r * width + c] !== 1 || a[r0 + r - 1]!.w !== b[r0 + r + dLo + c - 1]!.w) {
    const p = P[r * width + c];
    if (p === 1) { r--; } else if (p === 2) { r--; c++; } else if (p === 3) { c--; } else return undefined;
  }
  const a1 = r0 + r, b1 = r0 + r + dLo + c;
  let rr = r, cc = c, lastMatchR = r, lastMatchC = c;
  for (;;) {
    const at = rr * width + cc;
    const p = P[at];
    if (p === 0 || H[at]! <= NEG) break;
    if (p === 1) {
      if (a[r0 + rr - 1]!.w === b[r0 + rr + dLo + cc - 1]!.w) { lastMatchR = rr - 1; lastMatchC = cc; }
      rr--;
    } else if (p === 2) { rr--; cc++; } else { cc--; }
    if (rr < 0 || cc < 0 || cc >= width) break;
  }
  // leading changes trimmed too: the run starts at its first matching word
  const a0 = r0 + lastMatchR, b0 = r0 + lastMatchR + dLo + lastMatchC;
  return { a0, a1, b0, b1, score: best };
}

/** Draft words in rows [r0, r1) equal to an agreed word on a diagonal in [dLo, dHi], counted up to `enough`. */
function bandMatches(a: Token[], b: Token[], r0: number, r1: number, dLo: number, dHi: number, enough: number): number {
  let n = 0;
  for (let i = r0; i < r1 && n < enough; i++) {
    const w = a[i]!.w;
    const jHi = Math.min(b.length - 1, i + dHi);
    for (let j = Math.max(0, i + dLo); j <= jHi; j++) {
      if (b[j]!.w === w) { n++; break; }
    }
  }
  return n;
}

const MAX_CELLS = 4_000_000;

/** Best window of agreed words b for the whole of quote q (free start and end in b). */
function semiGlobal(q: Token[], b: Token[]): { b0: number; b1: number; score: number } | undefined {
  if (q.length * b.length <= MAX_CELLS) return semiGlobalIn(q, b);
  // A huge paragraph or range: align within the stretch richest in the quote's words.
  const len = Math.max(q.length, Math.floor(MAX_CELLS / Math.max(1, q.length)));
  const qs = new Set(q.map((t) => t.w));
  let count = 0, best = -1, at = 0;
  for (let j = 0; j < b.length; j++) {
    if (qs.has(b[j]!.w)) count++;
    if (j >= len && qs.has(b[j - len]!.w)) count--;
    if (j >= len - 1 && count > best) { best = count; at = j - len + 1; }
  }
  const r = semiGlobalIn(q, b.slice(at, at + len));
  return r && { b0: r.b0 + at, b1: r.b1 + at, score: r.score };
}

function semiGlobalIn(q: Token[], b: Token[]): { b0: number; b1: number; score: number } | undefined {
  const n = q.length, m = b.length;
  if (n === 0 || m === 0) return undefined;
  const cols = m + 1;
  const H = new Float64Array((n + 1) * cols);
  const S = new Int32Array((n + 1) * cols); // start column of the best path through each cell
  for (let j = 0; j <= m; j++) S[j] = j;
  for (let i = 1; i <= n; i++) {
    const row = i * cols, prev = row - cols;
    H[row] = -i; S[row] = 0;
    for (let j = 1; j <= m; j++) {
      let v = H[prev + j - 1]! + (q[i - 1]!.w === b[j - 1]!.w ? 1 : -1), s = S[prev + j - 1]!;
      if (H[prev + j]! - 1 > v) { v = H[prev + j]! - 1; s = S[prev + j]!; }
      if (H[row + j - 1]! - 1 > v) { v = H[row + j - 1]! - 1; s = S[row + j - 1]!; }
      H[row + j] = v; S[row + j] = s;
    }
  }
  let best = -Infinity, bj = 0;
  // Of equal scores, the stretch nearest the quote's length: `closely` changed is a change, not a gap.
  const off = (j: number) => Math.abs(j - S[n * cols + j]! - n);
  for (let j = 1; j <= m; j++) {
    const v = H[n * cols + j]!;
    if (v > best || (v === best && off(j) < off(bj))) { best = v; bj = j; }
  }
  let b0 = S[n * cols + bj]!, b1 = bj;
  // shave agreed words at either end that match nothing in the quote, down to the quote's length:
  // a word the quote changed at its end (`closely` → `loosely`) is a change, not padding
  const qs = new Set(q.map((t) => t.w));
  while (b1 - b0 > n && b0 < b1 && !qs.has(b[b0]!.w)) b0++;
  while (b1 - b0 > n && b1 > b0 && !qs.has(b[b1 - 1]!.w)) b1--;
  if (b1 <= b0) return undefined;
  return { b0, b1, score: best };
}

/**
 * The shortest stretch of `toks` that holds every word of `q` in order, when it is at most three
 * times as long as `q` (a quotation with words left out, not words scattered over a paragraph).
 */
function subsequenceWindow(q: Token[], toks: Token[]): { b0: number; b1: number } | undefined {
  if (q.length < 3 || toks.length > 5000) return undefined;
  const limit = 3 * q.length;
  let best: { b0: number; b1: number } | undefined;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.w !== q[0]!.w) continue;
    let k = 1;
    let j = i + 1;
    for (; j < toks.length && k < q.length && j - i < limit; j++) if (toks[j]!.w === q[k]!.w) k++;
    if (k === q.length && (!best || j - i < best.b1 - best.b0)) best = { b0: i, b1: j };
  }
  return best;
}

/** How many marks that open a run (`*`, `_`, `(`, `[`, opening quotes; three at most) stand right before `at`. */
export function openingMarks(text: string, at: number): number {
  return /[*_(\[“"‘']{0,3}$/.exec(text.slice(Math.max(0, at - 3), at))![0].length;
}

/** Whether a mark at a run's edge goes with it: any but a double quote mark, which must close or open one inside the run. */
function pairedQuote(mark: string, run: string): boolean {
  if (mark !== '"' && mark !== '“' && mark !== '”') return true;
  let straight = 0, open = 0, close = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    if (c === '"') straight++;
    else if (c === '“') open++;
    else if (c === '”') close++;
  }
  return mark === '"' ? straight % 2 === 1 : mark === '“' ? close > open : open > close;
}

/** Word diff agreed[b0,b1) → draft[a0,a1), with the text of each side; and the number of changed words. */
function wordDiff(
  agreedText: string, agreed: Token[], b0: number, b1: number,
  draftText: string, draft: Token[], a0: number, a1: number,
): { diff: WordDiffPart[]; changes: number; equal: number } {
  const A = agreed.slice(b0, b1), D = draft.slice(a0, a1);
  const changes = diffArrays(A.map((t) => t.w), D.map((t) => t.w));
  const diff: WordDiffPart[] = [];
  let ia = 0, id = 0, nChanges = 0, nEqual = 0, del = 0, ins = 0;
  // Each part runs from its first word to the next word of its side; the marks between two words
  // are split at the first space, so closing marks stay with the word before and opening ones go
  // with the word after (`*Calls upon* States: {+(a)+}`, not `Calls upon* States: ( {+a)+}`).
  const cut = (text: string, toks: Token[], k: number) => {
    const gap = text.slice(toks[k - 1]!.end, toks[k]!.start);
    return toks[k - 1]!.end + /^\S*\s*/.exec(gap)![0].length;
  };
  // A quote mark at either end is kept only when the run holds its other half: a run that starts
  // or ends inside a quotation would show a stray `"` (`… connected with the group"`).
  const tailOf = (text: string, toks: Token[]) => /^[*_)\]”"’']{0,3}/.exec(text.slice(toks[toks.length - 1]!.end))![0].length;
  const from0 = (text: string, toks: Token[]) => {
    const at = toks[0]!.start;
    const lead = text.slice(at - openingMarks(text, at), at);
    const run = text.slice(at, toks[toks.length - 1]!.end + tailOf(text, toks));
    let cut = 0;
    for (let k = 0; k < lead.length; k++) if (!pairedQuote(lead[k]!, run)) cut = k + 1;
    return at - lead.length + cut;
  };
  const toEnd = (text: string, toks: Token[]) => {
    const at = toks[toks.length - 1]!.end;
    const tail = text.slice(at, at + tailOf(text, toks));
    const run = text.slice(toks[0]!.start - openingMarks(text, toks[0]!.start), at);
    let keep = 0;
    while (keep < tail.length && pairedQuote(tail[keep]!, run)) keep++;
    return at + keep;
  };
  const piece = (text: string, toks: Token[], from: number, to: number, lastOfSide: boolean) =>
    text.slice(from === 0 ? from0(text, toks) : cut(text, toks, from), lastOfSide ? toEnd(text, toks) : cut(text, toks, to));
  const push = (op: WordDiffPart['op'], text: string) => {
    const prev = diff[diff.length - 1];
    if (prev && prev.op === op) prev.text += text; else diff.push({ op, text });
  };
  const flush = () => { nChanges += Math.max(del, ins); del = ins = 0; };
  for (const ch of changes) {
    const n = ch.value.length;
    if (n === 0) continue;
    if (ch.removed) {
      push('delete', piece(agreedText, A, ia, ia + n, ia + n >= A.length));
      ia += n; del += n;
    } else if (ch.added) {
      push('insert', piece(draftText, D, id, id + n, id + n >= D.length));
      id += n; ins += n;
    } else {
      flush();
      push('equal', piece(draftText, D, id, id + n, id + n >= D.length));
      ia += n; id += n; nEqual += n;
    }
  }
  flush();
  // a part that ends the diff carries no trailing separator
  const last = diff[diff.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return { diff: diff.filter((p) => p.text !== ''), changes: nChanges, equal: nEqual };
}

// ---------------------------------------------------------------------------

export class AgreedIndex {
  private docs = new Map<string, DocEntry>();
  /** A part's key → its container's key (AgreedDocument.partOf). */
  private containerOf = new Map<string, string>();
  private paras: Para[] = [];
  /** Shingle hash → its places (paragraph, word index). */
  private postings = new Postings();
  /** Each paragraph text indexed, to the paragraph its postings name. */
  private byText = new Map<string, Para>();
  private dead = 0;

  add(doc: AgreedDocument): void {
    try {
      if (!doc || typeof doc.symbol !== 'string' || !doc.symbol.trim()) return;
      const key = symbolKey(doc.symbol);
      this.remove(doc.symbol);
      if (typeof doc.partOf === 'string' && doc.partOf.trim()) this.containerOf.set(key, symbolKey(doc.partOf));
      const entry: DocEntry = { key, doc, paras: [], byLabel: new Map(), alive: true };
      const hints = { symbol: doc.symbol.trim(), title: doc.title || learnTitle(doc) };
      for (const p of Array.isArray(doc.paragraphs) ? doc.paragraphs : []) {
        if (!p || typeof p.text !== 'string') continue;
        const text = cleanAgreedText(p.text, hints);
        const para = new Para(this.paras.length, entry, String(p.label ?? ''), p, text);
        this.paras.push(para);
        const lk = labelKey(para.label);
        if (lk && !entry.byLabel.has(lk)) entry.byLabel.set(lk, entry.paras.length);
        entry.paras.push(para);
        const first = this.byText.get(text);
        if (first && first.doc.alive) {
          (first.copies ??= [first]).push(para);
          continue;
        }
        this.byText.set(text, para);
        const wh: number[] = [];
        forEachWord(text, (w) => void wh.push(wordHash(w)));
        const hs = shingleHashes(wh);
        for (const pos of winnow(hs)) this.postings.add(hs[pos]!, para.id, pos, POSTING_CAP); // past the cap it is skipped anyway
      }
      this.docs.set(key, entry);
    } catch {
      /* a malformed document is simply not indexed */
    }
  }

  /** How many paragraphs hold a shingle, copies included: what tells boilerplate (past POSTING_CAP). */
  private placesWithCopies(head: number): number {
    let n = 0;
    for (let e = head; e !== NO_ENTRY; e = this.postings.next(e)) n += this.paras[this.postings.pid(e)]!.copies?.length ?? 1;
    return n;
  }

  /** Forgets a document (a deleted or changed agreed file). */
  remove(symbol: string): void {
    const old = this.docs.get(symbolKey(symbol));
    if (!old) return;
    old.alive = false;
    this.docs.delete(old.key);
    this.containerOf.delete(old.key);
    this.dead += old.paras.length;
    if (this.dead > 1000 && this.dead > this.paras.length / 2) this.rebuild();
  }

  private rebuild(): void {
    const docs = [...this.docs.values()].map((d) => d.doc);
    this.docs.clear(); this.paras = []; this.postings.clear(); this.byText.clear(); this.dead = 0;
    for (const d of docs) this.add(d);
  }

  has(symbol: string): boolean {
    return this.docs.has(symbolKey(symbol));
  }

  document(symbol: string): AgreedDocument | undefined {
    return this.docs.get(symbolKey(symbol))?.doc;
  }

  hasParagraph(symbol: string, pinpoint: string): boolean {
    return this.resolve(symbol, pinpoint) !== undefined;
  }

  paragraph(symbol: string, pinpoint: string): AgreedParagraph | undefined {
    const ps = this.resolve(symbol, pinpoint);
    if (!ps) return undefined;
    if (ps.length === 1) return ps[0]!.orig;
    return { label: String(pinpoint).trim(), text: ps.map((p) => p.orig.text).join('\n\n') };
  }

  checkQuote(symbol: string, pinpoint: string | null, quote: string): QuoteVerdict {
    // A hyphen at a line end is kept (`Open-⏎ended`, fold.ts); where the agreed text has the word
    // whole, it was the typesetter's (`cooper-⏎ate`): the quotation matches either way.
    const whole = String(quote ?? '').replace(SOFT_HYPHEN_BREAK, '$1');
    if (whole !== quote && this.checkQuote(symbol, pinpoint, whole).ok) return { ok: true };
    try {
      const entry = this.docs.get(symbolKey(symbol));
      if (!entry) return { ok: true }; // nothing to compare with: unknown-document is reported elsewhere
      // "…" / "..." / "[...]" in a quotation marks omitted words: each piece must appear, in order
      const pieces = String(quote ?? '').split(/\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|(?:\.\s*){3}|…/).map(tokenize).filter((t) => t.length);
      if (pieces.length === 0) return { ok: true };
      const resolved = pinpoint != null && String(pinpoint).trim() ? this.resolve(symbol, pinpoint) : undefined;
      // `5 (b)`: the quotation must come from (b), where the paragraph marks its sub-paragraphs.
      const merged = resolved && (resolved.length === 1 ? subParagraphOf(resolved[0]!, String(pinpoint)) : mergeParas(resolved));
      const scope = merged ? [merged] : entry.paras;
      if (scope.some((p) => containsInOrder(joinedOf(p), pieces))) return { ok: true };
      // A treaty numbers its paragraphs afresh in each article (the Paris Agreement annexed to
      // FCCC/CP/2015/10/Add.1, BBNJ): `para. 7` may be any paragraph 7, not only the first.
      const alike = resolved?.length === 1 ? sameLabel(entry, resolved[0]!).map((p) => subParagraphOf(p, String(pinpoint))) : [];
      if (alike.some((p) => containsInOrder(joinedOf(p), pieces))) return { ok: true };
      const q = pieces.flat();
      // Found elsewhere in the document: a wrong pinpoint, with the right wording.
      if (resolved) {
        const other = entry.paras.find((p) => containsInOrder(joinedOf(p), pieces));
        if (other) {
          const near = semiGlobal(q, other.toks);
          const text = near ? other.text.slice(other.toks[near.b0]!.start, other.toks[near.b1 - 1]!.end) : other.text;
          // In the paragraph cited, but another of its sub-paragraphs: name that one.
          const label = other === resolved[0] ? subLabelHolding(other, pieces) : other.label;
          return { ok: false, nearest: text, nearestLabel: label, diff: [{ op: 'equal', text }] };
        }
      }
      const qq = q.slice(0, MAX_QUOTE_WORDS);
      let best: { p: Para; b0: number; b1: number; score: number } | undefined;
      // nearest wording: from one paragraph (so its label is exact), or from a short range as a whole
      const candidates = !resolved ? entry.paras : resolved.length > 1 && resolved.length <= 3 ? [...resolved, merged!] : resolved.length === 1 ? [merged!, ...alike] : resolved;
      // A quotation that leaves out words without marking it ("the working group shall start …"
      // for "the working group on … 2021–2025 shall start …"): the agreed stretch it was cut from.
      for (const p of candidates) {
        const w = subsequenceWindow(qq, p.toks);
        if (w && (!best || w.b1 - w.b0 < best.b1 - best.b0)) best = { p, ...w, score: Infinity };
      }
      if (!best) {
        for (const p of shortlist(candidates, qq)) {
          const r = semiGlobal(qq, p.toks);
          if (r && (!best || r.score > best.score)) best = { p, ...r };
        }
      }
      if (!best) return { ok: false };
      const { p, b0, b1 } = best;
      const qText = String(quote);
      const qToks = tokenize(qText).slice(0, MAX_QUOTE_WORDS);
      const { diff } = wordDiff(p.text, p.toks, b0, b1, qText, qToks, 0, qToks.length);
      return { ok: false, nearest: p.text.slice(p.toks[b0]!.start, p.toks[b1 - 1]!.end), nearestLabel: p.label, diff };
    } catch {
      return { ok: true };
    }
  }

  /**
   * Runs of agreed wording in a draft paragraph that it does not cite (FORMAT.md §7). `cited`: what
   * the paragraph cites; a run one of them holds with as few changes or fewer is the cited language,
   * not reuse of another text that repeats it (GA resolutions repeat each other). `own`: documents
   * left out altogether (an agreed text read as a draft is not reuse of itself, but may reuse others).
   */
  findReuse(draftText: string, cited?: ReadonlySet<string>, minWords = 12, own?: ReadonlySet<string>): Reuse[] {
    try {
      return this.reuse(String(draftText ?? ''), cited, Math.max(K + W - 1, Math.floor(minWords) || 12), own);
    } catch {
      return [];
    }
  }

  /** The keys of what a paragraph cites, with the documents they are part of or hold. */
  private citedKeys(cited: ReadonlySet<string> | undefined): Set<string> {
    const skip = new Set<string>();
    for (const s of cited ?? []) skip.add(symbolKey(s));
    if (skip.size && this.containerOf.size)
      for (const [part, container] of this.containerOf) {
        if (skip.has(part)) skip.add(container);
        else if (skip.has(container)) skip.add(part);
      }
    return skip;
  }

  private reuse(text: string, cited: ReadonlySet<string> | undefined, minWords: number, own: ReadonlySet<string> | undefined): Reuse[] {
    const D = tokenize(text);
    const hs = shingleHashes(D.map((t) => wordHash(t.w)));
    if (hs.length === 0) return [];
    const skip = this.citedKeys(own);
    const citedKeys = this.citedKeys(cited);
    const byPara = new Map<number, Cluster[]>();
    const gap = Math.max(minWords, K + W + 2);
    const open = (p: Para) => p.doc.alive && !skip.has(p.doc.key);
    const usable = (p: Para) => (p.copies ? p.copies.some(open) : open(p));
    for (let i = 0; i < hs.length; i++) {
      const head = this.postings.first(hs[i]!);
      if (head === NO_ENTRY || this.placesWithCopies(head) > POSTING_CAP) continue;
      for (let e = head; e !== NO_ENTRY; e = this.postings.next(e)) {
        const pid = this.postings.pid(e), j = this.postings.pos(e);
        const p = this.paras[pid]!;
        if (!usable(p)) continue;
        let same = true; // hashes can collide: check the words
        for (let k = 0; k < K && same; k++) same = p.toks[j + k]?.w === D[i + k]!.w;
        if (!same) continue;
        const d = j - i;
        let cs = byPara.get(pid);
        if (!cs) byPara.set(pid, (cs = []));
        let c: Cluster | undefined; // only recent clusters can still grow
        for (let x = cs.length - 1; x >= Math.max(0, cs.length - 8) && !c; x--) {
          const y = cs[x]!;
          if (i - y.lastI <= gap && Math.abs(d - y.lastD) <= BAND) c = y;
        }
        if (c) {
          c.hits.push({ i, j }); c.lastI = i; c.lastD = d;
          c.dMin = Math.min(c.dMin, d); c.dMax = Math.max(c.dMax, d);
        } else cs.push({ pid, hits: [{ i, j }], lastI: i, lastD: d, dMin: d, dMax: d });
      }
    }
    if (byPara.size === 0) return [];
    // The fullest clusters, up to MAX_CLUSTERS places, a paragraph's copies counted (as when each was a cluster).
    const clusters: Cluster[] = [];
    let taken = 0;
    for (const c of [...byPara.values()].flat().sort((x, y) => y.hits.length - x.hits.length)) {
      if (taken >= MAX_CLUSTERS) break;
      clusters.push(c);
      taken += this.paras[c.pid]!.copies?.length ?? 1;
    }
    const found: Array<Reuse & { pid: number; equal: number; cited: boolean; a0: number; a1: number }> = [];
    // The same paragraph often stands in several agreed texts (a series of
    // resolutions repeats its paragraphs): align each wording once.
    type Aligned = { al: Alignment; diff: WordDiffPart[]; changes: number; equal: number } | null;
    const memo = new Map<string, Map<string, Aligned>>();
    for (const c of clusters) {
      const p = this.paras[c.pid]!;
      const r0 = Math.max(0, c.hits[0]!.i - minWords);
      const r1 = Math.min(D.length, c.lastI + K + minWords);
      const key = `${r0} ${r1} ${c.dMin} ${c.dMax}`;
      const joined = joinedOf(p);
      let byKey = memo.get(joined);
      if (!byKey) memo.set(joined, (byKey = new Map()));
      let aligned = byKey.get(key);
      if (aligned === undefined) {
        aligned = null;
        // Cheap bound first: an alignment's equal words are draft words matched inside the band.
        if (bandMatches(D, p.toks, r0, r1, c.dMin - BAND, c.dMax + BAND, Math.ceil(minWords * 0.75)) >= Math.ceil(minWords * 0.75)) {
          const al = bandedLocal(D, p.toks, r0, r1, c.dMin - BAND, c.dMax + BAND);
          if (al && al.b1 - al.b0 >= minWords) aligned = { al, ...wordDiff(p.text, p.toks, al.b0, al.b1, text, D, al.a0, al.a1) };
        }
        byKey.set(key, aligned);
      }
      if (!aligned) continue;
      const { al, diff, changes, equal } = aligned;
      const span = Math.max(al.b1 - al.b0, al.a1 - al.a0);
      if (equal < Math.ceil(minWords * 0.75) || changes * 4 > span || isName(p.text, p.toks, al.b0, al.b1) || isName(text, D, al.a0, al.a1)) continue;
      const agreed = p.text.slice(p.toks[al.b0]!.start, p.toks[al.b1 - 1]!.end).replace(/\s+/g, ' ');
      for (const m of p.copies ?? [p]) {
        if (!open(m)) continue;
        found.push({ pid: m.id, equal, symbol: m.doc.doc.symbol, label: m.label, start: D[al.a0]!.start, end: D[al.a1 - 1]!.end, changes, diff, agreed, cited: citedKeys.has(m.doc.key), a0: al.a0, a1: al.a1 });
      }
    }
    // Words a text the paragraph cites accounts for are the cited language: a match in another
    // text that repeats them is not reuse (FORMAT.md §7: "without citing that document"; GA
    // resolutions repeat each other). A cited match covers an uncited one when it scores as well
    // or better (words kept less words changed, over its own run: a paragraph that follows its
    // cited paragraph at length is not taken for a later text repeating one clause of it); what
    // the cited matches leave of the uncited run must then be a run on its own (the OEWG's name,
    // cited, and `to General Assembly` beside it are not A/RES/73/266).
    const fromCited = found.filter((f) => f.cited);
    const covered = (f: (typeof found)[number]) => {
      const by = fromCited.filter((c) => c.equal - c.changes >= f.equal - f.changes && c.a0 < f.a1 && f.a0 < c.a1);
      if (by.length === 0) return false;
      let left = 0;
      for (let k = f.a0; k < f.a1; k++) if (!by.some((c) => c.a0 <= k && k < c.a1)) left++;
      return left < Math.ceil(minWords * 0.75);
    };
    const uncited = fromCited.length === 0 ? found : found.filter((f) => !f.cited && !covered(f));
    // One report per stretch of the draft: the fullest match (then the latest
    // dated document) names the source; the same wording elsewhere goes in `also`.
    const date = (f: (typeof found)[number]) => this.paras[f.pid]!.doc.doc.date ?? '';
    uncited.sort((x, y) => y.equal - x.equal || x.changes - y.changes || date(y).localeCompare(date(x)) || x.pid - y.pid);
    const kept: typeof found = [];
    for (const f of uncited) {
      const overlap = (k: typeof f) => Math.min(k.end, f.end) - Math.max(k.start, f.start);
      if (kept.some((k) => k.pid === f.pid && overlap(k) > 0)) continue;
      const home = kept.find((k) => overlap(k) >= 0.8 * (f.end - f.start));
      if (home) {
        const also = (home.also ??= []);
        if (also.length < 8 && !also.some((a) => a.symbol === f.symbol && a.label === f.label)) also.push({ symbol: f.symbol, label: f.label });
        continue;
      }
      kept.push(f);
    }
    kept.sort((x, y) => x.start - y.start || y.equal - x.equal);
    return kept.map(({ pid: _p, equal: _e, cited: _c, a0: _a0, a1: _a1, ...r }) => r);
  }

  /** The paragraphs a pinpoint names, in document order, or undefined when any end is missing. */
  private resolve(symbol: string, pinpoint: string): Para[] | undefined {
    const entry = this.docs.get(symbolKey(symbol));
    if (!entry || pinpoint == null) return undefined;
    const { parts, range } = splitPinpoint(String(pinpoint));
    const idx: number[] = [];
    for (const part of parts) {
      const i = findLabel(entry, part);
      if (i === undefined) return undefined;
      idx.push(i);
    }
    if (range) {
      const [a, b] = [Math.min(idx[0]!, idx[1]!), Math.max(idx[0]!, idx[1]!)];
      return entry.paras.slice(a, b + 1);
    }
    return idx.map((i) => entry.paras[i]!);
  }
}

const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'beyond', 'by', 'for', 'from', 'in', 'into', 'its', 'of', 'on', 'or', 'the', 'their', 'to', 'under', 'with']);

/**
 * A run that is nearly all capitalised words is the name of an instrument or
 * body ("the Agreement under the United Nations Convention on the Law of the Sea
 * on the Conservation …"), in the draft or the agreed text: repeated everywhere,
 * it is not negotiated language.
 */
function isName(text: string, toks: Token[], from: number, to: number): boolean {
  let plain = 0;
  for (let j = from; j < to && plain < 4; j++) {
    const t = toks[j]!;
    if (FUNCTION_WORDS.has(t.w) || !/^\p{Ll}/u.test(text[t.start] ?? '')) continue;
    plain++;
  }
  return plain < 4;
}

/** The other paragraphs of the document labelled as `p` is (a label used again in each article). */
function sameLabel(entry: DocEntry, p: Para): Para[] {
  const k = labelKey(p.label);
  return entry.paras.filter((q) => q !== p && labelKey(q.label) === k);
}

function findLabel(entry: DocEntry, label: string): number | undefined {
  let k = labelKey(label);
  if (!k) return undefined;
  const subs: string[] = [];
  for (;;) {
    const hit = entry.byLabel.get(k) ?? entry.byLabel.get(k.replace(/^(?:op|pp)(?=\d)/, '')) ?? entry.byLabel.get(/^\d/.test(k) ? `op${k}` : '');
    if (hit !== undefined) return subs.every((m) => hasMarker(entry.paras[hit]!.orig.text, m)) ? hit : undefined;
    // "71 (d) (ii)" → "71 (d)" → "71": a sub-paragraph lives in its paragraph
    const m = /\(([a-z0-9]{1,6})\)$/.exec(k);
    if (!m || m.index === 0) return undefined;
    subs.push(m[1]!);
    k = k.slice(0, m.index);
  }
}

const ANY_MARKER = /(?:^|\s)\((?:[a-z]{1,2}|[ivxl]{1,6})\)(?=\s)/;

/**
 * Does a paragraph have the sub-paragraph `(c)`? Where it has none marked at all (its
 * extraction lost them), it is given the benefit of the doubt.
 */
function hasMarker(text: string, marker: string): boolean {
  if (!ANY_MARKER.test(text)) return true;
  return new RegExp(`(?:^|\\s)\\(${marker}\\)(?=\\s)`).test(text);
}

/** The part of a paragraph a pinpoint's first sub-paragraph names (`5 (b)`: from `(b)` to `(c)`), or the paragraph. */
function subParagraphOf(p: Para, pinpoint: string): Para {
  const m = /^\s*(?:paras?\.|paragraphs?)?\s*[^\s(]+(?:\s*(?:bis|ter|quater))?\s*\(([a-z])\)/i.exec(pinpoint);
  if (!m) return p;
  const letter = m[1]!.toLowerCase();
  const at = (l: string): number => {
    const r = new RegExp(`(?:^|\\s)\\(${l}\\)(?=\\s)`).exec(p.text);
    return r ? r.index + r[0].indexOf('(') : -1;
  };
  const start = at(letter);
  if (start < 0) return p;
  const next = at(String.fromCharCode(letter.charCodeAt(0) + 1));
  const end = next > start ? next : p.text.length;
  const toks = p.toks.filter((t) => t.start >= start && t.end <= end);
  if (toks.length === 0) return p;
  return { id: -1, doc: p.doc, orig: p.orig, label: `${p.label} (${letter})`, text: p.text, toks, joined: ` ${toks.map((t) => t.w).join(' ')} ` };
}

/** `5 (a)`: the label of the sub-paragraph of `p` that holds the pieces, or the paragraph's own. */
function subLabelHolding(p: Para, pieces: Token[][]): string {
  for (let c = 97; c <= 122; c++) {
    const sub = subParagraphOf(p, `${p.label} (${String.fromCharCode(c)})`);
    if (sub === p) break;
    if (containsInOrder(joinedOf(sub), pieces)) return `${p.label} (${String.fromCharCode(c)})`;
  }
  return p.label;
}

function mergeParas(ps: Para[]): Para {
  if (ps.length === 1) return ps[0]!;
  let text = '';
  const toks: Token[] = [];
  for (const p of ps) {
    const off = text ? text.length + 1 : 0;
    text = text ? `${text} ${p.text}` : p.text;
    for (const t of p.toks) toks.push({ w: t.w, start: t.start + off, end: t.end + off });
  }
  return { id: -1, doc: ps[0]!.doc, orig: ps[0]!.orig, label: ps.map((p) => p.label).join('–'), text, toks, joined: ` ${toks.map((t) => t.w).join(' ')} ` };
}

/** " w1 w2 … ": the folded words for phrase search, made when first needed (most paragraphs never are). */
function joinedOf(p: Para): string {
  return (p.joined ??= ` ${p.toks.map((t) => t.w).join(' ')} `);
}

function containsInOrder(joined: string, pieces: Token[][]): boolean {
  let at = 0;
  for (const piece of pieces) {
    const i = joined.indexOf(` ${piece.map((t) => t.w).join(' ')} `, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

/** The few paragraphs sharing most word pairs (else words) with the quote. */
function shortlist(scope: Para[], q: Token[]): Para[] {
  if (scope.length <= 3) return scope;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < q.length; i++) pairs.add(`${q[i]!.w} ${q[i + 1]!.w}`);
  const singles = new Set(q.map((t) => t.w));
  const scored = scope.map((p) => {
    const seen = new Set<string>();
    let one = 0;
    for (let j = 0; j < p.toks.length; j++) {
      if (singles.has(p.toks[j]!.w)) one++;
      if (j + 1 < p.toks.length) {
        const pr = `${p.toks[j]!.w} ${p.toks[j + 1]!.w}`;
        if (pairs.has(pr)) seen.add(pr);
      }
    }
    return { p, s: seen.size * 1000 + Math.min(one, 999) };
  });
  return scored.filter((x) => x.s > 0).sort((a, b) => b.s - a.s).slice(0, 3).map((x) => x.p);
}

/** The title from the document's own heading ("73/27. Developments in …"), for running-header removal. */
function learnTitle(doc: AgreedDocument): string | undefined {
  for (const p of (doc.paragraphs ?? []).slice(0, 12)) {
    const m = /(?:^|\n)[ \t]*\d{1,3}\/\d{1,4}\.[ \t]+([^\n]+(?:\n(?![ \t]*\n)[^\n]+){0,3})/.exec(String(p?.text ?? ''));
    if (m) return m[1]!.replace(/\s+/g, ' ').trim().slice(0, 400);
  }
  return undefined;
}
