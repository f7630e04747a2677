// One slice of long work: at most SLICE_MS before the server turns to the
// messages that came meanwhile (see core/steps.ts).
import { advance, type Steps } from '../core/steps';

const SLICE_MS = 10;

/** A slice starting now: true once it is over. */
export function sliceOver(): () => boolean {
  const until = performance.now() + SLICE_MS;
  return () => performance.now() > until;
}

/** Advances `steps` for one slice: their result if they ended in it, else undefined. */
export function runSlice<T>(steps: Steps<T>): { value: T } | undefined {
  return advance(steps, sliceOver());
}
