// A draft held as blocks, each with its cached analysis, plus the few facts
// that need the whole document (brackets spanning paragraphs, numbering,
// which text is the title). An edit re-scans only the blocks it touches;
// the document-wide passes rerun only when a block's outline changed.
import { frontMatterLine, frontMatterUndecided, opensFrontMatter, scanBlocks, type BlockKind, type RawBlock } from './blocks';
import { analyzeBlock, type BlockResult } from './blockAnalysis';
import { lineContent, splitLinesKeepEnds, lineStarts } from './lines';
import { defaultRegistry, type Registry } from './registry';
import type { Diagnostic, Position, Range } from './model';
import { resolveSpans, type SpanResolution } from './spans';
import { checkNumbering, type NumberingIssue } from './numbering';
import { startsOf } from './diagnostics';
import type { Steps } from './steps';

export interface TextChange {
  /** Absent: the whole text is replaced. */
  range?: Range;
  text: string;
}

export interface DocumentOptions {
  registry?: Registry;
  /** False: blocks are analysed without looking for references (see BlockContext). */
  references?: boolean;
}

export interface BlockNode {
  kind: BlockKind;
  text: string;
  lineCount: number;
  startLine: number;
  result: BlockResult;
  /** The block's own diagnostics at its current place, kept by diagnostics.ts (a property, not a map: it is read on every keystroke). */
  placed?: PlacedDiagnostics;
}

/** Blocks [from, from + removed) replaced by `added` new ones, lines after them shifted by `lineDelta`. */
export interface Splice {
  revision: number;
  from: number;
  removed: number;
  added: number;
  lineDelta: number;
}

export interface PlacedDiagnostics {
  result: BlockResult;
  line: number;
  checker: unknown;
  version: number;
  isTitle: boolean;
  /** The document's own symbol, which its reuse checks leave out. */
  own: string | undefined;
  /** The documents its footnotes cite, joined. */
  cites: string;
  list: Diagnostic[];
}

export interface DocumentFacts {
  spans: SpanResolution;
  numbering: NumberingIssue[];
  /** Unlabelled text at the top of the file, before the first heading or label: the draft's title, not a paragraph. */
  isTitle: boolean[];
  linkLabels: ReadonlySet<string>;
  /** Each footnote's label → the documents it cites: a paragraph marking it cites them too (the reuse check). */
  footnoteCites: ReadonlyMap<string, readonly string[]>;
}

/** What in a block can change the document-wide passes. */
function outlineSignature(r: BlockResult): string {
  let spans = 0;
  for (const b of r.brackets) if (b.spans) spans++;
  // A footnote's citations count for the paragraphs marking it: a change to them is a change of the facts.
  const cites = r.kind === 'footnote' ? `|${footnoteLabel(r.text)}|${r.references.map((x) => x.symbol).join(',')}` : '';
  return `${r.kind}|${r.label?.label ?? ''}|${r.label?.start ?? ''}|${r.heading?.title ?? ''}|${r.linkLabel ?? ''}|${spans}|${r.strays.length}${cites}`;
}

/** The label of a footnote definition (`[^3]: …` → `3`). */
function footnoteLabel(text: string): string {
  return /^[ \t]*\[\^([^\]\s]+)\]:/.exec(text)?.[1] ?? '';
}

export class DraftDocument {
  private blocks: BlockNode[] = [];
  private readonly registry: Registry;
  private readonly references: boolean;
  private linkLabels: ReadonlySet<string> = new Set();
  private factsCache: DocumentFacts | null = null;
  /** Work done by the last update, for tests and the benchmark. */
  readonly stats = { blocksAnalysed: 0, documentPasses: 0 };

  constructor(text: string, options: DocumentOptions = {}) {
    this.registry = options.registry ?? defaultRegistry;
    this.references = options.references !== false;
    this.reset(text);
  }

