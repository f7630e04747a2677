// Turns a DraftDocument's blocks and document facts into the plain Analysis:
// absolute LSP positions, paragraph labels and statuses, spanning brackets
// joined up, diagnostics sorted. Linear in the size of the result.
import type { BlockBracket } from './blockAnalysis';
import { collectDiagnostics, pos, range } from './diagnostics';
import type { DraftDocument, BlockNode } from './document';
import type { Analysis, BracketInfo, ParagraphInfo, ParagraphStatus, ReferenceInfo, SectionInfo } from './model';
import type { ReferenceChecker } from './referenceChecker';
import { citedInTitle } from './references';
import { proposersOf } from './attribution';
import { isPlaceholderText, OPTION_MARKER } from './bracketKinds';

export interface MaterializeOptions {
  checker?: ReferenceChecker;
  suggest?: (written: string) => string[];
  /** False: leave `diagnostics` empty (a comparison of revisions reads none). */
  diagnostics?: boolean;
}

export function materialize(doc: DraftDocument, options: MaterializeOptions = {}): Analysis {
  const nodes = doc.nodes;
  // The text of the blocks an outermost spanning bracket runs over, joined once; brackets nested in it slice it.
  let seg: Segment | undefined;
  const segment = (from: number, to: number): Segment => (seg && seg.from <= from && to <= seg.to ? seg : (seg = segmentOf(nodes, from, to)));
  const facts = doc.facts;
  const { spans } = facts;
  const paragraphs: ParagraphInfo[] = [];
  const brackets: BracketInfo[] = [];
  const references: ReferenceInfo[] = [];
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
      // One `Option 1:` line is pending too: its rivals may stand under another label (`33. Option 1: …` /
      // `33.1` / `Option 2:`, Lima); not one that only heads the paragraphs below, wrapped into this one
      // (`98. …;` ⏎ `Option 1: (paragraphs 99 and 99 bis)`), or a bare `**Option 1:**` on its own.
      const optionPending = r.options.length > 1 || (r.options.length === 1 && !optionHeader(r, r.options[0]));
      status = r.adRef ? 'agreed-ad-ref' : r.brackets.length > 0 || spanned > 0 || optionPending ? 'pending' : 'agreed';
      paragraphs.push({
        label: label!,
        section,
        range: range(node, 0, r.contentEnd),
        status,
        brackets: r.brackets.length,
        labelled: r.kind === 'paragraph',
        labelRange: r.label ? range(node, r.label.start, r.label.end) : null,
        subParagraphs: r.subParagraphs.map((s) => ({ label: `${label} ${s.path}`, position: pos(node, s.offset) })),
        options: r.options.length >= 2 ? r.options.map((o) => pos(node, o)) : [],
      });
    }

    // Strays: closers of spanning brackets, or errors. (Most blocks have neither strays nor
    // brackets: no copies or lists for them, a 10 MB draft has 20 000 such blocks.)
    const spanStack = r.brackets.length && openSpanIds.length ? openSpanIds.slice() : NO_IDS;
    const closers = spans.byCloser.get(k);
    const strayPair: number[] = r.strays.length ? [] : NO_PAIRS;
    for (let s = 0; s < r.strays.length; s++) {
      const p = closers?.get(s);
      strayPair.push(p ?? -1);
      if (p !== undefined) openSpanIds.pop();
    }

    const openers = spans.byOpener.get(k);
    const localIds: string[] = r.brackets.length ? [] : NO_IDS;
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
      info.paragraphIndex = isParagraph ? paragraphs.length - 1 : null;
      info.parent = b.parent >= 0 ? localIds[b.parent] : enclosing > 0 ? spanStack[enclosing - 1] ?? null : null;
      if (b.group >= 0) info.group = `g${k}.${b.group}`;
      const pairIdx = openers?.get(bi);
      if (pairIdx !== undefined) joinSpan(info, nodes, spans.pairs[pairIdx], b, segment);
      brackets.push(info);
      if (pairIdx !== undefined) {
        openSpanIds.push(id);
      }
    }

    if (isParagraph || r.kind === 'footnote' || r.kind === 'heading' || isTitle) {
      for (const ref of r.references) {
        if (isTitle && !citedInTitle(ref)) continue;
        references.push({
          paragraph: label,
          symbol: ref.symbol,
          pinpoint: ref.pinpoint,
          quote: ref.quote === null ? null : lf(ref.quote),
          range: range(node, ref.start, ref.end),
          known: options.checker ? options.checker.known(ref.symbol) : false,
          kind: ref.kind,
          quoteRange: ref.quoteStart !== undefined && ref.quoteEnd !== undefined ? range(node, ref.quoteStart, ref.quoteEnd) : null,
          date: ref.date ?? null,
          pinpointRange: ref.pinpointStart !== undefined && ref.pinpointEnd !== undefined ? range(node, ref.pinpointStart, ref.pinpointEnd) : null,
        });
      }
    }
  }

  const diagnostics = options.diagnostics === false ? [] : collectDiagnostics(doc, options);
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

