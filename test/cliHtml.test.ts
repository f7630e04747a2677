// `compare --html FILE`: where the report goes when FILE is a link, a FIFO or `-`,
// and what is said when it cannot go there.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asUnprivileged, readableCopies } from './support/anyUser';

const root = join(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'negotext-cli-html-'));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Where an unprivileged user (the "may not write" case) can read them.
const [cli] = readableCopies(tmp, join(root, 'dist', 'cli.js'));
const [oldF, newF] = readableCopies(dir('drafts'), ...['old', 'new'].map((s) => join(root, 'test-fixtures', 'compare-move-edit', `${s}.draft.md`)));

function run(cwd: string, args: string[], extra: object = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...extra });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dir(name: string): string {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  chmodSync(d, 0o755);
  return d;
}

describe('compare --html through a symbolic link', () => {
  it('replaces the file the link names, keeps the link, leaves no temporary file', () => {
    const d = dir('link');
    const shared = dir('link/shared');
    writeFileSync(join(shared, 'report.html'), 'stale');
    chmodSync(join(shared, 'report.html'), 0o664);
    symlinkSync(join('shared', 'report.html'), join(d, 'report.html'));
    const r = run(d, ['compare', oldF, newF, '--html', 'report.html']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, 'report.html')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'report.html'))).toBe(join('shared', 'report.html'));
    expect(readFileSync(join(shared, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    // The shared copy keeps its permissions.
    expect(statSync(join(shared, 'report.html')).mode & 0o777).toBe(0o664);
    expect(readdirSync(d).sort()).toEqual(['report.html', 'shared']);
    expect(readdirSync(shared)).toEqual(['report.html']);
  });

  it('a link to a report not written yet: the report is written where it leads', () => {
    const d = dir('dangling');
    dir('dangling/out');
    symlinkSync(join(d, 'out', 'r.html'), join(d, 'r.html'));
    const r = run(d, ['compare', oldF, newF, '--html', 'r.html']);
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, 'r.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'out', 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('a link to an input is still refused', () => {
    const d = dir('to-input');
    symlinkSync(newF, join(d, 'r.html'));
    const before = readFileSync(newF, 'utf8');
    const r = run(d, ['compare', oldF, newF, '--html', 'r.html']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to overwrite an input file/);
    expect(readFileSync(newF, 'utf8')).toBe(before);
  });
});

describe('compare --html to what is not a regular file', () => {
  it('a FIFO is written to, not replaced by a file', () => {
    const d = dir('fifo');
    const fifo = join(d, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opened for reading first (without blocking), so that the CLI's write does not wait for a reader.
    const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const r = run(d, ['compare', oldF, newF, '--html', fifo]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      const buf = Buffer.alloc(1 << 16);
      let n = 0;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch {
        /* EAGAIN: nothing was written to it */
      }
      expect(buf.subarray(0, n).toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(d)).toEqual(['report.fifo']);
  });

  it('--html - prints the page in place of the summary, and writes no file', () => {
    const d = dir('stdout');
    const r = run(d, ['compare', oldF, newF, '--html', '-']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!DOCTYPE html>[^]*<\/html>\n$/);
    expect(readdirSync(d)).toEqual([]);
    const both = run(d, ['compare', oldF, newF, '--html', '-', '--json']);
    expect(both.code).toBe(2);
    expect(both.err).toBe('negotext: --html - prints the report: it takes no --json or --markdown\n');
  });
});

describe('compare --html that cannot be written: one line in words', () => {
  it('a folder that is not there', () => {
    const d = dir('nofolder');
    const r = run(d, ['compare', oldF, newF, '--html', join('missing', 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('negotext: --html missing/r.html: cannot write: no such folder: missing\n');
  });

  it('a folder it may not write in', () => {
    const d = dir('denied');
    const ro = dir('denied/ro');
    chmodSync(ro, 0o555);
    // Root writes anywhere: as `nobody` then.
    const r = run(d, ['compare', oldF, newF, '--html', join('ro', 'r.html')], asUnprivileged);
    expect(r.code).toBe(2);
    expect(r.err).toBe('negotext: --html ro/r.html: cannot write: permission denied: ro\n');
    expect(readdirSync(ro)).toEqual([]);
  });

  it('a folder given as FILE', () => {
    const d = dir('isdir');
    dir('isdir/r.html');
    const r = run(d, ['compare', oldF, newF, '--html', 'r.html']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('negotext: --html r.html: cannot write: is a folder: r.html\n');
  });
});