  /**
   * The same document, built a slice of blocks at a time: the generator yields
   * after each `slice` blocks analysed and returns the document. A server
   * opening a 10 MB draft steps it between other requests instead of being
   * deaf for the seconds it takes; `new DraftDocument(text)` is this, drained.
   */
  static *inSteps(text: string, options: DocumentOptions = {}, slice = 500): Steps<DraftDocument> {
    const doc = new DraftDocument('', options);
    doc.stats.blocksAnalysed = 0;
    doc.record(null);
    const raw = scanBlocks(text, splitLinesKeepEnds(text), undefined, true);
    yield;
    const blocks: BlockNode[] = [];
    for (let k = 0; k < raw.length; k += slice) {
      for (const node of doc.nodesFrom(raw.slice(k, k + slice), 0)) blocks.push(node);
      if (k + slice < raw.length) yield;
    }
    doc.blocks = blocks;
    doc.refreshLinkLabels();
    doc.factsCache = null;
    return doc;
  }

  get text(): string {
    return this.blocks.map((b) => b.text).join('');
  }

  /** The text of one line, without its terminator ('' past the end). From the block's line starts, made once: edits ask line by line. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const node = this.blocks[this.blockAt(line)];
    const starts = startsOf(node.result);
    const k = line - node.startLine;
    if (k >= starts.length) return '';
    return lineContent(node.text.slice(starts[k], starts[k + 1] ?? node.text.length));
  }

  /** The text in `range`, read from the blocks it spans only. */
  getText(range: Range): string {
    const from = this.blockAt(Math.max(0, range.start.line));
    const to = this.blockAt(Math.max(0, range.end.line));
    let region = '';
    for (let k = from; k <= to; k++) region += this.blocks[k].text;
    const starts = lineStarts(region);
    const a = this.offsetIn(from, range.start, region, starts);
    const b = this.offsetIn(from, range.end, region, starts);
    return region.slice(a, Math.max(a, b));
  }

  get lineCount(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last ? last.startLine + last.lineCount : 1;
  }

  /** The blocks in order; read-only view for the materialiser and the server. */
  get nodes(): readonly BlockNode[] {
    return this.blocks;
  }

  get facts(): DocumentFacts {
    if (!this.factsCache) this.factsCache = this.computeFacts();
    return this.factsCache;
  }

  update(changes: readonly TextChange[]): void {
    this.stats.blocksAnalysed = 0;
    this.stats.documentPasses = 0;
    for (const ch of changes) {
      if (!ch.range) this.reset(ch.text);
      else this.applyRange(ch.range, ch.text);
    }
  }

  /** Counts every change to the blocks; `changesSince` tells a consumer what moved. */
  revision = 0;
  private journal: Splice[] = [];

  /** The splices since `revision`, oldest first; null when they are not all known (rebuild). */
  changesSince(revision: number): readonly Splice[] | null {
    if (revision === this.revision) return [];
    const first = this.journal.findIndex((s) => s.revision === revision + 1);
    return first < 0 || this.journal.length - first !== this.revision - revision ? null : this.journal.slice(first);
  }

  private record(s: Omit<Splice, 'revision'> | null): void {
    this.revision++;
    // A reset forgets the journal: consumers see null and start again.
    if (!s) this.journal = [];
    else {
      this.journal.push({ ...s, revision: this.revision });
      if (this.journal.length > 64) this.journal.shift();
    }
  }

  private reset(text: string): void {
    this.record(null);
    const lines = splitLinesKeepEnds(text);
    this.blocks = this.nodesFrom(scanBlocks(text, lines, undefined, true), 0);
    this.refreshLinkLabels();
    this.factsCache = null;
  }

