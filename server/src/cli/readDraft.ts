// Reading a draft from disk for the CLI: every way a file can be unusable
// becomes one clear line, never a stack trace.
import { readFileSync, statSync } from 'node:fs';

export class UsageError extends Error {}

/**
 * The file's text, BOM removed (as editors present it). Throws UsageError with
 * a one-line reason. Word's "Unicode text" (UTF-16 with a BOM) is read as
 * such; a file that is not UTF-8 is read as Windows-1252 — what a draft saved
 * as "plain text" on Windows is — unless it holds UTF-8 sequences too (UTF-8
 * with a few bad bytes: those are read as U+FFFD). `warn` says which: nothing
 * is lost on disk, and the draft is still checked. Either way one bad byte is
 * one UTF-16 unit, as in an editor that shows the file as UTF-8.
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
    if (hasUtf8Sequence(bytes)) {
      // UTF-8 with a few bad bytes: each read as U+FFFD, as editors show it, so positions agree.
      text = new TextDecoder('utf-8').decode(bytes);
      let bad = 0;
      for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
      warn(`${path} is not valid UTF-8: ${bad} byte${bad === 1 ? '' : 's'} read as \ufffd (re-save it as UTF-8)`);
    } else {
      text = new TextDecoder('windows-1252').decode(bytes);
      warn(`${path} is not UTF-8: read as Windows-1252 (re-save it as UTF-8 to be sure of every character)`);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether `bytes` hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  const cont = (i: number) => i < bytes.length && (bytes[i] & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0xc2 || b > 0xf4) continue;
    const n = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    let ok = true;
    for (let k = 1; k <= n; k++) if (!cont(i + k)) ok = false;
    if (ok) return true;
  }
  return false;
}
