// The comparison as one HTML page (CLI `compare --html`, the editor's webview): a self-contained, printable report in
// the UN manner for revised texts (FORMAT.md §10): the new text paragraph by
// paragraph, insertions in bold, deletions struck through, margin notes for
// moved / renumbered / split / merged / added / deleted paragraphs, the
// brackets agreed, dropped, changed or added (where each went), a
// table of bracket outcomes per proposer, and the cross-references to check
// (when the comparison has them). No external assets; all text escaped.
import type { Comparison } from '../core/index';
import { entryBodies, labelList, proposersByCount, tally, wordDiff, type DiffPart, type ParagraphChange } from '../core/compare/compare';
import { bracketActions, bracketPlaces, crossReferenceNote, displayName, draftIdentity, headingsBefore, placeEntries, proposedBy, renumberedCount } from './compareText';
import { EMPHASIS, cutShort } from '../core/text';
import { readableDiff, wholeReplacement } from './readableDiff';

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));



/**
 * Escaped text with its emphasis read, where both marks lie in this piece of text: `*Recalling*`
 * in italics, as the printed resolution has it; `**Option 1:**` without its marks, in the weight of
 * the text around it (bold says "inserted" here). `before` is the character shown just before the
 * piece (a word diff cuts `Parties*` after `Parties`). Inserted and deleted text is never read so:
 * a mark added or removed is a change the reader must see.
 */
