// Semantic tokens: brackets by depth and kind, proposer names, paragraph
// labels and references. The grammar colours what it can; these are exact.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis, Range } from '../core/index';

export const TOKEN_TYPES = ['bracket', 'proposer', 'paragraphLabel', 'reference'] as const;
export const TOKEN_MODIFIERS = ['depth1', 'depth2', 'depth3', 'depth4', 'alternative', 'deletion', 'placeholder', 'unknown', 'unclosed'] as const;

export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Token {
  line: number;
  char: number;
  length: number;
  type: number;
  mods: number;
}

function mods(list: Modifier[]): number {
  let m = 0;
  for (const x of list) m |= 1 << TOKEN_MODIFIERS.indexOf(x);
  return m;
}

export function semanticTokens(a: Analysis, within?: Range): SemanticTokens {
  const tokens: Token[] = [];
  const push = (r: Range, type: TokenType, modifiers: Modifier[] = []) => {
    // Tokens are single-line: a token across lines is left to the grammar.
    if (r.start.line !== r.end.line || r.end.character <= r.start.character) return;
    if (within && (r.end.line < within.start.line || r.start.line > within.end.line)) return;
    tokens.push({ line: r.start.line, char: r.start.character, length: r.end.character - r.start.character, type: TOKEN_TYPES.indexOf(type), mods: mods(modifiers) });
  };
  for (const b of a.brackets) {
    const m: Modifier[] = [`depth${Math.min(4, b.depth)}` as Modifier];
    if (b.kind !== 'text') m.push(b.kind as Modifier);
    if (!b.closed) m.push('unclosed');
    push(b.openRange, 'bracket', m);
    if (b.closeRange) push(b.closeRange, 'bracket', m);
    for (const n of b.names) push(n.range, 'proposer', n.canonical ? [] : ['unknown']);
  }
  for (const p of a.paragraphs) if (p.labelRange) push(p.labelRange, 'paragraphLabel');
  for (const r of a.references) push(r.range, 'reference');
  tokens.sort((x, y) => x.line - y.line || x.char - y.char);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const t of tokens) {
    // Overlapping tokens are not allowed: keep the first.
    if (t.line === lastLine && t.char < lastEnd) continue;
    data.push(t.line - line, t.line === line ? t.char - char : t.char, t.length, t.type, t.mods);
    line = t.line;
    char = t.char;
    lastLine = t.line;
    lastEnd = t.char + t.length;
  }
  return { data };
}
