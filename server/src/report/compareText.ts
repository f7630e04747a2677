// The comparison as text: the §10 JSON object, a readable summary, Markdown.
// Pure (no fs): the CLI prints these, the server returns them to the editor.
import type { Comparison, ProposerAction } from '../core/index';
import { proposersByCount, tally, type BracketChange, type DiffPart, type ParagraphChange } from '../core/compare/compare';
import type { CrossReferenceCheck } from '../core/compare/crossReferences';
import { SHORT_TEXT } from '../core/report';
import { cutShort, maxOf } from '../core/text';
import { frontMatterOf } from '../core/blocks';
import { matchHeading } from '../core/lineKinds';
import { bracketEntries, entryBodies, labelList } from '../core/compare/compare';
import { bracketOf } from '../core/compare/bracketOutcomes';
import { readableDiff } from './readableDiff';

/** The §10 object, exactly: file names first, and none of the extra checks a Comparison may carry. */
export function compareReport(
  oldName: string,
  newName: string,
  c: Comparison,
): { old: string; new: string } & Pick<Comparison, 'paragraphs' | 'brackets' | 'proposers'> {
  return { old: oldName, new: newName, paragraphs: c.paragraphs, brackets: boundedTexts(c.brackets), proposers: c.proposers };
}

/**
 * A bracket's text holds the brackets nested in it, so deep nesting repeats
 * text once per level: 100 000 nested brackets would make a report of 10^10
 * characters, more than a string can hold. Past a bound no real draft comes
 * near, long texts are cut short (`…`), never between a surrogate pair.
 */
function boundedTexts(brackets: Comparison['brackets']): Comparison['brackets'] {
  let total = 0;
  for (const b of brackets) total += b.text.length;
  if (total <= 50_000_000) return brackets;
  return brackets.map((b) => {
    const text = cutShort(b.text, SHORT_TEXT);
    return text === b.text ? b : { ...b, text };
  });
}

/** A file name as a report shows it: without its folders. */
export const displayName = (path: string): string => path.replace(/^.*[\\/]/, '') || path;

/**
 * What the drafts' front matter says they are: `A/AC.292/2026/CRP.4, Rev.1 → Rev.2: Draft elements on
 * capacity-building` for two revisions of one document; each side named in full when their symbols
 * differ (`…/CRP.4, Rev.1 → …/CRP.5, Rev.1`), and a side the front matter does not name by its file
 * name; null when neither has a symbol, revision or title.
 */
export function draftIdentity(oldText: string, newText: string, oldName: string, newName: string): string | null {
  const fm = (t: string) => {
    const f = frontMatterOf(t) ?? {};
    const str = (k: string) => (typeof f[k] === 'string' || typeof f[k] === 'number' ? String(f[k]).trim() : '');
    return { symbol: str('symbol'), revision: str('revision'), title: str('title') };
  };
  const [o, n] = [fm(oldText), fm(newText)];
  const [oFile, nFile] = [displayName(oldName), displayName(newName)];
  let head = '';
  if (o.symbol && o.symbol === n.symbol) {
    // One document, two revisions: the symbol once. An old side with no revision is the original
    // when the new one has one; a new side with none is not: its file name says which it is.
    const oRev = o.revision || (n.revision ? 'original' : oFile);
    head = `${o.symbol}, ${oRev} → ${n.revision || nFile}`;
  } else if (o.symbol || n.symbol || o.revision || n.revision) {
    const side = (x: typeof o, file: string) => [x.symbol, x.revision].filter(Boolean).join(', ') || file;
    head = `${side(o, oFile)} → ${side(n, nFile)}`;
  }
  const title = n.title || o.title;
  const out = [head, title].filter(Boolean).join(': ');
  return out ? cutShort(out, 300) : null;
}

/**
 * The headings to print before entries, by entry index: an entry shown (`shown`) under another heading
 * than the last one shown gets it. In a treaty every Article numbers from 1: without them `1: deleted`
 * and `1: added` say nothing.
 */
export function headingsBefore(sections: readonly (string | null)[], shown: (i: number) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  let last: string | null = null;
  sections.forEach((section, i) => {
    if (!shown(i) || section === null) return;
    if (section !== last) out.set(i, section);
    last = section;
  });
  return out;
}

