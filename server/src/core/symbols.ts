// UN document symbols: a pure parser with no regex that can backtrack badly.
// A symbol is ROOT/COMP/COMP…: a series root (A, S, E, FCCC …), bodies and
// sessions (C.1, AC.292, HRC, CN.6, 76, 2025), a document designator (135,
// L.13, CRP.1, RES/75/240, PRST/2023/1) and trailing modifiers (Rev.1, Add.2).

/** Series roots of the UN symbol system (principal organs, treaty bodies, conventions, funds). */
const ROOTS = new Set([
  'A', 'S', 'E', 'ST', 'TD', 'UNEP', 'FCCC', 'CCPR', 'CEDAW', 'CRC', 'CERD', 'CAT', 'CMW', 'CRPD', 'CED',
  'HRI', 'UNW', 'DP', 'ICCD', 'CBD', 'ISBA', 'LOS', 'SPLOS', 'CD', 'NPT', 'BWC', 'CCW', 'APLC', 'CCM',
  'ATT', 'JIU', 'IDB', 'PBC', 'ECE', 'CTOC', 'CAC', 'HSP', 'IPBES', 'GOV',
]);

/** Document-type heads whose `.n` form is itself a document designator (L.13, CRP.1 …). */
const TYPE_ANY_CASE = /^(?:res|dec|prst)$/i;
const DOC_TYPES = new Set(['L', 'CRP', 'WP', 'PV', 'SR', 'R', 'MISC', 'INF', 'DOC', 'NGO', 'RES', 'DEC']);
/** Document types that are never complete without a number. */
const NEEDS_NUMBER = new Set(['L', 'CRP', 'WP', 'PV', 'SR', 'MISC']);

const NUM = /^\d{1,6}$/;
const MODIFIER = /^(rev|add|corr|amend)\.(\d{1,3})$/i;
const BARE_MODIFIER = /^(rev|add|corr|amend)\.?$/i;
const MOD_CASE: Record<string, string> = { rev: 'Rev', add: 'Add', corr: 'Corr', amend: 'Amend' };
// A body, session or type word: AC.292, CN.6, ES-10, COP(15), OzL.Pro.33, L.13, CSP9, Sub.2.
const WORD = /^[A-Z][A-Za-z]{0,11}\d{0,4}(?:[.-][A-Za-z0-9]{1,8}){0,3}(?:\(\d{1,4}\))?$/;
const SESSION = /^(?:\d{1,4}|(?:ES|S)-\d{1,2}|[IVXL]{1,7})$/;
const ROMAN = /^[IVXL]{1,7}$/;

export type SymbolAnalysis =
  | { kind: 'symbol'; symbol: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'none' };

/** Parse a string as a UN document symbol. Returns the normalised symbol or null if it is not one. */
export function parseSymbol(text: string): { symbol: string } | null {
  try {
    if (typeof text !== 'string' || text.length > 200) return null;
    const r = analyseSymbol(stripSurrounding(text.trim()), false);
    return r.kind === 'symbol' ? { symbol: r.symbol } : null;
  } catch {
    return null;
  }
}

export function isWellFormedSymbol(text: string): boolean {
  return parseSymbol(text) !== null;
}

/** Whether s (e.g. "A", "FCCC") is a series root, as written in text (upper case). */
export function isSeriesRoot(s: string): boolean {
  return ROOTS.has(s);
}

/** Drop punctuation that surrounds a symbol in prose: "(A/76/135)," → "A/76/135". */
export function stripSurrounding(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && '([{*_\'"“‘'.includes(s[a])) a++;
  for (;;) {
    const c = s[b - 1];
    if (b > a && '.,;:!?*_\'"”’]}'.includes(c)) b--;
    else if (b > a && c === ')' && count(s, '(', a, b) < count(s, ')', a, b)) b--;
    else break;
  }
  return s.slice(a, b);
}

function count(s: string, ch: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (s[i] === ch) n++;
  return n;
}

/**
 * Classify a candidate already stripped of surrounding punctuation.
 * strictCase (text scanning): a lower-case word after the root is prose ("S/he"), not a symbol.
 * 'malformed' only for strings clearly shaped like a symbol; anything else that fails is 'none'.
 */
