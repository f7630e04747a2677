// A large draft is built and checked a slice at a time in the server
// (DraftDocument.inSteps, diagnosticsOfInSteps): drained, the steps must give
// exactly what the one-go construction and collection give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisOf, compare, diagnosticsOf, diagnosticsOfInSteps, DraftDocument } from '../server/src/core/index';
import { compareInSteps } from '../server/src/core/compare/compare';
import { collectDiagnostics, diagnosticsInSteps } from '../server/src/core/diagnostics';
import { draftText } from './support/arbitraries';

function drain<T>(g: Generator<void, T, void>): { value: T; steps: number } {
  let steps = 0;
  for (;;) {
    const r = g.next();
    if (r.done) return { value: r.value, steps };
    steps++;
  }
}

describe('building and checking in steps', () => {
  it('gives the same analysis and diagnostics as doing it in one go, whatever the slice', () => {
    fc.assert(
      fc.property(draftText, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 3 }), (text, slice, chunks) => {
        const whole = new DraftDocument(text);
        const stepped = drain(DraftDocument.inSteps(text, {}, slice)).value;
        expect(stepped.text).toBe(text);
        expect(stepped.nodes.length).toBe(whole.nodes.length);
        expect(analysisOf(stepped)).toEqual(analysisOf(whole));
        const fresh = drain(DraftDocument.inSteps(text, {}, slice)).value;
        expect(drain(diagnosticsInSteps(fresh, {}, chunks)).value).toEqual(collectDiagnostics(new DraftDocument(text), {}));
        expect(drain(diagnosticsOfInSteps(drain(DraftDocument.inSteps(text, {}, slice)).value)).value).toEqual(diagnosticsOf(new DraftDocument(text)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('yields between slices of a large draft, and its edits afterwards work as on any document', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${i + 1}. States [should]{EU} [consider]{G77} norms (A/RES/73/27, para. 3).\n\n`).join('');
    const { value: doc, steps } = drain(DraftDocument.inSteps(text, {}, 500));
    expect(steps).toBeGreaterThanOrEqual(6); // the scan, then a yield per 500 of ~3000 blocks
    const stepped = drain(diagnosticsOfInSteps(doc));
    expect(stepped.steps).toBeGreaterThan(1);
    expect(stepped.value).toEqual(diagnosticsOf(new DraftDocument(text)));
    doc.update([{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '[' }]);
    const fresh = new DraftDocument(doc.text);
    expect(diagnosticsOf(doc)).toEqual(diagnosticsOf(fresh));
  });

  it('compares two long revisions in many steps, to the same result as in one go', () => {
    const para = (i: number, w: string) => `${i}. States [should]{EU} ${w} the norms of responsible State behaviour in paragraph ${i}.\n\n`;
    const a = Array.from({ length: 1500 }, (_, i) => para(i + 1, 'apply')).join('');
    const b = Array.from({ length: 1500 }, (_, i) => para(i + 2, i % 10 ? 'apply' : 'implement')).join('');
    const { value, steps } = drain(compareInSteps(a, b));
    expect(steps).toBeGreaterThan(20);
    expect(JSON.stringify(value)).toBe(JSON.stringify(compare(a, b)));
  });
});
