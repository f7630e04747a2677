// A small, strict argument parser: an unknown flag is a usage error, never ignored.
import { UsageError } from './readDraft';

export interface ParsedArgs {
  files: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

/** `booleans` take no value; `valued` take one (`--agreed DIR` or `--agreed=DIR`) and may repeat. */
export function parseArgs(argv: readonly string[], booleans: readonly string[], valued: readonly string[]): ParsedArgs {
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (booleans.includes(name)) {
        if (eq > 0) throw new UsageError(`${name} takes no value`);
        flags.add(name);
      } else if (valued.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
        values.set(name, [...(values.get(name) ?? []), v]);
      } else {
        throw new UsageError(`unknown option ${name}`);
      }
      continue;
    }
    files.push(a);
  }
  return { files, flags, values };
}
