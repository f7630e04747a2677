// Canonical comparison form for agreed language, and removal of what PDF
// extraction leaves inside a paragraph. Pure string functions; never throw.

/** A folded word with its [start, end) UTF-16 offsets in the text it came from. */
export interface Token {
  w: string;
  start: number;
  end: number;
}

/** Hints that make page-header removal surer: the document's own symbol and title. */
export interface NoiseHints {
  symbol?: string;
  title?: string;
}

const SINGLE_QUOTES = /[‘’‚‛ʼ′`´]/g;
const DOUBLE_QUOTES = /[“”„‟«»″]/g;
const HYPHENS = /[‐‑‒–]/g; // en dash folds too: "71–72" and "71-72" are one range
const INVISIBLE = /\u00ad[ \t]*(?:\r?\n[ \t]*)?|[\u200b-\u200d\u2060\ufeff]/g; // a soft hyphen takes its line break along
// A hyphen at a line end joins the word halves ("Open-\nended"); once the line
// break is lost to flattening, "Secretary- General" is the same thing.
// In a regex: /(?<=\p{L})-(?:[ \t]*\r?\n[ \t]*(?=\p{L})| (?=\p{Lu}))/gu → '-'; scanned by hand, as
// most hyphens are inner ones ("open-ended") and the lookbehind made the regex slow.
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Whether the character (astral ones too) at `i` matches `re`; ASCII decided by `ascii` without it. */
function isAt(s: string, i: number, ascii: (c: number) => boolean, re: RegExp): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c < 128 ? ascii(c) : re.test(String.fromCodePoint(s.codePointAt(i)!));
}

const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const asciiUpper = (c: number) => c >= 65 && c <= 90;
const letterAt = (s: string, i: number) => isAt(s, i, asciiLetter, LETTER);
const upperAt = (s: string, i: number) => isAt(s, i, asciiUpper, UPPER);

/** Where the character that ends just before `i` starts (one further back for the low half of a pair). */
function startBefore(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Line-end hyphens joined (exported for its test). */
export function joinHyphens(s: string): string {
  let i = s.indexOf('-');
  if (i < 0) return s;
  let out = '';
  let from = 0;
  for (; i >= 0; i = s.indexOf('-', i + 1)) {
    if (i === 0 || !letterAt(s, startBefore(s, i))) continue;
    const end = afterHyphenBreak(s, i, letterAt);
    if (end < 0) continue;
    out += s.slice(from, i + 1);
    from = end;
  }
  return from === 0 ? s : out + s.slice(from);
}

function foldChars(s: string): string {
  return s
    .normalize('NFKC') // PDF ligatures (ﬁ), full-width forms, NBSP
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(HYPHENS, '-')
    .toLowerCase();
}

/** Lower-case, quotes unified, white space folded, line-end hyphens joined, `*`/`_` emphasis dropped. */
export function foldText(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  return foldChars(joinHyphens(s.replace(INVISIBLE, '')).replace(/[*_]+/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

// A word: letters/digits/marks (\p{L}\p{N}\p{M}) joined by inner apostrophes,
// hyphens, dots or slashes ("open-ended", "group's", "1.3", "a/res/73/27"); a
// hyphen + line break ("Open-\nended"), a hyphen + space before a capital
// ("Secretary- General") or a soft hyphen (with its line break) also joins, so
// offsets stay in the original text. Scanned by hand: it is the index's inner
// loop, and a regex with Unicode classes was half its time.

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** 0 unknown, 1 word character, 2 not: a BMP code unit's class, learnt on first sight. */
const bmpClass = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) bmpClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

/** Length (1 or 2) of the word character at `i`, or 0. */
function wordCharAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let k = bmpClass[c]!;
  if (k === 0) bmpClass[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** ' ‘ ’ ʼ . / - ‐ ‑ ‒ –: a joiner when a word character follows at once. */
function plainJoiner(c: number): boolean {
  return c === 39 || c === 46 || c === 47 || c === 45 || c === 0x2018 || c === 0x2019 || c === 0x2bc || (c >= 0x2010 && c <= 0x2013);
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * After a hyphen at `i`: where the word's next part starts, past blanks and a line break (the part
 * must begin with what `partAt` accepts), or after one space before a capital ("Secretary- General");
 * -1 if neither.
 */
function afterHyphenBreak(s: string, i: number, partAt: (s: string, j: number) => boolean): number {
  let j = skipBlanks(s, i + 1);
  if (s.charCodeAt(j) === 13) j++;
  if (s.charCodeAt(j) === 10) {
    j = skipBlanks(s, j + 1);
    return partAt(s, j) ? j : -1;
  }
  return s.charCodeAt(i + 1) === 32 && upperAt(s, i + 2) ? i + 2 : -1;
}

const wordPartAt = (s: string, j: number) => wordCharAt(s, j) > 0;

/** After a soft hyphen at `i`, with its blanks and line break: where the next word part starts; -1 if none. */
function afterSoftHyphen(s: string, i: number): number {
  let j = skipBlanks(s, i + 1);
  let k = j;
  if (s.charCodeAt(k) === 13) k++;
  if (s.charCodeAt(k) === 10) j = skipBlanks(s, k + 1);
  return wordCharAt(s, j) ? j : -1;
}

// A text has a few thousand distinct words: fold each once. Only short words
// are kept, since a long slice would hold its whole source text in memory.
const folded = new Map<string, string>();

/** A word as matched in the text, folded: joins undone, then as foldText folds, white space aside. */
export function foldWordText(t: string): string {
  // invisibles out before NFKC, as foldText does: a soft hyphen must not keep a letter from its accent
  return foldChars(t.replace(INVISIBLE, '').replace(/-[ \t]*\r?\n[ \t]*|- /g, '-'));
}

function foldWord(t: string): string {
  let w = t.length < 13 ? folded.get(t) : undefined;
  if (w !== undefined) return w;
  w = foldWordText(t);
  if (t.length < 13) {
    if (folded.size > 100_000) folded.clear();
    folded.set(t, w);
  }
  return w;
}

/** Calls `f` with each folded word of `s` and its offsets. Punctuation and emphasis marks are not words. */
export function forEachWord(s: string, f: (w: string, start: number, end: number) => void): void {
  if (typeof s !== 'string') return;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let len = wordCharAt(s, i);
    if (len === 0) { i++; continue; }
    const start = i;
    // plain: ASCII letters and digits with ' . / - joiners only, folded by toLowerCase alone
    let plain = true;
    let upper = false;
    for (;;) {
      // one run of word characters
      while (len > 0) {
        const c = s.charCodeAt(i);
        if (c >= 128) plain = false;
        else if (c >= 65 && c <= 90) upper = true;
        i += len;
        len = wordCharAt(s, i);
      }
      if (i >= n) break;
      const c = s.charCodeAt(i);
      let next = -1;
      if (plainJoiner(c) && wordCharAt(s, i + 1)) {
        next = i + 1;
        if (c >= 128) plain = false;
      } else if (c === 45) {
        next = afterHyphenBreak(s, i, wordPartAt);
        plain = false;
      } else if (c === 0xad) {
        next = afterSoftHyphen(s, i);
        plain = false;
      }
      if (next < 0) break;
      i = next;
      len = wordCharAt(s, i);
    }
    const t = s.slice(start, i);
    const w = plain ? (upper ? t.toLowerCase() : t) : foldWord(t);
    if (w) f(w, start, i);
  }
}

/** Folded word tokens with offsets into `s`. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  forEachWord(s, (w, start, end) => void out.push({ w, start, end }));
  return out;
}

/** Folded word tokens. */
export function words(s: string): string[] {
  return tokenize(s).map((t) => t.w);
}

// ---------------------------------------------------------------------------
// Page noise

const SYMBOL_SRC = String.raw`[A-Z]{1,8}(?:\.\d{1,4})?(?:\/(?:(?:Add|Rev|Corr|Amend|Suppl|Misc)\.\d{1,3}|[A-Z]{1,10}(?:\.(?:\d{1,4}[A-Za-z]?|[IVX]{1,4}))?|\d{1,5}[A-Z]?)){2,}(?: ?\(\d{4}\))?(?![\w/])`;
const SYMBOL_LINE = new RegExp(String.raw`^\*?${SYMBOL_SRC}\*{0,2}$`);
// "18-21207", "21-00006 (E)    050121", "95-27467S (E) 271095"
const JOB_LINE = /^\d{2}-\d{5}[A-Z]?(?:\s*\([A-Z]\))?(?:\s+\d{6})?$/;
const BARCODE_LINE = /^\*\d{7,8}\*$/;
const PAGE_LINE = /^(?:\d{1,3}\/\d{1,3}|(?:\/\.\.\.\s*)?(?:English\s+)?Page\s+\d{1,4}|\/\.\.\.)$/i;
const PLENARY_LINE = /^\d{1,3}(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting$/;
const DATE_LINE = /^\d{1,2} [A-Z][a-z]+ \d{4}$/;
const RULE_LINE = /^_{5,}$/;
const FOOTNOTE_START = /^(?:\d{1,3}\/?|\*{1,3})\s+\S/;

function isMarker(line: string, symbol?: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (JOB_LINE.test(t) || BARCODE_LINE.test(t) || PAGE_LINE.test(t) || PLENARY_LINE.test(t)) return true;
  if (SYMBOL_LINE.test(t)) return !symbol || symbolKey(t.replace(/\*+/g, '')) === symbolKey(symbol);
  return false;
}

/** Uniform key for comparing symbols ("s/res/2341(2017)" = "S/RES/2341 (2017)"). */
export function symbolKey(s: string): string {
  const written = String(s ?? '');
  let key = symbolKeys.get(written);
  if (key === undefined) {
    const k = written.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    // A General Assembly decision is cited as written (`decision 78/560`) and filed as A/DEC/78/560.
    const d = /^DECISION(\d{1,3}\/\d{1,4}[A-Z]?)$/.exec(k);
    key = d ? `A/DEC/${d[1]}` : k;
    if (symbolKeys.size >= 20_000) symbolKeys.clear();
    symbolKeys.set(written, key);
  }
  return key;
}
/** symbolKey's answers: a draft cites the same few hundred symbols thousands of times, each looked up several times. */
const symbolKeys = new Map<string, string>();

function inTitle(line: string, foldedTitle: string): boolean {
  const f = foldText(line);
  return f.split(' ').length >= 2 && foldedTitle.includes(f);
}

// A header block between blank lines: page markers plus at most a few short
// title-like lines (no sentence punctuation at the end).
function isHeaderGroup(lines: string[], hints: NoiseHints, foldedTitle: string): boolean {
  let markers = 0;
  let others = 0;
  for (const l of lines) {
    if (isMarker(l, hints.symbol)) markers++;
    else if (l.trim().length > 110 || /[.,;:!?]$/.test(l.trim())) {
      if (!(foldedTitle && inTitle(l, foldedTitle))) return false;
      others++;
    } else others++;
  }
  return markers > 0 && others <= 4;
}

function stripLines(text: string, hints: NoiseHints): string {
  const lines = text.split('\n');
  const drop = new Uint8Array(lines.length);
  const foldedTitle = hints.title ? foldText(hints.title) : '';
  // blank-line-delimited groups
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.trim()) { i++; continue; }
    let j = i;
    while (j < lines.length && lines[j]!.trim()) j++;
    groups.push([i, j]);
    i = j;
  }
  let inFootnotes = false;
  for (const [a, b] of groups) {
    const g = lines.slice(a, b);
    if (inFootnotes && FOOTNOTE_START.test(g[0]!.trim())) {
      drop.fill(1, a, b);
      continue;
    }
    inFootnotes = false;
    const rule = g.findIndex((l) => RULE_LINE.test(l.trim()));
    if (rule >= 0) {
      // A footnote rule ends the page's text: the rule and the notes under it go.
      const rest = g.slice(rule + 1);
      if (rest.length === 0 || FOOTNOTE_START.test(rest[0]!.trim())) {
        drop.fill(1, a + rule, b);
        inFootnotes = true;
        if (rule === 0) continue;
      }
    }
    if (isHeaderGroup(g, hints, foldedTitle)) {
      drop.fill(1, a, b);
      continue;
    }
    // Markers glued to text: drop them, and title lines next to them.
    for (let i = a; i < b; i++) {
      if (drop[i]) continue;
      if (isMarker(lines[i]!, hints.symbol)) {
        drop[i] = 1;
        if (PLENARY_LINE.test(lines[i]!.trim()) && i + 1 < b && DATE_LINE.test(lines[i + 1]!.trim())) drop[i + 1] = 1;
      }
    }
    if (foldedTitle) {
      for (let pass = 0; pass < 2; pass++) {
        for (let i = a; i < b; i++) {
          if (drop[i]) continue;
          const near = (i > a && drop[i - 1]) || (i + 1 < b && drop[i + 1]);
          if (near && inTitle(lines[i]!, foldedTitle)) drop[i] = 1;
        }
      }
    }
  }
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) if (!drop[i]) kept.push(lines[i]!);
  return kept.join('\n');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Flattened extractions lose the line breaks: "… text, ____ 1 Note. 2 Note. \fA/RES/78/272 Title text …".
function stripInline(text: string, hints: NoiseHints): string {
  let s = text;
  // Footnotes after a rule run to the page break, the "/..." marker, or the end.
  s = s.replace(/_{5,}[ \t]+(?:\d{1,3}\/?|\*{1,3})[ \t][^\f]*?(?=\f|\/\.\.\.|$)/g, ' ');
  s = s.replace(/\/\.\.\.(?:\s*(?:English\s+)?Page\s+\d{1,4})?/g, ' ');
  s = s.replace(/\b\d{2}-\d{5}[A-Z]?\s*\([A-Z]\)(?:\s+\d{6})?/g, ' ');
  s = s.replace(/\*\d{7,8}\*/g, ' ');
  if (s.includes('\f')) {
    const sym = hints.symbol ? escapeRe(hints.symbol).replace(/\//g, '\\s*/\\s*') : SYMBOL_SRC;
    // a plain (non-Unicode) pattern: "u" with \p{…} classes costs tens of ms to compile
    const title = hints.title
      ? words(hints.title).map((w) => escapeRe(w).replace(/'/g, "['’‘ʼ]").replace(/-/g, '[-‐‑–]')).join('[^A-Za-z0-9]+')
      : '';
    const headers = [
      title && `${sym}\\s*\\*?\\s*${title}`,
      title && `${title}\\s*${sym}\\*?`,
      `${sym}\\*?`,
    ].filter(Boolean);
    const re = new RegExp(`\\f\\s*(?:${headers.join('|')})?`, 'gi');
    s = s.replace(re, ' ');
  }
  return s;
}

// Footnote reference numbers glued to words: "report,2 identified", "Sea1 on",
// "1982 1/ (hereinafter". "20152" (2015 + note 2) is told apart only after its month
// ("5 July 20124", NOTE_AFTER_YEAR); elsewhere it is left.
// The footnote marks PDF extraction glues to words (`Sea1`, `report,2`, ` 3/ `), in
// one pass: each of the three forms as an alternative, tried only at a digit.
export const NOTE_MARK = /(?<=\p{Ll}{2})\d{1,2}(?=[\s,;:.)]|$)|(?<=[\p{L})\]”’"][,;:]|[)\]”’"])\d{1,2}(?=\s|$)|(?<=\s)\d{1,2}\/(?=\s)/gu;

// Where a mark could be at all (/\p{Ll}\d|[,;:)\]”’"]\d|\s\d{1,2}\//u): a digit right after a
// lower-case letter or a closing mark, or `3/` after a space. Most paragraphs have none, and this
// scan is far cheaper than the lookbehinds.
const LOWER = /\p{Ll}/u;

/** False only when NOTE_MARK cannot match (exported for its test). */
export function mayHaveNoteMark(s: string): boolean {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    const b = s.charCodeAt(i - 1);
    if (b >= 97 && b <= 122) return true;
    if (b === 44 || b === 59 || b === 58 || b === 41 || b === 93 || b === 0x201d || b === 0x2019 || b === 34) return true;
    if (b >= 128 && LOWER.test(String.fromCodePoint(s.codePointAt(startBefore(s, i))!))) return true;
    if ((s[i + 1] === '/' || (s.charCodeAt(i + 1) >= 48 && s.charCodeAt(i + 1) <= 57 && s[i + 2] === '/')) && /\s/.test(s[i - 1]!)) return true;
  }
  return false;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const NOTE_AFTER_YEAR = new RegExp(`(\\b\\d{1,2}\\s+(?:${MONTHS})\\s+(?:19|20)\\d{2})\\d{1,2}(?!\\d)`, 'g');

function stripNoteMarks(s: string): string {
  const t = mayHaveNoteMark(s) ? s.replace(NOTE_MARK, '') : s;
  return /(?:19|20)\d{3}/.test(t) ? t.replace(NOTE_AFTER_YEAR, '$1') : t;
}

/**
 * Removes running page headers/footers (document symbol, repeated title lines,
 * job numbers, bar codes, "2/5" page marks, "/... Page 3", form feeds), the
 * closing "45th plenary meeting" line, footnote bodies under a "____" rule,
 * and footnote numbers glued to words. Line structure is kept where it was.
 */
export function stripPageNoise(text: string, hints: NoiseHints = {}): string {
  if (typeof text !== 'string' || text === '') return '';
  let s = text.replace(/\r\n?/g, '\n');
  s = stripInline(s, hints);
  s = s.replace(/\f/g, '\n');
  if (s.includes('\n')) s = stripLines(s, hints);
  // the closing "45th plenary meeting 5 December 2018", once lines are flattened
  s = s.replace(/(^|[.;:”"]\s+)\d{1,3}(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting\s+\d{1,2} [A-Z][a-z]+ \d{4}/g, '$1');
  return stripNoteMarks(s).replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

/** Agreed text ready for display and tokenizing: noise gone, hyphens joined, white space single. */
export function cleanAgreedText(text: string, hints: NoiseHints = {}): string {
  return joinHyphens(stripPageNoise(text, hints)).replace(/\s+/g, ' ').trim();
}
