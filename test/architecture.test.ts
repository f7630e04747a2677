// The core's invariant, checked: no vscode, no LSP, no fs, no network, no processes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const src = join(__dirname, '..', 'server', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// The core, and the reports rendered from its results for the CLI and the editor alike.
describe.each(['core', 'report'])('the pure %s', (dir) => {
  it('imports nothing but the core and a few pure libraries', () => {
    const root = join(src, dir);
    const bad: string[] = [];
    for (const f of files(root)) {
      const src = readFileSync(f, 'utf8');
      const specs = [
        ...src.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
        ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
        ...src.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ];
      for (const m of specs) {
        const spec = m[1];
        const inside = spec.startsWith('./') || (spec.startsWith('../') && (dir === 'core' || spec.startsWith('../core/')));
        if (inside || spec === 'diff') continue;
        bad.push(`${f.slice(root.length + 1)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