export function textHtml(s: string, before = ''): string {
  const text = before.slice(-1) + s;
  const skip = text.length - s.length;
  let out = '';
  let at = skip;
  for (const m of text.matchAll(EMPHASIS)) {
    if (m.index! < skip) continue;
    out += escapeHtml(text.slice(at, m.index));
    out += m[1] === '**' ? escapeHtml(m[2]) : `<em>${escapeHtml(m[2])}</em>`;
    at = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * A word diff as HTML, made readable first (readableDiff: whole words, dense changes as phrases, a
 * paragraph mostly rewritten struck whole then shown anew): each insert in `<ins>`, each delete in
 * `<del>`, verbatim (white space kept by CSS); a whole replacement as two blocks, old above new.
 */
export function htmlDiff(diff: DiffPart[]): string {
  const shown = readableDiff(diff);
  const whole = wholeReplacement(shown) ? ' class="whole"' : '';
  return shown
    .map((d, i) => (d.op === 'equal' ? textHtml(d.text, shown[i - 1]?.text ?? '') : d.op === 'insert' ? `<ins${whole}>${escapeHtml(d.text)}</ins>` : `<del${whole}>${escapeHtml(d.text)}</del>`))
    .join('');
}

function notes(p: ParagraphChange): string[] {
  const o = labelList(p.old);
  const n = labelList(p.new);
  if (n.length === 0) return ['deleted'];
  if (o.length === 0) return ['added'];
  const out: string[] = [];
  if (p.split) out.push(`split from ${o.join(' + ')}`);
  if (p.merged) out.push(`merged from ${o.join(' + ')}`);
  if (p.renumbered && !p.split && !p.merged) out.push(`was ${o.join(' + ')}`);
  if (p.moved) out.push('moved');
  if (p.modified) out.push('modified');
  return out;
}

// Words are never cut: text wraps at spaces (`break-word` cuts only a word too long for its line on
// its own: a URL), and a table too wide for a narrow window scrolls sideways in its own box. The
// page's column is `.report` (not <body>), so that the editor's webview can put it in a scrolling
// box under its toolbar. Below 44em the margin notes move under their paragraph.
const CSS = `
:root { color-scheme: light; }
body { font: 12pt/1.45 "Times New Roman", Times, serif; color: #000; background: #fff; margin: 0; }
.report { max-width: 48em; margin: 2em auto; padding: 0 9em 0 1em; }
h1 { font-size: 14pt; margin: 0 0 .3em; }
.doc { margin: 0 0 .6em; }
h2 { font-size: 12pt; margin: 1.6em 0 .5em; }
h3.section { font-size: 12pt; margin: 1.2em 0 .6em; }
.counts { margin: 0 0 1.2em; font-size: 10.5pt; }
.legend { font-size: 10pt; color: #333; }
.para { position: relative; margin: 0 0 .9em; display: flex; gap: .8em; }
.label { flex: 0 0 3.5em; text-align: right; font-weight: normal; overflow-wrap: break-word; }
.body { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: break-word; }
.note { position: absolute; right: -9em; width: 8em; top: 0; font: italic 9pt/1.3 Arial, Helvetica, sans-serif; color: #444; border-left: 2px solid #999; padding-left: .4em; }
.deleted .body, .deleted .label { text-decoration: line-through; color: #555; }
.added .label, .added .body { font-weight: bold; }
ins { text-decoration: none; font-weight: bold; }
del { text-decoration: line-through; }
del + ins { margin-left: .3em; }
del.whole, ins.whole { display: block; margin: 0; }
del.whole { margin-bottom: .4em; }
.table { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 10.5pt; }
th, td { border: 1px solid #888; padding: .2em .6em; overflow-wrap: break-word; }
th { text-align: left; }
td.n { text-align: right; }
@media (max-width: 44em) {
  .report { margin: 1em auto; padding: 0 .8em; }
  .para { flex-wrap: wrap; row-gap: .2em; }
  .label { flex-basis: 2.5em; }
  .body { flex-basis: 0; }
  .note { position: static; flex: 1 0 100%; width: auto; margin-left: 3.3em; }
}
@media print { .report { margin: 0; max-width: none; } .para { break-inside: avoid; } .table { overflow: visible; } }
`;

/** The whole report: one UTF-8 HTML document. */
export function formatCompareHtml(oldName: string, newName: string, c: Comparison, oldText: string, newText: string): string {
  const bodies = entryBodies(c, oldText, newText);
  const t = tally(c);
  const counts = `${t.modified} modified, ${renumberedCount(c)}, ${t.moved} moved, ${t.split} split, ${t.merged} merged, ${t.added} added, ${t.deleted} deleted`;
  const outcomes = ['agreed', 'dropped', 'changed', 'unchanged', 'added'] as const;
  const bcounts = outcomes.map((k) => `${c.brackets.filter((b) => b.outcome === k).length} ${k}`).join(', ');

  const paras: string[] = [];
  // The headings of the new revision, as the text reads; one whose old wording is gone from the new
  // revision (`A. [Intro]{EU}` → `A. Intro`) shows its own changes, as a paragraph does.
  const place = placeEntries(bodies, { old: oldText, new: newText });
  const headings = headingsBefore(place.sections, () => true);
  for (const [i, p] of c.paragraphs.entries()) {
    const o = labelList(p.old);
    const nw = labelList(p.new);
    let cls: string;
    let label: string;
    let body: string;
    if (nw.length === 0) {
      cls = 'deleted';
      label = o.join(' + ');
      body = escapeHtml(bodies[i].old.join('\n\n')); // deleted: as written
    } else {
      cls = o.length === 0 ? 'added' : p.modified ? 'revised' : 'same';
      label = nw.join(' + ');
      const text = bodies[i].new.join('\n\n');
      body = p.diff ? htmlDiff(p.diff) : o.length === 0 ? escapeHtml(text) /* added: as written */ : textHtml(text);
    }
    const heading = headings.get(i);
    if (heading !== undefined) {
      const was = place.was(heading);
      const shown = place.gone.has(heading) ? `<del>${escapeHtml(heading)}</del>` : was !== null ? htmlDiff(wordDiff(was, heading)) : textHtml(heading);
      paras.push(`<h3 class="section">${shown}</h3>`);
    }
    const ns = notes(p);
    const from = place.from[i];
    if (from) ns.push(`from ${from}`);
    paras.push(
      `<div class="para ${cls}"><span class="label">${escapeHtml(label)}</span><div class="body">${body}</div>` +
        (ns.length ? `<aside class="note">${escapeHtml(ns.join('; '))}</aside>` : '') +
        '</div>',
    );
  }

  // The brackets whose fate changed, each with where its paragraph went and what its proposers asked
  // for: "agreed {United States of America: delete}" is a deletion refused, not granted.
  const places = bracketPlaces(c);
  const actions = bracketActions(c);
  const listed = [...c.brackets.keys()].filter((i) => c.brackets[i].outcome !== 'unchanged');
  const unchanged = c.brackets.length - listed.length;
  const bracketList = [
    listed.length === 0
      ? '<p>No bracket was agreed, dropped, changed or added.</p>'
      : [
          '<div class="table"><table class="brackets"><thead><tr><th>Paragraph</th><th>Outcome</th><th>Text</th><th>Proposed by</th></tr></thead><tbody>',
          ...listed.map((i) => {
            const b = c.brackets[i];
            const text = cutShort(b.text.replace(/\s+/g, ' ').trim(), 200);
            return `<tr class="${b.outcome}"><td>${escapeHtml(places[i])}</td><td>${b.outcome}</td><td>[${escapeHtml(text)}]</td><td>${escapeHtml(proposedBy(b.proposers, actions[i]))}</td></tr>`;
          }),
          '</tbody></table></div>',
        ].join('\n'),
    ...(unchanged ? [`<p class="legend">${unchanged} unchanged bracket${unchanged === 1 ? ' is' : 's are'} not listed.</p>`] : []),
  ];

  const table = c.proposers.length
    ? [
        '<div class="table"><table class="proposers"><thead><tr><th>Proposer</th>' + outcomes.map((k) => `<th>${k}</th>`).join('') + '</tr></thead><tbody>',
        ...proposersByCount(c.proposers).map((p) => `<tr><td>${escapeHtml(p.name)}</td>` + outcomes.map((k) => `<td class="n">${p[k]}</td>`).join('') + '</tr>'),
        '</tbody></table></div>',
      ].join('\n')
    : '<p>No bracket names a proposer.</p>';

  const xrefs = c.crossReferences;
  const xrefSection = !xrefs
    ? []
    : [
        '<h2>Cross-references to check</h2>',
        xrefs.length === 0
          ? '<p>No cross-reference names a renumbered, moved, deleted, split or merged paragraph, or one that is not there.</p>'
          : [
              '<div class="table"><table class="xrefs"><thead><tr><th>Paragraph</th><th>Line</th><th>As written</th><th>Why</th><th>Suggested</th></tr></thead><tbody>',
              ...xrefs.map(
                (x) =>
                  `<tr class="${x.reason}"><td>${escapeHtml(x.paragraph)}</td><td class="n">${x.range.start.line + 1}</td><td>${escapeHtml(x.text)}</td>` +
                  `<td>${escapeHtml(crossReferenceNote(x))}</td><td>${x.suggestion ? escapeHtml(x.suggestion) : '—'}</td></tr>`,
              ),
              '</tbody></table></div>',
            ].join('\n'),
      ];

  // File names without their folders: a report is circulated, and local paths are nobody's business.
  const title = `${escapeHtml(displayName(oldName))} → ${escapeHtml(displayName(newName))}`;
  const identity = draftIdentity(oldText, newText, oldName, newName);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="report">',
    `<h1>${title}</h1>`,
    ...(identity ? [`<p class="doc">${escapeHtml(identity)}</p>`] : []),
    `<p class="counts">Paragraphs: ${counts}.<br>Brackets: ${bcounts}.</p>`,
    '<p class="legend">Insertions are shown in <b>bold</b>, deletions <s>struck through</s>; a new paragraph is wholly in bold, a deleted one wholly struck through.</p>',
    '<h2>Revised text</h2>',
    ...paras,
    '<h2>Brackets agreed, dropped, changed or added</h2>',
    ...bracketList,
    '<h2>Brackets by proposer</h2>',
    table,
    ...xrefSection,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
