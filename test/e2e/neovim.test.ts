// Neovim (Debian's 0.7.2), headless, as a real LSP client of dist/server.js:
// it opens a draft, receives diagnostics, gets a hover and the outline, stops
// the server and quits. The Lua side is nvim-client.lua; it writes what it saw
// as JSON and this file asserts on it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { assertInstalled, ensureArtifactsDir, nvimMissing, positionOf, processAlive, removeDir, run, serverJs, shouldSkip, tempDir, fixturesDir, type RunResult } from './support/editors';

const SUITE = 'Neovim as an LSP client (test/e2e/neovim.test.ts)';
const missing = nvimMissing();
const FIXTURE = 'accept-and-check.draft.md';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  children?: DocumentSymbol[];
}
interface NvimResult {
  steps: string[];
  failure?: string;
  server_pid?: number;
  server_cmd?: string[];
  diagnostics?: NvimDiagnostic[];
  hover?: { contents: { kind: string; value: string } | string; range?: unknown };
  symbols?: DocumentSymbol[];
  stopped?: boolean;
}

describe.skipIf(shouldSkip(SUITE, missing))(SUITE, () => {
  let dir: string | undefined;
  let text: string;
  let run1: RunResult;
  let result: NvimResult;
  let lspLog = '';
  // A failed setup fails every test (counted as failed, not skipped).
  let setupError: unknown;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      await setup();
    } catch (e) {
      setupError = e;
    }
  }, 60_000);

  async function setup(): Promise<void> {
    assertInstalled(SUITE, missing);
    dir = tempDir('nvim');
    const file = join(dir, FIXTURE);
    copyFileSync(join(fixturesDir, FIXTURE), file);
    text = readFileSync(file, 'utf8');
    // On the `s` of `[should]{EU}`: inside the bracket the European Union proposed.
    const hover = positionOf(text, '[should]{EU}', 1);
    const resultFile = join(dir, 'result.json');
    run1 = await run('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', join(__dirname, 'nvim-client.lua')], {
      cwd: dir,
      timeoutMs: 45_000,
      env: {
        ...process.env,
        // Neovim's log, state and the LSP log stay in the temporary folder.
        HOME: dir,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        NEGOTEXT_SERVER: serverJs,
        NEGOTEXT_NODE_FLAGS: SERVER_NODE_FLAGS.join(' '),
        NEGOTEXT_FILE: file,
        NEGOTEXT_HOVER_LINE: String(hover.line),
        NEGOTEXT_HOVER_CHAR: String(hover.character),
        NEGOTEXT_RESULT: resultFile,
      },
    });
    try {
      lspLog = readFileSync(join(dir, 'cache', 'nvim', 'lsp.log'), 'utf8');
    } catch {
      /* no log */
    }
    try {
      result = JSON.parse(readFileSync(resultFile, 'utf8')) as NvimResult;
    } catch {
      result = { steps: [], failure: 'nvim-client.lua wrote no result' };
    }
    // What Neovim saw, kept as a test artifact.
    writeFileSync(join(ensureArtifactsDir('neovim-'), 'neovim-result.json'), `${JSON.stringify({ ...result, exit: run1.code, ms: run1.ms, stderr: run1.stderr }, null, 2)}\n`);
  }

  afterAll(() => {
    removeDir(dir);
  });

  it('runs every step and exits 0 within the time limit', () => {
    ready();
    const context = `nvim exit ${run1.code}${run1.timedOut ? ' (timed out, killed)' : ''} after ${run1.ms} ms; failure: ${result.failure ?? 'none'}; stderr: ${run1.stderr.trim()}; lsp.log: ${lspLog.trim()}`;
    expect(run1.timedOut, context).toBe(false);
    expect(result.failure, context).toBeUndefined();
    expect(result.steps, context).toEqual(['opened', 'initialized', 'diagnostics', 'hover', 'symbols', 'stopped']);
    expect(run1.code, context).toBe(0);
  });

  it('receives the unbalanced-bracket error at the unclosed [', () => {
    ready();
    const at = positionOf(text, '[scope');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        lnum: at.line,
        col: at.character,
        severity: 1, // vim.diagnostic.severity.ERROR
        code: 'unbalanced-bracket',
        source: 'negotext',
        message: expect.stringMatching(/never closed/),
      }),
    ]);
  });

  it('gets a hover naming the proposer of [should]{EU}', () => {
    ready();
    const contents = result.hover?.contents;
    const value = typeof contents === 'string' ? contents : contents?.value;
    expect(value).toMatch(/European Union/);
    expect(value).toMatch(/Paragraph 2/);
  });

  it('gets the outline: two sections with their paragraphs', () => {
    ready();
    const outline = (result.symbols ?? []).map((s) => [s.name, (s.children ?? []).map((c) => c.name)]);
    expect(outline).toEqual([
      ['A. Introduction', ['1', '2']],
      ['B. Existing and potential threats', ['3', '4']],
    ]);
  });

  it('shuts the server down: the process is gone after Neovim quits', () => {
    ready();
    expect(result.stopped).toBe(true);
    expect(result.server_pid).toBeGreaterThan(0);
    expect(result.server_cmd).toEqual(['node', ...SERVER_NODE_FLAGS, serverJs, '--stdio']); // started as the README says
    expect(processAlive(result.server_pid!)).toBe(false);
  });
});
