// What a single line starts: a heading, a labelled paragraph, a footnote or
// link definition. Context-free except for the previous line, which tells a
// real label from a number that a PDF extraction wrapped to a line start.
import { isSpace, leadingSpace } from './lines';

export interface LabelMatch {
  /** Canonical form: `12 bis`, `3.3 bis`, `PP1`, `OP5`. */
  label: string;
  series: '' | 'PP' | 'OP';
  nums: number[];
  /** 1 for a plain number, 2 for bis, 3 for ter … */
  rank: number;
  /** Offset in the line of the label's first character and just after its terminator. */
  start: number;
  end: number;
  /** Offset of the paragraph text after the label (line length when the label is alone). */
  textStart: number;
  /** `[` characters between the indentation and the label (`[12 bis. …`). */
  bracketsBefore: number;
  indent: number;
}

const SUFFIXES: Record<string, number> = {
  bis: 2, ter: 3, quater: 4, quat: 4, quinquies: 5, sexies: 6, septies: 7, octies: 8, novies: 9, decies: 10,
};
const SUFFIX_NAMES = ['', '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

export function suffixName(rank: number): string {
  return SUFFIX_NAMES[rank] ?? '';
}

export function formatLabel(series: string, nums: readonly number[], rank: number): string {
  // (One number is most labels: no join for it, formatLabel runs on every paragraph.)
  const numbers = nums.length === 1 ? String(nums[0]) : nums.join('.');
  const base = series ? series + numbers : numbers;
  return rank > 1 ? `${base} ${suffixName(rank)}` : base;
}

/** Parse a label as written (`12bis`, `Pp 3`, `3.3 bis`) into its parts; null if not a label. */
export function parseLabelText(text: string): { series: '' | 'PP' | 'OP'; nums: number[]; rank: number } | null {
  const t = text.trim().replace(/[.)]$/, '');
  const m = /^(?:(PP|OP)[ \t]?)?(\d{1,5}(?:\.\d{1,3}){0,4})(?:[ \t\u00a0]?(bis|ter|quater|quat|quinquies|sexies|septies|octies|novies|decies))?$/i.exec(t);
  if (!m) return null;
  return {
    series: (m[1]?.toUpperCase() ?? '') as '' | 'PP' | 'OP',
    nums: m[2].split('.').map(Number),
    rank: m[3] ? SUFFIXES[m[3].toLowerCase()] : 1,
  };
}

function startsText(c: number): boolean {
  // A capital, an opening bracket, parenthesis, quote or emphasis mark.
  return (
    (c >= 65 && c <= 90) || c === 91 || c === 40 || c === 34 || c === 0x201c || c === 0x2018 || c === 39 ||
    c === 42 || c === 95 || c === 0xab || (c >= 0xc0 && c <= 0xde)
  );
}

/** A line ending in a word that a number follows: `… referred to in paragraph` ⏎ `12.` */
const CITES_NUMBER = /(?:^|[^A-Za-z])(?:paragraphs?|paras?\.|articles?|sections?|chapters?|annex(?:es)?|decisions?|resolutions?|rules?|parts?|no\.|page)$/i;

/** A previous line that stops mid-sentence: a long line ending in a letter, digit or comma. */
function continuesSentence(prev: string | undefined): boolean {
  if (prev === undefined) return false;
  const t = prev.trimEnd();
  if (t.length <= 60) return false;
  const c = t.charCodeAt(t.length - 1);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 44 || c === 45;
}

/** Digits at `i`, at most `max` of them; -1 when none or too many. */
function digitsAt(line: string, i: number, max: number): number {
  let j = i;
  while (j < line.length && j - i <= max) {
    const c = line.charCodeAt(j);
    if (c < 48 || c > 57) break;
    j++;
  }
  return j === i || j - i > max ? -1 : j;
}

/** The number the digits [i, e) of `line` write: Number(line.slice(i, e)) without the slice. */
function digitsValue(line: string, i: number, e: number): number {
  let n = 0;
  for (let k = i; k < e; k++) n = n * 10 + line.charCodeAt(k) - 48;
  return n;
}

