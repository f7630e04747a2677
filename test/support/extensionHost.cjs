// A stand-in for VS Code's extension host, for the confidentiality test of
// the extension (test/lsp/confidentiality.test.ts): loads dist/client.js with
// a fake `vscode` module, activates it, waits until its language client has
// started the bundled server and initialised it, then deactivates it and
// prints a JSON summary on stdout. Meant to run under test/support/noNetwork.cjs
// (through NODE_OPTIONS, so that the server the client forks runs under it too).
//
// The fake `vscode` is a permissive stub — any property is a callable,
// constructible stub — with real objects only where the client or
// vscode-languageclient needs a value: the version, events, disposables,
// configuration, URIs, the open documents (none).
'use strict';

const Module = require('node:module');
const { join, resolve } = require('node:path');

const root = resolve(process.argv[2] || join(__dirname, '..', '..'));
const shown = [];

function stub(name) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(t, prop) {
      if (cache.has(prop)) return cache.get(prop);
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'toString' || prop === 'toJSON') return () => '';
      if (prop === 'dispose') return () => undefined;
      if (prop === 'length') return 0;
      if (prop === 'prototype') return t.prototype;
      if (prop === 'name') return name;
      if (Object.prototype.hasOwnProperty.call(t, prop)) return t[prop];
      cache.set(prop, stub(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

class Disposable {
  constructor(f) {
    this.f = f;
  }
  static from(...ds) {
    return new Disposable(() => ds.forEach((d) => d && typeof d.dispose === 'function' && d.dispose()));
  }
  dispose() {
    if (this.f) this.f();
    this.f = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = listener.bind(thisArg);
      this.listeners.add(l);
      const d = new Disposable(() => this.listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

const event = () => new Disposable();

function uri(scheme, path) {
  return { scheme, authority: '', path, query: '', fragment: '', fsPath: path, toString: () => `${scheme}://${path}`, with: () => uri(scheme, path), toJSON: () => ({ scheme, path }) };
}

const configuration = { get: (_key, dflt) => dflt, has: () => false, inspect: () => undefined, update: async () => undefined };

const overrides = {
  version: '1.95.0',
  Disposable,
  EventEmitter,
  Uri: { parse: (s) => uri(String(s).split(':')[0], String(s).replace(/^[a-z]+:\/\//, '')), file: (p) => uri('file', p), joinPath: (u, ...ps) => uri(u.scheme, join(u.path, ...ps)) },
  l10n: { t: (message, ...args) => (typeof message === 'string' ? message : message.message).replace(/\{(\d+)\}/g, (_, i) => String(args[i])) },
  env: { language: 'en', appName: 'negotext test host', appRoot: root, machineId: 'test', sessionId: 'test', uiKind: 1, shell: '', remoteName: undefined, isTelemetryEnabled: false, onDidChangeTelemetryEnabled: event },
  workspace: new Proxy(
    { getConfiguration: () => configuration, workspaceFolders: undefined, textDocuments: [], notebookDocuments: [], isTrusted: true, name: undefined, rootPath: undefined,
      onDidChangeConfiguration: event, onDidOpenTextDocument: event, onDidCloseTextDocument: event, onDidChangeTextDocument: event, onDidSaveTextDocument: event,
      onWillSaveTextDocument: event, onDidChangeWorkspaceFolders: event, getWorkspaceFolder: () => undefined, createFileSystemWatcher: () => stub('watcher') },
    { get: (t, p) => (p in t ? t[p] : stub(`workspace.${String(p)}`)) },
  ),
  window: new Proxy(
    { activeTextEditor: undefined, visibleTextEditors: [], tabGroups: { all: [], onDidChangeTabs: event, onDidChangeTabGroups: event },
      showErrorMessage: async (m) => (shown.push({ level: 'error', message: String(m) }), undefined),
      showWarningMessage: async (m) => (shown.push({ level: 'warning', message: String(m) }), undefined),
      showInformationMessage: async (m) => (shown.push({ level: 'information', message: String(m) }), undefined),
      onDidChangeActiveTextEditor: event, onDidChangeVisibleTextEditors: event },
    { get: (t, p) => (p in t ? t[p] : stub(`window.${String(p)}`)) },
  ),
  commands: new Proxy({ executeCommand: async () => undefined, registerCommand: () => new Disposable() }, { get: (t, p) => (p in t ? t[p] : stub(`commands.${String(p)}`)) }),
};

// Every name the real module exports (the bundle copies the module's own keys), a stub unless overridden.
const vscode = { ...overrides };
const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [root] }), 'utf8');
for (const [, name] of dts.matchAll(/^\texport (?:class|enum|namespace|const|function|let) (\w+)/gm)) {
  if (!(name in vscode)) vscode[name] = stub(`vscode.${name}`);
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, parent, isMain);
};

async function main() {
  const out = { activated: false, running: false, deactivated: false, deactivateError: null, shown, error: null };
  const timer = setTimeout(() => {
    out.error = 'timed out';
    process.stdout.write(JSON.stringify(out) + '\n');
    process.exit(3);
  }, 15_000);
  try {
    const ext = require(join(root, 'dist', 'client.js'));
    const context = {
      subscriptions: [],
      extensionPath: root,
      extensionUri: uri('file', root),
      asAbsolutePath: (p) => join(root, p),
      globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
      workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
      storageUri: undefined,
      globalStorageUri: uri('file', join(root, '.no-storage')),
      logUri: uri('file', join(root, '.no-log')),
      extensionMode: 3,
      environmentVariableCollection: stub('environmentVariableCollection'),
      secrets: stub('secrets'),
    };
    await ext.activate(context);
    out.activated = true;
    // activate resolves once the client has started: the server is up and initialised.
    out.running = shown.every((s) => s.level !== 'error');
    try {
      await ext.deactivate();
      out.deactivated = true;
    } catch (e) {
      out.deactivateError = String((e && e.message) || e);
    }
    for (const d of context.subscriptions) d && typeof d.dispose === 'function' && d.dispose();
  } catch (e) {
    out.error = String((e && e.stack) || e);
  }
  clearTimeout(timer);
  process.stdout.write(JSON.stringify(out) + '\n');
  // The client's timers and the IPC channel would keep this process alive.
  setTimeout(() => process.exit(0), 50);
}

void main();
