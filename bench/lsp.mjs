#!/usr/bin/env node
// negotext benchmark, language-server part: the issue's performance contract measured through
// the real protocol. Each measure spawns `node --v8-pool-size=1 dist/server.js --stdio`, as the
// extension starts it (SERVER_NODE_FLAGS below), and speaks JSON-RPC to it (vscode-jsonrpc, as an
// editor would):
//
//   - drafts of 10 KB, 1 MB and 10 MB: `initialize` → first `publishDiagnostics` for the open;
//     then 200 one-character edits, each a fresh `editOneParagraph` on the current text, sent one
//     at a time: `didChange` version v, wait for `publishDiagnostics` version v, time from just
//     before sending to receipt; median and p95. After every edit (outside the timing)
//     `negotext/stats` says how many blocks that edit re-analysed.
//   - the floor: the same edits against bench/floorServer.mjs, a stand-in that does no work at a
//     keystroke but publish the diagnostics the real server published for that draft. Its
//     figure is what `publishDiagnostics` itself costs (LSP re-sends the whole list at every
//     change): reported beside the server's, not judged.
//   - a fresh server: RSS (VmRSS of the child, /proc/<pid>/status) after `initialize` and one
//     small warm-up open/close, then after opening and closing 100 drafts of 100 KB; then the
//     same for a server started bare (`node dist/server.js --stdio`), for information.
//
// Every figure is set against a yardstick from the same run: the protocol round trip of a
// trivial request (`negotext/stats`) for the 10 KB keystroke, the 10 KB p95 for the 1 MB and
// 10 MB p95s, an in-process `analyze(text)` of the same draft for initialize → first diagnostics,
// the RSS before the opens for the RSS after the closes. See bench/README.md.
//
// `export async function lspBench({ seed, log })` returns the rows for bench/run.mjs's table
// (rows.details holds the raw figures); `node bench/lsp.mjs` runs it alone and prints its table.
// Options when run alone: --seed N, --edits N (200), --sizes 10KB,1MB,10MB, --no-rss, --no-floor,
//   --server PATH (default dist/server.js), --bare (start every server without SERVER_NODE_FLAGS), --cpu-prof [SIZE] (profile the server during the
//   edits of SIZE, default 10MB, and list its top functions), --rss-probe (measure the RSS series
//   again with `--expose-gc` and a preload that forces gc and reports the heap: is it a leak?;
//   with --snapshots, heap snapshots at start and end and what grew between them),
//   --json (print the raw figures too), --check (exit 1 when a target is missed).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { synthDraft, editOneParagraph, applyChange } from './synth.mjs';
import { MB, median, quantile, fmtMs, fmtX, fmtBytes } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const SIZES = [
  { name: '10 KB', key: '10KB', bytes: 10 * 1024 },
  { name: '1 MB', key: '1MB', bytes: 1 * MB },
  { name: '10 MB', key: '10MB', bytes: 10 * MB },
];
const WARM_EDITS = 5; // untimed edits before the timed series: the open does not run the edit path
const RSS_DRAFTS = 100;
const RSS_DRAFT_BYTES = 100 * 1024;
/**
 * Node's flags for the server, as the extension starts it: a copy of server/src/nodeFlags.ts
 * (this file is plain JavaScript; test/lsp/lifecycle.test.ts checks the two agree).
 */
export const SERVER_NODE_FLAGS = ['--v8-pool-size=1'];

// ---------------------------------------------------------------- helpers
/** What the bench client's own collections did to a p95, for the row's text. */
function clientGcNote(g, n, alone = false) {
  if (!g) return '';
  const open = alone ? ' (' : '; ';
  const close = alone ? ')' : '';
  if (!g.windows) return `${open}the client collected in none of the ${n} windows${close}`;
  return `${open}the client's own collections fell in ${g.windows} of the ${n} windows, ${fmtMs(g.ms)} in all; p95 of the other ${g.n}: ${fmtMs(g.p95Without)}${close}`;
}
const judge = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'MISS');
const lineCountOf = (text) => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** VmRSS and VmHWM (bytes) of a process, from /proc; null where /proc is not there. */
function procMemory(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) * 1024 : null;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: null, hwm: null };
  }
}

