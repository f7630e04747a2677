// Document links: each reference to its page on undocs.org, for the person
// to open. The server itself never connects anywhere. Decisions of treaty
// bodies (`decision 1/CP.21`) have no undocs.org symbol: they link to the
// catalogue's source when that is a URL, and are skipped otherwise.
import type { DocumentLink } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { catalogueEntry } from '../core/catalogue';

export function undocsUrl(symbol: string): string | null {
  if (/^decision\b/i.test(symbol)) {
    const source = catalogueEntry(symbol)?.source;
    return source && /^https?:\/\//i.test(source) ? source : null;
  }
  return `https://undocs.org/${encodeURI(symbol)}`;
}

export function documentLinks(a: Analysis): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const ref of a.references) {
    const target = undocsUrl(ref.symbol);
    if (!target) continue;
    const where = target.startsWith('https://undocs.org/') ? 'undocs.org' : (/^https?:\/\/([^/?#]+)/i.exec(target)?.[1] ?? target);
    out.push({ range: ref.range, target, tooltip: `Open ${ref.symbol} on ${where}` });
  }
  return out;
}
