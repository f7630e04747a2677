// One slice of long work: at most SLICE_MS before the server turns to the
// messages that came meanwhile (see core/steps.ts).
import { advance, type Steps } from '../core/steps';

export const SLICE_MS = 10;

/** Advances `steps` for one slice: their result if they ended in it, else undefined. */
export function runSlice<T>(steps: Steps<T>): { value: T } | undefined {
  const until = performance.now() + SLICE_MS;
  return advance(steps, () => performance.now() > until);
}