  /** Nodes for freshly scanned blocks; `reuse` holds the replaced blocks' analyses by text. */
  private nodesFrom(raw: readonly RawBlock[], firstLine: number, reuse?: Map<string, BlockResult>): BlockNode[] {
    const out: BlockNode[] = new Array(raw.length);
    const ctx = { registry: this.registry, linkLabels: this.linkLabels, references: this.references };
    for (let k = 0; k < raw.length; k++) {
      const b = raw[k];
      let result = reuse?.get(b.text);
      if (!result || result.kind !== b.kind) {
        result = analyzeBlock(b.kind, b.text, ctx, b.label);
        this.stats.blocksAnalysed++;
      }
      // (`placed` made here, empty, so that every node has one shape.)
      out[k] = { kind: b.kind, text: b.text, lineCount: b.lineCount, startLine: firstLine + b.line, result, placed: undefined };
    }
    return out;
  }

  /** Index of the block holding `line` (the last block for lines past the end). */
  blockAt(line: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].startLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of `pos` in the text of blocks[from..] joined, clamped to the line as LSP clients expect. */
  private offsetIn(from: number, pos: Position, regionText: string, starts: number[]): number {
    const rel = Math.max(0, pos.line - this.blocks[from].startLine);
    if (rel >= starts.length) return regionText.length;
    const lineStart = starts[rel];
    const lineEnd = rel + 1 < starts.length ? starts[rel + 1] : regionText.length;
    const content = lineContent(regionText.slice(lineStart, lineEnd));
    return lineStart + Math.min(Math.max(0, pos.character), content.length);
  }

  private applyRange(range: Range, newText: string): void {
    let { start, end } = range;
    if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
    const i = this.blockAt(Math.max(0, start.line));
    const j = this.blockAt(Math.max(0, end.line));
    const from = this.unclosedFrontMatterBefore(i - 1) ? 0 : Math.max(0, i - 1);
    let region = '';
    for (let k = from; k <= j; k++) region += this.blocks[k].text;
    const starts = lineStarts(region);
    const so = this.offsetIn(from, start, region, starts);
    const eo = Math.max(so, this.offsetIn(from, end, region, starts));
    const edited = region.slice(0, so) + newText + region.slice(eo);
    const firstLine = this.blocks[from].startLine;
    const prevLine = from > 0 ? lastLine(this.blocks[from - 1].text) : undefined;
    this.rescan(from, j + 1, edited, firstLine, prevLine);
  }

  /**
   * Whether a front matter fence opens the file, unclosed, and runs on to block `k`
   * (nothing but lines of YAML before it): an edit there may close it, or stop it
   * short, so the re-scan must start from the top. Reads only as far as the fence runs.
   */
  private unclosedFrontMatterBefore(k: number): boolean {
    if (k <= 0 || this.blocks[0].kind === 'frontmatter' || !opensFrontMatter(this.blocks[0].text)) return false;
    for (let b = 0; b < k; b++) {
      const lines = splitLinesKeepEnds(this.blocks[b].text);
      for (let j = b === 0 ? 1 : 0; j < lines.length; j++) if (frontMatterLine(lineContent(lines[j])) !== 'yaml') return false;
    }
    return true;
  }

  /**
   * Re-scan the edited blocks with the next old block as look-ahead, until the
   * scan meets an old block boundary unchanged: everything after it is stable.
   * When the edit changes how the next block reads (a label removed …), widen
   * the region, doubling each time so the work stays linear.
   */
  private rescan(from: number, to: number, edited: string, firstLine: number, prevLine: string | undefined): void {
    let step = 1;
    for (;;) {
      const sentinel = to < this.blocks.length ? this.blocks[to] : null;
      const scanText = sentinel ? edited + sentinel.text : edited;
      const lines = splitLinesKeepEnds(scanText);
      // A region that stops before the end of the file ends with a line break: drop the empty remainder.
      if (sentinel && to + 1 < this.blocks.length && lines[lines.length - 1] === '') lines.pop();
      const scanned = scanBlocks(scanText, lines, prevLine, from === 0);
      const last = scanned[scanned.length - 1];
      if (!sentinel) {
        this.splice(from, to, scanned, firstLine);
        return;
      }
      // A front matter still open at the end of the region is decided further on: read on.
      if (last && last.text === sentinel.text && last.kind === sentinel.kind && !(from === 0 && frontMatterUndecided(lines))) {
        this.splice(from, to, scanned.slice(0, -1), firstLine);
        return;
      }
      const widen = Math.min(this.blocks.length - to, step);
      for (let k = to; k < to + widen; k++) edited += this.blocks[k].text;
      to += widen;
      step *= 2;
    }
  }

