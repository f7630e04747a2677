// Issue 6, confidentiality: the server, the CLI and the extension open no
// network connection and start no process (the extension starts one: its own
// language server). Every protocol test runs its server under the preload
// test/support/noNetwork.cjs (see test/support/lspClient.ts), which logs and
// refuses connections, listening, name lookups, processes and workers; an
// attempt fails the test file. This file shows that the preload catches what
// it claims to, that it reaches servers spawned without LspClient, and runs
// the extension under it. The CLI's commands are run under it in
// test/cli.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tried } from '../support/tried';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { attempts, LspClient, NO_NETWORK_LOG, noNetworkEnv, noNetworkLog, noNetworkPreload, serverPath } from '../support/lspClient';
import { freshUri, openAndWait } from './fixtures/harness';

const root = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'negotext-confidentiality-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every way out the preload closes, as code run under it; none of them may succeed. */
const WAYS_OUT: Record<string, string> = {
  'net.connect': "require('net').connect(1, '127.0.0.1')",
  'net.createConnection': "require('net').createConnection({ port: 1, host: '127.0.0.1' })",
  'net.createServer': "require('net').createServer()",
  'net.Socket.prototype.connect': "new (require('net').Socket)().connect(1, '127.0.0.1')",
  'net.Server.prototype.listen': "new (require('net').Server)().listen(0)",
  'tls.connect': "require('tls').connect(443, '127.0.0.1')",
  'tls.createServer': "require('tls').createServer()",
  'http.request': "require('http').request('http://127.0.0.1:1/')",
  'http.get': "require('http').get('http://127.0.0.1:1/')",
  'http.createServer': "require('http').createServer()",
  'https.request': "require('https').request('https://127.0.0.1:1/')",
  'https.get': "require('https').get('https://127.0.0.1:1/')",
  'https.createServer': "require('https').createServer()",
  'http2.connect': "require('http2').connect('http://127.0.0.1:1')",
  'http2.createServer': "require('http2').createServer()",
  'dns.lookup': "require('dns').lookup('example.invalid', () => {})",
  'dns.resolve4': "require('dns').resolve4('example.invalid', () => {})",
  'dns.reverse': "require('dns').reverse('127.0.0.1', () => {})",
  'dns.Resolver.prototype.resolve': "new (require('dns').Resolver)().resolve('example.invalid', () => {})",
  'dns.promises.lookup': "require('dns').promises.lookup('example.invalid')",
  'dns.promises.resolveTxt': "require('dns').promises.resolveTxt('example.invalid')",
  'child_process.spawn': "require('child_process').spawn('true')",
  'child_process.exec': "require('child_process').exec('true')",
  'child_process.execFile': "require('child_process').execFile('true')",
  'child_process.fork': "require('child_process').fork(__filename)",
  'child_process.spawnSync': "require('child_process').spawnSync('true')",
  'child_process.execSync': "require('child_process').execSync('true')",
  'child_process.execFileSync': "require('child_process').execFileSync('true')",
  'dgram.createSocket': "require('dgram').createSocket('udp4')",
  'worker_threads.Worker': "new (require('worker_threads').Worker)('1', { eval: true })",
  fetch: "fetch('http://127.0.0.1:1/')",
  'process.binding(tcp_wrap)': "process.binding('tcp_wrap')",
  'process.dlopen': "process.dlopen({ exports: {} }, '/nonexistent.node')",
  'import("node:net").connect': "import('node:net').then((m) => m.connect(1, '127.0.0.1'))",
};