/** `bis`, `ter` … at `i` (optionally after a space or two, as Word leaves them), not followed by a letter: [rank, end] or null. */
function suffixAt(line: string, i: number): [number, number] | null {
  let k = i;
  for (let c = line.charCodeAt(k); k - i < 2 && (c === 32 || c === 9 || c === 0xa0); c = line.charCodeAt(k)) k++;
  const first = line.charCodeAt(k) | 0x20;
  if (first !== 98 /* b */ && first !== 116 /* t */ && first !== 113 /* q */ && first !== 115 /* s */ && first !== 111 /* o */ && first !== 110 /* n */ && first !== 100 /* d */) return null;
  let e = k;
  while (e < line.length && e - k < 10 && /[A-Za-z]/.test(line[e])) e++;
  const rank = SUFFIXES[line.slice(k, e).toLowerCase()];
  return rank ? [rank, e] : null;
}

// A hand-written parser rather than a regex: it runs on every line of a draft.
export function matchLabel(line: string, prev?: string, nextLine?: () => string | undefined): LabelMatch | null {
  const indent = leadingSpace(line);
  let i = indent;
  let bracketsBefore = 0;
  while (line.charCodeAt(i) === 91 /* [ */ && bracketsBefore < 8) {
    i++;
    bracketsBefore++;
    while (isSpace(line.charCodeAt(i))) i++;
  }
  const start = i;
  let c = line.charCodeAt(i);
  let series: '' | 'PP' | 'OP' = '';
  if (c === 80 || c === 112 || c === 79 || c === 111) {
    const c2 = line.charCodeAt(i + 1);
    if (c2 !== 80 && c2 !== 112) return null;
    series = c === 80 || c === 112 ? 'PP' : 'OP';
    i += 2;
    c = line.charCodeAt(i);
    if (c === 32 || c === 9) i++;
  }
  // Up to five digits: compilation texts run past 9999 paragraphs; a four-digit year
  // wrapped to a line start is told apart by the line before it.
  let e = digitsAt(line, i, 5);
  if (e < 0) return null;
  const nums = [digitsValue(line, i, e)];
  if (!series) {
    while (nums.length < 5 && line.charCodeAt(e) === 46) {
      const d = digitsAt(line, e + 1, 3);
      if (d < 0) break;
      nums.push(digitsValue(line, e + 1, d));
      e = d;
    }
  }
  let rank = 1;
  const suffix = suffixAt(line, e);
  if (suffix) [rank, e] = suffix;
  const t = line.charCodeAt(e);
  const terminator = t === 46 || t === 41;
  if (terminator) e++;
  const end = e;
  const after = line.charCodeAt(end);
  const atEnd = end >= line.length || after === 10 || after === 13;
  // `35.[Option 1: …`: a bracket right after the period, as PDF text often has it.
  // (Its text must start like a sentence: `1.[5][2] °C` is a number, not a label.)
  if (!atEnd && !isSpace(after) && !(terminator && after === 91 && startsText(line.charCodeAt(end + 1)))) return null;
  let textStart = end;
  while (textStart < line.length && isSpace(line.charCodeAt(textStart))) textStart++;
  const alone = textStart >= line.length || line.charCodeAt(textStart) === 10 || line.charCodeAt(textStart) === 13;
  if (!series) {
    if (!terminator) {
      // `12 bis The …`, `3.3 The …`, `23.1<tab>The …`; but not `2 °C` or `1.5 °C`.
      if (nums.length === 1 && rank === 1) return null;
      if (!alone && after !== 9 && !startsText(line.charCodeAt(textStart))) return null;
    }
    if (nums[0] === 0 && nums.length === 1 && t !== 46) return null;
    // After a line that stops mid-sentence, a number at a line start is a wrapped year or
    // reference (`… decided in⏎2016. It …`, `… paragraph 134 (option⏎1) above`) unless a sentence
    // starts after it: `16. Decides …`, `146. [Recalls …` are paragraphs however long the line before,
    // and so is a label alone on its line before one (`2.`⏎`Also decides …`, FORMAT.md §2).
    if (continuesSentence(prev)) {
      // Alone on its line after `… in paragraph`, `… Article`: the number the sentence was citing.
      const next = alone ? nextLine?.() : undefined;
      const sentenceAfter = alone
        ? next !== undefined && startsText(next.charCodeAt(leadingSpace(next))) && !CITES_NUMBER.test(prev!.trimEnd())
        : startsText(line.charCodeAt(textStart));
      if (!sentenceAfter || (nums.length === 1 && nums[0] >= 1000)) return null;
    }
  }
  return {
    label: formatLabel(series, nums, rank),
    series,
    nums,
    rank,
    start,
    end,
    textStart: alone ? line.length : textStart,
    bracketsBefore,
    indent,
  };
}

