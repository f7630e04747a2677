// Helpers of the fuzz properties: positions and edits as an LSP client makes
// them, and the checks every analysis must pass whatever the text.
import { expect } from 'vitest';
import type { Analysis, Position, Range } from '../../server/src/core/index';
import { lineStarts, lineOfOffset } from '../../server/src/core/lines';
import type { RawEdit } from '../support/arbitraries';

export function positionOf(text: string, offset: number, starts = lineStarts(text)): Position {
  const line = lineOfOffset(starts, offset);
  return { line, character: offset - starts[line] };
}

/** LSP cannot address the middle of a \r\n: keep edit ends off it, as clients do. */
export function snap(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

/** A random edit made concrete on `text`: its offsets, and the LSP change. */
export function concrete(text: string, e: RawEdit): { from: number; to: number; range: Range; after: string } {
  const from = snap(text, Math.floor(e.from * text.length));
  const to = Math.max(from, snap(text, Math.min(text.length, from + e.len)));
  const starts = lineStarts(text);
  return { from, to, range: { start: positionOf(text, from, starts), end: positionOf(text, to, starts) }, after: text.slice(0, from) + e.insert + text.slice(to) };
}

/** Offset of a position, or a failed expectation when it lies outside the line's text (terminator excluded). */
export function offsetIn(text: string, starts: readonly number[], p: Position, what: string): number {
  // plain checks, not expect(): this runs for every range of every analysis
  if (!(Number.isInteger(p.line) && p.line >= 0 && p.line < starts.length)) fail(`${what}: line ${p.line} of ${starts.length}`);
  const start = starts[p.line];
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  if (!(Number.isInteger(p.character) && p.character >= 0 && start + p.character <= end)) fail(`${what}: character ${p.character} of line ${p.line} (${end - start} long)`);
  const o = start + p.character;
  if (o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) fail(`${what}: ${JSON.stringify(p)} splits a surrogate pair`);
  return o;
}

function fail(message: string): never {
  expect.fail(message);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Every range an analysis hands out, named. */
export function rangesOf(a: Analysis): [string, Range][] {
  const out: [string, Range][] = [];
  a.sections.forEach((s, i) => out.push([`section ${i}`, s.range]));
  a.paragraphs.forEach((p, i) => {
    out.push([`paragraph ${i}`, p.range]);
    if (p.labelRange) out.push([`paragraph ${i} label`, p.labelRange]);
    p.subParagraphs.forEach((s, k) => out.push([`paragraph ${i} sub ${k}`, { start: s.position, end: s.position }]));
  });
  for (const b of a.brackets) {
    out.push([`${b.id} range`, b.range], [`${b.id} text`, b.textRange], [`${b.id} open`, b.openRange]);
    if (b.closeRange) out.push([`${b.id} close`, b.closeRange]);
    if (b.attributionRange) out.push([`${b.id} attribution`, b.attributionRange]);
    b.names.forEach((n, k) => out.push([`${b.id} name ${k}`, n.range]));
  }
  a.references.forEach((r, i) => {
    out.push([`reference ${i}`, r.range]);
    if (r.quoteRange) out.push([`reference ${i} quote`, r.quoteRange]);
  });
  a.diagnostics.forEach((d, i) => out.push([`diagnostic ${i} ${d.code}`, d.range]));
  return out;
}

/** Every range lies in the text, start ≤ end, never between the halves of a surrogate pair or of a \r\n; brackets nest. */
export function checkAnalysis(text: string, a: Analysis): void {
  const starts = lineStarts(text);
  const span = (r: Range, what: string): [number, number] => {
    const s = offsetIn(text, starts, r.start, `${what} start`);
    const e = offsetIn(text, starts, r.end, `${what} end`);
    if (s > e) fail(`${what}: starts after it ends`);
    return [s, e];
  };
  for (const [what, r] of rangesOf(a)) span(r, what);
  // Nesting: in document order, each bracket lies inside every open one that it starts in.
  const byId = new Map(a.brackets.map((b) => [b.id, b]));
  const spans = a.brackets.map((b) => ({ b, s: span(b.range, b.id) }));
  const order = [...spans].sort((x, y) => x.s[0] - y.s[0] || y.s[1] - x.s[1]);
  const stack: typeof spans = [];
  for (const cur of order) {
    while (stack.length && stack[stack.length - 1].s[1] <= cur.s[0]) stack.pop();
    const top = stack[stack.length - 1];
    if (top && cur.s[1] > top.s[1]) fail(`${cur.b.id} overlaps ${top.b.id} without nesting in it`);
    stack.push(cur);
  }
  for (const { b, s } of spans) {
    const [ts, te] = span(b.textRange, `${b.id} text`);
    if (!(s[0] <= ts && te <= s[1])) fail(`${b.id}: its text lies outside it`);
    if (b.parent === null) {
      if (b.depth !== 1) fail(`${b.id}: depth ${b.depth} without a parent`);
    } else {
      const p = byId.get(b.parent) ?? fail(`${b.id}: parent ${b.parent} is not a bracket`);
      if (b.depth !== p.depth + 1) fail(`${b.id}: depth ${b.depth} in ${p.id} of depth ${p.depth}`);
      const ps = span(p.range, p.id);
      if (!(ps[0] <= s[0] && s[1] <= ps[1])) fail(`${b.id} lies outside its parent ${p.id}`);
    }
    if (b.paragraphIndex !== null && a.paragraphs[b.paragraphIndex]?.label !== b.paragraph) fail(`${b.id}: paragraph ${b.paragraph} is not paragraph ${b.paragraphIndex}`);
  }
}

/** Apply LSP text edits (non-overlapping, ranges in the original text) as a client does. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const starts = lineStarts(text);
  const at = (p: Position) => Math.min(text.length, starts[Math.min(p.line, starts.length - 1)] + p.character);
  const sorted = edits.map((e) => ({ s: at(e.range.start), e: at(e.range.end), t: e.newText })).sort((x, y) => y.s - x.s || y.e - x.e);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.e > limit) fail('edits overlap');
    out = out.slice(0, e.s) + e.t + out.slice(e.e);
    limit = e.s;
  }
  return out;
}
