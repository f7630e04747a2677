// The Brackets view in the Explorer: the active draft's open brackets by
// proposer and by paragraph. Labels and grouping come from ledger.ts; this
// file only turns them into tree items.
import * as vscode from 'vscode';
import type { ActiveLedger } from './activeLedger';
import {
  type BracketGroup,
  type BracketKind,
  type LedgerBracket,
  bracketDescription,
  bracketTooltip,
  groupByParagraph,
  groupByProposer,
  groupDescription,
  shortText,
} from './ledger';

export const VIEW_ID = 'negotext.brackets';

type Grouping = 'proposer' | 'paragraph';

type Node =
  | { type: 'root'; grouping: Grouping }
  | { type: 'group'; grouping: Grouping; group: BracketGroup }
  | { type: 'bracket'; grouping: Grouping; group: BracketGroup; bracket: LedgerBracket };

const ROOT_LABEL: Record<Grouping, string> = { proposer: 'By proposer', paragraph: 'By paragraph' };

const KIND_ICON: Record<BracketKind, string> = {
  text: 'bracket',
  alternative: 'git-compare',
  deletion: 'trash',
  placeholder: 'ellipsis',
};

class BracketsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  // Groupings are computed once per ledger, not on every expand.
  private groups: Record<Grouping, BracketGroup[]> = { proposer: [], paragraph: [] };

  constructor(private readonly active: ActiveLedger) {}

  update(): void {
    const brackets = this.active.ledger?.brackets ?? [];
    this.groups = { proposer: groupByProposer(brackets), paragraph: groupByParagraph(brackets) };
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      // Empty when there is nothing to list, so that viewsWelcome says why.
      if (!this.active.document || !this.active.ledger?.brackets.length) return [];
      return [
        { type: 'root', grouping: 'proposer' },
        { type: 'root', grouping: 'paragraph' },
      ];
    }
    if (node.type === 'root') return this.groups[node.grouping].map((group): Node => ({ ...node, type: 'group', group }));
    if (node.type === 'group') return node.group.brackets.map((bracket): Node => ({ ...node, type: 'bracket', bracket }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'root') {
      const item = new vscode.TreeItem(ROOT_LABEL[node.grouping], vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.grouping;
      item.iconPath = new vscode.ThemeIcon(node.grouping === 'proposer' ? 'organization' : 'list-ordered');
      return item;
    }
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Collapsed);
      // Ids stable across edits keep what the user expanded expanded.
      item.id = node.group.key;
      item.description = groupDescription(node.group);
      return item;
    }
    const b = node.bracket;
    const item = new vscode.TreeItem(shortText(b.text), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.group.key}/${b.id}`;
    item.description = bracketDescription(b, node.grouping === 'proposer');
    item.tooltip = bracketTooltip(b, this.active.ledger?.brackets ?? []);
    item.iconPath = b.closed
      ? new vscode.ThemeIcon(KIND_ICON[b.kind])
      : new vscode.ThemeIcon('bracket-error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'negotext.bracket';
    item.command = {
      command: 'negotext.revealBracket',
      title: 'Reveal bracket',
      arguments: [this.active.document?.uri, b.range],
    };
    return item;
  }
}

export function registerBracketsView(active: ActiveLedger): vscode.Disposable {
  const provider = new BracketsProvider(active);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    provider.update();
    // Which draft the view lists, next to its title.
    const doc = active.document;
    view.description = doc ? doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) : undefined;
  };
  update();
  return vscode.Disposable.from(view, active.onDidChange(update));
}
