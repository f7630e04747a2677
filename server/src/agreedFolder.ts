// The files of an agreed-texts folder (`--agreed DIR`, `negotext.agreedTexts`),
// for the CLI and the server alike.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** An error of the file system in words for people: "permission denied", not EACCES. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (e as Error)?.message ?? String(e);
}

/**
 * The .txt/.md files under the folder `dir`, in name order, sub-folders
 * included. Regular files only: a FIFO or a device named `x.txt` would block
 * the reading for ever. A dangling link is skipped. `seen` holds the real
 * paths already listed: pass one set for all the folders of a run, and a
 * folder named twice, one inside another named too, a loop of links or a file
 * reached by two paths is listed once. Throws only if `dir` cannot be listed;
 * a sub-folder that cannot be is passed to `skipped` and left out, so that the
 * texts that could be read are still used.
 */
export function agreedFilesUnder(dir: string, seen = new Set<string>(), skipped: (dir: string, reason: string) => void = () => {}): string[] {
  return filesUnder(dir, seen, skipped, true);
}

function filesUnder(dir: string, seen: Set<string>, skipped: (dir: string, reason: string) => void, top: boolean): string[] {
  let names: string[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    names = readdirSync(dir).sort();
  } catch (e) {
    if (top) throw e;
    skipped(dir, fsReason(e));
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const p = join(dir, name);
    let s;
    try {
      s = statSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) out.push(...filesUnder(p, seen, skipped, false));
    else if (s.isFile() && /\.(txt|md)$/i.test(name)) {
      let file: string;
      try {
        file = realpathSync(p);
      } catch {
        continue;
      }
      if (seen.has(file)) continue;
      seen.add(file);
      out.push(p);
    }
  }
  return out;
}
