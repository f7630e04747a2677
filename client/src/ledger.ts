// The bracket ledger as the server sends it (`negotext/ledger`), and the pure
// functions the Brackets view and the status bar build on. No `vscode` import
// here, so that vitest can run these without an editor.

// The same plain types the core hands out (type-only: nothing of the core is bundled here).
import type { BracketKind, ParagraphStatus, Position, Range } from '../../server/src/core/model';
import { EMPHASIS, oneLine } from '../../server/src/core/text';

export type { BracketKind, ParagraphStatus, Position, Range };

export interface LedgerBracket {
  id: string;
  range: Range;
  paragraph: string | null;
  depth: number;
  kind: BracketKind;
  proposers: string[];
  action: string | null;
  text: string;
  /** Its paragraph's status. */
  status: ParagraphStatus | null;
  group: string | null;
  closed: boolean;
  /** The heading its paragraph stands under (absent from servers before it was sent). */
  section?: string | null;
}

export interface Ledger {
  uri: string;
  version: number;
  paragraphs: { total: number; agreed: number; agreedAdRef: number; pending: number };
  brackets: LedgerBracket[];
}

/** One bucket of brackets: a proposer, or a paragraph. */
export interface BracketGroup {
  /** Unique among the groups of one grouping, and stable across edits. */
  key: string;
  label: string;
  brackets: LedgerBracket[];
  /** For a paragraph: its status. */
  status?: ParagraphStatus | null;
}

export const NOT_ATTRIBUTED = 'not attributed';
export const OUTSIDE_PARAGRAPHS = 'outside paragraphs';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const countBrackets = (n: number): string => plural(n, 'bracket');

function byPosition(a: LedgerBracket, b: LedgerBracket): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.depth - b.depth
  );
}

/**
 * Brackets under each of their proposers, proposers in alphabetical order and
 * "not attributed" last. A bracket two delegations proposed is under both,
 * since the question a facilitator asks is "what does X still hold open".
 */
export function groupByProposer(brackets: readonly LedgerBracket[]): BracketGroup[] {
  const groups = new Map<string, LedgerBracket[]>();
  const add = (name: string, b: LedgerBracket) => {
    const list = groups.get(name);
    if (list) list.push(b);
    else groups.set(name, [b]);
  };
  for (const b of [...brackets].sort(byPosition)) {
    const names = new Set(b.proposers);
    if (names.size === 0) add('', b);
    for (const name of names) add(name, b);
  }
  const named = [...groups.keys()].filter((k) => k !== '').sort((a, b) => a.localeCompare(b));
  const result = named.map((name) => ({ key: `proposer:${name}`, label: name, brackets: groups.get(name)! }));
  const unattributed = groups.get('');
  if (unattributed) result.push({ key: 'proposer:', label: NOT_ATTRIBUTED, brackets: unattributed });
  return result;
}

/**
 * Brackets by paragraph in document order; brackets in no paragraph (headings,
 * footnotes, the title) last. A label used twice (a duplicate number) makes
 * two groups when other paragraphs stand between them.
 */
export function groupByParagraph(brackets: readonly LedgerBracket[]): BracketGroup[] {
  const result: BracketGroup[] = [];
  const runs = new Map<string, number>();
  // A label under two headings (`1` in every Article) is named with its heading.
  const sectionsOf = new Map<string, Set<string | null>>();
  for (const b of brackets) if (b.paragraph !== null) (sectionsOf.get(b.paragraph) ?? sectionsOf.set(b.paragraph, new Set()).get(b.paragraph)!).add(b.section ?? null);
  const outside: LedgerBracket[] = [];
  let current: BracketGroup | undefined;
  let currentLabel: string | undefined;
  for (const b of [...brackets].sort(byPosition)) {
    if (b.paragraph === null) {
      outside.push(b);
      continue;
    }
    if (current && currentLabel === b.paragraph) {
      current.brackets.push(b);
      continue;
    }
    const run = runs.get(b.paragraph) ?? 0;
    runs.set(b.paragraph, run + 1);
    currentLabel = b.paragraph;
    const repeated = (sectionsOf.get(b.paragraph)?.size ?? 0) > 1 && b.section;
    current = {
      key: `paragraph:${b.paragraph}#${run}`,
      label: repeated ? `${paragraphName(b.paragraph)} · ${b.section}` : paragraphName(b.paragraph),
      brackets: [b],
      status: b.status,
    };
    result.push(current);
  }
  if (outside.length > 0) result.push({ key: 'paragraph:', label: OUTSIDE_PARAGRAPHS, brackets: outside });
  return result;
}

