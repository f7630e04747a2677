// The bundled catalogue of UN documents (data/catalogue.json): what a
// reference may name without the workspace holding the document's text.
import data from './data/catalogue.json';
import { symbolKey } from './agreed/fold';
import { detach } from './lines';

export interface CatalogueEntry {
  symbol: string;
  kind: string;
  title: string;
  date: string;
  /** Where the entry was checked: a corpus file and lines, or a public page's address. */
  source?: string;
  verified: boolean;
  /** What is not verified, or other caveats. */
  note?: string;
  /** Fields no record has confirmed yet: shown as such, and never the ground of a `reference-mismatch`. */
  unverified?: ('date' | 'title')[];
  /** A later document that replaces this one, where a public record says so. */
  supersededBy?: string;
}

const bySymbol = new Map<string, CatalogueEntry>();
for (const d of data.documents as CatalogueEntry[]) bySymbol.set(symbolKey(d.symbol), d);
// A Security Council resolution is often cited without its year (`S/RES/2341`): the same document.
for (const d of data.documents as CatalogueEntry[]) {
  const m = /^(S\/RES\/\d+)\s*\(\d{4}\)$/.exec(d.symbol);
  const bare = m && symbolKey(m[1]);
  if (bare && !bySymbol.has(bare)) bySymbol.set(bare, d);
}

// Drafts cite the same symbols over and over: remember each lookup.
const lookups = new Map<string, CatalogueEntry | null>();

export function catalogueEntry(symbol: string): CatalogueEntry | undefined {
  let e = lookups.get(symbol);
  if (e === undefined) {
    if (lookups.size > 10_000) lookups.clear();
    lookups.set(detach(symbol), (e = bySymbol.get(symbolKey(symbol)) ?? null));
  }
  return e ?? undefined;
}

/** Whether a record has confirmed this field of the entry. */
export function confirmed(e: CatalogueEntry, field: 'date' | 'title'): boolean {
  return !e.unverified?.includes(field);
}

export function catalogueEntries(): readonly CatalogueEntry[] {
  return data.documents as CatalogueEntry[];
}

let symbols: string[] | null = null;

/** Every catalogued symbol, in catalogue order (for completion). */
export function catalogueSymbols(): string[] {
  return (symbols ??= (data.documents as CatalogueEntry[]).map((d) => d.symbol)).slice();
}
