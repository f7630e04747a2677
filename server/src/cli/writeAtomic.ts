import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `html` to `file` atomically: `file.tmp-<pid>`, then a rename. */
export function writeAtomic(file: string, html: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, html, 'utf8');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
