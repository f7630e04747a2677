// The shading of brackets in the editor (client/src/shadingRanges.ts): from a
// ledger as the server sends it, which stretches get which depth's background
// and which characters are the `[` and `]` to mark.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Ledger, Range } from '../client/src/ledger';
import { SHADED_DEPTHS, shadingOf } from '../client/src/shadingRanges';
import { analyze } from '../server/src/core/index';
import { ledger as ledgerOf } from '../server/src/lsp/ledger';

const ledgerFor = (text: string): Ledger => ledgerOf('file:///d.draft.md', 1, analyze(text)) as Ledger;

function shade(text: string, ledger = ledgerFor(text)) {
  const lines = text.split('\n');
  return shadingOf(ledger.brackets, (line) => lines[line]);
}

/** The text a range covers (ranges here are on one line). */
const textAt = (text: string) => (r: Range) => {
  expect(r.end.line).toBe(r.start.line);
  return text.split('\n')[r.start.line]!.slice(r.start.character, r.end.character);
};

describe('shadingOf', () => {
  it('shades each bracket by depth, attribution included, and marks its [ and ]', () => {
    const text = '1. States [shall][should]{EU} take [appropriate [domestic]{US} measures – China].\n';
    const s = shade(text);
    const at = textAt(text);
    expect(s.spans[0]!.map(at).sort()).toEqual(['[appropriate [domestic]{US} measures – China]', '[shall]', '[should]{EU}']);
    expect(s.spans[1]!.map(at)).toEqual(['[domestic]{US}']);
    expect(s.spans.slice(2).flat()).toEqual([]);
    // Depth 1: the `[` and `]` of the two alternatives and of the outer bracket (6); depth 2: those of `[domestic]`.
    expect(s.marks[0]!.map(at).join('')).toMatch(/^[[\]]{6}$/);
    expect(s.marks[0]!.map((r) => r.start.character).sort((a, b) => a - b)).toEqual([10, 16, 17, 24, 35, 79]);
    expect(s.marks[1]!.map((r) => r.start.character).sort((a, b) => a - b)).toEqual([48, 57]);
  });

  it('marks exactly the brackets of a real draft: its [ and ] and no other character', () => {
    const text = readFileSync('test/e2e/fixtures/screenshot.draft.md', 'utf8');
    const ledger = ledgerFor(text);
    const s = shade(text, ledger);
    const marks = s.marks.flat();
    // Every closed bracket has two marks; the unclosed one of paragraph 11 only its `[`.
    expect(marks.length).toBe(ledger.brackets.reduce((n, b) => n + (b.closed ? 2 : 1), 0));
    expect(new Set(marks.map(textAt(text)))).toEqual(new Set(['[', ']']));
    expect(new Set(marks.map((r) => `${r.start.line}:${r.start.character}`)).size).toBe(marks.length);
    // The deletion proposal of paragraph 9 is shaded apart, not at its depth.
    expect(s.deletions.map(textAt(text))).toEqual([expect.stringMatching(/^\[States expressed concern .* – Russian Federation delete\]$/)]);
    expect(s.spans.flat().map(textAt(text))).not.toContainEqual(expect.stringContaining('delete]'));
    // Nested: `[the military use of ICTs – China]` inside an alternative, and `[, in particular …]{Mexico}` inside the unclosed bracket.
    expect(s.spans[1]!.map(textAt(text)).sort()).toEqual(['[, in particular through capacity-building]{Mexico}', '[the military use of ICTs – China]']);
  });

  it('marks no character where the text no longer has a bracket (a ledger a keystroke older)', () => {
    const before = '1. States [should]{EU} act.\n';
    const ledger = ledgerFor(before);
    const after = '1. States xshouldy{EU} act.\n'; // same length, brackets gone
    const s = shade(after, ledger);
    expect(s.marks.flat()).toEqual([]);
    expect(s.spans[0]!.length).toBe(1);
  });

  it(`gives brackets deeper than ${SHADED_DEPTHS} the last depth's colours, and lists placeholders`, () => {
    const text = '1. a [b [c [d [e [f] g] h] i] j] k [...] l\n';
    const s = shade(text);
    expect(s.spans.map((d) => d.length)).toEqual([2, 1, 1, 2]);
    expect(s.marks.map((d) => d.length)).toEqual([4, 2, 2, 4]);
    expect(s.placeholders.map(textAt(text))).toEqual(['[...]']);
  });

  it('shades a bracket over several paragraphs from its [ to its ]', () => {
    const text = '[12 bis. States agree.\n\n13. States also agree.]{EU}\n';
    const s = shade(text);
    expect(s.spans[0]).toEqual([{ start: { line: 0, character: 0 }, end: { line: 2, character: 27 } }]);
    expect(s.marks[0]!.map((r) => [r.start.line, r.start.character])).toEqual([[0, 0], [2, 22]]);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const source = readFileSync('client/src/bracketShading.ts', 'utf8');

  it('contributes every colour the shading uses, for light, dark and high contrast themes', () => {
    const ids: string[] = pkg.contributes.colors.map((c: { id: string }) => c.id);
    const used = new Set<string>();
    for (const [, id] of source.matchAll(/color\(`?'?([A-Za-z${}]+)/g)) {
      for (let n = 1; n <= SHADED_DEPTHS; n++) used.add(`negotext.bracket.${id!.replace('${n}', String(n))}`);
    }
    expect([...used].sort()).toEqual([...ids].sort());
    for (const c of pkg.contributes.colors) expect(Object.keys(c.defaults).sort()).toEqual(['dark', 'highContrast', 'highContrastLight', 'light']);
  });

  it('declares the setting that turns shading off, on by default', () => {
    expect(pkg.contributes.configuration.properties['negotext.shadeBrackets']).toMatchObject({ type: 'boolean', default: true });
    expect(source).toContain("SHADE_SETTING = 'negotext.shadeBrackets'");
  });
});
