// Every real draft and agreed text of ../shared/corpus analyses without
// failing, and every `[` and `]` in it is accounted for: the opening or
// closing of a reported bracket, the place of an unbalanced-bracket error, or
// one of the things FORMAT.md §3 says is not a bracket.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/core/index';
import { lineStarts } from '../server/src/core/lines';

const corpus = join(__dirname, '..', '..', 'shared', 'corpus');
const dirs = ['drafts', 'agreed'].map((d) => join(corpus, d)).filter(existsSync);

/** Offsets of brackets that FORMAT.md §3 says are not brackets, found independently of the core. */
function notBrackets(text: string): Set<number> {
  const out = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (text[i] === '[' || text[i] === ']') out.add(i);
  };
  const defined = new Set<string>();
  for (const m of text.matchAll(/^ {0,3}\[([^\]\[^]+)\]:[ \t]*\S+.*$/gm)) {
    defined.add(m[1].trim().toLowerCase().replace(/\s+/g, ' '));
    mark(m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(/\\[\[\]]/g)) mark(m.index! + 1, m.index! + 2);
  for (const m of text.matchAll(/\[\^[^\]\s]+\]/g)) mark(m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(/\[[^\[\]]*\]\((?:https?:|mailto:|#|\/|\.\/)/g)) mark(m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(/\[([^\[\]]+)\](?:\[([^\[\]]*)\])?/g)) {
    const label = (m[2] ? m[2] : m[1]).trim().toLowerCase().replace(/\s+/g, ' ');
    if (defined.has(label)) mark(m.index!, m.index! + m[0].length);
  }
  return out;
}

function corpusFiles(): string[] {
  return dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(d, f)));
}

describe.runIf(dirs.length > 0)('real drafts', () => {
  for (const file of corpusFiles()) {
    it(file.slice(corpus.length + 1), () => {
      // The first line is the corpus's provenance note, not part of the document.
      const raw = readFileSync(file, 'utf8');
      const text = raw.slice(raw.indexOf('\n') + 1);
      const a = analyze(text);
      const starts = lineStarts(text);
      const at = (p: { line: number; character: number }) => starts[p.line] + p.character;
      const seen = new Set<number>();
      for (const b of a.brackets) {
        seen.add(at(b.openRange.start));
        if (b.closeRange) seen.add(at(b.closeRange.start));
      }
      for (const d of a.diagnostics) if (d.code === 'unbalanced-bracket') seen.add(at(d.range.start));
      const excluded = notBrackets(text);
      const unaccounted: string[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if ((c === '[' || c === ']') && !seen.has(i) && !excluded.has(i)) {
          unaccounted.push(`${i}: …${text.slice(Math.max(0, i - 30), i + 30).replace(/\s+/g, ' ')}…`);
        }
      }
      expect(unaccounted.slice(0, 10)).toEqual([]);
      // Every reported bracket position really is a bracket character.
      for (const b of a.brackets) expect(text[at(b.openRange.start)]).toBe('[');
      expect(a.paragraphs.length).toBeGreaterThan(0);
    });
  }
});
