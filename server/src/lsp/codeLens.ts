// A code lens per paragraph: `pending · 3 brackets · EU, Russian Federation`.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/index';

export function codeLenses(a: Analysis): CodeLens[] {
  const out: CodeLens[] = [];
  const byParagraph = new Map<number, { n: number; who: Set<string> }>();
  for (const b of a.brackets) {
    if (b.paragraphIndex === null) continue;
    let e = byParagraph.get(b.paragraphIndex);
    if (!e) byParagraph.set(b.paragraphIndex, (e = { n: 0, who: new Set() }));
    e.n++;
    for (const x of b.proposers) e.who.add(x);
  }
  a.paragraphs.forEach((p, i) => {
    const { n, who } = byParagraph.get(i) ?? { n: 0, who: new Set<string>() };
    const parts: string[] = [p.status];
    if (n) parts.push(`${n} bracket${n === 1 ? '' : 's'}`);
    if (who.size) parts.push([...who].join(', '));
    const at = { start: p.range.start, end: p.range.start };
    out.push({ range: at, command: { title: parts.join(' · '), command: '' } });
  });
  return out;
}
