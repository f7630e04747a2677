// Types of syntaxes/negotext.grammar.mjs, for test/grammar.test.ts.
export interface ProposerRegistry {
  entries: { name: string; aliases?: string[] }[];
}
export const grammarPath: string;
export function longNames(registry?: ProposerRegistry): string[];
export function grammar(registry?: ProposerRegistry): Record<string, unknown>;
export function render(registry?: ProposerRegistry): string;
