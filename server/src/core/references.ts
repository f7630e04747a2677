// References to agreed language inside one paragraph's text (FORMAT.md §7).
// Plain data in and out; never throws. The text is read once as runs of symbol-like
// characters; every loop only moves forward and every regex has bounded repetition
// (sticky where it runs at a known place), so the cost stays linear in the text.
import { detach } from './lines';
import { analyseSymbol, isSeriesRoot, stripSurrounding, type SymbolAnalysis } from './symbols';

export type ReferenceKind = 'document' | 'resolution' | 'decision';

/**
 * In a draft's title a bare symbol is the draft's own, or its parent report's
 * (`A/AC.296/2026/9`, `FCCC/CP/2015/L.9/Rev.1`), printed in its header: only
 * the resolutions and decisions a title names are citations.
 */
export function citedInTitle(r: { kind: ReferenceKind }): boolean {
  return r.kind !== 'document';
}
export interface FoundReference {
  /** Offsets into the text given to findReferences: the reference as written (e.g. "A/76/135", "resolution 75/240", "75/240" for a later item of a list, "Security Council resolution 2341 (2017)", "decision 1/CP.21"). */
  start: number; end: number;
  kind: ReferenceKind;
  /** Normalised: "A/76/135", "A/RES/75/240", "S/RES/2341 (2017)"; for decisions the decision as written with lower-case "decision": "decision 1/CP.21", "decision 18/CMA.1". */
  symbol: string;
  /** Paragraph label alone: "13", "71 (d)", "71–72", "1.3", or null; of a list (`paragraphs 3 and 4`), the first. */
  pinpoint: string | null;
  /** Every label of a list pinpoint (`paragraphs 17, 18 and 19`: 17, 18, 19), when it lists more than one. */
  pinpoints?: string[];
  /** Quotation text (without the quote marks) in the same sentence as a reference with a pinpoint, or null. */
  quote: string | null;
  quoteStart?: number; quoteEnd?: number;
  /** Further quotations of the same sentence nearest to this reference (`quote` is the nearest): each is checked too. */
  moreQuotes?: { start: number; end: number; text: string }[];
  /** Where the pinpoint is written (`para. 6`, `paragraph 13 of`'s `paragraph 13`). */
  pinpointStart?: number; pinpointEnd?: number;
  /** A date written with a resolution reference ("of 5 December 2018"), kept for later checks. */
  date?: string;
}
export interface MalformedSymbol { start: number; end: number; text: string; message: string }

/** Internal: where the written reference ends including its date, for a pinpoint written after it. */
type Ref = FoundReference & { tail: number };

