// Binary search over ascending numbers, which both bracket outcomes and cross-references need.

/** The first index of ascending `xs` whose value is at least `x` (`xs.length` when none is). */
export function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
