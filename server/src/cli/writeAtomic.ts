import { chmodSync, lstatSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fsReason } from '../agreedFolder';

/** Why a report could not be written, in words for people (`no such folder: out`). */
export class WriteError extends Error {}

/** Where a chain of symbolic links ends, the last one possibly dangling (a report not written yet). */
function linkTarget(file: string): string {
  let p = file;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new WriteError(`${file}: too many levels of symbolic links`);
}

function reason(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `no such folder: ${dirname(target)}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${dirname(target)}`;
  if (code === 'EISDIR') return `is a folder: ${target}`;
  if (code === 'EROFS') return `read-only file system: ${target}`;
  if (code === 'ENOSPC') return 'no space left on the device';
  return fsReason(e);
}

/**
 * Writes `text` to `file` as the person means it. A regular file (or none yet) is replaced atomically:
 * a temporary file beside it, then a rename, so a reader never sees half a report. A symbolic link is
 * written through: the file it leads to is replaced and the link kept (a rename over the link would
 * leave a shared copy stale). A device, a FIFO, `/dev/stdout` is written to directly: a rename would
 * put a file in its place. Throws WriteError.
 */
export function writeAtomic(file: string, text: string): void {
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new WriteError(reason(e, file));
  }
  if (st?.isDirectory()) throw new WriteError(`is a folder: ${file}`);
  if (st && !st.isFile()) {
    try {
      writeFileSync(file, text, 'utf8');
    } catch (e) {
      throw new WriteError(reason(e, file));
    }
    return;
  }
  const target = linkTarget(file);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    // `wx`: never through something already at the temporary name.
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
    // The report replaced keeps its permissions (a group-writable shared copy stays so).
    if (st) chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new WriteError(reason(e, target));
  }
}
