// Find references: every place that cites a document, in the open drafts and
// in the draft files of the workspace folders (`*.draft.md`, `*.draft.txt`).
// Files on disk are read with fs and analysed by the core, cached by their
// modification time; the walk skips node_modules and dot-folders and stops
// after a bounded number of files. An open draft wins over its file on disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { decodeText } from '../textFile';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { analyze, type Analysis, type Range } from '../core/index';
import { symbolKey } from '../core/agreed/fold';

export const MAX_FILES = 2000;
const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 12;
const MAX_BYTES = 10 * 1024 * 1024;
const DRAFT = /\.draft\.(md|txt)$/i;

interface Cached { mtimeMs: number; size: number; refs: { key: string; range: Range }[] }

/** The path of a file URI, or null for other schemes. */
export function uriPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}

export class WorkspaceDrafts {
  private cache = new Map<string, Cached>();

  constructor(private roots: () => readonly string[], private log: (m: string) => void = () => {}) {}

  /** Draft files under the workspace folders: bounded, deduplicated, in walk order. */
  files(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    let entries = 0;
    const walk = (dir: string, depth: number): void => {
      if (depth > MAX_DEPTH || out.length >= MAX_FILES || entries >= MAX_ENTRIES) return;
      let names: import('node:fs').Dirent[];
      try {
        names = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of names) {
        if (out.length >= MAX_FILES || ++entries > MAX_ENTRIES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && DRAFT.test(e.name) && !seen.has(p)) {
          seen.add(p);
          out.push(p);
        }
      }
    };
    for (const r of new Set(this.roots().map((x) => resolve(x)))) walk(r, 0);
    return out;
  }

  private refsOf(file: string): Cached['refs'] {
    let st;
    try {
      st = statSync(file);
    } catch {
      this.cache.delete(file);
      return [];
    }
    const old = this.cache.get(file);
    if (old && old.mtimeMs === st.mtimeMs && old.size === st.size) return old.refs;
    let refs: Cached['refs'] = [];
    if (st.size <= MAX_BYTES) {
      try {
        const a = analyze(decodeText(readFileSync(file), file, () => undefined));
        refs = a.references.map((r) => ({ key: symbolKey(r.symbol), range: r.range }));
      } catch (e) {
        this.log(`negotext: cannot read ${file}: ${(e as Error).message}`);
      }
    }
    this.cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, refs });
    return refs;
  }

  /**
   * Every reference to `symbol`: first in the open drafts (their current
   * text), then in the workspace's draft files that are not open.
   */
  references(symbol: string, open: readonly { uri: string; analysis: () => Analysis }[]): Location[] {
    const key = symbolKey(symbol);
    const out: Location[] = [];
    const openPaths = new Set<string>();
    for (const d of open) {
      const p = uriPath(d.uri);
      if (p) openPaths.add(p);
      for (const r of d.analysis().references) if (symbolKey(r.symbol) === key) out.push({ uri: d.uri, range: r.range });
    }
    for (const f of this.files()) {
      if (openPaths.has(f)) continue;
      for (const r of this.refsOf(f)) if (r.key === key) out.push({ uri: pathToFileURL(f).href, range: r.range });
    }
    return out;
  }
}
