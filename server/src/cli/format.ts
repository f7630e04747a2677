// Human-readable output of the CLI: the status table and lint-style lines.
import type { Analysis, Diagnostic } from '../core/model';
import type { StatusSummary, StatusRow } from '../core/summary';
import { cutShort, maxOf } from '../core/text';

function table(header: string[], rows: (string | number)[][], alignLeft = 1): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => maxOf(cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c < alignLeft ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** `1 paragraph`, `2 paragraphs`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Widest section name the table shows: a long heading (80–150 characters in real drafts) would push the counts off a terminal. `--json` has it whole. */
const SECTION_WIDTH = 64;

/** `s` in at most `width` characters: cut at a word where one is near, then `…`. */
function shortened(s: string, width: number): string {
  if (s.length <= width) return s;
  const cut = cutShort(s, width).slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= width * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function rowCells(r: StatusRow): (string | number)[] {
  return [shortened(r.section, SECTION_WIDTH), r.paragraphs, r.agreed, r.agreedAdRef, r.pending, r.brackets, r.alternatives, r.placeholders];
}

export function formatStatus(file: string, a: Analysis, s: StatusSummary): string {
  const fm = a.frontMatter ?? {};
  const what = [fm.symbol, fm.revision, fm.date].filter((x) => x !== undefined && x !== null).join(' · ');
  const out: string[] = [];
  out.push(`${file}${what ? ` — ${what}` : ''}`);
  const title = typeof fm.title === 'string' ? fm.title : a.title;
  if (title) out.push(title.length > 160 ? `${title.slice(0, 159)}…` : title);
  out.push('');
  const header = ['Section', 'Paragraphs', 'Agreed', 'Ad ref', 'Pending', 'Brackets', 'Alternatives', 'Placeholders'];
  const rows = s.sections.map(rowCells);
  out.push(table(header, [...rows, rowCells(s.total)]));
  const t = s.total;
  const pct = t.paragraphs ? Math.round(((t.agreed + t.agreedAdRef) / t.paragraphs) * 100) : 100;
  out.push('');
  // Ad ref paragraphs count as agreed (as in the status bar), and the line says how many of them are.
  const adRef = t.agreedAdRef ? `, ${t.agreedAdRef} of them ad ref` : '';
  out.push(`${t.agreed + t.agreedAdRef} of ${count(t.paragraphs, 'paragraph')} agreed (${pct}%)${adRef}; ${count(t.brackets, 'open bracket')}.`);
  if (s.proposers.length || s.unattributed) {
    out.push('');
    const prow = s.proposers.map((p) => [p.proposer, p.brackets, p.deletions, p.alternatives]);
    if (s.unattributed) prow.push(['(not attributed)', s.unattributed, '', '']);
    out.push(table(['Proposer', 'Brackets', 'Deletions', 'Alternatives'], prow));
  }
  const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = a.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors || warnings) {
    out.push('');
    out.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (run \`negotext check\` to list them).`);
  }
  return out.join('\n');
}

/** `file:line:col severity code message`, 1-based like compilers and linters. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
}

export function formatAnalyzeSummary(file: string, a: Analysis): string {
  const by = (s: string) => a.paragraphs.filter((p) => p.status === s).length;
  const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
  return [
    `${file}: ${count(a.paragraphs.length, 'paragraph')} (${by('agreed')} agreed, ${by('agreed-ad-ref')} ad ref, ${by('pending')} pending), ` +
      `${count(a.brackets.length, 'bracket')}, ${count(a.references.length, 'reference')}, ${count(a.diagnostics.length, 'diagnostic')} (${count(errors, 'error')})`,
  ].join('\n');
}
