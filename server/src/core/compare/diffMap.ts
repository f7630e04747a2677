// Where each stretch of an old paragraph's text went in the new one, read off
// their word diff: what bracket outcomes are decided by (bracketOutcomes.ts).
import type { DiffPart } from './compare';
import { WORD_CHAR } from './text';

const nonSpace = (s: string): number => s.replace(/\s+/g, '').length;

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && WORD_CHAR.test(String.fromCharCode(c)));

/** Where each stretch of an old text went in the new one, read off their word diff. */
export class DiffMap {
  // The parts holding old text (equal or delete), in order: start in the old text, length, start in the new.
  private readonly o: number[] = [];
  private readonly len: number[] = [];
  private readonly n: number[] = [];
  private readonly equal: boolean[] = [];
  /** Characters other than white space deleted or inserted before each part. */
  private readonly changed: number[] = [];
  /** For each old offset, the nearest kept word character before it and after it (-1 for none); made when first asked. */
  private prev?: Int32Array;
  private next?: Int32Array;

  constructor(
    private readonly oldText: string,
    readonly newLength: number,
    parts: readonly DiffPart[],
  ) {
    let i = 0;
    let j = 0;
    let changed = 0;
    for (const p of parts) {
      if (p.op === 'insert') {
        changed += nonSpace(p.text);
        j += p.text.length;
        continue;
      }
      this.o.push(i);
      this.len.push(p.text.length);
      this.n.push(j);
      this.equal.push(p.op === 'equal');
      this.changed.push(changed);
      i += p.text.length;
      if (p.op === 'equal') j += p.text.length;
      else changed += nonSpace(p.text);
    }
  }

  /** The part holding old offset `x`, or -1. */
  private find(x: number): number {
    let lo = 0;
    let hi = this.o.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.o[mid] + this.len[mid] <= x) lo = mid + 1;
      else if (this.o[mid] > x) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The new offset of old offset `x` when the diff keeps it, else -1. */
  map(x: number): number {
    const m = this.find(x);
    return m >= 0 && this.equal[m] ? this.n[m] + (x - this.o[m]) : -1;
  }

  /** Whether the old text from `x` to `y` (inclusive) is kept with nothing but white space deleted or inserted inside it. */
  kept(x: number, y: number): boolean {
    const a = this.find(x);
    const b = this.find(y);
    return a >= 0 && b >= 0 && this.equal[a] && this.equal[b] && this.changed[a] === this.changed[b];
  }

  /**
   * The stretch of new text between the kept words around old `[from, to]`:
   * from the last word kept before it to the first kept after it. What stood
   * there in the old text stands here in the new.
   */
  between(from: number, to: number): [number, number] {
    if (!this.prev || !this.next) {
      const t = this.oldText;
      const prev = (this.prev = new Int32Array(t.length + 1).fill(-1));
      const next = (this.next = new Int32Array(t.length + 1).fill(-1));
      const keptWord = new Uint8Array(t.length);
      this.o.forEach((o, m) => {
        if (this.equal[m]) for (let x = o; x < o + this.len[m]; x++) keptWord[x] = isWordCode(t.charCodeAt(x)) ? 1 : 0;
      });
      for (let x = 1; x <= t.length; x++) prev[x] = keptWord[x - 1] ? x - 1 : prev[x - 1];
      for (let x = t.length - 1; x >= 0; x--) next[x] = x + 1 < t.length && keptWord[x + 1] ? x + 1 : x + 1 < t.length ? next[x + 1] : -1;
    }
    const a = from >= 0 ? this.prev[from] : -1;
    const b = to >= 0 ? this.next[to] : -1;
    return [a >= 0 ? this.map(a) : 0, b >= 0 ? this.map(b) : this.newLength];
  }
}
