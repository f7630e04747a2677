import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogueEntries, catalogueEntry, catalogueSymbols } from '../server/src/core/catalogue';
import { findReferences } from '../server/src/core/references';
import { parseSymbol } from '../server/src/core/symbols';
import { symbolKey } from '../server/src/core/agreed/fold';

const AGREED = fileURLToPath(new URL('../../shared/corpus/agreed/', import.meta.url));
const KINDS = new Set(['resolution', 'decision', 'report', 'agreement', 'draft']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "5 December 2018" → "2018-12-05". */
function isoDate(written: string): string {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(written.replace(/\s+/g, ' ').trim());
  if (!m || !MONTHS.includes(m[2])) throw new Error(`unexpected date '${written}'`);
  return `${m[3]}-${String(MONTHS.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The symbol as the core prints it, or null when the core would print it differently. */
function normalised(symbol: string): string | null {
  if (symbol.startsWith('decision ')) return /^decision \d{1,4}\/[A-Z]{2,4}\.\d{1,3}$/.test(symbol) ? symbol : null;
  // A lettered part of an old resolution (43/78 H) is only written in prose: check as findReferences reads it.
  const part = /^A\/RES\/(\d+\/\d+ [A-Z])$/.exec(symbol);
  if (part) return findReferences(`resolution ${part[1]}`).references[0]?.symbol ?? null;
  return parseSymbol(symbol)?.symbol ?? null;
}

describe('bundled catalogue', () => {
  const entries = catalogueEntries();

  it('has entries with the required fields', () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const e of entries) {
      expect(typeof e.symbol, e.symbol).toBe('string');
      expect(KINDS.has(e.kind), `${e.symbol}: kind ${e.kind}`).toBe(true);
      expect(e.title.trim().length, `${e.symbol}: title`).toBeGreaterThan(3);
      expect(isRealIsoDate(e.date), `${e.symbol}: date ${e.date}`).toBe(true);
      expect(typeof e.verified, `${e.symbol}: verified`).toBe('boolean');
      for (const k of ['source', 'note', 'supersededBy'] as const) {
        if (e[k] !== undefined) expect(typeof e[k], `${e.symbol}: ${k}`).toBe('string');
      }
    }
  });

  it('keeps every symbol in the normalised form the core prints, once', () => {
    const seen = new Set<string>();
    for (const e of entries) {
      expect(normalised(e.symbol), e.symbol).toBe(e.symbol);
      const key = symbolKey(e.symbol);
      expect(seen.has(key), `duplicate ${e.symbol}`).toBe(false);
      seen.add(key);
    }
  });

  it('gives a source for every verified entry and a note for every unverified one', () => {
    for (const e of entries) {
      if (e.verified) expect(e.source?.trim(), `${e.symbol}: source`).toBeTruthy();
      else expect(e.note?.trim(), `${e.symbol}: note on what is unverified`).toBeTruthy();
    }
  });

  it('points supersededBy at a catalogued, later document', () => {
    for (const e of entries) {
      if (!e.supersededBy) continue;
      const later = catalogueEntry(e.supersededBy);
      expect(later, `${e.symbol} → ${e.supersededBy}`).toBeDefined();
      expect(later!.date >= e.date).toBe(true);
    }
  });

  it('looks symbols up however they are spaced or cased', () => {
    expect(catalogueEntry('A/RES/73/27')?.date).toBe('2018-12-05');
    expect(catalogueEntry('a/res/73/27')?.date).toBe('2018-12-05');
    expect(catalogueEntry('S/RES/2341(2017)')?.symbol).toBe('S/RES/2341 (2017)');
    expect(catalogueEntry('decision 1/CP.21')?.kind).toBe('decision');
    expect(catalogueEntry('A/RES/43/78 H')?.date).toBe('1988-12-07');
    expect(catalogueEntry('A/RES/99/999')).toBeUndefined();
  });

  it('lists its symbols for completion', () => {
    const symbols = catalogueSymbols();
    expect(symbols).toEqual(entries.map((e) => e.symbol));
    expect(symbols).toContain('A/RES/75/240');
    symbols.pop(); // a copy: callers cannot change the catalogue
    expect(catalogueSymbols().length).toBe(entries.length);
  });
});

describe.skipIf(!existsSync(AGREED))('catalogue sources that cite the corpus', () => {
  it('name corpus files that exist', () => {
    const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
    let cited = 0;
    for (const e of catalogueEntries()) {
      for (const m of `${e.source ?? ''} ${e.note ?? ''}`.matchAll(/shared\/(corpus\/[\w./-]+?\.(?:txt|md))/g)) {
        expect(existsSync(shared + m[1]), `${e.symbol}: ${m[0]}`).toBe(true);
        cited++;
      }
    }
    expect(cited).toBeGreaterThan(20);
  });
});

describe.skipIf(!existsSync(AGREED))('catalogue dates against the resolutions the corpus recalls', () => {
  for (const file of ['A-RES-75-240.txt', 'A-RES-73-27.txt', 'A-RES-76-19.txt']) {
    it(file, () => {
      const text = readFileSync(AGREED + file, 'utf8');
      const at = text.indexOf('Recalling its resolutions');
      expect(at, 'preamble list of recalled resolutions').toBeGreaterThan(0);
      const end = text.indexOf('\n\n', at);
      const recalled = findReferences(text.slice(at, end)).references.filter((r) => r.kind === 'resolution' && r.date);
      expect(recalled.length).toBeGreaterThan(15);
      let compared = 0;
      for (const r of recalled) {
        const e = catalogueEntry(r.symbol);
        if (!e) continue;
        expect(e.date, `${r.symbol} (${file}: "of ${r.date}")`).toBe(isoDate(r.date!));
        compared++;
      }
      // The ICT series is catalogued in full: every dated resolution of these lists is compared.
      expect(compared).toBe(recalled.length);
    });
  }
});
