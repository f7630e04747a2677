// The yardstick: one pass over the text that finds what any analysis must find at the least,
// paragraph starts (a label at the start of a line) and bracket pairs (matched with a stack),
// and nothing else. It returns counts and a checksum of the pair positions so that the work
// cannot be optimised away. The contract's "about 215 MB/s" refers to this loop.

/** True when a paragraph label (`12.`, `12)`, `12 bis.`, `3.3`, `PP3.`, `op5`) starts at `j`. */
function labelAt(text, j, n) {
  let c = text.charCodeAt(j);
  if (c === 91) c = text.charCodeAt(++j); // `[12 bis. …` — a bracketed label
  if (c >= 48 && c <= 57) {
    let k = j + 1;
    while (k < n && (c = text.charCodeAt(k)) >= 48 && c <= 57) k++;
    if (c === 46 || c === 41) return true; // `12.`, `3.3`, `12)`
    if (c === 32) c = text.charCodeAt(++k);
    // `12 bis`, `12bis`, `12 ter`, `12 quater`
    return (c === 98 && text.charCodeAt(k + 1) === 105) || (c === 116 && text.charCodeAt(k + 1) === 101) ||
      (c === 113 && text.charCodeAt(k + 1) === 117);
  }
  const c1 = text.charCodeAt(j + 1) | 32;
  c |= 32;
  if ((c === 112 || c === 111) && c1 === 112) { // pp / op, any case
    const d = text.charCodeAt(j + 2);
    return d >= 48 && d <= 57;
  }
  return false;
}

/**
 * @param {string} text
 * @returns {{lines:number, paragraphs:number, pairs:number, unmatched:number, maxDepth:number, checksum:number}}
 */
export function scan(text) {
  const n = text.length;
  let stack = new Int32Array(256);
  let sp = 0;
  let lines = 1;
  let paragraphs = 0;
  let pairs = 0;
  let unmatched = 0;
  let maxDepth = 0;
  let checksum = 0;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    if (lineStart) {
      lineStart = false;
      let j = i;
      let s = text.charCodeAt(j);
      while (s === 32 || s === 9) s = text.charCodeAt(++j);
      if (labelAt(text, j, n)) paragraphs++;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      lineStart = true;
    } else if (c === 91) { // [
      if (sp === stack.length) {
        const bigger = new Int32Array(sp * 2);
        bigger.set(stack);
        stack = bigger;
      }
      stack[sp++] = i;
      if (sp > maxDepth) maxDepth = sp;
    } else if (c === 93) { // ]
      if (sp > 0) {
        pairs++;
        checksum = (checksum + (i - stack[--sp])) | 0;
      } else {
        unmatched++;
      }
    } else if (c === 92) { // backslash escapes the next character (`\[`)
      i++;
    }
  }
  return { lines, paragraphs, pairs, unmatched: unmatched + sp, maxDepth, checksum };
}
