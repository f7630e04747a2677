// Brackets that span whole paragraphs. Only a bracket opening before a
// paragraph's label or at the very start of its text may do so; it is closed
// by the first `]` that no bracket of its own paragraph claims. One pass with
// a stack over the blocks' summaries, so it is cheap to rerun.
import type { BlockResult } from './blockAnalysis';

export interface SpanPair {
  openBlock: number;
  bracket: number;
  closeBlock: number;
  stray: number;
}

export interface SpanResolution {
  pairs: SpanPair[];
  /** Spanning brackets open where each block starts. */
  depthAtStart: Int32Array;
  /** block → bracket index → pair index. */
  byOpener: Map<number, Map<number, number>>;
  /** block → stray index → pair index. */
  byCloser: Map<number, Map<number, number>>;
  unmatchedOpeners: { block: number; bracket: number }[];
  unmatchedStrays: { block: number; stray: number }[];
}

function put(map: Map<number, Map<number, number>>, a: number, b: number, v: number): void {
  let m = map.get(a);
  if (!m) map.set(a, (m = new Map()));
  m.set(b, v);
}

export function resolveSpans(results: readonly BlockResult[]): SpanResolution {
  const pairs: SpanPair[] = [];
  const byOpener = new Map<number, Map<number, number>>();
  const byCloser = new Map<number, Map<number, number>>();
  const unmatchedStrays: { block: number; stray: number }[] = [];
  const stack: { block: number; bracket: number }[] = [];
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    // A block's stray `]` all come before its spanning openers: an opener
    // at the start would have claimed any `]` after it.
    for (let s = 0; s < r.strays.length; s++) {
      const open = stack.pop();
      if (!open) {
        unmatchedStrays.push({ block: k, stray: s });
        continue;
      }
      const idx = pairs.length;
      pairs.push({ openBlock: open.block, bracket: open.bracket, closeBlock: k, stray: s });
      put(byOpener, open.block, open.bracket, idx);
      put(byCloser, k, s, idx);
    }
    for (let b = 0; b < r.brackets.length; b++) if (r.brackets[b].spans) stack.push({ block: k, bracket: b });
  }
  const depthAtStart = new Int32Array(results.length);
  const diff = new Int32Array(results.length + 1);
  for (const p of pairs) {
    diff[p.openBlock + 1]++;
    diff[p.closeBlock + 1]--;
  }
  let d = 0;
  for (let k = 0; k < results.length; k++) {
    d += diff[k];
    depthAtStart[k] = d;
  }
  return { pairs, depthAtStart, byOpener, byCloser, unmatchedOpeners: stack, unmatchedStrays };
}
