#!/usr/bin/env node
// Prints, as a Markdown table, what the last `npm test` run tried against the
// tool (test-results/tried.jsonl, written by test/support/tried.ts).
import { existsSync, readFileSync } from 'node:fs';

const file = new URL('../test-results/tried.jsonl', import.meta.url);
if (!existsSync(file)) {
  console.error('no test-results/tried.jsonl: run `npm test` first');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const order = ['input', 'edit', 'protocol', 'cli', 'code action', 'confidentiality'];
rows.sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area) || a.what.localeCompare(b.what));
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
console.log('| area | tried | count | result |');
console.log('|---|---|---:|---|');
for (const r of rows) console.log(`| ${cell(r.area)} | ${cell(r.what)} | ${r.count.toLocaleString('en')} | ${cell(r.result)} |`);
