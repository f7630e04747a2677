// All diagnostics of a document, built without materialising the rest of
// the analysis: what a block says about itself is cached per block (lines
// relative to the block), so after an edit only the edited block's
// diagnostics are made again; what needs the whole document (spans,
// numbering, ad ref with spanning brackets) is a pass over block summaries.
import type { BlockResult, LocalDiagnostic } from './blockAnalysis';
import type { Attribution } from './attribution';
import type { BlockNode, DraftDocument } from './document';
import { lineOfOffset, lineStarts } from './lines';
import type { Diagnostic, Position, Range } from './model';
import type { ReferenceChecker } from './referenceChecker';

const startsCache = new WeakMap<BlockResult, number[]>();

function startsOf(r: BlockResult): number[] {
  let s = startsCache.get(r);
  if (!s) startsCache.set(r, (s = lineStarts(r.text)));
  return s;
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
  diagnostics: Relative[];
}
const ownCache = new WeakMap<BlockResult, Own>();

function ownDiagnostics(r: BlockResult, checker: ReferenceChecker | undefined, isTitle: boolean): Relative[] {
  const version = checker?.version ?? 0;
  const hit = ownCache.get(r);
  if (hit && hit.checker === checker && hit.version === version && hit.isTitle === isTitle) return hit.diagnostics;
  const out = r.diagnostics.map((d) => relative(r, d));
  if (checker && !isTitle && (r.kind === 'paragraph' || r.kind === 'text' || r.kind === 'footnote')) {
    const cited = new Set(r.references.map((x) => x.symbol));
    for (const d of checker.checkBlock(r, cited)) out.push(relative(r, d));
  }
  ownCache.set(r, { checker, version, isTitle, diagnostics: out });
  return out;
}

/** A block's own diagnostics at its current place, kept on the node until it moves or changes. */
const placedCache = new WeakMap<BlockNode, { own: Relative[]; line: number; list: Diagnostic[] }>();

function placed(node: BlockNode, checker: ReferenceChecker | undefined, isTitle: boolean): Diagnostic[] {
  const own = ownDiagnostics(node.result, checker, isTitle);
  const hit = placedCache.get(node);
  if (hit && hit.own === own && hit.line === node.startLine) return hit.list;
  const list = own.length ? own.map((d) => shifted(d, node.startLine)) : own;
  placedCache.set(node, { own, line: node.startLine, list });
  return list;
}

function unknownProposers(node: BlockNode, attr: Attribution, suggest: (w: string) => string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of attr.names) {
    if (n.canonical) continue;
    const suggestions = suggest(n.written);
    out.push({
      code: 'unknown-proposer', severity: 'warning', range: range(node, n.start, n.end),
      message: `Unknown proposer "${n.written}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
      data: { written: n.written, suggestions },
    });
  }
  return out;
}

export function collectDiagnostics(doc: DraftDocument, options: DiagnosticOptions = {}): Diagnostic[] {
  const nodes = doc.nodes;
  const facts = doc.facts;
  const { spans } = facts;
  const suggest = options.suggest ?? (() => []);
  const out: Diagnostic[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const r = node.result;
    if (r.kind === 'blank' || r.kind === 'frontmatter' || r.kind === 'linkdef') continue;
    const isTitle = facts.isTitle[k];
    for (const d of placed(node, options.checker, isTitle)) out.push(d);
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
          out.push(...unknownProposers(node, stray.attribution, suggest));
        }
      }
    }
  }
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
