// Properties of the paragraph-by-paragraph analysis: after any sequence of
// edits, the cached incremental result equals a fresh analysis of the same
// text; analysis never throws; bracket ranges lie in the text and nest.
// test/fuzz/core.fuzz.test.ts extends these to richer drafts, raw unicode,
// batches of changes, agreed texts and compare (`npm run fuzz` runs it long).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analysisOf, diagnosticsOf, DraftDocument, type Position } from '../server/src/core/index';
import { lineStarts } from '../server/src/core/lines';
import { draftText, edit } from './support/arbitraries';

function positionOf(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** LSP cannot address the middle of a \r\n: keep edit ends off it, as clients do. */
function snap(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

const seed = 20261123;

describe('incremental analysis', () => {
  it('equals a fresh analysis after random edit sequences', () => {
    fc.assert(
      fc.property(draftText, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const doc = new DraftDocument(initial);
        let text = initial;
        for (const e of edits) {
          const from = snap(text, Math.floor(e.from * text.length));
          const to = snap(text, Math.min(text.length, from + e.len));
          const range = { start: positionOf(text, from), end: positionOf(text, Math.max(from, to)) };
          doc.update([{ range, text: e.insert }]);
          text = text.slice(0, from) + e.insert + text.slice(Math.max(from, to));
          expect(doc.text).toBe(text);
          // Diagnostics are cached per chunk of blocks across edits: exercise that cache as the server does.
          diagnosticsOf(doc);
        }
        expect(analysisOf(doc)).toEqual(analyze(text));
      }),
      { seed, numRuns: 400 },
    );
  });

  it('keeps diagnostics right across chunks of blocks after many edits of a long draft', () => {
    // More than 64 blocks, so that the per-chunk diagnostics cache has several chunks.
    const paras = Array.from({ length: 300 }, (_, i) => `${i + 1}. States [should]{${i % 7 ? 'EU' : 'Atlantis'}} consider A/RES/75/${i}.\n`);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let text = paras.join('\n');
        const doc = new DraftDocument(text);
        diagnosticsOf(doc);
        for (const e of edits) {
          const from = snap(text, Math.floor(e.from * text.length));
          const to = snap(text, Math.min(text.length, from + e.len));
          doc.update([{ range: { start: positionOf(text, from), end: positionOf(text, Math.max(from, to)) }, text: e.insert }]);
          text = text.slice(0, from) + e.insert + text.slice(Math.max(from, to));
          expect(diagnosticsOf(doc)).toEqual(analyze(text).diagnostics);
        }
      }),
      { seed, numRuns: 60 },
    );
  });

  it('follows a front matter fence that an edit closes, opens or stops further down (found by npm run fuzz)', () => {
    /** Apply [from, to, insert] edits one by one; after each, the document equals a fresh analysis. */
    const check = (initial: string, edits: [string, string][]) => {
      const doc = new DraftDocument(initial);
      let text = initial;
      for (const [find, insert] of edits) {
        const at = text.indexOf(find);
        expect(at, find).toBeGreaterThanOrEqual(0);
        const range = { start: positionOf(text, at), end: positionOf(text, at + find.length) };
        doc.update([{ range, text: insert }]);
        text = text.slice(0, at) + insert + text.slice(at + find.length);
        expect(analysisOf(doc), JSON.stringify(text)).toEqual(analyze(text));
      }
    };
    const unclosed = '---\ntitle: [unclosed\nfree: {x}\n# A. Introduction\n1. […] [text]{EU}\n\nMore text.\n\n---\n\n2. Last [one]{EU}.\n';
    // Closed after the heading: the heading stops it, so that is no front matter (the fuzz case).
    check(unclosed, [['1. […]', '---\nsymbol: A/1\n---\n1. […]']]);
    // The heading removed: the fence stays open until the first label.
    check(unclosed, [['# A. Introduction\n', ''], ['1. […]', 'States']]);
    // Closed before the heading, then opened again.
    check(unclosed, [['free: {x}\n', 'free: {x}\n---\n'], ['---\n#', '#']]);
    // A `# A. …` comment and an indented line inside a closed front matter, then the fence removed.
    check('---\nsymbol: A/1\nnotes: |\n  1. Check.\n# A. Old names\n---\n\n# A. Intro\n\n1. Text.\n', [['---\n\n#', '\n#'], ['Text', 'Text [x]{EU}'], ['notes: |', '---\nnotes: |']]);
    // A fence typed at the top of a draft whose only other fence is far down.
    check('Chapeau text.\n\nMore chapeau [x]{EU}.\n\n---\n\nLast.\n', [['Chapeau', '---\nChapeau'], ['Last', '1. Last']]);
  });

  it('re-analyses only the edited paragraph', () => {
    const paras = Array.from({ length: 200 }, (_, i) => `${i + 1}. States [should]{EU} consider paragraph ${i + 1}.\n`);
    const doc = new DraftDocument(paras.join('\n'));
    doc.update([{ range: { start: { line: 200, character: 10 }, end: { line: 200, character: 10 } }, text: 'x' }]);
    expect(doc.stats.blocksAnalysed).toBeLessThanOrEqual(2);
    expect(doc.stats.documentPasses).toBe(0);
    expect(analysisOf(doc)).toEqual(analyze(doc.text));
  });
});

describe('analysis of any text', () => {
  it('reads a draft with CRLF or CR line ends as the same draft with LF: same paragraphs, brackets, texts and quotations', () => {
    const view = (a: ReturnType<typeof analyze>) => ({
      paragraphs: a.paragraphs.map((p) => [p.label, p.status, p.range]),
      brackets: a.brackets.map((b) => [b.paragraph, b.range, b.kind, b.proposers, b.text]),
      references: a.references.map((r) => [r.paragraph, r.symbol, r.pinpoint, r.quote, r.range]),
      codes: a.diagnostics.map((d) => [d.code, d.range]),
    });
    fc.assert(
      fc.property(draftText, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        const want = view(analyze(lf));
        expect(view(analyze(lf.replace(/\n/g, '\r\n')))).toEqual(want);
        expect(view(analyze(lf.replace(/\n/g, '\r')))).toEqual(want);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('never throws, and bracket ranges lie inside the text and nest', () => {
    fc.assert(
      fc.property(fc.oneof(draftText, fc.string({ maxLength: 300 })), (text) => {
        const a = analyze(text);
        const starts = lineStarts(text);
        const off = (p: Position) => {
          expect(p.line).toBeLessThan(starts.length);
          const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
          expect(starts[p.line] + p.character).toBeLessThanOrEqual(lineEnd);
          return starts[p.line] + p.character;
        };
        const spans = a.brackets.map((b) => [off(b.range.start), off(b.range.end)] as const);
        for (const [s, e] of spans) expect(s).toBeLessThanOrEqual(e);
        for (let i = 0; i < spans.length; i++) {
          for (let j = i + 1; j < spans.length; j++) {
            const [a1, b1] = spans[i];
            const [a2, b2] = spans[j];
            const disjoint = b1 <= a2 || b2 <= a1;
            const nested = (a1 <= a2 && b2 <= b1) || (a2 <= a1 && b1 <= b2);
            expect(disjoint || nested, `brackets ${i} and ${j} overlap`).toBe(true);
          }
        }
        for (const d of a.diagnostics) off(d.range.start);
      }),
      { seed, numRuns: 600 },
    );
  });
});
