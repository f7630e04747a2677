// What counts as the same text, and as a word character, for both the word
// diff (compare.ts) and bracket outcomes (bracketOutcomes.ts).

/** JavaScript's `\s`. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** White space fold() changes: a run of two or more, or any but a plain space. */
const UNFOLDED = /[^\S ]| {2}/;

/** White space folded: what counts as the same text. Each run of white space other than a single space becomes one space. */
export function fold(s: string): string {
  // Most paragraphs have nothing to fold: one native scan says so (the loop below, run once
  // in a short CLI process, is mostly interpreted). Where there is, a loop, not
  // /\s{2,}|[^\S ]/g: that regex was the costliest step of compare's own work on a 1 MB pair.
  if (!UNFOLDED.test(s)) return s.trim();
  let out = '';
  let copied = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c > 32 && c < 127) || !isSpaceCode(c)) continue;
    let j = i + 1;
    while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) {
      out += s.slice(copied, i) + ' ';
      copied = j;
    }
    i = j - 1;
  }
  return (copied === 0 ? s : out + s.slice(copied)).trim();
}

export const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
