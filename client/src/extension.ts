// The negotext extension: a thin client of the language server in
// dist/server.js, plus the Brackets view, the status bar item, the shading
// of brackets in the editor (bracketShading.ts), the accept/drop commands and
// the comparison of revisions (compareView.ts).
// It runs nothing from the workspace and sends nothing over the network.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ActiveLedger, LANGUAGE_ID, isDraft } from './activeLedger';
import { registerBracketShading } from './bracketShading';
import { VIEW_ID, registerBracketsView } from './bracketsView';
import type { Range } from './ledger';
import { type BracketAction, BracketEditRequest } from './protocol';
import { registerStatusBar } from './statusBar';
import { registerCompare } from './compareView';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'negotext' },
  };
  // The id 'negotext' makes the client read `negotext.trace.server` itself.
  const lc = new LanguageClient('negotext', 'negotext', serverOptions, clientOptions);
  client = lc;

  const active = new ActiveLedger(lc);
  context.subscriptions.push(
    active,
    registerBracketsView(active),
    registerStatusBar(active),
    registerBracketShading(active),
    // From the editor: the bracket at the cursor; from a row of the Brackets view: that row's bracket.
    vscode.commands.registerCommand('negotext.acceptBracket', (row?: unknown) => editBracket(lc, 'accept', rowTarget(active, row))),
    vscode.commands.registerCommand('negotext.dropBracket', (row?: unknown) => editBracket(lc, 'drop', rowTarget(active, row))),
    vscode.commands.registerCommand('negotext.showLedger', () =>
      vscode.commands.executeCommand(`${VIEW_ID}.focus`),
    ),
    vscode.commands.registerCommand('negotext.revealBracket', revealBracket),
    registerCompare(lc),
  );
  // Shows the Brackets view from now on in this window (its `when` clause).
  void vscode.commands.executeCommand('setContext', 'negotext.activated', true);

  try {
    await lc.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`negotext: the language server did not start: ${String(e)}`);
    return;
  }
  await active.refresh();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Accept or drop the innermost bracket at the cursor, as one undo step. */
/** A bracket row of the Brackets view (the argument VS Code passes a view item's command): its draft and where the bracket starts. */
function rowTarget(active: ActiveLedger, row: unknown): { document: vscode.TextDocument; position: Range['start'] } | undefined {
  const bracket = (row as { type?: string; bracket?: { range?: Range } } | undefined)?.type === 'bracket' ? (row as { bracket: { range: Range } }).bracket : undefined;
  const document = active.document;
  return bracket?.range && document ? { document, position: bracket.range.start } : undefined;
}

async function editBracket(lc: LanguageClient, action: BracketAction, row?: { document: vscode.TextDocument; position: Range['start'] }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!row && (!editor || !isDraft(editor.document))) {
    void vscode.window.showInformationMessage('negotext: open a negotiated draft and put the cursor in a bracket.');
    return;
  }
  if (!lc.isRunning()) {
    void vscode.window.showWarningMessage('negotext: the language server is not running.');
    return;
  }
  const document = row ? row.document : editor!.document;
  const version = document.version;
  let result;
  try {
    result = await lc.sendRequest(BracketEditRequest, {
      textDocument: lc.code2ProtocolConverter.asTextDocumentIdentifier(document),
      position: row ? row.position : lc.code2ProtocolConverter.asPosition(editor!.selection.active),
      action,
    });
  } catch (e) {
    void vscode.window.showErrorMessage(`negotext: could not ${action} the bracket: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (!result) {
    void vscode.window.showInformationMessage('negotext: there is no bracket at the cursor.');
    return;
  }
  // The edit's offsets are those of the version the server saw.
  if (document.version !== version) {
    void vscode.window.showInformationMessage('negotext: the draft changed meanwhile; try again.');
    return;
  }
  const edit = await lc.protocol2CodeConverter.asWorkspaceEdit(result);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`negotext: could not ${action} the bracket.`);
  }
}

/** Internal (the Brackets view's leaves): select and reveal an LSP range. */
async function revealBracket(uri: vscode.Uri | string | undefined, range: Range): Promise<void> {
  if (!uri || !range) return;
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const document = await vscode.workspace.openTextDocument(target);
  // The ledger may be a keystroke older than the text.
  const selection = document.validateRange(
    new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
  );
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { selection, viewColumn: shown?.viewColumn });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
