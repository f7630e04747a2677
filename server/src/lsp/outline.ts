// documentSymbol: sections, then paragraphs named by their label, with status
// and bracket count in `detail`; sub-paragraphs as children.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis, ParagraphInfo, Range } from '../core/index';
import { before } from './positions';

function detail(p: ParagraphInfo): string {
  return p.brackets > 0 ? `${p.status} · ${p.brackets} bracket${p.brackets === 1 ? '' : 's'}` : p.status;
}

function paragraphSymbol(p: ParagraphInfo): DocumentSymbol {
  const selection = p.labelRange ?? { start: p.range.start, end: p.range.start };
  const children: DocumentSymbol[] = [];
  for (let i = 0; i < p.subParagraphs.length; i++) {
    const s = p.subParagraphs[i];
    const next = p.subParagraphs[i + 1]?.position ?? p.range.end;
    const r: Range = { start: s.position, end: next };
    children.push({ name: s.label, kind: SymbolKind.EnumMember, range: r, selectionRange: { start: s.position, end: s.position } });
  }
  return { name: p.label, detail: detail(p), kind: p.labelled ? SymbolKind.Number : SymbolKind.String, range: p.range, selectionRange: selection, children };
}

export function outline(a: Analysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const sections = a.sections;
  let si = -1;
  let current: DocumentSymbol | null = null;
  for (const p of a.paragraphs) {
    while (si + 1 < sections.length && !before(p.range.start, sections[si + 1].range.start)) {
      si++;
      const s = sections[si];
      current = { name: s.title, kind: SymbolKind.Namespace, range: { start: s.range.start, end: s.range.end }, selectionRange: s.range, children: [] };
      out.push(current);
    }
    const sym = paragraphSymbol(p);
    if (current) {
      current.children!.push(sym);
      current.range = { start: current.range.start, end: p.range.end };
    } else out.push(sym);
  }
  // Headings with no paragraph after them still belong in the outline.
  for (si++; si < sections.length; si++) {
    const s = sections[si];
    out.push({ name: s.title, kind: SymbolKind.Namespace, range: s.range, selectionRange: s.range, children: [] });
  }
  return out;
}
