// Analysis of one block on its own. Its result depends only on the block's
// kind and text (and the file's link definitions), never on where the block
// stands, so it is cached by text and reused after edits elsewhere. All
// offsets here are relative to the block's text.
import type { BlockKind } from './blocks';
import { scanBrackets, type Span } from './brackets';
import { parseBraces, parsePrefix, parseSuffix, proposersOf, type Attribution } from './attribution';
import { isPlaceholderText, startsWithOption } from './bracketKinds';
import { parseFrontMatter, type FrontMatterValue } from './frontMatter';
import { lineContent, isSpace, splitLinesKeepEnds } from './lines';
import { matchHeading, matchLabel, matchSubParagraph, matchDefinition, type HeadingMatch, type LabelMatch } from './lineKinds';
import { findReferences, type FoundReference, type MalformedSymbol } from './references';
import type { BracketKind, DiagnosticCode, ProposerAction, Severity } from './model';
import type { Registry } from './registry';

export interface BlockBracket {
  open: number;
  /** Offset of `]`, or -1 when it does not close in this block. */
  close: number;
  /** Just after `]` and its attribution braces; the content end for an unclosed bracket. */
  end: number;
  depth: number;
  parent: number;
  kind: BracketKind;
  proposers: string[];
  action: ProposerAction | null;
  attribution: Attribution | null;
  /** Editorial `{…}` right after `]` that is not an attribution. */
  note: Span | null;
  /** The bracket's own text, attribution left out, trimmed. */
  textStart: number;
  textEnd: number;
  /** Alternative group, numbered within the block; -1 for none. */
  group: number;
  /** Unclosed and opening before the label or at the very start of the text: may span paragraphs. */
  spans: boolean;
}

export interface StrayCloser {
  offset: number;
  attribution: Attribution | null;
  note: Span | null;
}

export interface LocalDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
}

export interface SubParagraph {
  /** `(a)`, `(a) (ii)`: the path below the paragraph's label. */
  path: string;
  offset: number;
}

export interface BlockResult {
  kind: BlockKind;
  text: string;
  label: LabelMatch | null;
  heading: HeadingMatch | null;
  /** Folded label of a link definition. */
  linkLabel: string | null;
  frontMatter: Record<string, FrontMatterValue> | null;
  /** Where the block's own text starts (after a label) and where its last non-blank character ends. */
  textStart: number;
  contentEnd: number;
  brackets: BlockBracket[];
  strays: StrayCloser[];
  references: FoundReference[];
  malformed: MalformedSymbol[];
  adRef: Span | null;
  /** Lines starting `Option 1:` … */
  /** Offsets of the lines that open with an option marker (`Option 1:`). */
  options: readonly number[];
  subParagraphs: SubParagraph[];
  diagnostics: LocalDiagnostic[];
  /**
   * What later stages derive from this block and keep with it (line starts,
   * checked diagnostics): a property rather than a WeakMap, which costs more
   * than the analysis of a short paragraph.
   */
  memo?: { lineStarts?: number[]; own?: unknown; title?: BlockResult; footnoteMarks?: readonly string[]; footnotes?: { facts: unknown; cited: { symbols: readonly string[]; key: string } } };
}

export interface BlockContext {
  registry: Registry;
  /** Folded labels of the file's link definitions. */
  linkLabels: ReadonlySet<string>;
  /** False: do not look for references (a comparison of revisions has no use for them). */
  references?: boolean;
}

// `(agreed ad ref)`, in emphasis outside or inside the parentheses: `*(…)*`, `(*agreed ad ref*)`.
const AD_REF_RE = /[*_]*\(\s*[*_]*\s*agreed\s+ad\s+ref(?:erendum)?\.?\s*[*_]*\s*\)[*_]*[.;]?$/i;

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++;
  return i;
}

function trimRange(text: string, start: number, end: number): Span {
  start = skipSpace(text, start, end);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function contentEndOf(text: string): number {
  let e = text.length;
  for (let c = text.charCodeAt(e - 1); e > 0 && (isSpace(c) || c === 10 || c === 13); c = text.charCodeAt(--e - 1));
  return e;
}

const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)$/;

