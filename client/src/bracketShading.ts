// Shading of the open brackets in the editor. A `[` and a `]` in the colour of
// the text did not show a negotiator what is bracketed, how far a bracket runs
// or which encloses which: here the text of each bracket gets a background by
// depth (nested brackets stack, so deeper is darker) and its `[` and `]` a bold
// colour of that depth. The colours are contributed in package.json
// (`negotext.bracket.*`) so that themes and users can change them; high
// contrast themes get borders instead of backgrounds.
import * as vscode from 'vscode';
import { type ActiveLedger, isDraft } from './activeLedger';
import type { Range } from './ledger';
import { SHADED_DEPTHS, shadingOf } from './shadingRanges';

export const SHADE_SETTING = 'negotext.shadeBrackets';

const color = (id: string) => new vscode.ThemeColor(`negotext.bracket.${id}`);
// Typing just outside a bracket does not extend its shading; the next ledger places it anew anyway.
const rangeBehavior = vscode.DecorationRangeBehavior.ClosedClosed;

/** Shades the brackets of the active draft in each editor that shows it, following its ledger. */
export function registerBracketShading(active: ActiveLedger): vscode.Disposable {
  // One decoration type per depth and per style, made once: each update only sets range arrays.
  const depths = Array.from({ length: SHADED_DEPTHS }, (_, i) => i + 1);
  const spanTypes = depths.map((n) =>
    vscode.window.createTextEditorDecorationType({
      backgroundColor: color(`depth${n}Background`),
      borderColor: color(`depth${n}Border`),
      borderStyle: 'solid',
      borderWidth: '1px',
      rangeBehavior,
    }),
  );
  const markTypes = depths.map((n) =>
    vscode.window.createTextEditorDecorationType({ color: color(`depth${n}Foreground`), fontWeight: 'bold', rangeBehavior }),
  );
  const deletionType = vscode.window.createTextEditorDecorationType({
    backgroundColor: color('deletionBackground'),
    borderColor: color('deletionBorder'),
    borderStyle: 'dashed',
    borderWidth: '1px',
    rangeBehavior,
  });
  const placeholderType = vscode.window.createTextEditorDecorationType({ fontStyle: 'italic', rangeBehavior });
  const allTypes = [...spanTypes, ...markTypes, deletionType, placeholderType];

  // Editors this has decorated, to clear when shading is turned off.
  const shaded = new Set<vscode.TextEditor>();
  const clear = (editor: vscode.TextEditor) => {
    for (const t of allTypes) editor.setDecorations(t, []);
    shaded.delete(editor);
  };

  const update = () => {
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const e of shaded) if (!visible.has(e)) shaded.delete(e);
    const on = vscode.workspace.getConfiguration().get<boolean>(SHADE_SETTING, true);
    // An editor of another draft keeps its shading (it moves with edits) until that draft is active again.
    for (const e of shaded) if (!on || !isDraft(e.document)) clear(e);
    const doc = active.document;
    const ledger = active.ledger;
    if (!on || !doc || !ledger) return;
    // A ledger older than the text would misplace the shading; decorations already set have moved
    // with the edits, and the ledger of the newer text follows its analysis.
    const stale = ledger.version !== doc.version;
    const editors = [...visible].filter((e) => e.document === doc && !(stale && shaded.has(e)));
    if (editors.length === 0) return;
    const s = shadingOf(ledger.brackets, (line) => (line < doc.lineCount ? doc.lineAt(line).text : undefined));
    const sets: [vscode.TextEditorDecorationType, vscode.Range[]][] = [
      ...spanTypes.map((t, i) => [t, s.spans[i]!.map(toRange)] as [vscode.TextEditorDecorationType, vscode.Range[]]),
      ...markTypes.map((t, i) => [t, s.marks[i]!.map(toRange)] as [vscode.TextEditorDecorationType, vscode.Range[]]),
      [deletionType, s.deletions.map(toRange)],
      [placeholderType, s.placeholders.map(toRange)],
    ];
    for (const e of editors) {
      for (const [t, ranges] of sets) e.setDecorations(t, ranges);
      shaded.add(e);
    }
  };

  update();
  return vscode.Disposable.from(
    ...allTypes,
    active.onDidChange(update),
    // A second editor of the same draft (a split) changes no ledger.
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SHADE_SETTING)) update();
    }),
  );
}

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
