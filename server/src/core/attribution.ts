// Who proposed a bracket, in the three notations of FORMAT.md §4:
// `[text]{EU, Mexico}`, `[text – EU, Mexico]`, `[EU, Mexico: text]`.
// The dash and colon forms count only when every name resolves, so ordinary
// bracketed prose (`[ransomware – including]`) is never mistaken for one.
import type { Registry } from './registry';
import type { AttributionForm, ProposerAction } from './model';
import type { Span } from './brackets';

export interface WrittenName {
  /** Offsets of the name as written. */
  start: number;
  end: number;
  written: string;
  /** Registry name, or undefined when unknown. */
  canonical: string | undefined;
}

export interface Attribution {
  form: AttributionForm;
  names: WrittenName[];
  action: ProposerAction | null;
  /** The whole attribution as written: braces included, or `– EU` / `EU:`. */
  span: Span;
}

const ACTIONS = new Set(['delete', 'retain', 'alt', 'reserve']);
// Lower-case words that may stand inside a proposer's name ("Group of 77 and China").
const NAME_PARTICLES = new Set(['and', 'of', 'the', 'de', 'del', 'des', 'du', 'da', 'la', 'le', 'y', 'et', 'for', 'on', 'in']);

interface Item {
  start: number;
  end: number;
  text: string;
}

/** Split `s` (at `base`) at `,` and `;`, trimming each item. */
function splitItems(s: string, base: number): Item[] {
  const items: Item[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 44;
    if (c !== 44 && c !== 59) continue;
    let a = from;
    let b = i;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    items.push({ start: base + a, end: base + b, text: s.slice(a, b) });
    from = i + 1;
  }
  return items;
}

/** Remove a trailing action word from the last item. */
function takeAction(items: Item[]): ProposerAction | null {
  const last = items[items.length - 1];
  if (!last) return null;
  const m = /^(.*\S)\s+(delete|retain|alt|reserve)$/i.exec(last.text);
  if (!m) return null;
  last.text = m[1];
  last.end = last.start + m[1].length;
  return m[2].toLowerCase() as ProposerAction;
}

function resolveAll(items: Item[], registry: Registry): WrittenName[] {
  return items.map((it) => ({ start: it.start, end: it.end, written: it.text, canonical: registry.resolve(it.text) }));
}

function looksLikeName(item: string, registry: Registry): boolean {
  // FORMAT.md §4: each item starts with a capital letter or a digit, even one the registry knows (`{mexico}` is a note).
  if (!/^[\p{Lu}\d]/u.test(item)) return false;
  if (registry.resolve(item)) return true;
  if (item.includes(':')) return false;
  const words = item.split(/\s+/);
  if (words.length > 5) return false;
  // "{Placeholder for preamble}" is a note: a lower-case word that is no particle of a name.
  return words.every((w) => !/^\p{Ll}/u.test(w) || NAME_PARTICLES.has(w));
}

/** `{…}` right after `]`: an attribution, or null when it reads as an editorial note. */
export function parseBraces(text: string, braces: Span, registry: Registry): Attribution | null {
  const inner = text.slice(braces.start + 1, braces.end - 1);
  const items = splitItems(inner, braces.start + 1);
  if (items.length === 0 || items.some((it) => it.text.length === 0)) return null;
  const action = takeAction(items);
  if (items.some((it) => !looksLikeName(it.text, registry))) return null;
  return { form: 'braces', names: resolveAll(items, registry), action, span: braces };
}

const isDash = (c: number) => c === 0x2013 /* – */ || c === 0x2014 /* — */ || c === 45; /* - */
// Word puts a no-break space before a dash as often as a plain one.
const isDashSpace = (c: number) => c === 32 || c === 0xa0;

/** `text – EU, Mexico` at the end of a bracket's own text (`[from, to)`). */
export function parseSuffix(text: string, from: number, to: number, registry: Registry): Attribution | null {
  const own = text.slice(from, to);
  let at = -1;
  for (let k = own.length - 3; k >= 0; k--) {
    if (isDashSpace(own.charCodeAt(k)) && isDash(own.charCodeAt(k + 1)) && isDashSpace(own.charCodeAt(k + 2))) {
      at = k;
      break;
    }
  }
  if (at < 0) return null;
  const tailStart = at + 3;
  const tail = own.slice(tailStart);
  if (tail.length === 0 || tail.length > 300 || /[\n\r]/.test(tail)) return null;
  const items = splitItems(tail, from + tailStart);
  const action = takeAction(items);
  if (items.some((it) => it.text.length === 0 || !registry.resolve(it.text))) return null;
  let end = to;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return { form: 'suffix', names: resolveAll(items, registry), action, span: { start: from + at + 1, end } };
}

const PREFIX_RE = /^\s*([^:[\]{}\n\r]{1,150}?)\s*:(?=\s|$)/;

/** `EU, Mexico: text` at the start of a bracket's own text. */
export function parsePrefix(text: string, from: number, to: number, registry: Registry): Attribution | null {
  const m = PREFIX_RE.exec(text.slice(from, Math.min(to, from + 160)));
  if (!m) return null;
  const namesStart = from + m[0].indexOf(m[1]);
  const items = splitItems(m[1], namesStart);
  const action = takeAction(items);
  if (items.some((it) => it.text.length === 0 || !registry.resolve(it.text))) return null;
  return { form: 'prefix', names: resolveAll(items, registry), action, span: { start: namesStart, end: from + m[0].length } };
}

export function isActionWord(w: string): boolean {
  return ACTIONS.has(w.toLowerCase());
}

/** The proposers an attribution names, registry names first-come: one State written twice (`{EU, European Union}`) is one proposer. */
export function proposersOf(names: readonly { canonical?: string | null; written: string }[]): string[] {
  const all = names.map((n) => n.canonical ?? n.written);
  return all.length < 2 ? all : [...new Set(all)]; // (most name one State: no set to build on every keystroke)
}
