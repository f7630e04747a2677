// Builds the reference checker for the CLI from --agreed folders and from
// input files that declare themselves agreed (front matter `agreed: true`).
import { realpathSync, statSync } from 'node:fs';
import { agreedFilesUnder, fsReason } from '../agreedFolder';
import { AgreedChecker } from '../core/agreedChecker';
import { indexedAsNote } from '../core/agreed/agreedFile';
import { frontMatterOf } from '../core/blocks';
import type { ReferenceChecker } from '../core/referenceChecker';
import { readDraft, UsageError } from './readDraft';
import { notFollowing } from '../core/agreed/notFollowing';

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

/**
 * The checker over the `--agreed` folders and the inputs that declare themselves agreed, and the one
 * to check each input with: an input that is itself one of the agreed files stays in the index (the
 * other inputs are checked against it) but is not reported as following itself.
 */
export function loadChecker(dirs: readonly string[], inputs: readonly { name: string; text: string }[]): { checker: ReferenceChecker; forInput: (k: number) => ReferenceChecker } {
  const checker = new AgreedChecker();
  // A file read once however often it is named (`--agreed D --agreed D/sub`, a symlinked folder).
  const seen = new Set<string>();
  const symbolOf = new Map<string, string>(); // real path of an indexed file → its symbol
  const inputPaths = new Set(inputs.filter(({ name }) => name !== '-').map(({ name }) => realPath(name)));
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
      const symbol = checker.addText(f, text);
      const real = realPath(f);
      // (Not said of a draft being checked that happens to sit in the folder: it is no agreed text to its author.)
      const note = inputPaths.has(real) ? null : indexedAsNote(f, symbol);
      if (note) process.stderr.write(`negotext: agreed text ${note}\n`);
      if (symbol) symbolOf.set(real, symbol);
    }
  }
  for (const { name, text } of inputs) if (declaresAgreed(text)) checker.addText(name, text);
  const own = inputs.map(({ name }) => (name === '-' ? undefined : symbolOf.get(realPath(name))));
  const mine = own.map((symbol) => (symbol ? notFollowing(checker, symbol) : checker));
  return { checker, forInput: (k) => mine[k] ?? checker };
}

function realPath(f: string): string {
  try {
    return realpathSync(f);
  } catch {
    return f; // gone since it was read: matches nothing indexed
  }
}
