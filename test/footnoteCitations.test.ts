// A paragraph that cites agreed language through a footnote (`…Agreement[^1].` ⏎ `[^1]: See
// resolution 99/1.`), as UN resolutions cite, cites it: its reuse of that language is no
// `agreed-language` finding. Found by a legal officer's audit; kept right through edits.
import { describe, expect, it } from 'vitest';
import { AgreedChecker, analysisOf, analyze, DraftDocument } from '../server/src/core/index';

const AGREED = '---\nsymbol: A/RES/99/1\nagreed: true\n---\n1. Emphasizes the importance of the early entry into force and effective implementation of the Agreement on marine biological diversity.\n';
const RUN = 'Emphasizes the importance of the early entry into force and effective implementation of the Agreement';

function checker(): AgreedChecker {
  const c = new AgreedChecker();
  c.addText('agreed.md', AGREED);
  return c;
}
const reuse = (text: string, c = checker()) => analyze(text, { checker: c }).diagnostics.filter((d) => d.code === 'agreed-language').map((d) => d.message);

describe('citations in footnotes', () => {
  it('a footnote the paragraph marks cites for it', () => {
    expect(reuse(`1. ${RUN}[^1].\n\n[^1]: See resolution 99/1.\n`)).toEqual([]);
  });

  it('a footnote it does not mark, or one citing another document, does not', () => {
    expect(reuse(`1. ${RUN}.\n\n[^1]: See resolution 99/1.\n`)).toEqual(['This paragraph follows A/RES/99/1, para. 1, unchanged.']);
    expect(reuse(`1. ${RUN}[^1].\n\n[^1]: See resolution 98/1.\n`)).toEqual(['This paragraph follows A/RES/99/1, para. 1, unchanged.']);
  });

  // (found trying to break it: every definition of a repeated label counted, and labels were compared by case)
  it("a label's first definition is its footnote, whatever the case of the label", () => {
    expect(reuse(`1. ${RUN}[^1].\n\n[^1]: A note.\n\n[^1]: See resolution 99/1.\n`)).toEqual(['This paragraph follows A/RES/99/1, para. 1, unchanged.']);
    expect(reuse(`1. ${RUN}[^Note].\n\n[^note]: See resolution 99/1.\n`)).toEqual([]);
  });

  it('editing the footnote alone re-checks the paragraph marking it, as a fresh analysis would', () => {
    const c = checker();
    const text = `1. ${RUN}[^1].\n\n[^1]: See resolution 98/1.\n`;
    const doc = new DraftDocument(text);
    expect(analysisOf(doc, { checker: c }).diagnostics.filter((d) => d.code === 'agreed-language')).toHaveLength(1);
    // `98/1` → `99/1` in the footnote (line 2: `[^1]: See resolution 98/1.`)
    const at = { line: 2, character: '[^1]: See resolution 9'.length };
    doc.update([{ range: { start: at, end: { line: 2, character: at.character + 1 } }, text: '9' }]);
    const edited = `1. ${RUN}[^1].\n\n[^1]: See resolution 99/1.\n`;
    expect(analysisOf(doc, { checker: c }).diagnostics).toEqual(analyze(edited, { checker: c }).diagnostics);
    expect(analysisOf(doc, { checker: c }).diagnostics.filter((d) => d.code === 'agreed-language')).toEqual([]);
  });
});
