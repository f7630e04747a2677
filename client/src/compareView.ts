// "negotext: Compare with revision…" and "negotext: Open text diff with
// revision…": pick the other revision of a draft (the previous one preselected,
// revisions.ts), then show the server's comparison report in a webview beside
// the editor, kept up to date as either draft changes, or open VS Code's text
// diff, or save the report as a self-contained HTML file to circulate (what
// `negotext compare --html` writes). Files the server does not have open are read through workspace.fs and
// sent with the request, so the server needs no disk access for this.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isDraft } from './activeLedger';
import { CompareRequest, type CompareSide } from './protocol';
import { comparisonTitle, describeDraft, draftInfo, HEAD_BYTES, isDraftFileName, orient, rankRevisions, reportFileName, type DraftInfo } from './revisions';
import { messageHtml, OPEN_TEXT_DIFF, SAVE_REPORT, webviewHtml } from './webviewHtml';

export const COMPARE_VIEW_TYPE = 'negotext.compare';
/** Quiet time after an edit before the report is made again. */
const DEBOUNCE_MS = 400;

type Side = DraftInfo & { uri: vscode.Uri };
interface Pair {
  old: Side;
  new: Side;
}

const same = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();
const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => same(d.uri, uri));
const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The file's text: the editor's when it is open (unsaved edits included), else from disk; `limit` bytes at most. */
async function readText(uri: vscode.Uri, limit?: number): Promise<string> {
  const doc = openDocument(uri);
  if (doc) return limit === undefined ? doc.getText() : doc.getText().slice(0, limit);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return new TextDecoder('utf-8').decode(limit === undefined ? bytes : bytes.subarray(0, limit));
}

async function sideOf(uri: vscode.Uri): Promise<Side> {
  return { ...draftInfo(basename(uri), await readText(uri, HEAD_BYTES).catch(() => '')), uri };
}

type PickItem = vscode.QuickPickItem & { side?: Side; browse?: true };

/** The draft to act on: the command's argument (editor title, Explorer), else the active editor's. */
function currentUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const doc = vscode.window.activeTextEditor?.document;
  const uri = doc?.uri;
  return uri && (isDraft(doc) || isDraftFileName(basename(uri))) ? uri : undefined;
}

