// The `negotext/ledger` request: every bracket of a draft for the
// extension's Brackets view and status bar.
import type { Analysis } from '../core/index';

export interface Ledger {
  uri: string;
  version: number;
  paragraphs: { total: number; agreed: number; agreedAdRef: number; pending: number };
  brackets: {
    id: string; range: Analysis['brackets'][number]['range']; paragraph: string | null; depth: number; kind: string;
    proposers: string[]; action: string | null; text: string; status: string | null; group: string | null; closed: boolean;
    /** The heading its paragraph stands under: labels repeat (every Article numbers from 1). */
    section: string | null;
  }[];
}

export function ledger(uri: string, version: number, a: Analysis): Ledger {
  const count = (s: string) => a.paragraphs.filter((p) => p.status === s).length;
  return {
    uri,
    version,
    paragraphs: { total: a.paragraphs.length, agreed: count('agreed'), agreedAdRef: count('agreed-ad-ref'), pending: count('pending') },
    brackets: a.brackets.map((b) => ({
      id: b.id, range: b.range, paragraph: b.paragraph, depth: b.depth, kind: b.kind, proposers: b.proposers,
      action: b.action, text: b.text, status: b.paragraphStatus, group: b.group, closed: b.closed,
      section: b.paragraphIndex !== null ? (a.paragraphs[b.paragraphIndex]?.section ?? null) : null,
    })),
  };
}
