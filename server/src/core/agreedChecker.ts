// Checks a draft's references and its reuse of agreed language against the
// catalogue and the agreed texts (FORMAT.md §7–8). Results are cached per
// block analysis, so an edit re-checks only the edited paragraph.
import type { BlockResult, LocalDiagnostic } from './blockAnalysis';
import type { ReferenceChecker } from './referenceChecker';
import { AgreedIndex, openingMarks, type AgreedDocument, type WordDiffPart } from './agreed/index';
import { agreedFileName, parseAgreedSymbol } from './agreed/agreedFile';
import { scanBlocks } from './blocks';
import { parseFrontMatter } from './frontMatter';
import { matchLabel } from './lineKinds';
import { splitLinesKeepEnds } from './lines';
import { foldText, symbolKey } from './agreed/fold';
import { catalogueEntries, catalogueEntry, confirmed } from './catalogue';
import { editDistance } from './editDistance';

/** `States [-should-] {+shall+} not …`: changed words marked, every word kept apart. */
export function formatWordDiff(diff: readonly WordDiffPart[], context = Infinity): string {
  const parts: string[] = [];
  diff.forEach((p, k) => {
    const t = p.text.replace(/\s+/g, ' ').trim();
    if (!t) return;
    parts.push(p.op === 'equal' ? elided(t, k > 0 ? context : 0, k < diff.length - 1 ? context : 0) : p.op === 'delete' ? `[-${t}-]` : `{+${t}+}`);
  });
  return parts.join(' ');
}

/**
 * Unchanged words kept around a change: `head` after the change before, `tail` before the next,
 * the rest as `…` (a message need not repeat a wording it has just quoted). Infinity keeps all.
 */
function elided(t: string, head: number, tail: number): string {
  if (head === Infinity || tail === Infinity) return t;
  const words = t.split(' ');
  if (words.length <= head + tail + 1) return t;
  return [...words.slice(0, head), '…', ...words.slice(words.length - tail)].join(' ');
}

/** Words with a letter: footnote marks (`^1`), numbers and stops are not what makes a paragraph's wording. */
const wordCount = (s: string): number => s.match(/\S*\p{L}\S*/gu)?.length ?? 0;

/**
 * What repeats agreed language: the paragraph, when the run is (nearly) all of it; else the
 * passage, with its length — a body's long name (15 words) in a paragraph of 90 is not "the paragraph".
 */
function reuser(text: string, start: number, end: number): string {
  const run = wordCount(text.slice(start, end));
  const all = wordCount(text);
  return run >= all - Math.max(2, all / 10) ? 'This paragraph' : `This passage of ${run} words`;
}

/** Bracket marks and attribution braces blanked out, offsets kept: reuse is judged on the words. */
function wordsOnly(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\{[^{}\n]{0,200}\}/g, (m) => ' '.repeat(m.length)).replace(/[[\]]/g, ' ');
}

const NOTHING: LocalDiagnostic[] = [];

