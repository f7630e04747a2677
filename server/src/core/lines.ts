// Lines as LSP counts them: \r\n, \r and \n all end a line, and a text ending
// with a line break has one more, empty, line.

/** Split keeping each line's terminator, so joining the parts gives the text back. */
export function splitLinesKeepEnds(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // Fast path: native indexOf beats a char loop by far on big drafts.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      out.push(text.slice(start, nl + 1));
      start = nl + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        const end = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        out.push(text.slice(start, end));
        start = end;
        i = end - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The line without its terminator. */
export function lineContent(lineWithEnd: string): string {
  let end = lineWithEnd.length;
  if (end > 0 && lineWithEnd.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && lineWithEnd.charCodeAt(end - 1) === 13) end--;
  return end === lineWithEnd.length ? lineWithEnd : lineWithEnd.slice(0, end);
}

/** Offsets at which each line of `text` starts (index 0 is always 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the line holding `offset`, by binary search over line starts. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a
 * slice of 13 characters or more a view into its parent: a long-lived cache
 * keyed by such a slice would hold a whole closed draft in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}

/** Unicode white space a pasted draft carries: tabs, NBSP, thin spaces, BOM. */
export function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x202f || c === 0x3000 || c === 12 || c === 11 ||
    (c >= 0x2000 && c <= 0x200b)
  );
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isSpace(c) && c !== 10 && c !== 13) return false;
  }
  return true;
}

export function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}