function headingsOf(text: string): Set<string> {
  const titles = new Set<string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const h = matchHeading(line);
    if (h) titles.add(h.title);
  }
  return titles;
}

/** Where a report shows each entry: under which heading, and the heading it came from when that is another one's. */
export interface Placement {
  /** The heading each entry is shown under, by entry index (null: none). */
  sections: (string | null)[];
  /** For an entry shown under a heading that is not (the new wording of) its old one: that old heading. */
  from: (string | null)[];
  /** The heading's old wording, where it was revised itself (`Article 3 (mitigation)` → `Article 4`); null otherwise. */
  was: (heading: string) => string | null;
  /** Headings of the old revision none of whose paragraphs is in the new one, shown over their deleted paragraphs. */
  gone: Set<string>;
}

/**
 * Each entry's heading in a report, so that each heading is printed once. The entries stay in the
 * order of `compare --json` (the new revision's, deleted paragraphs where they stood); an entry with a
 * new side stands under its new heading; a deleted paragraph under the heading beside it (the one
 * before, else the one after) whose old wording was its own heading, and where neither was, under the
 * heading before it with a note of its own (`from Article 3ter`); under its own heading when no
 * kept paragraph stands under (the new wording of) that heading, struck when the heading is gone too. A heading's old wording is the old heading of most of
 * the paragraphs kept under it (its own wording when one of them stood under it already).
 * A paragraph moved in from another heading gets the same note. Before, a deleted paragraph stood
 * under its old heading, between the new headings, and headings alternated (`Article 4`,
 * `Article 3 (mitigation)`, `Article 4`…).
 */
export function placeEntries(bodies: readonly { new: string[]; section: string | null; oldSection: string | null }[], texts: { old: string; new: string }): Placement {
  const [oldHeadings, newHeadings] = [headingsOf(texts.old), headingsOf(texts.new)];
  // Each new heading's old wording: by the paragraphs kept under it.
  const votes = new Map<string, Map<string, number>>();
  for (const b of bodies) {
    if (b.new.length === 0 || b.section === null || b.oldSection === null) continue;
    const v = votes.get(b.section) ?? new Map<string, number>();
    v.set(b.oldSection, (v.get(b.oldSection) ?? 0) + 1);
    votes.set(b.section, v);
  }
  const oldOf = new Map<string, string>();
  for (const [heading, v] of votes) {
    let best: string | null = null;
    for (const [old, n] of v) if (best === null || n > v.get(best)!) best = old; // ties: the first met
    oldOf.set(heading, v.has(heading) ? heading : best!);
  }
  const kept = new Set(oldOf.values());
  const sections: (string | null)[] = bodies.map((b) => (b.new.length ? b.section : null));
  const from: (string | null)[] = bodies.map(() => null);
  const gone = new Set<string>();
  for (let i = 0; i < bodies.length; ) {
    if (bodies[i].new.length) {
      const b = bodies[i];
      if (b.section !== null && b.oldSection !== null && oldOf.get(b.section) !== b.oldSection) from[i] = b.oldSection;
      i++;
      continue;
    }
    // A run of deleted paragraphs, between the entries shown before and after it.
    let end = i;
    while (end < bodies.length && bodies[end].new.length === 0) end++;
    const before = i > 0 ? sections[i - 1] : null;
    const after = end < bodies.length ? bodies[end].section : null;
    const wasOf = (h: string | null) => (h === null ? null : (oldOf.get(h) ?? h));
    let past = false; // once one goes under the heading after, the rest of the run does
    for (let k = i; k < end; k++) {
      const own = bodies[k].oldSection;
      if (own !== null && !kept.has(own)) {
        // No kept paragraph stands under its heading: the heading is its own (struck when it is gone).
        sections[k] = own;
        if (!newHeadings.has(own)) gone.add(own);
      } else if (!past && own === wasOf(before) && i > 0) sections[k] = before;
      else if (own === wasOf(after) && end < bodies.length) {
        sections[k] = after;
        past = true;
      } else if (i > 0 && !past) {
        sections[k] = before;
        from[k] = own;
      } else {
        sections[k] = own;
      }
    }
    i = end;
  }
  const was = (heading: string): string | null => {
    const o = oldOf.get(heading);
    return o === undefined || o === heading || newHeadings.has(o) || oldHeadings.has(heading) ? null : o;
  };
  return { sections, from, was, gone };
}

