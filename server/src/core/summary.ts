// The counts facilitators otherwise make by hand before each round: per
// section and in total, paragraphs by status, open brackets, alternatives,
// placeholders; and brackets per proposer.
import type { Analysis, BracketInfo } from './model';
import { partitionPoint } from './compare/lowerBound';

export interface StatusRow {
  section: string;
  paragraphs: number;
  agreed: number;
  agreedAdRef: number;
  pending: number;
  brackets: number;
  /** Alternative groups (each counts once, however many options it offers). */
  alternatives: number;
  placeholders: number;
  deletions: number;
}

export interface ProposerRow {
  proposer: string;
  brackets: number;
  deletions: number;
  alternatives: number;
}

export interface StatusSummary {
  sections: StatusRow[];
  total: StatusRow;
  proposers: ProposerRow[];
  /** Brackets with no attribution. */
  unattributed: number;
}

function emptyRow(section: string): StatusRow {
  return { section, paragraphs: 0, agreed: 0, agreedAdRef: 0, pending: 0, brackets: 0, alternatives: 0, placeholders: 0, deletions: 0 };
}

function addBrackets(row: StatusRow, list: readonly BracketInfo[]): void {
  const groups = new Set<string>();
  for (const b of list) {
    row.brackets++;
    if (b.kind === 'placeholder') row.placeholders++;
    if (b.kind === 'deletion') row.deletions++;
    if (b.group) groups.add(b.group);
  }
  row.alternatives += groups.size;
}

export function summarize(a: Analysis): StatusSummary {
  const NO_SECTION = '(before any heading)';
  // One row per heading, in document order, even one with no paragraph of its own (`III. Authorization`
  // above `A. …`): the table keeps the outline; and two headings of the same title stay two rows.
  const sectionAt = (line: number): number => partitionPoint(a.sections.length, (i) => a.sections[i].range.start.line <= line) - 1;
  const rows = new Map<number, StatusRow>();
  a.sections.forEach((x, i) => rows.set(i, emptyRow(x.title)));
  const rowOf = (k: number) => {
    let r = rows.get(k);
    if (!r) rows.set(k, (r = emptyRow(NO_SECTION)));
    return r;
  };
  let optionGroups = 0;
  for (const p of a.paragraphs) {
    const r = rowOf(sectionAt(p.range.start.line));
    r.paragraphs++;
    if (p.status === 'agreed') r.agreed++;
    else if (p.status === 'agreed-ad-ref') r.agreedAdRef++;
    else r.pending++;
    // `Option 1:` / `Option 2:` lines without brackets are an alternative group too (FORMAT.md §5).
    if (p.options.length >= 2) {
      r.alternatives++;
      optionGroups++;
    }
  }
  // A bracket counts in its paragraph's section; one in a heading, in that heading's; one in the title, before any.
  const bySection = new Map<number, BracketInfo[]>();
  for (const b of a.brackets) {
    const k = sectionAt(b.paragraphIndex !== null ? a.paragraphs[b.paragraphIndex].range.start.line : b.range.start.line);
    let l = bySection.get(k);
    if (!l) bySection.set(k, (l = []));
    l.push(b);
  }
  for (const [k, list] of bySection) addBrackets(rowOf(k), list);
  const total = emptyRow('Total');
  for (const r of rows.values()) {
    total.paragraphs += r.paragraphs;
    total.agreed += r.agreed;
    total.agreedAdRef += r.agreedAdRef;
    total.pending += r.pending;
  }
  addBrackets(total, a.brackets);
  total.alternatives += optionGroups;
  // Sections in document order, the title's first.
  const sections = [...rows.entries()].sort((x, y) => x[0] - y[0]).map(([, r]) => r);
  const proposers = new Map<string, ProposerRow>();
  let unattributed = 0;
  for (const b of a.brackets) {
    if (b.proposers.length === 0) unattributed++;
    for (const name of b.proposers) {
      let p = proposers.get(name);
      if (!p) proposers.set(name, (p = { proposer: name, brackets: 0, deletions: 0, alternatives: 0 }));
      p.brackets++;
      if (b.kind === 'deletion') p.deletions++;
      if (b.kind === 'alternative') p.alternatives++;
    }
  }
  return {
    sections,
    total,
    proposers: [...proposers.values()].sort((x, y) => y.brackets - x.brackets || x.proposer.localeCompare(y.proposer)),
    unattributed,
  };
}
