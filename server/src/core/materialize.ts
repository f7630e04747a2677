// Turns a DraftDocument's blocks and document facts into the plain Analysis:
// absolute LSP positions, paragraph labels and statuses, spanning brackets
// joined up, diagnostics sorted. Linear in the size of the result.
import type { BlockResult, BlockBracket, LocalDiagnostic } from './blockAnalysis';
import type { DraftDocument, BlockNode } from './document';
import type { Analysis, BracketInfo, Diagnostic, ParagraphInfo, ParagraphStatus, Position, Range, ReferenceInfo, SectionInfo } from './model';
import { lineOfOffset, lineStarts } from './lines';
import type { ReferenceChecker } from './referenceChecker';
import type { Attribution } from './attribution';

const startsCache = new WeakMap<BlockResult, number[]>();

function startsOf(r: BlockResult): number[] {
  let s = startsCache.get(r);
  if (!s) startsCache.set(r, (s = lineStarts(r.text)));
  return s;
}

function pos(node: BlockNode, offset: number): Position {
  const starts = startsOf(node.result);
  const l = lineOfOffset(starts, offset);
  return { line: node.startLine + l, character: offset - starts[l] };
}

function range(node: BlockNode, start: number, end: number): Range {
  return { start: pos(node, start), end: pos(node, end) };
}