/** `(a)` … `(i)` … `(ii)`: a roman numeral nests under the letter before it unless it is that letter's successor. */
function subParagraphs(text: string, firstLineEnd: number): SubParagraph[] {
  const out: SubParagraph[] = [];
  let letter: string | null = null;
  let offset = firstLineEnd;
  const lines = splitLinesKeepEnds(text.slice(firstLineEnd));
  for (const raw of lines) {
    const m = matchSubParagraph(lineContent(raw));
    if (m) {
      const marker = m.marker;
      const successor: string | null = letter !== null && letter.length === 1 ? String.fromCharCode(letter.charCodeAt(0) + 1) : null;
      if (letter !== null && ROMAN.test(marker) && marker !== successor) {
        out.push({ path: `(${letter}) (${marker})`, offset: offset + m.start });
      } else {
        letter = marker;
        out.push({ path: `(${marker})`, offset: offset + m.start });
      }
    }
    offset += raw.length;
  }
  return out;
}

/** `label`: a paragraph's label, when the line scanner has read it already (matchLabel of its first line). */
export function analyzeBlock(kind: BlockKind, text: string, ctx: BlockContext, label?: LabelMatch): BlockResult {
  const nl = firstLineEnd(text);
  const firstLineRaw = nl === text.length ? text : text.slice(0, nl);
  const contentEnd = contentEndOf(text);
  const result: BlockResult = {
    kind, text, label: null, heading: null, linkLabel: null, frontMatter: null,
    textStart: 0, contentEnd, brackets: EMPTY, strays: EMPTY, references: EMPTY, malformed: EMPTY,
    adRef: null, options: EMPTY, subParagraphs: EMPTY, diagnostics: EMPTY,
    // Made here, if empty, so that every result has one shape: later stages read these fields on every block.
    memo: undefined,
  };
  switch (kind) {
    case 'frontmatter':
      result.frontMatter = parseFrontMatter(text);
      return result;
    case 'blank':
      return result;
    case 'linkdef':
      result.linkLabel = matchDefinition(firstLineRaw)?.label ?? null;
      return result;
    case 'heading':
      result.heading = matchHeading(firstLineRaw);
      result.textStart = result.heading?.titleStart ?? 0;
      break;
    case 'footnote':
      result.textStart = skipSpace(text, text.indexOf(']:') + 2, contentEnd);
      break;
    case 'paragraph': {
      result.label = label ?? matchLabel(firstLineRaw);
      const ts = result.label ? result.label.textStart : 0;
      result.textStart = skipSpace(text, ts, contentEnd);
      break;
    }
    default:
      result.textStart = skipSpace(text, 0, contentEnd);
  }
  analyzeBrackets(result, ctx);
  // Every reference has a slash (A/76/135, 75/240, 1/CP.21) but Security
  // Council resolutions (`resolution 2341 (2017)`): skip the finder elsewhere.
  const maybeRef = text.indexOf('/', result.textStart) >= 0 || text.indexOf('esolution', result.textStart) >= 0;
  // Headings too: only front matter is not searched (FORMAT.md §1), and a heading cites (`II. Follow-up to resolution 75/240`).
  if ((kind === 'paragraph' || kind === 'text' || kind === 'footnote' || kind === 'heading') && maybeRef && ctx.references !== false) {
    const refs = findReferences(text.slice(result.textStart, contentEnd));
    // The finder's objects are fresh and this block's alone: shifted in place, not copied.
    const base = result.textStart;
    for (const r of refs.references) shiftReference(r, base);
    for (const m of refs.malformed) {
      m.start += base;
      m.end += base;
      report(result, [{ code: 'malformed-symbol', severity: 'warning', start: m.start, end: m.end, message: m.message }]);
    }
    result.references = refs.references;
    result.malformed = refs.malformed;
  }
  if (kind === 'paragraph' || kind === 'text') {
    const tail = text.slice(Math.max(result.textStart, contentEnd - 80), contentEnd);
    const m = AD_REF_RE.exec(tail);
    if (m) result.adRef = { start: contentEnd - tail.length + m.index, end: contentEnd };
    result.options = optionStarts(text, result.textStart);
    const firstLineEnd = firstLineRaw.length < text.length ? firstLineRaw.length + (text.startsWith('\r\n', firstLineRaw.length) ? 2 : 1) : text.length;
    if (mayHaveSubParagraphs(text)) result.subParagraphs = subParagraphs(text, firstLineEnd);
  }
  return result;
}

/** A reference's offsets, found in the text from `base` on, made the block's. */
function shiftReference(r: FoundReference, base: number): void {
  r.start += base;
  r.end += base;
  if (r.quoteStart !== undefined) {
    r.quoteStart += base;
    r.quoteEnd = (r.quoteEnd ?? 0) + base;
  }
  if (r.moreQuotes) for (const q of r.moreQuotes) {
    q.start += base;
    q.end += base;
  }
  if (r.pinpointStart !== undefined) {
    r.pinpointStart += base;
    r.pinpointEnd = (r.pinpointEnd ?? 0) + base;
  }
}

