// The edits negotiators make on brackets. Each touches only the bracket it
// acts on: accepting deletes the bracket marks and the attribution, dropping
// deletes the bracket with its text, and nothing else in the line moves.
import type { TextEdit } from 'vscode-languageserver';
import type { Analysis, BracketInfo, Position, Range } from '../core/index';
import type { DraftDocument } from '../core/document';

function del(start: Range['start'], end: Range['end']): TextEdit {
  return { range: { start, end }, newText: '' };
}

// The marker as the core reads it (bracketKinds.ts).
export { OPTION_MARKER } from '../core/bracketKinds';
import { OPTION_MARKER } from '../core/bracketKinds';

/** Where the agreed text starts: after an `ALT 1:` / `Option A:` marker, which goes with the brackets. */
function keptStart(b: BracketInfo): Range['start'] {
  const m = OPTION_MARKER.exec(b.text);
  if (!m || m[0].includes('\n') || m[0].length >= b.text.length) return b.textRange.start;
  return { line: b.textRange.start.line, character: b.textRange.start.character + m[0].length };
}

/** Where a bracket ends with the editorial note on it, if any. */
const endWithNote = (b: BracketInfo): Range['end'] => b.noteRange?.end ?? b.range.end;

/**
 * Keep the text, drop `[`, `]`, the attribution and an editorial note on the bracket. An unclosed `[`
 * simply goes. White space written inside the marks (`[Decides ]that`) keeps one character where the
 * marks going would run two words together.
 */
export function acceptEdits(b: BracketInfo, doc?: DraftDocument): TextEdit[] {
  if (!b.closed) return [del(b.openRange.start, b.openRange.end)];
  const open = del(b.range.start, keptStart(b));
  const close = del(b.textRange.end, endWithNote(b));
  // (Not the space of an attribution's own syntax: `[EU: text]`, `[text – EU]`.)
  if (doc && b.form !== 'prefix') open.newText = spaceKept(doc, b.openRange.end, keptStart(b), b.range.start, keptStart(b));
  if (doc && b.form !== 'suffix') close.newText = spaceKept(doc, b.textRange.end, b.closeRange?.start ?? b.textRange.end, b.textRange.end, endWithNote(b));
  return [open, close];
}

/**
 * The white space character to keep where marks go, if the gap [gapFrom, gapTo) inside them holds white
 * space and the characters that would meet — the one before `leftOf` and the one at `rightAt` — are not
 * white space; else nothing.
 */
function spaceKept(doc: DraftDocument, gapFrom: Position, gapTo: Position, leftOf: Position, rightAt: Position): string {
  const ws = /[ \t\u00a0]/.exec(doc.getText({ start: gapFrom, end: gapTo }));
  if (!ws) return '';
  const left = doc.lineText(leftOf.line)[leftOf.character - 1];
  const right = doc.lineText(rightAt.line)[rightAt.character];
  return left !== undefined && right !== undefined && !/\s/.test(left) && !/\s/.test(right) ? ws[0] : '';
}

/**
 * Delete the bracket and its text, with the editorial note on it, and one of the two
 * spaces that would be left around it. A bracket that fills its lines goes with them;
 * one that is a block of its own (a whole proposed paragraph) also with the blank lines
 * after it, so that one blank line, not three, parts its neighbours.
 */
