// Every folder test-fixtures/<case>/ holds input.draft.md and expected.json;
// the shared fixtures of ../shared/fixtures run the same way when present.
import { describe, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Expected } from './support/check';
import { AgreedChecker } from '../server/src/core/index';

/** A fixture's own agreed texts live in its agreed/ folder. */
function checkerFor(dir: string): AgreedChecker | undefined {
  const agreed = join(dir, 'agreed');
  if (!existsSync(agreed)) return undefined;
  const checker = new AgreedChecker();
  for (const f of readdirSync(agreed).sort()) checker.addText(f, read(join(agreed, f)));
  return checker;
}

const root = join(__dirname, '..');
const own = join(root, 'test-fixtures');
const shared = join(root, '..', 'shared', 'fixtures');

function read(p: string): string {
  return readFileSync(p, 'utf8').replace(/^\ufeff/, '');
}

describe('test-fixtures', () => {
  for (const name of readdirSync(own).sort()) {
    const dir = join(own, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    if (!input) continue;
    it(name, () => check(read(join(dir, input)), JSON.parse(read(join(dir, 'expected.json'))) as Expected, { checker: checkerFor(dir) }));
  }
});

describe.runIf(existsSync(shared))('shared fixtures', () => {
  const files = existsSync(shared) ? readdirSync(shared).filter((f) => /\.draft\.(md|txt)$/.test(f)).sort() : [];
  for (const f of files) {
    const exp = join(shared, f.replace(/\.draft\.(md|txt)$/, '.expected.json'));
    it(f, () => check(read(join(shared, f)), JSON.parse(read(exp)) as Expected));
  }
});
