#!/usr/bin/env node
// negotext benchmark, comparison part (FORMAT.md §10): `compare(rev1, rev2)` on two synthetic
// revisions of 1 MB and of 10 MB. rev2 is made from rev1 deterministically (seeded): 2% of the
// numbered paragraphs edited (a few words changed), 1% of them swapped in pairs, and every label
// renumbered (n → n + 1).
//
// Only paragraphs numbered below 9999 take part (the analyzer reads five digits as text, and
// synthDraft's 10 MB draft numbers up to ~17 500); the rest of the 10 MB draft is left as it is.
//
//   - in process, from dist/core.js: compare time (median of 3 at 1 MB, of 2 at 10 MB), against a
//     whole-document `diffWords(rev1, rev2)` (the `diff` package) of the same 1 MB pair in the same
//     run as the yardstick (at 10 MB diffWords is far too slow: skipped, its 1 MB rate applied);
//   - the whole CLI process `node dist/cli.js compare OLD NEW --json > /dev/null` on the 1 MB pair
//     (median of 3);
//   - peak RSS (process.resourceUsage().maxRSS) of a child process that reads and compares the
//     10 MB pair (`node bench/compare.mjs --child OLD NEW`).
//
// Targets (the issue): 1 MB within a fifth of the diffWords yardstick and under 500 ms, as a whole
// CLI process too; 10 MB under 5 s; peak RSS under 300 MB.
//
// `export async function compareBench({ seed, log })` returns the rows for bench/run.mjs's table
// (rows.details holds the raw figures); `node --expose-gc bench/compare.mjs` runs it alone and
// prints its table. Options when run alone: --seed N, --json, --check (exit 1 on a miss).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { synthDraft, mulberry32 } from './synth.mjs';
import { MB, median, fmtMs, fmtX, fmtBytes } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const now = () => performance.now();
const judge = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'MISS');
const gc = () => globalThis.gc?.();

const WORDS = ['notably', 'further', 'collectively', 'duly', 'expressly', 'fully', 'jointly', 'resolutely'];
const LABEL = /^(\d+)\.(\s)/;
const MAX_LABEL = 9999;

/**
 * rev2 of `text`: 2% of the numbered paragraphs edited (a few words changed), 1% of them swapped
 * with another, all labels renumbered n → n + 1. Deterministic for a seed.
 */
export function revise(text, seed = 1) {
  const rnd = mulberry32(seed ^ 0x5eed);
  const blocks = text.split('\n\n');
  // The analyzer reads at most four digits as a label (`10000.` is text), and synthDraft numbers
  // past 9999 at 10 MB: only paragraphs numbered up to 9998 are edited, swapped and renumbered, so
  // that none crosses to 10000 and every one stays a labelled paragraph.
  const numbered = blocks.map((b, i) => (LABEL.test(b) && Number(LABEL.exec(b)[1]) < MAX_LABEL ? i : -1)).filter((i) => i >= 0);
  const bodyOf = (b) => b.replace(LABEL, '');
  const labelOf = (b) => LABEL.exec(b)[1];
  const pick = (n) => {
    const s = new Set();
    while (s.size < Math.min(n, numbered.length)) s.add(numbered[Math.floor(rnd() * numbered.length)]);
    return [...s];
  };
  let edited = 0;
  for (const i of pick(Math.round(numbered.length * 0.02))) {
    const words = bodyOf(blocks[i]).split(' ');
    for (let k = 0; k < 3; k++) {
      const w = Math.floor(rnd() * words.length);
      if (k === 1) words.splice(w, 1); // a word deleted
      else words.splice(w, 0, WORDS[Math.floor(rnd() * WORDS.length)]); // a word inserted
    }
    blocks[i] = `${labelOf(blocks[i])}. ${words.join(' ')}`;
    edited++;
  }
  let swapped = 0;
  const swaps = pick(Math.round(numbered.length * 0.01) * 2);
  for (let k = 0; k + 1 < swaps.length; k += 2) {
    const [a, b] = [swaps[k], swaps[k + 1]];
    const [la, lb] = [labelOf(blocks[a]), labelOf(blocks[b])];
    [blocks[a], blocks[b]] = [`${la}. ${bodyOf(blocks[b])}`, `${lb}. ${bodyOf(blocks[a])}`];
    swapped += 2;
  }
  for (const i of numbered) blocks[i] = blocks[i].replace(LABEL, (_, n, sp) => `${Number(n) + 1}.${sp}`);
  return { text: blocks.join('\n\n'), paragraphs: numbered.length, edited, swapped };
}

