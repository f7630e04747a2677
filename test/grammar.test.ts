// The static language definition: syntaxes/negotext.tmLanguage.json and
// language-configuration.json: its JSON, its regexes (which must mean the same
// in Oniguruma and JavaScript: the tests read some with RegExp), and drafts
// tokenized by VS Code's own engine (vscode-textmate and vscode-oniguruma).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as textmate from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);

const root = join(__dirname, '..');
const grammarText = readFileSync(join(root, 'syntaxes', 'negotext.tmLanguage.json'), 'utf8');
const configText = readFileSync(join(root, 'language-configuration.json'), 'utf8');

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  comment?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
  applyEndPatternLast?: boolean;
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(grammarText) as Grammar;
const repo = grammar.repository;

// ---------------------------------------------------------------- regexes

function* walk(rule: Rule | Capture, path: string): Generator<[string, Rule | Capture]> {
  yield [path, rule];
  const r = rule as Rule;
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const [n, c] of Object.entries(r[key] ?? {})) yield* walk(c, `${path}.${key}.${n}`);
  }
  for (const [i, p] of (r.patterns ?? []).entries()) yield* walk(p, `${path}.patterns.${i}`);
}

/**
 * A small scanner over a regex source: the bodies of its character classes,
 * and its lookbehinds with escapes, classes and `(?:` stripped (to spot quantifiers).
 */
function parts(src: string): { classes: string[]; lookbehinds: string[] } {
  const classes: string[] = [];
  const lookbehinds: string[] = [];
  const open: { start: number; lookbehind: boolean; text: string }[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      for (const o of open) o.text += 'x';
      i++;
    } else if (c === '[') {
      let j = i + 1;
      let body = '';
      while (j < src.length && src[j] !== ']') {
        if (src[j] === '\\') {
          body += src[j] + src[j + 1];
          j += 2;
        } else body += src[j++];
      }
      classes.push(body.replace(/^\^/, ''));
      for (const o of open) o.text += 'x';
      i = j;
    } else if (c === '(') {
      const lookbehind = src.startsWith('(?<=', i) || src.startsWith('(?<!', i);
      const skip = lookbehind ? 4 : src.startsWith('(?:', i) || src.startsWith('(?=', i) || src.startsWith('(?!', i) ? 3 : 1;
      for (const o of open) o.text += '(';
      open.push({ start: i, lookbehind, text: '' });
      i += skip - 1;
    } else if (c === ')') {
      const o = open.pop();
      if (o?.lookbehind) lookbehinds.push(o.text);
      for (const p of open) p.text += ')';
    } else for (const o of open) o.text += c;
  }
  return { classes, lookbehinds };
}

function allRules(): [string, Rule][] {
  const out: [string, Rule][] = [];
  for (const [p, r] of walk(grammar, '$self')) out.push([p, r as Rule]);
  for (const [k, rule] of Object.entries(repo)) for (const [p, r] of walk(rule, `#${k}`)) out.push([p, r as Rule]);
  return out;
}

function allRegexes(): [string, string][] {
  const out: [string, string][] = [];
  for (const [p, r] of allRules()) {
    for (const key of ['match', 'begin', 'end'] as const) if (r[key] !== undefined) out.push([`${p}.${key}`, r[key]!]);
  }
  return out;
}

function re(key: string, field: 'match' | 'begin' | 'end' = 'match'): RegExp {
  const src = repo[key][field];
  if (!src) throw new Error(`#${key} has no ${field}`);
  return new RegExp(src);
}

// ---------------------------------------------------------------- tokenizer

// VS Code's own engine: vscode-textmate over the Oniguruma WebAssembly build.
const onig = await (async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
    createOnigString: (str: string) => oniguruma.createOnigString(str),
  };
})();
const registry = new textmate.Registry({
  onigLib: Promise.resolve(onig),
  loadGrammar: async (scopeName) => (scopeName === grammar.scopeName ? textmate.parseRawGrammar(grammarText, 'negotext.tmLanguage.json') : null),
});
const engine = (await registry.loadGrammar(grammar.scopeName))!;

type LineScopes = string[][];

interface Tokenized {
  lines: string[];
  scopes: LineScopes[];
  /** Rules open at the end of each line (1 = only the root). */
  depthAfter: number[];
}

function tokenize(text: string): Tokenized {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let stack = textmate.INITIAL;
  const scopes: LineScopes[] = [];
  const depthAfter: number[] = [];
  for (const line of lines) {
    const r = engine.tokenizeLine(line, stack, 10_000);
    if (r.stoppedEarly) throw new Error(`tokenizing stopped early on: ${line.slice(0, 80)}`);
    const out: LineScopes = new Array(line.length);
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) out[i] = t.scopes;
    scopes.push(out);
    stack = r.ruleStack;
    depthAfter.push(stack.depth);
  }
  return { lines, scopes, depthAfter };
}

