// A draft dated in its front matter reuses only language agreed by then: a draft of an agreement
// does not "follow" the decision that later adopted it (found using the extension on the Paris drafts).
import { describe, expect, it } from 'vitest';
import { AgreedChecker, analysisOf, analyze, DraftDocument } from '../server/src/core/index';

const PARA = 'Parties shall cooperate in good faith on all matters relating to the implementation of this instrument and its annexes.';
function checker(): AgreedChecker {
  const c = new AgreedChecker();
  // (the earlier text words it a little differently: a paragraph repeated word for word is indexed once)
  c.addText('early.md', `---\nsymbol: A/RES/90/1\ndate: 2020-03-01\nagreed: true\n---\n1. ${PARA.replace('good faith', 'full faith')}\n`);
  c.addText('late.md', `---\nsymbol: A/RES/95/1\ndate: 2030-03-01\nagreed: true\n---\n1. ${PARA}\n`);
  return c;
}
const follows = (text: string, c = checker()) =>
  analyze(text, { checker: c }).diagnostics.filter((d) => d.code === 'agreed-language').map((d) => (d.data as { symbol: string }).symbol).sort();

describe('reuse of language agreed by the draft\'s date', () => {
  it('without a date, every agreed text counts: the closer one is reported', () => {
    expect(follows(`1. ${PARA}\n`)).toEqual(['A/RES/95/1']);
  });

  it('with a date, only texts agreed by then', () => {
    expect(follows(`---\ndate: 2025-06-01\n---\n1. ${PARA}\n`)).toEqual(['A/RES/90/1']);
    expect(follows(`---\ndate: 2031-01-01\n---\n1. ${PARA}\n`)).toEqual(['A/RES/95/1']);
  });

  it('a date edited in the front matter re-checks the draft, as a fresh analysis would', () => {
    const c = checker();
    const text = `---\ndate: 2031-01-01\n---\n1. ${PARA}\n`;
    const doc = new DraftDocument(text);
    const symbols = () => analysisOf(doc, { checker: c }).diagnostics.filter((d) => d.code === 'agreed-language').map((d) => (d.data as { symbol: string }).symbol);
    expect(symbols()).toEqual(['A/RES/95/1']);
    doc.update([{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } }, text: '2025' }]);
    const edited = `---\ndate: 2025-01-01\n---\n1. ${PARA}\n`;
    expect(analysisOf(doc, { checker: c }).diagnostics).toEqual(analyze(edited, { checker: c }).diagnostics);
    expect(symbols()).toEqual(['A/RES/90/1']);
  });
});
