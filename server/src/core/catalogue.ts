// The bundled catalogue of UN documents (data/catalogue.json): what a
// reference may name without the workspace holding the document's text.
import data from './data/catalogue.json';
import { symbolKey } from './agreed/fold';

export interface CatalogueEntry {
  symbol: string;
  kind: string;
  title: string;
  date: string;
  source?: string;
  verified: boolean;
}

const bySymbol = new Map<string, CatalogueEntry>();
for (const d of data.documents as CatalogueEntry[]) bySymbol.set(symbolKey(d.symbol), d);

export function catalogueEntry(symbol: string): CatalogueEntry | undefined {
  return bySymbol.get(symbolKey(symbol));
}

export function catalogueEntries(): readonly CatalogueEntry[] {
  return data.documents as CatalogueEntry[];
}