/** dist/core.js for the in-process yardstick and the consistency check; null when absent. */
function loadCore() {
  const p = path.join(root, 'dist', 'core.js');
  if (!existsSync(p)) return null;
  try {
    const core = createRequire(import.meta.url)(p);
    return typeof core.analyze === 'function' ? core : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the client
/** One server process over stdio and a JSON-RPC connection to it. */
class Server {
  constructor(child) {
    this.child = child;
    this.pid = child.pid;
    this.stderr = '';
    this.exited = false;
    this.waiters = [];
    this.exit = new Promise((r) => child.once('exit', (code, signal) => ((this.exited = true), r({ code, signal }))));
    child.stderr.on('data', (b) => {
      if (this.stderr.length < 20000) this.stderr += b;
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = now();
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve({ at, params: p }), false) : true));
    });
    this.connection.onNotification(() => {}); // negotext/analysisChanged, window/logMessage …
    this.connection.onRequest('workspace/configuration', (p) => (p?.items ?? [{}]).map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onError(() => {});
    this.connection.onClose(() => {
      for (const w of this.waiters) w.reject(new Error(`server exited${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`));
      this.waiters = [];
    });
    this.connection.listen();
  }

  /** Spawn the server; `initialize` is sent at once, as an editor does. */
  static spawn(serverPath, { flags = SERVER_NODE_FLAGS, nodeArgs = [], env = process.env } = {}) {
    const spawnedAt = now();
    const child = spawn(process.execPath, [...flags, ...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    child.stdin.on('error', () => {}); // EPIPE when the server dies first
    const server = new Server(child);
    server.spawnedAt = spawnedAt;
    return server;
  }

  initialize() {
    return this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {},
      initializationOptions: { settings: {} },
    }, 60000);
  }

  /** A promise that rejects when the server process exits. */
  died() {
    return this.exit.then(({ code, signal }) => {
      throw new Error(`server exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
    });
  }

  notify(method, params) {
    void this.connection.sendNotification(method, params).catch(() => {});
  }

  request(method, params, timeoutMs = 30000) {
    return withTimeout(Promise.race([this.connection.sendRequest(method, params), this.died()]), timeoutMs, `${method} got no answer within ${timeoutMs} ms`);
  }

  /** A promise of the next publishDiagnostics that passes `test`: { at (performance.now()), params }. Register before sending. */
  published(test, timeoutMs, what) {
    let waiter;
    const p = new Promise((resolve, reject) => {
      waiter = { test, resolve, reject };
      this.waiters.push(waiter);
    });
    return withTimeout(Promise.race([p, this.died()]), timeoutMs, `no publishDiagnostics for ${what} within ${timeoutMs} ms`, () => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }

  memory() {
    return procMemory(this.pid);
  }

  /** shutdown + exit, then SIGKILL by pid if it is still there. Never throws. */
  async stop(graceMs = 3000) {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown', null), sleep(graceMs)]);
        await this.connection.sendNotification('exit', null);
      } catch {
        /* already gone */
      }
      await Promise.race([this.exit, sleep(graceMs)]);
    }
    if (!this.exited) {
      try {
        process.kill(this.pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
      await Promise.race([this.exit, sleep(1000)]);
    }
    try {
      this.connection.dispose();
    } catch {
      /* disposed */
    }
  }
}

function withTimeout(promise, ms, message, onTimeout) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new Error(message));
      }, ms);
    }),
  ]);
}

/** Start a server, run `fn(server)`, and stop it (by pid if it must) whatever happens. */
async function withServer(serverPath, options, fn) {
  const server = Server.spawn(serverPath, options);
  try {
    return await fn(server);
  } finally {
    await server.stop(options?.graceMs);
  }
}

// ---------------------------------------------------------------- measure 1: open and keystrokes
async function measureSize(size, { seed, nEdits, serverPath, flags, core, log, profileDir, env }) {
  const text = synthDraft(size.bytes, seed);
  const uri = pathToFileURL(path.join(os.tmpdir(), `negotext-bench-${size.key}.draft.md`)).href;
  const out = { size: size.name, bytes: Buffer.byteLength(text, 'utf8'), edits: nEdits, warmEdits: WARM_EDITS };

  // The edits, made up front (each a fresh editOneParagraph on the text as it then stands) so
  // that none of the client's work on a 10 MB string falls inside the timed window.
  const changes = [];
  let cur = text;
  for (let i = 0; i < WARM_EDITS + nEdits; i++) {
    const ch = editOneParagraph(cur, seed + 7000 + i);
    changes.push(ch);
    cur = applyChange(cur, ch);
  }

  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval', '100'] : [];
  await withServer(serverPath, { flags, nodeArgs, env, graceMs: profileDir ? 20000 : 3000 }, async (server) => {
    // initialize → first diagnostics: the clock starts as the process is spawned and
    // `initialize` sent, so it includes Node's start-up and the bundle's load
    const t0 = server.spawnedAt;
    out.openWindowStartUs = Number(process.hrtime.bigint() / 1000n) - Math.round((now() - t0) * 1000);
    await server.initialize();
    const tInit = now();
    server.notify('initialized', {});
    const first = server.published((p) => p.uri === uri && p.version === 1, 120000, `${size.name} open`);
    const tOpen = now();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'negotext', version: 1, text } });
    const { at: tFirst, params: firstParams } = await first;
    out.openWindowEndUs = Number(process.hrtime.bigint() / 1000n) - Math.round((now() - tFirst) * 1000);
    out.initializeMs = tInit - t0;
    out.openToDiagnosticsMs = tFirst - tOpen;
    out.initializeToFirstDiagnosticsMs = tFirst - t0;
    out.diagnosticsAtOpen = firstParams.diagnostics.length;
    out.rssAfterOpen = server.memory().rss;

    const times = [];
    const windows = [];
    // The bench client's own collections (its JSON.parse of 507 KB a publish makes garbage): which
    // timed windows they fall in, so the table can say how much of the tail is the client's.
    const gcs = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const roundTrips = [];
    const blocks = [];
    const passes = [];
    let lastDiagnostics = firstParams.diagnostics;
    let lastStats = null;
    const timeout = size.bytes >= 10 * MB ? 30000 : 10000;
    for (let i = 0; i < changes.length; i++) {
      const v = 2 + i;
      if (i === WARM_EDITS) out.editWindowStartUs = Number(process.hrtime.bigint() / 1000n);
      const got = server.published((p) => p.uri === uri && p.version === v, timeout, `${size.name} version ${v}`);
      const t = now();
      server.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [changes[i]] });
      const { at, params } = await got;
      lastDiagnostics = params.diagnostics;
      // outside the timing: what the edit cost the server, and a trivial request's round trip
      const r = now();
      lastStats = await server.request('negotext/stats', { textDocument: { uri } });
      const rt = now() - r;
      if (i >= WARM_EDITS) {
        times.push(at - t);
        windows.push({ from: t, to: at });
        roundTrips.push(rt);
        blocks.push(lastStats?.blocksAnalysed);
        passes.push(lastStats?.documentPasses);
      }
    }
    out.editWindowEndUs = Number(process.hrtime.bigint() / 1000n);
    await sleep(20); // the observer's last entries are delivered asynchronously
    gcObserver.disconnect();
    out.clientGc = clientGcInWindows(windows, gcs);
    out.keystroke = {
      median: median(times),
      p95: quantile(times, 0.95),
      min: Math.min(...times),
      max: Math.max(...times),
      n: times.length,
    };
    out.statsRoundTrip = { median: median(roundTrips), p95: quantile(roundTrips, 0.95) };
    out.blocksAnalysed = { min: Math.min(...blocks), max: Math.max(...blocks), reported: blocks.every(Number.isFinite) };
    out.documentPasses = { min: Math.min(...passes), max: Math.max(...passes) };
    out.diagnosticsPerPublish = lastDiagnostics.length;
    // kept for the floor measure (measureFloor), out of results.json
    Object.defineProperty(out, 'published', { value: lastDiagnostics, enumerable: false });
    const publishJson = JSON.stringify({ uri, version: 0, diagnostics: lastDiagnostics });
    out.publishBytes = Buffer.byteLength(publishJson, 'utf8');
    // What reading one publish costs a client (JSON.parse of its body), apart from the server's work.
    const parses = [];
    for (let i = 0; i < 21; i++) {
      const t = now();
      JSON.parse(publishJson);
      parses.push(now() - t);
    }
    out.clientParseMs = median(parses);
    out.rssAfterEdits = server.memory().rss;
    out.finalStats = lastStats;
    // the server holds the text the client holds: same version and line count
    const clientLines = lineCountOf(cur);
    out.inStep = lastStats?.version === 1 + changes.length && lastStats?.lineCount === clientLines;
    out.clientLineCount = clientLines;
    // and what it published equals a fresh analysis of that text
    if (core) {
      const key = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
      const fresh = core.analyze(cur).diagnostics.map(key);
      const pub = lastDiagnostics.map(key);
      out.matchesFresh = fresh.length === pub.length && fresh.every((k, i) => k === pub[i]);
      if (!out.matchesFresh) {
        const i = fresh.findIndex((k, j) => k !== pub[j]);
        out.firstDifference = { published: pub[i] ?? '(none)', fresh: fresh[i] ?? '(none)', publishedCount: pub.length, freshCount: fresh.length };
      }
    }
  });
  log?.(`  ${size.name}: initialize → diagnostics ${fmtMs(out.initializeToFirstDiagnosticsMs)}; keystroke median ${fmtMs(out.keystroke.median)}, p95 ${fmtMs(out.keystroke.p95)}`);
  return out;
}

/**
 * How the bench client's garbage collections overlap the timed windows: in how many windows it
 * collected, its collecting time inside them, and the p95 over the windows it did not collect in
 * (the server's and the pipe's time alone; reported beside the p95 of all windows, not instead).
 */
function clientGcInWindows(windows, gcs) {
  let hit = 0;
  let ms = 0;
  const clean = [];
  for (const w of windows) {
    let inside = 0;
    for (const g of gcs) if (g.start < w.to && g.end > w.from) inside += Math.min(w.to, g.end) - Math.max(w.from, g.start);
    if (inside > 0) {
      hit++;
      ms += inside;
    } else clean.push(w.to - w.from);
  }
  return { windows: hit, ms, p95Without: clean.length ? quantile(clean, 0.95) : null, n: clean.length };
}

/** In-process `analyze(text)` on the same draft: the yardstick for initialize → first diagnostics. */
function analyzeYardstick(core, size, seed) {
  if (!core) return null;
  const text = synthDraft(size.bytes, seed);
  const runs = size.bytes >= 10 * MB ? 2 : 5;
  core.analyze(text); // warm
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    core.analyze(text);
    ts.push(now() - t);
  }
  return median(ts);
}

/**
 * The floor under a push server's keystroke figure: the same draft and edits against
 * bench/floorServer.mjs, which does no work at a keystroke but publish the list of diagnostics
 * the real server published (encoded once). Its time is `publishDiagnostics` itself: writing,
 * carrying and parsing that list, which LSP re-sends whole at every change.
 */
async function measureFloor(size, real, { seed, nEdits, flags, log }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'negotext-floor-'));
  try {
    const list = path.join(dir, 'diagnostics.json');
    writeFileSync(list, JSON.stringify(real.published));
    const env = { ...process.env, NEGOTEXT_FLOOR_DIAGNOSTICS: list };
    const quiet = (line) => log?.(line.replace(`  ${size.name}:`, `  ${size.name}, floor server:`));
    return await measureSize(size, { seed, nEdits, serverPath: path.join(here, 'floorServer.mjs'), flags, core: null, log: quiet, env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- measure 2: RSS over 100 opens and closes
const PROBE_PRELOAD = `
// Loaded with -r by bench/lsp.mjs --rss-probe: on SIGUSR2, force full GCs and write the heap's
// figures to $NEGOTEXT_PROBE_OUT (the server itself has no gc hook).
const fs = require('node:fs');
const v8 = require('node:v8');
process.on('SIGUSR2', () => {
  if (typeof gc === 'function') { gc(); gc(); }
  const m = process.memoryUsage();
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name] = { size: s.space_size, used: s.space_used_size };
  const out = process.env.NEGOTEXT_PROBE_OUT;
  let snapshot = null;
  if (process.env.NEGOTEXT_PROBE_SNAPSHOT) snapshot = v8.writeHeapSnapshot(out + '.' + Date.now() + '.heapsnapshot');
  fs.writeFileSync(out + '.tmp', JSON.stringify({ ...m, spaces, gc: typeof gc === 'function', snapshot }));
  fs.renameSync(out + '.tmp', out);
});
`;

async function measureRss({ seed, serverPath, flags, log, probe = false, snapshots = false }) {
  const out = { drafts: RSS_DRAFTS, draftBytes: RSS_DRAFT_BYTES, flags, probe, samples: [] };
  let tmp = null;
  const options = { flags };
  if (probe) {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'negotext-rss-probe-'));
    writeFileSync(path.join(tmp, 'probe.cjs'), PROBE_PRELOAD);
    options.nodeArgs = ['--expose-gc', '-r', path.join(tmp, 'probe.cjs')];
    options.env = { ...process.env, NEGOTEXT_PROBE_OUT: path.join(tmp, 'probe.json'), NEGOTEXT_PROBE_SNAPSHOT: snapshots ? '1' : '' };
  }
  try {
    await withServer(serverPath, options, async (server) => {
      const heap = async () => {
        if (!probe) return null;
        const f = options.env.NEGOTEXT_PROBE_OUT;
        rmSync(f, { force: true });
        process.kill(server.pid, 'SIGUSR2');
        for (let i = 0; i < 3000 && !existsSync(f); i++) await sleep(10);
        await sleep(20); // let the gc's freed pages go back before reading VmRSS
        return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
      };
      const settle = async () => {
        await sleep(1000);
        await server.request('negotext/stats', { textDocument: { uri: 'file:///none' } }); // quiescent: it answers
      };
      let n = 0;
      /** Open a draft, wait for its diagnostics, ask what an editor asks on opening, close it. */
      const openClose = async (text) => {
        const uri = pathToFileURL(path.join(os.tmpdir(), `negotext-rss-${n++}.draft.md`)).href;
        const opened = server.published((p) => p.uri === uri && p.version === 1, 30000, `${uri} open`);
        server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'negotext', version: 1, text } });
        await opened;
        const td = { textDocument: { uri } };
        await Promise.all([
          server.request('textDocument/documentSymbol', td),
          server.request('textDocument/foldingRange', td),
          server.request('textDocument/semanticTokens/full', td),
          server.request('textDocument/codeLens', td),
        ]);
        const closed = server.published((p) => p.uri === uri && p.diagnostics.length === 0 && p.version == null, 30000, `${uri} close`);
        server.notify('textDocument/didClose', td);
        await closed;
      };

      await server.initialize();
      server.notify('initialized', {});
      await openClose(synthDraft(10 * 1024, seed)); // warm-up
      await settle();
      out.heapStart = await heap();
      out.start = server.memory();
      out.samples.push(out.start.rss);
      log?.(`  RSS at start ${fmtBytes(out.start.rss)}; opening and closing ${RSS_DRAFTS} drafts of ${fmtBytes(RSS_DRAFT_BYTES)}`);
      let max = out.start.rss;
      for (let i = 0; i < RSS_DRAFTS; i++) {
        await openClose(synthDraft(RSS_DRAFT_BYTES, seed + 100 + i));
        const r = server.memory().rss;
        out.samples.push(r);
        if (r > max) max = r;
      }
      await settle();
      out.end = server.memory();
      out.maxSampled = Math.max(max, out.end.rss);
      out.heapEnd = await heap();
      if (probe) out.afterGc = server.memory();
      // one more look after a longer idle spell: does V8's memory reducer hand pages back?
      await sleep(probe ? 200 : 4000);
      out.later = server.memory();
      out.laterAfterMs = probe ? 200 : 4000 + 1000;
    });
    if (snapshots && out.heapStart?.snapshot && out.heapEnd?.snapshot) out.heapGrowth = heapGrowth(out.heapStart.snapshot, out.heapEnd.snapshot);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  out.ratio = out.end.rss / out.start.rss;
  return out;
}

/** Self size and count by (node type, name) in a .heapsnapshot. */
function heapCensus(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const meta = snap.snapshot.meta;
  const F = meta.node_fields;
  const types = meta.node_types[0];
  const [iType, iName, iSize, iId] = ['type', 'name', 'self_size', 'id'].map((f) => F.indexOf(f));
  const census = new Map();
  const large = new Map(); // id → description, objects of 16 KB and more
  const nodes = snap.nodes;
  for (let i = 0; i < nodes.length; i += F.length) {
    const type = types[nodes[i + iType]];
    let name = snap.strings[nodes[i + iName]];
    if (nodes[i + iSize] >= 16384) large.set(nodes[i + iId], `${type} of ${nodes[i + iSize]} bytes: ${JSON.stringify(name.slice(0, 50))}`);
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '(strings)';
    else if (type === 'code') name = '(compiled code)';
    else if (name.length > 60) name = name.slice(0, 57) + '…';
    const k = `${type}: ${name}`;
    const c = census.get(k) ?? { count: 0, size: 0 };
    c.count++;
    c.size += nodes[i + iSize];
    census.set(k, c);
  }
  census.large = large;
  return census;
}

/** What grew between two heap snapshots: by (type, name), largest growth in bytes first. */
function heapGrowth(fileA, fileB, top = 20) {
  const a = heapCensus(fileA);
  const b = heapCensus(fileB);
  const rows = [];
  for (const [k, cb] of b) {
    const ca = a.get(k) ?? { count: 0, size: 0 };
    rows.push({ what: k, countStart: ca.count, countEnd: cb.count, sizeStart: ca.size, sizeEnd: cb.size, growth: cb.size - ca.size });
  }
  let total = 0;
  for (const r of rows) total += r.growth;
  for (const [k, ca] of a) if (!b.has(k)) total -= ca.size;
  rows.sort((x, y) => y.growth - x.growth);
  const newLarge = [...b.large].filter(([id]) => !a.large.has(id)).map(([, d]) => d);
  return { total, top: rows.slice(0, top), newLarge };
}

// ---------------------------------------------------------------- CPU profile summary
/**
 * Top functions of a .cpuprofile, self and inclusive time, counting only samples taken between
 * `fromUs` and `toUs` (the profile's clock is CLOCK_MONOTONIC in µs, as process.hrtime is).
 */
export function summariseProfile(file, { fromUs = -Infinity, toUs = Infinity, top = 15 } = {}) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map();
  for (const n of prof.nodes) byId.set(n.id, n);
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url ? path.basename(f.url.replace(/^file:\/\//, '')) : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const incl = new Map();
  let t = prof.startTime;
  let total = 0;
  let idle = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    t += prof.timeDeltas[i] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
    const leaf = byId.get(prof.samples[i]);
    const k = keyOf(leaf);
    if (leaf.callFrame.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    total += dt;
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const kk = keyOf(byId.get(id));
      if (seen.has(kk) || kk === '(root)') continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + dt);
    }
  }
  const sortTop = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, ms]) => ({ fn, ms, share: total ? ms / total : 0 }));
  return { busyMs: total, idleMs: idle, self: sortTop(self), inclusive: sortTop(incl) };
}

// ---------------------------------------------------------------- the benchmark
/**
 * Run the language-server measures and return rows for bench/run.mjs's table:
 * { measure, figure, yardstick, ratio, target, result }; `rows.details` holds the raw figures.
 */
export async function lspBench({ seed = 20260612, log = () => {}, nEdits = 200, sizes = SIZES, rss = true, floor = true, serverPath, flags = SERVER_NODE_FLAGS } = {}) {
  serverPath ??= path.join(root, 'dist', 'server.js');
  const rows = [];
  const row = (r) => rows.push({ yardstick: '', ratio: '', target: '', result: '', ...r });
  const details = { serverPath: path.relative(root, serverPath), flags, seed, sizes: {}, rss: null, rssBare: null };
  rows.details = details;
  const started = now();
  if (!existsSync(serverPath)) {
    row({ measure: 'Language server (LSP over stdio)', figure: `not measured: ${path.relative(root, serverPath)} is missing (npm run build)`, result: 'MISS' });
    return rows;
  }
  const core = loadCore();

  log(`language server over stdio: ${sizes.map((s) => s.name).join(', ')}, ${nEdits} one-character edits each`);
  const bySize = {};
  for (const size of sizes) {
    try {
      bySize[size.name] = await measureSize(size, { seed, nEdits, serverPath, flags, core, log });
    } catch (e) {
      bySize[size.name] = { size: size.name, error: e.message };
      log(`  ${size.name}: failed: ${e.message}`);
    }
    if (core) {
      try {
        bySize[size.name].analyzeMs = analyzeYardstick(core, size, seed);
      } catch (e) {
        bySize[size.name].analyzeError = e.message;
      }
    }
    details.sizes[size.name] = bySize[size.name];
  }
  const floors = {};
  if (floor) {
    log('the same edits against a stand-in server that only publishes (bench/floorServer.mjs)');
    for (const size of sizes) {
      const s = bySize[size.name];
      if (s.error || !s.published) continue;
      try {
        floors[size.name] = await measureFloor(size, s, { seed, nEdits, flags, log });
      } catch (e) {
        floors[size.name] = { error: e.message };
      }
      details.sizes[size.name].floor = floors[size.name];
    }
  }
  // yardstick for the server's start-up: an empty Node process, spawned and waited for
  const bare = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    bare.push(now() - t);
  }
  details.nodeStartMs = median(bare);
  let memory = null;
  let memoryBare = null;
  if (rss) {
    log(`language server RSS over 100 opens and closes (node ${[...flags, ''].join(' ')}dist/server.js)`);
    try {
      memory = await measureRss({ seed, serverPath, flags, log });
    } catch (e) {
      memory = { error: e.message };
    }
    details.rss = memory;
    if (flags.length) {
      log('the same, the server started bare (node dist/server.js)');
      try {
        memoryBare = await measureRss({ seed, serverPath, flags: [], log });
      } catch (e) {
        memoryBare = { error: e.message };
      }
      details.rssBare = memoryBare;
    }
  }
  details.seconds = (now() - started) / 1000;

  // ---- rows
  const small = bySize['10 KB'];
  const smallOk = small && !small.error;
  for (const size of sizes) {
    const s = bySize[size.name];
    if (s.error) {
      row({ measure: `LSP keystroke → publishDiagnostics, ${size.name}`, figure: `failed: ${s.error}`, target: '< 10 ms', result: 'MISS' });
      continue;
    }
    const k = s.keystroke;
    const isSmall = s === small;
    row({
      measure: `LSP keystroke → publishDiagnostics, ${size.name}, median of ${k.n} (max ${fmtMs(k.max)})`,
      figure: fmtMs(k.median),
      yardstick: isSmall ? `round trip of negotext/stats ${fmtMs(s.statsRoundTrip.median)}` : smallOk ? `10 KB median ${fmtMs(small.keystroke.median)}` : '',
      ratio: isSmall ? fmtX(k.median / s.statsRoundTrip.median) : smallOk ? fmtX(k.median / small.keystroke.median) : '',
      target: '(none)',
    });
    if (isSmall) {
      row({
        measure: `LSP keystroke → publishDiagnostics, ${size.name}, p95 of ${k.n}${clientGcNote(s.clientGc, k.n, true)}`,
        figure: fmtMs(k.p95),
        yardstick: `round trip of negotext/stats ${fmtMs(s.statsRoundTrip.median)}`,
        ratio: fmtX(k.p95 / s.statsRoundTrip.median),
        target: '< 10 ms',
        result: judge(k.p95 < 10),
      });
    } else {
      const x = smallOk ? k.p95 / small.keystroke.p95 : null;
      row({
        measure: `LSP keystroke → publishDiagnostics, ${size.name}, p95 of ${k.n} (${s.diagnosticsPerPublish} diagnostics, ${fmtBytes(s.publishBytes)} per publish; the client's JSON.parse of one: ${fmtMs(s.clientParseMs)}${clientGcNote(s.clientGc, k.n)})`,
        figure: fmtMs(k.p95),
        yardstick: smallOk ? `10 KB p95 ${fmtMs(small.keystroke.p95)}` : '10 KB p95 not measured',
        ratio: fmtX(x),
        target: '≤ 2× the 10 KB p95; < 10 ms',
        result: judge(x != null && x <= 2 && k.p95 < 10),
      });
    }
    const f = floors[size.name];
    if (f) {
      const fx = smallOk && !f.error ? f.keystroke.p95 / small.keystroke.p95 : null;
      row({
        measure: `  the floor: a stand-in server that does nothing at a keystroke but publish the same ${s.diagnosticsPerPublish} diagnostics (bench/floorServer.mjs), ${size.name}, p95 of ${f.keystroke?.n ?? nEdits} (median ${f.error ? '–' : fmtMs(f.keystroke.median)}${f.error ? '' : clientGcNote(f.clientGc, f.keystroke.n)})`,
        figure: f.error ? `failed: ${f.error}` : fmtMs(f.keystroke.p95),
        yardstick: isSmall ? '' : smallOk ? `the server's 10 KB p95 ${fmtMs(small.keystroke.p95)}` : '',
        ratio: isSmall ? '' : fmtX(fx),
        target: '(none: what LSP push costs)',
      });
    }
  }
  for (const size of sizes) {
    const s = bySize[size.name];
    if (s.error) continue;
    const b = s.blocksAnalysed;
    row({
      measure: `LSP blocks re-analysed per one-character edit (negotext/stats), ${size.name}`,
      figure: !b.reported ? 'not reported' : b.min === b.max ? `${b.max}` : `${b.min}–${b.max}`,
      yardstick: `document passes ${s.documentPasses.min === s.documentPasses.max ? s.documentPasses.max : `${s.documentPasses.min}–${s.documentPasses.max}`}`,
      target: '≤ 2',
      result: judge(b.reported && b.max <= 2),
    });
  }
  for (const size of sizes) {
    const s = bySize[size.name];
    if (s.error) continue;
    const targeted = size.name === '1 MB';
    row({
      measure: `LSP initialize → first diagnostics, ${size.name} (start-up + initialize ${fmtMs(s.initializeMs)}, didOpen → diagnostics ${fmtMs(s.openToDiagnosticsMs)})`,
      figure: fmtMs(s.initializeToFirstDiagnosticsMs),
      yardstick: s.analyzeMs != null ? `in-process analyze ${fmtMs(s.analyzeMs)}` : 'dist/core.js not loaded',
      ratio: s.analyzeMs != null ? fmtX(s.initializeToFirstDiagnosticsMs / s.analyzeMs) : '',
      target: targeted ? '< 300 ms' : '(none)',
      result: targeted ? judge(s.initializeToFirstDiagnosticsMs < 300) : '',
    });
  }
  const inits = sizes.map((z) => bySize[z.name]).filter((s) => !s.error).map((s) => s.initializeMs);
  if (inits.length) {
    const m = median(inits);
    row({
      measure: `LSP server start-up: spawn → \`initialize\` answered (median of the ${inits.length} servers above)`,
      figure: fmtMs(m),
      yardstick: `empty Node process \`node -e 0\` ${fmtMs(details.nodeStartMs)}`,
      ratio: fmtX(m / details.nodeStartMs),
      target: '(none)',
    });
  }
  for (const size of sizes) {
    const s = bySize[size.name];
    if (s.error) continue;
    row({
      measure: `LSP diagnostics after ${s.edits + s.warmEdits} edits = fresh analysis of the client's text, ${size.name}`,
      figure: `${s.matchesFresh == null ? 'not compared' : s.matchesFresh ? 'identical' : 'differs'}; server ${s.inStep ? 'in step' : 'out of step'} (version ${s.finalStats?.version}, ${s.finalStats?.lineCount} lines)`,
      target: 'identical, in step',
      result: judge(s.inStep && s.matchesFresh !== false),
    });
  }
  const launch = (f) => (f.length ? `started as the extension starts it, \`node ${f.join(' ')}\`` : 'started bare, `node dist/server.js`, for information');
  for (const [m, f, judged] of [[memory, flags, true], [memoryBare, [], false]]) {
    if (!m) continue;
    const target = judged ? '≤ 1.10× start' : '(none)';
    if (m.error) {
      row({ measure: `LSP server RSS after 100 opens and closes, ${launch(f)}`, figure: `failed: ${m.error}`, target, result: judged ? 'MISS' : '' });
    } else {
      row({
        measure: `LSP server RSS after opening and closing ${m.drafts} drafts of ${fmtBytes(m.draftBytes)}, 1 s idle, ${launch(f)} (max ${fmtBytes(m.maxSampled)}; ${fmtBytes(m.later.rss)} after ${m.laterAfterMs / 1000} s)`,
        figure: fmtBytes(m.end.rss),
        yardstick: `RSS after initialize + warm-up ${fmtBytes(m.start.rss)}`,
        ratio: fmtX(m.ratio),
        target,
        result: judged ? judge(m.ratio <= 1.1) : '',
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------- alone: node bench/lsp.mjs
async function main() {
  const argv = process.argv.slice(2);
  const has = (f) => argv.includes(f);
  const val = (f) => {
    const i = argv.indexOf(f);
    return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined;
  };
  const seed = Number(val('--seed') ?? 20260612);
  const nEdits = Number(val('--edits') ?? 200);
  const serverPath = path.resolve(val('--server') ?? path.join(root, 'dist', 'server.js'));
  const flags = has('--bare') ? [] : SERVER_NODE_FLAGS;
  const wanted = (val('--sizes') ?? '10KB,1MB,10MB').split(',').map((s) => s.trim().toUpperCase());
  const sizes = SIZES.filter((s) => wanted.includes(s.key));
  const log = (...a) => console.error('bench:', ...a);

  if (has('--cpu-prof')) {
    const key = (val('--cpu-prof') ?? '10MB').toUpperCase();
    const size = SIZES.find((s) => s.key === key) ?? SIZES[2];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'negotext-cpuprof-'));
    log(`profiling the server over ${nEdits} edits of the ${size.name} draft (profiles in ${dir})`);
    const r = await measureSize(size, { seed, nEdits, serverPath, flags, core: null, log, profileDir: dir });
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (!files.length) throw new Error(`no .cpuprofile in ${dir}: did the server exit cleanly?`);
    const file = path.join(dir, files[0]);
    const table = (title, sum, per, n) => {
      const each = (ms) => (n > 1 ? `${(ms / n).toFixed(3)} ms/${per}` : `${ms.toFixed(1)} ms`);
      console.log(`${title}: busy ${sum.busyMs.toFixed(0)} ms (${each(sum.busyMs)}), idle ${sum.idleMs.toFixed(0)} ms.\n`);
      console.log(`| Self time | ${n > 1 ? 'per ' + per : ''} | share | Function |\n|---|---|---|---|`);
      for (const f of sum.self) console.log(`| ${f.ms.toFixed(1)} ms | ${n > 1 ? each(f.ms) : ''} | ${(100 * f.share).toFixed(1)}% | ${f.fn.replace(/\|/g, '\\|')} |`);
      console.log(`\n| Inclusive time | ${n > 1 ? 'per ' + per : ''} | share | Function |\n|---|---|---|---|`);
      for (const f of sum.inclusive) console.log(`| ${f.ms.toFixed(1)} ms | ${n > 1 ? each(f.ms) : ''} | ${(100 * f.share).toFixed(1)}% | ${f.fn.replace(/\|/g, '\\|')} |`);
      console.log('');
    };
    table(
      `Server CPU from spawn to the first diagnostics of the ${size.name} draft (${fmtMs(r.initializeToFirstDiagnosticsMs)}: start-up + initialize ${fmtMs(r.initializeMs)}, didOpen → diagnostics ${fmtMs(r.openToDiagnosticsMs)}`,
      summariseProfile(file, { fromUs: r.openWindowStartUs, toUs: r.openWindowEndUs, top: 20 }),
      'open',
      1,
    );
    table(
      `Server CPU during the ${nEdits} timed edits of the ${size.name} draft (keystroke median ${fmtMs(r.keystroke.median)}, p95 ${fmtMs(r.keystroke.p95)}; ${r.diagnosticsPerPublish} diagnostics, ${fmtBytes(r.publishBytes)} per publish)`,
      summariseProfile(file, { fromUs: r.editWindowStartUs, toUs: r.editWindowEndUs, top: 20 }),
      'edit',
      nEdits,
    );
    console.log(`profile: ${file}`);
    return;
  }

  if (has('--rss-probe')) {
    log('RSS series with --expose-gc and a gc probe (SIGUSR2)');
    const m = await measureRss({ seed, serverPath, flags, log, probe: true, snapshots: has('--snapshots') });
    const h = (x) => (x ? `heapUsed ${fmtBytes(x.heapUsed)}, heapTotal ${fmtBytes(x.heapTotal)}, external ${fmtBytes(x.external)}, arrayBuffers ${fmtBytes(x.arrayBuffers)}, rss ${fmtBytes(x.rss)}` : 'n/a');
    console.log(`RSS start ${fmtBytes(m.start.rss)}, after ${m.drafts} opens/closes + 1 s ${fmtBytes(m.end.rss)} (${fmtX(m.ratio)}), max sampled ${fmtBytes(m.maxSampled)}, VmHWM ${fmtBytes(m.end.hwm)}`);
    console.log(`after forced full gc: VmRSS ${fmtBytes(m.afterGc.rss)} (${fmtX(m.afterGc.rss / m.start.rss)} of start)`);
    console.log(`heap at start (after gc):  ${h(m.heapStart)}`);
    console.log(`heap at end (after gc):    ${h(m.heapEnd)}`);
    if (m.heapStart && m.heapEnd) {
      console.log('\n| V8 space | size start | size end | used start | used end |\n|---|---|---|---|---|');
      for (const k of Object.keys(m.heapEnd.spaces)) {
        const a = m.heapStart.spaces[k];
        const b = m.heapEnd.spaces[k];
        console.log(`| ${k} | ${fmtBytes(a.size)} | ${fmtBytes(b.size)} | ${fmtBytes(a.used)} | ${fmtBytes(b.used)} |`);
      }
    }
    if (m.heapGrowth) {
      console.log(`\nHeap snapshots (after gc), start → end: ${fmtBytes(m.heapGrowth.total)} more; largest growth by (type: name):\n`);
      console.log('| What | count start | count end | bytes start | bytes end | growth |\n|---|---|---|---|---|---|');
      for (const r of m.heapGrowth.top) console.log(`| ${r.what.replace(/\|/g, '\\|')} | ${r.countStart} | ${r.countEnd} | ${r.sizeStart} | ${r.sizeEnd} | ${r.growth} |`);
      console.log(`\nObjects of 16 KB or more held at the end that were not there at the start (${m.heapGrowth.newLarge.length}):`);
      for (const d of m.heapGrowth.newLarge) console.log(`  ${d}`);
    }
    if (has('--json')) console.log(JSON.stringify(m, null, 2));
    return;
  }

  const rows = await lspBench({ seed, log, nEdits, sizes, rss: !has('--no-rss'), floor: !has('--no-floor'), serverPath, flags });
  const esc = (v) => String(v ?? '').replace(/\|/g, '\\|');
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const misses = rows.filter((r) => r.result === 'MISS').length;
  console.log(
    [
      `## negotext language server over stdio — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Machine: ${cpu}, ${os.availableParallelism?.() ?? os.cpus().length} cores; Node ${process.version}. Seed ${seed}; server \`node ${[...rows.details.flags, rows.details.serverPath].join(' ')} --stdio\`; ${rows.details.seconds?.toFixed(0)} s.`,
      '',
      '| Measure | Figure | Yardstick (same run) | Ratio | Target | Result |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${esc(r.measure)} | ${esc(r.figure)} | ${esc(r.yardstick)} | ${esc(r.ratio)} | ${esc(r.target)} | ${esc(r.result)} |`),
      '',
      misses ? `${misses} target(s) missed.` : 'All targets met.',
    ].join('\n'),
  );
  for (const s of Object.values(rows.details.sizes)) {
    if (s.firstDifference) log(`${s.size}: published and fresh diagnostics differ:`, JSON.stringify(s.firstDifference));
  }
  if (has('--json')) console.log(JSON.stringify(rows.details, null, 2));
  if (has('--check') && misses) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error('bench:', e.stack ?? e.message);
    process.exitCode = 1;
  });
}
