// The core's invariant, checked: no vscode, no LSP, no fs, no network, no processes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const core = join(__dirname, '..', 'server', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the pure core', () => {
  it('imports nothing but itself and a few pure libraries', () => {
    const bad: string[] = [];
    for (const f of files(core)) {
      const src = readFileSync(f, 'utf8');
      const specs = [
        ...src.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
        ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
        ...src.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ];
      for (const m of specs) {
        const spec = m[1];
        if (spec.startsWith('.') || spec === 'diff') continue;
        bad.push(`${f.slice(core.length + 1)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
