// A draft that is itself one of the agreed texts (a file of an agreed-texts folder, checked or
// opened as a draft) must not be reported as following itself: the checker it is checked with
// leaves out reuse of its own symbol, and nothing else.
import type { BlockResult, LocalDiagnostic } from '../blockAnalysis';
import type { ReferenceChecker } from '../referenceChecker';

export function notFollowing(inner: ReferenceChecker, own: string): ReferenceChecker {
  const isOwn = (d: LocalDiagnostic) => d.code === 'agreed-language' && (d.data as { symbol?: unknown } | undefined)?.symbol === own;
  // The same list for the same block's list: the diagnostics of unchanged blocks stay the same objects.
  const filtered = new WeakMap<LocalDiagnostic[], LocalDiagnostic[]>();
  return {
    get version() {
      return inner.version;
    },
    known: (symbol: string) => inner.known(symbol),
    hasText: (symbol: string) => inner.hasText?.(symbol) ?? false,
    checkBlock(block: BlockResult, cited: ReadonlySet<string>, own?: string, asOf?: string): LocalDiagnostic[] {
      const all = inner.checkBlock(block, cited, own, asOf);
      if (!all.some(isOwn)) return all;
      let out = filtered.get(all);
      if (!out) filtered.set(all, (out = all.filter((d) => !isOwn(d))));
      return out;
    },
  };
}
