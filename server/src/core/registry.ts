// The proposer registry (FORMAT.md §4): who may be named as the proposer of a
// bracket. Data lives in data/proposers.json so it can be extended by hand;
// this module only indexes it. Pure: no fs, no editor APIs.
import data from './data/proposers.json';
import { editDistance } from './editDistance';

export type ProposerKind = 'member' | 'observer' | 'union' | 'group';

export interface ProposerEntry {
  name: string;
  kind: ProposerKind;
  aliases: string[];
  members?: string[];
}

interface RawData {
  caseSensitive?: string[];
  entries: { name: string; kind: string; aliases?: string[]; members?: string[] }[];
}

const raw = data as RawData;

// Frozen once and shared by every Registry: entry() hands them out directly.
const ENTRIES: readonly ProposerEntry[] = raw.entries.map((e) =>
  Object.freeze({
    name: e.name,
    kind: e.kind as ProposerKind,
    aliases: Object.freeze([...(e.aliases ?? [])]) as string[],
    ...(e.members ? { members: Object.freeze([...e.members]) as string[] } : {}),
  }),
);

const CASE_SENSITIVE = new Set(raw.caseSensitive ?? []);

// Short all-caps acronyms (US, UK, EU, NAM, AGN) match only as written, so
// the English words "us", "am", "eu" never turn into proposers.
const SHORT_ACRONYM = /^[A-Z]{2,3}$/;
const isCaseSensitive = (key: string): boolean => SHORT_ACRONYM.test(key) || CASE_SENSITIVE.has(key);

// \s already covers NBSP, narrow NBSP and the other Unicode spaces Word pastes.
const NEEDS_SPACE_FOLD = /^\s|\s$|[^\S ]|\s\s|\u200b/;
const SPACE_RUN = /[\s\u200b]+/g;
const HAS_APOSTROPHE = /[\u2018\u2019\u201b\u02bc\u2032\u00b4`]/;
const APOSTROPHE = /[\u2018\u2019\u201b\u02bc\u2032\u00b4`]/g;
const HAS_DASH = /[\u2010\u2011\u2012\u2013\u2014\u2212]/;
const DASH = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const LEADING_THE = /^the /i;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARK = /[\u0300-\u036f]/g;

/** Case-preserving normalisation; each step only runs (and allocates) when needed. */
function tidy(s: string): string {
  if (NEEDS_SPACE_FOLD.test(s)) s = s.replace(SPACE_RUN, ' ').trim();
  if (HAS_APOSTROPHE.test(s)) s = s.replace(APOSTROPHE, "'");
  if (HAS_DASH.test(s)) s = s.replace(DASH, '-');
  if (s.length > 4 && (s.charCodeAt(0) | 32) === 116 && LEADING_THE.test(s)) s = s.slice(4);
  return s;
}

/** Case- and accent-insensitive key of a tidied string ("Türkiye" = "turkiye"). */
function fold(tidied: string): string {
  let s = tidied.toLowerCase();
  if (NON_ASCII.test(s)) s = s.normalize('NFD').replace(COMBINING_MARK, '');
  return s;
}


export class Registry {
  /** Names exactly as listed: the common case costs one Map lookup and no folding. */
  private readonly exact = new Map<string, string>();
  /** Case-sensitive keys (short acronyms), after tidy(). */
  private readonly cased = new Map<string, string>();
  /** Everything else, after fold(tidy()). */
  private readonly folded = new Map<string, string>();
  private readonly byName = new Map<string, ProposerEntry>();
  private readonly groups = new Map<string, string[]>();
  private readonly labels: { label: string; canonical: string }[] = [];
  /** Folded label → canonical, in data order, for suggest(). */
  private readonly suggestKeys: { key: string; canonical: string }[] = [];

  constructor(extraAliases?: Record<string, string>) {
    for (const e of ENTRIES) this.byName.set(e.name, e);
    const userLabels: { label: string; canonical: string }[] = [];
    for (const e of ENTRIES) this.index(e.name, e.name);
    for (const e of ENTRIES) for (const a of e.aliases) this.index(a, e.name);
    for (const [alias, target] of Object.entries(extraAliases ?? {})) {
      if (typeof alias !== 'string' || typeof target !== 'string' || !alias.trim()) continue;
      // The target may itself be an alias ("Russia"); unknown targets are ignored.
      const canonical = this.resolve(target);
      if (canonical === undefined) continue;
      this.index(alias.trim(), canonical);
      userLabels.push({ label: alias.trim(), canonical });
    }
    // Again, last, so that no alias (a user's above all) can capture a canonical name.
    for (const e of ENTRIES) this.index(e.name, e.name);

    // Canonical names first, then aliases; a label overridden by a user alias is listed once, as overridden.
    const seen = new Set<string>();
    for (const l of [
      ...ENTRIES.map((e) => ({ label: e.name, canonical: e.name })),
      ...ENTRIES.flatMap((e) => e.aliases.map((a) => ({ label: a, canonical: e.name }))),
      ...userLabels,
    ]) {
      if (seen.has(l.label) || this.resolve(l.label) !== l.canonical) continue;
      seen.add(l.label);
      this.labels.push(l);
      this.suggestKeys.push({ key: fold(tidy(l.label)), canonical: l.canonical });
    }

    for (const e of ENTRIES) {
      if ((e.kind !== 'group' && e.kind !== 'union') || !e.members) continue;
      for (const m of e.members) {
        const list = this.groups.get(m);
        if (!list) this.groups.set(m, [e.name]);
        else if (!list.includes(e.name)) list.push(e.name);
      }
    }
  }

