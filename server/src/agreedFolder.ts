// The files of an agreed-texts folder (`--agreed DIR`, `negotext.agreedTexts`),
// for the CLI and the server alike.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The .txt/.md files under the folder `dir`, in name order, sub-folders
 * included. Regular files only: a FIFO or a device named `x.txt` would block
 * the reading for ever. A dangling link is skipped. `seen` holds the real
 * paths already listed: pass one set for all the folders of a run, and a
 * folder named twice, one inside another named too, a loop of links or a file
 * reached by two paths is listed once. Throws only if `dir` cannot be listed.
 */
export function agreedFilesUnder(dir: string, seen = new Set<string>()): string[] {
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let s;
    try {
      s = statSync(p);
    } catch {
      continue;
    }
    if (s.isDirectory()) out.push(...agreedFilesUnder(p, seen));
    else if (s.isFile() && /\.(txt|md)$/i.test(name)) {
      const file = realpathSync(p);
      if (seen.has(file)) continue;
      seen.add(file);
      out.push(p);
    }
  }
  return out;
}