/** `para. 12 bis`; unlabelled text keeps its own `¶2`. */
export function paragraphName(label: string | null): string {
  if (label === null) return OUTSIDE_PARAGRAPHS;
  return label.startsWith('¶') ? label : `para. ${label}`;
}

/** The status bar text: `12 open brackets · 41/57 paragraphs agreed`. */
export function statusText(ledger: Ledger): string {
  const p = ledger.paragraphs;
  const open = plural(ledger.brackets.length, 'open bracket');
  // "41/57 paragraphs" reads as "41 of 57 paragraphs": plural whatever the total.
  return `${open} · ${p.agreed + p.agreedAdRef}/${p.total} paragraphs agreed`;
}

export function statusTooltip(ledger: Ledger): string {
  const p = ledger.paragraphs;
  return [
    `Paragraphs: ${p.agreed} agreed, ${p.agreedAdRef} agreed ad ref, ${p.pending} pending (${p.total} in all)`,
    'Click to show the bracket ledger',
  ].join('\n');
}

const LABEL_LENGTH = 60;

/** A bracket's text on one line, without Markdown's emphasis marks (`*Notes*`, `**Option 1:**`), cut to fit a tree row. */
export function shortText(text: string, max = LABEL_LENGTH): string {
  return text.trim() === '' ? '[ ]' : oneLine(text.replace(EMPHASIS, '$2'), max);
}

/** Tree row description: kind, depth, action, and what is wrong with it. */
export function bracketDescription(b: LedgerBracket, withParagraph: boolean): string {
  const parts: string[] = [];
  if (withParagraph && b.paragraph !== null) parts.push(paragraphName(b.paragraph));
  parts.push(b.kind, `depth ${b.depth}`);
  if (b.action && b.kind !== 'deletion') parts.push(b.action);
  if (!b.closed) parts.push('unclosed');
  return parts.join(' · ');
}

/** `members`: the brackets of the ledger, for an alternative's place among its group (`alternative 2 of 3`). */
export function bracketTooltip(b: LedgerBracket, members: readonly LedgerBracket[] = []): string {
  const who = b.proposers.length > 0 ? b.proposers.join(', ') : NOT_ATTRIBUTED;
  const group = b.group ? members.filter((m) => m.group === b.group) : [];
  const place = group.length > 1 ? `, alternative ${group.findIndex((m) => m.id === b.id) + 1} of ${group.length}` : '';
  const lines = [
    shortText(b.text, 400),
    '',
    `Proposed by: ${who}${b.action ? ` (${b.action})` : ''}`,
    `Kind: ${b.kind}, depth ${b.depth}${place}`,
    `Paragraph: ${paragraphName(b.paragraph)}${b.section ? ` under ${b.section}` : ''}${b.status ? ` (${b.status})` : ''}`,
  ];
  if (!b.closed) lines.push('This [ is never closed.');
  return lines.join('\n');
}

/** Group row description: how many brackets, and the paragraph's status. */
export function groupDescription(group: BracketGroup): string {
  const count = countBrackets(group.brackets.length);
  return group.status ? `${count} · ${group.status}` : count;
}

/**
 * The draft the Brackets view and the status bar follow when the active editor changes: a draft; else,
 * while focus is in a panel — no text editor, or the Output's, which VS Code reports as one when a
 * channel is picked from its list — the draft still on screen (`shown`); else none.
 */
export function followed<D>(current: D | undefined, active: { isDraft: boolean; scheme: string; doc: D } | undefined, shown: boolean): D | undefined {
  if (active?.isDraft) return active.doc;
  const inPanel = active === undefined || active.scheme === 'output';
  return inPanel && shown ? current : undefined;
}
