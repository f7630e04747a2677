// Lines of one paragraph that begin `Option 1:`, `Option 2:` … without brackets
// form an alternative group (FORMAT.md §5): choosing one drops the others.
import type { TextEdit } from 'vscode-languageserver';
import type { ParagraphInfo, Position, Range } from '../core/index';
import type { DraftDocument } from '../core/document';
import { startsWithOption } from '../core/bracketKinds';
import { OPTION_MARKER } from './edits';
import { before } from './positions';

export interface OptionLine {
  /** Where its marker starts. */
  start: Position;
  /** After its marker and the white space that follows it: where its own text starts. */
  textStart: Position;
  /** The end of its last line with text. */
  end: Position;
  /** The line as written, marker included. */
  text: string;
}

const MAY_HAVE_OPTIONS = /(?:^|[\n\r])[^\S\n\r]*[*_]*(?:ALT|Option)/i;

/** The option lines of a paragraph, when it has two or more; else []. Its text is read once: a paragraph may run to thousands of lines. */
export function optionLines(doc: DraftDocument, p: ParagraphInfo): OptionLine[] {
  const text = doc.getText(p.range);
  if (!MAY_HAVE_OPTIONS.test(text)) return [];
  const lines = text.split(/\r\n|\n|\r/);
  const first = p.range.start;
  const at = (i: number, character: number): Position => ({ line: first.line + i, character: i === 0 ? first.character + character : character });
  const starts: { i: number; start: Position; textStart: Position; text: string }[] = [];
  lines.forEach((full, i) => {
    const from = i === 0 && p.labelRange ? p.labelRange.end.character - first.character : 0;
    const lead = full.slice(from).search(/\S|$/);
    const t = full.slice(from + lead);
    if (!startsWithOption(t)) return;
    const marker = OPTION_MARKER.exec(t)![0].length;
    starts.push({ i, start: at(i, from + lead), textStart: at(i, from + lead + marker), text: t });
  });
  if (starts.length < 2) return [];
  return starts.map(({ i, ...o }, k) => {
    // To the last line with text before the next option (or the paragraph's end).
    let last = k + 1 < starts.length ? starts[k + 1].i - 1 : lines.length - 1;
    while (last > i && lines[last].trim() === '') last--;
    return { ...o, end: at(last, lines[last].trimEnd().length) };
  });
}

/** The option group the position stands in: from the first marker to the paragraph's end. */
export function inOptions(options: readonly OptionLine[], p: ParagraphInfo, at: Position): boolean {
  return options.length > 0 && !before(at, options[0].start) && !before(p.range.end, at);
}

/** The option whose lines hold the position, or -1. */
export function optionAt(options: readonly OptionLine[], at: Position): number {
  return options.findIndex((o) => !before(at, o.start) && !before(o.end, at));
}

/** Keep option `k`'s own text where the options stood; its marker and the other options go. */
export function chooseOptionEdits(options: readonly OptionLine[], k: number): TextEdit[] {
  const first = options[0].start;
  const last = options[options.length - 1].end;
  const chosen = options[k];
  const edits: TextEdit[] = [{ range: { start: first, end: chosen.textStart }, newText: '' }];
  if (before(chosen.end, last)) edits.push({ range: { start: chosen.end, end: last } as Range, newText: '' });
  return edits;
}
