#!/usr/bin/env node
// One part of `npm run bench` in a process of its own:
//   node --expose-gc bench/part.mjs FILE FUNCTION SEED OUT
// imports ./FILE, runs FUNCTION({ seed, log }) and writes its rows and details to OUT as JSON.
// bench/run.mjs runs every part this way, so that no part is timed in a process still holding
// another's garbage: by then the core benchmark's drafts and analyses make a heap of some
// 370 MB, whose collections stalled the language-server client mid-measurement.
import { writeFileSync } from 'node:fs';

const [file, fn, seedArg, out] = process.argv.slice(2);
const log = (...a) => console.error('bench:', ...a);
const rows = await (await import(new URL(file, import.meta.url).href))[fn]({ seed: Number(seedArg), log });
writeFileSync(out, JSON.stringify({ rows: [...rows], details: rows.details ?? null }));
