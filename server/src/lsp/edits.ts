// The edits negotiators make on brackets. Each touches only the bracket it
// acts on: accepting deletes the bracket marks and the attribution, dropping
// deletes the bracket with its text, and nothing else in the line moves.
import type { TextEdit } from 'vscode-languageserver';
import type { Analysis, BracketInfo, Range } from '../core/index';
import type { DraftDocument } from '../core/document';

function del(start: Range['start'], end: Range['end']): TextEdit {
  return { range: { start, end }, newText: '' };
}

/** Keep the text, drop `[`, `]` and the attribution. */
export function acceptEdits(b: BracketInfo): TextEdit[] {
  const closeEnd = b.range.end;
  return [del(b.range.start, b.textRange.start), del(b.textRange.end, closeEnd)];
}

/** Delete the bracket and its text, and one of the two spaces that would be left around it. */
export function dropEdits(doc: DraftDocument, b: BracketInfo): TextEdit[] {
  const { start, end } = b.range;
  const line = doc.lineText(start.line);
  const endLine = end.line === start.line ? line : doc.lineText(end.line);
  const spaceBefore = start.character > 0 && line[start.character - 1] === ' ';
  const spaceAfter = endLine[end.character] === ' ';
  const punctAfter = /^[,.;:)]/.test(endLine.slice(end.character));
  if (spaceBefore && (spaceAfter || punctAfter || end.character >= endLine.length)) {
    return [del({ line: start.line, character: start.character - 1 }, end)];
  }
  return [del(start, end)];
}

/** Choose one alternative: drop the others of its group, accept it. */
export function chooseEdits(doc: DraftDocument, a: Analysis, chosen: BracketInfo): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const b of a.brackets) {
    if (b.group !== chosen.group || b.id === chosen.id) continue;
    // Back-to-back members: delete exactly the bracket, no space handling.
    edits.push(b.group && isBackToBack(a, chosen) ? del(b.range.start, b.range.end) : dropEdits(doc, b)[0]);
  }
  edits.push(...acceptEdits(chosen));
  return edits;
}

function isBackToBack(a: Analysis, b: BracketInfo): boolean {
  const members = a.brackets.filter((x) => x.group === b.group);
  for (let i = 0; i + 1 < members.length; i++) {
    const e = members[i].range.end;
    const s = members[i + 1].range.start;
    if (e.line !== s.line || e.character !== s.character) return false;
  }
  return true;
}

/** Accept every bracket that opens in a paragraph: all marks and attributions go, all text stays. */
export function acceptAllEdits(a: Analysis, paragraphIndex: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const b of a.brackets) {
    if (b.paragraphIndex !== paragraphIndex) continue;
    if (!b.closed) {
      edits.push(del(b.openRange.start, b.openRange.end));
      continue;
    }
    edits.push(...acceptEdits(b));
  }
  return edits;
}

/** `[text – EU, Mexico]` or `[EU, Mexico: text]` → `[text]{European Union, Mexico}`. */
export function canonicalAttributionEdits(doc: DraftDocument, b: BracketInfo): TextEdit[] | null {
  if (!b.closed || !b.closeRange || (b.form !== 'suffix' && b.form !== 'prefix')) return null;
  const names = b.names.map((n) => n.canonical ?? n.written).join(', ');
  const braces = `{${names}${b.action ? ` ${b.action}` : ''}}`;
  const removal = b.form === 'suffix' ? del(b.textRange.end, b.closeRange.start) : del(b.openRange.end, b.textRange.start);
  return [removal, { range: { start: b.closeRange.end, end: b.closeRange.end }, newText: braces }];
}
