// The ledger of the active draft, shared by the Brackets view and the status
// bar so that both show the same analysis and the server is asked once.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { followed, type Ledger } from './ledger';
import { AnalysisChangedNotification, LedgerRequest } from './protocol';

export const LANGUAGE_ID = 'negotext';

export const isDraft = (document: vscode.TextDocument | undefined): document is vscode.TextDocument =>
  document?.languageId === LANGUAGE_ID;

export class ActiveLedger implements vscode.Disposable {
  private doc: vscode.TextDocument | undefined;
  private current: Ledger | null = null;
  private inFlight = false;
  private again = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the document or its ledger changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor?.document)),
      // Focus in the comparison report, the Output or another panel leaves no active text editor:
      // the draft still beside it stays the one shown, until it is no longer on screen.
      vscode.window.onDidChangeVisibleTextEditors(() => this.follow(vscode.window.activeTextEditor?.document)),
      // A file renamed to .draft.md, or "Change Language Mode", changes the id in place.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.follow(d);
      }),
      client.onNotification(AnalysisChangedNotification, ({ uri }) => {
        if (this.doc && this.uriOf(this.doc) === uri) void this.refresh();
      }),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** The active draft (or the last one, while focus is in a panel or webview beside it), or undefined. */
  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  /** Its ledger; null until the server has answered for this document. */
  get ledger(): Ledger | null {
    return this.current;
  }

  /** Ask again, e.g. once the client has started. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      // Coalesce: one more request after the one under way, not one per analysis.
      this.again = true;
      return Promise.resolve();
    }
    return this.fetchLoop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private follow(document: vscode.TextDocument | undefined): void {
    const shown = this.doc !== undefined && vscode.window.visibleTextEditors.some((e) => e.document === this.doc);
    const next = followed(this.doc, document && { isDraft: isDraft(document), scheme: document.uri.scheme, doc: document }, shown);
    if (next === this.doc) return;
    this.doc = next;
    this.current = null;
    this.setContext();
    this.changed.fire();
    if (next) void this.refresh();
  }

  private async fetchLoop(): Promise<void> {
    this.inFlight = true;
    try {
      do {
        this.again = false;
        await this.fetch();
      } while (this.again);
    } finally {
      this.inFlight = false;
    }
  }

  private async fetch(): Promise<void> {
    const doc = this.doc;
    if (!doc || !this.client.isRunning()) return;
    let ledger: Ledger | null;
    try {
      ledger = await this.client.sendRequest(LedgerRequest, { textDocument: { uri: this.uriOf(doc) } });
    } catch (e) {
      this.client.warn(`negotext/ledger failed for ${doc.uri.toString()}`, e, false);
      return;
    }
    if (doc !== this.doc) return; // the user moved on while the server answered
    this.current = ledger;
    this.setContext();
    this.changed.fire();
  }

  private uriOf(doc: vscode.TextDocument): string {
    return this.client.code2ProtocolConverter.asUri(doc.uri);
  }

  // Context keys for the view's welcome text (see viewsWelcome in package.json).
  private setContext(): void {
    void vscode.commands.executeCommand('setContext', 'negotext.draftActive', this.doc !== undefined);
    void vscode.commands.executeCommand('setContext', 'negotext.ledgerLoaded', this.current !== null);
  }
}
