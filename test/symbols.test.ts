import { describe, it, expect } from 'vitest';
import { analyseSymbol, isWellFormedSymbol, parseSymbol } from '../server/src/core/symbols';
import { findReferences } from '../server/src/core/references';
import { analyze } from '../server/src/core/index';
import { catalogueEntry } from '../server/src/core/catalogue';

// Real symbols: the FORMAT.md and brief examples, then symbols cited in /work/shared/corpus,
// then other series the UN uses (treaty bodies, COP decisions, old GA sessions …).
const WELL_FORMED = [
  'A/76/135', 'A/RES/75/240', 'A/C.1/76/L.13', 'A/HRC/RES/47/16', 'S/RES/2341 (2017)', 'E/CN.6/2023/L.3',
  'A/AC.292/2025/CRP.1', 'FCCC/CP/2015/10/Add.1', 'A/75/816', 'A/65/201', 'A/68/98', 'A/70/174', 'A/77/275',
  'A/78/265', 'A/79/214', 'A/AC.290/2021/CRP.2', 'A/CONF.232/2023/4', 'A/DEC/78/560', 'S/PRST/2023/1',
  'A/C.1/81/L.99', 'A/AC.296/2026/9',
  // corpus
  'A/RES/73/27', 'A/RES/73/266', 'A/RES/76/19', 'A/RES/77/321', 'A/RES/78/272', 'A/RES/79/1', 'A/RES/79/271',
  'A/RES/80/107', 'A/RES/70/1', 'A/RES/48/263', 'A/73/505', 'A/67/53', 'A/67/53/Corr.1', 'A/69/53', 'A/48/950',
  'A/77/945', 'A/76/439', 'A/75/394', 'A/78/L.102', 'A/80/L.13', 'A/79/L.55', 'A/79/L.2', 'A/78/L.41',
  'A/77/L.82', 'A/CONF.62/122', 'A/CONF.62/121', 'A/CONF.164/37', 'A/CONF.232/2023/5', 'LOS/PCN/130',
  'FCCC/CP/2015/7', 'FCCC/CP/2014/10/Add.1', 'FCCC/CP/2015/L.9/Rev.1', 'FCCC/SB/2015/INF.3',
  'FCCC/AWGLCA/2012/CRP.1', 'A/AC.296/2024/INF/2/Rev.1', 'A/AC.296/2025/INF/3', 'A/AC.296/2026/CRP.4/Rev.1/Corr.1',
  'A/AC.296/2025/1/Rev.1', 'A/AC.296/2026/CRP.11', 'A/AC.296/2024/1',
  // other series and forms
  'A/HRC/52/L.1/Rev.1', 'FCCC/PA/CMA/2021/10/Add.1', 'FCCC/KP/CMP/2015/8', 'FCCC/SBSTA/2024/L.12', 'FCCC/SBI/2023/10',
  'FCCC/ADP/2015/L.6/Rev.1', 'E/C.12/GC/24', 'CCPR/C/GC/36', 'CEDAW/C/GC/39', 'CRC/C/GC/25', 'TD/B/C.I/40',
  'UNEP/EA.5/Res.14', 'UNEP/CBD/COP/DEC/XIV/1', 'CBD/COP/DEC/15/4', 'ICCD/COP(15)/21', 'UNW/2023/1', 'DP/FPA/2023/1',
  'ST/SGB/2019/8', 'ST/AI/2010/3/Amend.1', 'A/RES/ES-10/19', 'A/RES/S-27/2', 'A/ES-10/L.30', 'E/RES/2023/5',
  'E/2023/L.3', 'S/2023/123', 'S/25704', 'S/PV.9000', 'A/77/PV.5', 'A/C.3/78/L.10/Rev.1', 'A/AC.105/C.1/L.1',
  'A/CN.9/WG.III/WP.1', 'A/HRC/DEC/52/115', 'E/ICEF/2023/1', 'A/RES/2749(XXV)', 'A/76/135/Summary',
  'ISBA/28/C/7', 'SPLOS/30/14', 'CD/1299', 'UNEP/OzL.Pro.33/8', 'HRI/GEN/1/Rev.9', 'A/INF/78/1',
  'E/CN.4/Sub.2/2005/1', 'A/72/123/Add.1/Corr.2', 'S/RES/1373 (2001)',
];

// [input, normalised]
const NORMALISED: [string, string][] = [
  ['(A/76/135),', 'A/76/135'],
  ['  A/75/816.  ', 'A/75/816'],
  ['[A/RES/75/240]', 'A/RES/75/240'],
  ['“A/76/135”', 'A/76/135'],
  ['S/RES/2341(2017)', 'S/RES/2341 (2017)'],
  ['S/RES/2341   (2017)', 'S/RES/2341 (2017)'],
  ['S/RES/2341\u00a0(2017).', 'S/RES/2341 (2017)'],
  ['a/res/75/240', 'A/RES/75/240'],
  ['A/76/135/REV.1', 'A/76/135/Rev.1'],
  ['fccc/cp/2015/10/add.1', 'FCCC/CP/2015/10/Add.1'],
  ['A/C.1/76/L.13/rev.2/corr.1', 'A/C.1/76/L.13/Rev.2/Corr.1'],
  ['A/RES/2749 (XXV)', 'A/RES/2749(XXV)'],
  ['A/78/L.102*', 'A/78/L.102'],
];

