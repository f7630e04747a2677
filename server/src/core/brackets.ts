// Finds the square brackets of one block, leaving out what only looks like
// one: escapes, footnote marks, Markdown links and defined reference links.
// One pass with a stack; every look-ahead stops at the next bracket
// character, so the scan stays linear even on `[[[[…`.

export interface Span {
  start: number;
  end: number;
}

export interface ScannedBracket {
  /** Offset of `[`. */
  open: number;
  /** Offset of the matching `]`, or -1 when it does not close in the block. */
  close: number;
  /** Index of the enclosing bracket in the list, -1 at top level. */
  parent: number;
  /** 1 for the outermost bracket of the block. */
  depth: number;
  /** `{…}` right after `]`, braces included. */
  braces: Span | null;
}

export interface StrayCloser {
  offset: number;
  braces: Span | null;
}

export interface BracketScan {
  brackets: ScannedBracket[];
  strays: StrayCloser[];
}

const BRACKET_RE = /[[\]]/g;
const LINK_TARGET_RE = /^\((?:https?:|mailto:|#|\/|\.\/)/;
const MAX_LOOKAHEAD = 1000;

function isEscaped(text: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && text.charCodeAt(i - 1 - n) === 92) n++;
  return n % 2 === 1;
}

/** The next unescaped `[` or `]` at or after `from`, within the look-ahead limit; -1 if none. */
function nextBracketChar(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_LOOKAHEAD);
  for (let j = from; j < limit; j++) {
    const c = text.charCodeAt(j);
    if ((c === 91 || c === 93) && !isEscaped(text, j)) return j;
  }
  return -1;
}

/** `{…}` starting at `i`: on one line, short, with no brackets or braces inside. */
export function bracesAt(text: string, i: number): Span | null {
  if (text.charCodeAt(i) !== 123) return null;
  const limit = Math.min(text.length, i + 400);
  for (let j = i + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 125) return { start: i, end: j + 1 };
    if (c === 123 || c === 91 || c === 93 || c === 10 || c === 13) return null;
  }
  return null;
}

function foldLabel(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Scan `text` from `from`. `defined` holds the folded labels of the file's
 * link definitions (`[label]: target`), which turn `[label]` into a link.
 */
export function scanBrackets(text: string, from: number, defined: ReadonlySet<string>): BracketScan {
  const brackets: ScannedBracket[] = [];
  const strays: StrayCloser[] = [];
  const stack: number[] = [];
  const n = text.length;
  if (text.indexOf('[', from) < 0 && text.indexOf(']', from) < 0) return { brackets, strays };
  for (let i = from; i < n; i++) {
    // Jump to the next bracket character with the regex engine's fast scan.
    BRACKET_RE.lastIndex = i;
    const m = BRACKET_RE.exec(text);
    if (!m) break;
    i = m.index;
    const c = text.charCodeAt(i);
    if (isEscaped(text, i)) continue;
    if (c === 91) {
      // Footnote mark `[^3]`.
      if (text.charCodeAt(i + 1) === 94) {
        const j = nextBracketChar(text, i + 1);
        if (j > i + 2 && text.charCodeAt(j) === 93 && !/\s/.test(text.slice(i + 2, j))) {
          i = j;
          continue;
        }
      }
      const j = nextBracketChar(text, i + 1);
      if (j > 0 && text.charCodeAt(j) === 93) {
        // A simple pair `[x]`: maybe a link rather than a bracket.
        const after = text.charCodeAt(j + 1);
        if (after === 40 && LINK_TARGET_RE.test(text.slice(j + 1, j + 10))) {
          i = j;
          continue;
        }
        // Reference links only exist where the file defines their label.
        if (defined.size > 0 && j - i <= 201) {
          if (after === 91) {
            // `[text][label]` or `[label][]`.
            const k = nextBracketChar(text, j + 2);
            if (k > 0 && text.charCodeAt(k) === 93) {
              const ref = foldLabel(k === j + 2 ? text.slice(i + 1, j) : text.slice(j + 2, k));
              if (defined.has(ref)) {
                i = k;
                continue;
              }
            }
          } else if (defined.has(foldLabel(text.slice(i + 1, j)))) {
            i = j;
            continue;
          }
        }
      }
      stack.push(brackets.length);
      brackets.push({ open: i, close: -1, parent: stack.length > 1 ? stack[stack.length - 2] : -1, depth: stack.length, braces: null });
    } else {
      const top = stack.pop();
      const braces = bracesAt(text, i + 1);
      if (top === undefined) strays.push({ offset: i, braces });
      else {
        brackets[top].close = i;
        brackets[top].braces = braces;
      }
    }
  }
  return { brackets, strays };
}
