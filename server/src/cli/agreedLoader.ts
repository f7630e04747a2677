// Builds the reference checker for the CLI from --agreed folders and from
// input files that declare themselves agreed (front matter `agreed: true`).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AgreedChecker } from '../core/agreedChecker';
import { parseFrontMatter } from '../core/frontMatter';
import type { ReferenceChecker } from '../core/referenceChecker';
import { readDraft, UsageError } from './readDraft';

/**
 * The .txt/.md files under `dir`. Only regular files: a FIFO or a device named
 * `x.txt` would block the reading for ever; a dangling link is skipped; a
 * folder reached twice through links (a loop) is read once.
 */
function filesUnder(dir: string, seen = new Set<string>()): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(`--agreed ${dir}: no such folder`);
  }
  if (!st.isDirectory()) throw new UsageError(`--agreed ${dir}: is not a folder`);
  seen.add(realpathSync(dir));
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let s;
    try {
      s = statSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) {
      if (!seen.has(realpathSync(p))) out.push(...filesUnder(p, seen));
    } else if (s.isFile() && /\.(txt|md)$/i.test(name)) out.push(p);
  }
  return out;
}

function declaresAgreed(text: string): boolean {
  const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text);
  return m !== null && parseFrontMatter(m[0]).agreed === true;
}

export function loadChecker(dirs: readonly string[], inputs: readonly { name: string; text: string }[]): ReferenceChecker {
  const checker = new AgreedChecker();
  for (const dir of dirs) {
    for (const f of filesUnder(dir)) {
      let text: string;
      try {
        text = readDraft(f);
      } catch (e) {
        // One unreadable agreed text must not stop the check of the drafts.
        process.stderr.write(`negotext: skipping agreed text ${(e as Error).message}\n`);
        continue;
      }
      if (!checker.addText(f, text)) process.stderr.write(`negotext: skipping agreed text ${f}: no document symbol found (add front matter 'symbol:')\n`);
    }
  }
  for (const { name, text } of inputs) if (declaresAgreed(text)) checker.addText(name, text);
  return checker;
}