/** Scopes of the first character of `needle` on line `n` (nth occurrence, 0-based). */
function at(t: Tokenized, n: number, needle: string, occurrence = 0): string[] {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = t.lines[n].indexOf(needle, i + 1);
  if (i < 0) throw new Error(`"${needle}" not on line ${n}: ${t.lines[n]}`);
  return t.scopes[n][i];
}
const has = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
const depth = (scopes: string[]) => scopes.filter((s) => s.startsWith('meta.bracket.')).length;

// ---------------------------------------------------------------- tests

describe('grammar JSON', () => {
  it('is valid JSON for text.negotext', () => {
    expect(grammar.scopeName).toBe('text.negotext');
    expect(grammar.name).toBe('negotext');
    expect(Array.isArray(grammar.patterns)).toBe(true);
    expect(typeof grammar.repository).toBe('object');
  });

  it('is what syntaxes/negotext.grammar.mjs renders (edit that, then npm run grammar)', async () => {
    const source = await import('../syntaxes/negotext.grammar.mjs');
    expect(grammarText, 'syntaxes/negotext.tmLanguage.json is stale: run npm run grammar').toBe(source.render());
    // Its long names are the registry's, read from it: a name added there is coloured without a second edit.
    const proposers = JSON.parse(readFileSync(join(root, 'server', 'src', 'core', 'data', 'proposers.json'), 'utf8'));
    const extra = { entries: [...proposers.entries, { name: 'Alliance of the Six Small Test States of the Sea', aliases: [] }] };
    expect(source.longNames(extra)).toContain('Alliance of the Six Small Test States of the Sea');
    expect(source.render(extra)).toContain('Alliance of the Six Small Test States of the Sea');
  });

  it('resolves every include', () => {
    for (const [path, r] of allRules()) {
      if (r.include && r.include !== '$self' && r.include !== '$base') {
        expect(repo[r.include.slice(1)], `${path} includes ${r.include}`).toBeDefined();
      }
    }
  });

  it('gives every begin an end and every rule a single kind', () => {
    for (const [path, r] of allRules()) {
      if (r.begin !== undefined) expect(r.end, path).toBeDefined();
      expect(r.match !== undefined && r.begin !== undefined, path).toBe(false);
    }
  });

  it('compiles every match/begin/end with new RegExp (no u flag)', () => {
    const all = allRegexes();
    expect(all.length).toBeGreaterThan(30);
    for (const [path, src] of all) {
      expect(() => new RegExp(src.replace(/\\A/g, '^')), path).not.toThrow();
    }
  });

  it('uses no Oniguruma-only or JavaScript-only syntax', () => {
    for (const [path, src] of allRegexes()) {
      // \G \h \H \z \Z \p{} \x{} possessive quantifiers, atomic groups, inline flags, \u escapes
      expect(src, path).not.toMatch(/\\[GhHzZpPK]|\\x\{|\\u|[*+?}]\+|\(\?>|\(\?[imx-]+[:)]|\(\?~/);
      if (src.includes('\\A')) expect(path, 'only the front matter may anchor on \\A').toMatch(/^#front-matter\.begin$/);
      // no nested character classes or set operations (Oniguruma reads [a[b]] and && specially)
      for (const cls of parts(src).classes) expect(cls, `${path}: [${cls}]`).not.toMatch(/^\[|[^\\]\[|&&/);
      // lookbehinds must be of fixed length (Oniguruma): no quantifier inside
      for (const lb of parts(src).lookbehinds) expect(lb, `${path}: ${lb}`).not.toMatch(/[*+?{]/);
    }
  });

  it('runs every regex in linear-ish time on hostile lines', () => {
    const hostile = [
      '[' + 'EU, '.repeat(3000),
      '{' + 'Mexico '.repeat(3000),
      '[' + 'A B C D E F '.repeat(2000) + ':',
      '*'.repeat(20000),
      '**' + 'x '.repeat(10000),
      '_a'.repeat(10000),
      '"'.repeat(10001),
      '“' + 'a'.repeat(20000),
      '1'.repeat(20000) + '.',
      '12 ' + 'bis '.repeat(5000),
      'A/' + '1/'.repeat(10000),
      'A/1' + '.1'.repeat(10000) + '-',
      'para. 1' + ' (a)'.repeat(5000) + ' –',
      'resolution ' + '1'.repeat(20000),
      '# ' + ' #'.repeat(10000) + 'x',
      'B. ' + 'A'.repeat(20000) + ',',
      '[a' + ' – B'.repeat(5000),
      'x' + ' \t'.repeat(10000),
      '[' + '[^'.repeat(5000),
      '(agreed ad ' .repeat(2000),
    ];
    const t0 = performance.now();
    for (const [, src] of allRegexes()) {
      const r = new RegExp(src.replace(/\\A/g, '^'), 'g');
      for (const h of hostile) {
        r.lastIndex = 0;
        let n = 0;
        while (r.exec(h) && ++n < 50) if (r.lastIndex === 0) break;
      }
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('regexes', () => {
  it('labels: the forms of FORMAT.md at line start, not numbers in text', () => {
    const label = re('paragraph', 'begin');
    for (const [line, lab] of [
      ['12. The Group', '12.'],
      ['12 bis. The Group', '12 bis.'],
      ['12bis. The Group', '12bis.'],
      ['12 ter. x', '12 ter.'],
      ['12quat. x', '12quat.'],
      ['3.3 The Parties', '3.3'],
      ['3.3bis Each Party', '3.3bis'],
      ['23.1\tThe Parties', '23.1'],
      ['PP3. *Recalling*', 'PP3.'],
      ['OP5. *Decides*', 'OP5.'],
      ['Pp1 Recalling decision 18/CMA.1', 'Pp1'],
      ['12) Markdown list', '12)'],
      ['1.', '1.'],
      ['    3bis. Also decides', '3bis.'],
      ['  9 ter. [States noted', '9 ter.'],
    ]) {
      const m = label.exec(line);
      expect(m?.[1], line).toBe(lab);
    }
    for (const line of ['2 °C above pre-industrial levels', '1.5 °C', '12 States', '2021–2025 (A/77/275)', '12.5% of', 'States 12.', 'A. Introduction', '(a) To be guided']) {
      expect(label.exec(line), line).toBeNull();
    }
    const bracketed = re('paragraph-bracketed', 'begin').exec('[12 bis. The Group emphasized');
    expect(bracketed?.[2]).toBe('12 bis.');
    expect(re('paragraph-bracketed', 'begin').exec('[PP10. *Recognizing*')?.[2]).toBe('PP10.');
  });

  it('UN document symbols, resolution and decision references, pinpoints', () => {
    const sym = new RegExp(repo.symbol.match!, 'g');
    for (const s of ['A/76/135', 'A/RES/75/240', 'A/C.1/76/L.13', 'A/HRC/RES/47/16', 'S/RES/2341 (2017)', 'E/CN.6/2023/L.3', 'A/AC.292/2025/CRP.1', 'FCCC/CP/2015/10/Add.1', 'A/76/135/Rev.1', 'A/C.1/81/L.23/Corr.1']) {
      expect(`see ${s}, para. 2`.match(sym), s).toEqual([s]);
    }
    expect('cited (A/76/135).'.match(sym)).toEqual(['A/76/135']);
    for (const s of ['and/or', 'EU/Mexico', 'G-77/China', 'x A/B']) expect(s.match(sym), s).toBeNull();

    const res = new RegExp(repo['resolution-reference'].match!, 'g');
    for (const s of ['resolution 75/240', 'resolutions 73/27', 'resolution 2341 (2017)', 'decision 1/CP.21', 'decision 18/CMA.1', 'decisions 72/512']) {
      expect(`its ${s} of`.match(res), s).toEqual([s]);
    }
    const num = new RegExp(repo['resolution-number'].match!, 'g');
    // Later items of a list only (the first follows `resolutions`): not a ratio.
    expect('resolutions 73/27 of 5 December 2018, 75/240 and 76/19'.match(num)).toEqual(['75/240', '76/19']);
    expect('a 50/50 split, open 24/7'.match(num)).toBeNull();
    expect('in 2021/2 and 1/3'.match(num)).toBeNull();

    const pin = new RegExp(repo.pinpoint.match!, 'g');
    for (const s of ['para. 6', 'paras. 71–72', 'paragraph 71 (d)', 'para. 1.3', 'paragraph 13', 'paragraphs 5 (a) (ii)']) {
      expect(`see ${s} of it.`.match(pin), s).toEqual([s]);
    }
  });

  it('brackets: not \\[, not a footnote mark, placeholders and links apart', () => {
    const b = re('bracket', 'begin');
    expect(b.exec('[^3]')).toBeNull();
    expect(b.exec('[strengthen]')?.index).toBe(0);
    expect(b.exec('[EU, Mexico: strengthen]')?.[3]).toBe('EU, Mexico');
    expect(b.exec('[Iran reserve: text]')?.[3]).toBe('Iran reserve');
    expect(b.exec('[ALT 1: States welcomed]')?.[3]).toBeUndefined();
    expect(b.exec('[Option A: a first option]')?.[3]).toBeUndefined();
    expect(b.exec('[States should, where appropriate: act]')?.[3]).toBeUndefined();
    expect(b.exec('[A B C D E F: six words]')?.[3]).toBeUndefined();
    expect(re('escape').exec('\\[')?.[0]).toBe('\\[');
    const ph = re('placeholder');
    for (const s of ['[…]', '[...]', '[X]', '[x]', '[document symbol to be added]', '[*Placeholder* for "climate finance"]', '[dates to be completed]']) {
      expect(ph.exec(s)?.[0], s).toBe(s);
    }
    for (const s of ['[XY]', '[strengthen]', '[not to be added here]']) expect(ph.exec(s), s).toBeNull();
    expect(re('inline-link').exec('[UNODA](https://disarmament.unoda.org)')?.[5]).toBe('https://disarmament.unoda.org');
    expect(re('inline-link').exec('[shall](should)')).toBeNull();
  });

  it('attributions: canonical braces, suffix, notes', () => {
    const brace = re('braces-attribution');
    const braceIn = (s: string) => {
      const r = new RegExp(brace.source, 'g');
      return r.exec(s)?.[2];
    };
    expect(braceIn('[x]{EU, Mexico}')).toBe('EU, Mexico');
    expect(braceIn('[x]{Singapore; Republic of Korea}')).toBe('Singapore; Republic of Korea');
    expect(braceIn('[x]{G77 and China}')).toBe('G77 and China');
    expect(braceIn('[x]{Note: pending Article 10}')).toBeUndefined();
    expect(braceIn('[x] {EU}')).toBeUndefined();
    expect(braceIn('[x]{move to the Agreement}')).toBeUndefined();
    const suffix = new RegExp(repo['suffix-attribution'].match!, 'g');
    expect(suffix.exec('[strengthen – EU, Mexico]')?.[4]).toBe('EU, Mexico');
    suffix.lastIndex = 0;
    expect(suffix.exec('[the Programme of Action – US delete]')?.[4]).toBe('US delete');
    suffix.lastIndex = 0;
    expect(suffix.exec('[ransomware – including]')).toBeNull();
    suffix.lastIndex = 0;
    expect(suffix.exec('[x - Russian Federation, China] y')?.[4]).toBe('Russian Federation, China');
    expect(re('note').exec('{Note: pending the outcome}')?.[0]).toBe('{Note: pending the outcome}');
  });

  it('agreed ad ref in any case and emphasis', () => {
    const a = re('agreed-ad-ref');
    for (const s of ['(agreed ad ref)', '(Agreed ad ref)', '*(agreed ad ref)*', '(AGREED AD REF)', '_(agreed ad ref.)_', '(agreed ad referendum)', '(*agreed ad ref*)', '(_Agreed ad ref._)']) {
      expect(a.exec(`text. ${s}`)?.[0], s).toBe(s);
    }
  });
});

describe('tokenizing', () => {
  it('front matter, headings, labels, sub-paragraphs', () => {
    const t = tokenize(
      [
        '---',
        'symbol: A/AC.292/2025/CRP.1',
        'agreed: true',
        '---',
        '',
        '# A. Introduction',
        '',
        'B. Existing and potential threats',
        '',
        '12 bis. The Group [emphasized]{EU}.',
        '(a) To be guided;',
        'IV. Conclusions',
        'Pp1 Recalling decision 18/CMA.1 and its annex,',
      ].join('\n'),
    );
    expect(has(at(t, 0, '---'), 'meta.embedded.block.frontmatter')).toBe(true);
    expect(has(at(t, 1, 'symbol'), 'entity.name.tag')).toBe(true);
    expect(has(at(t, 1, 'A/AC'), 'string.unquoted')).toBe(true);
    expect(has(at(t, 2, 'true'), 'constant.language')).toBe(true);
    expect(has(at(t, 5, '#'), 'markup.heading')).toBe(true);
    expect(has(at(t, 5, 'Intro'), 'entity.name.section')).toBe(true);
    expect(has(at(t, 7, 'Existing'), 'markup.heading')).toBe(true);
    expect(has(at(t, 7, 'B.'), 'entity.name.section')).toBe(true);
    expect(has(at(t, 9, '12'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(has(at(t, 9, 'bis'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(has(at(t, 9, 'The'), 'constant.numeric')).toBe(false);
    expect(has(at(t, 9, 'The'), 'meta.paragraph')).toBe(true);
    expect(has(at(t, 10, '(a)'), 'constant.numeric.subparagraph-label')).toBe(true);
    expect(has(at(t, 11, 'Conclusions'), 'markup.heading')).toBe(true);
    expect(has(at(t, 11, 'Conclusions'), 'meta.paragraph')).toBe(false);
    expect(has(at(t, 12, 'Pp1'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(has(at(t, 12, '18/CMA.1'), 'markup.underline.link')).toBe(true);
    // the front matter is not searched for references
    expect(has(at(t, 1, 'A/AC'), 'markup.underline.link')).toBe(false);
  });

  it('front matter only at the top of the file, and never past a label line', () => {
    const unclosed = tokenize(['---', 'title: x', '', '1. Text [a]{EU}'].join('\n'));
    expect(has(at(unclosed, 1, 'title'), 'entity.name.tag')).toBe(true);
    expect(has(at(unclosed, 3, '1.'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(has(at(unclosed, 3, '1.'), 'meta.embedded')).toBe(false);
    expect(has(at(unclosed, 3, 'EU'), 'entity.name.function.proposer')).toBe(true);
    const later = tokenize(['1. Text', '---', 'title: x', '---'].join('\n'));
    expect(has(at(later, 2, 'title'), 'entity.name.tag')).toBe(false);
  });

  it('brackets nest, attributions and notes', () => {
    const t = tokenize(
      [
        '6. [[*Recalls*][*Notes*]{Brazil} that it applies, as set out in paragraph 71 (f) of A/76/135 – Russian Federation, Iran delete];',
        '1. Decides [by 2029]{AOSIS} {Note: pending the outcome} and [strengthen – EU, Mexico] and [ransomware – including].',
        '9 bis. [Iran: States expressed concern.]',
        '17. [ALT 1: States welcomed the checklist.]{EU, Australia}',
        'OP1. held its […] sessions on [X] and [document symbol to be added].',
      ].join('\n'),
    );
    expect(at(t, 0, '[')).toContain('punctuation.definition.bracket.begin.negotext');
    expect(depth(at(t, 0, '['))).toBe(1);
    expect(depth(at(t, 0, '[', 1))).toBe(2);
    expect(depth(at(t, 0, 'Recalls'))).toBe(2);
    expect(depth(at(t, 0, 'Notes'))).toBe(2);
    expect(has(at(t, 0, 'Recalls'), 'markup.italic')).toBe(true);
    expect(has(at(t, 0, 'Brazil'), 'entity.name.function.proposer')).toBe(true);
    expect(depth(at(t, 0, 'Brazil'))).toBe(1);
    expect(depth(at(t, 0, ' that'))).toBe(1);
    expect(has(at(t, 0, 'paragraph 71'), 'markup.underline.link.pinpoint')).toBe(true);
    expect(has(at(t, 0, 'A/76/135'), 'markup.underline.link.symbol')).toBe(true);
    // Suffix and prefix forms are only candidates to the grammar (FORMAT.md §4: they are attributions only when
    // every name resolves): scoped meta, not coloured; the server's semantic tokens colour the names that resolve.
    expect(has(at(t, 0, 'Russian'), 'meta.attribution.suffix.names')).toBe(true);
    expect(has(at(t, 0, 'Russian'), 'entity.name.function')).toBe(false);
    expect(has(at(t, 0, '–'), 'meta.attribution.suffix.separator')).toBe(true);
    expect(at(t, 0, '];')).toContain('punctuation.definition.bracket.end.negotext');
    expect(depth(at(t, 0, '];'))).toBe(1);
    expect(depth(at(t, 0, ';'))).toBe(0);

    expect(has(at(t, 1, 'AOSIS'), 'entity.name.function.proposer')).toBe(true);
    expect(has(at(t, 1, 'Note'), 'comment.block.note')).toBe(true);
    expect(has(at(t, 1, 'EU'), 'meta.attribution.suffix.names')).toBe(true);
    expect(has(at(t, 1, 'including'), 'entity.name.function')).toBe(false);
    expect(depth(at(t, 1, 'including'))).toBe(1);

    expect(has(at(t, 2, 'Iran'), 'meta.attribution.prefix.names')).toBe(true);
    expect(has(at(t, 2, ':'), 'meta.attribution.prefix.separator')).toBe(true);
    expect(has(at(t, 2, 'States'), 'entity.name.function')).toBe(false);

    expect(has(at(t, 3, 'ALT 1:'), 'keyword.control')).toBe(true);
    // A closing run of # needs a space before it, as the core reads it.
    const h = tokenize('# Use of C#\n\n## B. Threats ##\n');
    expect(has(at(h, 0, 'C#'), 'entity.name.section')).toBe(true);
    expect(has(at(h, 0, '#', 1), 'entity.name.section')).toBe(true);
    expect(has(at(h, 2, '##', 1), 'entity.name.section')).toBe(false);
    // A label right against its bracket, as the core reads it.
    const l = tokenize('35.[Option 1: text]\n\nPP2.[Recalling]{EU}\n');
    expect(has(at(l, 0, '35.'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(depth(at(l, 0, 'text'))).toBe(1);
    expect(has(at(l, 2, 'PP2.'), 'constant.numeric.paragraph-label')).toBe(true);
    // `OPTIONS:` / `Options:` introduce no option, as the core reads them; `ALT1:` does.
    const o = tokenize('1. OPTIONS: none. Options: some. ALT1: this.\n');
    expect(has(at(o, 0, 'OPTIONS'), 'keyword.control')).toBe(false);
    expect(has(at(o, 0, 'Options'), 'keyword.control')).toBe(false);
    expect(has(at(o, 0, 'ALT1:'), 'keyword.control')).toBe(true);
    // The number or letter in parentheses, as the Lima text writes options.
    const p = tokenize('3. Reductions:\nOption (a): by 2050;\nOption (ii): by 2070;\n');
    expect(has(at(p, 1, 'Option (a):'), 'keyword.control')).toBe(true);
    expect(has(at(p, 2, 'Option (ii):'), 'keyword.control')).toBe(true);
    expect(has(at(t, 3, 'ALT'), 'entity.name.function')).toBe(false);
    expect(has(at(t, 3, 'Australia'), 'entity.name.function.proposer')).toBe(true);

    expect(has(at(t, 4, '…'), 'constant.other.placeholder')).toBe(true);
    expect(has(at(t, 4, 'X'), 'constant.other.placeholder')).toBe(true);
    expect(has(at(t, 4, 'document'), 'constant.other.placeholder')).toBe(true);
  });

  it('colours no text as a proposer or a label that the server would not take for one', () => {
    const t = tokenize(
      [
        '2. The Parties [shall reduce emissions by [40 – 70] per cent by the end of the year',
        '2025. Such contributions shall] be recorded, as in paragraph 134 (option',
        '1) above, and [Option (a): Being guided by the Convention] and [Immunities: none].',
        '',
        '3. States [agreed]{United Kingdom of Great Britain and Northern Ireland, Western European and Other States Group} and [noted].',
      ].join('\n'),
    );
    for (const [line, word] of [[0, '70'], [2, 'Option'], [2, 'Immunities']] as const) expect(has(at(t, line, word), 'entity.name.function'), word).toBe(false);
    expect(has(at(t, 1, '2025'), 'constant.numeric.paragraph-label')).toBe(false);
    expect(depth(at(t, 1, 'Such'))).toBe(1); // the bracket opened on the line before runs on
    expect(depth(at(t, 1, 'be recorded'))).toBe(0);
    expect(has(at(t, 2, '1)'), 'constant.numeric.paragraph-label')).toBe(false);
    expect(has(at(t, 4, 'United Kingdom'), 'entity.name.function.proposer')).toBe(true);
    expect(has(at(t, 4, 'Western European'), 'entity.name.function.proposer')).toBe(true);
    // Every registry name or alias the server takes in braces is coloured as one, however many words it has.
    const proposers = JSON.parse(readFileSync(join(root, 'server', 'src', 'core', 'data', 'proposers.json'), 'utf8')) as { entries: { name: string; aliases?: string[] }[] };
    const names = proposers.entries.flatMap((e) => [e.name, ...(e.aliases ?? [])]).filter((n) => /^[\p{Lu}\d]/u.test(n));
    const all = tokenize(names.map((n, i) => `${i + 1}. Agreed [text]{${n}}.`).join('\n\n'));
    const uncoloured = names.filter((n, i) => !has(at(all, 2 * i, n), 'entity.name.function.proposer'));
    expect(uncoloured).toEqual([]);
    // Years and `N)` before a capital are still labels where a paragraph starts.
    const u = tokenize('12) States agreed.\n\n999. Last paragraph.\n');
    expect(has(at(u, 0, '12)'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(has(at(u, 2, '999.'), 'constant.numeric.paragraph-label')).toBe(true);
  });

  it('front matter never closed ends at the first line that is no YAML, as the core reads it', () => {
    for (const heading of ['1. States agree.', 'B. Threats']) {
      const t = tokenize(`---\ntitle: x\n\n${heading}\n\nThe chapeau [text]{EU}.\n`);
      expect(has(at(t, 1, 'title'), 'meta.embedded.block.frontmatter')).toBe(true);
      expect(has(at(t, 3, heading.slice(-5)), 'meta.embedded.block.frontmatter'), heading).toBe(false);
      expect(has(at(t, 5, 'EU'), 'entity.name.function.proposer'), heading).toBe(true);
    }
    // A `# …` line is a YAML comment there, and an indented line a block scalar's: closed, it is all front matter.
    const c = tokenize('---\nsymbol: A/1\nnotes: |\n  1. Check the numbering.\n# A. Old section names\n---\n\n1. Text [x]{EU}.\n');
    for (const [line, word] of [[3, 'Check'], [4, 'Old']] as const) expect(has(at(c, line, word), 'meta.embedded.block.frontmatter'), word).toBe(true);
    expect(has(at(c, 7, 'EU'), 'entity.name.function.proposer')).toBe(true);
  });

  it('a page break alone on a line ends an unclosed bracket in a chapeau, as a blank line does', () => {
    const t = tokenize('The chapeau [Option (a): text\n\f\nMore text after the page break.\n');
    expect(depth(at(t, 0, 'text'))).toBe(1);
    expect(depth(at(t, 2, 'More'))).toBe(0);
  });

  it('escapes, footnotes, links, quotes, agreed ad ref, emphasis', () => {
    const t = tokenize(
      [
        'Text in square brackets (\\[ \\]) has not been agreed.',
        '3. the Working Group[^1] and the [UNODA site](https://disarmament.unoda.org) "scope, scale" (A/76/135, para. 6) and “for adoption by consensus” **bold** *Recalling* (agreed ad ref)',
        '13. States reaffirmed the norms. *(Agreed ad ref)*',
        '[^1]: A/76/135, para. 13.',
        '[source]: https://example.org "Title"',
      ].join('\n'),
    );
    expect(has(at(t, 0, '\\['), 'constant.character.escape')).toBe(true);
    expect(depth(at(t, 0, ' \\]'))).toBe(0);
    expect(depth(at(t, 0, 'has'))).toBe(0);
    expect(has(at(t, 1, '^1'), 'markup.underline.link.footnote')).toBe(true);
    expect(depth(at(t, 1, '[^1]'))).toBe(0);
    expect(has(at(t, 1, 'UNODA'), 'meta.link.inline')).toBe(true);
    expect(has(at(t, 1, 'https'), 'markup.underline.link')).toBe(true);
    expect(depth(at(t, 1, 'UNODA'))).toBe(0);
    expect(has(at(t, 1, 'scope'), 'string.quoted.double')).toBe(true);
    expect(has(at(t, 1, 'for adoption'), 'string.quoted.double')).toBe(true);
    expect(has(at(t, 1, 'para. 6'), 'markup.underline.link.pinpoint')).toBe(true);
    expect(has(at(t, 1, 'bold'), 'markup.bold')).toBe(true);
    expect(has(at(t, 1, 'Recalling'), 'markup.italic')).toBe(true);
    expect(has(at(t, 1, 'agreed ad ref'), 'markup.inserted')).toBe(true);
    expect(has(at(t, 2, 'Agreed'), 'markup.inserted')).toBe(true);
    expect(has(at(t, 2, 'Agreed'), 'markup.italic')).toBe(false);
    expect(has(at(t, 3, '^1'), 'meta.link.reference.def.footnote')).toBe(true);
    expect(has(at(t, 3, 'A/76'), 'markup.underline.link.symbol')).toBe(true);
    expect(has(at(t, 3, 'A/76'), 'meta.paragraph')).toBe(false);
    expect(has(at(t, 4, 'source'), 'meta.link.reference.def')).toBe(true);
    expect(depth(at(t, 4, 'source'))).toBe(0);
  });

  it('an unclosed bracket ends at the end of its paragraph', () => {
    const t = tokenize(
      [
        '4. The paragraph number skips 3 [and this bracket is never closed.',
        '',
        'continued text of paragraph 4',
        '5. A stray closing bracket] appears here.',
        '# I. Heading',
        'An unlabelled chapeau [with an open bracket',
        '',
        'ends at the blank line.',
        '[12 bis. The Group [emphasized] the point,',
        '(a) in sub-paragraph [one',
        '12 ter. Next.',
      ].join('\n'),
    );
    expect(depth(at(t, 0, 'never'))).toBe(1);
    expect(depth(at(t, 2, 'continued'))).toBe(1); // blank lines are inside a labelled paragraph
    expect(depth(at(t, 3, '5.'))).toBe(0);
    expect(has(at(t, 3, '5.'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(at(t, 3, ']')).toContain('punctuation.definition.bracket.end.negotext');
    expect(has(at(t, 4, 'Heading'), 'markup.heading')).toBe(true);
    expect(depth(at(t, 5, 'with'))).toBe(1);
    expect(has(at(t, 5, 'with'), 'meta.paragraph')).toBe(false);
    expect(depth(at(t, 7, 'ends'))).toBe(0);
    expect(depth(at(t, 8, '['))).toBe(1);
    expect(has(at(t, 8, '12 bis.'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(depth(at(t, 8, 'emphasized'))).toBe(2);
    expect(depth(at(t, 9, 'in sub'))).toBe(1);
    expect(has(at(t, 9, '(a)'), 'constant.numeric.subparagraph-label')).toBe(true);
    expect(depth(at(t, 9, 'one'))).toBe(2);
    expect(depth(at(t, 10, '12 ter.'))).toBe(0);
    expect(has(at(t, 10, '12 ter.'), 'constant.numeric.paragraph-label')).toBe(true);
    expect(t.depthAfter[t.depthAfter.length - 1]).toBe(2); // just the paragraph
  });

  it('tokenizes every example and shared fixture: labels start fresh, brackets never leak', () => {
    const dirs = [join(root, 'examples'), join(root, '..', 'shared', 'fixtures')];
    let files = 0;
    for (const dir of dirs) {
      let entries: string[] = [];
      try {
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      for (const f of entries.filter((x) => /\.draft\.(md|txt)$/.test(x))) {
        files++;
        const t = tokenize(readFileSync(join(dir, f), 'utf8'));
        const label = new RegExp(repo.paragraph.begin!);
        t.lines.forEach((line, n) => {
          const m = label.exec(line);
          if (!m) return;
          const i = line.indexOf(m[1]);
          const s = t.scopes[n][i];
          expect(s, `${f}:${n + 1}`).toContain('constant.numeric.paragraph-label.negotext');
          expect(depth(s), `${f}:${n + 1}`).toBe(0);
          // no frame left over from the previous paragraph besides the root
          if (n > 0) expect(t.depthAfter[n - 1] <= 3, `${f}:${n}`).toBe(true);
        });
        t.scopes.forEach((line, n) => line.forEach((s) => expect(depth(s), `${f}:${n + 1}`).toBeLessThanOrEqual(4)));
      }
    }
    expect(files).toBeGreaterThanOrEqual(3);
  });
});

describe('language-configuration.json', () => {
  const config = JSON.parse(configText) as {
    comments?: unknown;
    brackets: [string, string][];
    colorizedBracketPairs: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    wordPattern: string;
    folding?: { markers?: unknown };
  };

  it('declares the bracket pairs', () => {
    expect(config.brackets).toEqual(expect.arrayContaining([['[', ']'], ['{', '}'], ['(', ')']]));
    // None: VS Code's pair colouring would pair an unclosed [ with a stray ] paragraphs later (it knows no
    // paragraphs); the server's semantic tokens colour brackets by depth, an unclosed one as such.
    expect(config.colorizedBracketPairs).toEqual([]);
    const closing = Object.fromEntries(config.autoClosingPairs.map((p) => [p.open, p.close]));
    expect(closing).toMatchObject({ '[': ']', '{': '}', '(': ')', '\u201c': '\u201d', '"': '"' });
    expect(config.autoClosingPairs.find((p) => p.open === '"')?.notIn).toContain('string');
    const surrounding = config.surroundingPairs.map((p) => p[0]);
    for (const o of ['[', '{', '\u201c', '*']) expect(surrounding).toContain(o);
    expect(config.comments).toBeUndefined();
    expect(config.folding?.markers).toBeUndefined();
  });

  it('keeps symbols and labels as one word', () => {
    const word = new RegExp(config.wordPattern, 'g');
    const words = (s: string) => s.match(word);
    expect(words('see A/RES/75/240, para. 6')).toEqual(['see', 'A/RES/75/240', 'para', '6']);
    expect(words('12bis. and 3.3bis')).toEqual(['12bis', 'and', '3.3bis']);
    expect(words('FCCC/CP/2015/10/Add.1.')).toEqual(['FCCC/CP/2015/10/Add.1']);
    expect(words('[strengthen]{EU, Mexico} – “Türkiye”')).toEqual(['strengthen', 'EU', 'Mexico', 'Türkiye']);
    expect(words('decision 1/CP.21, resolution 75/240 and the Party’s and People\'s views, 50/50.')).toEqual(['decision', '1/CP.21', 'resolution', '75/240', 'and', 'the', 'Party’s', 'and', "People's", 'views', '50/50']);
  });
});
