// A minimal LSP client for protocol tests: starts the bundled server over
// stdio, speaks JSON-RPC to it, and collects what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; source: string; message: string; data?: unknown }[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly published: Published[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  stderr = '';

  private constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (b) => (this.stderr += b));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    this.connection.onRequest('workspace/configuration', () => [{}]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(options: { settings?: unknown; args?: string[]; env?: NodeJS.ProcessEnv; rootPath?: string; capabilities?: unknown } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.args ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const c = new LspClient(child);
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootPath ? pathToFileURL(options.rootPath).href : null,
      capabilities: options.capabilities ?? {},
      initializationOptions: { settings: options.settings ?? {} },
    });
    await c.connection.sendNotification('initialized', {});
    return c;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** The next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Published> {
    const test = (p: Published) => p.uri === uri && (version === undefined || p.version === version);
    const seen = this.published.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'negotext', version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      /* the server may already be gone */
    }
    await new Promise((r) => setTimeout(r, 50));
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