// Shaped like a symbol but breaking the grammar: parseSymbol rejects them and in text they are `malformed`.
const NEAR_MISSES = [
  'A/RES/75/', 'A//76/135', 'A/76/', 'S/RES/2341(17)', 'A/RES/75', 'A/RES//240', 'A/76/135/', 'A/76/135/Rev',
  'A/76/135/Add.', 'A/Rev.1/76/135', 'A/RES/75/240/', 'S/RES/2341 (17)', 'A/C.1/76/L.', 'A/C.1/76/L',
  'A/HRC/RES/47/', 'FCCC/CP/2015/10/Add.', 'FCCC/CP//10', 'A/AC.292/2025/CRP.', 'E/CN.6/2023/L.3/Rev.1/',
  'A/76/135//Add.1', 'S/PRST/2023', 'A/DEC/78', 'A/76/135/Corr', 'A/RES/7a/240', 'A/RES/75/240(2020)',
  'A/76/135-Add.1', 'A/RES/75.240', 'S/RES/2341(20177)', 'A/76/135/Rev.1/Add', 'A/RES/75/240/241',
  // a modifier or a document type run into its number (found by an audit against FORMAT.md §7)
  'A/76/135/Rev1', 'A/76/135/Add2', 'A/C.1/76/L13', 'E/CN.6/2023/L3', 'A/AC.292/2025/CRP1',
];

// Neither a symbol nor an error: prose, bodies, sessions, file names.
const NOT_SYMBOLS = ['and/or', 'S/he', 'A/C', 'A/C.1', 'E/CN.6', 'A/HRC', 'A/76', 'NDMC/NDMCC', 'CMP/CMA', 'W/m2', '1/2', 'CP/21', 'A/RES'];

describe('parseSymbol: well-formed symbols', () => {
  it('has a large table', () => expect(WELL_FORMED.length).toBeGreaterThanOrEqual(60));
  it.each(WELL_FORMED)('%s', (s) => {
    expect(parseSymbol(s)).toEqual({ symbol: s });
    expect(isWellFormedSymbol(s)).toBe(true);
  });
  it.each(WELL_FORMED)('is found in text: %s', (s) => {
    const text = `as noted in (${s}), para. 3.`;
    const { references, malformed } = findReferences(text);
    expect(malformed).toEqual([]);
    expect(references.map((r) => [r.symbol, text.slice(r.start, r.end)])).toEqual([[s, s]]);
  });
});

describe('parseSymbol: normalisation', () => {
  it.each(NORMALISED)('%s → %s', (input, out) => expect(parseSymbol(input)).toEqual({ symbol: out }));
});

describe('near-misses are malformed', () => {
  it('has a large table', () => expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(20));
  it.each(NEAR_MISSES)('%s', (s) => {
    expect(parseSymbol(s)).toBeNull();
    expect(isWellFormedSymbol(s)).toBe(false);
    expect(analyseSymbol(s, true).kind).toBe('malformed');
    const text = `The report ${s} is cited here.`;
    const { references, malformed } = findReferences(text);
    expect(references).toEqual([]);
    expect(malformed).toHaveLength(1);
    // A final "." may end the sentence, so it is left out of the flagged text ("Add." → "Add").
    expect(malformed[0].text).toBe(s.replace(/\.$/, ''));
    expect(text.slice(malformed[0].start, malformed[0].end)).toBe(malformed[0].text);
    expect(malformed[0].message).toMatch(/symbol/);
  });
});

describe('not symbols at all', () => {
  it.each(NOT_SYMBOLS)('%s', (s) => {
    expect(parseSymbol(s)).toBeNull();
    expect(findReferences(`x ${s} y`)).toEqual({ references: [], malformed: [] });
  });
  it('never throws on odd input', () => {
    for (const s of ['', '/', '//', 'A/', '(', ')', 'S/RES/(2017)', 'A/RES/()', '\u0000/\uffff', 'A/'.repeat(100000)]) {
      expect(() => parseSymbol(s)).not.toThrow();
      expect(parseSymbol(s)).toBeNull();
    }
    expect(parseSymbol(undefined as unknown as string)).toBeNull();
  });
});

describe('symbols cited in any case, Security Council resolutions without their year', () => {
  it('normalises the document type and finds S/RES/2341 in the catalogue', () => {
    const refs = analyze('1. Recalling S/RES/2341 and A/Res/75/240, A/res/75/240 and A/HRC/Res/47/16.\n').references;
    expect(refs.map((r) => r.symbol)).toEqual(['S/RES/2341', 'A/RES/75/240', 'A/RES/75/240', 'A/HRC/RES/47/16']);
    expect(catalogueEntry('S/RES/2341')?.symbol).toBe('S/RES/2341 (2017)');
  });
});
