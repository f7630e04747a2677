// The .vsix the VS Code test installs. `npm test` packages the extension
// before vitest starts; when the repository's negotext-<version>.vsix is newer
// than dist/ and package.json, the test installs that one. Otherwise it runs
// the project's own `npm run package` in a staging copy of the repository
// (its files as git lists them, node_modules linked): packaging rebuilds
// dist/, and doing that in the repository itself would rewrite
// dist/server.js under the other test files vitest runs at the same time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, run, tempDir } from './editors';

export function packageScriptMissing(): string | undefined {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.package) {
    return 'package.json has no "package" script: the VS Code test installs the .vsix that `npm run package` makes (negotext-<version>.vsix, with vsce)';
  }
  return undefined;
}

/** The repository's negotext-<version>.vsix when it is newer than what it packages. */
export function freshRepoVsix(): string | undefined {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(repoRoot, `negotext-${pkg.version}.vsix`);
  if (!existsSync(vsix)) return undefined;
  const inputs = [join(repoRoot, 'package.json'), join(repoRoot, 'dist', 'client.js'), join(repoRoot, 'dist', 'server.js')];
  const built = statSync(vsix).mtimeMs;
  return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built) ? vsix : undefined;
}

/**
 * The .vsix to install: the repository's when fresh, else one made by
 * `npm run package` in a staging copy (`staging`, to remove afterwards).
 */
export async function packageVsix(): Promise<{ vsix: string; staging?: string; ms: number }> {
  const missing = packageScriptMissing();
  if (missing) throw new Error(missing);
  const fresh = freshRepoVsix();
  if (fresh) return { vsix: fresh, ms: 0 };
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${repoRoot}: ${listed.stderr}`);
  const staging = tempDir('package');
  for (const rel of listed.stdout.split('\0')) {
    if (!rel || rel.startsWith('node_modules/')) continue;
    const from = join(repoRoot, rel);
    if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted in the work tree
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    copyFileSync(from, join(staging, rel));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(staging, 'node_modules'), 'dir');
  const r = await run('npm', ['run', 'package'], { cwd: staging, timeoutMs: 180_000, env: { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false' } });
  const vsix = readdirSync(staging).find((f) => /^negotext-.*\.vsix$/.test(f));
  if (r.code !== 0 || !vsix) {
    throw new Error(`\`npm run package\` (in a staging copy, ${staging}) ${r.timedOut ? 'timed out' : `exited with ${r.code}`}${vsix ? '' : ' and made no negotext-*.vsix'}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  }
  return { vsix: join(staging, vsix), staging, ms: r.ms };
}
