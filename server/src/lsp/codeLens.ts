// A code lens per paragraph: `pending · 3 brackets · EU, Russian Federation`.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { contains } from './positions';

export function codeLenses(a: Analysis): CodeLens[] {
  const out: CodeLens[] = [];
  let bi = 0;
  for (const p of a.paragraphs) {
    const who = new Set<string>();
    let n = 0;
    while (bi < a.brackets.length && a.brackets[bi].range.start.line < p.range.start.line) bi++;
    for (let k = bi; k < a.brackets.length && contains(p.range, a.brackets[k].range.start, true); k++) {
      if (a.brackets[k].paragraph !== p.label) continue;
      n++;
      for (const x of a.brackets[k].proposers) who.add(x);
    }
    const parts: string[] = [p.status];
    if (n) parts.push(`${n} bracket${n === 1 ? '' : 's'}`);
    if (who.size) parts.push([...who].join(', '));
    const at = { start: p.range.start, end: p.range.start };
    out.push({ range: at, command: { title: parts.join(' · '), command: '' } });
  }
  return out;
}