/** A line after the first that starts with `(` (or `[(`): only then can a block hold sub-paragraphs. */
function mayHaveSubParagraphs(text: string): boolean {
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 91)) i++;
    if (text.charCodeAt(i) === 40) return true;
  }
  // CR-only line ends: fall back to the regex.
  return text.indexOf('\r') >= 0 && /\r[ \t\u00a0[]*\(/.test(text);
}

/** Offset of the first line terminator, or the text's length. */
function firstLineEnd(text: string): number {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return r;
  return n >= 0 ? n : text.length;
}

/** Where each line that opens with `Option 1:` / `ALT 2:` … starts (its marker, emphasis included): the lines of an alternative group (FORMAT.md §5). */
function optionStarts(text: string, from: number): readonly number[] {
  let out: number[] | null = null;
  // Lines end at LF, CRLF or a lone CR (FORMAT.md §1: all legal).
  const hasCr = text.indexOf('\r', from) >= 0;
  for (let lineStart = from; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (hasCr) {
      const cr = text.indexOf('\r', lineStart);
      if (cr >= 0 && cr < lineEnd) lineEnd = text.charCodeAt(cr + 1) === 10 ? cr + 1 : cr;
    }
    // Only lines that start (after white space or emphasis) with O, A or * can open an option.
    let i = lineStart;
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if ((c === 79 || c === 111 || c === 65 || c === 97 || c === 42 || c === 95) && startsWithOption(text.slice(i, Math.min(lineEnd, i + 40)))) (out ??= []).push(i);
    lineStart = lineEnd + 1;
  }
  return out ?? EMPTY;
}

/**
 * The list of every block that has none of a kind (most blocks have no bracket, stray, reference or
 * diagnostic): shared, not one more array per field and block. Frozen, so that an item meant for one
 * block cannot reach them all; a block's own list is made with its first item (see report).
 */
const EMPTY = Object.freeze([]) as never[];

/** Adds diagnostics to the block's. */
function report(result: BlockResult, found: LocalDiagnostic[]): void {
  if (found.length === 0) return;
  if (result.diagnostics === EMPTY) result.diagnostics = [];
  for (const d of found) result.diagnostics.push(d);
}

function analyzeBrackets(result: BlockResult, ctx: BlockContext): void {
  const { text, contentEnd, textStart } = result;
  const scan = scanBrackets(text, result.kind === 'heading' ? textStart : 0, ctx.linkLabels);
  if (scan.brackets.length === 0 && scan.strays.length === 0) return;
  const list: BlockBracket[] = [];
  const children: number[][] = [];
  const top: number[] = [];
  for (const b of scan.brackets) {
    const idx = list.length;
    const innerEnd = b.close >= 0 ? b.close : contentEnd;
    list.push({
      open: b.open, close: b.close, end: b.close >= 0 ? b.close + 1 : Math.max(contentEnd, b.open + 1), depth: b.depth, parent: b.parent,
      kind: 'text', proposers: [], action: null, attribution: null, note: null,
      textStart: b.open + 1, textEnd: innerEnd, group: -1, spans: false,
    });
    children.push([]);
    if (b.parent >= 0) children[b.parent].push(idx);
    else top.push(idx);
    if (b.braces) {
      const attr = parseBraces(text, b.braces, ctx.registry);
      if (attr) list[idx].attribution = attr;
      else list[idx].note = b.braces;
    }
  }
  // Own text, and the dash and colon forms, which live in the text outside child brackets.
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    const kids = children[i];
    const innerStart = b.open + 1;
    const innerEnd = b.textEnd;
    const headEnd = kids.length ? list[kids[0]].open : innerEnd;
    const tailStart = kids.length ? list[kids[kids.length - 1]].end : innerStart;
    let start = innerStart;
    let end = innerEnd;
    if (!b.attribution) {
      const suffix = b.close >= 0 ? parseSuffix(text, Math.max(tailStart, innerStart), innerEnd, ctx.registry) : null;
      const prefix = suffix ? null : parsePrefix(text, innerStart, headEnd, ctx.registry);
      b.attribution = suffix ?? prefix;
      if (suffix) end = suffix.span.start;
      if (prefix) start = prefix.span.end;
    }
    if (b.attribution?.form === 'braces') b.end = b.attribution.span.end;
    const t = trimRange(text, start, end);
    b.textStart = t.start;
    b.textEnd = t.end;
    if (b.attribution) {
      b.proposers = proposersOf(b.attribution.names);
      b.action = b.attribution.action;
      if (b.attribution.form === 'braces') report(result, unknownProposers(b.attribution, (w) => ctx.registry.suggest(w, 3)));
    }
  }
  groupAlternatives(text, list, children, top);
  for (const b of list) {
    const own = text.slice(b.textStart, b.textEnd);
    if (b.action === 'delete') b.kind = 'deletion';
    else if (b.group >= 0) b.kind = 'alternative';
    else if (isPlaceholderText(own)) b.kind = 'placeholder';
  }
  // Unclosed brackets: one at the very start of a paragraph may span paragraphs (resolved by
  // the document); any other is an error, taken to close at the paragraph's end. Headings and
  // footnotes are no paragraphs (FORMAT.md §2, §3): their brackets close where they stand.
  const mayOpenSpan = result.kind === 'paragraph' || result.kind === 'text';
  for (const b of list) {
    if (b.close >= 0) continue;
    if (mayOpenSpan && b.parent < 0 && opensAtStart(text, b.open, result)) {
      b.spans = true;
      continue;
    }
    report(result, [{
      code: 'unbalanced-bracket', severity: 'error', start: b.open, end: b.open + 1,
      message: 'This [ is never closed; it is taken to close at the end of its paragraph.',
    }]);
  }
  result.brackets = list;
  let lastTopEnd = textStart;
  let t = 0;
  if (scan.strays.length) result.strays = [];
  for (const s of scan.strays) {
    while (t < top.length && list[top[t]].open < s.offset) {
      if (list[top[t]].close >= 0) lastTopEnd = Math.max(lastTopEnd, list[top[t]].end);
      t++;
    }
    let attribution = s.braces ? parseBraces(text, s.braces, ctx.registry) : null;
    const note = s.braces && !attribution ? s.braces : null;
    if (!attribution) attribution = parseSuffix(text, Math.min(lastTopEnd, s.offset), s.offset, ctx.registry);
    result.strays.push({ offset: s.offset, attribution, note });
  }
}

