// The negotext language server: the pure core behind LSP. Runs as
// `node dist/server.js --stdio` (or over IPC from the extension). It reads
// only the agreed-text folders it is configured with, and never connects
// anywhere.
import {
  CodeActionKind, createConnection, ErrorCodes, ResponseError, DidChangeWatchedFilesNotification, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocumentSyncKind,
  type Connection, type ConnectionOptions, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isAbsolute, join, resolve as resolvePath, sep } from 'node:path';
import type { AnalyzeOptions } from './core/index';
import { AgreedChecker, defaultRegistry } from './core/index';
import { DraftStore, type OpenDraft } from './lsp/drafts';
import { toLsp } from './lsp/diagnostics';
import { proposerReferences } from './lsp/proposerReferences';
import { contentTypeEncoder } from './lsp/encoder';
import { runSlice, sliceOver } from './lsp/slices';
import { outline } from './lsp/outline';
import { hover } from './lsp/hover';
import { codeActions, ofKinds } from './lsp/codeActions';
import { complete } from './lsp/completion';
import { referenceAt } from './lsp/referenceHover';
import { definitionOf } from './lsp/definition';
import { documentLinks } from './lsp/documentLinks';
import { WorkspaceDrafts } from './lsp/workspaceReferences';
import { foldingRanges } from './lsp/folding';
import { highlights } from './lsp/highlight';
import { legend, semanticTokens } from './lsp/semanticTokens';
import { codeLenses } from './lsp/codeLens';
import { ledger } from './lsp/ledger';
import { acceptEdits, chooseEdits, dropEdits } from './lsp/edits';
import { bracketAt } from './lsp/positions';
import { checkerFor, checkerForDraft, DEFAULT_SETTINGS, normalise, registryFor, type Settings } from './lsp/settings';
import { checkChanges } from './lsp/changes';
import { cancelQueued } from './lsp/cancel';
import { registerCompare } from './lsp/compare';
import { fullGc, idleCollector } from './lsp/idleGc';