describe('the no-network preload', () => {
  it('refuses and logs every way to connect, listen, look up a name or start a process; stdout still works', () => {
    const script = join(tmp, 'ways-out.cjs');
    writeFileSync(script, `
      const results = {};
      const ways = {${Object.entries(WAYS_OUT).map(([k, v]) => `${JSON.stringify(k)}: () => ${v}`).join(',\n')}};
      (async () => {
        for (const [name, f] of Object.entries(ways)) {
          try {
            const r = f();
            if (r && typeof r.then === 'function') await r;
            results[name] = 'not blocked';
            if (r && typeof r.destroy === 'function') r.destroy();
            if (r && typeof r.close === 'function') try { r.close(); } catch {}
            if (r && typeof r.kill === 'function') r.kill();
          } catch (e) {
            results[name] = e.code === 'ENEGOTEXTBLOCKED' ? 'blocked' : 'failed otherwise: ' + e.message;
          }
        }
        process.stdout.write(JSON.stringify(results));
      })();`);
    const log = noNetworkLog('ways-out');
    const r = spawnSync(process.execPath, ['--require', noNetworkPreload, script], { encoding: 'utf8', env: noNetworkEnv(log), timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout);
    const n = Object.keys(WAYS_OUT).length;
    expect(results).toEqual(Object.fromEntries(Object.keys(WAYS_OUT).map((k) => [k, 'blocked'])));
    const logged = attempts(log);
    expect(logged).toHaveLength(n);
    expect(logged.every((a) => a.stack.length > 0 && a.pid === r.pid)).toBe(true);
    tried('confidentiality', 'connect, listen, DNS, spawn, worker, fetch, raw binding calls under the preload', n, 'each refused and logged with a stack');
  });

  it('catches a server that tries to connect or spawn: its client fails to stop cleanly', async () => {
    const evil = join(tmp, 'evil.cjs');
    // Code slipped into the server process, trying the ways out once it is serving.
    writeFileSync(evil, `setTimeout(() => {
      for (const f of [() => require('net').connect(9, '127.0.0.1'), () => require('child_process').spawn('true'), () => require('dns').lookup('example.org', () => {}), () => fetch('https://example.org/')])
        try { f(); } catch {}
    }, 50);`);
    const c = await LspClient.start({ args: ['--require', evil] });
    const uri = freshUri('evil');
    await openAndWait(c, uri, '1. States [should]{EU} act.\n');
    // The server survives the refused calls and still answers.
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
    expect(hover?.contents.value).toMatch(/European Union/);
    await expect.poll(() => c.attempts().length, { timeout: 5000 }).toBe(4);
    expect(c.attempts().map((a) => a.what)).toEqual(['net.connect', 'child_process.spawn', 'dns.lookup', 'fetch']);
    await expect(c.stop()).rejects.toThrow(/tried to open a connection or start a process \(4\)[\s\S]*net\.connect\(9\)/);
    tried('confidentiality', 'server with code that connects, spawns, resolves, fetches (control)', 4, 'all 4 logged; the test fails');
  });

  it('reaches servers that tests spawn themselves, through NODE_OPTIONS', () => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify([!!globalThis[Symbol.for("negotext.noNetwork")], process.env.' + NO_NETWORK_LOG + ']))'], { encoding: 'utf8', timeout: 10_000 });
    const [active, log] = JSON.parse(r.stdout);
    expect(active).toBe(true);
    expect(log).toMatch(/spawned-by-test/);
  });
});

describe('the server writes no file', () => {
  it('reading agreed texts and the workspace, editing, asking everything, closing: no file written, created, renamed or removed', async () => {
    const fixture = join(root, 'test-fixtures', 'references-checked-triggered');
    const draftFile = join(fixture, 'input.draft.md');
    const inputs = [draftFile, ...readdirSync(join(fixture, 'agreed')).map((f) => join(fixture, 'agreed', f))];
    const before = inputs.map((f) => [statSync(f).mtimeMs, readFileSync(f, 'utf8')]);
    const fsLog = join(tmp, 'server-fs.log');
    writeFileSync(fsLog, '');
    const c = await LspClient.start({
      args: ['--require', join(root, 'test', 'support', 'fsWrites.cjs')],
      env: { ...process.env, NEGOTEXT_FS_LOG: fsLog },
      settings: { agreedTexts: ['agreed'] },
      rootPath: fixture,
    });
    const uri = pathToFileURL(draftFile).href;
    const text = readFileSync(draftFile, 'utf8');
    await openAndWait(c, uri, text);
    c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '[x] ' }]);
    await c.diagnostics(uri, 2);
    const textDocument = { uri };
    const at = { line: 2, character: 10 };
    const whole = { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } };
    for (const [method, params] of [
      ['textDocument/documentSymbol', { textDocument }], ['textDocument/hover', { textDocument, position: at }],
      ['textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: [] } }], ['textDocument/completion', { textDocument, position: at }],
      ['textDocument/definition', { textDocument, position: at }], ['textDocument/references', { textDocument, position: at, context: { includeDeclaration: true } }],
      ['textDocument/documentLink', { textDocument }], ['textDocument/foldingRange', { textDocument }], ['textDocument/codeLens', { textDocument }],
      ['textDocument/semanticTokens/full', { textDocument }], ['negotext/ledger', { textDocument }], ['negotext/bracketEdit', { textDocument, position: { line: 0, character: 1 }, action: 'drop' }],
    ] as [string, unknown][]) await c.request(method, params);
    c.notify('workspace/didChangeConfiguration', { settings: { negotext: { agreedTexts: ['agreed'], proposerAliases: { Atlantis: 'Mexico' } } } });
    c.notify('textDocument/didClose', { textDocument });
    await c.request('negotext/ledger', { textDocument });
    await c.stop();
    expect(readFileSync(fsLog, 'utf8')).toBe('');
    expect(inputs.map((f) => [statSync(f).mtimeMs, readFileSync(f, 'utf8')])).toEqual(before);
    tried('confidentiality', 'server reading agreed texts and the workspace through every request, under a file-write logger', 1, 'no file written, created, renamed or removed');
  });
});

