// Memory handed back after drafts are closed. A closed draft's model is garbage at once, but
// V8 collects its old generation only when that grows again, and V8's own memory reducer
// waits 8 s and more: an editor's server idles most of the day holding tens of MB of dead
// drafts. So, once no message has come for a moment after a close, collect.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollector {
  /** A message came: the person is at work, a collection now would be a pause they feel. */
  touch(): void;
  /** A draft was closed: collect once no message has come for `quietMs`. */
  closed(): void;
  dispose(): void;
}

/** V8's full collection, or null where it cannot be had (then the collector does nothing). */
export function fullGc(): (() => void) | null {
  try {
    // Exposes `gc` to contexts created from now on; the server's own global is left as it was.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

export function idleCollector(gc: (() => void) | null, quietMs = 500, clock: () => number = () => performance.now()): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  let last = clock();
  const arm = (ms: number): void => {
    timer = setTimeout(check, ms);
    timer.unref(); // never what keeps the process alive
  };
  const check = (): void => {
    const quiet = clock() - last;
    if (quiet < quietMs) return arm(quietMs - quiet);
    timer = undefined;
    // Twice: the first finds what the closed drafts held, and finalises what must be; the second
    // frees what that left.
    gc!();
    gc!();
  };
  return {
    touch: () => { last = clock(); },
    closed: () => {
      last = clock();
      if (gc && !timer) arm(quietMs);
    },
    dispose: () => { clearTimeout(timer); timer = undefined; },
  };
}