/** What happened to a cross-reference's targets, in words: "3 is now 4", "2 was deleted". */
export function crossReferenceNote(x: CrossReferenceCheck): string {
  if (x.reason === 'direction') return `${x.targets.map((t) => t.named).join(', ')} ${x.targets.length > 1 ? 'stand' : 'stands'} ${/\babove\b/i.test(x.text) ? 'below' : 'above'} it`;
  const parts: string[] = [];
  for (const t of x.targets) {
    const now = t.new === null ? 'was deleted' : t.new.length > 1 ? `was split into ${t.new.join(' and ')}` : x.reason === 'merged' ? `was merged into ${t.new[0]}` : `is now ${t.new[0]}`;
    if (x.reason === 'missing') {
      if (t.old === null && t.new === null) parts.push(`there is no ${t.named}`);
      else if (t.old !== null && !(t.new?.length === 1 && t.new[0] === t.named)) parts.push(`there is no ${t.named} (old ${t.old} ${now})`);
    } else if (t.new === null || t.new.length !== 1 || t.new[0] !== t.old || x.reason === 'merged') parts.push(`${t.old ?? t.named} ${now}`);
  }
  return parts.join('; ');
}

function crossReferenceLines(xs: CrossReferenceCheck[] | undefined): string[] {
  if (!xs) return [];
  const lines = [`Cross-references to check: ${xs.length}`];
  for (const x of xs)
    lines.push(`  ${x.paragraph} (line ${x.range.start.line + 1})  "${short(x.text)}": ${crossReferenceNote(x)}${x.suggestion ? ` → "${x.suggestion}"` : ''}`);
  return lines;
}

const labels = (l: string | string[] | null): string => (l === null ? '—' : Array.isArray(l) ? l.join(' + ') : l);

/**
 * Where each bracket's paragraph went, for a reader of the new revision: `3 → 4` when it was
 * renumbered, `2 (new)` in an added paragraph, `5 (deleted)` in a deleted one, `3` when it kept its
 * label. The §10 JSON gives the old label only (the new one for an added bracket); the comparison
 * knows the entry each bracket's paragraph is in (bracketEntries), so a label repeated in every
 * Article is no ambiguity.
 */
export function bracketPlaces(c: Comparison): string[] {
  const entries = bracketEntries(c);
  return c.brackets.map((b, n) => {
    const k = entries[n];
    if (b.paragraph === null) return '—';
    if (k === undefined) return b.paragraph;
    const p = c.paragraphs[k];
    const added = b.outcome === 'added';
    if (p.old === null) return `${b.paragraph} (new)`;
    // A bracket kept (moved across) from a paragraph since deleted stands in another now.
    if (p.new === null) return b.outcome === 'dropped' ? `${b.paragraph} (deleted)` : `${b.paragraph} → elsewhere`;
    const other = labelList(added ? p.old : p.new);
    if (other.length === 1 && other[0] === b.paragraph) return b.paragraph;
    return added ? `${labels(p.old)} → ${b.paragraph}` : `${b.paragraph} → ${labels(p.new)}`;
  });
}

/**
 * Each bracket's action word (`delete`, `retain`, `alt`, `reserve`), which the §10 entries leave out,
 * read off the bracket the comparison paired (of the new revision for an added one); null where it has
 * none, or the comparison was not made in this process.
 */
export function bracketActions(c: Comparison): (ProposerAction | null)[] {
  return c.brackets.map((b) => bracketOf(b)?.action ?? null);
}

/** Who proposed a bracket and what for: `United States of America: delete`; '' for neither. */
export function proposedBy(proposers: readonly string[], action: ProposerAction | null): string {
  return [proposers.join(', '), action ?? ''].filter(Boolean).join(': ');
}

function what(p: ParagraphChange): string {
  if (p.new === null) return `${labels(p.old)}: deleted`;
  if (p.old === null) return `${labels(p.new)}: added`;
  const tags = [
    p.split ? 'split' : '',
    p.merged ? 'merged' : '',
    p.renumbered ? 'renumbered' : '',
    p.moved ? 'moved' : '',
    p.modified ? 'modified' : '',
  ].filter(Boolean);
  return `${labels(p.old)} → ${labels(p.new)}: ${tags.join(', ')}`;
}

