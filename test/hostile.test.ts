// Hostile input never crashes or hangs the core: each case returns an
// analysis with diagnostics. Time bounds are generous (the benchmark measures
// speed); what they catch is a quadratic blow-up or a hang.
import { describe, expect, it } from 'vitest';
import { analyze, DraftDocument, analysisOf } from '../server/src/core/index';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('hostile input', () => {
  it('10 MB on one line', () => {
    const line = 'States [should]{EU} act and recall A/76/135, para. 6 [and]'.repeat(180_000);
    const { value, ms } = timed(() => analyze(line));
    expect(value.paragraphs.length).toBe(1);
    expect(value.brackets.length).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(20_000);
  });

  it('100 000 nested brackets, closed and unclosed', () => {
    const n = 100_000;
    const closed = analyze('1. ' + '['.repeat(n) + 'x' + ']'.repeat(n));
    expect(closed.brackets.length).toBe(n);
    expect(Math.max(...closed.brackets.map((b) => b.depth))).toBe(n);
    const open = analyze('1. text ' + '['.repeat(n));
    expect(open.diagnostics.filter((d) => d.code === 'unbalanced-bracket').length).toBe(n);
  });

  it('NUL and control bytes, lone surrogates, BOM in the middle', () => {
    const text = '1. A\u0000B [x\u0001]{EU} \ud800 and \udc00 [y]\ufeff{Mexico}\n\n2. \u0007[\u001b]';
    const a = analyze(text);
    expect(a.paragraphs.map((p) => p.label)).toEqual(['1', '2']);
    expect(a.brackets.length).toBe(3);
  });

  it('CR-only line ends count as lines', () => {
    const a = analyze('1. One [a]{EU}.\r\r2. Two [b\r\r3. Three.');
    expect(a.paragraphs.map((p) => [p.label, p.range.start.line])).toEqual([['1', 0], ['2', 2], ['3', 4]]);
    expect(a.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['unbalanced-bracket', 2]]);
  });

  it('a file of only brackets', () => {
    const text = '[]]['.repeat(250_000);
    const { value, ms } = timed(() => analyze(text));
    expect(value.diagnostics.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(20_000);
  });

  it('regex-hostile runs', () => {
    for (const text of ['A/'.repeat(50_000), '– '.repeat(50_000), '[a – '.repeat(20_000), '{'.repeat(100_000), '"'.repeat(100_000), '1.'.repeat(50_000)]) {
      const { ms } = timed(() => analyze(text));
      expect(ms).toBeLessThan(10_000);
    }
  });

  it('100 000 paragraphs, and an edit in the middle of them', () => {
    // Numbering restarts under each heading, as in a long compilation text.
    const text = Array.from({ length: 100_000 }, (_, i) => `${i % 1000 === 0 ? `# Part ${i / 1000 + 1}\n` : ''}${(i % 1000) + 1}. Paragraph [text]{EU}.`).join('\n');
    const doc = new DraftDocument(text);
    doc.update([{ range: { start: { line: 50_100, character: 4 }, end: { line: 50_100, character: 4 } }, text: 'x' }]);
    expect(doc.stats.blocksAnalysed).toBeLessThanOrEqual(2);
    expect(analysisOf(doc).paragraphs.length).toBe(100_000);
  });
});