/** `17, 18 and 19`, as a list of labels is written. */
function listText(labels: readonly string[]): string {
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 December 2018" → "2018-12-05"; undefined when it is not such a date. */
export function isoDate(written: string): string | undefined {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(written.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!) + 1;
  const day = Number(m[1]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2018-12-05" → "5 December 2018", as drafts write it. */
export function writtenDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : iso;
}


// After a reference (and its date): `, entitled “Title”` — the title as the draft gives it.
const ENTITLED_RE = /^(?:[ \t\u00a0\r\n]{1,3}of[ \t\u00a0\r\n]{1,3}\d{1,2}[ \t\u00a0\r\n]{1,3}[A-Za-z]{3,9}[ \t\u00a0\r\n]{1,3}\d{4})?[ \t\u00a0]{0,3},?[ \t\u00a0\r\n]{1,3}entitled[ \t\u00a0\r\n]{1,3}([“"])([^“”"\n]{1,400}(?:\n[^“”"\n]{1,400}){0,4})[”"]/;
const DATE_AFTER_RE = /^[ \t\u00a0\r\n]{1,3}of[ \t\u00a0\r\n]{1,3}(\d{1,2}[ \t\u00a0\r\n]{1,3}[A-Za-z]{3,9}[ \t\u00a0\r\n]{1,3}\d{4})/;

const foldTitle = (t: string) => foldText(t).replace(/[\s.,;:]+$/, '');
/** A title cited whole, or by its part before or after a colon (`Transforming our world: the 2030 Agenda …`). */
function sameTitle(found: string, title: string): boolean {
  const f = foldTitle(found);
  if (f === foldTitle(title)) return true;
  const colon = title.indexOf(':');
  return colon > 0 && (f === foldTitle(title.slice(0, colon)) || f === foldTitle(title.slice(colon + 1).trim()));
}

const DECISION_HEADING = /^[ \t]*Decision[ \t]+(\d{1,3}\/(?:CP|CMP|CMA)\.\d{1,2})[ \t]*\r?$/gm;

/** `Decision 1/CP.21` lines alone (the heading of a decision in a report), with their 0-based lines. */
function decisionHeadings(text: string): { symbol: string; line: number }[] {
  const out: { symbol: string; line: number }[] = [];
  if (text.indexOf('ecision') < 0) return out;
  let line = 0;
  let at = 0;
  for (const m of text.matchAll(DECISION_HEADING)) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    at = m.index;
    out.push({ symbol: `decision ${m[1]}`, line });
  }
  return out;
}

/** Heads of the parts of a symbol that name no organ or body: document types, modifiers. */
const DOCUMENT_PARTS = new Set(['L', 'CRP', 'WP', 'PV', 'SR', 'R', 'MISC', 'INF', 'DOC', 'NGO', 'RES', 'DEC', 'PRST', 'REV', 'ADD', 'CORR', 'AMEND', 'SUMMARY']);

/**
 * Whether two symbol keys one edit apart name the same organ or body: the root is the same, and
 * no part naming a numbered body differs (`A/AC.296/2025/CRP.1` is no typo of `A/AC.292/…`: another
 * committee's); a document type may (`A/REZ/75/240` is `A/RES/75/240` mistyped), and a decision's
 * session may (`1/CP.210`), not its body (`1/CMA.2` is no `1/CP.2`).
 */
function sameBody(a: string, b: string): boolean {
  const da = /^DECISION[^/]*\/([A-Z]+)/.exec(a);
  const db = /^DECISION[^/]*\/([A-Z]+)/.exec(b);
  if (da || db) return da?.[1] === db?.[1];
  const pa = a.split('/');
  const pb = b.split('/');
  if (pa[0] !== pb[0]) return false;
  if (pa.length !== pb.length) return true; // a slash left out or doubled
  const body = (part: string): boolean => {
    const m = /^([A-Z]+)\.\d/.exec(part);
    return !!m && !DOCUMENT_PARTS.has(m[1]!);
  };
  for (let i = 1; i < pa.length; i++) if (pa[i] !== pb[i] && (body(pa[i]!) || body(pb[i]!))) return false;
  return true;
}

const PLAUSIBLE_DECISION = /^decision\s+\d{1,2}\/[A-Z]{2,5}\.\d{1,2}$/i;

export class AgreedChecker implements ReferenceChecker {
  readonly index = new AgreedIndex();
  private cache = new WeakMap<BlockResult, { key: string; out: LocalDiagnostic[] }>();
  private sources = new Map<string, { symbol: string; file: string; title?: string; date?: string; lines: Map<string, number> }>();
  private suggestionCache = new Map<string, string[]>();
  /** An agreed text's key → the decisions printed in it, indexed on their own. */
  private partsOf = new Map<string, string[]>();
  /** Every known symbol once, with its key: what `suggestions` compares an unknown one with. */
  private candidates: { symbol: string; key: string }[] | null = null;
  /** Agreed texts indexed; with none, there is no reuse to look for. */
  private texts = 0;
  version = 0;

  /**
   * Index an agreed text. Its symbol comes from front matter, else from its header or file name;
   * a file with none is indexed under its file name (FORMAT.md §8 indexes every file of the folder,
   * so reuse of its wording is still found). Returns what it is indexed as.
   */
  addText(fileName: string, text: string): string | undefined {
    // Only the paragraphs and their labels are needed: the line scanner alone, not the full analysis.
    const blocks = scanBlocks(text, splitLinesKeepEnds(text), undefined, true);
    const fm = blocks[0]?.kind === 'frontmatter' ? parseFrontMatter(blocks[0].text) : {};
    const symbol = (typeof fm.symbol === 'string' && fm.symbol) || parseAgreedSymbol(fileName, text) || agreedFileName(fileName);
    if (!symbol) return undefined;
    const paragraphs: AgreedDocument['paragraphs'] = [];
    const lines = new Map<string, number>();
    // A report's addendum prints the decisions adopted, each headed `Decision 1/CP.21` and numbered
    // from 1: each is also indexed as the document it is, which drafts cite.
    const decisions = decisionHeadings(text);
    const parts = decisions.map((d) => ({ symbol: d.symbol, paragraphs: [] as AgreedDocument['paragraphs'], lines: new Map<string, number>() }));
    for (const b of blocks) {
      if (b.kind !== 'paragraph') continue;
      const nl = b.text.search(/\r\n|\r|\n|$/);
      const label = matchLabel(b.text.slice(0, nl));
      if (!label) continue;
      const p = { label: label.label, text: b.text.slice(label.textStart).trim() };
      paragraphs.push(p);
      if (!lines.has(label.label)) lines.set(label.label, b.line);
      let d = decisions.length - 1;
      while (d >= 0 && decisions[d].line > b.line) d--;
      if (d >= 0) {
        parts[d].paragraphs.push(p);
        if (!parts[d].lines.has(label.label)) parts[d].lines.set(label.label, b.line);
      }
    }
    const title = typeof fm.title === 'string' ? fm.title : undefined;
    const date = typeof fm.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fm.date) ? fm.date : undefined;
    for (const old of this.partsOf.get(symbolKey(symbol)) ?? []) {
      this.index.remove(old);
      this.sources.delete(symbolKey(old));
    }
    this.index.add({ symbol, title, date, paragraphs });
    this.sources.set(symbolKey(symbol), { symbol, file: fileName, title, date, lines });
    const own = parts.filter((p) => symbolKey(p.symbol) !== symbolKey(symbol) && p.paragraphs.length > 0);
    for (const p of own) {
      this.index.add({ symbol: p.symbol, date, paragraphs: p.paragraphs, partOf: symbol });
      this.sources.set(symbolKey(p.symbol), { symbol: p.symbol, file: fileName, date, lines: p.lines });
    }
    this.partsOf.set(symbolKey(symbol), own.map((p) => p.symbol));
    this.suggestionCache.clear();
    this.candidates = null;
    this.texts++;
    this.version++;
    this.cache = new WeakMap();
    return symbol;
  }

  /** Whether the text of `symbol` is indexed, so that its pinpoints and quotations are checked. */
  hasText(symbol: string): boolean {
    return this.index.has(symbol);
  }

  /** Where an agreed text came from, and the line of a paragraph in it (0 when not found), for go-to-definition. */
  source(symbol: string, pinpoint?: string | null): { symbol: string; file: string; title?: string; line: number } | undefined {
    const s = this.sources.get(symbolKey(symbol));
    if (!s) return undefined;
    const label = pinpoint ? pinpoint.split(/[–—-]/)[0].replace(/\s*\(.*$/, '').trim() : null;
    return { symbol: s.symbol, file: s.file, title: s.title, line: (label && s.lines.get(label)) || 0 };
  }

  /** Agreed texts indexed, by symbol. */
  get symbols(): string[] {
    return [...this.sources.values()].map((s) => s.symbol);
  }

  known(symbol: string): boolean {
    return this.index.has(symbol) || catalogueEntry(symbol) !== undefined;
  }

  /** Known symbols one edit (a changed, added, dropped or swapped character) away from an unknown one. */
  suggestions(symbol: string): string[] {
    const key = symbolKey(symbol);
    let out = this.suggestionCache.get(key);
    if (out) return out;
    out = [];
    // A decision numbered as decisions are (`decision 1/CP.20`, `7/CP.21`) is most likely a real one the
    // catalogue lacks: every other number of a session is a decision too, and the next session's a later
    // text. Only a misshapen one (`1/CP.2l`, `1/CP.210`) gets the nearest known decision.
    if (PLAUSIBLE_DECISION.test(symbol.trim())) return out;
    // One character off in the organ or body (`A/AC.296/…` for `A/AC.292/…`) is another body's
    // document, not a typo of this one: only the document's own parts may differ.
    for (const c of this.knownSymbols()) if (c.key !== key && editDistance(key, c.key, 1) <= 1 && sameBody(key, c.key)) out.push(c.symbol);
    out = out.slice(0, 3);
    if (this.suggestionCache.size > 10_000) this.suggestionCache.clear();
    this.suggestionCache.set(key, out);
    return out;
  }

  private knownSymbols(): { symbol: string; key: string }[] {
    if (this.candidates) return this.candidates;
    const byKey = new Map<string, string>();
    for (const symbol of [...catalogueEntries().map((e) => e.symbol), ...[...this.sources.values()].map((s) => s.symbol)]) {
      const key = symbolKey(symbol);
      if (!byKey.has(key)) byKey.set(key, symbol);
    }
    return (this.candidates = [...byKey].map(([key, symbol]) => ({ symbol, key })));
  }

  /** What is on record about a document: the catalogue first, then an agreed text's front matter. */
  private record(symbol: string): { title?: string; titleFrom: string; date?: string; dateFrom: string; supersededBy?: string } | undefined {
    const e = catalogueEntry(symbol) as (ReturnType<typeof catalogueEntry> & { supersededBy?: unknown }) | undefined;
    const s = this.sources.get(symbolKey(symbol));
    if (!e && !s) return undefined;
    // A catalogue field no record has confirmed is no ground to tell the person they are wrong.
    const title = e && confirmed(e, 'title') ? e.title : undefined;
    const date = e && confirmed(e, 'date') && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : undefined;
    if (!title && !date && !s && !e?.supersededBy) return undefined;
    return {
      title: title || s?.title,
      titleFrom: title ? 'the catalogue' : 'its agreed text',
      date: date ?? s?.date,
      dateFrom: date ? 'the catalogue' : 'its agreed text',
      supersededBy: typeof e?.supersededBy === 'string' && e.supersededBy ? e.supersededBy : undefined,
    };
  }

  /** `reference-mismatch`: superseded document, or a stated date or title that contradicts the record. */
  private mismatches(block: BlockResult, ref: BlockResult['references'][number], out: LocalDiagnostic[]): void {
    const rec = this.record(ref.symbol);
    if (!rec) return;
    if (rec.supersededBy) {
      out.push({
        code: 'reference-mismatch', severity: 'warning', start: ref.start, end: ref.end,
        message: `${ref.symbol} is superseded by ${rec.supersededBy} (the catalogue).`,
        data: { symbol: ref.symbol, field: 'symbol', found: ref.symbol, expected: rec.supersededBy, supersededBy: rec.supersededBy },
      });
    }
    const after = block.text.slice(ref.end, Math.min(block.text.length, ref.end + 2400));
    if (ref.date && rec.date) {
      const iso = isoDate(ref.date);
      if (iso && iso !== rec.date) {
        const m = DATE_AFTER_RE.exec(after);
        const start = m ? ref.end + m[0].length - m[1]!.length : ref.start;
        const end = m ? ref.end + m[0].length : ref.end;
        const expected = writtenDate(rec.date);
        out.push({
          code: 'reference-mismatch', severity: 'warning', start, end,
          message: `${ref.symbol} is dated ${expected} in ${rec.dateFrom}, not ${ref.date}.`,
          data: { symbol: ref.symbol, field: 'date', found: ref.date, expected, iso: rec.date },
        });
      }
    }
    if (rec.title) {
      const m = ENTITLED_RE.exec(after);
      if (m && !sameTitle(m[2]!, rec.title)) {
        const start = ref.end + m[0].length - 1 - m[2]!.length;
        out.push({
          code: 'reference-mismatch', severity: 'warning', start, end: start + m[2]!.length,
          message: `${ref.symbol} is entitled “${rec.title}” in ${rec.titleFrom}.`,
          data: { symbol: ref.symbol, field: 'title', found: m[2]!.replace(/\s+/g, ' '), expected: rec.title },
        });
      }
    }
  }

  /** The agreed texts dated after `asOf`, by date; kept per date until the texts change. */
  private after = { version: -1, byDate: new Map<string, Set<string>>() };
  private agreedAfter(asOf: string): Set<string> {
    if (this.after.version !== this.version) this.after = { version: this.version, byDate: new Map() };
    let out = this.after.byDate.get(asOf);
    if (!out) {
      out = new Set();
      for (const s of this.sources.values()) {
        const date = this.record(s.symbol)?.date;
        if (date && date > asOf) out.add(s.symbol);
      }
      this.after.byDate.set(asOf, out);
    }
    return out;
  }

  checkBlock(block: BlockResult, cited: ReadonlySet<string>, own?: string, asOf?: string): LocalDiagnostic[] {
    // Most paragraphs cite nothing; with no agreed texts there is no reuse to look for either.
    if (block.references.length === 0 && this.texts === 0) return NOTHING;
    // Kept per block and what it cites: a footnote's citations may change while the block does not.
    const tail = asOf ? `${own ?? ''}\u0002${asOf}` : (own ?? '');
    const key = cited.size === 0 ? tail : `${[...cited].join('\u0000')}\u0001${tail}`;
    const hit = this.cache.get(block);
    if (hit && hit.key === key) return hit.out;
    const out = this.compute(block, cited, own, asOf);
    this.cache.set(block, { key, out });
    return out;
  }

  private compute(block: BlockResult, cited: ReadonlySet<string>, ownSymbol: string | undefined, asOf: string | undefined): LocalDiagnostic[] {
    const out: LocalDiagnostic[] = [];
    for (const ref of block.references) {
      if (!this.known(ref.symbol)) {
        const suggestions = this.suggestions(ref.symbol);
        const mean = suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : '.';
        out.push({
          code: 'unknown-document', severity: 'information', start: ref.start, end: ref.end,
          message: `${ref.symbol} is not in the catalogue or the agreed texts${mean}`,
          // Data only where there is a fix to offer: every byte is re-sent at each keystroke.
          ...(suggestions.length ? { data: { symbol: ref.symbol, suggestions } } : {}),
        });
        continue;
      }
      this.mismatches(block, ref, out);
      if (!this.index.has(ref.symbol)) continue;
      // `paragraphs 17, 18 and 19`: `pinpoint` is the first (FORMAT.md §9 has one field); each is checked.
      const listed = ref.pinpoints && ref.pinpoints.length > 1 ? ref.pinpoints : undefined;
      if (listed) {
        const missing = listed.filter((l) => !this.index.hasParagraph(ref.symbol, l));
        if (missing.length) {
          const written = listText(listed);
          const message = missing.length === listed.length
            ? `${ref.symbol} has no paragraphs ${written}.`
            : `${ref.symbol} has no paragraph${missing.length > 1 ? 's' : ''} ${listText(missing)} (cited as paras. ${written}).`;
          out.push({
            code: 'missing-pinpoint', severity: 'warning', start: ref.start, end: ref.end, message,
            data: { symbol: ref.symbol, pinpoint: ref.pinpoint, missing: listText(missing) },
          });
          continue;
        }
      } else if (ref.pinpoint && !this.index.hasParagraph(ref.symbol, ref.pinpoint)) {
        // Of a range (`paras. 1.2–1.99`), the end or ends the text lacks.
        const ends = ref.pinpoint.split('–');
        const missing = ends.length === 2 ? ends.filter((e) => !this.index.hasParagraph(ref.symbol, e)) : [];
        const message = missing.length === 1
          ? `${ref.symbol} has no paragraph ${missing[0]} (cited as paras. ${ref.pinpoint}).`
          : `${ref.symbol} has no paragraph${ends.length === 2 ? 's' : ''} ${ref.pinpoint}.`;
        out.push({
          code: 'missing-pinpoint', severity: 'warning', start: ref.start, end: ref.end, message,
          data: { symbol: ref.symbol, pinpoint: ref.pinpoint, ...(missing.length === 1 ? { missing: missing[0] } : {}) },
        });
        continue;
      }
      const quotes = ref.quote === null ? [] : [{ text: ref.quote, start: ref.quoteStart ?? ref.start, end: ref.quoteEnd ?? ref.end }, ...(ref.moreQuotes ?? [])];
      for (const quote of quotes) {
        // A quotation of a list may be of any paragraph listed.
        const v = this.index.checkQuote(ref.symbol, listed ? listed.join(', ') : ref.pinpoint, quote.text);
        if (!v.ok) {
          const cited = listed ? `${ref.symbol}, paras. ${listText(listed)}` : ref.pinpoint ? `${ref.symbol}, para. ${ref.pinpoint}` : ref.symbol;
          const elsewhere = v.nearestLabel && ref.pinpoint && (listed ? !v.nearestLabel.split('–').every((l) => listed.includes(l)) : v.nearestLabel !== ref.pinpoint);
          const exact = v.diff?.every((d) => d.op === 'equal');
          // The nearest wording is never the quotation itself: that would be no mismatch at all.
          if (exact && !elsewhere) continue;
          const message = elsewhere && exact
            ? `The quotation is not in ${cited}: it is the wording of para. ${v.nearestLabel}.`
            : `The quotation does not match ${cited}${v.nearest ? `: the nearest agreed wording${elsewhere || (listed && listed.includes(v.nearestLabel!)) ? `, in para. ${v.nearestLabel},` : ''} is “${v.nearest}”` : ''}${v.diff ? ` (${formatWordDiff(v.diff, 3)})` : ''}.`;
          out.push({
            code: 'quote-mismatch', severity: 'warning', start: quote.start, end: quote.end,
            message,
            data: { symbol: ref.symbol, pinpoint: ref.pinpoint, nearest: v.nearest, nearestLabel: v.nearestLabel, diff: v.diff },
          });
        }
      }
    }
    if (this.texts > 0 && (block.kind === 'paragraph' || block.kind === 'text')) {
      const text = wordsOnly(block.text, block.textStart, block.contentEnd);
      // The documents cited cover the language they cite; the own symbol is only left out (an agreed
      // text may reuse others).
      const refs = new Set<string>(cited);
      for (const r of block.references) refs.add(r.symbol);
      let own: Set<string> | undefined;
      if (ownSymbol && !refs.has(ownSymbol)) {
        own = new Set([ownSymbol]);
      }
      // Language agreed after the draft's date is not what it reuses (a draft of the Paris Agreement
      // does not follow the decision that later adopted it): those texts are left out like its own.
      const later = asOf ? this.agreedAfter(asOf) : undefined;
      if (later?.size) own = new Set([...(own ?? []), ...[...later].filter((x) => !refs.has(x))]);
      for (const r of this.index.findReuse(text, refs, 12, own)) {
        const changes = r.changes === 0 ? 'unchanged' : `with ${r.changes} change${r.changes === 1 ? '' : 's'}`;
        // The run starts at its first word; the squiggle takes in the marks that open it (`*Calls upon*`, `(b)`).
        const lead = openingMarks(text, r.start);
        out.push({
          code: 'agreed-language', severity: 'information', start: block.textStart + r.start - lead, end: block.textStart + r.end,
          message: `${reuser(text, r.start, r.end)} follows ${r.symbol}, para. ${r.label}, ${changes}${r.changes ? `: “${formatWordDiff(r.diff, 4)}”` : ''}.`,
          data: { symbol: r.symbol, pinpoint: r.label, changes: r.changes, diff: r.diff, agreed: r.agreed, citation: `${r.symbol}, para. ${r.label}` },
        });
      }
    }
    return out;
  }
}

/** A checker with the catalogue only: references are known or unknown, nothing more to check. */
export function catalogueChecker(): ReferenceChecker {
  return new AgreedChecker();
}
