// The files of an agreed-texts folder (`--agreed DIR`, `negotext.agreedTexts`),
// for the CLI and the server alike.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The .txt/.md files under the folder `dir`, in name order, sub-folders
 * included. Regular files only: a FIFO or a device named `x.txt` would block
 * the reading for ever. A dangling link is skipped; a folder reached twice
 * through links (a loop) is read once. Throws only if `dir` cannot be listed.
 */
export function agreedFilesUnder(dir: string, seen = new Set<string>()): string[] {
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
      if (!seen.has(realpathSync(p))) out.push(...agreedFilesUnder(p, seen));
    } else if (s.isFile() && /\.(txt|md)$/i.test(name)) out.push(p);
  }
  return out;
}
