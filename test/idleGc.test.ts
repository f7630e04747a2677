// The server's collection after closes (server/src/lsp/idleGc.ts): once, when
// no message has come for the quiet time after a close; never while messages
// keep coming, never without a close.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullGc, idleCollector } from '../server/src/lsp/idleGc';

describe('idleCollector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('collects once the server has been quiet for 500 ms after a close, and only then', () => {
    const gc = vi.fn();
    const c = idleCollector(gc, 500, () => Date.now());
    vi.advanceTimersByTime(5000);
    expect(gc).not.toHaveBeenCalled(); // nothing closed: nothing to hand back
    c.closed();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(300);
      c.touch(); // typing in another draft
    }
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(499);
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledTimes(2); // one collection: two passes
    vi.advanceTimersByTime(10_000);
    expect(gc).toHaveBeenCalledTimes(2);
    c.closed();
    c.closed(); // closes in a burst: still one collection
    vi.advanceTimersByTime(500);
    expect(gc).toHaveBeenCalledTimes(4);
    c.closed();
    c.dispose();
    vi.advanceTimersByTime(10_000);
    expect(gc).toHaveBeenCalledTimes(4);
  });

  it('does nothing where no collection can be had', () => {
    const c = idleCollector(null);
    c.closed();
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
  });
});

describe('fullGc', () => {
  it('gets V8 a full collection without --expose-gc, and leaves the global alone', () => {
    const had = 'gc' in globalThis;
    const gc = fullGc();
    expect(typeof gc).toBe('function');
    expect(() => gc!()).not.toThrow();
    expect('gc' in globalThis).toBe(had);
  });
});
