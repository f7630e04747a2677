#!/usr/bin/env node
// Does analysis time grow linearly with the draft? Times analyze() (the bundled
// core, dist/core.js) on seeded synthetic drafts of 1, 2, 4 and 8 MB and prints
// the time per MB of each, set against the 1 MB one. A linear core keeps the
// per-MB ratio near 1×; a quadratic one doubles it at each step.
//
//   npm run build && node --expose-gc bench/linearity.mjs [--seed N] [--runs N] [--check]
//
// --check exits 1 when the 8 MB per-MB time exceeds 1.5× the 1 MB one (a generous
// bound: V8's heap grows with the text, and a shared machine is noisy).
// `export async function linearityBench({ seed, log })` gives bench/run.mjs its row.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { synthDraft } from './synth.mjs';
import { MB, median, fmtMs, fmtX } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corePath = path.join(root, 'dist', 'core.js');
/** Times analyze() at 1, 2, 4 and 8 MB; the rows of the per-MB table. */
function measure(seed, runs) {
  const core = createRequire(import.meta.url)(corePath);
  const gc = globalThis.gc ?? (() => {});
  // Warm the JIT on another 1 MB draft first, so the 1 MB figure is not the cold one.
  const warm = synthDraft(MB, seed + 99);
  for (let i = 0; i < 5; i++) core.analyze(warm);
  const rows = [];
  for (const mb of [1, 2, 4, 8]) {
    const text = synthDraft(mb * MB, seed);
    const bytes = Buffer.byteLength(text, 'utf8');
    const times = [];
    for (let i = 0; i < runs; i++) {
      gc();
      const t = performance.now();
      core.analyze(text);
      times.push(performance.now() - t);
    }
    const ms = median(times);
    rows.push({ mb, bytes, ms, perMB: ms / (bytes / MB) });
  }
  return rows;
}

export async function linearityBench({ seed = 20260612, log = () => {} } = {}) {
  log('linearity: analyze() at 1, 2, 4 and 8 MB');
  const rows = measure(seed, 3);
  const ratio = rows[3].perMB / rows[0].perMB;
  const out = [{
    measure: `Analysis time per MB at 8 MB against 1 MB (analyze(): ${rows.map((r) => `${r.mb} MB ${fmtMs(r.ms)}`).join(', ')})`,
    figure: `${fmtMs(rows[3].perMB)} per MB`,
    yardstick: `1 MB: ${fmtMs(rows[0].perMB)} per MB`,
    ratio: fmtX(ratio),
    target: '≤ 1.5× (linear)',
    result: ratio <= 1.5 ? 'PASS' : 'MISS',
  }];
  out.details = rows;
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(corePath)) {
    console.error('linearity: dist/core.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
  };
  const seed = opt('--seed', 20260612);
  const runs = opt('--runs', 5);
  const check = argv.includes('--check');
  if (!globalThis.gc) console.error('linearity: run with --expose-gc for steadier figures');
  const rows = measure(seed, runs);
  const base = rows[0].perMB;
  console.log(`analyze(), median of ${runs}, seed ${seed}`);
  console.log('| draft | time | per MB | per MB vs 1 MB |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${(r.bytes / MB).toFixed(2)} MB | ${fmtMs(r.ms)} | ${fmtMs(r.perMB)} | ${fmtX(r.perMB / base)} |`);
  const last = rows[rows.length - 1];
  const ratio = last.perMB / base;
  console.log(`\n8 MB / 1 MB time: ${fmtX(last.ms / rows[0].ms)} for ${fmtX(last.bytes / rows[0].bytes)} the text; per-MB ratio ${fmtX(ratio)} (linear: ≈1×)`);
  if (check && ratio > 1.5) {
    console.error(`linearity: MISS — per-MB time at 8 MB is ${fmtX(ratio)} that at 1 MB (bound 1.5×)`);
    process.exit(1);
  }
}
