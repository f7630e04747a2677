// documentSymbol: sections (a `##` inside the `#` before it), then paragraphs
// named by their label, with status and bracket count in `detail`;
// sub-paragraphs as children.
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
    // The selection is its own marker, `(ii)` of `12 (a) (ii)`.
    const marker = s.label.slice(s.label.lastIndexOf('(')).length;
    const selectionRange = { start: s.position, end: { line: s.position.line, character: s.position.character + marker } };
    children.push({ name: s.label, kind: SymbolKind.EnumMember, range: r, selectionRange });
  }
  return { name: p.label, detail: detail(p), kind: p.labelled ? SymbolKind.Number : SymbolKind.String, range: p.range, selectionRange: selection, children };
}

export function outline(a: Analysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  // The open sections, outermost first, with their levels: a heading closes those at its level or deeper.
  const open: { level: number; sym: DocumentSymbol }[] = [];
  const place = (sym: DocumentSymbol) => {
    const parent = open[open.length - 1]?.sym;
    (parent ? parent.children! : out).push(sym);
    // Each open section runs to the end of what it holds.
    for (const o of open) if (before(o.sym.range.end, sym.range.end)) o.sym.range = { start: o.sym.range.start, end: sym.range.end };
  };
  const sections = a.sections;
  let si = 0;
  const openSection = () => {
    const s = sections[si++];
    while (open.length && open[open.length - 1].level >= s.level) open.pop();
    const sym: DocumentSymbol = { name: s.title, kind: SymbolKind.Namespace, range: s.range, selectionRange: s.range, children: [] };
    place(sym);
    open.push({ level: s.level, sym });
  };
  for (const p of a.paragraphs) {
    while (si < sections.length && !before(p.range.start, sections[si].range.start)) openSection();
    place(paragraphSymbol(p));
  }
  // Headings with no paragraph after them still belong in the outline.
  while (si < sections.length) openSection();
  return out;
}
