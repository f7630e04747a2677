// The kinds of FORMAT.md §5 that can be read off a bracket's own text.

const EMPHASIS_RE = /^[*_\s]+|[*_\s]+$/g;

/** `[…]`, `[...]`, `[X]`, `[Placeholder for …]`, `[document symbol to be added]`. */
export function isPlaceholderText(text: string): boolean {
  // Placeholders are short; looking only at the ends keeps nested brackets linear.
  const t = (text.length > 300 ? text.slice(0, 150) + ' ' + text.slice(-150) : text).replace(EMPHASIS_RE, '');
  if (t === '…' || t === '...' || t === 'X' || t === 'x') return true;
  if (/^[*_]*placeholder/i.test(t)) return true;
  return /to be (?:added|completed)[.;:]?$/i.test(t);
}

// The word in any case, the letter a capital after a space: `Options:` and `OPTIONS:` introduce no option.
// The number or letter may be in parentheses, as the Lima text writes its options: `Option (a):`.
const OPTION_SOURCE = String.raw`^[\s*_]*(?:[Aa][Ll][Tt](?:[Ee][Rr][Nn][Aa][Tt][Ii][Vv][Ee])?|[Oo][Pp][Tt][Ii][Oo][Nn])(?:[ \t]*\d{1,2}|[ \t]+(?:[A-Z]|[IVX]{1,4})|[ \t]*\((?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})\))[*_]*[ \t]*[.:)]`;
const OPTION_RE = new RegExp(OPTION_SOURCE);

/** An `ALT 1:` / `Option A:` marker with the emphasis and white space after it: what goes with the marks when one is accepted or chosen. */
export const OPTION_MARKER = new RegExp(String.raw`${OPTION_SOURCE}[*_]*[ \t]*`);

/** `ALT 1:` / `Option A:` at the start of a bracket's text or of a line. */
export function startsWithOption(text: string): boolean {
  return OPTION_RE.test(text);
}
