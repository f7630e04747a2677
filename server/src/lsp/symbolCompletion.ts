// Completion of document symbols from the catalogue and the agreed texts:
// where a symbol is being typed (`A/`, `A/RES/7`, `S/RES/`, `FCCC/`), after
// `decision 1/`, and after `resolution ` / `resolutions ` (the short form
// `75/240`, or `2341 (2017)` after `Security Council`).
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { AgreedChecker } from '../core/index';
import { catalogueEntries } from '../core/catalogue';
import { symbolKey } from '../core/agreed/fold';

interface Known { symbol: string; title?: string; date?: string }

/** `A/RES/7`, `S/RES/`, `FCCC/CP/`: an upper-case series and a slash, at a word's start. */
const SYMBOL_START = /(?:^|[\s(\[“"‘'«,;:])([A-Z][A-Z0-9-]{0,9}\/[A-Za-z0-9./\-()]*)$/u;
/** `decision 1/`, `decision 18/CMA.` */
const DECISION = /\b[Dd]ecisions?\s+(?:\d+\/[A-Za-z0-9.]+\s*(?:,|and)\s*)*(\d+\/[A-Za-z0-9.]*)$/u;
/** `resolution `, `resolutions 73/27 and 7` */
const RESOLUTION = /\b([Rr]esolutions?)\s+(?:[\d/]+(?:\s*\(\d{4}\))?\s*(?:,|and)\s+)*([\d/]*)$/u;

function knownSymbols(checker?: AgreedChecker): Known[] {
  const out = new Map<string, Known>();
  for (const e of catalogueEntries()) out.set(symbolKey(e.symbol), { symbol: e.symbol, title: e.title, date: e.date });
  for (const s of checker?.symbols ?? []) {
    const k = symbolKey(s);
    const doc = checker!.index.document(s);
    const title = doc?.title ?? checker!.source(s)?.title;
    const had = out.get(k);
    if (had) out.set(k, { ...had, title: had.title ?? title, date: had.date ?? doc?.date });
    else out.set(k, { symbol: s, title, date: doc?.date });
  }
  return [...out.values()];
}

function item(label: string, k: Known, typed: string, position: Position, detail?: string): CompletionItem {
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return {
    label,
    kind: CompletionItemKind.Reference,
    detail: detail ?? k.title,
    ...(k.date ? { documentation: k.date } : {}),
    filterText: label,
    sortText: `2${label}`,
    textEdit: { range, newText: label },
  };
}

const startsWith = (s: string, typed: string) => s.toLowerCase().startsWith(typed.toLowerCase());

/** Symbols to offer at the end of `linePrefix`, or null when no symbol is being typed there. */
export function completeSymbols(linePrefix: string, position: Position, checker?: AgreedChecker): CompletionItem[] | null {
  const res = RESOLUTION.exec(linePrefix);
  if (res) {
    const typed = res[2];
    const council = /Security\s+Council\s+$/i.test(linePrefix.slice(0, res.index));
    const items: CompletionItem[] = [];
    for (const k of knownSymbols(checker)) {
      const ga = /^A\/RES\/(\d+\/\d+)$/.exec(k.symbol);
      const sc = /^S\/RES\/(\d+ \(\d{4}\))$/.exec(k.symbol);
      const short = council ? sc?.[1] : ga?.[1];
      if (short && startsWith(short, typed)) items.push(item(short, k, typed, position, `${k.symbol}${k.title ? ` — ${k.title}` : ''}`));
    }
    return items.length ? items : null;
  }
  const dec = DECISION.exec(linePrefix);
  if (dec) {
    const typed = dec[1];
    const items = knownSymbols(checker)
      .map((k) => ({ k, short: /^decision\s+(.+)$/i.exec(k.symbol)?.[1] }))
      .filter((x): x is { k: Known; short: string } => !!x.short && startsWith(x.short, typed))
      .map(({ k, short }) => item(short, k, typed, position));
    return items.length ? items : null;
  }
  const sym = SYMBOL_START.exec(linePrefix);
  if (sym) {
    const typed = sym[1];
    const items = knownSymbols(checker).filter((k) => startsWith(k.symbol, typed)).map((k) => item(k.symbol, k, typed, position));
    return items.length ? items : null;
  }
  return null;
}