describe('the server and CLI bundles', () => {
  const MODULES = ['child_process', 'cluster', 'dgram', 'dns', 'http', 'http2', 'https', 'net', 'tls', 'worker_threads'];

  it('require none of Node\'s connecting or spawning modules', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      const text = readFileSync(join(root, 'dist', bundle), 'utf8');
      const required = [...text.matchAll(/require\("(?:node:)?([a-z_0-9/]+)"\)/g)].map((m) => m[1]);
      expect(required.filter((m) => MODULES.includes(m)), bundle).toEqual([]);
    }
  });

  it('a server started with --socket or --pipe (the library\'s other transports) stops at once, without trying to connect', () => {
    for (const arg of ['--socket=5999', '--pipe=/tmp/negotext-no-such.sock']) {
      const log = noNetworkLog('server-socket');
      const r = spawnSync(process.execPath, ['--require', noNetworkPreload, serverPath, arg], { encoding: 'utf8', env: noNetworkEnv(log), timeout: 10_000 });
      expect(r.status, arg).not.toBe(0);
      expect(r.stderr, arg).toMatch(/negotext opens no connection and starts no process: net is left out of this program/);
      expect(attempts(log), arg).toEqual([]);
    }
    tried('confidentiality', 'server started on a socket or pipe transport', 2, 'exits at start: net is not in the bundle; no connection attempted');
  });
});

describe('the extension', () => {
  /** Activate dist/client.js with a fake vscode under the preload (and its server, through NODE_OPTIONS). */
  function host(allowServer: boolean): Promise<{ out: { activated: boolean; running: boolean; deactivated: boolean; shown: { level: string; message: string }[]; error: string | null }; log: string }> {
    const log = noNetworkLog(allowServer ? 'extension' : 'extension-no-server');
    const env: NodeJS.ProcessEnv = { ...noNetworkEnv(log), NODE_OPTIONS: `--require ${noNetworkPreload}` };
    if (allowServer) env.NEGOTEXT_NO_NETWORK_ALLOW_FORK = serverPath;
    const child = spawn(process.execPath, [join(root, 'test', 'support', 'extensionHost.cjs'), root], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the extension host did not finish within 20 s: ${stdout} ${stderr}`));
      }, 20_000);
      child.on('exit', () => {
        clearTimeout(timer);
        try {
          resolve({ out: JSON.parse(stdout.trim().split('\n').pop() ?? ''), log });
        } catch {
          reject(new Error(`no summary from the extension host: ${stdout} ${stderr}`));
        }
      });
    });
  }

  it('names no way out in its source: only the IPC transport, no openExternal, fetch, URL or socket', () => {
    const dir = join(root, 'client', 'src');
    const source = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect([...source.matchAll(/TransportKind\.(\w+)/g)].map((m) => m[1]).every((t) => t === 'ipc')).toBe(true);
    for (const way of [/openExternal/, /(?<!\.|\w|async )fetch\s*\(/ /* the global fetch, not ActiveLedger's own method */, /https?:\/\//, /WebSocket/, /XMLHttpRequest/, /child_process/, /\bnet\b['"]/, /telemetry/i]) {
      expect(source, String(way)).not.toMatch(way);
    }
  });

  it('starts one process, its bundled server, which initialises; nothing connects, looks up or spawns', async () => {
    const { out, log } = await host(true);
    expect(out).toMatchObject({ activated: true, running: true, deactivated: true, error: null, shown: [] });
    const logged = attempts(log);
    // One entry: the fork the preload let through. The server it started ran under the preload too (NODE_OPTIONS) and logged nothing.
    expect(logged.map(({ what, arg, args, execArgv, allowed }) => ({ what, arg, args, execArgv, allowed }))).toEqual([
      { what: 'child_process.fork', arg: serverPath, args: ['--node-ipc', expect.stringMatching(/^--clientProcessId=\d+$/)], execArgv: [...SERVER_NODE_FLAGS], allowed: true },
    ]);
    tried('confidentiality', 'extension activated and deactivated with a fake vscode under the preload', 1, 'one process started: dist/server.js over IPC; nothing else');
  });

  it('control: with the fork refused too, the attempt is logged and the extension reports the server did not start', async () => {
    const { out, log } = await host(false);
    expect(out.error).toBeNull();
    expect(out.shown).toContainEqual({ level: 'error', message: expect.stringMatching(/the language server did not start: .*child_process.fork was called/) });
    const logged = attempts(log);
    expect(logged.map((a) => [a.what, a.arg])).toEqual([['child_process.fork', serverPath]]);
  });
});
