// The UN symbol of an agreed text that has no front matter: from its own
// header, else from its file name. Pure; never throws.

const SEG = String.raw`(?:(?:Add|Rev|Corr|Amend|Suppl|Misc)\.\d{1,3}|[A-Z]{1,10}(?:\.(?:\d{1,4}[A-Za-z]?|[IVX]{1,4}))?|\d{1,5}[A-Z]?)`;
const SYM = String.raw`[A-Z]{1,8}(?:\.\d{1,4})?(?:\/${SEG}){2,}(?: ?\(\d{4}\))?(?![\w])`;
// Only a symbol standing alone on a line, or next to "United Nations", is the
// document's own: symbols in running text are citations ("(A/73/505)").
const ALONE = new RegExp(String.raw`^[\s|*]*(${SYM})[\s|*]*$`);
const AFTER_UN = new RegExp(String.raw`United Nations[\s|]+(${SYM})`);

const FIRST_PARTS = new Set([
  'A', 'S', 'E', 'ST', 'FCCC', 'UNEP', 'TD', 'CCPR', 'CRC', 'CEDAW', 'CERD', 'CAT', 'CRPD', 'CMW',
  'DP', 'ECE', 'ICCD', 'ISBA', 'SPLOS', 'LOS', 'UNW', 'IDB', 'PBC', 'HRC', 'CBD',
]);
const ALPHA_SEG = /^[A-Za-z]{1,6}(?:\.(?:\d{1,4}[A-Za-z]?|[IVX]{1,4}))?$/;
const NUM_SEG = /^\d{1,5}[A-Za-z]?$/;
const SUFFIX_SEG = /^[A-Za-z]{1,6}\.\d{1,4}$/; // L.13, Add.1, Rev.2, CRP.1 after the numbers

function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

function fromHeader(text: string): string | undefined {
  let lines = text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
  if (/^Provenance:/i.test(lines[0] ?? '')) lines = lines.slice(1);
  // front matter, should a file carry it after all
  if ((lines.find((l) => l.trim()) ?? '').trim() === '---') {
    const start = lines.findIndex((l) => l.trim() === '---');
    const end = lines.findIndex((l, i) => i > start && l.trim() === '---');
    for (const l of lines.slice(start + 1, end < 0 ? undefined : end)) {
      const m = /^symbol:\s*["']?([^"'#]+?)["']?\s*(?:#.*)?$/.exec(l.trim());
      if (m) return m[1];
    }
    if (end > start) lines = lines.slice(end + 1);
  }
  for (const line of lines.slice(0, 30)) {
    const m = ALONE.exec(line) ?? AFTER_UN.exec(line);
    if (m && hasDigit(m[1]!)) return m[1]!.replace(/\*+$/, '');
  }
  return undefined;
}

/** A file's name without its folder and its extension, %-escapes decoded. */
function stem(fileName: string): string {
  let base = String(fileName ?? '').split(/[\\/]/).pop() ?? '';
  try { base = decodeURIComponent(base); } catch { /* keep as is */ }
  return base.replace(/(?:\.draft)?\.(?:txt|md|markdown|text|json|pdf)$/i, '');
}

function fromFileName(fileName: string): string | undefined {
  const base = stem(fileName);
  if (base.includes('/')) return undefined;
  const parts = base.split(/[-_ ]+/).filter(Boolean);
  const lower = base === base.toLowerCase();
  for (let s = 0; s < parts.length; s++) {
    if (!FIRST_PARTS.has(parts[s]!.toUpperCase()) || (!lower && parts[s] !== parts[s]!.toUpperCase())) continue;
    const out = [parts[s]!.toUpperCase()];
    let numeric = false;
    for (let t = s + 1; t < parts.length; t++) {
      const p = parts[t]!;
      if (NUM_SEG.test(p)) { out.push(p.toUpperCase()); numeric = true; continue; }
      if (!numeric && ALPHA_SEG.test(p) && (lower || p.split('.')[0] === p.split('.')[0]!.toUpperCase())) {
        out.push(p.toUpperCase()); continue;
      }
      if (numeric && SUFFIX_SEG.test(p)) { out.push(caseSuffix(p)); continue; }
      break;
    }
    if (out.length >= 3 && numeric) return out.join('/');
  }
  return undefined;
}

function caseSuffix(p: string): string {
  const [head, num] = p.split('.');
  const h = head!.toLowerCase();
  const mod = ['add', 'rev', 'corr', 'amend', 'suppl', 'misc'].includes(h);
  return `${mod ? h[0]!.toUpperCase() + h.slice(1) : head!.toUpperCase()}.${num}`;
}

/**
 * The symbol of an agreed text without front matter: the first UN symbol of its
 * header (first ~30 lines, a `Provenance:` first line skipped), else one spelled
 * in the file name with dashes (`A-RES-75-240.txt` → `A/RES/75/240`), else undefined.
 */
export function parseAgreedSymbol(fileName: string, text: string): string | undefined {
  try {
    return fromHeader(String(text ?? '')) ?? fromFileName(String(fileName ?? '')) ?? fromProvenance(String(text ?? ''));
  } catch {
    return undefined;
  }
}

// A `Provenance:` line that names the document's symbol in parentheses, once:
// `(Agreement relating to … Part XI …, 1994 (A/RES/48/263 annex); …)`.
const IN_PARENS = new RegExp(String.raw`\((${SYM})(?: annex)?\)`, 'g');

function fromProvenance(text: string): string | undefined {
  const first = /^\ufeff?(Provenance:[^\r\n]*)/i.exec(text)?.[1];
  if (!first) return undefined;
  const found = new Set([...first.matchAll(IN_PARENS)].map((m) => m[1]!).filter(hasDigit));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * What an agreed text with no symbol anywhere is known by: its file name without
 * the extension (FORMAT.md §8 indexes every file of an agreed-texts folder, so
 * its wording is still found when a draft reuses it).
 */
export function agreedFileName(fileName: string): string {
  return stem(fileName).trim();
}

/** What a loader says of an agreed text indexed as `as` (addText's answer): nothing when it had a symbol of its own. */
export function indexedAsNote(fileName: string, as: string | undefined): string | null {
  if (!as) return `${fileName}: no document symbol found (add front matter 'symbol:')`;
  return as === agreedFileName(fileName) ? `${fileName} names no document symbol: indexed as “${as}” (add front matter 'symbol:')` : null;
}
