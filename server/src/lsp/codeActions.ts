// Code actions on brackets: accept, drop, choose an alternative (or one of a
// paragraph's `Option 1:` lines), accept all of a paragraph, fix an unknown
// proposer, rewrite an attribution into braces;
// restore agreed wording or add its citation, quote the agreed wording (agreedFixes.ts).
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Analysis, BracketInfo } from '../core/index';
import type { DraftDocument } from '../core/document';
import { acceptAllEdits, acceptEdits, canonicalAttributionEdits, chooseEdits, dropEdits } from './edits';
import { bracketAt, paragraphAt } from './positions';
import { agreedFixes, quoteFixes } from './agreedFixes';
import { chooseOptionEdits, inOptions, optionAt, optionLines } from './options';
import { oneLine } from '../core/text';

function action(uri: string, title: string, kind: string, edits: TextEdit[], diagnostics?: LspDiagnostic[]): CodeAction {
  return { title, kind, edit: { changes: { [uri]: edits } }, ...(diagnostics ? { diagnostics } : {}) };
}

const short = (text: string): string => oneLine(text, 40);

/**
 * The actions of the kinds a client asked for (`context.only`: VS Code asks for `quickfix` alone when
 * it only wants the lightbulb's fixes, and drops and logs any other kind it is sent); all without `only`.
 */
export function ofKinds(actions: CodeAction[], only: readonly string[] | undefined): CodeAction[] {
  if (!only?.length) return actions;
  return actions.filter((x) => x.kind !== undefined && only.some((k) => x.kind === k || x.kind!.startsWith(`${k}.`)));
}
const MAX_OPTION_CHOICES = 10;

export function codeActions(uri: string, doc: DraftDocument, a: Analysis, range: Range, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.code === 'agreed-language') out.push(...agreedFixes(uri, d, doc, a));
    if (d.code === 'quote-mismatch') out.push(...quoteFixes(uri, d, doc));
    if (d.code === 'unbalanced-bracket') {
      // Most often a stray or half-typed mark: removing it alone loses nothing (dropping an unclosed
      // bracket would take the rest of its paragraph, offered apart below).
      const mark = doc.getText(d.range);
      if (mark === '[' || mark === ']') {
        const fix = action(uri, `Remove the unmatched “${mark}”`, CodeActionKind.QuickFix, [{ range: d.range, newText: '' }], [d]);
        fix.isPreferred = true;
        out.push(fix);
      }
      continue;
    }
    if (d.code !== 'unknown-proposer' && d.code !== 'unknown-document') continue;
    const data = d.data as { suggestions?: unknown; symbol?: unknown } | undefined;
    // A mistyped symbol keeps its author's form: A/RES/75/2400 becomes A/RES/75/240, and
    // "resolution 75/2400" becomes "resolution 75/240" (writtenAs).
    const written = doc.getText(d.range);
    // (What a client sends back is not to be trusted: anything but strings is left out.)
    const listed = Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
    const symbol = typeof data?.symbol === 'string' ? data.symbol : undefined;
    const suggestions = listed.slice(0, 3).map((s) => (d.code === 'unknown-document' ? writtenAs(written, symbol, s) : s)).filter((s): s is string => !!s);
    suggestions.forEach((s, i) => {
      const fix = action(uri, `Change to “${s}”`, CodeActionKind.QuickFix, [{ range: d.range, newText: s }], [d]);
      if (i === 0) fix.isPreferred = true;
      out.push(fix);
    });
  }
  const b: BracketInfo | undefined = bracketAt(a, range.start);
  if (b) {
    if (!b.closed) {
      // Where an unclosed bracket ends is a guess (FORMAT.md §3: at its paragraph's end): dropping it would
      // take the rest of the paragraph on that guess. Its mark alone goes — most often a stray or half-typed one.
      if (!out.some((x) => x.title === `Remove the unmatched “[”`)) {
        const fix = action(uri, `Remove the unmatched “[”`, CodeActionKind.QuickFix, [{ range: b.openRange, newText: '' }]);
        fix.isPreferred = true;
        out.push(fix);
      }
    } else {
      // Accepting one alternative is choosing it: its competitors go too (the choices below). For a proposal
      // to delete, the title says which way the proposal goes.
      const deletion = b.action === 'delete';
      if (!b.group) out.push(action(uri, `Accept bracket “${short(b.text)}”${deletion ? ' (keep the text: the deletion is not made)' : ''}`, CodeActionKind.RefactorRewrite, acceptEdits(b, doc)));
      out.push(action(uri, `Drop bracket “${short(b.text)}”${deletion ? ' (delete the text, as proposed)' : ''}`, CodeActionKind.RefactorRewrite, dropEdits(doc, b)));
    }
    if (b.group) {
      for (const m of a.brackets.filter((x) => x.group === b.group)) {
        out.push(action(uri, `Choose alternative “${short(m.text)}”`, CodeActionKind.RefactorRewrite, chooseEdits(doc, a, m)));
      }
    }
    const canonical = canonicalAttributionEdits(b);
    if (canonical) out.push(action(uri, 'Rewrite attribution as {…}', CodeActionKind.RefactorRewrite, canonical));
  }
  const para = paragraphAt(a, range.start);
  // `Option 1:` … `Option 2:` lines without brackets are alternatives too (FORMAT.md §5).
  const options = para ? optionLines(doc, para) : [];
  if (para && inOptions(options, para, range.start)) {
    // Every option of a group of a few; of a long run (a compilation text), the one at the cursor.
    const at = options.length <= MAX_OPTION_CHOICES ? options.map((_, k) => k) : [optionAt(options, range.start)].filter((k) => k >= 0);
    for (const k of at) out.push(action(uri, `Choose option “${short(options[k].text)}”`, CodeActionKind.RefactorRewrite, chooseOptionEdits(options, k)));
  }
  const pi = para ? a.paragraphs.indexOf(para) : -1;
  // Not while alternatives compete in it: accepting them all would run them together (`shallshould`).
  if (para && para.brackets > 0 && !a.brackets.some((x) => x.paragraphIndex === pi && x.group)) {
    out.push(action(uri, `Accept all brackets of paragraph ${para.label}`, CodeActionKind.RefactorRewrite, acceptAllEdits(a, pi, doc)));
  }
  return out;
}

/**
 * A suggested symbol in the form the draft wrote the mistyped one: the symbol itself where it
 * was written out; where it was written as `resolution 75/2400`, the same words with the
 * suggestion's session and number, when only those differ; else none.
 */
function writtenAs(written: string, symbol: string | undefined, suggestion: string): string | null {
  if (!symbol) return null;
  if (written === symbol) return suggestion;
  const a = symbol.split('/');
  const b = suggestion.split('/');
  if (a.length !== b.length || a.length < 3 || a.slice(0, -2).join('/') !== b.slice(0, -2).join('/')) return null;
  const tail = a.slice(-2).join('/');
  const k = written.lastIndexOf(tail);
  return k >= 0 && k + tail.length === written.length ? written.slice(0, k) + b.slice(-2).join('/') : null;
}
