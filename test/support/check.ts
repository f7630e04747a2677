// The one data-driven check for analysis: an expected.json lists what must be
// found (paragraphs, brackets, references with the keys it names; error and
// warning diagnostics by code and line) and the actual analysis must match it
// exactly in count and order, field by field for the fields given.
import { expect } from 'vitest';
import { analyze, toReport, type AnalyzeOptions } from '../../server/src/core/index';

export interface ExpectedDiagnostic {
  code: string;
  line: number;
  severity?: string;
  /** The message, when it is part of what the case checks. */
  message?: string;
}

export interface Expected {
  paragraphs?: Record<string, unknown>[];
  brackets?: Record<string, unknown>[];
  references?: Record<string, unknown>[];
  /** Error and warning diagnostics, plus any information diagnostic whose code is listed here. */
  diagnostics?: ExpectedDiagnostic[];
  /** Codes that must not be reported at all, at any severity. */
  absent?: string[];
  title?: string | null;
}

function pick(actual: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected)) out[k] = actual[k];
  return out;
}

function matchList(what: string, actual: Record<string, unknown>[], expected: Record<string, unknown>[]): void {
  const got = actual.map((a, i) => pick(a, expected[Math.min(i, expected.length - 1)] ?? {}));
  expect(got, `${what} (${actual.length} found, ${expected.length} expected)`).toEqual(expected);
}

export function check(input: string, expected: Expected, options: AnalyzeOptions = {}): void {
  const analysis = analyze(input, options);
  const report = toReport('input', analysis) as unknown as Record<string, Record<string, unknown>[]>;
  if (expected.paragraphs) matchList('paragraphs', report.paragraphs, expected.paragraphs);
  if (expected.brackets) matchList('brackets', report.brackets, expected.brackets);
  if (expected.references) matchList('references', report.references, expected.references);
  if (expected.diagnostics) {
    const listed = new Set(expected.diagnostics.map((d) => d.code));
    const got = analysis.diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning' || listed.has(d.code))
      .map((d) => `${d.code}@${d.range.start.line}`)
      .sort();
    const want = expected.diagnostics.map((d) => `${d.code}@${d.line}`).sort();
    expect(got, 'diagnostics (code@line)').toEqual(want);
    for (const d of expected.diagnostics) {
      const m = analysis.diagnostics.find((x) => x.code === d.code && x.range.start.line === d.line);
      if (d.severity) expect(m?.severity, `severity of ${d.code}@${d.line}`).toBe(d.severity);
      if (d.message !== undefined) expect(m?.message, `message of ${d.code}@${d.line}`).toBe(d.message);
    }
  }
  if (expected.absent) {
    for (const code of expected.absent) {
      const hits = analysis.diagnostics.filter((d) => d.code === code).map((d) => `${d.code}@${d.range.start.line}: ${d.message}`);
      expect(hits, `no ${code}`).toEqual([]);
    }
  }
  if (expected.title !== undefined) expect(analysis.title).toBe(expected.title);
}
