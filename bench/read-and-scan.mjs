#!/usr/bin/env node
// The baseline process for the CLI comparison: start Node, read one file, scan it, print counts.
// `negotext analyze FILE --json` is measured against this (bench/run.mjs).
import { readFileSync } from 'node:fs';
import { scan } from './scan.mjs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/read-and-scan.mjs FILE\n');
  process.exit(2);
}
let text;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`read-and-scan: cannot read ${file}: ${e.message}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(scan(text)) + '\n');
