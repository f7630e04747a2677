// What "drop bracket" may remove: the bracket [s, e), an editorial note in
// braces right after it (`[agree]{Note: …}`: the note on dropped text), and
// white space around them, no more — one space beside it, or, when the bracket
// fills its lines, those lines' ends and the blank lines after it. Never
// another character of text.

/** Whether `after` is `text` with [s, e) dropped, as dropEdits may drop it. */
export function droppedCleanly(text: string, after: string, s: number, e: number): boolean {
  const note = /^\{[^{}\r\n]*\}/.exec(text.slice(e))?.[0].length ?? 0;
  return dropped(text, after, s, e) || (note > 0 && dropped(text, after, s, e + note));
}

function dropped(text: string, after: string, s: number, e: number): boolean {
  if (after.length > text.length - (e - s)) return false;
  let p = 0;
  while (p < s && p < after.length && text[p] === after[p]) p++;
  const tail = after.length - p;
  const e2 = text.length - tail;
  if (e2 < e || text.slice(e2) !== after.slice(p)) return false;
  const before = text.slice(p, s);
  const behind = text.slice(e, e2);
  if (!/^\s*$/.test(before) || !/^\s*$/.test(behind)) return false;
  // Within a line, at most one space goes with the bracket.
  // (A line ends at \n, \r\n or a lone \r, as drafts saved on old Macs have it.)
  if (!/[\r\n]/.test(before) && !/[\r\n]/.test(behind)) return before.length + behind.length <= 1;
  return true;
}
