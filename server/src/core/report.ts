// The machine output of `negotext analyze --json`, FORMAT.md §9, field for field.
import type { Analysis, Range } from './model';

export interface FileReport {
  file: string;
  paragraphs: { label: string; section: string | null; range: Range; status: string; brackets: number }[];
  brackets: { paragraph: string | null; range: Range; depth: number; kind: string; proposers: string[]; action: string | null; text: string }[];
  references: { paragraph: string | null; symbol: string; pinpoint: string | null; quote: string | null; range: Range; known: boolean }[];
  diagnostics: { code: string; severity: string; message: string; range: Range }[];
}

export function toReport(file: string, a: Analysis): FileReport {
  return {
    file,
    paragraphs: a.paragraphs.map((p) => ({ label: p.label, section: p.section, range: p.range, status: p.status, brackets: p.brackets })),
    // An unclosed `[` is an error, not a bracket: counted in its paragraph, not listed (as the shared fixtures have it).
    brackets: a.brackets.filter((b) => b.closed).map((b) => ({
      paragraph: b.paragraph, range: b.range, depth: b.depth, kind: b.kind, proposers: b.proposers, action: b.action, text: b.text,
    })),
    references: a.references.map((r) => ({
      paragraph: r.paragraph, symbol: r.symbol, pinpoint: r.pinpoint, quote: r.quote, range: r.range, known: r.known,
    })),
    diagnostics: a.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  };
}
