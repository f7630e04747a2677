// All diagnostics of a document, built without materialising the rest of
// the analysis: what a block says about itself is cached per block (lines
// relative to the block), so after an edit only the edited block's
// diagnostics are made again; what needs the whole document (spans,
// numbering, ad ref with spanning brackets) is a pass over block summaries.
import { unknownProposers, type BlockResult, type LocalDiagnostic } from './blockAnalysis';
import type { BlockNode, DraftDocument } from './document';
import { lineOfOffset, lineStarts } from './lines';
import type { Diagnostic, Position, Range } from './model';
import type { ReferenceChecker } from './referenceChecker';
import { citedInTitle } from './references';
import { drain, type Steps } from './steps';

/** Where each line of a block starts, worked out once per block result. */
export function startsOf(r: BlockResult): number[] {
  const memo = (r.memo ??= {});
  return (memo.lineStarts ??= lineStarts(r.text));
}

export function pos(node: BlockNode, offset: number): Position {
  const starts = startsOf(node.result);
  const l = lineOfOffset(starts, offset);
  return { line: node.startLine + l, character: offset - starts[l] };
}

export function range(node: BlockNode, start: number, end: number): Range {
  return { start: pos(node, start), end: pos(node, end) };
}

export interface DiagnosticOptions {
  checker?: ReferenceChecker;
  suggest?: (written: string) => string[];
}

/** A diagnostic with lines counted from its block's first line. */
type Relative = Diagnostic;

function relative(r: BlockResult, d: LocalDiagnostic): Relative {
  const starts = startsOf(r);
  const at = (o: number) => {
    const l = lineOfOffset(starts, o);
    return { line: l, character: o - starts[l] };
  };
  const out: Relative = { code: d.code, severity: d.severity, message: d.message, range: { start: at(d.start), end: at(d.end) } };
  if (d.data) out.data = d.data;
  return out;
}

function shifted(d: Relative, lines: number): Diagnostic {
  return { ...d, range: { start: { line: d.range.start.line + lines, character: d.range.start.character }, end: { line: d.range.end.line + lines, character: d.range.end.character } } };
}

/** Per block result: its own diagnostics, relative, for the checker state they were made with. */
interface Own {
  checker: ReferenceChecker | undefined;
  version: number;
  isTitle: boolean;
  /** The document's own symbol and date (Self.key). */
  own: string;
  /** The documents its footnotes cite, joined: a key, so that new facts with the same citations keep the list. */
  cites: string;
  diagnostics: Relative[];
}
const NONE: Relative[] = [];

function ownDiagnostics(r: BlockResult, checker: ReferenceChecker | undefined, isTitle: boolean, self: Self, footnotes: Cited): Relative[] {
  const own = self.key;
  const cites = footnotes.key;
  const version = checker?.version ?? 0;
  const memo = (r.memo ??= {});
  const hit = memo.own as Own | undefined;
  if (hit && hit.checker === checker && hit.version === version && hit.isTitle === isTitle && hit.own === own && hit.cites === cites) return hit.diagnostics;
  let out = r.diagnostics.length ? r.diagnostics.map((d) => relative(r, d)) : NONE;
  if (checker && (r.kind === 'paragraph' || r.kind === 'text' || r.kind === 'footnote' || r.kind === 'heading')) {
    // A title's citations are checked too (a draft decision's title cites decisions), not the draft's own symbol.
    const block = isTitle ? (memo.title ??= { ...r, references: r.references.filter(citedInTitle) }) : r;
    // The documents its footnotes cite are cited too (`…Agreement[^1].` ⏎ `[^1]: See resolution 78/272.`);
    // the document's own symbol is left out of the reuse check: an agreed text does not reuse itself.
    const cited = footnotes.symbols.length || block.references.length ? citedSymbols(block.references, footnotes.symbols) : EMPTY_SET;
    const checked = checker.checkBlock(block, cited, self.symbol, self.date);
    if (checked.length) out = [...out, ...checked.map((d) => relative(r, d))];
  }
  memo.own = { checker, version, isTitle, own, cites, diagnostics: out } satisfies Own;
  return out;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** The symbols a block's references cite, then its footnotes', in order and once each. */
function citedSymbols(references: readonly { symbol: string }[], footnoteSymbols: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < references.length; i++) out.add(references[i].symbol);
  for (let i = 0; i < footnoteSymbols.length; i++) out.add(footnoteSymbols[i]);
  return out;
}

