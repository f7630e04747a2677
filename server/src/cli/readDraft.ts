// Reading a draft from disk for the CLI: every way a file can be unusable
// becomes one clear line, never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { BinaryFileError, decodeText } from '../textFile';
import { fsReason } from '../agreedFolder';

export class UsageError extends Error {}

/**
 * The file's text as an editor shows it (textFile.ts: UTF-8, UTF-16 with a BOM,
 * else Windows-1252, with a line on stderr saying so). Throws UsageError with
 * a one-line reason: no such file, a directory, a binary file.
 */
export function readDraft(path: string, warn: (message: string) => void = (m) => process.stderr.write(`negotext: ${m}\n`)): string {
  const bytes = path === '-' ? readStdin() : readFile(path);
  try {
    return decodeText(bytes, path, warn);
  } catch (e) {
    if (e instanceof BinaryFileError) throw new UsageError(e.message);
    throw e;
  }
}

function readFile(path: string): Buffer {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path}: is a directory, not a draft`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`${path}: cannot read: ${why}`);
  }
}

/** `-` is standard input, as for other command-line tools; the output names it `-`, as given. */
function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (e) {
    throw new UsageError(`-: cannot read standard input: ${fsReason(e)}`);
  }
}

/** Standard input can be read once: `-` named twice is bad usage (the second would read nothing). */
export function onceFromStdin(files: readonly string[]): void {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
}
