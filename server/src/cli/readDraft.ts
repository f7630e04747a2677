// Reading a draft from disk for the CLI: every way a file can be unusable
// becomes one clear line, never a stack trace.
import { readFileSync, statSync } from 'node:fs';

export class UsageError extends Error {}

/**
 * The file's text, BOM removed (as editors present it). Throws UsageError with
 * a one-line reason. Word's "Unicode text" (UTF-16 with a BOM) is read as
 * such; a file that is not UTF-8 is read as Windows-1252 — what a draft saved
 * as "plain text" on Windows is — and `warn` says so: nothing is lost on disk,
 * and the draft is still checked.
 */
export function readDraft(path: string, warn: (message: string) => void = (m) => process.stderr.write(`negotext: ${m}\n`)): string {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path}: is a directory, not a draft`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`${path}: cannot read: ${why}`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Binary files (images, Word's .docx, PDFs) have NUL bytes early on; text drafts never do.
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new UsageError(`${path}: looks like a binary file, not a text draft (export it as .txt or .md)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    warn(`${path} is not UTF-8: read as Windows-1252 (re-save it as UTF-8 to be sure of every character)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
