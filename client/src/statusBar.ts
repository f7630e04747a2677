// The status bar item: `12 open brackets · 41/57 paragraphs agreed` for the
// active draft; hidden for any other editor.
import * as vscode from 'vscode';
import type { ActiveLedger } from './activeLedger';
import { statusText, statusTooltip } from './ledger';

export function registerStatusBar(active: ActiveLedger): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('negotext.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'negotext: brackets and paragraphs';
  item.command = 'negotext.showLedger';
  const update = () => {
    const ledger = active.ledger;
    if (!active.document || !ledger) {
      item.hide();
      return;
    }
    item.text = statusText(ledger);
    item.tooltip = statusTooltip(ledger);
    item.show();
  };
  update();
  return vscode.Disposable.from(item, active.onDidChange(update));
}