/** A block's own diagnostics at its current place, kept on the node until it moves or changes. */
function placed(node: BlockNode, checker: ReferenceChecker | undefined, isTitle: boolean, self: Self, footnoteCites: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const own = self.key;
  const version = checker?.version ?? 0;
  const hit = node.placed;
  const footnotes = footnotesCited(node.result, footnoteCites);
  const cites = footnotes.key;
  if (hit && hit.result === node.result && hit.line === node.startLine && hit.checker === checker && hit.version === version && hit.isTitle === isTitle && hit.own === own && hit.cites === cites) return hit.list;
  const mine = ownDiagnostics(node.result, checker, isTitle, self, footnotes);
  const list = mine.length ? mine.map((d) => shifted(d, node.startLine)) : mine;
  node.placed = { result: node.result, line: node.startLine, checker, version, isTitle, own, cites, list };
  return list;
}

/** The documents cited by the footnotes a block marks, and their key for the caches. */
interface Cited {
  symbols: readonly string[];
  key: string;
}
const NO_CITES: Cited = { symbols: [], key: '' };

/** The documents cited by the footnotes a block marks (`[^1]`), in order: read once per block and set of facts. */
function footnotesCited(r: BlockResult, footnoteCites: ReadonlyMap<string, readonly string[]>): Cited {
  if (footnoteCites.size === 0 || r.kind === 'footnote') return NO_CITES;
  const memo = (r.memo ??= {});
  // The marks a block holds are read once per block; what they cite, once per set of facts.
  const marks = (memo.footnoteMarks ??= r.text.indexOf('[^') < 0 ? [] : [...new Set([...r.text.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!.toLowerCase()))]);
  if (marks.length === 0) return NO_CITES;
  const hit = memo.footnotes;
  if (hit && hit.facts === footnoteCites) return hit.cited;
  const out = new Set<string>();
  for (const label of marks) for (const s of footnoteCites.get(label) ?? []) out.add(s);
  const cited = out.size ? { symbols: [...out], key: [...out].join('\u0000') } : NO_CITES;
  memo.footnotes = { facts: footnoteCites, cited };
  return cited;
}


/**
 * Diagnostics are gathered per chunk of blocks, each chunk's list kept until
 * an edit touches it: a keystroke then walks a few hundred chunks, not every
 * block of a 10 MB draft (memory-bound at ~150 ns a block).
 */
const CHUNK = 64;

interface ChunkCache {
  revision: number;
  facts: unknown;
  checker: ReferenceChecker | undefined;
  version: number;
  own: string | undefined;
  chunks: (Diagnostic[] | null)[];
}

const chunkCaches = new WeakMap<DraftDocument, ChunkCache>();

/** Which chunks an edit journal leaves stale; null marks them all. */
function staleChunks(doc: DraftDocument, cache: ChunkCache | undefined, facts: unknown, checker: ReferenceChecker | undefined, own: string): Set<number> | null {
  if (!cache || cache.facts !== facts || cache.checker !== checker || cache.version !== (checker?.version ?? 0) || cache.own !== own) return null;
  const splices = doc.changesSince(cache.revision);
  if (!splices) return null;
  const stale = new Set<number>();
  for (const s of splices) {
    // Blocks renumbered or lines shifted: every chunk from there on.
    if (s.removed !== s.added || s.lineDelta !== 0) {
      const first = Math.floor(s.from / CHUNK);
      for (let c = first; c < cache.chunks.length; c++) stale.add(c);
      continue;
    }
    for (let c = Math.floor(s.from / CHUNK); c <= Math.floor((s.from + Math.max(1, s.added) - 1) / CHUNK); c++) stale.add(c);
  }
  return stale;
}

