// Agreed-text folders the CLI and the server are given: an unreadable part of
// one loses only that part; a draft in its own agreed folder does not follow itself.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { asUnprivileged, readableCopies } from './support/anyUser';


const root = join(__dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus', 'agreed');
const tmp = mkdtempSync(join(tmpdir(), 'negotext-cli-agreed-'));
// Read by an unprivileged user below: every folder on the way open to all, and the CLI copied there.
chmodSync(tmp, 0o755);
const [cli] = readableCopies(tmp, join(root, 'dist', 'cli.js'));
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+rwx', tmp]);
  rmSync(tmp, { recursive: true, force: true });
});

/** Root reads any folder: run as `nobody` then, so that a folder without permissions is one. */
const asUser = asUnprivileged;

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...asUser });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** ag/A-RES-75-240.txt, ag/sub/A-RES-73-27.txt (the sub-folder unreadable), and a draft citing both. */
function unreadableSub(name: string): { dir: string; ag: string; draft: string } {
  const dir = join(tmp, name);
  const ag = join(dir, 'ag');
  mkdirSync(join(ag, 'sub'), { recursive: true });
  copyFileSync(join(corpus, 'A-RES-75-240.txt'), join(ag, 'A-RES-75-240.txt'));
  copyFileSync(join(corpus, 'A-RES-73-27.txt'), join(ag, 'sub', 'A-RES-73-27.txt'));
  for (const d of [dir, ag]) chmodSync(d, 0o755);
  chmodSync(join(ag, 'sub'), 0o000);
  const draft = join(dir, 'cite.draft.md');
  writeFileSync(draft, '1. Recalling resolution 75/240, para. 1.\n');
  return { dir, ag, draft };
}

describe('an --agreed folder that cannot be read whole', () => {
  it('a sub-folder that cannot be listed is skipped with one line on stderr; the rest is used', () => {
    const { dir } = unreadableSub('sub');
    const r = run(dir, 'cite', '--agreed', 'ag', 'cite.draft.md');
    expect(r.err).not.toMatch(/internal error|at /);
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toEqual(['negotext: skipping agreed-texts folder ag/sub: permission denied']);
    // The readable text is indexed: the pinpoint is checked against it.
    expect(r.out).toMatch(/A\/RES\/75\/240, para\. 1\s+ok\s+\(line 1\)$/m);
  });

  it('the folder itself cannot be listed: exit 2, one line naming it', () => {
    const { dir } = unreadableSub('top');
    const r = run(dir, 'check', '--agreed', join('ag', 'sub'), 'cite.draft.md');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('negotext: --agreed ag/sub: cannot read: permission denied\n');
  });
});

describe('the server: an agreed-texts folder with a sub-folder it cannot read', () => {
  it('keeps the texts it can read and logs the sub-folder', () => {
    const { ag } = unreadableSub('server');
    // settings.ts run by the unprivileged user: bundled for node, then called in a child process.
    const bundle = join(tmp, 'settings.cjs');
    buildSync({ entryPoints: [join(root, 'server', 'src', 'lsp', 'settings.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    chmodSync(bundle, 0o644);
    const script = `const { checkerFor } = require(${JSON.stringify(bundle)});
const log = [];
const c = checkerFor({ agreedTexts: [${JSON.stringify(ag)}], proposerAliases: {}, codeLens: { enabled: true } }, [], (m) => log.push(m));
console.log(JSON.stringify({ log, texts: ['A/RES/75/240', 'A/RES/73/27'].map((s) => c.hasText(s)) }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000, ...asUser });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.texts).toEqual([true, false]);
    expect(got.log).toEqual([`negotext.agreedTexts: skipping ${join(ag, 'sub')}: permission denied`]);
  });
});

/** A folder of agreed texts holding a draft being checked, and an agreed text the draft reuses. */
function selfFolder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'd.draft.md'), `1. ${OWN}\n\n2. ${REUSED}\n`);
  writeFileSync(join(dir, 'A-RES-1-1.md'), `---\nsymbol: A/RES/1/1\n---\n1. ${REUSED}\n`);
  return dir;
}
const OWN = 'The States parties shall cooperate closely in good faith on all matters of mutual interest.';
const REUSED = 'Member States are encouraged to share information on national approaches to capacity-building in good time.';

describe('a draft in its own agreed folder does not follow itself', () => {
  // (found trying to break the day's changes: leaving inputs out of the index lost every check against
  // an agreed text named beside the draft, `check draft.md agreed/* --agreed agreed`)
  it('an agreed text named as an input stays in the index for the other inputs', () => {
    const dir = join(tmp, 'input-agreed');
    mkdirSync(join(dir, 'ag'), { recursive: true });
    chmodSync(dir, 0o755);
    copyFileSync(join(corpus, 'A-RES-75-240.txt'), join(dir, 'ag', 'A-RES-75-240.txt'));
    writeFileSync(join(dir, 'd.draft.md'), '1. Recalling paragraph 3 of resolution 75/240, which says "shall hold its organizational session in 2030".\n');
    const r = spawnSync(process.execPath, [cli, 'check', 'd.draft.md', join('ag', 'A-RES-75-240.txt'), '--agreed', 'ag'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^d\.draft\.md:1:\d+ warning quote-mismatch /m);
  });

  it('check, cite and analyze do not report a checked file following itself; the rest of the index still counts', () => {
    const dir = selfFolder('self-cli');
    const check = spawnSync(process.execPath, [cli, 'check', '--agreed', '.', 'd.draft.md'], { cwd: dir, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).not.toMatch(/follows d\b/);
    expect(check.stdout.trim().split('\n')).toEqual(['d.draft.md:3:4 information agreed-language This paragraph follows A/RES/1/1, para. 1, unchanged.']);
    const cite = spawnSync(process.execPath, [cli, 'cite', '--agreed', '.', './d.draft.md'], { cwd: dir, encoding: 'utf8' });
    expect(cite.stdout).not.toMatch(/follows d,/);
    expect(cite.stdout).toMatch(/follows A\/RES\/1\/1, para\. 1, unchanged/);
    const analyze = spawnSync(process.execPath, [cli, 'analyze', '--json', '--agreed', dir, join(dir, 'd.draft.md')], { encoding: 'utf8' });
    const diags = JSON.parse(analyze.stdout)[0].diagnostics as { code: string; message: string }[];
    expect(diags.map((d) => d.message)).toEqual(['This paragraph follows A/RES/1/1, para. 1, unchanged.']);
    // Nor is it said to be indexed under its file name.
    expect(check.stderr).not.toMatch(/d\.draft\.md names no document symbol/);
  });
});
