// The pure core's public surface: plain data in, plain data out. No vscode,
// no LSP, no fs: the server, the CLI and the tests all come through here.
import { DraftDocument, type DocumentOptions } from './document';
import { materialize, type MaterializeOptions } from './materialize';
import type { Analysis, Diagnostic } from './model';
import { collectDiagnostics, diagnosticsInSteps, type DiagnosticOptions } from './diagnostics';
import type { Steps } from './steps';
import { defaultRegistry } from './registry';
import { AgreedChecker } from './agreedChecker';
import type { ReferenceChecker } from './referenceChecker';

export * from './model';
export { DraftDocument, type TextChange, type DocumentOptions } from './document';
export { Registry, defaultRegistry } from './registry';
export { toReport, type FileReport } from './report';
export type { ReferenceChecker } from './referenceChecker';
export { AgreedChecker } from './agreedChecker';
export { summarize, type StatusSummary } from './summary';
export { compare, type Comparison } from './compare/compare';

let catalogueOnly: ReferenceChecker | undefined;
/** References checked against the bundled catalogue alone. */
function defaultChecker(): ReferenceChecker {
  return (catalogueOnly ??= new AgreedChecker());
}

export interface AnalyzeOptions extends DocumentOptions, MaterializeOptions {}

/** The analysis of a document as it stands. */
export function analysisOf(doc: DraftDocument, options: AnalyzeOptions = {}): Analysis {
  const registry = options.registry ?? defaultRegistry;
  return materialize(doc, { suggest: (w) => registry.suggest(w, 3), ...options, checker: options.checker ?? defaultChecker() });
}

function diagnosticOptions(options: AnalyzeOptions): DiagnosticOptions {
  const registry = options.registry ?? defaultRegistry;
  return { suggest: (w) => registry.suggest(w, 3), ...options, checker: options.checker ?? defaultChecker() };
}

/** The diagnostics alone: cheap after an edit, since each block's are cached. */
export function diagnosticsOf(doc: DraftDocument, options: AnalyzeOptions = {}): Diagnostic[] {
  return collectDiagnostics(doc, diagnosticOptions(options));
}

/** diagnosticsOf, a few chunks of blocks per step (see diagnosticsInSteps). */
export function diagnosticsOfInSteps(doc: DraftDocument, options: AnalyzeOptions = {}): Steps<Diagnostic[]> {
  return diagnosticsInSteps(doc, diagnosticOptions(options));
}

/** Analyse a whole draft from scratch. Never throws on any text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analysisOf(new DraftDocument(text, options), options);
}
