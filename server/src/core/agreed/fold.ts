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
const LINE_END_HYPHEN = /(?<=\p{L})-(?:[ \t]*\r?\n[ \t]*(?=\p{L})| (?=\p{Lu}))/gu;

function joinHyphens(s: string): string {
  return s.includes('-') ? s.replace(LINE_END_HYPHEN, '-') : s;
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

// A word: letters/digits joined by inner apostrophes, hyphens, dots or slashes
// ("open-ended", "group's", "1.3", "a/res/73/27"); a hyphen + line break or a
// soft hyphen also joins, so offsets stay in the original text.
const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:['‘’ʼ.\/\-‐‑‒–]|-[ \t]*\r?\n[ \t]*|- (?=\p{Lu})|\u00ad[ \t]*(?:\r?\n[ \t]*)?)[\p{L}\p{N}\p{M}]+)*/gu;

// A text has a few thousand distinct words: fold each once. Only short words
// are kept, since a long slice would hold its whole source text in memory.
const folded = new Map<string, string>();

function foldWord(t: string): string {
  let w = t.length < 13 ? folded.get(t) : undefined;
  if (w !== undefined) return w;
  w = /^[A-Za-z0-9./']+$/.test(t) ? t.toLowerCase() : foldChars(t.replace(/-[ \t]*\r?\n[ \t]*|- /g, '-'));
  if (t.length < 13) {
    if (folded.size > 100_000) folded.clear();
    folded.set(t, w);
  }
  return w;
}

/** Folded word tokens with offsets into `s`. Punctuation and emphasis marks are not words. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  if (typeof s !== 'string') return out;
  // exec on the shared regex rather than matchAll, which copies the regex for each text.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const w = foldWord(m[0]);
    if (w) out.push({ w, start: m.index, end: m.index + m[0].length });
  }
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
  return String(s ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

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
// "1982 1/ (hereinafter". "20152" (2015 + note 2) cannot be told apart: left.
// The footnote marks PDF extraction glues to words (`Sea1`, `report,2`, ` 3/ `), in
// one pass: each of the three forms as an alternative, tried only at a digit.
const NOTE_MARK = /(?<=\p{Ll}{2})\d{1,2}(?=[\s,;:.)]|$)|(?<=[\p{L})\]”’"][,;:]|[)\]”’"])\d{1,2}(?=\s|$)|(?<=\s)\d{1,2}\/(?=\s)/gu;

// Where a mark could be at all: a digit right after a letter or a closing mark, or `3/`.
// Most paragraphs have none, and this test is far cheaper than the lookbehinds.
const NOTE_MARK_HINT = /\p{Ll}\d|[,;:)\]”’"]\d|\s\d{1,2}\//u;

function stripNoteMarks(s: string): string {
  return NOTE_MARK_HINT.test(s) ? s.replace(NOTE_MARK, '') : s;
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
