// Draft text cut short, or read plain, for a title, a hover, a tree row or a
// report. Never cut between the two halves of a surrogate pair: a lone half is
// not valid Unicode, and strict JSON decoders (some LSP clients') reject the
// whole message that holds one.

/** `text` cut to at most `max` UTF-16 units, `…` included. */
export function cutShort(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** `text` on one line (white space runs folded), cut to `max`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${cutShort(flat, max).slice(0, -1).trimEnd()}…`;
}

/**
 * The largest of `xs`, or `floor` when there is none. A loop, not `Math.max(...xs)`: spreading
 * 200 000 values (a status table of 200 000 sections) overflows the call stack.
 */
export function maxOf(xs: Iterable<number>, floor = 0): number {
  let m = floor;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/**
 * Emphasis as a reader means it: `*Recalling*`, `_x_`, `**Option 1:**`. The opening mark follows the
 * start, a space or an opening sign and comes before a letter; the closing one follows a sign that
 * is no space and comes before the end, a space or punctuation; between them no mark and no line
 * end. So footnote marks (`Parties*, … 5*`), a wildcard in a symbol, `(*)` and `*****` stay as
 * written.
 */
export const EMPHASIS = /(?<=^|[\s(["'\u201c\u2018\u2014\u2013-])(\*\*|\*|_)(?=\p{L})([^*_\n\r]*?[^\s*_])\1(?=$|[\s.,;:!?)\]"'\u201d\u2019\u2014\u2013-])/gu;