/** `onClosed` runs after each draft is closed (the program hands back memory there, ./lsp/idleGc). */
export function startServer(connection: Connection, { onClosed = () => {} }: { onClosed?: () => void } = {}): void {
  let settings: Settings = DEFAULT_SETTINGS;
  let options: AnalyzeOptions = { registry: defaultRegistry };
  let roots: string[] = [];
  let canPullConfig = false;
  let watchFiles = false;
  // A draft that is a file of an agreed-texts folder gets a checker that does not find it following itself.
  const drafts = new DraftStore((uri) => {
    const checker = checkerForDraft(options.checker, uri);
    return checker === options.checker ? options : { ...options, checker };
  });
  const pending = new Map<string, NodeJS.Immediate>();
  const log = (m: string) => connection.console.log(m);
  const workspace = new WorkspaceDrafts(() => roots, log);
  /** The agreed-text checker behind the options, for hover, definition and completion. */
  const agreed = (): AgreedChecker | undefined => (options.checker instanceof AgreedChecker ? options.checker : undefined);

  // Long work (building a large draft, its first diagnostics) is done a slice per turn of the
  // event loop (lsp/slices.ts), so that requests about other drafts are answered in between;
  // a request about the draft itself finishes its build at once.
  const publishing = new Map<string, object>();

  /** Diagnostics of the draft as it stands, computed a slice at a time; abandoned if the draft changes meanwhile (that change publishes). */
  function publish(d: OpenDraft): void {
    const token = {};
    publishing.set(d.uri, token);
    const version = d.version;
    const steps = d.diagnosticsInSteps();
    const tick = (): void => {
      if (publishing.get(d.uri) !== token || drafts.get(d.uri) !== d || d.version !== version) return;
      const r = runSlice(steps);
      if (!r) return void setImmediate(tick);
      publishing.delete(d.uri);
      connection.sendDiagnostics({ uri: d.uri, version, diagnostics: r.value.map(toLsp) });
      void connection.sendNotification('negotext/analysisChanged', { uri: d.uri, version });
    };
    tick();
  }

  /** Run `then` once the draft is built, building a large one a slice per turn of the event loop. */
  function whenBuilt(d: OpenDraft, then: () => void): void {
    const tick = (): void => {
      if (drafts.get(d.uri) !== d) return;
      if (!d.build(sliceOver())) return void setImmediate(tick);
      then();
    };
    tick();
  }

  /**
   * Publish after the current burst of changes: a newer version supersedes the
   * queued one. Two turns of the event loop, because the JSON-RPC reader hands
   * each queued message over in its own setImmediate: the second turn runs
   * after the next queued change, which then cancels this publish.
   */
  function schedule(uri: string): void {
    const old = pending.get(uri);
    if (old) clearImmediate(old);
    const first = setImmediate(() => {
      if (pending.get(uri) !== first) return;
      const second = setImmediate(() => {
        if (pending.get(uri) !== second) return;
        pending.delete(uri);
        const d = drafts.get(uri);
        if (d) publish(d);
      });
      pending.set(uri, second);
    });
    pending.set(uri, first);
  }

  /** Apply new settings; re-analyse only what they change. */
  async function loadSettings(pushed?: Settings): Promise<void> {
    const old = settings;
    if (pushed) settings = pushed;
    else if (canPullConfig) {
      try {
        settings = normalise(await connection.workspace.getConfiguration('negotext'));
      } catch (e) {
        log(`negotext: could not read settings: ${(e as Error).message}`);
      }
    }
    const aliasesChanged = JSON.stringify(old.proposerAliases) !== JSON.stringify(settings.proposerAliases);
    const agreedChanged = JSON.stringify(old.agreedTexts) !== JSON.stringify(settings.agreedTexts);
    if (!aliasesChanged && !agreedChanged) return;
    options = {
      registry: aliasesChanged ? registryFor(settings, log) : options.registry,
      checker: agreedChanged ? checkerFor(settings, roots, log) : options.checker,
    };
    // Aliases change how attributions read: the drafts are analysed anew.
    if (aliasesChanged) drafts.reopenAll();
    // A new checker knows the folders only: the open drafts marked agreed join it again.
    if (agreedChanged) for (const d of drafts.all()) addIfAgreed(d);
    recheckAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfig = !!params.capabilities.workspace?.configuration;
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    // VS Code names a single folder twice, as rootUri and as a workspace folder: once is enough.
    roots = [...new Set((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : [])
      .filter((u) => u.startsWith('file:')).map((u) => resolvePath(fileURLToPath(u))))];
    settings = normalise((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    options = { registry: registryFor(settings, log), checker: checkerFor(settings, roots, log) };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'negotext' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        completionProvider: { triggerCharacters: ['{', ',', ';', '–', '—', '/', ' '] },
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        documentHighlightProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'negotext', version: '0.1.0' },
    };
  });

  /** Re-read the agreed-text folders (a file in them changed) and re-check the open drafts. */
  let reindex: NodeJS.Timeout | undefined;
  function reindexAgreedTexts(): void {
    if (reindex) clearTimeout(reindex);
    reindex = setTimeout(() => {
      reindex = undefined;
      options = { ...options, checker: checkerFor(settings, roots, log) };
      for (const d of drafts.all()) addIfAgreed(d);
      recheckAll();
    }, 300);
  }

  /** What the checker knows changed: every open draft's references are checked anew. */
  function recheckAll(): void {
    for (const d of drafts.all()) {
      d.invalidate();
      schedule(d.uri);
    }
  }

  /** An open draft whose front matter says `agreed: true` is an agreed text too (FORMAT.md §8). */
  function addIfAgreed(d: OpenDraft): boolean {
    const fm = d.doc.nodes[0]?.result.frontMatter;
    if (!fm || fm.agreed !== true || typeof fm.symbol !== 'string') return false;
    const checker = agreed();
    if (!checker) return false;
    const path = d.uri.startsWith('file:') ? fileURLToPath(d.uri) : d.uri;
    checker.addText(path, d.doc.text);
    return true;
  }

  // Agreed drafts being edited, re-indexed once the typing pauses (each its own timer).
  const agreedEdits = new Map<string, NodeJS.Timeout>();
  function maybeAgreedChanged(d: OpenDraft): void {
    const fm = d.doc.nodes[0]?.result.frontMatter;
    if (!fm || fm.agreed !== true) return;
    clearTimeout(agreedEdits.get(d.uri));
    agreedEdits.set(d.uri, setTimeout(() => {
      agreedEdits.delete(d.uri);
      if (drafts.get(d.uri) === d && addIfAgreed(d)) recheckAll();
    }, 300));
  }

  connection.onInitialized(() => {
    // One line in the client's log (VS Code's "negotext" Output channel), so that a person can see it is running.
    log(`negotext language server started (Node ${process.versions.node}, process ${process.pid}); it opens no connection and starts no process`);
    if (canPullConfig) void loadSettings();
    // Watch the agreed texts, so that editing or adding one re-checks the drafts.
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,md}' }] }).catch(() => undefined);
    }
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const folders = settings.agreedTexts.flatMap((f) => (isAbsolute(f) ? [f] : roots.map((r) => join(r, f))));
    const touched = changes.some((c) => {
      if (!c.uri.startsWith('file:')) return false;
      const p = fileURLToPath(c.uri);
      return folders.some((f) => p === f || p.startsWith(f.endsWith(sep) ? f : f + sep));
    });
    if (touched) reindexAgreedTexts();
  });
  connection.onDidChangeConfiguration((change) => {
    void loadSettings(canPullConfig ? undefined : normalise((change.settings as { negotext?: unknown } | undefined)?.negotext));
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    const d = drafts.open(t.uri, t.version, t.text);
    whenBuilt(d, () => {
      maybeAgreedChanged(d);
      schedule(t.uri);
    });
  });
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const d = drafts.get(t.uri);
    if (!d) return;
    const checked = checkChanges(t.version, contentChanges);
    if ('problem' in checked) {
      log(`negotext: ignoring a malformed change to ${t.uri}: ${checked.problem}`);
      return;
    }
    if (t.version !== null && t.version < d.version) {
      log(`negotext: ignoring out-of-order change to ${t.uri} (version ${t.version} < ${d.version})`);
      return;
    }
    d.update(t.version ?? d.version + 1, checked.changes);
    maybeAgreedChanged(d);
    schedule(t.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    const p = pending.get(t.uri);
    if (p) clearImmediate(p);
    pending.delete(t.uri);
    publishing.delete(t.uri);
    drafts.close(t.uri);
    connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
    onClosed();
  });

  const withDraft = <T>(uri: string, empty: T, f: (d: OpenDraft) => T): T => {
    const d = drafts.get(uri);
    return d ? f(d) : empty;
  };

  connection.onDocumentSymbol(({ textDocument }) => withDraft(textDocument.uri, [], (d) => outline(d.analysis())));
  connection.onHover(({ textDocument, position }) => withDraft(textDocument.uri, null, (d) => hover(d.analysis(), position, options.registry ?? defaultRegistry, agreed(), d.doc)));
  connection.onCodeAction(({ textDocument, range, context }) =>
    withDraft(textDocument.uri, [], (d) => ofKinds(codeActions(textDocument.uri, d.doc, d.analysis(), range, context.diagnostics), context.only)));
  connection.onCompletion(({ textDocument, position }) =>
    withDraft(textDocument.uri, null, (d) => complete(options.registry ?? defaultRegistry, agreed(), d.doc.lineText(position.line), position)));
  connection.onDefinition(({ textDocument, position }) => withDraft(textDocument.uri, null, (d) => {
    const ref = referenceAt(d.analysis(), position);
    return ref ? definitionOf(ref, agreed()) : null;
  }));
  connection.onReferences(({ textDocument, position, context }) => withDraft(textDocument.uri, null, (d) => {
    // On a delegation's name: its other attributions in the draft.
    const proposed = proposerReferences(d.uri, d.analysis(), position);
    if (proposed) return proposed;
    const ref = referenceAt(d.analysis(), position);
    if (!ref) return null;
    const found = workspace.references(ref.symbol, drafts.all());
    const declaration = context?.includeDeclaration ? definitionOf({ ...ref, pinpoint: null }, agreed()) : null;
    return declaration ? [declaration, ...found] : found;
  }));
  connection.onDocumentLinks(({ textDocument }) => withDraft(textDocument.uri, [], (d) => documentLinks(d.analysis())));
  connection.onFoldingRanges(({ textDocument }) => withDraft(textDocument.uri, [], (d) => foldingRanges(d.analysis(), d.doc.lineCount)));
  connection.onDocumentHighlight(({ textDocument, position }) => withDraft(textDocument.uri, [], (d) => highlights(d.analysis(), position)));
  connection.languages.semanticTokens.on(({ textDocument }) => withDraft(textDocument.uri, { data: [] }, (d) => semanticTokens(d.analysis())));
  connection.languages.semanticTokens.onRange(({ textDocument, range }) => withDraft(textDocument.uri, { data: [] }, (d) => semanticTokens(d.analysis(), range)));
  connection.onCodeLens(({ textDocument }) => withDraft(textDocument.uri, [], (d) => (settings.codeLens.enabled ? codeLenses(d.analysis()) : [])));

  connection.onRequest('negotext/ledger', (params: { textDocument: { uri: string } }) =>
    withDraft(params?.textDocument?.uri ?? '', null, (d) => ledger(d.uri, d.version, d.analysis())));
  // For tests and the benchmark: how much work the last change to a document cost.
  connection.onRequest('negotext/stats', (params: { textDocument: { uri: string } }) =>
    withDraft(params?.textDocument?.uri ?? '', null, (d) => ({ version: d.version, lineCount: d.doc.lineCount, blocks: d.doc.nodes.length, ...d.doc.stats })));
  connection.onRequest('negotext/bracketEdit', (params: { textDocument: { uri: string }; position: { line: number; character: number }; action: 'accept' | 'drop' }) =>
    withDraft(params?.textDocument?.uri ?? '', null, (d) => {
      const b = bracketAt(d.analysis(), params.position);
      if (!b) return null;
      // Where an unclosed bracket ends is a guess: dropping it would take the rest of its paragraph on it.
      if (params.action === 'drop' && !b.closed) throw new ResponseError(ErrorCodes.InvalidRequest, 'this [ is never closed: close it, or remove the unmatched [ (quick fix), before dropping it');
      // Accepting one alternative is choosing it: its competitors go too.
      const edits = params.action === 'drop' ? dropEdits(d.doc, b) : b.group ? chooseEdits(d.doc, d.analysis(), b) : acceptEdits(b, d.doc);
      return { changes: { [d.uri]: edits } };
    }));

  registerCompare(connection, drafts, () => options);

  connection.listen();
}

