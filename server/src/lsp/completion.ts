// Completion of proposer names where an attribution is being written: inside
// `{…}` right after `]`, after a dash inside a bracket, and at a bracket's
// start before a colon. Aliases are offered too, labelled with their target.
// Elsewhere, document symbols (symbolCompletion.ts).
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { AgreedChecker, Registry } from '../core/index';
import { completeSymbols } from './symbolCompletion';

const IN_BRACES = /\]\{([^{}[\]]*)$/;
const AFTER_DASH = /\[[^[\]]*\s[–—-]\s+([^[\]–—]*)$/;
const AT_START = /\[\s*([^[\]:{}]{0,40})$/;

/** The partial name being typed before the cursor, or null when this is no place for a proposer. */
export function proposerContext(linePrefix: string): string | null {
  const braces = IN_BRACES.exec(linePrefix);
  // Braces that hold a colon are an editorial note (`{Note: …}`), not names.
  if (braces?.[1].includes(':')) return null;
  const m = braces ?? AFTER_DASH.exec(linePrefix) ?? AT_START.exec(linePrefix);
  if (!m) return null;
  const part = m[1].split(/[,;]/).pop() ?? '';
  return part.replace(/^\s+/, '');
}

/** The rest of the name after the cursor, up to the next separator: a pick replaces the whole name. */
const REST_OF_NAME = /^[^,;:{}[\]\r\n]*/;

function plainToo(label: string): string {
  const plain = label.normalize('NFD').replace(/\p{M}/gu, '');
  return plain === label ? label : `${label} ${plain}`;
}

export function completeProposers(registry: Registry, line: string, position: Position): CompletionItem[] | CompletionList | null {
  const linePrefix = line.slice(0, position.character);
  const typed = proposerContext(linePrefix);
  if (typed === null) return null;
  // At a bracket's start only a capitalised word can begin a list of names; do not get in the way of prose.
  const start = AT_START.exec(linePrefix);
  const atStart = start !== null && !IN_BRACES.test(linePrefix) && !AFTER_DASH.test(linePrefix);
  if (atStart && !/^\p{Lu}/u.test(start[1])) return null;
  // Replace all of the name, what was typed (spaces, brackets and slashes included) and what follows the cursor.
  const rest = REST_OF_NAME.exec(line.slice(position.character))![0].trimEnd();
  const range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest.length } };
  const items = registry.completions().map(({ label, canonical }) => ({
    label,
    kind: label === canonical ? CompletionItemKind.Value : CompletionItemKind.Reference,
    detail: label === canonical ? registry.entry(canonical)?.kind : `→ ${canonical}`,
    // `Cote` finds Côte d'Ivoire, `Turkiye` Türkiye: the plain letters too, for the editor's filter.
    filterText: plainToo(label),
    sortText: (label === canonical ? '0' : '1') + label,
    textEdit: { range, newText: label },
  }));
  if (!atStart) return items;
  // Most brackets open on prose (`[Decides`, `[Recalls`), few on names: there, only names that begin
  // as typed, and none at all once none does; asked again at each keystroke (isIncomplete), so the
  // list goes as soon as the word is no name.
  const folded = (x: string): string => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const want = folded(typed);
  const matching = items.filter((i) => folded(i.label).startsWith(want));
  return matching.length ? { isIncomplete: true, items: matching } : null;
}

/** All completion at a position: proposer names where an attribution is being written, else document symbols. */
export function complete(registry: Registry, checker: AgreedChecker | undefined, line: string, position: Position): CompletionItem[] | CompletionList | null {
  return completeProposers(registry, line, position) ?? completeSymbols(line.slice(0, position.character), position, checker);
}