/** `unknown-proposer` for each name in `{…}` the registry lacks, with the nearest names (the dash and colon forms have none: they need every name known). */
export function unknownProposers(attr: Attribution, suggest: (written: string) => string[]): LocalDiagnostic[] {
  const out: LocalDiagnostic[] = [];
  for (const n of attr.names) {
    if (n.canonical) continue;
    const suggestions = suggest(n.written);
    out.push({
      code: 'unknown-proposer', severity: 'warning', start: n.start, end: n.end,
      message: `Unknown proposer "${n.written}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
      data: { written: n.written, suggestions },
    });
  }
  return out;
}

/** Only `[` and white space (and the label) stand between the line start and `open`. */
function opensAtStart(text: string, open: number, result: BlockResult): boolean {
  if (open < result.textStart) return true;
  for (let i = result.textStart; i < open; i++) {
    const c = text.charCodeAt(i);
    if (c !== 91 && !isSpace(c) && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * Back-to-back siblings (`[shall][should]`, `[x]{EU}[y]{Brazil}`) form one
 * group; so do consecutive siblings that begin `ALT 1:` / `Option A:`.
 */
function groupAlternatives(text: string, list: BlockBracket[], children: number[][], top: number[]): void {
  let next = 0;
  const byOpen = new Map<number, number>();
  for (let i = 0; i < list.length; i++) byOpen.set(list[i].open, i);
  const visit = (siblings: number[]) => {
    for (let k = 0; k + 1 < siblings.length; k++) {
      const a = list[siblings[k]];
      if (a.close < 0) continue;
      // Nothing between them but an attribution (FORMAT.md §5): an editorial note in braces parts them.
      const after = a.attribution?.form === 'braces' ? a.attribution.span.end : a.close + 1;
      const bi = byOpen.get(after);
      if (bi === siblings[k + 1]) {
        if (a.group < 0) a.group = next++;
        list[bi].group = a.group;
      }
    }
    let run: number[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const g = run.map((i) => list[i].group).find((x) => x >= 0) ?? next++;
        for (const i of run) list[i].group = g;
      }
      run = [];
    };
    for (const i of siblings) {
      if (startsWithOption(text.slice(list[i].textStart, Math.min(list[i].textEnd, list[i].textStart + 40)))) run.push(i);
      else flush();
    }
    flush();
  };
  visit(top);
  for (const kids of children) if (kids.length > 1) visit(kids);
}