const WS = '[ \\t\\u00a0]';
const WSN = '[ \\t\\u00a0\\r\\n]';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// "of 5 December 2018"; PDF text may glue a footnote number to the year ("20124").
const DATE_RE = new RegExp(`${WSN}{1,3}of${WSN}{1,3}(\\d{1,2}${WSN}{1,3}(?:${MONTHS})${WSN}{1,3}\\d{4})\\d{0,2}(?!\\d)`, 'y');
// `, `, `, and `, `; `, `; and ` (items that carry their dates), ` and `, ` & `. Not ` as well as `:
// it joins instruments of different bodies (`76/19 as well as 47/16 of the Human Rights Council`),
// and an organ named after a list is every item's.
const SEP_RE = new RegExp(`${WSN}{0,3}(?:[,;]${WSN}{0,3}(?:and${WSN}{1,3})?|and${WSN}{1,3}|&${WSN}{1,3})`, 'y');
const SC_ITEM = new RegExp(`(\\d{1,5})${WS}{0,3}\\((\\d{1,5})\\)`, 'y');
const OLD_GA_ITEM = new RegExp(`(\\d{1,4})(?:${WS}{1,2}[A-Z])?${WS}{0,2}\\(([IVXL]{1,7})\\)`, 'y');
const ES_ITEM = /(ES|S)-(\d{1,2})\/(\d{1,4})(?![\w/])/y;
const MONTH_YEAR = /(\d{1,2})\/((?:19|20)\d\d)(?!\d)/y;
const NUM_ITEM = /(\d{1,4})\/(\d{1,5})(?![\w/]|\.\d)/y;
const LETTER_PART = new RegExp(`${WS}([A-Z])(?![\\w/])`, 'y');
const ROMAN_DEC = /([IVXL]{1,7})\/(\d{1,3})(?![\w/]|\.\d)/y;
const ORGAN_RE = /\b(General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council|Environment\s+Assembly|UNEA|Council|Assembly)(?:['’]s)?\s{1,3}$/;
const ORGAN_HINT = /(?:Council|Assembly|UNEA)(?:['’]s)?\s{1,3}$/;
// The organ named after the number: `resolution 5/14 of the (United Nations) Environment Assembly`.
const ORGAN_AFTER = new RegExp(`${WSN}{1,3}of${WSN}{1,3}the${WSN}{1,3}(?:United${WSN}{1,3}Nations${WSN}{1,3})?(Environment${WSN}{1,3}Assembly|Human${WSN}{1,3}Rights${WSN}{1,3}Council|Economic${WSN}{1,3}and${WSN}{1,3}Social${WSN}{1,3}Council)(?![\\w-])`, 'y');
// A lettered resolution in symbol form, `A/RES/43/78 H`: a capital alone, not an article starting a sentence (`A new …`).
const SYMBOL_LETTER = new RegExp(`${WS}([A-Z])(?![\\w/])(?!${WS}{1,2}(?!of\\b|and\\b)[a-z])`, 'y');
// Decision bodies of the conferences of parties: CP (UNFCCC COP), CMP, CMA, COP (UNCCD …), MOP.
const DEC_BODY = /(CP|CMP|CMA|COP|MOP)(?![A-Za-z])/y;
const DEC_LEFT = /(\d{1,4}|[xX]{1,2}|-)\//y;
// The session, possibly after a space or line end left by PDF extraction ("1/CP. 16").
const DEC_SESSION = new RegExp(`${WS}{0,2}\\.${WS}{0,2}(?:\\r?\\n${WS}{0,3})?(\\d{1,3}|[xXy]{1,2})(?![A-Za-z0-9])`, 'y');
const DEC_LONG_SESSION = new RegExp(`${WS}{0,2}\\.${WS}{0,2}(\\d{4,9})(?![A-Za-z0-9])`, 'y');

/** The session of a General Assembly number at p (`75/240`: 75); Infinity for anything else (`1996/31`, `2341 (2017)`). */
function gaSession(t: string, p: number): number {
  const m = sticky(NUM_ITEM, t, p);
  return m && +m[1] < 1946 ? +m[1] : Infinity;
}
// `1/CP21.` at a sentence's end is glued too: a period ends it unless a digit follows.
const DEC_GLUED = new RegExp(`(${WS}{0,2})(\\d{1,3})(?![A-Za-z0-9/]|\\.\\d)`, 'y');
const SESSION_AFTER_SLASH = /\d{1,3}(?![A-Za-z0-9])/y;
const YEAR_SUFFIX = new RegExp(`${WS}{1,3}\\((\\d{1,6}|[IVXL]{1,7})\\)`, 'y');
const LEAD = new RegExp(`${WSN}{1,3}`, 'y');

// "para. 6", "paras. 71–72", "paragraph 71 (d)", "paragraphs 3 and 4", "paragraph 2(b)".
const LABEL = `\\d{1,4}(?:\\.\\d{1,3})?(?:${WS}?(?:bis|ter|quater)\\b)?(?:${WS}{0,2}\\((?:[a-z]{1,2}|[ivxl]{1,6})\\)){0,3}`;
const LABEL_G = new RegExp(LABEL, 'g');
const PARA_RE = new RegExp(
  `\\b[Pp]ara(?:graphs?|s)?\\.?${WSN}{1,3}(${LABEL})(?:${WS}{0,2}(?:[–—-]|to\\b)${WS}{0,2}(${LABEL}))?` +
    `(?:${WS}{0,2}(?:,|and\\b|&)${WS}{0,2}${LABEL}){0,8}`,
  'g',
);
// An article's number right before a paragraph phrase: "Article 6, ", "article 4 ", "Art. 16, ".
const ARTICLE_BEFORE = new RegExp(`\\b(?:[Aa]rticle|Art\\.)${WSN}{1,3}\\d{1,3}(?:${WS}?(?:bis|ter|quater))?${WS}{0,2},?${WSN}{1,3}$`);
const ANNEX = `annex(?:${WS}{1,3}[IVX]{1,5}(?:\\.[A-Z])?)?`;
// Between a pinpoint and the reference it points into: "of", ", annex, of", "of the annex to", "in its", " (".
const BEFORE_CONN = new RegExp(
  `${WS}{0,3},?${WSN}{0,3}(?:(?:of${WSN}{1,3}(?:the${WSN}{1,3})?)?${ANNEX}${WS}{0,3},?${WSN}{0,3})?` +
    `(?:(?:of|in|to)${WSN}{1,3}(?:(?:the|its|document)${WSN}{1,3})?\\(?|\\()`,
  'yi',
);
// Between a reference and a pinpoint written after it: ", para. 6", " (para. 6)", ", annex, paragraph 2(b)".
const AFTER_CONN = new RegExp(`${WS}{0,3}[,(]?${WSN}{0,3}(?:${ANNEX}${WS}{0,3},${WSN}{0,3})?`, 'yi');

const ABBREVIATIONS = new Set([
  'para', 'paras', 'no', 'nos', 'art', 'arts', 'chap', 'sect', 'vol', 'e.g', 'i.e', 'etc', 'rev', 'add', 'corr',
  'amend', 'p', 'pp', 'cf', 'op', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'vs', 'al', 'viz', 'approx', 'ref', 'fig',
]);

export function findReferences(text: string): { references: FoundReference[]; malformed: MalformedSymbol[] } {
  try {
    if (typeof text !== 'string' || text.length === 0) return { references: [], malformed: [] };
    return new Finder(text).run();
  } catch {
    return { references: [], malformed: [] };
  }
}

/** Characters a symbol-like run is made of; anything else (space, comma, brackets, quotes) delimits. */
const RUN_CHAR = new Uint8Array(128);
for (const ch of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./-()*_:~%?=&#@+') RUN_CHAR[ch.charCodeAt(0)] = 1;
const isRunChar = (c: number) => c < 128 && RUN_CHAR[c] === 1;
const startsWithRoot = (s: string) => {
  const m = /^([A-Z]{1,6})\//.exec(s);
  return m !== null && isSeriesRoot(m[1]);
};
const isAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

// Drafts cite the same few symbols again and again; a small cache keeps long texts cheap.
const symbolCache = new Map<string, SymbolAnalysis>();
function analyseCached(cand: string): SymbolAnalysis {
  let r = symbolCache.get(cand);
  if (!r) {
    if (symbolCache.size > 4096) symbolCache.clear();
    symbolCache.set(detach(cand), (r = analyseSymbol(cand, true)));
  }
  return r;
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

class Finder {
  refs: Ref[] = [];
  malformed: MalformedSymbol[] = [];
  constructor(readonly text: string) {}

  run() {
    const t = this.text;
    // Only runs with a slash or a keyword ("(resolutions") can hold a reference:
    // let the regex engine find those instead of looking at every character.
    const hint = /\/|resolution|decision/gi;
    let consumed = 0;
    for (let m = hint.exec(t); m; m = hint.exec(t)) {
      let i = m.index;
      while (i > consumed && isRunChar(t.charCodeAt(i - 1))) i--;
      let j = m.index;
      while (j < t.length && isRunChar(t.charCodeAt(j))) j++;
      consumed = j > i ? Math.max(j, this.run1(i, j)) : m.index + 1;
      hint.lastIndex = Math.max(consumed, m.index + 1);
    }
    // (Most texts find one reference or none: no sort, which allocates even then.)
    if (this.refs.length > 1) this.refs.sort((a, b) => a.start - b.start);
    if (this.malformed.length > 1) this.malformed.sort((a, b) => a.start - b.start);
    this.pinpoints();
    this.quotes();
    const references = this.refs.map((r) => {
      const o: FoundReference = { start: r.start, end: r.end, kind: r.kind, symbol: r.symbol, pinpoint: r.pinpoint, quote: r.quote };
      if (r.quoteStart !== undefined) { o.quoteStart = r.quoteStart; o.quoteEnd = r.quoteEnd; }
      if (r.moreQuotes) o.moreQuotes = r.moreQuotes;
      if (r.pinpointStart !== undefined) { o.pinpointStart = r.pinpointStart; o.pinpointEnd = r.pinpointEnd; }
      if (r.pinpoints) o.pinpoints = r.pinpoints;
      if (r.date !== undefined) o.date = r.date;
      return o;
    });
    return { references, malformed: this.malformed };
  }

  /** Handle one run [s, e); returns how far the text has been consumed. */
  run1(s: number, e: number): number {
    if (e - s > 160) return e; // no symbol is that long: a path, a URL or noise
    const t = this.text;
    const raw = t.slice(s, e);
    const word = stripSurrounding(raw);
    const a = s + raw.indexOf(word);
    const b = a + word.length;
    if (/^(?:resolution|decision)s?$/i.test(word)) return this.list(a, b, /^r/i.test(word) ? 'resolution' : 'decision');
    if (!word.includes('/') || word.includes('://') || /^www\.|@/.test(word)) return e;
    if (startsWithRoot(word)) return this.symbols(a, b, e);
    return this.bareDecisions(a, b, e);
  }

  /** Document symbols in [a, b), split where two are joined by a hyphen (A/72/123-S/2017/456). */
  symbols(a: number, b: number, e: number): number {
    const t = this.text;
    let end = e;
    let p = a;
    for (let k = a + 1; k <= b; k++) {
      if (k === b || (t[k] === '-' && isAlnum(t[k - 1]) && startsWithRoot(t.slice(k + 1, k + 8)))) {
        end = Math.max(end, this.symbol(p, k, e));
        p = k + 1;
      }
    }
    return end;
  }

  symbol(a: number, b: number, runEnd: number): number {
    const t = this.text;
    let cand = t.slice(a, b);
    if (cand.endsWith('/') && t[b] === '[') return b; // "A/76/[X]": a placeholder, not an error
    let end = b;
    // S/RES/2341 (2017), A/RES/2749 (XXV): the year or session follows after a space.
    if (b === runEnd && /^[AS]\/RES\/\d+$/.test(cand)) {
      const m = sticky(YEAR_SUFFIX, t, b);
      if (m) { cand += ` (${m[1]})`; end = m.index + m[0].length; }
    }
    let letter: string | null = null;
    if (b === runEnd && /^A\/RES\/\d+\/\d+$/.test(cand)) {
      const m = sticky(SYMBOL_LETTER, t, b);
      if (m) { letter = m[1]; end = m.index + m[0].length; }
    }
    let r = analyseCached(cand);
    if (r.kind === 'malformed' && /\/\d+[a-z]$/.test(cand)) {
      // A footnote mark glued to the symbol by PDF extraction: A/AC.296/2025/1a.
      const r2 = analyseCached(cand.slice(0, -1));
      if (r2.kind === 'symbol') { r = r2; end--; }
    }
    if (r.kind === 'symbol') {
      const kind: ReferenceKind = /\/RES[/.]/i.test(r.symbol) ? 'resolution' : /\/DEC[/.]/i.test(r.symbol) ? 'decision' : 'document';
      this.refs.push({ start: a, end, kind, symbol: letter ? `${r.symbol} ${letter}` : r.symbol, pinpoint: null, quote: null, tail: end });
    } else if (r.kind === 'malformed') {
      this.bad(a, end, `Malformed document symbol '${t.slice(a, end)}': ${r.message}.`);
    }
    return end;
  }

  bad(start: number, end: number, message: string) {
    this.malformed.push({ start, end, text: this.text.slice(start, end), message });
  }

  /** Decisions written without the word "decision": "[1/CP.21]", "decision.1/CP.18", and their garbled forms. */
  bareDecisions(a: number, b: number, e: number): number {
    const t = this.text;
    let end = e;
    for (let k = a; k < b; k++) {
      if (t[k] !== '/') continue;
      if (this.swapped(a, k)) continue;
      let ls = k;
      while (ls > a && k - ls < 4 && isDigit(t[ls - 1])) ls--;
      if (ls === k) while (ls > a && k - ls < 2 && (t[ls - 1] === 'x' || t[ls - 1] === 'X' || t[ls - 1] === '-')) ls--;
      if (ls === k || isAlnum(t[ls - 1])) continue;
      const d = this.decisionAt(ls);
      if (!d) continue;
      if (d.symbol) this.refs.push({ start: ls, end: d.end, kind: 'decision', symbol: d.symbol, pinpoint: null, quote: null, tail: d.end });
      else if (d.message) this.bad(ls, d.end, `Malformed decision symbol '${t.slice(ls, d.end)}': ${d.message}`);
      end = Math.max(end, d.end);
    }
    return end;
  }

  /** Swapped dot and slash around the slash at k: 2.CMA/3 for 2/CMA.3 (x.CP/y is a placeholder). */
  swapped(a: number, k: number): boolean {
    const t = this.text;
    let q = k;
    while (q > a && k - q < 3 && t[q - 1] >= 'A' && t[q - 1] <= 'Z') q--;
    if (q === k || t[q - 1] !== '.' || !sticky(DEC_BODY, t, q)) return false;
    let r = q - 1;
    while (r > a && q - 1 - r < 3 && isDigit(t[r - 1])) r--;
    const right = sticky(SESSION_AFTER_SLASH, t, k + 1);
    if (r === q - 1 || isAlnum(t[r - 1]) || !right) return false;
    const end = k + 1 + right[0].length;
    this.bad(r, end, `Malformed decision symbol '${t.slice(r, end)}': write decision ${t.slice(r, q - 1)}/${t.slice(q, k)}.${right[0]}.`);
    return true;
  }

  /** A decision such as 1/CP.21 starting at p. symbol is null for placeholders (X/CP.21, -/CMA.9). */
  decisionAt(p: number): { end: number; symbol: string | null; message?: string } | null {
    const t = this.text;
    const left = sticky(DEC_LEFT, t, p);
    if (!left) return null;
    const num = left[1];
    const placeholder = !isDigit(num[0]);
    const body = sticky(DEC_BODY, t, p + left[0].length);
    if (!body) {
      // A stray period after the slash (`1/.CP.21`, ADP 2015-11): a decision mistyped, not prose.
      const dotted = !placeholder && t[p + left[0].length] === '.' ? sticky(DEC_BODY, t, p + left[0].length + 1) : null;
      const session = dotted && sticky(DEC_SESSION, t, p + left[0].length + 1 + dotted[1].length);
      if (!dotted || !session || !isDigit(session[1][0])) return null;
      return { end: session.index + session[0].length, symbol: null, message: `write decision ${num}/${dotted[1]}.${session[1]}.` };
    }
    const k = p + left[0].length + body[1].length;
    const written = `${num}/${body[1]}`;
    const session = sticky(DEC_SESSION, t, k);
    if (session) {
      const end = session.index + session[0].length;
      return { end, symbol: placeholder || !isDigit(session[1][0]) ? null : `decision ${written}.${session[1]}` };
    }
    if (placeholder) return { end: k, symbol: null };
    const glued = sticky(DEC_GLUED, t, k); // 6/CMA4, 2/CMA 3
    if (glued) return { end: glued.index + glued[0].length, symbol: null, message: `write decision ${written}.${glued[2]}.` };
    const long = sticky(DEC_LONG_SESSION, t, k); // 1/CP.2100: no COP has met a thousand times
    if (long) return { end: long.index + long[0].length, symbol: null, message: `the session number ${long[1]} has more than three digits.` };
    const end = t[k] === '.' ? k + 1 : k;
    return { end, symbol: null, message: 'the session number is missing.' };
  }

  /** "resolution(s)" / "decision(s)" at [a, b) followed by one item or a list of items. */
  list(a: number, b: number, kind: 'resolution' | 'decision'): number {
    const t = this.text;
    const lead = sticky(LEAD, t, b);
    if (!lead) return b;
    let p = lead.index + lead[0].length;
    if (!/[0-9IVXLESx-]/.test(t[p] ?? '')) return b;
    // The organ just before the keyword: "Security Council resolution", "Human Rights Council resolutions".
    let om: RegExpExecArray | null = null;
    const before = t.slice(Math.max(0, a - 40), a);
    if (ORGAN_HINT.test(before.slice(-14))) om = ORGAN_RE.exec(before);
    const organ = om ? om[1].replace(/\s+/g, ' ') : null;
    let start = om ? a - before.length + om.index : a;
    let consumed = b;
    const first = this.refs.length;
    const starts: number[] = [];
    let headSession = 0; // the first item's General Assembly session (Infinity: another numbering; 0: an organ named)
    let m: RegExpExecArray | null;
    for (;;) {
      // A later item numbered like a month and year (`…; and 12/2023 was …`) is no resolution of any body.
      if (starts.length > 0 && (m = sticky(MONTH_YEAR, t, p)) && +m[1] <= 12) break;
      // Nor, after a General Assembly resolution, one numbered before its 31st session, where
      // slash numbers begin: `resolution 75/240 and 2/3 of the votes` lists a fraction.
      if (starts.length > 0 && headSession >= 31 && gaSession(t, p) < 31) break;
      const item = this.item(p, kind, organ);
      if (!item) break;
      if (starts.length === 0) headSession = organ === null ? gaSession(t, p) : 0;
      starts.push(p);
      const date = sticky(DATE_RE, t, item.end);
      const tail = date ? date.index + date[0].length : item.end;
      this.refs.push({ start, end: item.end, kind, symbol: item.symbol, pinpoint: null, quote: null, tail, ...(date ? { date: date[1].replace(/\s+/g, ' ') } : {}) });
      consumed = tail;
      const sep = sticky(SEP_RE, t, tail);
      if (!sep) break;
      p = start = sep.index + sep[0].length;
    }
    // `resolutions 5/14 and 5/15 of the Environment Assembly`: the organ after the list is every item's.
    const after = organ === null && starts.length ? sticky(ORGAN_AFTER, t, consumed) : null;
    if (after) {
      const named = after[1].replace(/\s+/g, ' ');
      starts.forEach((at, k) => { const again = this.item(at, kind, named); if (again) this.refs[first + k].symbol = again.symbol; });
      consumed = this.refs[this.refs.length - 1].tail = after.index + after[0].length;
    }
    return consumed;
  }

  item(p: number, kind: 'resolution' | 'decision', organ: string | null): { end: number; symbol: string } | null {
    const t = this.text;
    let m: RegExpExecArray | null;
    if (kind === 'decision') {
      const d = this.decisionAt(p);
      if (d) return d.symbol ? { end: d.end, symbol: d.symbol } : null;
      if ((m = sticky(ROMAN_DEC, t, p))) return { end: p + m[0].length, symbol: `decision ${m[1]}/${m[2]}` };
    } else {
      if ((m = sticky(SC_ITEM, t, p)) && m[2].length === 4) return { end: p + m[0].length, symbol: `S/RES/${m[1]} (${m[2]})` };
      if ((m = sticky(OLD_GA_ITEM, t, p))) return { end: p + m[0].length, symbol: `A/RES/${m[1]}(${m[2]})` };
    }
    if ((m = sticky(ES_ITEM, t, p))) return { end: p + m[0].length, symbol: `A/${kind === 'resolution' ? 'RES' : 'DEC'}/${m[1]}-${m[2]}/${m[3]}` };
    if (!(m = sticky(NUM_ITEM, t, p))) return null;
    let end = p + m[0].length;
    const letter = sticky(LETTER_PART, t, end);
    if (letter) end = letter.index + letter[0].length;
    const [, x, y] = m;
    const type = kind === 'resolution' ? 'RES' : 'DEC';
    const yearly = x.length === 4 && +x >= 1946; // Economic and Social Council: 1996/31
    let symbol: string;
    if (organ === 'Economic and Social Council' || yearly) symbol = `E/${type}/${x}/${y}`;
    else if (organ === 'Human Rights Council' || organ === 'Council') symbol = `A/HRC/${type}/${x}/${y}`;
    else if (organ && (organ.endsWith('Environment Assembly') || organ === 'UNEA')) symbol = `UNEP/EA.${x}/${kind === 'resolution' ? 'Res' : 'Dec'}.${y}`;
    // FORMAT.md §7: a decision's symbol is the decision as written (`decision 78/560`); lookups
    // still find it as A/DEC/78/560 (agreed/fold symbolKey).
    else symbol = kind === 'decision' ? `decision ${x}/${y}` : `A/${type}/${x}/${y}`;
    return { end, symbol: letter ? `${symbol} ${letter[1]}` : symbol };
  }

  /** Attach pinpoints written before ("paragraph 13 of A/76/135") or after ("A/76/135, para. 13"). */
  pinpoints() {
    const t = this.text;
    if (this.refs.length === 0) return;
    // Phrases and references are both in text order, so two forward pointers pair them.
    const phrases: { start: number; end: number; conn: number; label: string; labels?: string[]; used: boolean }[] = [];
    PARA_RE.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = PARA_RE.exec(t)); ) {
      // `Article 6, paragraph 2, of the annex to decision 1/CP.21`: a paragraph of an article of a
      // treaty, numbered afresh in each article, not the document's own paragraph 2.
      if (ARTICLE_BEFORE.test(t.slice(Math.max(0, m.index - 24), m.index))) continue;
      const c = sticky(BEFORE_CONN, t, m.index + m[0].length);
      // `paragraphs 3 and 4`, `paras. 17, 18 and 19`: every label listed (a plural only: `para. 6, 12 States` lists nothing).
      const labels = m[2] === undefined && /^[Pp]ara(?:graph)?s/.test(m[0]) ? m[0].match(LABEL_G)!.map((l) => normaliseLabel(l, undefined)) : undefined;
      phrases.push({ start: m.index, end: m.index + m[0].length, conn: c ? c.index + c[0].length : -1, label: normaliseLabel(m[1], m[2]), ...(labels && labels.length > 1 ? { labels } : {}), used: false });
    }
    let p = 0;
    for (const r of this.refs) {
      while (p < phrases.length && phrases[p].conn < r.start) p++;
      if (p < phrases.length && phrases[p].conn === r.start) { attach(r, phrases[p]); phrases[p].used = true; }
    }
    let q = 0;
    for (const r of this.refs) {
      if (r.pinpoint !== null) continue;
      const c = sticky(AFTER_CONN, t, r.tail);
      const at = c ? c.index + c[0].length : r.tail;
      while (q < phrases.length && phrases[q].start < at) q++;
      const ph = phrases[q];
      if (ph && ph.start === at && !ph.used) { attach(r, ph); ph.used = true; }
    }
  }

  /**
   * Each quotation goes to the reference with a pinpoint nearest to it in its sentence (FORMAT.md §7:
   * text in quotes in the same sentence as a reference with a pinpoint is a quotation of that
   * paragraph), distance measured from the reference with its pinpoint (`resolution 75/240, para. 3
   * ("…") and resolution 75/240, para. 4 ("…")`: the first quotation is para. 3's, though nearer the
   * second symbol than the first). A reference's `quote` is the nearest of its quotations; the others
   * are checked too. A quotation that holds the reference is not its quotation.
   */
  quotes() {
    const withPin = this.refs.filter((r) => r.pinpoint !== null);
    if (withPin.length === 0) return;
    const t = this.text;
    const quotes = findQuotes(t);
    if (quotes.length === 0) return;
    const sentences = sentenceEnds(t, quotes);
    /** Index of the sentence holding offset x: how many sentence ends are at or before it. */
    const sentenceOf = (x: number): number => {
      let lo = 0;
      let hi = sentences.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (sentences[mid] <= x) lo = mid + 1; else hi = mid; }
      return lo;
    };
    const refs = withPin
      .map((r) => ({ r, from: Math.min(r.start, r.pinpointStart ?? r.start), to: Math.max(r.end, r.pinpointEnd ?? r.end) }))
      .sort((a, b) => a.from - b.from);
    const froms = refs.map((x) => x.from);
    const sentenceOfRef = refs.map((x) => sentenceOf(x.from));
    const taken = new Map<(typeof refs)[number], { q: number; dist: number }[]>();
    const plain = this.refs.filter((r) => r.pinpoint === null);
    const plainStarts = plain.map((r) => r.start);
    /**
     * Whether a reference without pinpoint in sentence s ends in [after, at]: the last one before `at`;
     * one to the same document as `pinned` (`paragraph 3 of resolution 75/240 (A/RES/75/240), which
     * says “…”`) is that pinpointed reference written again, not another document.
     */
    const plainBefore = (at: number, after: number, s: number, pinned?: string): boolean => {
      let lo = 0;
      let hi = plainStarts.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (plainStarts[mid] < at) lo = mid + 1; else hi = mid; }
      for (let k = lo - 1, looked = 0; k >= 0 && looked < 8; k--, looked++) {
        if (plain[k].tail > at) continue; // the quotation is in it (`entitled "…"` after a date) or holds it
        if (plain[k].symbol === pinned) continue;
        return plain[k].start >= after && sentenceOf(plain[k].start) === s;
      }
      return false;
    };
    quotes.forEach(([qs, qe], q) => {
      const s = sentenceOf(qs);
      // The first reference starting at or after the quotation's end, and the last ending at or before its start.
      let lo = 0;
      let hi = froms.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (froms[mid] < qe) lo = mid + 1; else hi = mid; }
      let prev = -1;
      for (let k = lo - 1, looked = 0; k >= 0 && looked < 8; k--, looked++) {
        if (refs[k].to > qs) continue; // it overlaps the quotation, or the quotation holds it
        if (sentenceOfRef[k] === s) prev = k;
        break;
      }
      const next = lo < refs.length && sentenceOfRef[lo] === s ? lo : -1;
      // A citation right after the quotation (`“…” (A/76/135, para. 6)`) is its source; else the
      // reference it follows in its sentence (`resolution 75/240, para. 3, which provides that “…”,
      // and resolution 75/240, para. 4 …`); else the one after it.
      const cited = next >= 0 && refs[next].from - qe <= CITATION_GAP;
      // The reference it follows has no pinpoint (`…, and A/RES/73/27, which says “…”`): the
      // quotation is that document's, not one of the pinpointed reference before it or after it.
      if (!cited && plainBefore(qs, prev >= 0 ? refs[prev].to : -1, s, prev >= 0 ? refs[prev].r.symbol : undefined)) return;
      const best = cited || (next >= 0 && prev < 0) ? next : prev;
      if (best < 0) return;
      const dist = best === next ? refs[next].from - qe : qs - refs[prev].to;
      const l = taken.get(refs[best]);
      if (l) l.push({ q, dist });
      else taken.set(refs[best], [{ q, dist }]);
    });
    for (const [{ r }, l] of taken) {
      let near = l[0];
      for (const x of l) if (x.dist < near.dist) near = x;
      const at = (q: number) => ({ start: quotes[q][0] + 1, end: quotes[q][1] - 1, text: t.slice(quotes[q][0] + 1, quotes[q][1] - 1) });
      const nearest = at(near.q);
      r.quote = nearest.text;
      r.quoteStart = nearest.start;
      r.quoteEnd = nearest.end;
      if (l.length > 1) r.moreQuotes = l.filter((x) => x !== near).map((x) => at(x.q));
    }
  }
}

function attach(r: Ref, ph: { start: number; end: number; label: string; labels?: string[] }): void {
  r.pinpoint = ph.label;
  r.pinpointStart = ph.start;
  r.pinpointEnd = ph.end;
  if (ph.labels) r.pinpoints = ph.labels;
}

/** Characters (` (`, `, `) between a quotation and a citation of its source right after it. */
const CITATION_GAP = 3;

/** "2(b)" → "2 (b)", "71-72" → "71–72", "12bis" → "12 bis". */
function normaliseLabel(first: string, rangeEnd: string | undefined): string {
  const one = (l: string) =>
    /^\d+$/.test(l) ? l : l.replace(/\s+/g, '').replace(/(\d)(bis|ter|quater)/, '$1 $2').replace(/\(/g, ' (').trim();
  return rangeEnd ? `${one(first)}–${one(rangeEnd)}` : one(first);
}

/** Quotation spans [open, close + 1) in “…” or "…", not overlapping, reset at a blank line. */
function findQuotes(t: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let curly = false;
  const re = /["“”]|\n[ \t\r]*\n/g; // native scanning: most of a long text is skipped here
  for (let m: RegExpExecArray | null; (m = re.exec(t)); ) {
    const i = m.index;
    const c = m[0];
    if (c === '"') {
      if (open < 0) { open = i; curly = false; }
      else if (!curly) { if (i - open > 1) out.push([open, i + 1]); open = -1; }
    } else if (c === '“') {
      if (open < 0 || curly) { open = i; curly = true; }
    } else if (c === '”') {
      if (open >= 0 && curly) { if (i - open > 1) out.push([open, i + 1]); open = -1; }
    } else {
      open = -1; // a blank line ends an unclosed quotation
    }
  }
  return out;
}

/**
 * Sentence ends: after ". ", "? ", "! " or "; " followed by a capital (or an opening bracket or quote
 * and a capital), outside quotations, and not after an abbreviation such as "para." or "No."; also
 * after a quotation that ends its sentence inside its marks (`… “shall begin.” See …`).
 */
function sentenceEnds(t: string, quotes: [number, number][]): number[] {
  const out: number[] = [];
  const space = (k: number) => { const c = t.charCodeAt(k); return c === 32 || (c >= 9 && c <= 13) || c === 160; };
  const upper = (k: number) => { const c = t.charCodeAt(k); return c >= 65 && c <= 90; };
  let q = 0;
  const re = /[.;?!]["”]?(?=\s|$)/g;
  for (let m: RegExpExecArray | null; (m = re.exec(t)); ) {
    const i = m.index;
    const c = m[0][0];
    const end = i + m[0].length;
    let k = end;
    while (q < quotes.length && quotes[q][1] <= i) q++;
    // Inside a quotation, unless the quotation closes right here with the sentence.
    if (q < quotes.length && quotes[q][0] < i && quotes[q][1] !== end) continue;
    if (m[0].length > 1 && !(q < quotes.length && quotes[q][1] === end)) continue; // a quote mark that closes nothing
    while (k < t.length && k - end < 8 && space(k)) k++;
    // After a quotation closing its sentence, a parenthesis is its citation: `… 2022.” (A/RES/75/240, para. 3).`
    if (m[0].length > 1 && t[k] === '(') continue;
    if (k < t.length && '[({“"*'.includes(t[k])) k++;
    if (k < t.length && !upper(k)) continue;
    if (c === '.') {
      let w = i;
      while (w > 0 && i - w < 8 && /[A-Za-z.]/.test(t[w - 1])) w--;
      if (w < i && ABBREVIATIONS.has(t.slice(w, i).toLowerCase())) continue;
    }
    out.push(end);
  }
  return out;
}
