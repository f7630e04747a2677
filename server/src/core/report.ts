// The machine output of `negotext analyze --json`, FORMAT.md §9, field for field.
import type { Analysis, Range } from './model';
import { cutShort } from './text';

export interface FileReport {
  file: string;
  paragraphs: { label: string; section: string | null; range: Range; status: string; brackets: number }[];
  brackets: { paragraph: string | null; range: Range; depth: number; kind: string; proposers: string[]; action: string | null; text: string }[];
  references: { paragraph: string | null; symbol: string; pinpoint: string | null; quote: string | null; range: Range; known: boolean }[];
  diagnostics: { code: string; severity: string; message: string; range: Range }[];
}

/**
 * A bracket's `text` holds its inner brackets, so nesting repeats text once per
 * level: 100 000 nested brackets would make 10^10 characters, more than a
 * string can hold. When the texts together pass a bound proportional to the
 * outermost ones, the texts of brackets deeper than this are cut short (`…`);
 * a real draft, a few levels deep, never comes near the bound.
 */
const FULL_TEXT_DEPTH = 8;
export const SHORT_TEXT = 200;

function reportTexts(brackets: Analysis['brackets']): (b: Analysis['brackets'][number]) => string {
  let total = 0;
  let outer = 0;
  for (const b of brackets) {
    if (!b.closed) continue;
    total += b.text.length;
    if (b.depth === 1) outer += b.text.length;
  }
  if (total <= FULL_TEXT_DEPTH * outer + 1_000_000) return (b) => b.text;
  return (b) => (b.depth <= FULL_TEXT_DEPTH ? b.text : cutShort(b.text, SHORT_TEXT));
}

export function toReport(file: string, a: Analysis): FileReport {
  const text = reportTexts(a.brackets);
  return {
    file,
    paragraphs: a.paragraphs.map((p) => ({ label: p.label, section: p.section, range: p.range, status: p.status, brackets: p.brackets })),
    // An unclosed `[` is an error, not a bracket: counted in its paragraph, not listed (as the shared fixtures have it).
    brackets: a.brackets.filter((b) => b.closed).map((b) => ({
      paragraph: b.paragraph, range: b.range, depth: b.depth, kind: b.kind, proposers: b.proposers, action: b.action, text: text(b),
    })),
    references: a.references.map((r) => ({
      paragraph: r.paragraph, symbol: r.symbol, pinpoint: r.pinpoint, quote: r.quote, range: r.range, known: r.known,
    })),
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  };
}
