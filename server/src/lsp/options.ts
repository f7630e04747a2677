// Lines of one paragraph that begin `Option 1:`, `Option 2:` … without brackets
// form an alternative group (FORMAT.md §5): choosing one drops the others. The
// core finds them (it makes the paragraph pending); here, what an edit needs.
import type { TextEdit } from 'vscode-languageserver';
import type { ParagraphInfo, Position, Range } from '../core/index';
import type { DraftDocument } from '../core/document';
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

/** The option lines of a paragraph (the core finds them: ParagraphInfo.options), with where each one's text starts and ends. */
export function optionLines(doc: DraftDocument, p: ParagraphInfo): OptionLine[] {
  if (p.options.length < 2) return [];
  // The paragraph's text read once: it may run to thousands of lines.
  const lines = doc.getText(p.range).split(/\r\n|\n|\r/);
  const first = p.range.start;
  const at = (i: number, character: number): Position => ({ line: first.line + i, character: i === 0 ? first.character + character : character });
  const column = (o: Position) => (o.line === first.line ? o.character - first.character : o.character);
  return p.options.map((start, k) => {
    const i = start.line - first.line;
    let text = lines[i].slice(column(start));
    const marker = OPTION_MARKER.exec(text)?.[0].length ?? 0;
    // To the last line with text before the next option (or the paragraph's end).
    let last = k + 1 < p.options.length ? p.options[k + 1].line - first.line - 1 : lines.length - 1;
    while (last > i && lines[last].trim() === '') last--;
    const textStart = { line: start.line, character: start.character + marker };
    let end = at(last, lines[last].trimEnd().length);
    // A `]` closing a bracket opened before the options (`[5 bis. Decides: ⏎ Option 1: … ⏎ Option 2: ….]{EU}`)
    // ends the option: that bracket and its attribution are not the option's to take away.
    const closer = enclosingClose(lines, i, column(start) + marker, last);
    if (closer) {
      end = at(closer.line, lines[closer.line].slice(0, closer.at).trimEnd().length);
      if (closer.line === i) text = lines[i].slice(column(start), closer.at);
    }
    // An option with no text of its own (`ALT 2: ` and nothing after): it ends where its text would start.
    return { start, textStart, end: before(end, textStart) ? textStart : end, text };
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

/** The first `]` from line `i` column `from` to line `last` that closes a bracket opened before it (escaped marks aside). */
function enclosingClose(lines: readonly string[], i: number, from: number, last: number): { line: number; at: number } | null {
  let depth = 0;
  for (let l = i; l <= last; l++) {
    const t = lines[l];
    for (let c = l === i ? from : 0; c < t.length; c++) {
      const ch = t[c];
      if (ch === '\\') c++;
      else if (ch === '[') depth++;
      else if (ch === ']' && --depth < 0) return { line: l, at: c };
    }
  }
  return null;
}