  private splice(from: number, to: number, raw: readonly RawBlock[], firstLine: number): void {
    const old = this.blocks.slice(from, to);
    // The cache: analyses of the replaced blocks, by text. A block the edit did
    // not touch comes back with the same text and keeps its analysis.
    const reuse = new Map<string, BlockResult>();
    for (const b of old) reuse.set(b.text, b.result);
    const nodes = this.nodesFrom(raw, firstLine, reuse);
    let oldLines = 0;
    for (const b of old) oldLines += b.lineCount;
    let newLines = 0;
    for (const b of nodes) newLines += b.lineCount;
    this.blocks.splice(from, to - from, ...nodes);
    const delta = newLines - oldLines;
    if (delta !== 0) for (let k = from + nodes.length; k < this.blocks.length; k++) this.blocks[k].startLine += delta;
    this.record({ from, removed: to - from, added: nodes.length, lineDelta: delta });
    const outlineKept = old.length === nodes.length && old.every((b, k) => outlineSignature(b.result) === outlineSignature(nodes[k].result));
    if (!outlineKept) {
      if (old.some((b) => b.kind === 'linkdef') || nodes.some((b) => b.kind === 'linkdef')) this.refreshLinkLabels();
      this.factsCache = null;
    }
  }

  /** Link definitions change how `[label]` reads everywhere: re-analyse all blocks when their set changes. */
  private refreshLinkLabels(): void {
    const labels = new Set<string>();
    // (Indexed: this runs once per document, too few times for the loop to be optimised.)
    for (let k = 0; k < this.blocks.length; k++) {
      const label = this.blocks[k].result.linkLabel;
      if (label) labels.add(label);
    }
    const same = labels.size === this.linkLabels.size && [...labels].every((l) => this.linkLabels.has(l));
    if (same) return;
    this.record(null);
    this.linkLabels = labels;
    for (const b of this.blocks) {
      b.result = analyzeBlock(b.kind, b.text, { registry: this.registry, linkLabels: labels, references: this.references });
      this.stats.blocksAnalysed++;
    }
  }

  private computeFacts(): DocumentFacts {
    this.stats.documentPasses++;
    const results = this.blocks.map((b) => b.result);
    // Text before the first heading or label is the title; a file with neither is all paragraphs.
    const isTitle: boolean[] = new Array(results.length).fill(false);
    const first = results.findIndex((r) => r.kind === 'heading' || r.kind === 'paragraph');
    for (let k = 0; k < first; k++) if (results[k].kind === 'text') isTitle[k] = true;
    // A label's first definition is the footnote (CommonMark); labels match whatever their case.
    const footnoteCites = new Map<string, string[]>();
    const defined = new Set<string>();
    for (const r of results) {
      if (r.kind !== 'footnote') continue;
      const label = footnoteLabel(r.text).toLowerCase();
      if (!label || defined.has(label)) continue;
      defined.add(label);
      if (r.references.length) footnoteCites.set(label, [...new Set(r.references.map((x) => x.symbol))]);
    }
    return {
      spans: resolveSpans(results),
      numbering: checkNumbering(results),
      isTitle,
      linkLabels: this.linkLabels,
      footnoteCites,
    };
  }
}

function lastLine(text: string): string {
  const lines = splitLinesKeepEnds(text);
  let k = lines.length - 1;
  if (k > 0 && lines[k] === '') k--;
  return lineContent(lines[k]);
}
