// Quick fixes for `agreed-language`: restore the agreed wording of a run that
// follows an agreed text with changes, and add the citation after the run.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';

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

export function agreedFixes(uri: string, d: LspDiagnostic): CodeAction[] {
  if (d.code !== 'agreed-language' || !d.data || typeof d.data !== 'object') return [];
  const data = d.data as AgreedData;
  const citation = citationOf(data);
  if (!citation) return [];
  const out: CodeAction[] = [];
  const agreed = agreedWording(data);
  if (agreed !== null && data.changes !== 0) {
    out.push({
      title: `Restore the agreed wording of ${citation}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: agreed }] } },
    });
  }
  out.push({
    title: `Add the citation (${citation})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [uri]: [{ range: { start: d.range.end, end: d.range.end }, newText: ` (${citation})` }] } },
  });
  return out;
}