const changed = (p: ParagraphChange): boolean =>
  p.old === null || p.new === null || !!(p.modified || p.renumbered || p.moved || p.split || p.merged);

const short = (s: string, n = 60): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/**
 * Entries renumbered only as unlabelled paragraphs (`¶2` → `¶1`): their numbers are the tool's,
 * counted in reading order, so one paragraph added or deleted shifts all that follow.
 */
export function unnumberedShifts(c: Comparison): number {
  const auto = (l: string | string[] | null) => labelList(l).every((x) => x.startsWith('¶'));
  return c.paragraphs.filter((p) => p.renumbered && p.old !== null && p.new !== null && auto(p.old) && auto(p.new)).length;
}

/** `12 renumbered (+36 unnumbered paragraphs shifted)`: the JSON's count of renumbered entries, those only shifted apart. */
export function renumberedCount(c: Comparison): string {
  const all = tally(c).renumbered;
  const shifted = unnumberedShifts(c);
  return shifted === 0 ? `${all} renumbered` : `${all - shifted} renumbered (+${shifted} unnumbered paragraph${shifted === 1 ? '' : 's'} shifted)`;
}

function counts(c: Comparison): string {
  const t = tally(c);
  return (['unchanged', 'modified', 'renumbered', 'moved', 'split', 'merged', 'deleted', 'added'] as const).map((k) => (k === 'renumbered' ? renumberedCount(c) : `${t[k]} ${k}`)).join(', ');
}

function bracketCounts(bs: BracketChange[]): string {
  const o = ['agreed', 'dropped', 'changed', 'unchanged', 'added'] as const;
  return o.map((k) => `${bs.filter((b) => b.outcome === k).length} ${k}`).join(', ');
}

/** The readable summary; with the texts, the changed paragraphs under their headings (labels repeat from one Article to the next). */
export function formatCompare(oldName: string, newName: string, c: Comparison, texts?: { old: string; new: string }): string {
  const lines = [`${oldName} → ${newName}`, `Paragraphs: ${counts(c)}`];
  const bodies = texts ? entryBodies(c, texts.old, texts.new) : [];
  const place = texts ? placeEntries(bodies, texts) : null;
  const headings = place ? headingsBefore(place.sections, (i) => changed(c.paragraphs[i])) : new Map<number, string>();
  let indent = '  ';
  for (const [i, p] of c.paragraphs.entries()) {
    if (!changed(p)) continue;
    const heading = headings.get(i);
    if (heading !== undefined && place) {
      const was = place.was(heading);
      lines.push(`  ${place.gone.has(heading) ? `${heading} (deleted)` : was === null ? heading : `${was} → ${heading}`}`);
      indent = '    ';
    }
    const from = place?.from[i];
    lines.push(`${indent}${what(p)}${from ? ` (from ${from})` : ''}`);
  }
  lines.push(`Brackets: ${bracketCounts(c.brackets)}`);
  const places = bracketPlaces(c);
  const actions = bracketActions(c);
  const listed = [...c.brackets.keys()].filter((i) => c.brackets[i].outcome !== 'unchanged');
  const w = Math.min(12, maxOf(listed.map((i) => places[i].length)));
  for (const i of listed) {
    const b = c.brackets[i];
    const who = proposedBy(b.proposers, actions[i] ?? null);
    lines.push(`  ${places[i].padEnd(w)}  ${b.outcome.padEnd(9)}  [${short(b.text)}]${who ? ` {${who}}` : ''}`);
  }
  if (c.proposers.length) {
    lines.push('Proposers: agreed / dropped / changed / unchanged / added');
    const w = maxOf(c.proposers.map((p) => p.name.length));
    for (const p of proposersByCount(c.proposers)) lines.push(`  ${p.name.padEnd(w)}  ${p.agreed} / ${p.dropped} / ${p.changed} / ${p.unchanged} / ${p.added}`);
  }
  lines.push(...crossReferenceLines(c.crossReferences));
  return lines.join('\n');
}

