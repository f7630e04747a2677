// Which revision to compare a draft with: the drafts of its folder, the
// previous revision first. Pure (no vscode): the file names and the first
// lines of each file in, an ordered choice out.

/** `*.draft.md` and `*.draft.txt`, the language's default file names (FORMAT.md §1). */
export const isDraftFileName = (name: string): boolean => /\.draft\.(md|txt)$/i.test(name);

/** How much of a file to read for its front matter. */
export const HEAD_BYTES = 16 * 1024;

export interface DraftInfo {
  /** The file name. */
  name: string;
  /** 0 for the unrevised original, N for Rev.N; null when nothing says. */
  revision: number | null;
  /** The revision as the front matter writes it (`Rev.2`), for titles. */
  revisionLabel: string | null;
  /** The draft's symbol without its `/Rev.N`, folded; null without one. */
  symbol: string | null;
  /** The file name without extension and revision token, folded: what revisions named alike share. */
  stem: string;
}

/** The top-level `key: value` scalars of a leading `---` front matter block; null without one. */
export function frontMatter(text: string): Record<string, string> | null {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return null;
  const out: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)\s*$/.test(line)) return out;
    const kv = /^([^\s:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(line);
    if (!kv) continue;
    let v = (kv[2] ?? '').trim();
    const q = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^']|'')*)'$/.exec(v);
    if (q) v = q[1] !== undefined ? q[1].replace(/\\(.)/g, '$1') : q[2]!.replace(/''/g, "'");
    else v = v.replace(/\s+#.*$/, '');
    out[kv[1]!.toLowerCase()] = v;
  }
  // Never closed: not front matter (the core reads it as text too).
  return null;
}

/** `Rev.2`, `Rev. 2`, `rev2`, `Revision 2`, `2` → 2. */
export function revisionNumber(s: string): number | null {
  const m = /^\s*(?:rev(?:ision)?\.?\s*)?(\d{1,4})\s*$/i.exec(s);
  return m ? Number(m[1]) : null;
}

/** The `/Rev.N` ending of a UN symbol (`A/AC.292/2025/CRP.1/Rev.2`). */
const SYMBOL_REV = /\/\s*Rev\.?\s*(\d{1,4})\s*$/i;

const foldSymbol = (s: string): string => s.replace(SYMBOL_REV, '').replace(/\s+/g, '').toUpperCase();

/** A revision token in a file name: `rev2`, `Rev.2`, `revision-2`, `r2`, `v2`, set off by separators. */
const NAME_REV = /(^|[-_. ])(?:rev(?:ision)?[-_. ]?|r|v)(\d{1,4})(?=$|[-_. ])/i;

/** A date in a file name, `paris-2015-12-04`: drafts named by the day they came out. */
const NAME_DATE = /(^|[-_. ])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=$|[-_. ])/;
/** A time of day after it, `…-2015-12-04-10h00`: two texts of one day. */
const NAME_TIME = /(^|[-_. ])([01]\d|2[0-3])[h:.]?([0-5]\d)(?=$|[-_. ])/;

const stemOf = (name: string): string => {
  const base = name.replace(/\.draft\.(md|txt)$/i, '').replace(/\.(md|txt)$/i, '');
  let stem = base.replace(NAME_REV, '$1');
  if (NAME_DATE.test(stem)) stem = stem.replace(NAME_DATE, '$1').replace(NAME_TIME, '$1');
  return stem.replace(/[-_. ]+/g, ' ').trim().toLowerCase();
};

/** What a file's name and front matter say of its revision. */
export function draftInfo(name: string, head: string): DraftInfo {
  const fm = frontMatter(head);
  const symbolText = fm?.symbol?.trim() || null;
  const stem = stemOf(name);
  const info: DraftInfo = { name, revision: null, revisionLabel: null, symbol: symbolText ? foldSymbol(symbolText) : null, stem };
  const rev = fm?.revision?.trim();
  if (rev) {
    info.revision = revisionNumber(rev);
    info.revisionLabel = rev;
    if (info.revision !== null) return info;
  }
  const symRev = symbolText ? SYMBOL_REV.exec(symbolText) : null;
  if (symRev) {
    info.revision = Number(symRev[1]);
    info.revisionLabel = `Rev.${symRev[1]}`;
    return info;
  }
  // A symbol and no revision: the original of that symbol.
  if (symbolText && !rev) {
    info.revision = 0;
    return info;
  }
  // No front matter to go by: the file name (`…-rev2`; none is the original), or the date in it,
  // the later the newer (`paris-2015-12-04` before `paris-2015-12-09`).
  // A date orders first, then a time of that day, then a revision of that text (`…-2015-12-04-rev1`).
  const base = name.replace(/\.draft\.(md|txt)$/i, '');
  const m = NAME_REV.exec(base);
  const d = NAME_DATE.exec(base);
  if (d) {
    const t = NAME_TIME.exec(base.slice(d.index + d[0].length));
    const hhmm = t ? Number(`${t[2]}${t[3]}`) : 0;
    const rev = m ? Number(m[2]) : 0;
    info.revision = Number(`${d[2]}${d[3]}${d[4]}`) * 1_000_000 + hhmm * 100 + Math.min(rev, 99);
    info.revisionLabel = `${d[2]}-${d[3]}-${d[4]}${t ? ` ${t[2]}:${t[3]}` : ''}${m ? ` Rev.${rev}` : ''}`;
    return info;
  }
  info.revision = m ? Number(m[2]) : 0;
  return info;
}