export function dropEdits(doc: DraftDocument, b: BracketInfo): TextEdit[] {
  const { start } = b.range;
  const line = doc.lineText(start.line);
  const end = endWithNote(b);
  const endLine = end.line === start.line ? line : doc.lineText(end.line);
  if (line.slice(0, start.character).trim() === '' && endLine.slice(end.character).trim() === '' && end.line + 1 < doc.lineCount) {
    let next = end.line + 1;
    const ownBlock = start.line === 0 || doc.lineText(start.line - 1).trim() === '';
    if (ownBlock) while (next < doc.lineCount && doc.lineText(next).trim() === '') next++;
    if (next < doc.lineCount) return [del({ line: start.line, character: 0 }, { line: next, character: 0 })];
  }
  const spaceBefore = start.character > 0 && line[start.character - 1] === ' ';
  const spaceAfter = endLine[end.character] === ' ';
  // (A `]` after it closes an enclosing bracket: `[act [now]{EU}]{US}` → `[act]{US}`.)
  const punctAfter = /^[,.;:)\]]/.test(endLine.slice(end.character));
  if (spaceBefore && (spaceAfter || punctAfter || end.character >= endLine.length)) {
    return [del({ line: start.line, character: start.character - 1 }, end)];
  }
  // First inside an enclosing bracket: the space after it goes (`[[now]{EU} act]{US}` → `[act]{US}`).
  if (spaceAfter && start.character > 0 && line[start.character - 1] === '[') return [del(start, { line: end.line, character: end.character + 1 })];
  return [del(start, end)];
}

/**
 * Choose one alternative. When only white space separates the members (back
 * to back, or `ALT 1:` … ⏎ `ALT 2:` …), the whole group becomes the chosen
 * text; otherwise the other members are dropped one by one.
 */
export function chooseEdits(doc: DraftDocument, a: Analysis, chosen: BracketInfo): TextEdit[] {
  const members = a.brackets.filter((x) => x.group === chosen.group && x.group !== null);
  let adjoining = members.length > 1;
  for (let i = 0; adjoining && i + 1 < members.length; i++) {
    adjoining = doc.getText({ start: members[i].range.end, end: members[i + 1].range.start }).trim() === '';
  }
  if (adjoining) {
    const first = members[0];
    const last = members[members.length - 1];
    const kept = doc.getText({ start: keptStart(chosen), end: chosen.textRange.end });
    // `[Decides ][Clarifies ]that`: the space written inside the chosen one's marks stays.
    const gapEnd = chosen.closeRange?.start ?? chosen.textRange.end;
    const tail = chosen.form === 'suffix' ? '' : spaceKept(doc, chosen.textRange.end, gapEnd, chosen.textRange.end, last.range.end);
    const lead = chosen.form === 'prefix' ? '' : spaceKept(doc, chosen.openRange.end, keptStart(chosen), first.range.start, keptStart(chosen));
    return [{ range: { start: first.range.start, end: last.range.end }, newText: lead + kept + tail }];
  }
  const edits: TextEdit[] = [];
  for (const b of members) if (b.id !== chosen.id) edits.push(...dropEdits(doc, b));
  edits.push(...acceptEdits(chosen, doc));
  return edits;
}

/** Accept every bracket that opens in a paragraph: all marks and attributions go, all text stays. */
export function acceptAllEdits(a: Analysis, paragraphIndex: number, doc?: DraftDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const b of a.brackets) {
    if (b.paragraphIndex !== paragraphIndex) continue;
    if (!b.closed) {
      edits.push(del(b.openRange.start, b.openRange.end));
      continue;
    }
    // With the document, so `[Decides ]that` keeps its space here as when accepted alone.
    edits.push(...acceptEdits(b, doc));
  }
  return edits;
}

/** `[text – EU, Mexico]` or `[EU, Mexico: text]` → `[text]{European Union, Mexico}`. */
export function canonicalAttributionEdits(b: BracketInfo): TextEdit[] | null {
  if (!b.closed || !b.closeRange || (b.form !== 'suffix' && b.form !== 'prefix')) return null;
  // `[\ – EU]` would become `[\]{EU}`, its `]` escaped: found by npm run fuzz. Not offered.
  if (b.form === 'suffix' && b.text.endsWith('\\')) return null;
  const names = b.names.map((n) => n.canonical ?? n.written).join(', ');
  const braces = `{${names}${b.action ? ` ${b.action}` : ''}}`;
  const removal = b.form === 'suffix' ? del(b.textRange.end, b.closeRange.start) : del(b.openRange.end, b.textRange.start);
  return [removal, { range: { start: b.closeRange.end, end: b.closeRange.end }, newText: braces }];
}
