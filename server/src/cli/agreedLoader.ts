// Builds the reference checker for the CLI from --agreed folders and from
// input files that declare themselves agreed (front matter `agreed: true`).
import { realpathSync, statSync } from 'node:fs';
import { agreedFilesUnder, fsReason } from '../agreedFolder';
import { AgreedChecker } from '../core/agreedChecker';
import { indexedAsNote } from '../core/agreed/agreedFile';
import { frontMatterOf } from '../core/blocks';
import type { ReferenceChecker } from '../core/referenceChecker';
import { readDraft, UsageError } from './readDraft';

/**
 * The agreed-text files of an `--agreed` folder not listed yet. A folder that is not there or
 * cannot be listed is a usage error; a sub-folder that cannot be is skipped with a line on stderr.
 */
function filesUnder(dir: string, seen: Set<string>): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch (e) {
    throw new UsageError((e as NodeJS.ErrnoException).code === 'ENOENT' ? `--agreed ${dir}: no such folder` : `--agreed ${dir}: cannot read: ${fsReason(e)}`);
  }
  if (!st.isDirectory()) throw new UsageError(`--agreed ${dir}: is not a folder`);
  try {
    return agreedFilesUnder(dir, seen, (sub, why) => process.stderr.write(`negotext: skipping agreed-texts folder ${sub}: ${why}\n`));
  } catch (e) {
    throw new UsageError(`--agreed ${dir}: cannot read: ${fsReason(e)}`);
  }
}

function declaresAgreed(text: string): boolean {
  return frontMatterOf(text)?.agreed === true;
}

export function loadChecker(dirs: readonly string[], inputs: readonly { name: string; text: string }[]): ReferenceChecker {
  const checker = new AgreedChecker();
  // A file read once however often it is named (`--agreed D --agreed D/sub`, a symlinked folder).
  const seen = new Set<string>();
  // The files being checked are left out of the index: a draft in its own --agreed folder would
  // otherwise "follow itself". (One that declares itself agreed is indexed below, as always.)
  for (const { name } of inputs) {
    if (name === '-') continue;
    try {
      seen.add(realpathSync(name));
    } catch {
      // standard input, or gone since it was read: nothing under a folder to leave out
    }
  }
  for (const dir of dirs) {
    for (const f of filesUnder(dir, seen)) {
      let text: string;
      try {
        text = readDraft(f);
      } catch (e) {
        // One unreadable agreed text must not stop the check of the drafts.
        process.stderr.write(`negotext: skipping agreed text ${(e as Error).message}\n`);
        continue;
      }
      const note = indexedAsNote(f, checker.addText(f, text));
      if (note) process.stderr.write(`negotext: agreed text ${note}\n`);
    }
  }
  for (const { name, text } of inputs) if (declaresAgreed(text)) checker.addText(name, text);
  return checker;
}