const mdEscape = (s: string): string => s.replace(/([\\`*_[\]{}<>|~])/g, '\\$1');

/**
 * A diff as Markdown, made readable first (readableDiff): insertions in bold, deletions struck
 * through; a space between a deletion and the insertion that replaces it, so they do not run together.
 */
function mdDiff(diff: DiffPart[]): string {
  const shown = readableDiff(diff);
  return shown
    .map((d, i) => {
      const t = mdEscape(d.text.replace(/\s+/g, ' '));
      if (d.op === 'equal' || t.trim() === '') return t;
      const lead = t.match(/^\s*/)![0];
      const trail = t.match(/\s*$/)![0];
      const core = t.trim();
      const gap = d.op === 'insert' && shown[i - 1]?.op === 'delete' && !/\s$/.test(shown[i - 1].text) && lead === '' ? ' ' : '';
      return gap + lead + (d.op === 'insert' ? `**${core}**` : `~~${core}~~`) + trail;
    })
    .join('');
}

/** The same as Markdown, for pasting into a report or an issue; with the texts, added and deleted paragraphs are quoted too. */
export function formatCompareMarkdown(oldName: string, newName: string, c: Comparison, texts?: { old: string; new: string }): string {
  const identity = texts ? draftIdentity(texts.old, texts.new, oldName, newName) : null;
  const out = [`# ${mdEscape(displayName(oldName))} → ${mdEscape(displayName(newName))}`, '', ...(identity ? [mdEscape(identity), ''] : []), `**Paragraphs**: ${counts(c)}.`, ''];
  const bodies = texts ? entryBodies(c, texts.old, texts.new) : null;
  const quote = (parts: string[] | undefined, mark: '**' | '~~'): string | null => {
    const body = (parts ?? []).join(' ').replace(/\s+/g, ' ').trim();
    return body ? `  > ${mark}${mdEscape(short(body, 400))}${mark}` : null;
  };
  const place = bodies && texts ? placeEntries(bodies, texts) : null;
  const headings = place ? headingsBefore(place.sections, (i) => changed(c.paragraphs[i])) : new Map<number, string>();
  for (const [i, p] of c.paragraphs.entries()) {
    if (!changed(p)) continue;
    const heading = headings.get(i);
    if (heading !== undefined && place) {
      const was = place.was(heading);
      out.push('', `### ${place.gone.has(heading) ? `~~${mdEscape(heading)}~~ (deleted)` : was === null ? mdEscape(heading) : `~~${mdEscape(was)}~~ → ${mdEscape(heading)}`}`, '');
    }
    const from = place?.from[i];
    out.push(`- ${mdEscape(what(p) + (from ? ` (from ${from})` : ''))}`);
    if (p.diff) out.push(`  > ${mdDiff(p.diff)}`);
    const q = p.new === null ? quote(bodies?.[i].old, '~~') : p.old === null ? quote(bodies?.[i].new, '**') : null;
    if (q) out.push(q);
  }
  out.push('', `**Brackets**: ${bracketCounts(c.brackets)}.`, '', '| paragraph | outcome | text | proposers |', '|---|---|---|---|');
  const places = bracketPlaces(c);
  const actions = bracketActions(c);
  c.brackets.forEach((b, i) =>
    out.push(`| ${mdEscape(places[i] === '—' ? '' : places[i])} | ${b.outcome} | ${mdEscape(short(b.text, 80))} | ${mdEscape(proposedBy(b.proposers, actions[i] ?? null))} |`),
  );
  if (c.proposers.length) {
    out.push('', '| proposer | agreed | dropped | changed | unchanged | added |', '|---|---:|---:|---:|---:|---:|');
    for (const p of proposersByCount(c.proposers)) out.push(`| ${mdEscape(p.name)} | ${p.agreed} | ${p.dropped} | ${p.changed} | ${p.unchanged} | ${p.added} |`);
  }
  if (c.crossReferences) {
    out.push('', `**Cross-references to check**: ${c.crossReferences.length}.`);
    if (c.crossReferences.length) {
      out.push('', '| paragraph | line | as written | why | suggested |', '|---|---:|---|---|---|');
      for (const x of c.crossReferences)
        out.push(`| ${x.paragraph} | ${x.range.start.line + 1} | ${mdEscape(x.text)} | ${mdEscape(crossReferenceNote(x))} | ${x.suggestion ? mdEscape(x.suggestion) : '—'} |`);
    }
  }
  return out.join('\n');
}
