// The line scanner: cuts a draft into blocks that tile it line by line.
// A block is what gets analysed and cached on its own: a paragraph with its
// label, an unlabelled text block, a heading, a definition, front matter.
// Blank lines belong to the block above them, so blocks tile the text exactly.
import { isBlank, lineContent, splitLinesKeepEnds } from './lines';
import { parseFrontMatter, type FrontMatterValue } from './frontMatter';
import { matchDefinition, matchHeading, matchLabel, type LabelMatch } from './lineKinds';

export type BlockKind = 'blank' | 'frontmatter' | 'heading' | 'paragraph' | 'text' | 'footnote' | 'linkdef';

export interface RawBlock {
  kind: BlockKind;
  /** Index of its first line among the lines scanned. */
  line: number;
  lineCount: number;
  /** The block's lines with their terminators. */
  text: string;
  /** A paragraph's label, as read off its first line here: the block's analysis need not read it again. */
  label?: LabelMatch;
}

interface Open {
  kind: BlockKind;
  line: number;
  offset: number;
  /** No more non-blank lines join it: a heading, a link definition, or a text block after a blank line. */
  ended: boolean;
  labelIndent: number;
  /** Indentation of a Markdown list nested in a paragraph (`4. … ⏎    1. …`), read as sub-items. */
  nestedIndent: number;
  label: LabelMatch | undefined;
}

function isFenceLine(line: string): boolean {
  const t = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  return /^---[ \t]*$/.test(t);
}

/** Whether text (a block's, the file's) starts with a front matter fence, closed or not. */
export function opensFrontMatter(text: string): boolean {
  const nl = text.search(/[\r\n]/);
  return isFenceLine(nl < 0 ? text : text.slice(0, nl));
}

/**
 * A line that can stand in YAML front matter: blank, indented (a block scalar's or a list's
 * lines), a comment, a list item or a `key:`. Any other line (`1. States …`, `B. Threats`, a
 * sentence) is the draft's: the fence above it opened no front matter. Without this a `---` rule
 * far down the draft would close a stray fence at the top and swallow the draft.
 */
function yamlLine(line: string): boolean {
  const c = line.charCodeAt(0);
  if (line.length === 0 || c === 32 || c === 9 || c === 35 /* # */ || c === 0xfeff) return true;
  if (/^[-?:](?:[ \t]|$)/.test(line)) return true; // a list item, a complex key `? …` and its `: …`
  // A key in any script (`révision:`, `título:`).
  return /^(?:"[^"]*"|'[^']*'|[\p{L}\p{N}_][\p{L}\p{N}_ .\-/]*):(?:[ \t]|$)/u.test(line) || line.trim() === '';
}

/** The line that closes the front matter opening `lines` (FORMAT.md §1), or -1 when there is none before a line that is not YAML. */
export function frontMatterEnd(lines: readonly string[]): number {
  const end = frontMatterScan(lines);
  return end >= 0 ? end : -1;
}

/**
 * Whether `lines`, the start of a file, open a front matter that they neither close nor stop:
 * what follows them decides it (the incremental re-scan reads on).
 */
export function frontMatterUndecided(lines: readonly string[]): boolean {
  return frontMatterScan(lines) === UNDECIDED;
}

const UNDECIDED = -2;

/** How a line after an opening fence reads: the closing fence, a line of YAML, or the draft's (no front matter). */
export function frontMatterLine(line: string): 'fence' | 'yaml' | 'draft' {
  if (line === '---' || line === '...' || /^(---|\.\.\.)[ \t]*$/.test(line)) return 'fence';
  return yamlLine(line) ? 'yaml' : 'draft';
}

function frontMatterScan(lines: readonly string[]): number {
  if (lines.length === 0 || !isFenceLine(lineContent(lines[0]))) return -1;
  for (let j = 1; j < lines.length; j++) {
    const v = frontMatterLine(lineContent(lines[j]));
    if (v === 'fence') return j;
    if (v === 'draft') return -1;
  }
  return UNDECIDED;
}

/** A draft's front matter, read as the analysis reads it; null when it has none. */
export function frontMatterOf(text: string): Record<string, FrontMatterValue> | null {
  const lines = splitLinesKeepEnds(text);
  const end = frontMatterEnd(lines);
  return end > 0 ? parseFrontMatter(lines.slice(0, end + 1).join('')) : null;
}

/**
 * Scan `lines` (with terminators, joined they give `text`). `prevLine` is the
 * line before them, if any; front matter is recognised only at the file start.
 */
export function scanBlocks(text: string, lines: readonly string[], prevLine: string | undefined, atFileStart: boolean): RawBlock[] {
  const out: RawBlock[] = [];
  let offset = 0;
  let i = 0;
  if (atFileStart) {
    const end = frontMatterEnd(lines);
    if (end > 0) {
      let len = 0;
      for (let j = 0; j <= end; j++) len += lines[j].length;
      out.push({ kind: 'frontmatter', line: 0, lineCount: end + 1, text: text.slice(0, len) });
      offset = len;
      i = end + 1;
      prevLine = lineContent(lines[end]);
    }
  }
  let cur = null as Open | null;
  const close = (endLine: number, endOffset: number) => {
    if (cur) out.push({ kind: cur.kind, line: cur.line, lineCount: endLine - cur.line, text: text.slice(cur.offset, endOffset), label: cur.label });
    cur = null;
  };
  const open = (kind: BlockKind, ended: boolean, label?: LabelMatch) => {
    close(i, offset);
    cur = { kind, line: i, offset, ended, labelIndent: label ? label.indent : 0, nestedIndent: -1, label };
  };
  // The line after line i, read only for a number alone on its line after one that stops mid-sentence: one closure, not one a line.
  const nextLine = (): string | undefined => (i + 1 < lines.length ? lineContent(lines[i + 1]) : undefined);
  for (; i < lines.length; offset += lines[i].length, i++) {
    const raw = lines[i];
    const line = lineContent(raw);
    const prev = prevLine;
    prevLine = line;
    if (isBlank(line)) {
      if (!cur) open('blank', false);
      else if (cur.kind !== 'paragraph' && cur.kind !== 'blank') cur.ended = true;
      continue;
    }
    if (cur !== null && (cur as Open).kind === 'blank') (cur as Open).ended = true;
    const def = matchDefinition(line);
    if (def) {
      open(def.kind === 'footnote' ? 'footnote' : 'linkdef', def.kind === 'link');
      continue;
    }
    if (matchHeading(line, prev)) {
      open('heading', true);
      continue;
    }
    const label = matchLabel(line, prev, nextLine);
    if (label) {
      const c = cur as Open | null;
      const nested =
        c !== null && c.kind === 'paragraph' && label.series === '' && label.nums.length === 1 && label.rank === 1 &&
        label.indent > c.labelIndent + 1 &&
        (label.nums[0] === 1 || (c.nestedIndent >= 0 && label.indent >= c.nestedIndent));
      if (nested) {
        if (c.nestedIndent < 0 || label.indent < c.nestedIndent) c.nestedIndent = label.indent;
        continue;
      }
      open('paragraph', false, label);
      continue;
    }
    if (!cur || (cur as Open).ended) open('text', false);
  }
  close(lines.length, offset);
  return out;
}