/** Ask for the other revision; old and new ordered by revision. Undefined when dismissed. */
async function pickPair(arg: unknown, action: string): Promise<Pair | undefined> {
  const uri = currentUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(`negotext: open a negotiated draft (a .draft.md or .draft.txt file) to ${action} with another revision.`);
    return undefined;
  }
  const current = await sideOf(uri);
  const folder = vscode.Uri.joinPath(uri, '..');
  let siblings: Side[] = [];
  if (uri.scheme !== 'untitled') {
    try {
      const entries = await vscode.workspace.fs.readDirectory(folder);
      const names = entries.filter(([n, t]) => t & vscode.FileType.File && isDraftFileName(n) && n !== current.name).map(([n]) => n);
      siblings = await Promise.all(names.map((n) => sideOf(vscode.Uri.joinPath(folder, n))));
    } catch {
      /* an unreadable folder: Browse… remains */
    }
  }
  const ranked = rankRevisions(current, siblings);
  const items: PickItem[] = ranked.ordered.map((d) => ({
    label: d.name,
    description: describeDraft(d, d === ranked.preselect ? ranked.role : undefined),
    side: d as Side,
  }));
  items.push({ label: '$(folder-opened) Browse…', description: 'another file', browse: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `negotext: ${action} ${current.name} with…`,
    placeHolder: ranked.preselect ? `The ${ranked.role} revision is first` : 'The other revision of this draft',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  let other = picked.side;
  if (picked.browse) {
    const chosen = await vscode.window.showOpenDialog({
      defaultUri: uri.scheme === 'untitled' ? undefined : folder,
      canSelectMany: false,
      openLabel: 'Compare',
      filters: { 'Negotiated drafts': ['md', 'txt'], 'All files': ['*'] },
    });
    if (!chosen?.[0]) return undefined;
    other = await sideOf(chosen[0]);
  }
  if (!other) return undefined;
  if (same(other.uri, current.uri)) {
    void vscode.window.showInformationMessage('negotext: pick a different file to compare with.');
    return undefined;
  }
  return orient(current, other);
}

const diffTitle = (p: Pair) => `${p.old.name} ↔ ${p.new.name}`;

function openTextDiff(p: Pair): Thenable<unknown> {
  // In the column of an editor showing either draft (else the first), not over the report.
  const shown = vscode.window.visibleTextEditors.find((e) => same(e.document.uri, p.old.uri) || same(e.document.uri, p.new.uri));
  const viewColumn = shown?.viewColumn ?? vscode.ViewColumn.One;
  return vscode.commands.executeCommand('vscode.diff', p.old.uri, p.new.uri, diffTitle(p), { preview: false, viewColumn });
}

const nonce = () => randomBytes(18).toString('base64').replace(/[+/=]/g, '');

/**
 * Save the report as the server made it (no webview policy, no buttons: a page that opens
 * anywhere), next to the new revision unless that is not a file; the user picks where.
 */
async function saveReport(p: Pair, html: string): Promise<void> {
  const name = reportFileName(p.old.name, p.new.name);
  const folder = p.new.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(p.new.uri, '..');
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { 'HTML report': ['html', 'htm'] },
    saveLabel: 'Save report',
    title: `Save the comparison of ${p.old.name} and ${p.new.name}`,
  });
  if (!target) return;
  if (same(target, p.old.uri) || same(target, p.new.uri)) {
    void vscode.window.showErrorMessage(`negotext: not saved: ${basename(target)} is one of the drafts compared.`);
    return;
  }
  // Written beside it and renamed into place, as the CLI's --html: a failed write leaves no half report.
  const temp = vscode.Uri.joinPath(target, '..', `.${basename(target)}.tmp-${nonce().slice(0, 8)}`);
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(html));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    void vscode.window.showErrorMessage(`negotext: could not save the report to ${target.fsPath || target.toString()}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  void vscode.window.showInformationMessage(`negotext: saved the comparison report to ${basename(target)}.`);
}

/** One comparison in a webview, kept in step with both drafts. */
class ComparePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: vscode.CancellationTokenSource | undefined;
  private disposed = false;
  /** The server's report as last shown; none while comparing or after a failure. */
  private report: string | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly pair: Pair,
    readonly panel: vscode.WebviewPanel,
    private readonly onDispose: () => void,
  ) {
    const touches = (uri: vscode.Uri) => same(uri, pair.old.uri) || same(uri, pair.new.uri);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && touches(e.document.uri)) this.schedule();
      }),
      // Closing an edited draft without saving puts the disk's text back.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (touches(d.uri)) this.schedule();
      }),
      panel.webview.onDidReceiveMessage((m: { type?: unknown }) => {
        if (m?.type === OPEN_TEXT_DIFF) void openTextDiff(pair);
        else if (m?.type === SAVE_REPORT && this.report !== undefined) void saveReport(pair, this.report);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    // Changes on disk to a file not open in an editor (e.g. a new revision saved by another program).
    for (const uri of [pair.old.uri, pair.new.uri]) {
      if (uri.scheme !== 'file') continue;
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), basename(uri)));
      this.disposables.push(w, w.onDidChange(() => this.schedule()), w.onDidCreate(() => this.schedule()));
    }
  }

  /** After the typing pauses. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  /** Ask the server again; a request still under way is cancelled, its answer being stale. */
  async refresh(): Promise<void> {
    this.inFlight?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.inFlight = source;
    let html: string;
    let report: string | undefined;
    try {
      let result;
      try {
        result = await this.request(false, source.token);
      } catch (e) {
        // The server closed the draft between our look and its answer: send the text.
        if (source.token.isCancellationRequested || !/not open/.test(String((e as Error)?.message))) throw e;
        result = await this.request(true, source.token);
      }
      report = result.html;
      html = webviewHtml(result.html, nonce());
    } catch (e) {
      if (source.token.isCancellationRequested || this.disposed) return;
      html = messageHtml(`Could not compare ${this.pair.old.name} and ${this.pair.new.name}`, e instanceof Error ? e.message : String(e), nonce());
    } finally {
      if (this.inFlight === source) this.inFlight = undefined;
      source.dispose();
    }
    if (this.disposed || source.token.isCancellationRequested) return;
    this.report = report;
    this.panel.webview.html = html;
  }

  private async request(withText: boolean, token: vscode.CancellationToken) {
    const side = async (uri: vscode.Uri): Promise<CompareSide> => {
      const wire = this.client.code2ProtocolConverter.asUri(uri);
      const doc = openDocument(uri);
      // An open draft is the server's already (its document selector: file and untitled drafts).
      if (!withText && doc && isDraft(doc) && (uri.scheme === 'file' || uri.scheme === 'untitled')) return { uri: wire };
      return { uri: wire, text: await readText(uri) };
    };
    const [o, n] = await Promise.all([side(this.pair.old.uri), side(this.pair.new.uri)]);
    return this.client.sendRequest(CompareRequest, { old: o, new: n }, token);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.inFlight?.cancel();
    for (const d of this.disposables) d.dispose();
    this.onDispose();
    this.panel.dispose();
  }
}

/** The two commands, and the open comparisons (one panel per pair of files). */
export function registerCompare(client: LanguageClient): vscode.Disposable {
  const panels = new Map<string, ComparePanel>();

  async function showComparison(p: Pair): Promise<void> {
    const key = `${p.old.uri.toString()}\n${p.new.uri.toString()}`;
    const open = panels.get(key);
    if (open) {
      open.panel.reveal(undefined, true);
      await open.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      COMPARE_VIEW_TYPE,
      comparisonTitle(p.old, p.new),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Scripts for the one nonce'd script of the button; no local files, no command links.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
    );
    panel.webview.html = messageHtml('Comparing…', `${p.old.name} → ${p.new.name}`, nonce());
    const view = new ComparePanel(client, p, panel, () => panels.delete(key));
    panels.set(key, view);
    await view.refresh();
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('negotext.compareWithRevision', async (arg?: unknown) => {
      const p = await pickPair(arg, 'compare');
      if (p) await showComparison(p);
    }),
    vscode.commands.registerCommand('negotext.openTextDiff', async (arg?: unknown) => {
      const p = await pickPair(arg, 'diff');
      if (p) await openTextDiff(p);
    }),
    { dispose: () => [...panels.values()].forEach((v) => v.dispose()) },
  );
}
