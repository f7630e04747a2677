// Quick fixes for agreed language: restore the agreed wording of a run that
// follows an agreed text with changes, and add the citation after the run
// (`agreed-language`); put the agreed wording in a quotation that departs from
// it (`quote-mismatch`).
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Position } from 'vscode-languageserver';
import type { Analysis } from '../core/index';
import type { DraftDocument } from '../core/document';
import { before, contains } from './positions';

interface DiffPart { op: 'equal' | 'insert' | 'delete'; text: string }
interface AgreedData { symbol?: string; pinpoint?: string | null; changes?: number; diff?: DiffPart[]; agreed?: string; citation?: string }

/** The agreed wording of the matched run: given, or rebuilt from the diff (agreed → draft). */
export function agreedWording(data: AgreedData): string | null {
  if (typeof data.agreed === 'string') return data.agreed;
  if (!Array.isArray(data.diff) || data.diff.length === 0) return null;
  const text = data.diff.filter((p) => p && (p.op === 'equal' || p.op === 'delete')).map((p) => String(p.text)).join('');
  return text.trim() ? text.replace(/\s+$/, '') : null;
}

export function citationOf(data: AgreedData): string | null {
  if (typeof data.citation === 'string' && data.citation) return data.citation;
  if (!data.symbol) return null;
  return data.pinpoint ? `${data.symbol}, para. ${data.pinpoint}` : data.symbol;
}

/**
 * Where a citation of the run goes: at its end, or, when that is inside a bracket, after the
 * outermost bracket around it (and its attribution): never inside text under negotiation.
 */
const JOINING_TAIL = /(?:[\s,;:]+(?:and|or|nor|but|the|a|an|of|to|in|on|for|by|with|as|at|from|that|which|its|their)(?=[\s,;:]|$))+[\s,;:]*$/i;

function citationPlace(a: Analysis, end: Position, doc?: DraftDocument): Position {
  let at = end;
  for (const b of a.brackets) {
    if (b.depth === 1 && contains(b.range, end) && before(b.range.start, end)) at = b.range.end;
  }
  if (!doc || at !== end) return at;
  // Not between `and` and its verb: a run ending in words that join (`…working group, and`) is
  // cited after the last word before them, and before the comma there.
  const from = Math.max(0, at.character - 200); // (a run's tail: the pattern stays linear on any line)
  const m = JOINING_TAIL.exec(doc.lineText(at.line).slice(from, at.character));
  return m && from + m.index > 0 && m.index > 0 ? { line: at.line, character: from + m.index } : at;
}

export function agreedFixes(uri: string, d: LspDiagnostic, doc?: DraftDocument, a?: Analysis): CodeAction[] {
  if (d.code !== 'agreed-language' || !d.data || typeof d.data !== 'object') return [];
  const data = d.data as AgreedData;
  const citation = citationOf(data);
  if (!citation) return [];
  const out: CodeAction[] = [];
  const agreed = agreedWording(data);
  // A run that takes in a bracket mark or an attribution is not restored in one edit: that
  // would delete a `[` or `]` and merge a State's proposal into agreed text. Accept or drop the
  // bracket first; the fix is offered again.
  const marks = doc ? /[[\]{}]/.test(doc.getText(d.range)) : false;
  if (agreed !== null && data.changes !== 0 && !marks) {
    out.push({
      title: `Restore the agreed wording of ${citation}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: agreed }] } },
    });
  }
  const at = a ? citationPlace(a, d.range.end, doc) : d.range.end;
  out.push({
    title: `Add the citation (${citation})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: ` (${citation})` }] } },
  });
  return out;
}

interface QuoteData { symbol?: string; pinpoint?: string | null; nearest?: string; nearestLabel?: string }

/**
 * `quote-mismatch`: replace the quotation (the diagnostic's range is the text inside the quote
 * marks) with the nearest agreed wording — only when that wording is in the paragraph cited, so
 * the citation stays true, and when the quotation holds no bracket mark or attribution.
 */
export function quoteFixes(uri: string, d: LspDiagnostic, doc?: DraftDocument): CodeAction[] {
  if (d.code !== 'quote-mismatch' || !d.data || typeof d.data !== 'object') return [];
  const data = d.data as QuoteData;
  if (typeof data.nearest !== 'string' || !data.nearest.trim() || !data.symbol) return [];
  const cited = data.pinpoint ? data.pinpoint.split(/,\s*|–/) : [];
  if (data.nearestLabel && data.pinpoint && !cited.includes(data.nearestLabel) && data.nearestLabel !== data.pinpoint) return [];
  if (doc && /[[\]{}]/.test(doc.getText(d.range))) return [];
  const citation = data.pinpoint ? `${data.symbol}, para. ${data.pinpoint}` : data.symbol;
  return [{
    title: `Quote the agreed wording of ${citation}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: d.range, newText: data.nearest }] } },
  }];
}
