// Shared by the end-to-end tests that drive real editors (Neovim, VS Code
// through code-server): where the editors are, whether they are installed,
// and running processes with a time limit that are killed by their PID.
//
// When an editor is missing the tests skip locally with a message saying how
// to install it (scripts/install-editors.sh), but FAIL when process.env.CI is
// set: CI must never skip them silently.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'e2e', 'fixtures');
export const artifactsDir = join(repoRoot, 'test-results', 'e2e');
export const serverJs = join(repoRoot, 'dist', 'server.js');

/** Keep in step with scripts/install-editors.sh. */
export const CODE_SERVER_VERSION = '4.100.3';
export const e2eHome = process.env.NEGOTEXT_E2E_HOME || join(homedir(), '.cache', 'negotext-e2e');
export const codeServerDir = join(e2eHome, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = '/usr/bin/chromium';

export const INSTALL_HINT = 'run scripts/install-editors.sh (as root: it apt-get installs neovim, chromium, libkrb5-dev and npm-installs code-server)';

export const inCI = Boolean(process.env.CI);

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why Neovim cannot be driven, or undefined when it can. */
export function nvimMissing(): string | undefined {
  if (!onPath('nvim')) return 'Neovim is not installed (no nvim on PATH)';
  return undefined;
}

/** Why code-server + Chromium cannot be driven, or undefined when they can. */
export function codeServerMissing(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(join(codeServerDir, '.negotext-installed')) || !existsSync(codeServerBin)) missing.push(`code-server ${CODE_SERVER_VERSION} is not installed in ${codeServerDir}`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium is not installed (no ${chromiumPath})`);
  return missing.length ? missing.join('; ') : undefined;
}

/**
 * Whether a suite should be skipped: only when something is missing and this
 * is not CI. Prints why, once, so a local skip is never silent either.
 */
export function shouldSkip(suite: string, missing: string | undefined): boolean {
  if (!missing) return false;
  if (inCI) return false; // the suite runs and its beforeAll fails with `missing`
  console.warn(`\n[e2e] SKIPPING ${suite}: ${missing}.\n[e2e] To run it: ${INSTALL_HINT}.\n`);
  return true;
}

/** Throws (in beforeAll) when something is missing: reached only in CI. */
export function assertInstalled(suite: string, missing: string | undefined): void {
  if (missing) throw new Error(`${suite} cannot run: ${missing}. CI must not skip it: .ci/run has to ${INSTALL_HINT} before npm test.`);
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run build\` first (npm test does).`);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `negotext-e2e-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** test-results/e2e/, without the files an earlier run left there starting with `prefix`. */
export function ensureArtifactsDir(prefix: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  for (const f of readdirSync(artifactsDir)) if (f.startsWith(prefix)) rmSync(join(artifactsDir, f), { force: true });
  return artifactsDir;
}

/**
 * Kills a process we started, and anything it started, by its PID: children
 * are spawned `detached`, so their PID is also their process group's id.
 */
export function killTree(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Waits for a child to exit; SIGKILLs its group after `graceMs`. */
export async function stopProcess(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  killTree(child, 'SIGTERM');
  const timer = setTimeout(() => killTree(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs a command to completion, killing its process group after `timeoutMs`. */
export function run(command: string, args: string[], options: SpawnOptions & { timeoutMs: number }): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (b) => (stdout += b));
    child.stderr!.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
}

/** Whether a process with this PID still exists (and is not a zombie). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}

/** 0-based line and UTF-16 character of the first occurrence of `needle`. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  const before = text.slice(0, at + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
