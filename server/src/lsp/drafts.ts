// The open drafts: one DraftDocument per URI, kept in step with the client's
// incremental changes, its full analysis materialised lazily per version.
import { DraftDocument, analysisOf, diagnosticsOf, type Analysis, type AnalyzeOptions, type Diagnostic, type TextChange } from '../core/index';

export class OpenDraft {
  private cached: { version: number; analysis: Analysis } | null = null;

  constructor(
    readonly uri: string,
    public version: number,
    readonly doc: DraftDocument,
    private options: () => AnalyzeOptions,
  ) {}

  update(version: number, changes: readonly TextChange[]): void {
    this.doc.update(changes);
    this.version = version;
    this.cached = null;
  }

  /** The whole analysis, made once per version and only when a request needs it. */
  analysis(): Analysis {
    if (!this.cached || this.cached.version !== this.version) this.cached = { version: this.version, analysis: analysisOf(this.doc, this.options()) };
    return this.cached.analysis;
  }

  diagnostics(): Diagnostic[] {
    return diagnosticsOf(this.doc, this.options());
  }

  invalidate(): void {
    this.cached = null;
  }
}

export class DraftStore {
  private drafts = new Map<string, OpenDraft>();

  constructor(private options: () => AnalyzeOptions) {}

  open(uri: string, version: number, text: string): OpenDraft {
    const d = new OpenDraft(uri, version, new DraftDocument(text, { registry: this.options().registry }), this.options);
    this.drafts.set(uri, d);
    return d;
  }

  get(uri: string): OpenDraft | undefined {
    return this.drafts.get(uri);
  }

  close(uri: string): void {
    this.drafts.delete(uri);
  }

  all(): OpenDraft[] {
    return [...this.drafts.values()];
  }

  /** Settings that change how text reads (proposer aliases): re-open every draft from its text. */
  reopenAll(): void {
    for (const d of this.all()) this.open(d.uri, d.version, d.doc.text);
  }
}
