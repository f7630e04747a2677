// What the robustness tests tried, for the README's table (issue 6): each test
// records an area, what it threw at the tool, how many times, and the outcome
// it checked. Lines go to test-results/tried.jsonl (emptied by the global
// setup at the start of a run); `node scripts/tried-table.mjs` prints the table.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Area = 'input' | 'edit' | 'protocol' | 'cli' | 'confidentiality' | 'code action';

export const triedFile = join(__dirname, '..', '..', 'test-results', 'tried.jsonl');

/** Call after the assertions passed: a line is only written for what held. */
export function tried(area: Area, what: string, count: number, result: string): void {
  mkdirSync(join(triedFile, '..'), { recursive: true });
  appendFileSync(triedFile, JSON.stringify({ area, what, count, result }) + '\n');
}