/** `onMessage` hears of every message as it is handled. Over stdio, the writer reuses the bytes of unchanged diagnostics (./lsp/encoder); other transports as the library sets them up. */
function connectionFromArgv(onMessage: () => void): Connection {
  const options: ConnectionOptions = { ...cancelQueued, messageStrategy: { handleMessage: (m, next) => (onMessage(), next(m)) } };
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder });
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, writer, options);
  // A message that cannot be read (bad JSON, a bad header) is dropped by the library without a word: say so.
  // After a bad header the library also leaves the bytes already received unread until more arrive (a
  // request right behind it would wait for ever): read them at once.
  reader.onError((e) => {
    connection.console.error(`negotext: dropped a message that could not be read: ${e.message}`);
    setImmediate(() => (reader as unknown as { onData?: (chunk: Buffer) => void }).onData?.(Buffer.alloc(0)));
  });
  return connection;
}

// Started as a program (not imported by a test): listen on the transport named in argv.
if (require.main === module) {
  // V8 doubles the young generation under load (up to 32 MB) and keeps it for good: a server
  // that runs all day would not return to its size after the drafts are closed. Kept at its
  // initial size, it does; analysing a 10 MB draft was measured no slower.
  setFlagsFromString('--semi-space-growth-factor=1');
  // Inlining made the optimised code no faster here (analysis, comparison and indexing were
  // measured within noise of it), but it makes each optimisation larger: the memory the
  // compiler threads keep afterwards was most of the RSS a server gained over its first drafts
  // (1.10–1.13× the start after 100 opens and closes with inlining, 1.07–1.08× without).
  setFlagsFromString('--no-turbo-inlining');
  const collector = idleCollector(fullGc());
  startServer(connectionFromArgv(collector.touch), { onClosed: collector.closed });
}
