// Document highlight: a bracket's `[` and its matching `]`.
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { Analysis, Position } from '../core/index';
import { bracketAt, contains } from './positions';

export function highlights(a: Analysis, p: Position): DocumentHighlight[] {
  // On a `[` or `]` itself (the one after the caret first, as hover reads it; else the one
  // before it), that bracket; elsewhere inside a bracket, the innermost one.
  const on = (inclusive: boolean) => a.brackets.find((b) => contains(b.openRange, p, inclusive) || (b.closeRange && contains(b.closeRange, p, inclusive)));
  const exact = on(false) ?? on(true);
  const b = exact ?? bracketAt(a, p);
  if (!b) return [];
  const out: DocumentHighlight[] = [{ range: b.openRange, kind: DocumentHighlightKind.Text }];
  if (b.closeRange) out.push({ range: b.closeRange, kind: DocumentHighlightKind.Text });
  return out;
}