/** The diagnostics of blocks [from, to): their own, and those that need the document's facts. */
function chunkDiagnostics(doc: DraftDocument, from: number, to: number, options: DiagnosticOptions, suggest: (w: string) => string[], self: Self): Diagnostic[] {
  const nodes = doc.nodes;
  const facts = doc.facts;
  const { spans } = facts;
  const out: Diagnostic[] = [];
  for (let k = from; k < to; k++) {
    const node = nodes[k];
    const r = node.result;
    if (r.kind === 'blank' || r.kind === 'frontmatter' || r.kind === 'linkdef') continue;
    const isTitle = facts.isTitle[k];
    const list = placed(node, options.checker, isTitle, self, facts.footnoteCites);
    for (let i = 0; i < list.length; i++) out.push(list[i]);
    const spanned = spans.depthAtStart[k];
    if (r.adRef && !isTitle && (r.brackets.length > 0 || spanned > 0)) {
      const n = r.brackets.length;
      const label = r.label?.label ?? 'this paragraph';
      out.push({
        code: 'agreed-with-brackets', severity: 'error', range: range(node, r.adRef.start, r.adRef.end),
        message: `Paragraph ${label} is marked (agreed ad ref) but ${n > 0 ? `still has ${n} bracket${n === 1 ? '' : 's'}` : 'lies inside a bracket'}.`,
      });
    }
    if (r.strays.length) {
      const closers = spans.byCloser.get(k);
      for (let s = 0; s < r.strays.length; s++) {
        const stray = r.strays[s];
        if (closers?.get(s) === undefined) {
          out.push({ code: 'unbalanced-bracket', severity: 'error', range: range(node, stray.offset, stray.offset + 1), message: 'This ] closes no bracket.' });
        } else if (stray.attribution?.form === 'braces') {
          for (const d of unknownProposers(stray.attribution, suggest)) {
            out.push({ code: d.code, severity: d.severity, message: d.message, range: range(node, d.start, d.end), data: d.data });
          }
        }
      }
    }
  }
  return out;
}

/** What the document's front matter says of it (FORMAT.md §1, §8): its own symbol and its date; `key` for caches. */
interface Self {
  symbol?: string;
  /** ISO date: no language agreed after it is its reuse. */
  date?: string;
  key: string;
}

function selfOf(doc: DraftDocument): Self {
  const first = doc.nodes[0]?.result;
  const fm = first?.kind === 'frontmatter' ? first.frontMatter : undefined;
  const symbol = typeof fm?.symbol === 'string' && fm.symbol.trim() ? fm.symbol.trim() : undefined;
  const raw = fm?.date instanceof Date ? fm.date.toISOString().slice(0, 10) : typeof fm?.date === 'string' ? fm.date.trim() : undefined;
  const date = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
  return { symbol, date, key: `${symbol ?? ''}\u0000${date ?? ''}` };
}

export function collectDiagnostics(doc: DraftDocument, options: DiagnosticOptions = {}): Diagnostic[] {
  return drain(diagnosticsInSteps(doc, options));
}

/**
 * collectDiagnostics a few chunks of blocks at a time, yielding between them
 * (the first diagnostics of a large draft: the checks of its references are
 * most of that work). The document must not change until it is drained.
 */
export function* diagnosticsInSteps(doc: DraftDocument, options: DiagnosticOptions = {}, chunksPerStep = 8): Steps<Diagnostic[]> {
  const nodes = doc.nodes;
  const facts = doc.facts;
  const { spans } = facts;
  const suggest = options.suggest ?? (() => []);
  const old = chunkCaches.get(doc);
  const self = selfOf(doc);
  const own = self.key;
  const stale = staleChunks(doc, old, facts, options.checker, own);
  const count = Math.ceil(nodes.length / CHUNK);
  const chunks: (Diagnostic[] | null)[] = new Array(count);
  const out: Diagnostic[] = [];
  for (let c = 0; c < count; c++) {
    let list = stale && !stale.has(c) ? old!.chunks[c] : null;
    if (!list) list = chunkDiagnostics(doc, c * CHUNK, Math.min(nodes.length, (c + 1) * CHUNK), options, suggest, self);
    chunks[c] = list;
    for (let i = 0; i < list.length; i++) out.push(list[i]);
    if (c % chunksPerStep === chunksPerStep - 1 && c + 1 < count) yield;
  }
  chunkCaches.set(doc, { revision: doc.revision, facts, checker: options.checker, version: options.checker?.version ?? 0, own, chunks });
  for (const { block, bracket } of spans.unmatchedOpeners) {
    const node = nodes[block];
    const b = node.result.brackets[bracket];
    out.push({
      code: 'unbalanced-bracket', severity: 'error', range: range(node, b.open, b.open + 1),
      message: 'This [ is never closed; it is taken to close at the end of its paragraph.',
    });
  }
  for (const issue of facts.numbering) {
    const node = nodes[issue.block];
    const l = node.result.label;
    if (l) out.push({ code: issue.code, severity: 'warning', message: issue.message, range: range(node, l.start, l.end) });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