function unknownProposerDiagnostics(node: BlockNode, attr: Attribution, suggest: (w: string) => string[]): Diagnostic[] {
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

function localDiagnostic(node: BlockNode, d: LocalDiagnostic): Diagnostic {
  const out: Diagnostic = { code: d.code, severity: d.severity, message: d.message, range: range(node, d.start, d.end) };
  if (d.data) out.data = d.data;
  return out;
}

export interface MaterializeOptions {
  checker?: ReferenceChecker;
  suggest?: (written: string) => string[];
}

export function materialize(doc: DraftDocument, options: MaterializeOptions = {}): Analysis {
  const nodes = doc.nodes;
  const facts = doc.facts;
  const { spans } = facts;
  const suggest = options.suggest ?? (() => []);
  const paragraphs: ParagraphInfo[] = [];
  const brackets: BracketInfo[] = [];
  const references: ReferenceInfo[] = [];
  const diagnostics: Diagnostic[] = [];
  const sections: SectionInfo[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  const titleParts: string[] = [];
  let section: string | null = null;
  let unlabelled = 0;
  // Bracket ids of spanning openers, so their children can name them as parent.
  const openSpanIds: string[] = [];

  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    const r = node.result;
    if (r.kind === 'frontmatter') {
      frontMatter = r.frontMatter;
      continue;
    }
    if (r.kind === 'heading' && r.heading) {
      section = r.heading.title;
      sections.push({ title: r.heading.title, level: r.heading.level, range: range(node, 0, r.contentEnd) });
    }
    const isTitle = facts.isTitle[k];
    if (isTitle) titleParts.push(r.text.slice(r.textStart, r.contentEnd).replace(/\s+/g, ' '));
    const isParagraph = (r.kind === 'paragraph' || r.kind === 'text') && !isTitle;
    const label = isParagraph ? (r.kind === 'paragraph' && r.label ? r.label.label : `¶${++unlabelled}`) : null;
    const spanned = spans.depthAtStart[k];
    let status: ParagraphStatus | null = null;
    if (isParagraph) {
      status = r.adRef ? 'agreed-ad-ref' : r.brackets.length > 0 || spanned > 0 || r.optionLines >= 2 ? 'pending' : 'agreed';
      paragraphs.push({
        label: label!,
        section,
        range: range(node, 0, r.contentEnd),
        status,
        brackets: r.brackets.length,
        labelled: r.kind === 'paragraph',
        labelRange: r.label ? range(node, r.label.start, r.label.end) : null,
        subParagraphs: r.subParagraphs.map((s) => ({ label: `${label} ${s.path}`, position: pos(node, s.offset) })),
      });
      if (r.adRef && (r.brackets.length > 0 || spanned > 0)) {
        const n = r.brackets.length;
        diagnostics.push({
          code: 'agreed-with-brackets', severity: 'error', range: range(node, r.adRef.start, r.adRef.end),
          message: `Paragraph ${label} is marked (agreed ad ref) but ${n > 0 ? `still has ${n} bracket${n === 1 ? '' : 's'}` : 'lies inside a bracket'}.`,
        });
      }
    }
    for (const d of r.diagnostics) diagnostics.push(localDiagnostic(node, d));

    // Strays: closers of spanning brackets, or errors.
    const spanStack = openSpanIds.slice();
    const closers = spans.byCloser.get(k);
    const strayPair: number[] = [];
    for (let s = 0; s < r.strays.length; s++) {
      const p = closers?.get(s);
      strayPair.push(p ?? -1);
      if (p === undefined) {
        const off = r.strays[s].offset;
        diagnostics.push({ code: 'unbalanced-bracket', severity: 'error', range: range(node, off, off + 1), message: 'This ] closes no bracket.' });
      } else {
        openSpanIds.pop();
        const attr = r.strays[s].attribution;
        if (attr?.form === 'braces') diagnostics.push(...unknownProposerDiagnostics(node, attr, suggest));
      }
    }

    const openers = spans.byOpener.get(k);
    const localIds: string[] = [];
    let strayIdx = 0;
    let closedBefore = 0;
    for (let bi = 0; bi < r.brackets.length; bi++) {
      const b = r.brackets[bi];
      const id = `b${brackets.length}`;
      localIds.push(id);
      // Spanning brackets opened earlier and not yet closed at `[` enclose this one.
      while (strayIdx < r.strays.length && r.strays[strayIdx].offset < b.open) {
        if (strayPair[strayIdx] >= 0) closedBefore++;
        strayIdx++;
      }
      const enclosing = spanned - closedBefore;
      const info = bracketInfo(node, b, id, label, status, enclosing);
      info.parent = b.parent >= 0 ? localIds[b.parent] : enclosing > 0 ? spanStack[enclosing - 1] ?? null : null;
      if (b.group >= 0) info.group = `g${k}.${b.group}`;
      const pairIdx = openers?.get(bi);
      if (pairIdx !== undefined) joinSpan(info, nodes, spans.pairs[pairIdx], b, suggest);
      else if (b.spans) {
        diagnostics.push({
          code: 'unbalanced-bracket', severity: 'error', range: range(node, b.open, b.open + 1),
          message: 'This [ is never closed; it is taken to close at the end of its paragraph.',
        });
      }
      brackets.push(info);
      if (pairIdx !== undefined) {
        openSpanIds.push(id);
      }
    }

    if (isParagraph || r.kind === 'footnote') {
      const cited = new Set<string>();
      for (const ref of r.references) {
        cited.add(ref.symbol);
        references.push({
          paragraph: label,
          symbol: ref.symbol,
          pinpoint: ref.pinpoint,
          quote: ref.quote,
          range: range(node, ref.start, ref.end),
          known: options.checker ? options.checker.known(ref.symbol) : false,
          kind: ref.kind,
          quoteRange: ref.quoteStart !== undefined && ref.quoteEnd !== undefined ? range(node, ref.quoteStart, ref.quoteEnd) : null,
          date: ref.date ?? null,
        });
      }
      if (options.checker) for (const d of options.checker.checkBlock(r, cited)) diagnostics.push(localDiagnostic(node, d));
    }
  }

  for (const issue of facts.numbering) {
    const node = nodes[issue.block];
    const l = node.result.label;
    if (!l) continue;
    diagnostics.push({ code: issue.code, severity: 'warning', message: issue.message, range: range(node, l.start, l.end) });
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return {
    frontMatter,
    title: titleParts.length ? titleParts.join(' ') : null,
    sections,
    paragraphs,
    brackets,
    references,
    diagnostics,
  };
}

function bracketInfo(node: BlockNode, b: BlockBracket, id: string, paragraph: string | null, status: ParagraphStatus | null, enclosing: number): BracketInfo {
  const r = node.result;
  return {
    id,
    paragraph,
    range: range(node, b.open, b.end),
    depth: b.depth + enclosing,
    kind: b.kind,
    proposers: b.proposers,
    action: b.action,
    text: r.text.slice(b.textStart, b.textEnd),
    form: b.attribution?.form ?? null,
    attributionRange: b.attribution ? range(node, b.attribution.span.start, b.attribution.span.end) : null,
    textRange: range(node, b.textStart, b.textEnd),
    openRange: range(node, b.open, b.open + 1),
    closeRange: b.close >= 0 ? range(node, b.close, b.close + 1) : null,
    group: null,
    parent: null,
    closed: b.close >= 0,
    paragraphStatus: status,
  };
}

/** A bracket closed in a later paragraph: its end, text and attribution come from there. */
function joinSpan(info: BracketInfo, nodes: readonly BlockNode[], pair: { openBlock: number; closeBlock: number; stray: number }, b: BlockBracket, suggest: (w: string) => string[]): void {
  const closeNode = nodes[pair.closeBlock];
  const stray = closeNode.result.strays[pair.stray];
  const attr = stray.attribution;
  const end = attr?.form === 'braces' ? attr.span.end : stray.offset + 1;
  const textEnd = attr?.form === 'suffix' ? attr.span.start : stray.offset;
  info.range = { start: info.range.start, end: pos(closeNode, end) };
  info.closeRange = range(closeNode, stray.offset, stray.offset + 1);
  info.closed = true;
  let text = nodes[pair.openBlock].result.text.slice(b.textStart);
  for (let k = pair.openBlock + 1; k < pair.closeBlock; k++) text += nodes[k].text;
  text += closeNode.result.text.slice(0, textEnd);
  info.text = text.trim();
  info.textRange = { start: info.textRange.start, end: pos(closeNode, textEnd) };
  if (attr && !b.attribution) {
    info.proposers = attr.names.map((n) => n.canonical ?? n.written);
    info.action = attr.action;
    info.form = attr.form;
    info.attributionRange = range(closeNode, attr.span.start, attr.span.end);
    if (attr.action === 'delete') info.kind = 'deletion';
  }
  void suggest;
}
