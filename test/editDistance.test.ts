import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../server/src/core/editDistance';

/** Optimal string alignment distance, uncapped, straight from its definition. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('counts a changed, added, dropped or swapped character as one edit', () => {
    expect(editDistance('A/76/135', 'A/76/135', 1)).toBe(0);
    expect(editDistance('A/76/135', 'A/76/136', 1)).toBe(1);
    expect(editDistance('A/76/135', 'A/76/1355', 1)).toBe(1);
    expect(editDistance('A/76/135', 'A/7/135', 1)).toBe(1);
    expect(editDistance('A/76/135', 'A/67/135', 1)).toBe(1);
    expect(editDistance('VENEZUELA', 'VENZEULA', 3)).toBe(2);
  });

  it('is the optimal string alignment distance, capped at limit + 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', '7'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(reference(a, b), limit + 1));
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});