/** Shared empty lists for blocks without brackets or strays: only read, never pushed to. */
const NO_PAIRS: number[] = [];
const NO_IDS: string[] = [];

function bracketInfo(node: BlockNode, b: BlockBracket, id: string, paragraph: string | null, status: ParagraphStatus | null, enclosing: number): BracketInfo {
  const r = node.result;
  return {
    id,
    paragraph,
    paragraphIndex: null,
    range: range(node, b.open, b.end),
    depth: b.depth + enclosing,
    kind: b.kind,
    proposers: b.proposers,
    action: b.action,
    text: lf(r.text.slice(b.textStart, b.textEnd)),
    form: b.attribution?.form ?? null,
    attributionRange: b.attribution ? range(node, b.attribution.span.start, b.attribution.span.end) : null,
    noteRange: b.note ? range(node, b.note.start, b.note.end) : null,
    names: b.attribution ? b.attribution.names.map((n) => ({ range: range(node, n.start, n.end), written: n.written, canonical: n.canonical ?? null })) : [],
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
/** Blocks `from`..`to` joined, and where each starts in the joined text: spanning brackets' texts are slices of it. */
interface Segment {
  from: number;
  to: number;
  text: string;
  starts: number[];
  cr: boolean;
}

function segmentOf(nodes: readonly BlockNode[], from: number, to: number): Segment {
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let k = from; k <= to; k++) {
    starts.push(at);
    at += nodes[k].text.length;
    parts.push(nodes[k].text);
  }
  const text = parts.join('');
  return { from, to, text, starts, cr: text.includes('\r') };
}

function joinSpan(info: BracketInfo, nodes: readonly BlockNode[], pair: { openBlock: number; closeBlock: number; stray: number }, b: BlockBracket, segment: (from: number, to: number) => Segment): void {
  const closeNode = nodes[pair.closeBlock];
  const stray = closeNode.result.strays[pair.stray];
  const attr = stray.attribution;
  const end = attr?.form === 'braces' ? attr.span.end : stray.offset + 1;
  const textEnd = attr?.form === 'suffix' ? attr.span.start : stray.offset;
  info.range = { start: info.range.start, end: pos(closeNode, end) };
  info.closeRange = range(closeNode, stray.offset, stray.offset + 1);
  info.closed = true;
  // An editorial note on the closer is the bracket's: accepting or dropping it takes the note too (found by npm run fuzz).
  if (stray.note) info.noteRange = range(closeNode, stray.note.start, stray.note.end);
  // A slice of the blocks' joined text, sharing its memory: 20 000 nested spanning brackets had each
  // copied the rest of the file (memory growing with the square of the depth, found trying to break the code).
  const w = segment(pair.openBlock, pair.closeBlock);
  const text = w.text.slice(w.starts[pair.openBlock - w.from] + b.textStart, w.starts[pair.closeBlock - w.from] + textEnd).trim();
  info.text = w.cr ? lf(text) : text;
  info.textRange = { start: info.textRange.start, end: pos(closeNode, textEnd) };
  if (attr && !b.attribution) {
    info.proposers = proposersOf(attr.names);
    info.action = attr.action;
    info.form = attr.form;
    info.attributionRange = range(closeNode, attr.span.start, attr.span.end);
    info.names = attr.names.map((n) => ({ range: range(closeNode, n.start, n.end), written: n.written, canonical: n.canonical ?? null }));
    if (attr.action === 'delete') info.kind = 'deletion';
  }
  // Its kind read off its whole text, as far as its last paragraph (`[Section on finance ⏎⏎ 4. to be added]`).
  if (info.kind === 'text' && isPlaceholderText(info.text)) info.kind = 'placeholder';
}

/** Line ends inside a bracket's text or a quotation read as `\n`, whatever the file's (CRLF, CR). */
function lf(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * An option line that only heads the paragraphs below it: `Option 1: (paragraphs 99 and 99 bis)`, or a
 * bare `Option 1:` with nothing after it in the block (its text, if any, on the lines below is its own).
 */
function optionHeader(r: { kind: string; text: string; textStart: number }, at: number): boolean {
  const text = r.text;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const line = text.slice(at, end).replace(/\r$/, '');
  const rest = line.slice(OPTION_MARKER.exec(line)?.[0].length ?? 0).trim();
  // (A labelled paragraph whose text is the bare marker, `33. Option 1:` above `33.1`, `33.2`, is the option itself.)
  if (rest === '') return text.slice(end).trim() === '' && !(r.kind === 'paragraph' && at === r.textStart);
  return /^\((?:see\s+)?(?:paragraphs?|paras?\.?)\s[^()]*\)[.:;]?$/i.test(rest);
}
