#!/usr/bin/env node
// `npm run fuzz`: the fuzz properties of test/fuzz/ and the code-action
// properties with many more runs than `npm test` and a random seed, printed
// first so that a failure can be replayed with the same seed and runs.
//   npm run fuzz                                   # 20 000 runs, random seed
//   NEGOTEXT_FUZZ_RUNS=100000 npm run fuzz         # more
//   NEGOTEXT_FUZZ_SEED=12345 NEGOTEXT_FUZZ_RUNS=20000 npm run fuzz   # replay
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const runs = process.env.NEGOTEXT_FUZZ_RUNS || '20000';
const seed = process.env.NEGOTEXT_FUZZ_SEED || String(randomInt(1, 2 ** 31 - 1));
console.log(`fuzz: seed ${seed}, ${runs} runs — replay with NEGOTEXT_FUZZ_SEED=${seed} NEGOTEXT_FUZZ_RUNS=${runs} npm run fuzz`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEGOTEXT_FUZZ_RUNS: runs, NEGOTEXT_FUZZ_SEED: seed },
});
if (r.status !== 0) console.log(`fuzz: FAILED with seed ${seed}, ${runs} runs — replay with NEGOTEXT_FUZZ_SEED=${seed} NEGOTEXT_FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(r.status ?? 1);
