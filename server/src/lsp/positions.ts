// Position arithmetic on LSP ranges, and finding what stands at a position.
import type { Analysis, BracketInfo, ParagraphInfo, Position, Range } from '../core/index';

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function contains(r: Range, p: Position, endInclusive = false): boolean {
  return !before(p, r.start) && (endInclusive ? !before(r.end, p) : before(p, r.end));
}

/** The innermost bracket whose range holds `p` (its attribution included). */
export function bracketAt(a: Analysis, p: Position): BracketInfo | undefined {
  let best: BracketInfo | undefined;
  for (const b of a.brackets) {
    if (before(p, b.range.start)) break;
    if (contains(b.range, p) && (!best || b.depth > best.depth)) best = b;
  }
  return best;
}

export function paragraphAt(a: Analysis, p: Position): ParagraphInfo | undefined {
  for (const para of a.paragraphs) if (contains(para.range, p, true)) return para;
  return undefined;
}

export function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}
