// Hover: on a proposer name, the registry's full name and groups; on a
// bracket, its proposers, kind, depth, alternatives and paragraph status; on
// a paragraph label, its status and open brackets; on a reference, the
// document (referenceHover.ts); on an `Option 1:` line, its place among them.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { AgreedChecker, Analysis, BracketInfo, Position, Registry } from '../core/index';
import type { DraftDocument } from '../core/document';
import { bracketAt, contains, paragraphAt } from './positions';
import { optionAt, optionLines } from './options';
import { referenceAt, referenceHover } from './referenceHover';
import { escapeMarkdown } from './markdown';
import { oneLine } from '../core/text';

function md(lines: string[]): MarkupContent {
  return { kind: 'markdown', value: lines.join('\n\n') };
}

const KIND_WORDS: Record<string, string> = {
  text: 'text proposal', alternative: 'alternative', deletion: 'deletion proposal', placeholder: 'placeholder',
};

export function proposerLines(registry: Registry, canonical: string): string[] {
  const e = registry.entry(canonical);
  if (!e) return [`**${canonical}** — not in the registry`];
  const kind = e.kind === 'member' ? 'Member State' : e.kind === 'observer' ? 'Observer State' : e.kind === 'union' ? 'regional organization' : 'negotiating group';
  const lines = [`**${e.name}** — ${kind}`];
  const groups = registry.groupsOf(e.name);
  if (groups.length) lines.push(`Member of: ${groups.join(', ')}`);
  if (e.members?.length) lines.push(`${e.members.length} members`);
  if (e.aliases.length) lines.push(`Also written: ${e.aliases.slice(0, 8).join(', ')}`);
  return lines;
}

function bracketLines(a: Analysis, b: BracketInfo, doc?: DraftDocument): string[] {
  const who = b.proposers.length ? escapeMarkdown(b.proposers.join(', ')) : 'not attributed';
  const lines = [`**Bracket** · ${KIND_WORDS[b.kind]}${b.action ? ` (${b.action})` : ''} · depth ${b.depth}`, `Proposed by: ${who}`];
  // The editorial note on it (FORMAT.md §4: shown as a note, never as proposers); it goes with the bracket when accepted or dropped.
  if (b.noteRange && doc) lines.push(`Note: ${escapeMarkdown(oneLine(doc.getText(b.noteRange).replace(/^\{|\}$/g, ''), 120))}`);
  if (b.group) {
    const members = a.brackets.filter((x) => x.group === b.group);
    const i = members.findIndex((x) => x.id === b.id);
    lines.push(`Alternative ${i + 1} of ${members.length}: ${members.map((m) => `“${escapeMarkdown(oneLine(m.text, 40))}”`).join(' / ')}`);
  }
  if (!b.closed) lines.push('⚠ never closed: taken to close at the end of its paragraph');
  lines.push(`Paragraph ${b.paragraph ?? '—'}${sectionOf(a, b)}: ${b.paragraphStatus ?? 'heading'}`);
  return lines;
}

/**
 * ` · Article 3`: the section of a bracket's paragraph when its label alone does not say which
 * paragraph it is (treaty drafts number each Article's paragraphs from 1).
 */
function sectionOf(a: Analysis, b: BracketInfo): string {
  const para = b.paragraphIndex !== null ? a.paragraphs[b.paragraphIndex] : undefined;
  if (!para?.section) return '';
  const twice = a.paragraphs.some((p, k) => k !== b.paragraphIndex && p.label === para.label);
  return twice ? ` · ${escapeMarkdown(para.section)}` : '';
}

function paragraphLines(a: Analysis, i: number): string[] {
  const para = a.paragraphs[i];
  const open = a.brackets.filter((x) => x.paragraphIndex === i);
  const who = [...new Set(open.flatMap((x) => x.proposers))];
  const lines = [`**Paragraph ${para.label}** — ${para.status}`, `${open.length} bracket${open.length === 1 ? '' : 's'}${who.length ? ` · ${escapeMarkdown(who.join(', '))}` : ''}`];
  if (para.section) lines.push(`Section: ${escapeMarkdown(para.section)}`);
  return lines;
}

export function hover(a: Analysis, p: Position, registry: Registry, checker?: AgreedChecker, doc?: DraftDocument): Hover | null {
  // On a bracket's editorial note, that bracket.
  const noted = a.brackets.find((x) => x.noteRange && contains(x.noteRange, p, true));
  if (noted && !bracketAt(a, p)) return { contents: md(bracketLines(a, noted, doc)), range: noted.noteRange! };
  const b = bracketAt(a, p);
  const name = b?.names.find((n) => contains(n.range, p, true));
  if (name) return { contents: md(name.canonical ? proposerLines(registry, name.canonical) : [`**${escapeMarkdown(name.written)}** — unknown proposer`]), range: name.range };
  // On a label, its paragraph, and the bracket it stands in, if any (`[12 bis. …]{EU}`).
  const i = a.paragraphs.findIndex((para) => para.labelRange && contains(para.labelRange, p, true));
  if (i >= 0) {
    // A bracket opened in an earlier paragraph and still open here says so, as the code lens does.
    const within = b && b.paragraphIndex !== i ? [`Within a bracket opened in paragraph ${b.paragraph ?? '—'}`] : [];
    // (The bracket's own last line names its paragraph: said already above when it is this one.)
    const bracket = b ? bracketLines(a, b, doc).slice(0, b.paragraphIndex === i ? -1 : undefined) : [];
    return { contents: md(b ? [...paragraphLines(a, i), '---', ...within, ...bracket] : paragraphLines(a, i)), range: a.paragraphs[i].labelRange! };
  }
  const ref = referenceAt(a, p);
  // On a reference inside a bracket, the document it cites, then the bracket: contested text
  // is where a negotiator most needs to see what a citation says.
  if (b && ref) {
    const cited = referenceHover(ref, checker).contents as MarkupContent;
    return { contents: md([cited.value, '---', ...bracketLines(a, b, doc)]), range: ref.range };
  }
  if (b) return { contents: md(bracketLines(a, b, doc)), range: b.range };
  if (ref) return referenceHover(ref, checker);
  return doc ? optionHover(doc, a, p) : null;
}

const MAX_OPTIONS_SHOWN = 10;

/** On one of a paragraph's `Option 1:` lines: which of how many, and the others. */
function optionHover(doc: DraftDocument, a: Analysis, p: Position): Hover | null {
  const para = paragraphAt(a, p);
  if (!para) return null;
  const options = optionLines(doc, para);
  const k = optionAt(options, p);
  if (k < 0) return null;
  const shown = options.slice(0, MAX_OPTIONS_SHOWN).map((o) => `“${escapeMarkdown(oneLine(o.text, 40))}”`);
  if (options.length > MAX_OPTIONS_SHOWN) shown.push(`… ${options.length - MAX_OPTIONS_SHOWN} more`);
  const lines = [`**Option ${k + 1} of ${options.length}** · alternative`, shown.join(' / '), `Paragraph ${para.label}: ${para.status}`];
  return { contents: md(lines), range: { start: options[k].start, end: options[k].end } };
}
