// What a didChange must hold before it touches a draft. A change the protocol
// does not allow (text not a string, a position whose line or character is not
// an integer, contentChanges not a list) would be applied half-way or turn into
// NaN offsets that silently cut the draft; the server logs it and ignores the
// whole notification instead. Out-of-range and reversed ranges are allowed:
// the draft clamps and orders them.
import type { TextChange } from '../core/index';

const isPosition = (p: unknown): boolean =>
  !!p && typeof p === 'object' && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

function isChange(c: unknown): c is TextChange {
  if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') return false;
  const range = (c as { range?: unknown }).range;
  if (range === undefined || range === null) return true;
  return typeof range === 'object' && isPosition((range as { start?: unknown }).start) && isPosition((range as { end?: unknown }).end);
}

/** The changes, or a reason they are not well-formed. */
export function checkChanges(version: unknown, changes: unknown): { changes: TextChange[] } | { problem: string } {
  if (version !== null && version !== undefined && !Number.isInteger(version)) return { problem: `version ${JSON.stringify(version)} is not an integer` };
  if (!Array.isArray(changes)) return { problem: 'contentChanges is not a list' };
  const bad = changes.findIndex((c) => !isChange(c));
  if (bad >= 0) return { problem: `change ${bad} is not {range?, text}: ${JSON.stringify(changes[bad])?.slice(0, 200)}` };
  return { changes: changes as TextChange[] };
}