function loadCompare() {
  const p = path.join(root, 'dist', 'core.js');
  if (!existsSync(p)) throw new Error('dist/core.js is missing: run `npm run build`');
  const core = require(p);
  if (typeof core.compare !== 'function') throw new Error('dist/core.js does not export compare');
  return core.compare;
}

function timeIt(fn, runs) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = now();
    out = fn();
    ms.push(now() - t);
  }
  return { ms: median(ms), min: Math.min(...ms), out };
}

const tally = (c) => ({
  entries: c.paragraphs.length,
  modified: c.paragraphs.filter((p) => p.modified).length,
  renumbered: c.paragraphs.filter((p) => p.renumbered).length,
  moved: c.paragraphs.filter((p) => p.moved).length,
  added: c.paragraphs.filter((p) => p.old === null).length,
  deleted: c.paragraphs.filter((p) => p.new === null).length,
});

export async function compareBench({ seed = 20260612, log = (s) => process.stderr.write(s + '\n') } = {}) {
  const compare = loadCompare();
  const { diffWords } = require('diff');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'negotext-compare-bench-'));
  const rows = [];
  const details = {};
  try {
    const pairs = {};
    for (const [key, bytes] of [['1MB', MB], ['10MB', 10 * MB]]) {
      const rev1 = synthDraft(bytes, seed);
      const r = revise(rev1, seed);
      const oldFile = path.join(dir, `${key}-rev1.draft.md`);
      const newFile = path.join(dir, `${key}-rev2.draft.md`);
      writeFileSync(oldFile, rev1);
      writeFileSync(newFile, r.text);
      pairs[key] = { rev1, rev2: r.text, oldFile, newFile, made: { bytes: rev1.length, paragraphs: r.paragraphs, edited: r.edited, swapped: r.swapped } };
    }

    // 1 MB: compare, diffWords yardstick, whole CLI process.
    const p1 = pairs['1MB'];
    log('compare: 1 MB pair, compare() ×3');
    compare(p1.rev1, p1.rev2); // warm-up
    const c1 = timeIt(() => compare(p1.rev1, p1.rev2), 3);
    // The CLI before the diffWords yardstick: its gigabyte of garbage, still being swept by this
    // process's GC threads, took ~150 ms of the 2 cores from the child (and fork()ed a huge parent).
    log('compare: 1 MB pair, CLI ×3');
    gc();
    const cliMs = [];
    let cliStatus = 0;
    for (let i = 0; i < 3; i++) {
      const nul = openSync('/dev/null', 'w');
      const t = now();
      const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'compare', p1.oldFile, p1.newFile, '--json'], { stdio: ['ignore', nul, 'pipe'] });
      cliMs.push(now() - t);
      closeSync(nul);
      if (r.status !== 0) cliStatus = r.status;
    }
    const cli = median(cliMs);
    log('compare: 1 MB pair, diffWords() ×1');
    const dw = timeIt(() => diffWords(p1.rev1, p1.rev2), 1);
    const dwMoves = 0; // a linear diff has no notion of a move: a swapped pair is a delete + insert
    const dwChanged = dw.out.filter((d) => d.added || d.removed).length;
    const t1 = tally(c1.out);
    details['1MB'] = { made: p1.made, compareMs: c1.ms, compareMinMs: c1.min, diffWordsMs: dw.ms, diffWordsChangedParts: dwChanged, cliMs: cli, cliRuns: cliMs, cliStatus, tally: t1 };
    const limit1 = Math.min(500, dw.ms / 5);
    rows.push({
      measure: `Compare 1 MB revisions (${p1.made.edited} edited, ${p1.made.swapped} swapped, ${p1.made.paragraphs} renumbered)`,
      figure: `${fmtMs(c1.ms)} (found ${t1.modified} modified, ${t1.moved} moved, ${t1.renumbered} renumbered)`,
      yardstick: `diffWords of the pair ${fmtMs(dw.ms)} (${dwMoves} moves)`,
      ratio: fmtX(c1.ms / dw.ms),
      target: '≤ 1/5 of yardstick and < 500 ms',
      result: judge(c1.ms <= limit1),
    });
    rows.push({
      measure: 'Compare 1 MB revisions, whole CLI process (`compare --json > /dev/null`, median of 3)',
      figure: cliStatus ? `exit ${cliStatus}` : fmtMs(cli),
      yardstick: `diffWords of the pair ${fmtMs(dw.ms)}`,
      ratio: fmtX(cli / dw.ms),
      target: '≤ 1/5 of yardstick and < 500 ms',
      result: judge(!cliStatus && cli <= limit1),
    });

    // 10 MB: compare in process, then peak RSS in a child.
    const p10 = pairs['10MB'];
    log('compare: 10 MB pair, compare() ×2');
    const c10 = timeIt(() => compare(p10.rev1, p10.rev2), 2);
    const t10 = tally(c10.out);
    const rate = dw.ms * (p10.made.bytes / p1.made.bytes);
    delete pairs['1MB'];
    gc();
    log('compare: 10 MB pair, peak RSS of a child');
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', p10.oldFile, p10.newFile], { encoding: 'utf8' });
    let rss = null;
    try {
      rss = JSON.parse(child.stdout).maxRSS;
    } catch {
      rss = null;
    }
    details['10MB'] = { made: p10.made, compareMs: c10.ms, compareMinMs: c10.min, diffWordsMs: null, diffWordsNote: 'skipped at 10 MB; 1 MB rate × size applied', diffWordsRateMs: rate, tally: t10, childMaxRSS: rss, childStatus: child.status, childStderr: child.stderr?.slice(0, 500) };
    rows.push({
      measure: `Compare 10 MB revisions (${p10.made.edited} edited, ${p10.made.swapped} swapped, ${p10.made.paragraphs} renumbered)`,
      figure: `${fmtMs(c10.ms)} (found ${t10.modified} modified, ${t10.moved} moved)`,
      yardstick: `diffWords at its 1 MB rate ≈ ${fmtMs(rate)} (not run at 10 MB)`,
      ratio: fmtX(c10.ms / rate),
      target: '< 5 s',
      result: judge(c10.ms < 5000),
    });
    rows.push({
      measure: 'Compare 10 MB revisions: peak RSS of a child (read both + compare)',
      figure: rss == null ? `child failed (exit ${child.status})` : fmtBytes(rss),
      yardstick: `2 × 10 MB of text (${fmtBytes(p10.made.bytes * 2)})`,
      ratio: rss == null ? 'n/a' : fmtX(rss / (p10.made.bytes * 2)),
      target: '< 300 MB',
      result: judge(rss != null && rss < 300 * MB),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.details = details;
  return rows;
}

async function child(oldFile, newFile) {
  const compare = loadCompare();
  const c = compare(readFileSync(oldFile, 'utf8'), readFileSync(newFile, 'utf8'));
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS * 1024, entries: c.paragraphs.length }) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') await child(argv[1], argv[2]);
  else {
    const i = argv.indexOf('--seed');
    const seed = i >= 0 ? Number(argv[i + 1]) : 20260612;
    if (!globalThis.gc) process.stderr.write('compare bench: run with --expose-gc for steadier timings\n');
    const rows = await compareBench({ seed });
    const esc = (v) => String(v ?? '').replace(/\|/g, '\\|');
    console.log(
      [
        '| Measure | Figure | Yardstick (same run) | Ratio | Target | Result |',
        '|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${esc(r.measure)} | ${esc(r.figure)} | ${esc(r.yardstick)} | ${esc(r.ratio)} | ${esc(r.target)} | ${esc(r.result)} |`),
      ].join('\n'),
    );
    if (argv.includes('--json')) console.log(JSON.stringify(rows.details, null, 2));
    if (argv.includes('--check') && rows.some((r) => r.result === 'MISS')) process.exit(1);
  }
}
