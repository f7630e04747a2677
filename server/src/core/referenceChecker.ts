// How references are checked against what negotext knows of agreed documents.
// The materialiser asks one of these; the agreed-text index implements it.
import type { BlockResult, LocalDiagnostic } from './blockAnalysis';

export interface ReferenceChecker {
  /** Changes whenever what the checker knows changes (an agreed text added or removed). */
  readonly version: number;
  /** Is the symbol in the catalogue or among the agreed texts? */
  known(symbol: string): boolean;
  /** Is its text among the agreed texts, so that pinpoints and quotations of it are checked? */
  hasText?(symbol: string): boolean;
  /**
   * Diagnostics for a block's references and its reuse of agreed language. `cited`: the documents it
   * cites (its references, and those of the footnotes it marks), whose language it may reuse; `own`:
   * the document's own symbol, left out of the reuse check; `asOf`: the document's date (ISO), after
   * which no agreed text is language it reuses.
   */
  checkBlock(block: BlockResult, cited: ReadonlySet<string>, own?: string, asOf?: string): LocalDiagnostic[];
}
