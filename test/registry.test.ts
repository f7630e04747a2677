import { describe, it, expect } from 'vitest';
import data from '../server/src/core/data/proposers.json';
import { Registry, defaultRegistry as reg, type ProposerEntry } from '../server/src/core/registry';
import { analyze } from '../server/src/core/index';

const entries = (data as { entries: ProposerEntry[] }).entries;
const names = new Set(entries.map((e) => e.name));

describe('proposers.json', () => {
  it('has the 193 Member States, 2 observer States and the EU', () => {
    expect(entries.filter((e) => e.kind === 'member')).toHaveLength(193);
    expect(entries.filter((e) => e.kind === 'observer').map((e) => e.name).sort()).toEqual([
      'Holy See',
      'State of Palestine',
    ]);
    expect(entries.filter((e) => e.kind === 'union').map((e) => e.name)).toEqual(['European Union']);
    for (const e of entries) expect(['member', 'observer', 'union', 'group']).toContain(e.kind);
  });

  it('has unique canonical names', () => {
    expect(names.size).toBe(entries.length);
  });

  it('gives every alias and name to exactly one entry', () => {
    // Checked through resolve, so that names colliding after folding are caught too.
    for (const e of entries) {
      expect(reg.resolve(e.name), e.name).toBe(e.name);
      for (const a of e.aliases) expect(reg.resolve(a), `${a} (alias of ${e.name})`).toBe(e.name);
    }
  });

  it('lists only canonical names as group members, once each', () => {
    for (const e of entries) {
      if (!e.members) continue;
      expect(['group', 'union']).toContain(e.kind);
      expect(new Set(e.members).size, e.name).toBe(e.members.length);
      for (const m of e.members) expect(names.has(m), `${m} in ${e.name}`).toBe(true);
    }
  });

  it('has no name that would break a proposer list', () => {
    // Names are split on , and ; and the prefix form ends at a colon.
    for (const e of entries) for (const n of [e.name, ...e.aliases]) expect(n).not.toMatch(/[,;:[\]{}]/);
  });

  it('puts every Member State in exactly one UN regional group', () => {
    const regional = [
      'African Group',
      'Asia-Pacific Group',
      'Eastern European Group',
      'Group of Latin American and Caribbean States',
      'Western European and Other States Group',
    ];
    for (const e of entries.filter((x) => x.kind === 'member')) {
      expect(reg.groupsOf(e.name).filter((g) => regional.includes(g)), e.name).toHaveLength(1);
    }
    expect(reg.entry('European Union')?.members).toHaveLength(27);
  });
});

