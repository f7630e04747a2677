// Document highlight: a bracket's `[` and its matching `]`.
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { Analysis, Position } from '../core/index';
import { bracketAt, contains } from './positions';

export function highlights(a: Analysis, p: Position): DocumentHighlight[] {
  // On a `[` or `]` itself, that bracket; elsewhere inside a bracket, the innermost one.
  const exact = a.brackets.find((b) => contains(b.openRange, p, true) || (b.closeRange && contains(b.closeRange, p, true)));
  const b = exact ?? bracketAt(a, p);
  if (!b) return [];
  const out: DocumentHighlight[] = [{ range: b.openRange, kind: DocumentHighlightKind.Text }];
  if (b.closeRange) out.push({ range: b.closeRange, kind: DocumentHighlightKind.Text });
  return out;
}