export interface HeadingMatch {
  title: string;
  level: number;
  /** Offset in the line where the title starts. */
  titleStart: number;
}

// A closing run of # needs a space before it (CommonMark): `# Use of C#` keeps its #.
const MD_HEADING_RE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const UN_HEADING_RE = /^[ \t]*((?:[A-Z]|[IVXL]{1,6})\.)[ \t\u00a0]+(\S.{0,160})$/;

/**
 * `prev`, the line before, when known: a UN-style heading that reads as a sentence right after a long
 * line that stops on a word citing a number is that number wrapped by a PDF extraction (`… at the
 * beginning of section` ⏎ `IV. Parties may further wish to consider … this draft decision.`).
 */
export function matchHeading(line: string, prev?: string): HeadingMatch | null {
  const c = line.charCodeAt(leadingSpace(line));
  if (c === 35 /* # */) {
    const m = MD_HEADING_RE.exec(line);
    if (!m || !m[2]) return null;
    return { title: cleanTitle(m[2]), level: m[1].length, titleStart: line.indexOf(m[2], m[1].length) };
  }
  if (c < 65 || c > 90) return null;
  const m = UN_HEADING_RE.exec(line);
  if (!m) return null;
  // (And only a sentence is taken for the rest of one: `… : annex` ⏎ `I. Scope` is a heading.)
  if (continuesSentence(prev) && CITES_NUMBER.test(prev!.trimEnd()) && /^.{40,}[.;,]$/.test(m[2].trimEnd())) return null;
  const t = m[2].charCodeAt(0);
  // The title starts like a title: a capital, a digit, an opening bracket, quote or emphasis.
  if (!(startsText(t) || (t >= 48 && t <= 57))) return null;
  const trimmed = m[2].trimEnd();
  if (/[,;]$/.test(trimmed)) return null;
  return { title: `${m[1]} ${cleanTitle(trimmed)}`, level: 1, titleStart: line.indexOf(m[1]) };
}

/**
 * A heading's title as a reader sees it (the outline, `section`): emphasis marks and a trailing
 * attribute list left out — `### **B. Threats**`, `Article 1 *(definitions)*`, `# Intro {:toc}`.
 */
function cleanTitle(t: string): string {
  const clean = t.replace(/[ \t]*\{[:#.][^{}]*\}[ \t]*$/, '').replace(/\*+/g, '').replace(/(^|\s)_+|_+(?=\s|$)/g, '$1').replace(/\s+/g, ' ').trim();
  return clean || t;
}

export type DefinitionKind = 'footnote' | 'link';

const FOOTNOTE_DEF_RE = /^ {0,3}\[\^[^\]\s]{1,40}\]:/;
const LINK_DEF_RE = /^ {0,3}\[([^\]\[]{1,200})\]:[ \t]*(\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

/** `[^1]: …` or `[label]: target`; link definitions also return their label, folded. */
export function matchDefinition(line: string): { kind: DefinitionKind; label?: string } | null {
  if (line.charCodeAt(leadingSpace(line)) !== 91) return null;
  if (FOOTNOTE_DEF_RE.test(line)) return { kind: 'footnote' };
  const m = LINK_DEF_RE.exec(line);
  if (m) return { kind: 'link', label: foldLinkLabel(m[1]) };
  return null;
}

/** Link labels match case-insensitively with white space collapsed, as CommonMark says. */
export function foldLinkLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const SUB_RE = /^[ \t\u00a0]*\[*[ \t]*\(([a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)(?=[ \t\u00a0]|$)/;

/** A sub-paragraph marker `(a)`, `(ii)` at the start of a line: its offset and letter(s). */
export function matchSubParagraph(line: string): { marker: string; start: number; end: number } | null {
  const c = line.charCodeAt(leadingSpace(line));
  if (c !== 40 && c !== 91) return null;
  const m = SUB_RE.exec(line);
  if (!m) return null;
  const end = m[0].length;
  return { marker: m[1], start: end - m[1].length - 2, end };
}
