// Hover on a reference: the document's symbol and pinpoint, its title and
// date (from the catalogue, or the agreed text), the cited paragraph's text
// when an agreed text is loaded, and whether the document is known.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Analysis, AgreedChecker, Position, ReferenceInfo } from '../core/index';
import { catalogueEntry, confirmed } from '../core/catalogue';
import { contains } from './positions';
import { oneLine } from '../core/text';
import { escapeMarkdown } from './markdown';

const MAX_PARAGRAPH = 600;

/** The reference whose range holds `p`. */
export function referenceAt(a: Analysis, p: Position): ReferenceInfo | undefined {
  // on the symbol, or on its pinpoint (`para. 6`), which is what the hover quotes
  return a.references.find((r) => contains(r.range, p, true) || (!!r.pinpointRange && contains(r.pinpointRange, p, true)));
}

/** Title and date of a document, from the catalogue first, then the agreed text. */
export function documentFacts(symbol: string, checker?: AgreedChecker): { title?: string; date?: string; kind?: string } {
  const e = catalogueEntry(symbol);
  const doc = checker?.index.document(symbol);
  const src = checker?.source(symbol);
  // A catalogue field no record has confirmed yet is shown, and said to be so.
  const mark = (field: 'date' | 'title', v: string) => (e && !confirmed(e, field) ? `${v} (${field} not verified)` : v);
  return { title: e?.title ? mark('title', e.title) : doc?.title ?? src?.title, date: e?.date ? mark('date', e.date) : doc?.date, kind: e?.kind };
}


export function referenceHover(ref: ReferenceInfo, checker?: AgreedChecker): Hover {
  const facts = documentFacts(ref.symbol, checker);
  const lines = [`**${ref.symbol}**${ref.pinpoint ? `, para. ${ref.pinpoint}` : ''}`];
  const about = [facts.title ? `*${escapeMarkdown(facts.title)}*` : null, facts.date ?? ref.date].filter(Boolean);
  if (about.length) lines.push(about.join(' — '));
  const loaded = !!checker?.index.has(ref.symbol);
  if (loaded && ref.pinpoint) {
    const para = checker!.index.paragraph(ref.symbol, ref.pinpoint);
    lines.push(para ? `> ${escapeMarkdown(oneLine(`${para.label}. ${para.text}`, MAX_PARAGRAPH))}` : `⚠ The agreed text has no paragraph ${ref.pinpoint}`);
  }
  lines.push(loaded ? 'Known document · agreed text loaded' : ref.known ? 'Known document' : 'Not in the catalogue or the agreed texts');
  return { contents: { kind: 'markdown', value: lines.join('\n\n') } satisfies MarkupContent, range: ref.range };
}
