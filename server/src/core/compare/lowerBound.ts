// Binary search, which bracket outcomes, cross-references, the status summary
// and the server's folding all need over things sorted by position.

/** The first index in `0..length` at which `before(i)` turns false (`before` true, then false, along the range). */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of ascending `xs` whose value is at least `x` (`xs.length` when none is). */
export function lowerBound(xs: readonly number[], x: number): number {
  return partitionPoint(xs.length, (i) => xs[i] < x);
}
