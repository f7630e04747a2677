// Bundles the CLI (and, as they land, the server and the client) into dist/.
// Bundling keeps the CLI's start-up to one file read and makes the .vsix
// self-contained. dist/core.js is the pure core alone, for the benchmark.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/core/index.ts', out: 'core' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      // Minified: a smaller bundle parses faster, and start-up is part of every CLI run
      // and of the editor's first diagnostics. Source maps keep stack traces readable.
      minify: !process.argv.includes('--no-minify'),
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
