// `negotext cite`: every reference with its verdict, and every reuse of agreed
// language, per paragraph. Built from the analysis alone: the verdicts are the
// reference diagnostics of the core, matched back to the references they concern.
import type { Analysis, Diagnostic, Position, Range, ReferenceInfo } from '../core/model';
import { formatWordDiff } from '../core/agreedChecker';
import type { WordDiffPart } from '../core/agreed/index';
import type { ReferenceChecker } from '../core/referenceChecker';
import { maxOf } from '../core/text';
import { partitionPoint } from '../core/compare/lowerBound';

export type CiteVerdict = 'ok' | 'unknown-document' | 'missing-pinpoint' | 'quote-mismatch' | 'reference-mismatch';

export interface CiteReference {
  symbol: string;
  pinpoint: string | null;
  quote: string | null;
  range: Range;
  known: boolean;
  /** Its text is among the agreed texts: its pinpoint and quotation were checked against it. */
  textChecked: boolean;
  verdict: CiteVerdict;
  message?: string;
  /** every problem found with this reference, most serious first (the verdict is the first) */
  problems?: Array<{ code: CiteVerdict; message: string; data?: Record<string, unknown> }>;
}

export interface CiteReuse {
  symbol: string;
  pinpoint: string;
  changes: number;
  range: Range;
  diff: WordDiffPart[];
}

export interface CiteParagraph {
  label: string | null;
  references: CiteReference[];
  reuse: CiteReuse[];
}

export interface CiteReport {
  file: string;
  paragraphs: CiteParagraph[];
}

const ORDER: CiteVerdict[] = ['unknown-document', 'missing-pinpoint', 'quote-mismatch', 'reference-mismatch'];

const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;
const within = (p: Position, r: Range) => cmp(p, r.start) >= 0 && cmp(p, r.end) <= 0;

export function citeReport(file: string, analysis: Analysis, checker?: ReferenceChecker): CiteReport {
  const byKey = new Map<string, CiteParagraph>();
  const order: CiteParagraph[] = [];
  const paras = analysis.paragraphs;
  /** The paragraph holding a position: the last that starts at or before it (paragraphs are in order and apart). */
  const paragraphAt = (at: Position) => {
    const p = paras[partitionPoint(paras.length, (k) => cmp(paras[k].range.start, at) <= 0) - 1];
    return p && within(at, p.range) ? p : undefined;
  };
  const para = (label: string | null, at: Position): CiteParagraph => {
    // a label may repeat (duplicate numbering): key by the paragraph that holds the position
    const p = paragraphAt(at);
    // (outside any paragraph — a heading, a footnote — each line its own group, in document order)
    const key = p ? `${p.label}@${p.range.start.line}` : `${label ?? ''}@-${at.line}`;
    let out = byKey.get(key);
    if (!out) {
      byKey.set(key, (out = { label: p?.label ?? label, references: [], reuse: [] }));
      order.push(out);
    }
    return out;
  };
  // The reference diagnostics, found for each reference without scanning them all (a draft may have
  // 200 000 references): those on a range by code and range, the others in order of position.
  const refDiags = analysis.diagnostics.filter((d) => (ORDER as string[]).includes(d.code));
  const rank = new Map(refDiags.map((d, k) => [d, k]));
  const rangeKey = (code: string, r: Range) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const onRange = new Map<string, Diagnostic[]>();
  const positioned: Diagnostic[] = [];
  for (const d of refDiags) {
    if (d.code === 'quote-mismatch' || d.code === 'unknown-document') {
      const k = rangeKey(d.code, d.range);
      const l = onRange.get(k);
      if (l) l.push(d);
      else onRange.set(k, [d]);
    } else positioned.push(d);
  }
  positioned.sort((a, b) => cmp(a.range.start, b.range.start) || rank.get(a)! - rank.get(b)!);
  const used = new Set<Diagnostic>();
  const refs = analysis.references;
  refs.forEach((ref: ReferenceInfo, i) => {
    const next = refs[i + 1];
    // Up to the next reference: a reference in no paragraph (a heading, a footnote) has no paragraph to bound it.
    const windowEnd = next ? next.range.start : { line: Number.MAX_SAFE_INTEGER, character: 0 };
    const paraRange = paragraphAt(ref.range.start)?.range;
    const mine: Diagnostic[] = [...(ref.quoteRange ? onRange.get(rangeKey('quote-mismatch', ref.quoteRange)) ?? [] : []), ...(onRange.get(rangeKey('unknown-document', ref.range)) ?? [])];
    for (let k = partitionPoint(positioned.length, (j) => cmp(positioned[j].range.start, ref.range.start) < 0); k < positioned.length && cmp(positioned[k].range.start, windowEnd) < 0; k++) {
      const d = positioned[k];
      // Stands on the reference's symbol, within its paragraph.
      if ((d.data as { symbol?: string } | undefined)?.symbol === ref.symbol && (!paraRange || within(d.range.start, paraRange))) mine.push(d);
    }
    for (let k = mine.length - 1; k >= 0; k--) if (used.has(mine[k])) mine.splice(k, 1);
    // As the diagnostics came, then the most serious first.
    mine.sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (const d of mine) used.add(d);
    mine.sort((a, b) => ORDER.indexOf(a.code as CiteVerdict) - ORDER.indexOf(b.code as CiteVerdict));
    const out: CiteReference = {
      symbol: ref.symbol, pinpoint: ref.pinpoint, quote: ref.quote, range: ref.range, known: ref.known,
      textChecked: ref.known && (checker?.hasText?.(ref.symbol) ?? false),
      verdict: mine.length ? (mine[0]!.code as CiteVerdict) : 'ok',
    };
    if (mine.length) {
      out.message = mine.map((d) => d.message).join(' ');
      out.problems = mine.map((d) => ({ code: d.code as CiteVerdict, message: d.message, ...(d.data ? { data: d.data } : {}) }));
    }
    para(ref.paragraph, ref.range.start).references.push(out);
  });
  for (const d of analysis.diagnostics) {
    if (d.code !== 'agreed-language') continue;
    const data = (d.data ?? {}) as { symbol?: string; pinpoint?: string; changes?: number; diff?: WordDiffPart[] };
    para(null, d.range.start).reuse.push({
      symbol: data.symbol ?? '', pinpoint: data.pinpoint ?? '', changes: data.changes ?? 0, range: d.range, diff: data.diff ?? [],
    });
  }
  // document order
  const first = (p: CiteParagraph) => [...p.references.map((r) => r.range.start), ...p.reuse.map((r) => r.range.start)].sort(cmp)[0]!;
  order.sort((a, b) => cmp(first(a), first(b)));
  return { file, paragraphs: order };
}

