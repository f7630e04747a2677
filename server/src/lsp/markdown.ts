// Draft text shown in a Markdown hover as written: `*bold*`, `<b>` or `[x](y)`
// in a bracket is the draft's text, not formatting for the editor to render.
// What formats inside a line: emphasis, code, links, HTML, tables, strike-through.
const SPECIAL = /[\\`*_{}[\]<>&|~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
