// The word diff of a paragraph as a reader of a report wants it: display only.
// `compare --json` keeps the diff as compare made it (FORMAT.md §10); the HTML
// and Markdown reports show it through readableDiff.
import type { DiffPart } from '../core/compare/compare';

/** Below this share of the paragraph's words kept, the whole old paragraph is struck and the new one shown in bold. */
export const KEPT_SHARE = 0.4;
/** An unchanged run of more words than this is never folded into the changes around it. */
export const MAX_FOLD_WORDS = 5;

const WORD_START = /^[\p{L}\p{N}\p{M}]/u;
const WORD_END = /[\p{L}\p{N}\p{M}]$/u;
/** Unchanged text ending inside a word: a letter or digit, or a joiner within a word (`Rev.`, `A/79/`, `co-`). */
const ENDS_IN_WORD = /(?:[\p{L}\p{N}\p{M}]|[\p{L}\p{N}][-/.'’:])$/u;
const STARTS_IN_WORD = /^(?:[\p{L}\p{N}\p{M}]|[-/.'’:][\p{L}\p{N}])/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Words as a reader counts them: runs between spaces with a letter or digit in them (`[…]` and `–` are none). */
export const countWords = (s: string): number => s.split(/\s+/).filter((w) => HAS_WORD.test(w)).length;

type Seg = { eq: string } | { del: string; ins: string };
const isEq = (s: Seg | undefined): s is { eq: string } => s !== undefined && 'eq' in s;
const isChange = (s: Seg | undefined): s is { del: string; ins: string } => s !== undefined && 'del' in s;
const size = (c: { del: string; ins: string }): number => Math.max(c.del.length, c.ins.length);

/**
 * A word diff made readable, with the same texts: its equal+delete parts still read the old text and
 * its equal+insert parts the new. Three rules, in this order, deterministic:
 *
 * 1. Whole words. A change that begins or ends inside a word (a letter or digit of the change
 *    against a letter or digit of the unchanged text, or a joiner within a word: `A/79/`|`214`,
 *    `Rev.`|`1`) takes in the rest of that word, up to the spaces: `~~Rev.1~~ **Rev.2**`, not
 *    `Rev.~~1~~**2**`. A sign standing alone (`2026`|`,`) is not part of the word.
 * 2. Mostly rewritten. When the unchanged words are fewer than KEPT_SHARE (40 %) of the words of the
 *    longer side, the old paragraph is shown struck whole, then the new one in bold.
 * 3. Dense changes as phrases (after diff-match-patch's diff_cleanupSemantic). An unchanged run
 *    between two changes is folded into both (struck in the old phrase, bold in the new) when it
 *    has no letter or digit (`, `, `}`) and both changes replace text (delete and insert), or when
 *    one of them does and the run has at most MAX_FOLD_WORDS words and is no longer, in
 *    characters, than the larger side of the change before it and of the change after it. A run
 *    between a mere deletion and a mere insertion stays (`~~a~~ b **c**` reads well as it is): `from [dates to be added]` → `9 to 13 March …` rather than `[dates9 to be added]13 March`.
 *    Repeated until nothing folds, as each fold makes a larger change.
 */
export function readableDiff(diff: readonly DiffPart[]): DiffPart[] {
  const segs: Seg[] = [];
  const change = (del: string, ins: string): void => {
    const last = segs[segs.length - 1];
    if (isChange(last)) {
      last.del += del;
      last.ins += ins;
    } else segs.push({ del, ins });
  };
  for (const d of diff) {
    if (d.text === '') continue;
    if (d.op === 'equal') {
      const last = segs[segs.length - 1];
      if (isEq(last)) last.eq += d.text;
      else segs.push({ eq: d.text });
    } else change(d.op === 'delete' ? d.text : '', d.op === 'insert' ? d.text : '');
  }

  // 1. Whole words.
  for (let k = 0; k < segs.length; k++) {
    const c = segs[k];
    if (!isChange(c)) continue;
    const before = segs[k - 1];
    if (isEq(before) && ENDS_IN_WORD.test(before.eq) && (WORD_START.test(c.del) || WORD_START.test(c.ins))) {
      const w = /\S+$/.exec(before.eq)![0];
      before.eq = before.eq.slice(0, -w.length);
      c.del = w + c.del;
      c.ins = w + c.ins;
    }
    const after = segs[k + 1];
    if (isEq(after) && STARTS_IN_WORD.test(after.eq) && (WORD_END.test(c.del) || WORD_END.test(c.ins))) {
      const w = /^\S+/.exec(after.eq)![0];
      after.eq = after.eq.slice(w.length);
      c.del += w;
      c.ins += w;
    }
  }
  // Unchanged runs emptied by rule 1 join the changes either side of them.
  for (let k = segs.length - 1; k >= 0; k--) {
    const s = segs[k];
    if (isEq(s) && s.eq === '') segs.splice(k, 1);
    else if (isChange(s) && isChange(segs[k + 1])) {
      const next = segs[k + 1] as { del: string; ins: string };
      s.del += next.del;
      s.ins += next.ins;
      segs.splice(k + 1, 1);
    }
  }

  // 2. Mostly rewritten: the old paragraph struck whole, the new one in bold.
  const oldText = segs.map((s) => (isEq(s) ? s.eq : s.del)).join('');
  const newText = segs.map((s) => (isEq(s) ? s.eq : s.ins)).join('');
  const kept = segs.reduce((n, s) => n + (isEq(s) ? countWords(s.eq) : 0), 0);
  const longer = Math.max(countWords(oldText), countWords(newText));
  if (segs.some(isChange) && longer > 0 && kept < KEPT_SHARE * longer) return parts([{ del: oldText, ins: newText }]);

  // 3. Dense changes as phrases.
  for (let k = 1; k < segs.length - 1; ) {
    const [l, e, r] = [segs[k - 1], segs[k], segs[k + 1]];
    if (isChange(l) && isEq(e) && isChange(r)) {
      const [lr, rr] = [!!(l.del && l.ins), !!(r.del && r.ins)];
      const fold = HAS_WORD.test(e.eq)
        ? (lr || rr) && countWords(e.eq) <= MAX_FOLD_WORDS && e.eq.length <= size(l) && e.eq.length <= size(r)
        : lr && rr;
      if (fold) {
        segs.splice(k - 1, 3, { del: l.del + e.eq + r.del, ins: l.ins + e.eq + r.ins });
        k = Math.max(1, k - 2); // the larger change may now fold the run before it
        continue;
      }
    }
    k++;
  }
  return parts(segs);
}

function parts(segs: Seg[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const s of segs) {
    if (isEq(s)) {
      if (s.eq) out.push({ op: 'equal', text: s.eq });
      continue;
    }
    if (s.del) out.push({ op: 'delete', text: s.del });
    if (s.ins) out.push({ op: 'insert', text: s.ins });
  }
  return out;
}

/** Whether a readable diff replaces the whole paragraph: nothing kept, something deleted and something inserted. */
export const wholeReplacement = (diff: readonly DiffPart[]): boolean => diff.length === 2 && diff[0].op === 'delete' && diff[1].op === 'insert';
