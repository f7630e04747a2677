// Fuzzing settings shared by the property tests of issue 6. `npm test` runs
// them with a fixed seed and bounded runs; `npm run fuzz` (test/fuzz/run.mjs)
// sets NEGOTEXT_FUZZ_RUNS high and NEGOTEXT_FUZZ_SEED to a random seed it
// prints, so that a failure can be replayed:
//   NEGOTEXT_FUZZ_SEED=<seed> NEGOTEXT_FUZZ_RUNS=<runs> npm run fuzz
import type fc from 'fast-check';

/** The main properties' runs in `npm test`; the others scale with it. */
const DEFAULT_RUNS = 300;
const envRuns = Number(process.env.NEGOTEXT_FUZZ_RUNS);
const envSeed = Number(process.env.NEGOTEXT_FUZZ_SEED);

export const fuzzing = Number.isFinite(envRuns) && envRuns > 0;
export const seed = Number.isInteger(envSeed) ? envSeed : 20261123;
const scale = fuzzing ? envRuns / DEFAULT_RUNS : 1;

/** fast-check parameters for a property that runs `base` times in `npm test`. */
export function runs(base: number): fc.Parameters<unknown> {
  return { seed, numRuns: Math.max(1, Math.round(base * scale)) };
}

/** A test's time limit: vitest's default in `npm test`, none worth speaking of when fuzzing. */
export const timeout = fuzzing ? 24 * 3600_000 : undefined;
