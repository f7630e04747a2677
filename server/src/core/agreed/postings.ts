// The agreed-text index's postings: shingle hash → the places (paragraph, word) it stands at,
// in the order they were added. An open-addressing table over typed arrays: 10 MB of agreed
// text has hundreds of thousands of fingerprints, which a Map with an array per hash kept as as
// many small objects for the collector to trace; here they are a handful of flat arrays (a few
// per cent faster to build, and far fewer objects held for the life of the server).

const EMPTY = -1;

export class Postings {
  private mask = 0;
  private used = 0;
  /** per slot: the hash (non-negative, 30 bits), or EMPTY */
  private keys = new Int32Array(0);
  /** per slot: its first and last entries, and how many places it was given */
  private heads = new Int32Array(0);
  private tails = new Int32Array(0);
  private counts = new Int32Array(0);
  /** per entry: paragraph id, word index, next entry of the same slot (EMPTY at the end) */
  private pids = new Int32Array(0);
  private poss = new Int32Array(0);
  private nexts = new Int32Array(0);
  private entries = 0;

  constructor() {
    this.clear();
  }

  clear(): void {
    // Fresh slots: resize() would carry the old keys over, and more of them than the small
    // table holds leave no empty slot for find() to stop at.
    this.keys = new Int32Array(1 << 12).fill(EMPTY);
    this.heads = new Int32Array(1 << 12);
    this.tails = new Int32Array(1 << 12);
    this.counts = new Int32Array(1 << 12);
    this.mask = (1 << 12) - 1;
    this.used = 0;
    this.pids = new Int32Array(1 << 12);
    this.poss = new Int32Array(1 << 12);
    this.nexts = new Int32Array(1 << 12);
    this.entries = 0;
  }

  /** Adds a place for `hash`; past `cap` places a hash keeps only its count (it is boilerplate). */
  add(hash: number, pid: number, pos: number, cap: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
    const s = this.find(hash);
    if (this.keys[s] === EMPTY) {
      this.keys[s] = hash;
      this.heads[s] = this.tails[s] = EMPTY;
      this.counts[s] = 0;
      this.used++;
    }
    if (this.counts[s]! > cap) return;
    this.counts[s]!++;
    if (this.entries === this.pids.length) this.grow();
    const e = this.entries++;
    this.pids[e] = pid;
    this.poss[e] = pos;
    this.nexts[e] = EMPTY;
    if (this.tails[s] === EMPTY) this.heads[s] = e;
    else this.nexts[this.tails[s]!] = e;
    this.tails[s] = e;
  }

  /** The first entry for `hash`, or EMPTY; walk on with `next`. */
  first(hash: number): number {
    const s = this.find(hash);
    return this.keys[s] === EMPTY ? EMPTY : this.heads[s]!;
  }

  /** How many places `hash` was given (entries past the cap included). */
  count(hash: number): number {
    const s = this.find(hash);
    return this.keys[s] === EMPTY ? 0 : this.counts[s]!;
  }

  next(e: number): number {
    return this.nexts[e]!;
  }

  pid(e: number): number {
    return this.pids[e]!;
  }

  pos(e: number): number {
    return this.poss[e]!;
  }

  /** The slot holding `hash`, or the empty slot where it would go (linear probing). */
  private find(hash: number): number {
    let s = Math.imul(hash, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = this.keys[s]!;
      if (k === hash || k === EMPTY) return s;
      s = (s + 1) & this.mask;
    }
  }

  private resize(size: number): void {
    const [keys, heads, tails, counts] = [this.keys, this.heads, this.tails, this.counts];
    this.keys = new Int32Array(size).fill(EMPTY);
    this.heads = new Int32Array(size);
    this.tails = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const s = this.find(keys[i]!);
      this.keys[s] = keys[i]!;
      this.heads[s] = heads[i]!;
      this.tails[s] = tails[i]!;
      this.counts[s] = counts[i]!;
    }
  }

  private grow(): void {
    const n = this.pids.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.pids = copy(this.pids);
    this.poss = copy(this.poss);
    this.nexts = copy(this.nexts);
  }
}

export const NO_ENTRY = EMPTY;