  private index(label: string, canonical: string): void {
    this.exact.set(label, canonical);
    const t = tidy(label);
    if (isCaseSensitive(t)) this.cased.set(t, canonical);
    else this.folded.set(fold(t), canonical);
  }

  /** Canonical name for a name as written, or undefined. */
  resolve(written: string): string | undefined {
    const hit = this.exact.get(written);
    if (hit !== undefined) return hit;
    const t = tidy(written);
    if (t.length === 0) return undefined;
    return this.cased.get(t) ?? this.folded.get(fold(t));
  }

  /** Up to `max` canonical names closest to an unknown name, best first, without duplicates. */
  suggest(written: string, max = 3): string[] {
    const q = fold(tidy(written));
    if (q.length === 0 || max <= 0) return [];
    // `{G77 & China}`: a name written with `&` for its `and`.
    const anded = written.includes('&') ? this.resolve(written.replace(/\s*&\s*/g, ' and ')) : undefined;
    if (anded) return [anded];
    // `{EU and Mexico}`: names joined by a word where FORMAT.md §4 wants a comma.
    const split = this.splitNames(written);
    if (split) return [split.join(', ')];
    // "Remotely close": at most ~60% of the query edited, so a garbled name still
    // finds neighbours but "xq" does not match every two-letter acronym.
    const limit = Math.max(1, Math.floor(q.length * 0.6));
    const best = new Map<string, number>();
    for (const { key, canonical } of this.suggestKeys) {
      let d = editDistance(q, key, limit);
      // A truncated name ("Venez") is as good as a one-letter typo.
      if (d > 1 && q.length >= 3 && key.startsWith(q)) d = 1;
      // So is a name without its first words ("Macedonia" for North Macedonia).
      if (d > 1 && q.length >= 4 && (` ${key} `).includes(` ${q} `)) d = 1;
      // Rewriting the whole of a short key is no resemblance.
      if (d > limit || d >= key.length) continue;
      const seen = best.get(canonical);
      if (seen === undefined || d < seen) best.set(canonical, d);
    }
    // Stable sort keeps data order (States before groups) among equal distances.
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
    // Beside a name one typo away ("Russa"), names three edits away (Cuba) are noise: keep only the
    // best; when nothing is that close, those within one edit of the best.
    const d0 = ranked[0]?.[1] ?? 0;
    return ranked
      .filter(([, d]) => (d0 <= 1 ? d === d0 : d <= d0 + 1))
      .slice(0, max)
      .map(([name]) => name);
  }

  /**
   * The canonical names of `EU and Mexico`, `Bosnia and Herzegovina & Chile`: every part between
   * ` and ` / ` & ` resolving, parts rejoined where a name holds the word itself; null otherwise.
   */
  splitNames(written: string): string[] | null {
    const parts = tidy(written).split(/\s+(and|&)\s+/);
    if (parts.length < 3 || parts.length > 21) return null;
    // parts: name, joiner, name, joiner, …; best[i]: the fewest names that make parts[0..i) (i
    // even), or null: `G77 and China and EU` is two names, not G77, China and EU.
    const best: (string[] | null)[] = [[]];
    for (let i = 2; i <= parts.length + 1; i += 2) {
      best[i] = null;
      for (let j = i - 2; j >= 0; j -= 2) {
        const before = best[j];
        const name = before && this.resolve(parts.slice(j, i - 1).join(' ').replace(/ & /g, ' and '));
        if (name && (!best[i] || before.length + 1 < best[i]!.length)) best[i] = [...before, name];
      }
    }
    const names = best[parts.length + 1];
    const distinct = names ? [...new Set(names)] : [];
    return distinct.length > 1 ? distinct : null;
  }

  entry(canonical: string): ProposerEntry | undefined {
    return this.byName.get(canonical);
  }

  /** Canonical names of the groups (kind 'group' or 'union') that list this canonical name among members. */
  groupsOf(canonical: string): string[] {
    return this.groups.get(canonical)?.slice() ?? [];
  }

  /** Every name a user might type (canonical names and aliases) with its canonical target, for completion. */
  completions(): { label: string; canonical: string }[] {
    return this.labels.map((l) => ({ ...l }));
  }
}

export const defaultRegistry: Registry = new Registry();
