// Checks a draft's references and its reuse of agreed language against the
// catalogue and the agreed texts (FORMAT.md §7–8). Results are cached per
// block analysis, so an edit re-checks only the edited paragraph.
import type { BlockResult, LocalDiagnostic } from './blockAnalysis';
import type { ReferenceChecker } from './referenceChecker';
import { AgreedIndex, type AgreedDocument, type WordDiffPart } from './agreed/index';
import { parseAgreedSymbol } from './agreed/agreedFile';
import { symbolKey } from './agreed/fold';
import { catalogueEntry } from './catalogue';
import { DraftDocument } from './document';
import { materialize } from './materialize';

/** `States [-should-] {+shall+} not …`: changed words marked, every word kept apart. */
export function formatWordDiff(diff: readonly WordDiffPart[]): string {
  const parts: string[] = [];
  for (const p of diff) {
    const t = p.text.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    parts.push(p.op === 'equal' ? t : p.op === 'delete' ? `[-${t}-]` : `{+${t}+}`);
  }
  return parts.join(' ');
}

/** Bracket marks and attribution braces blanked out, offsets kept: reuse is judged on the words. */
function wordsOnly(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\{[^{}\n]{0,200}\}/g, (m) => ' '.repeat(m.length)).replace(/[[\]]/g, ' ');
}

const NOTHING: LocalDiagnostic[] = [];

export class AgreedChecker implements ReferenceChecker {
  readonly index = new AgreedIndex();
  private cache = new WeakMap<BlockResult, LocalDiagnostic[]>();
  private sources = new Map<string, { symbol: string; file: string; title?: string; lines: Map<string, number> }>();
  /** Agreed texts indexed; with none, there is no reuse to look for. */
  private texts = 0;
  version = 0;

  /** Index an agreed text. Its symbol comes from front matter, else from its header or file name. */
  addText(fileName: string, text: string): string | undefined {
    const doc = new DraftDocument(text);
    const a = materialize(doc);
    const fm = a.frontMatter ?? {};
    const symbol = (typeof fm.symbol === 'string' && fm.symbol) || parseAgreedSymbol(fileName, text);
    if (!symbol) return undefined;
    const paragraphs: AgreedDocument['paragraphs'] = [];
    const lines = new Map<string, number>();
    for (const node of doc.nodes) {
      const r = node.result;
      if (r.kind !== 'paragraph' || !r.label) continue;
      paragraphs.push({ label: r.label.label, text: r.text.slice(r.textStart, r.contentEnd) });
      if (!lines.has(r.label.label)) lines.set(r.label.label, node.startLine);
    }
    const title = typeof fm.title === 'string' ? fm.title : undefined;
    this.index.add({ symbol, title, paragraphs });
    this.sources.set(symbolKey(symbol), { symbol, file: fileName, title, lines });
    this.texts++;
    this.version++;
    this.cache = new WeakMap();
    return symbol;
  }

  /** Where an agreed text came from, and the line of a paragraph in it (0 when not found), for go-to-definition. */
  source(symbol: string, pinpoint?: string | null): { symbol: string; file: string; title?: string; line: number } | undefined {
    const s = this.sources.get(symbolKey(symbol));
    if (!s) return undefined;
    const label = pinpoint ? pinpoint.split(/[–—-]/)[0].replace(/\s*\(.*$/, '').trim() : null;
    return { symbol: s.symbol, file: s.file, title: s.title, line: (label && s.lines.get(label)) || 0 };
  }

  /** Agreed texts indexed, by symbol. */
  get symbols(): string[] {
    return [...this.sources.values()].map((s) => s.symbol);
  }

  known(symbol: string): boolean {
    return this.index.has(symbol) || catalogueEntry(symbol) !== undefined;
  }

  checkBlock(block: BlockResult, cited: ReadonlySet<string>): LocalDiagnostic[] {
    // Most paragraphs cite nothing; with no agreed texts there is no reuse to look for either.
    if (block.references.length === 0 && this.texts === 0) return NOTHING;
    let out = this.cache.get(block);
    if (!out) this.cache.set(block, (out = this.compute(block, cited)));
    return out;
  }

  private compute(block: BlockResult, cited: ReadonlySet<string>): LocalDiagnostic[] {
    const out: LocalDiagnostic[] = [];
    for (const ref of block.references) {
      if (!this.known(ref.symbol)) {
        out.push({
          code: 'unknown-document', severity: 'information', start: ref.start, end: ref.end,
          message: `${ref.symbol} is not in the catalogue or the agreed texts.`,
        });
        continue;
      }
      if (!this.index.has(ref.symbol)) continue;
      if (ref.pinpoint && !this.index.hasParagraph(ref.symbol, ref.pinpoint)) {
        out.push({
          code: 'missing-pinpoint', severity: 'warning', start: ref.start, end: ref.end,
          message: `${ref.symbol} has no paragraph ${ref.pinpoint}.`,
          data: { symbol: ref.symbol, pinpoint: ref.pinpoint },
        });
        continue;
      }
      if (ref.quote) {
        const v = this.index.checkQuote(ref.symbol, ref.pinpoint, ref.quote);
        if (!v.ok) {
          const where = v.nearestLabel ? `${ref.symbol}, para. ${v.nearestLabel}` : ref.symbol;
          out.push({
            code: 'quote-mismatch', severity: 'warning', start: ref.quoteStart ?? ref.start, end: ref.quoteEnd ?? ref.end,
            message: `The quotation does not match ${where}${v.nearest ? `: the agreed wording is “${v.nearest}”` : ''}${v.diff ? ` (${formatWordDiff(v.diff)})` : ''}.`,
            data: { symbol: ref.symbol, pinpoint: ref.pinpoint, nearest: v.nearest, nearestLabel: v.nearestLabel, diff: v.diff },
          });
        }
      }
    }
    if (this.texts > 0 && (block.kind === 'paragraph' || block.kind === 'text')) {
      const text = wordsOnly(block.text, block.textStart, block.contentEnd);
      for (const r of this.index.findReuse(text, cited)) {
        const changes = r.changes === 0 ? 'unchanged' : `with ${r.changes} change${r.changes === 1 ? '' : 's'}`;
        out.push({
          code: 'agreed-language', severity: 'information', start: block.textStart + r.start, end: block.textStart + r.end,
          message: `Follows ${r.symbol}, para. ${r.label}, ${changes}${r.changes ? `: ${formatWordDiff(r.diff)}` : ''}.`,
          data: { symbol: r.symbol, pinpoint: r.label, changes: r.changes, diff: r.diff },
        });
      }
    }
    return out;
  }
}

/** A checker with the catalogue only: references are known or unknown, nothing more to check. */
export function catalogueChecker(): ReferenceChecker {
  return new AgreedChecker();
}
