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

/** The option lines of a paragraph, when it has two or more; else []. */
export function optionLines(doc: DraftDocument, p: ParagraphInfo): OptionLine[] {
  const starts: { start: Position; textStart: Position; text: string }[] = [];
  for (let line = p.range.start.line; line <= p.range.end.line; line++) {
    const full = doc.lineText(line);
    const from = line === p.range.start.line && p.labelRange ? p.labelRange.end.character : 0;
    const lead = full.slice(from).search(/\S|$/);
    const t = full.slice(from + lead);
    if (!startsWithOption(t)) continue;
    const marker = OPTION_MARKER.exec(t)![0].length;
    starts.push({ start: { line, character: from + lead }, textStart: { line, character: from + lead + marker }, text: t });
  }
  if (starts.length < 2) return [];
  return starts.map((o, i) => {
    // To the last line with text before the next option (or the paragraph's end).
    let last = i + 1 < starts.length ? starts[i + 1].start.line - 1 : p.range.end.line;
    while (last > o.start.line && doc.lineText(last).trim() === '') last--;
    const end = last === p.range.end.line ? p.range.end : { line: last, character: doc.lineText(last).trimEnd().length };
    return { ...o, end };
  });
}

/** The option group the position stands in: from the first marker to the paragraph's end. */
export function inOptions(options: readonly OptionLine[], p: ParagraphInfo, at: Position): boolean {
  return options.length > 0 && !before(at, options[0].start) && !before(p.range.end, at);
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