export function analyseSymbol(cand: string, strictCase: boolean): SymbolAnalysis {
  if (cand.length === 0 || cand.length > 120) return NONE;
  if (strictCase && /\.[a-z]{2,4}$/.test(cand)) return NONE; // a file name: A/76/135.pdf
  // A parenthesised suffix after a number: S/RES/2341 (2017), A/RES/2749(XXV).
  let base = cand;
  let suffix: string | null = null;
  const open = cand.endsWith(')') ? cand.lastIndexOf('(') : -1;
  if (open > 0 && /\d$/.test(cand.slice(0, open).trimEnd())) {
    base = cand.slice(0, open).replace(/[ \t\u00a0]+$/, '');
    suffix = cand.slice(open + 1, -1);
  }
  if (/\s/.test(base)) return NONE;
  const comps = base.split('/');
  const root = strictCase ? comps[0] : comps[0].toUpperCase();
  if (comps.length < 2 || !ROOTS.has(root)) return NONE;
  const shaped = /\d/.test(cand) || comps.length >= 3;
  const fail = (message: string): SymbolAnalysis => (shaped ? { kind: 'malformed', message } : NONE);

  const out: string[] = [root];
  let firstMod = -1;
  for (let i = 1; i < comps.length; i++) {
    let c = comps[i];
    if (c === '') return fail(i === comps.length - 1 ? "ends with '/'" : "has an empty part ('//')");
    // `A/Res/75/240`, `A/res/75/240`: the document type in any case is still the type.
    if (TYPE_ANY_CASE.test(c)) c = c.toUpperCase();
    if (strictCase && /^[a-z]{2,}$/.test(c) && !BARE_MODIFIER.test(c)) return NONE;
    const mod = MODIFIER.exec(c);
    if (mod) {
      c = `${MOD_CASE[mod[1].toLowerCase()]}.${mod[2]}`;
      if (firstMod < 0) firstMod = i;
    } else if (/^summary$/i.test(c)) {
      c = 'Summary';
      if (firstMod < 0) firstMod = i;
    } else {
      if (BARE_MODIFIER.test(c)) return fail(`modifier '${c}' needs a number (e.g. ${MOD_CASE[c.replace('.', '').toLowerCase()]}.1)`);
      // `Rev1`, `L13`: a modifier or a document type run into its number, without the period.
      const run = /^(rev|add|corr|amend|L|CRP|WP|PV|SR|MISC)(\d{1,4})$/i.exec(c);
      if (run && (MOD_CASE[run[1].toLowerCase()] || NEEDS_NUMBER.has(run[1].toUpperCase())))
        return fail(`'${c}' needs a period before its number (${MOD_CASE[run[1].toLowerCase()] ?? run[1].toUpperCase()}.${run[2]})`);
      if (firstMod >= 0) return fail(`'${c}' follows the modifier '${comps[firstMod]}'; modifiers come last`);
      if (!/[A-Z]/.test(c)) c = c.toUpperCase();
      if (!NUM.test(c) && !WORD.test(c)) return fail(`'${comps[i]}' is not a valid symbol part`);
    }
    out.push(c);
  }
  const core = out.slice(1, firstMod < 0 ? out.length : firstMod);
  if (core.length === 0) return fail('has a modifier but no document number');
  const last = core[core.length - 1];
  if (NEEDS_NUMBER.has(last)) return fail(`'${last}' needs a number (e.g. ${last}.1)`);

  const typeAt = core.findIndex((c) => c === 'RES' || c === 'DEC' || c === 'PRST');
  let suffixText = '';
  if (typeAt >= 0) {
    const type = core[typeAt];
    const after = core.slice(typeAt + 1);
    if (type === 'PRST') {
      if (after.length !== 2 || !/^\d{4}$/.test(after[0]) || !NUM.test(after[1])) return fail('a presidential statement symbol is S/PRST/<year>/<number>');
    } else if (root === 'S' && type === 'RES') {
      if (after.length !== 1 || !NUM.test(after[0])) return fail('a Security Council resolution symbol is S/RES/<number> (<year>)');
      if (suffix !== null) {
        if (!/^\d{4}$/.test(suffix)) return fail(`the year '(${suffix})' must have four digits, as in S/RES/2341 (2017)`);
        suffixText = ` (${suffix})`;
      }
    } else if (suffix !== null && ROMAN.test(suffix) && after.length === 1 && NUM.test(after[0])) {
      suffixText = `(${suffix})`; // pre-1976 General Assembly form A/RES/2749(XXV)
    } else if (after.length < 2) {
      return fail(`the ${type === 'RES' ? 'resolution' : 'decision'} symbol lacks ${after.length ? 'a number' : 'a session and number'}`);
    } else if (after.length > 2 || !SESSION.test(after[0]) || !NUM.test(after[1])) {
      return fail(`a ${type === 'RES' ? 'resolution' : 'decision'} symbol is …/${type}/<session>/<number>`);
    }
  }
  if (suffix !== null && suffixText === '') return fail(`unexpected '(${suffix})' in a symbol`);
  if (typeAt < 0) {
    // A/76 or A/C.1 name a session or a body, not a document: not a symbol, not an error.
    const isDoc = NUM.test(last)
      ? core.length > 1 || (last.length >= 3 && root !== 'A' && root !== 'E')
      : /^[A-Za-z]+\.\d+$/.test(last) && (DOC_TYPES.has(last.split('.')[0].toUpperCase()) || core.some((c) => NUM.test(c)));
    if (!isDoc) return NONE;
  }
  return { kind: 'symbol', symbol: out.join('/') + suffixText };
}

const NONE: SymbolAnalysis = { kind: 'none' };
