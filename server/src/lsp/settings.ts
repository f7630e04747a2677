// The `negotext.*` settings and what they make: a registry with the user's
// aliases, and a reference checker over the agreed-text folders.
import { existsSync, readFileSync } from 'node:fs';
import { decodeText } from '../textFile';
import { isAbsolute, join, resolve } from 'node:path';
import { AgreedChecker, Registry } from '../core/index';
import { indexedAsNote } from '../core/agreed/agreedFile';
import { agreedFilesUnder, fsReason } from '../agreedFolder';

export interface Settings {
  agreedTexts: string[];
  proposerAliases: Record<string, string>;
  codeLens: { enabled: boolean };
}

export const DEFAULT_SETTINGS: Settings = { agreedTexts: [], proposerAliases: {}, codeLens: { enabled: true } };

export function normalise(raw: unknown): Settings {
  const r = (raw ?? {}) as Partial<Settings> & { codeLens?: { enabled?: unknown } };
  return {
    agreedTexts: Array.isArray(r.agreedTexts) ? r.agreedTexts.filter((x): x is string => typeof x === 'string') : [],
    proposerAliases: r.proposerAliases && typeof r.proposerAliases === 'object' ? (r.proposerAliases as Record<string, string>) : {},
    codeLens: { enabled: r.codeLens?.enabled !== false },
  };
}

export function registryFor(s: Settings): Registry {
  return new Registry(s.proposerAliases);
}

/** Index the agreed texts of the configured folders. Problems are logged, never fatal. */
export function checkerFor(s: Settings, roots: readonly string[], log: (m: string) => void): AgreedChecker {
  const checker = new AgreedChecker();
  // A folder named twice, or reached from two roots (VS Code gives a folder as rootUri and as a
  // workspace folder), and a file under two named folders are read once (agreedFilesUnder's `seen`).
  const seen = new Set<string>();
  const missing = new Set<string>();
  for (const folder of s.agreedTexts) {
    const dirs = isAbsolute(folder) ? [folder] : roots.map((r) => join(r, folder));
    for (const dir of dirs) {
      if (!existsSync(dir)) {
        if (!missing.has(resolve(dir))) log(`negotext.agreedTexts: ${dir} does not exist`);
        missing.add(resolve(dir));
        continue;
      }
      let files: string[] = [];
      try {
        // A sub-folder that cannot be read is logged and left out; the rest of the folder is used.
        files = agreedFilesUnder(dir, seen, (sub, why) => log(`negotext.agreedTexts: skipping ${sub}: ${why}`));
      } catch (e) {
        log(`negotext.agreedTexts: cannot read ${dir}: ${fsReason(e)}`);
      }
      for (const f of files) {
        try {
          const text = decodeText(readFileSync(f), f, (m) => log(`negotext.agreedTexts: ${m}`));
          const note = indexedAsNote(f, checker.addText(f, text));
          if (note) log(`negotext.agreedTexts: ${note}`);
        } catch (e) {
          log(`negotext.agreedTexts: cannot read ${f}: ${(e as Error).message}`);
        }
      }
    }
  }
  return checker;
}
