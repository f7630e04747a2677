// Long work in the core — building a large draft, collecting its diagnostics,
// comparing two revisions — is a generator that yields between slices of it.
// The one-go functions drain it; the server advances it a slice per turn of its
// event loop, so that it keeps answering meanwhile.
export type Steps<T> = Generator<void, T, void>;

/** Runs the work to its end. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the work until it ends — its result — or until `stop()` says so between two steps: undefined. */
export function advance<T>(steps: Steps<T>, stop: () => boolean): { value: T } | undefined {
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value };
    if (stop()) return undefined;
  }
}
