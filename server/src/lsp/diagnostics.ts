// Core diagnostics as LSP diagnostics: numeric severity, `source: negotext`,
// the FORMAT.md code as `code`, extras (suggested names …) in `data`.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/index';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toLsp(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'negotext', message: d.message };
  if (d.data) out.data = d.data;
  return out;
}