function verdictText(r: CiteReference): string {
  const parts: string[] = [];
  for (const p of r.problems ?? []) {
    const data = (p.data ?? {}) as { suggestions?: string[]; diff?: WordDiffPart[]; pinpoint?: string; missing?: string; field?: string };
    if (p.code === 'unknown-document') parts.push(`unknown document${data.suggestions?.length ? ` (did you mean ${data.suggestions.join(' or ')}?)` : ''}`);
    else if (p.code === 'missing-pinpoint') parts.push(`no paragraph ${data.missing ?? data.pinpoint ?? r.pinpoint}`);
    else if (p.code === 'quote-mismatch') parts.push(`quotation differs: ${data.diff ? formatWordDiff(data.diff) : p.message}`);
    else parts.push(`${data.field === 'date' ? 'date differs' : data.field === 'title' ? 'title differs' : 'mismatch'}: ${p.message}`);
  }
  if (parts.length) return parts.join('; ');
  // A document in the catalogue whose text is not at hand: it exists, but nothing cited of it was checked.
  const unchecked = r.textChecked ? [] : [...(r.pinpoint ? ['pinpoint'] : []), ...(r.quote ? ['quotation'] : [])];
  return unchecked.length ? `ok: the document exists; ${unchecked.join(' and ')} not checked (its text is not among the agreed texts)` : 'ok';
}

/** The readable form: one line per reference and per reuse, grouped by paragraph. */
export function formatCite(report: CiteReport): string {
  const lines: string[] = [report.file];
  if (report.paragraphs.length === 0) lines.push('  no references and no reuse of agreed language');
  const width = Math.min(12, maxOf(report.paragraphs.map((p) => (p.label ?? '—').length)));
  for (const p of report.paragraphs) {
    const label = (p.label ?? '—').padEnd(width);
    const blank = ' '.repeat(width);
    let firstLine = true;
    const lead = () => {
      const s = firstLine ? label : blank;
      firstLine = false;
      return `  ${s}  `;
    };
    for (const r of p.references) {
      const where = r.pinpoint ? `${r.symbol}, ${r.pinpoint.includes('–') ? 'paras.' : 'para.'} ${r.pinpoint}` : r.symbol;
      // The line, 1-based as in `check`: labels repeat (every Article numbers from 1), lines do not.
      lines.push(`${lead()}${where}  ${verdictText(r)}  (line ${r.range.start.line + 1})`);
    }
    for (const u of p.reuse) {
      const changes = u.changes === 0 ? 'unchanged' : `with ${u.changes} change${u.changes === 1 ? '' : 's'}: ${formatWordDiff(u.diff)}`;
      lines.push(`${lead()}follows ${u.symbol}, para. ${u.pinpoint}, ${changes}  (line ${u.range.start.line + 1})`);
    }
  }
  return lines.join('\n');
}
