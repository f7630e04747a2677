// A code lens per paragraph: `pending · 3 brackets · EU, Russian Federation`.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { before } from './positions';

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
  const within = spannedBy(a);
  a.paragraphs.forEach((p, i) => {
    const { n, who } = byParagraph.get(i) ?? { n: 0, who: new Set<string>() };
    const parts: string[] = [p.status];
    if (n) parts.push(`${n} bracket${n === 1 ? '' : 's'}`);
    if (who.size) parts.push([...who].join(', '));
    // Pending for a bracket opened in an earlier paragraph (`[3 bis. … ⏎ 4. …]{EU}`): say whose.
    const span = within.get(i);
    if (span) parts.push(span.size ? `within a bracket of ${[...span].join(', ')}` : 'within an unattributed bracket');
    const at = { start: p.range.start, end: p.range.start };
    out.push({ range: at, command: { title: parts.join(' · '), command: '' } });
  });
  return out;
}

/** Paragraphs inside a bracket that opened in an earlier one: the proposers of those brackets. */
export function spannedBy(a: Analysis): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const b of a.brackets) {
    if (b.paragraphIndex === null) continue;
    for (let k = b.paragraphIndex + 1; k < a.paragraphs.length && before(a.paragraphs[k].range.start, b.range.end); k++) {
      let who = out.get(k);
      if (!who) out.set(k, (who = new Set()));
      for (const x of b.proposers) who.add(x);
    }
  }
  return out;
}
