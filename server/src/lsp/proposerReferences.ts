// Find references on a delegation's name in an attribution: every attribution
// of the draft that names the same proposer, in whatever form it is written
// (`{EU}`, `– European Union`, `[EU:`). An unknown name finds its own spelling.
import type { Location, Position } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import { bracketAt, contains } from './positions';

/** The places that name the proposer at `p`, in text order; null when `p` is on no proposer. */
export function proposerReferences(uri: string, a: Analysis, p: Position): Location[] | null {
  const name = bracketAt(a, p)?.names.find((n) => contains(n.range, p, true));
  if (!name) return null;
  const same = (n: { written: string; canonical: string | null }) => (name.canonical ? n.canonical === name.canonical : n.canonical === null && n.written === name.written);
  const out: Location[] = [];
  for (const b of a.brackets) for (const n of b.names) if (same(n)) out.push({ uri, range: n.range });
  return out;
}
