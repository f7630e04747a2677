// The open drafts: one DraftDocument per URI, kept in step with the client's
// incremental changes, its full analysis materialised lazily per version.
import { DraftDocument, analysisOf, diagnosticsOf, diagnosticsOfInSteps, type Analysis, type AnalyzeOptions, type Diagnostic, type TextChange } from '../core/index';
import { advance, type Steps } from '../core/steps';

/** Drafts from this size on are built a slice at a time (DraftDocument.inSteps), so the server keeps answering. */
export const STEPWISE_BYTES = 256 * 1024;

export class OpenDraft {
  private cached: { version: number; analysis: Analysis } | null = null;
  private built: DraftDocument | null = null;
  private building: Steps<DraftDocument> | null = null;

  constructor(
    readonly uri: string,
    public version: number,
    doc: DraftDocument | Steps<DraftDocument>,
    private options: () => AnalyzeOptions,
  ) {
    if (doc instanceof DraftDocument) this.built = doc;
    else this.building = doc;
  }

  /** The document; one still being built is finished first, at once: whoever asks needs all of it. */
  get doc(): DraftDocument {
    this.build(() => false);
    return this.built!;
  }

  /** Builds the document until it is ready or `stop()` says so between two steps; true once it is ready. */
  build(stop: () => boolean): boolean {
    if (this.building) {
      const r = advance(this.building, stop);
      if (r) {
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
  diagnosticsInSteps(): Steps<Diagnostic[]> {
    return diagnosticsOfInSteps(this.doc, this.options());
  }

  invalidate(): void {
    this.cached = null;
  }
}

export class DraftStore {
  private drafts = new Map<string, OpenDraft>();

  /** `options(uri)`: a draft's options may be its own (settings.ts checkerForDraft). */
  constructor(private options: (uri: string) => AnalyzeOptions) {}

  open(uri: string, version: number, text: string): OpenDraft {
    const options = { registry: this.options(uri).registry };
    const doc = text.length >= STEPWISE_BYTES ? DraftDocument.inSteps(text, options) : new DraftDocument(text, options);
    const d = new OpenDraft(uri, version, doc, () => this.options(uri));
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
