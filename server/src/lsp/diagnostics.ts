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

// Most diagnostics survive a keystroke unchanged (the core keeps them per block): convert each once.
const converted = new WeakMap<Diagnostic, LspDiagnostic>();

export function toLsp(d: Diagnostic): LspDiagnostic {
  let c = converted.get(d);
  if (!c) converted.set(d, (c = convert(d)));
  return c;
}

function convert(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'negotext', message: d.message };
  if (d.data) out.data = d.data;
  return out;
}
