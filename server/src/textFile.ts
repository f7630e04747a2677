// A text file's bytes as the text an editor shows, for every file the CLI and
// the server read from disk (drafts, agreed texts, workspace drafts): UTF-8,
// UTF-16 with a byte order mark, or Windows-1252 — never a throw on odd bytes.

/** A file with NUL bytes early on: an image, a Word .docx, a PDF — not a text draft. */
export class BinaryFileError extends Error {}

/**
 * The text, BOM removed. Word's "Unicode text" (UTF-16 with a BOM) is read as
 * such; a file that is not UTF-8 is read as Windows-1252 — what a draft saved
 * as "plain text" on Windows is — unless it holds UTF-8 sequences too (UTF-8
 * with a few bad bytes: those are read as U+FFFD, one UTF-16 unit each, as an
 * editor showing the file as UTF-8 has them, so positions agree). `warn` says
 * which; nothing is lost on disk.
 */
export function decodeText(bytes: Uint8Array, name: string, warn: (message: string) => void): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8000).includes(0)) throw new BinaryFileError(`${name}: looks like a binary file, not a text draft (export it as .txt or .md)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (hasUtf8Sequence(bytes)) {
      text = new TextDecoder('utf-8').decode(bytes);
      let bad = 0;
      for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) bad++;
      warn(`${name} is not valid UTF-8: ${bad} byte${bad === 1 ? '' : 's'} read as \ufffd (re-save it as UTF-8)`);
    } else {
      text = windows1252(bytes);
      warn(`${name} is not UTF-8: read as Windows-1252 (re-save it as UTF-8 to be sure of every character)`);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Windows-1252 by hand: Node's TextDecoder('windows-1252') (to v22 at least) decodes
 * 0x80–0x9F as Latin-1 control characters, losing Word's curly quotes and dashes — the very
 * characters quotations and `– EU` attributions are written with.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function windows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let out = '';
  const codes = new Array<number>(CHUNK);
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - i);
    codes.length = n;
    for (let k = 0; k < n; k++) {
      const b = bytes[i + k];
      codes[k] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
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