describe('resolve', () => {
  const cases: [string, string][] = [
    ['Russia', 'Russian Federation'],
    ['US', 'United States of America'],
    ['USA', 'United States of America'],
    ['United States', 'United States of America'],
    ['UK', 'United Kingdom of Great Britain and Northern Ireland'],
    ['United Kingdom', 'United Kingdom of Great Britain and Northern Ireland'],
    ['Iran', 'Iran (Islamic Republic of)'],
    ['Syria', 'Syrian Arab Republic'],
    ['Bolivia', 'Bolivia (Plurinational State of)'],
    ['Venezuela', 'Venezuela (Bolivarian Republic of)'],
    ['Tanzania', 'United Republic of Tanzania'],
    ['Vietnam', 'Viet Nam'],
    ['Turkey', 'Türkiye'],
    ['Turkiye', 'Türkiye'],
    ['South Korea', 'Republic of Korea'],
    ['Korea', 'Republic of Korea'],
    ['North Korea', "Democratic People's Republic of Korea"],
    ['DPRK', "Democratic People's Republic of Korea"],
    ['Laos', "Lao People's Democratic Republic"],
    ['Moldova', 'Republic of Moldova'],
    ['Micronesia', 'Micronesia (Federated States of)'],
    ['Czech Republic', 'Czechia'],
    ['Ivory Coast', "Côte d'Ivoire"],
    ['Cote d’Ivoire', "Côte d'Ivoire"],
    ['Cape Verde', 'Cabo Verde'],
    ['Swaziland', 'Eswatini'],
    ['Netherlands', 'Netherlands (Kingdom of the)'],
    ['The Gambia', 'Gambia'],
    ['the Bahamas', 'Bahamas'],
    ['DRC', 'Democratic Republic of the Congo'],
    ['DR Congo', 'Democratic Republic of the Congo'],
    ['Congo', 'Congo'],
    ['Palestine', 'State of Palestine'],
    ['Vatican', 'Holy See'],
    ['EU', 'European Union'],
    ['G77', 'Group of 77 and China'],
    ['G-77', 'Group of 77 and China'],
    ['G77 and China', 'Group of 77 and China'],
    ['G-77 and China', 'Group of 77 and China'],
    ['G-77/China', 'Group of 77 and China'],
    ['G77/China', 'Group of 77 and China'],
    ['Group of Arab States', 'Arab Group'],
    ['NAM', 'Non-Aligned Movement'],
    ['AOSIS', 'Alliance of Small Island States'],
    ['Aosis', 'Alliance of Small Island States'],
    ['LDCs', 'Least Developed Countries'],
    ['LDC', 'Least Developed Countries'],
    ['LMDC', 'Like-Minded Developing Countries'],
    ['LMDCs', 'Like-Minded Developing Countries'],
    ['EIG', 'Environmental Integrity Group'],
    ['AGN', 'African Group of Negotiators'],
    ['CARICOM', 'Caribbean Community'],
    ['ASEAN', 'Association of Southeast Asian Nations'],
    ['GRULAC', 'Group of Latin American and Caribbean States'],
    ['WEOG', 'Western European and Other States Group'],
    ['EEG', 'Eastern European Group'],
    ['AILAC', 'Independent Association of Latin America and the Caribbean'],
    ['Umbrella Group', 'Umbrella Group'],
  ];
  it.each(cases)('%s → %s', (written, canonical) => {
    expect(reg.resolve(written)).toBe(canonical);
  });

  it('ignores case, white space, apostrophe and dash variants, accents and a leading "the"', () => {
    expect(reg.resolve('russian federation')).toBe('Russian Federation');
    expect(reg.resolve('RUSSIAN FEDERATION')).toBe('Russian Federation');
    expect(reg.resolve('  Russian\u00a0\u00a0Federation\t')).toBe('Russian Federation');
    expect(reg.resolve('Lao People’s Democratic Republic')).toBe("Lao People's Democratic Republic");
    expect(reg.resolve('Guinea\u2011Bissau')).toBe('Guinea-Bissau');
    expect(reg.resolve('Sao Tome and Principe')).toBe('Sao Tome and Principe');
    expect(reg.resolve('São Tomé and Príncipe')).toBe('Sao Tome and Principe');
    expect(reg.resolve('the Netherlands')).toBe('Netherlands (Kingdom of the)');
    expect(reg.resolve('the European Union')).toBe('European Union');
    expect(reg.resolve('the EU')).toBe('European Union');
  });

  it('matches short acronyms only in capitals', () => {
    for (const w of ['us', 'Us', 'uk', 'eu', 'Eu', 'nam', 'Nam', 'am', 'eig', 'agn', 'usa', 'car', 'basic', 'Basic']) {
      expect(reg.resolve(w), w).toBeUndefined();
    }
    expect(reg.resolve('BASIC')).toBe('BASIC');
  });

  it('never resolves ordinary English words', () => {
    const words = [
      'including', 'and', 'delete', 'retain', 'alt', 'reserve', 'Option A', 'ALT 1', 'Note', 'the', 'The',
      'all', 'States', 'Parties', 'Party', 'Group', 'Member States', 'Preamble', 'Placeholder', 'inter alia',
      'by', 'or', 'to', 'in', 'on', 'as', 'an', 'is', 'it', 'at', 'me', 'no', 'so', 'we', 'Chair', '',
      '   ', 'Climate forcers', 'Each Party shall', 'Requests the AC to', 'the Programme of Action',
    ];
    for (const w of words) expect(reg.resolve(w), JSON.stringify(w)).toBeUndefined();
  });
});

