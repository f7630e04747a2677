// A bracket's own words: the words of its text that none of its nested
// brackets holds. A bracket's outcome is decided by these alone, since each
// nested bracket has an outcome of its own; and finding them costs the
// bracket's own text, not its nested ones', so deep nesting stays linear.

/** Offsets `[start, end)` in a text. */
export interface Span {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The words (runs of letters and digits) of `text` within `[start, end)`
 * outside `holes`: the ranges of the bracket's direct children, attribution
 * included, in order and not overlapping. A word is cut where a hole starts
 * (`Article[s 5.2 and] 6.4` has own words `Article`, `6`, `4`).
 */
export function ownWords(text: string, start: number, end: number, holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  let at = start;
  const scan = (to: number): void => {
    if (to <= at) return;
    for (const m of text.slice(at, to).matchAll(WORD)) out.push({ start: at + m.index, end: at + m.index + m[0].length });
  };
  for (const h of holes) {
    if (h.end <= at) continue;
    if (h.start >= end) break;
    scan(Math.min(h.start, end));
    at = Math.max(at, h.end);
  }
  scan(end);
  return out;
}