/** Two revisions of one draft: the same symbol when both have one, else file names alike but for the revision. */
export function sameDraft(a: DraftInfo, b: DraftInfo): boolean {
  if (a.symbol !== null && b.symbol !== null) return a.symbol === b.symbol;
  return a.stem === b.stem;
}

export type Role = 'previous' | 'next';

export interface Ranked {
  /** Every other draft: the default first, then the same draft's revisions newest first, then the rest, the most alike by name first. */
  ordered: DraftInfo[];
  /** The one to preselect: the previous revision, else the next; undefined when no other file is a revision of this one. */
  preselect: DraftInfo | undefined;
  role: Role | undefined;
}

/**
 * The drafts to offer for comparison with `current`, `others` being the rest
 * of its folder. The default is the previous revision (the highest below the
 * current one: Rev.2 → Rev.1 → the original); the first draft has none, and
 * then the next one is offered instead.
 */
export function rankRevisions(current: DraftInfo, others: readonly DraftInfo[]): Ranked {
  const candidates = others.filter((o) => o.name !== current.name);
  const family = candidates.filter((o) => o.revision !== null && sameDraft(current, o));
  const r = current.revision;
  let preselect: DraftInfo | undefined;
  let role: Role | undefined;
  if (r !== null) {
    const below = family.filter((o) => o.revision! < r).sort((a, b) => b.revision! - a.revision! || a.name.localeCompare(b.name));
    const above = family.filter((o) => o.revision! > r).sort((a, b) => a.revision! - b.revision! || a.name.localeCompare(b.name));
    if (below.length) [preselect, role] = [below[0], 'previous'];
    else if (above.length) [preselect, role] = [above[0], 'next'];
  }
  const byName = (a: DraftInfo, b: DraftInfo) => a.name.localeCompare(b.name);
  const rest = family.filter((o) => o !== preselect).sort((a, b) => b.revision! - a.revision! || byName(a, b));
  // The rest, the most alike by name first: `…-COP21-draft-Paris-agreement-2015-12-09` before the
  // folder's BBNJ drafts for `…-COP21-Paris-agreement-2015-12-12-FCCC-CP-2015-L.9-Rev.1`.
  // Words of two letters or more: numbers (`9` of `L.9`) and single letters say nothing of a draft.
  const wordsOf = (stem: string): string[] => stem.split(' ').filter((w, i, all) => /[a-z]{2}/.test(w) && all.indexOf(w) === i);
  const words = new Set(wordsOf(current.stem));
  const shared = new Map(candidates.map((o) => [o, wordsOf(o.stem).filter((w) => words.has(w)).length]));
  const others2 = candidates.filter((o) => o !== preselect && !family.includes(o)).sort((a, b) => shared.get(b)! - shared.get(a)! || byName(a, b));
  return { ordered: [...(preselect ? [preselect] : []), ...rest, ...others2], preselect, role };
}

/**
 * Which is old and which new: by revision when both are known and differ,
 * else the picked file is the old one (the command compares *with* a revision).
 */
export function orient<T extends { revision: number | null }>(current: T, other: T): { old: T; new: T } {
  if (current.revision !== null && other.revision !== null && other.revision > current.revision) return { old: current, new: other };
  return { old: other, new: current };
}

/** How a draft is named in a title: its revision (`Rev.1`), else its file name. */
export function shortName(d: DraftInfo): string {
  return d.revisionLabel ?? d.name;
}

/** "Rev.1 ↔ Rev.2" when both revisions are labelled and distinct, else the file names. */
export function comparisonTitle(oldInfo: DraftInfo, newInfo: DraftInfo): string {
  if (oldInfo.revisionLabel && newInfo.revisionLabel && oldInfo.revisionLabel !== newInfo.revisionLabel) {
    return `${oldInfo.revisionLabel} ↔ ${newInfo.revisionLabel}`;
  }
  if (oldInfo.revision === 0 && newInfo.revisionLabel && oldInfo.symbol !== null) return `Original ↔ ${newInfo.revisionLabel}`;
  return `${oldInfo.name} ↔ ${newInfo.name}`;
}

/**
 * The file name offered for a saved comparison report: `oewg-rev1_to_oewg-rev2.html` for
 * `oewg-rev1.draft.md` and `oewg-rev2.draft.md`; characters file systems refuse become `-`.
 */
export function reportFileName(oldName: string, newName: string): string {
  const base = (n: string) => n.replace(/\.draft\.(md|txt)$/i, '').replace(/\.(md|txt)$/i, '');
  return `${base(oldName)}_to_${base(newName)}.html`.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-');
}

/** The quick pick's description of a draft: its revision and symbol as found. */
export function describeDraft(d: DraftInfo, role: Role | undefined): string {
  const parts: string[] = [];
  if (role === 'previous') parts.push('previous revision');
  else if (role === 'next') parts.push('next revision');
  if (d.revisionLabel) parts.push(d.revisionLabel);
  else if (d.revision === 0 && d.symbol !== null) parts.push('original');
  return parts.join(' · ');
}
