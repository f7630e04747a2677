// The small YAML subset drafts use in front matter: `key: value` lines,
// quoted strings, booleans, numbers and `- item` lists. Unknown keys are kept;
// a line that is not YAML is kept under its text, never an error.

export type FrontMatterValue = string | number | boolean | null | FrontMatterValue[];

function scalar(raw: string): FrontMatterValue {
  const v = raw.trim();
  if (v === '' || v === '~' || v === 'null') return null;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  const q = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^']|'')*)'$/.exec(v);
  if (q) return q[1] !== undefined ? q[1].replace(/\\(.)/g, '$1') : q[2].replace(/''/g, "'");
  if (v.startsWith('[') && v.endsWith(']')) {
    return v.slice(1, -1).split(',').map((s) => scalar(s)).filter((s) => s !== null);
  }
  return v;
}

/** Parse the text of a front-matter block, fences included. */
export function parseFrontMatter(block: string): Record<string, FrontMatterValue> {
  const out: Record<string, FrontMatterValue> = {};
  const lines = block.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let lastKey: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^(---|\.\.\.)\s*$/.test(line)) break;
    if (/^\s*(#|$)/.test(line)) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && lastKey) {
      const cur = out[lastKey];
      out[lastKey] = Array.isArray(cur) ? [...cur, scalar(item[1])] : [scalar(item[1])];
      continue;
    }
    const kv = /^([^\s:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(line);
    if (kv) {
      lastKey = kv[1];
      out[lastKey] = scalar(kv[2] ?? '');
    }
  }
  return out;
}
