// VS Code itself, for the end-to-end test: code-server (installed by
// scripts/install-editors.sh outside the repository) on 127.0.0.1, and
// Debian's Chromium driven by playwright-core. Nothing here downloads a
// browser or connects anywhere but localhost: code-server's extension gallery
// is switched off, Chromium's background networking too, and every request the
// page makes to another host is aborted (and recorded, for the test to check).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, codeServerBin, removeDir, run, stopProcess, tempDir } from './editors';

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
};

/** Environment for code-server: no extension gallery, HOME in our folder. */
export function codeServerEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    // An empty gallery: VS Code then never asks open-vsx.org for anything.
    EXTENSIONS_GALLERY: '{}',
  };
  // code-server would read these from the environment; none of them applies.
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'VSCODE_PROXY_URI', 'PORT', 'CODE_SERVER_CONFIG']) delete env[k];
  return env;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

export interface CodeServer {
  url: string;
  port: number;
  dir: string;
  userDataDir: string;
  child: ChildProcess;
  output(): string;
  /** The extension host's log files, concatenated (activation, errors). */
  extensionHostLog(): string;
  stop(): Promise<void>;
}

/**
 * Installs `vsix` into a fresh extensions folder and starts code-server on a
 * free localhost port with `workspace` open. Resolves once /healthz answers.
 */
export async function startCodeServer(options: { vsix: string; workspace: string; timeoutMs?: number; settings?: Record<string, unknown> }): Promise<CodeServer> {
  const dir = tempDir('code-server');
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const home = join(dir, 'home');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = codeServerEnv(home);

  const install = await run(codeServerBin, [...common, '--install-extension', options.vsix], { env, cwd: dir, timeoutMs: 60_000 });
  if (install.code !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    removeDir(dir);
    throw new Error(`code-server --install-extension ${options.vsix} failed (exit ${install.code}${install.timedOut ? ', timed out' : ''}):\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  const args = [
    ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    options.workspace,
  ];
  // detached: its PID is its process group, so stop() kills the extension
  // host and the language server with it.
  const child = spawn(codeServerBin, args, { env, cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));

  const cs: CodeServer = {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`,
    port,
    dir,
    userDataDir,
    child,
    output: () => out,
    extensionHostLog: () => readLogs(join(userDataDir, 'logs'), /exthost|negotext/i),
    async stop() {
      await stopProcess(child, 5000);
      removeDir(dir);
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await cs.stop();
      throw new Error(`code-server exited with ${child.exitCode} before it answered:\n${out}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await cs.stop();
      throw new Error(`code-server did not answer /healthz within ${options.timeoutMs ?? 30_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return cs;
}

/** The text of every log file under `dir` whose path matches `pattern`. */
function readLogs(dir: string, pattern: RegExp): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(p) && e.name.endsWith('.log')) parts.push(`--- ${p}\n${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return parts.join('\n');
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests to hosts other than localhost, aborted. */
  blocked: string[];
  /** Errors the page logged to its console. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile and HOME. */
export async function launchChromium(options: { width?: number; height?: number } = {}): Promise<Browser> {
  const dir = tempDir('chromium');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
      '--metrics-recording-only',
      '--password-store=basic',
      '--use-mock-keychain',
    ],
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    deviceScaleFactor: 1,
    // Clipboard access for VS Code's editor, without a prompt.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
    (route) => {
      blocked.push(route.request().url());
      void route.abort('blockedbyclient');
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  return {
    context,
    page,
    blocked,
    consoleErrors,
    async close() {
      await context.close().catch(() => undefined);
      removeDir(dir);
    },
  };
}
