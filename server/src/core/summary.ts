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
  const rows = new Map<string, StatusRow>();
  const rowOf = (s: string | null) => {
    const key = s ?? NO_SECTION;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = emptyRow(key)));
    return r;
  };
  let optionGroups = 0;
  for (const p of a.paragraphs) {
    const r = rowOf(p.section);
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
  // A bracket in a heading counts in that heading's section; one in the title, before any.
  const headingOf = (b: BracketInfo): string | null => {
    const n = partitionPoint(a.sections.length, (i) => a.sections[i].range.start.line <= b.range.start.line);
    return n > 0 ? a.sections[n - 1].title : null;
  };
  const bySection = new Map<string, BracketInfo[]>();
  for (const b of a.brackets) {
    const key = (b.paragraphIndex !== null ? a.paragraphs[b.paragraphIndex].section : headingOf(b)) ?? NO_SECTION;
    let l = bySection.get(key);
    if (!l) bySection.set(key, (l = []));
    l.push(b);
  }
  for (const [key, list] of bySection) addBrackets(rowOf(key === NO_SECTION ? null : key), list);
  const total = emptyRow('Total');
  for (const r of rows.values()) {
    total.paragraphs += r.paragraphs;
    total.agreed += r.agreed;
    total.agreedAdRef += r.agreedAdRef;
    total.pending += r.pending;
  }
  addBrackets(total, a.brackets);
  total.alternatives += optionGroups;
  // Sections in document order (a section whose only brackets are in its heading included), the title's first.
  const place = new Map<string, number>([[NO_SECTION, -1]]);
  a.sections.forEach((x, i) => {
    if (!place.has(x.title)) place.set(x.title, i);
  });
  const sections = [...rows.values()].sort((x, y) => (place.get(x.section) ?? Infinity) - (place.get(y.section) ?? Infinity));
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
