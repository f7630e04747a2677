// Some CLI tests run as an unprivileged user: root reads and writes anywhere, so a "permission
// denied" needs `nobody`. That user may not enter the checkout (`d=$(mktemp -d) && git clone . "$d"`
// makes a folder only its owner can), so what it runs and reads is copied where anyone can.
import { chmodSync, copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Spawn options that run a child as `nobody` when the tests run as root; none otherwise. */
export const asUnprivileged: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Copies of `files` in `dir` (a folder anyone may enter), readable by anyone; their paths, in order. */
export function readableCopies(dir: string, ...files: string[]): string[] {
  return files.map((f) => {
    const copy = join(dir, basename(f));
    copyFileSync(f, copy);
    chmodSync(copy, 0o644);
    return copy;
  });
}
