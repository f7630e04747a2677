// The open drafts: one DraftDocument per URI, kept in step with the client's
// incremental changes, its full analysis materialised lazily per version.
import { DraftDocument, analysisOf, diagnosticsOf, diagnosticsOfInSteps, type Analysis, type AnalyzeOptions, type Diagnostic, type TextChange } from '../core/index';

/** Drafts from this size on are built a slice at a time (DraftDocument.inSteps), so the server keeps answering. */
export const STEPWISE_BYTES = 256 * 1024;

export class OpenDraft {
  private cached: { version: number; analysis: Analysis } | null = null;
  private built: DraftDocument | null = null;
  private building: Generator<void, DraftDocument, void> | null = null;

  constructor(
    readonly uri: string,
    public version: number,
    doc: DraftDocument | Generator<void, DraftDocument, void>,
    private options: () => AnalyzeOptions,
  ) {
    if (doc instanceof DraftDocument) this.built = doc;
    else this.building = doc;
  }

  /** The document; one still being built is finished first, at once: whoever asks needs all of it. */
  get doc(): DraftDocument {
    while (!this.step());
    return this.built!;
  }

  get ready(): boolean {
    return this.built !== null;
  }

  /** One slice of the build; true once the document is ready. */
  step(): boolean {
    if (this.building) {
      const r = this.building.next();
      if (r.done) {
        this.built = r.value;
        this.building = null;
      }
    }
    return this.built !== null;
  }

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

  /** The same, a few chunks of blocks per step; the document must not change until it is drained. */
  diagnosticsInSteps(): Generator<void, Diagnostic[], void> {
    return diagnosticsOfInSteps(this.doc, this.options());
  }

  invalidate(): void {
    this.cached = null;
  }
}

export class DraftStore {
  private drafts = new Map<string, OpenDraft>();

  constructor(private options: () => AnalyzeOptions) {}

  open(uri: string, version: number, text: string): OpenDraft {
    const options = { registry: this.options().registry };
    const doc = text.length >= STEPWISE_BYTES ? DraftDocument.inSteps(text, options) : new DraftDocument(text, options);
    const d = new OpenDraft(uri, version, doc, this.options);
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
