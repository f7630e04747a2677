// Folding: sections, multi-line paragraphs, multi-line brackets.
import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core/index';

export function foldingRanges(a: Analysis, lineCount: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const secs = a.sections;
  for (let i = 0; i < secs.length; i++) {
    const start = secs[i].range.start.line;
    let end = (i + 1 < secs.length ? secs[i + 1].range.start.line : lineCount) - 1;
    // Do not fold the blank lines before the next heading.
    const lastPara = [...a.paragraphs].reverse().find((p) => p.range.start.line > start && p.range.end.line <= end);
    if (lastPara) end = lastPara.range.end.line;
    if (end > start) out.push({ startLine: start, endLine: end, kind: 'region' });
  }
  for (const p of a.paragraphs) if (p.range.end.line > p.range.start.line) out.push({ startLine: p.range.start.line, endLine: p.range.end.line });
  for (const b of a.brackets) if (b.range.end.line > b.range.start.line) out.push({ startLine: b.range.start.line, endLine: b.range.end.line });
  return out;
}
