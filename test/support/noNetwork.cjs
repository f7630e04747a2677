// A preload for the confidentiality tests (issue 6): `node --require
// test/support/noNetwork.cjs …` with NEGOTEXT_NO_NETWORK_LOG=<file> replaces
// every function through which a Node program can open a connection, listen,
// resolve a name or start a process (or a worker, which would run with these
// modules unpatched) by one that appends a line — what was called, its first
// argument, a stack — to that file, then throws. The tests assert the file
// stays empty.
//
// NEGOTEXT_NO_NETWORK_ALLOW_FORK=<module> lets child_process.fork start that
// one module (the extension test: the client starts its bundled server) and
// logs it as allowed; the variable is taken out of the environment, so the
// process started cannot do the same.
//
// Without NEGOTEXT_NO_NETWORK_LOG it does nothing, so that it is harmless when
// inherited through NODE_OPTIONS by a process that is not under test.
//
// Only the paths that connect, listen or start something are wrapped: the
// modules themselves still load, and stdin/stdout (net.Socket objects over
// pipes, made from a file descriptor, never connected) keep working.
'use strict';

const LOG = process.env.NEGOTEXT_NO_NETWORK_LOG;
const MARK = Symbol.for('negotext.noNetwork');

if (LOG && !globalThis[MARK]) {
  globalThis[MARK] = true;
  const fs = require('node:fs');
  const appendFileSync = fs.appendFileSync;
  const stringify = JSON.stringify;

  /** What a call was about, without dumping a whole options object. */
  function describe(arg) {
    try {
      if (arg === undefined) return '';
      if (typeof arg === 'string') return arg.slice(0, 200);
      if (typeof arg === 'number') return String(arg);
      if (typeof arg === 'function') return '[function]';
      if (arg instanceof URL) return arg.href;
      if (arg && typeof arg === 'object') {
        const o = {};
        for (const k of ['host', 'hostname', 'port', 'path', 'href', 'url', 'file', 'filename']) if (k in arg) o[k] = String(arg[k]).slice(0, 200);
        return stringify(o);
      }
      return String(arg).slice(0, 200);
    } catch {
      return '?';
    }
  }

  function record(what, args) {
    const line = { what, arg: describe(args[0]), pid: process.pid, stack: String(new Error(what).stack).split('\n').slice(2, 14).join('\n') };
    // The blocked call may itself be about process.argv[1], the module: say which.
    if (what.startsWith('child_process.') && Array.isArray(args[1])) line.args = args[1].slice(0, 8).map((a) => String(a).slice(0, 200));
    try {
      appendFileSync(LOG, stringify(line) + '\n');
    } catch {
      /* the error below still stops the call */
    }
    const e = new Error(`negotext confidentiality test: ${what} was called; the tools open no connection and start no process`);
    e.code = 'ENEGOTEXTBLOCKED';
    throw e;
  }

  function block(owner, name, label) {
    if (!owner || typeof owner[name] !== 'function') return;
    const original = owner[name];
    // A function expression, not a method: `new Worker(…)`, `new Resolver()…` must reach it too.
    const replacement = {
      [name]: function (...args) {
        return record(label, args);
      },
    }[name];
    Object.defineProperty(replacement, 'length', { value: original.length });
    try {
      owner[name] = replacement;
    } catch {
      Object.defineProperty(owner, name, { value: replacement, writable: true, configurable: true });
    }
  }

  function blockAll(mod, label, names) {
    for (const n of names) block(mod, n, `${label}.${n}`);
  }

  const net = require('node:net');
  blockAll(net, 'net', ['connect', 'createConnection', 'createServer']);
  block(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
  block(net.Server.prototype, 'listen', 'net.Server.prototype.listen');

  const tls = require('node:tls');
  blockAll(tls, 'tls', ['connect', 'createServer']);

  for (const name of ['http', 'https']) {
    const m = require(`node:${name}`);
    blockAll(m, name, ['request', 'get', 'createServer']);
  }
  const http2 = require('node:http2');
  blockAll(http2, 'http2', ['connect', 'createServer', 'createSecureServer']);

  const dns = require('node:dns');
  const DNS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
  blockAll(dns, 'dns', DNS);
  if (dns.Resolver) blockAll(dns.Resolver.prototype, 'dns.Resolver.prototype', DNS);
  if (dns.promises) {
    blockAll(dns.promises, 'dns.promises', DNS);
    if (dns.promises.Resolver) blockAll(dns.promises.Resolver.prototype, 'dns.promises.Resolver.prototype', DNS);
  }

  const cp = require('node:child_process');
  const fork = cp.fork;
  blockAll(cp, 'child_process', ['spawn', 'exec', 'execFile', 'fork', 'spawnSync', 'execSync', 'execFileSync']);
  const allowFork = process.env.NEGOTEXT_NO_NETWORK_ALLOW_FORK;
  delete process.env.NEGOTEXT_NO_NETWORK_ALLOW_FORK;
  if (allowFork) {
    const path = require('node:path');
    const blocked = cp.fork;
    cp.fork = function fork_(modulePath, ...rest) {
      if (typeof modulePath === 'string' && path.resolve(modulePath) === path.resolve(allowFork)) {
        const args = Array.isArray(rest[0]) ? rest[0].slice(0, 8).map((a) => String(a).slice(0, 200)) : [];
        const options = Array.isArray(rest[0]) ? rest[1] : rest[0];
        const execArgv = options && Array.isArray(options.execArgv) ? options.execArgv.slice(0, 8).map((a) => String(a).slice(0, 200)) : null;
        appendFileSync(LOG, stringify({ what: 'child_process.fork', arg: modulePath, args, execArgv, allowed: true, pid: process.pid, stack: '' }) + '\n');
        return fork.call(this, modulePath, ...rest);
      }
      return blocked.call(this, modulePath, ...rest);
    };
  }

  const dgram = require('node:dgram');
  blockAll(dgram, 'dgram', ['createSocket']);
  block(dgram.Socket.prototype, 'bind', 'dgram.Socket.prototype.bind');
  block(dgram.Socket.prototype, 'send', 'dgram.Socket.prototype.send');

  // A worker starts with its own, unpatched modules: it would be a way round all of this.
  const wt = require('node:worker_threads');
  block(wt, 'Worker', 'worker_threads.Worker');

  // The web platform's ways out, where this Node has them.
  for (const name of ['fetch', 'WebSocket', 'EventSource']) {
    if (typeof globalThis[name] === 'function') block(globalThis, name, name);
  }

  // The raw bindings under the modules above, and native addons, which could do anything.
  const RAW = new Set(['tcp_wrap', 'udp_wrap', 'pipe_wrap', 'stream_wrap', 'process_wrap', 'spawn_sync', 'cares_wrap', 'tls_wrap', 'js_stream', 'http_parser']);
  const binding = process.binding;
  if (typeof binding === 'function') {
    process.binding = function (name) {
      if (RAW.has(name)) return record(`process.binding(${name})`, [name]);
      return binding.apply(this, arguments);
    };
  }
  block(process, 'dlopen', 'process.dlopen');

  // `import { connect } from 'node:net'` sees the replacements too.
  require('node:module').syncBuiltinESMExports();
}
