// A minimal LSP client for protocol tests: starts the bundled server over
// stdio, speaks JSON-RPC to it, and collects what it publishes.
//
// Every server it starts runs under test/support/noNetwork.cjs (issue 6): a
// preload that logs and refuses any connection, name lookup, process or
// worker. Each client has its own log; stop() throws when the log is not
// empty, and so does an afterAll hook this module registers in every test
// file that imports it (for clients a test never stopped). Servers a test
// spawns itself (test/lsp/fixtures/harness.ts, lifecycle.test.ts) inherit the
// preload through NODE_OPTIONS, set while the file runs, with a log per test
// file checked by the same hook.
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

// ---------------------------------------------------------------- no network, no process

/** The preload that logs and refuses connections, lookups, processes and workers. */
export const noNetworkPreload = join(__dirname, 'noNetwork.cjs');
/** The environment variable naming the preload's log file (without it, the preload does nothing). */
export const NO_NETWORK_LOG = 'NEGOTEXT_NO_NETWORK_LOG';

const logDir = mkdtempSync(join(tmpdir(), 'negotext-no-network-'));
let logCount = 0;

/** A new, empty log file for one process under the preload. */
export function noNetworkLog(name: string): string {
  const file = join(logDir, `${++logCount}-${name.replace(/[^A-Za-z0-9-]+/g, '-')}.log`);
  writeFileSync(file, '');
  return file;
}

/** What the preload refused, one entry per attempt: `{ what, arg, args?, pid, stack }`. */
export function attempts(logFile: string): { what: string; arg: string; args?: string[]; execArgv?: string[] | null; allowed?: boolean; pid: number; stack: string }[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Throws, naming each attempt and where it came from, when the log is not empty. */
export function assertNoAttempts(logFile: string, who: string): void {
  const tried = attempts(logFile);
  if (tried.length === 0) return;
  throw new Error(`${who} tried to open a connection or start a process (${tried.length}):\n` +
    tried.map((t) => `  ${t.what}(${t.arg})\n${t.stack.split('\n').slice(0, 4).join('\n')}`).join('\n'));
}

/** The environment a process under the preload needs: its log file named, the rest as given. */
export function noNetworkEnv(logFile: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, [NO_NETWORK_LOG]: logFile };
}

// Servers spawned without LspClient get the preload from NODE_OPTIONS while this file runs.
const fileLog = noNetworkLog('spawned-by-test');
const savedEnv = { NODE_OPTIONS: process.env.NODE_OPTIONS, [NO_NETWORK_LOG]: process.env[NO_NETWORK_LOG] };
process.env.NODE_OPTIONS = `${savedEnv.NODE_OPTIONS ? savedEnv.NODE_OPTIONS + ' ' : ''}--require ${noNetworkPreload}`;
process.env[NO_NETWORK_LOG] = fileLog;

const live = new Set<LspClient>();

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const failures: string[] = [];
  for (const c of [...live]) {
    // A client the test did not stop: stop it here, and check it all the same.
    try {
      await c.stop();
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  try {
    assertNoAttempts(fileLog, 'a server this test file spawned itself');
  } catch (e) {
    failures.push((e as Error).message);
  }
  if (failures.length) throw new Error(failures.join('\n'));
  rmSync(logDir, { recursive: true, force: true });
});

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

  private constructor(readonly child: ChildProcess, readonly logFile: string) {
    live.add(this);
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

  static async start(options: { settings?: unknown; args?: string[]; env?: NodeJS.ProcessEnv; rootPath?: string; capabilities?: unknown; rootAsFolder?: boolean } = {}): Promise<LspClient> {
    const logFile = noNetworkLog('server');
    // Started as the extension starts it (server/src/nodeFlags.ts); lifecycle.test.ts and
    // fixtures/harness.ts start it bare, as `node dist/server.js --stdio`.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--require', noNetworkPreload, ...(options.args ?? []), serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: noNetworkEnv(logFile, options.env ?? process.env),
    });
    const c = new LspClient(child, logFile);
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootPath ? pathToFileURL(options.rootPath).href : null,
      // as vscode-languageclient does: the one folder opened is also the one workspace folder
      ...(options.rootAsFolder && options.rootPath ? { workspaceFolders: [{ uri: pathToFileURL(options.rootPath).href, name: 'root' }] } : {}),
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

  /** What the server tried that the preload refused (connections, lookups, processes, workers). */
  attempts() {
    return attempts(this.logFile);
  }

  /** Shut the server down; throws if it tried to connect anywhere or start a process. */
  async stop(): Promise<void> {
    if (!live.delete(this)) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      /* the server may already be gone */
    }
    await new Promise((r) => setTimeout(r, 50));
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
    assertNoAttempts(this.logFile, `the server (pid ${this.child.pid})`);
  }
}