describe('suggest', () => {
  it('offers the nearest names, best first, without duplicates', () => {
    expect(reg.suggest('Brazill')[0]).toBe('Brazil');
    expect(reg.suggest('Russian Federaton')[0]).toBe('Russian Federation');
    expect(reg.suggest('Untied States')[0]).toBe('United States of America');
    expect(reg.suggest('Phillipines')[0]).toBe('Philippines');
    expect(reg.suggest('Lichtenstein')[0]).toBe('Liechtenstein');
    expect(reg.suggest('Bosnia Herzegovina')[0]).toBe('Bosnia and Herzegovina');
    expect(reg.suggest('Venez')[0]).toBe('Venezuela (Bolivarian Republic of)');
    expect(reg.suggest('G 77')[0]).toBe('Group of 77 and China');
    const s = reg.suggest('Atlantis', 5);
    expect(s.length).toBeGreaterThan(0);
    expect(new Set(s).size).toBe(s.length);
    for (const n of s) expect(names.has(n)).toBe(true);
  });

  it('splits names joined by "and" or "&" where a comma belongs', () => {
    expect(reg.suggest('EU and Mexico')).toEqual(['European Union, Mexico']);
    expect(reg.suggest('Bosnia and Herzegovina and Chile')).toEqual(['Bosnia and Herzegovina, Chile']);
    expect(reg.suggest('Chile and Bosnia and Herzegovina & US')).toEqual(['Chile, Bosnia and Herzegovina, United States of America']);
    expect(reg.suggest('G77 and China and EU')).toEqual(['Group of 77 and China, European Union']);
    // not when a part is no name: then the nearest names, as for any unknown name
    expect(reg.suggest('EU and Atlantis')).not.toContainEqual(expect.stringContaining(','));
    expect(reg.splitNames('Trinidad and Tobago')).toBeNull(); // one name: nothing to split
    // `&` for a name's own `and` is that name, not two (G77 and China, China)
    expect(reg.suggest('G77 & China')).toEqual(['Group of 77 and China']);
    expect(reg.suggest('G77 & China & EU')).toEqual(['Group of 77 and China, European Union']);
    expect(reg.suggest('Antigua & Barbuda and Mexico')).toEqual(['Antigua and Barbuda, Mexico']);
    // a name twice is named once
    expect(reg.suggest('Mexico and Mexico')).not.toContainEqual(expect.stringContaining(','));
    expect(reg.suggest('EU and Mexico and EU')).toEqual(['European Union, Mexico']);
  });

  it('gives only the best when a name is one typo away', () => {
    expect(reg.suggest('Russa')).toEqual(['Russian Federation']);
    expect(reg.suggest('Brazill')).toEqual(['Brazil']);
  });

  it('respects max and gives nothing for nothing', () => {
    expect(reg.suggest('Guinee', 2).length).toBeLessThanOrEqual(2);
    expect(reg.suggest('Guinee', 2)[0]).toBe('Guinea');
    expect(reg.suggest('')).toEqual([]);
    expect(reg.suggest('   ')).toEqual([]);
  });
});

describe('user aliases', () => {
  const user = new Registry({
    Rusia: 'Russian Federation',
    Brasil: 'brazil',
    'Friends of X': 'Nowhere',
    Sweden: 'Norway',
    Holland: 'Netherlands',
  });

  it('resolve to their targets, which may be written as aliases or in any case', () => {
    expect(user.resolve('Rusia')).toBe('Russian Federation');
    expect(user.resolve('rusia')).toBe('Russian Federation');
    expect(user.resolve('Brasil')).toBe('Brazil');
    expect(user.resolve('Holland')).toBe('Netherlands (Kingdom of the)');
  });

  it('are ignored when the target is unknown, and cannot capture a canonical name', () => {
    expect(user.resolve('Friends of X')).toBeUndefined();
    expect(user.resolve('Sweden')).toBe('Sweden');
  });

  it('appear in completions and do not leak into the default registry', () => {
    expect(user.completions()).toContainEqual({ label: 'Rusia', canonical: 'Russian Federation' });
    expect(reg.resolve('Rusia')).toBeUndefined();
    expect(reg.completions().some((c) => c.label === 'Rusia')).toBe(false);
  });
});

describe('entries, groups and completions', () => {
  it('returns entries by canonical name', () => {
    expect(reg.entry('Russian Federation')).toMatchObject({ kind: 'member', aliases: ['Russia'] });
    expect(reg.entry('Holy See')?.kind).toBe('observer');
    expect(reg.entry('Alliance of Small Island States')?.kind).toBe('group');
    expect(reg.entry('Russia')).toBeUndefined();
  });

  it('derives group membership', () => {
    expect(reg.groupsOf('France')).toContain('European Union');
    expect(reg.groupsOf('France')).toContain('Western European and Other States Group');
    expect(reg.groupsOf('Fiji')).toContain('Alliance of Small Island States');
    expect(reg.groupsOf('Switzerland')).toContain('Environmental Integrity Group');
    expect(reg.groupsOf('Egypt')).toEqual(expect.arrayContaining(['African Group', 'Arab Group']));
    expect(reg.groupsOf('State of Palestine')).toContain('Arab Group');
    expect(reg.groupsOf('European Union')).toEqual([]);
    expect(reg.groupsOf('Atlantis')).toEqual([]);
  });

  it('offers every canonical name and alias for completion', () => {
    const c = reg.completions();
    const labels = new Set(c.map((x) => x.label));
    expect(labels.size).toBe(c.length);
    for (const e of entries) {
      expect(labels.has(e.name)).toBe(true);
      for (const a of e.aliases) expect(labels.has(a)).toBe(true);
    }
    for (const x of c) expect(names.has(x.canonical)).toBe(true);
    expect(c).toContainEqual({ label: 'US', canonical: 'United States of America' });
  });
});

describe('proposers of a bracket', () => {
  it('name each proposer once, however often the attribution writes it', () => {
    const a = analyze('1. States [shall]{EU, European Union, Canada} act [now – Canada, Canada].\n');
    expect(a.brackets.map((b) => b.proposers)).toEqual([['European Union', 'Canada'], ['Canada']]);
  });
});
