// What the editor shades for the open brackets of a draft, computed from the
// ledger: pure (no `vscode` import), so that vitest checks it without an
// editor. bracketShading.ts turns the result into decorations.
import type { LedgerBracket, Range } from './ledger';

/** Depths shaded apart; brackets deeper than this share the last depth's colours. */
export const SHADED_DEPTHS = 4;

export interface Shading {
  /** `spans[d]`: brackets of depth d + 1, `[` to `]` with their attribution. Deletion proposals are in `deletions` instead. */
  spans: Range[][];
  /** `marks[d]`: the `[` and `]` characters of those brackets. */
  marks: Range[][];
  /** Deletion proposals (action `delete`), shaded apart from the text proposals. */
  deletions: Range[];
  /** Placeholders (`[…]`, `[X]`, `[document symbol to be added]`). */
  placeholders: Range[];
}

const char = (line: number, character: number): Range => ({
  start: { line, character },
  end: { line, character: character + 1 },
});

/**
 * The shading of `brackets`. `lineText` gives the document's text of a line as the editor has it
 * now: the ledger sends each bracket's extent but not where its `]` is (the attribution braces
 * `{EU}` come after it), and the ledger can be a keystroke older than the text, so a `[` or `]` is
 * marked only where the text has one.
 */
export function shadingOf(brackets: readonly LedgerBracket[], lineText: (line: number) => string | undefined): Shading {
  const spans: Range[][] = Array.from({ length: SHADED_DEPTHS }, () => []);
  const marks: Range[][] = Array.from({ length: SHADED_DEPTHS }, () => []);
  const deletions: Range[] = [];
  const placeholders: Range[] = [];
  for (const b of brackets) {
    const d = Math.min(Math.max(b.depth, 1), SHADED_DEPTHS) - 1;
    const { start, end } = b.range;
    if (b.kind === 'deletion') deletions.push(b.range);
    else spans[d]!.push(b.range);
    if (b.kind === 'placeholder') placeholders.push(b.range);
    if (lineText(start.line)?.[start.character] === '[') marks[d]!.push(char(start.line, start.character));
    if (!b.closed) continue; // taken to close at the end of its paragraph: there is no `]` to mark
    const close = closeOf(lineText(end.line), end.character, end.line === start.line ? start.character + 1 : 0);
    if (close !== null) marks[d]!.push(char(end.line, close));
  }
  return { spans, marks, deletions, placeholders };
}

/** Where the `]` ending at `end` is: the last character, or the one before canonical attribution braces (`]{EU}`). */
function closeOf(text: string | undefined, end: number, from: number): number | null {
  if (text === undefined || end < 1) return null;
  const last = text[end - 1];
  if (last === ']') return end - 1;
  if (last !== '}') return null;
  const at = text.lastIndexOf(']{', end - 2);
  return at >= from ? at : null;
}
