// Folding: sections, multi-line paragraphs, multi-line brackets.
import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { partitionPoint } from '../core/compare/lowerBound';

export function foldingRanges(a: Analysis, lineCount: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const secs = a.sections;
  for (let i = 0; i < secs.length; i++) {
    const start = secs[i].range.start.line;
    // A section runs to the next heading of its level or above: a `#` part folds its `##` sections too.
    let j = i + 1;
    while (j < secs.length && secs[j].level > secs[i].level) j++;
    let end = (j < secs.length ? secs[j].range.start.line : lineCount) - 1;
    // Do not fold the blank lines before the next heading: end with its last paragraph.
    const lastPara = a.paragraphs[lastEndingBy(a, end)];
    if (lastPara && lastPara.range.start.line > start) end = lastPara.range.end.line;
    if (end > start) out.push({ startLine: start, endLine: end, kind: 'region' });
  }
  // A bracket over the same lines as its paragraph folds once, not twice.
  const seen = new Set(out.map((r) => `${r.startLine}:${r.endLine}`));
  const add = (startLine: number, endLine: number) => {
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) return;
    seen.add(key);
    out.push({ startLine, endLine });
  };
  for (const p of a.paragraphs) add(p.range.start.line, p.range.end.line);
  for (const b of a.brackets) add(b.range.start.line, b.range.end.line);
  return out;
}

/** The last paragraph that ends on or before `line` (paragraphs are in order and apart), or -1: a binary search, for a draft of thousands of sections. */
function lastEndingBy(a: Analysis, line: number): number {
  return partitionPoint(a.paragraphs.length, (i) => a.paragraphs[i].range.end.line <= line) - 1;
}
