// The `negotext.*` settings and what they make: a registry with the user's
// aliases, and a reference checker over the agreed-text folders.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../textFile';
import { isAbsolute, join, resolve } from 'node:path';
import { AgreedChecker, Registry, type ReferenceChecker } from '../core/index';
import { notFollowing } from '../core/agreed/notFollowing';
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

/** The registry with the user's aliases; one whose target is no registry name is logged, not silently lost. */
export function registryFor(s: Settings, log?: (m: string) => void): Registry {
  const registry = new Registry(s.proposerAliases);
  for (const [alias, target] of Object.entries(s.proposerAliases)) {
    if (typeof target !== 'string' || registry.resolve(target) === undefined) {
      log?.(`negotext: proposer alias “${alias}” ignored: its target “${String(target)}” is no name in the registry`);
    }
  }
  return registry;
}

/** Index the agreed texts of the configured folders. Problems are logged, never fatal. */
export function checkerFor(s: Settings, roots: readonly string[], log: (m: string) => void): AgreedChecker {
  const checker = new AgreedChecker();
  // A folder named twice, or reached from two roots (VS Code gives a folder as rootUri and as a
  // workspace folder), and a file under two named folders are read once (agreedFilesUnder's `seen`).
  const seen = new Set<string>();
  const missing = new Set<string>();
  const ownSymbols = new Map<string, string>();
  agreedFiles.set(checker, ownSymbols);
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
          const symbol = checker.addText(f, text);
          const note = indexedAsNote(f, symbol);
          if (note) log(`negotext.agreedTexts: ${note}`);
          if (symbol) ownSymbols.set(realPath(f), symbol);
        } catch (e) {
          log(`negotext.agreedTexts: cannot read ${f}: ${(e as Error).message}`);
        }
      }
    }
  }
  return checker;
}

const realPath = (f: string): string => {
  try {
    return realpathSync(f);
  } catch {
    return resolve(f);
  }
};

/** Each checker's agreed files: real path → the symbol it is indexed under. */
const agreedFiles = new WeakMap<ReferenceChecker, Map<string, string>>();
/** The checker made for each open draft that is one of them, kept so its diagnostics stay cached. */
const forDrafts = new WeakMap<ReferenceChecker, Map<string, ReferenceChecker>>();

/**
 * The checker for one open draft. A draft that is itself a file of an agreed-texts folder is in the
 * index: it is not reported as following itself (its own symbol's reuse is left out). Any other
 * draft gets `checker` as it is.
 */
export function checkerForDraft(checker: ReferenceChecker | undefined, uri: string): ReferenceChecker | undefined {
  const files = checker && agreedFiles.get(checker);
  if (!checker || !files?.size || !uri.startsWith('file:')) return checker;
  let mine = forDrafts.get(checker);
  if (!mine) forDrafts.set(checker, (mine = new Map()));
  let out = mine.get(uri);
  if (!out) {
    let own: string | undefined;
    try {
      own = files.get(realPath(fileURLToPath(uri)));
    } catch {
      // not a file path: not one of the agreed files
    }
    mine.set(uri, (out = own ? notFollowing(checker, own) : checker));
  }
  return out;
}
