// Bundles the CLI (and, as they land, the server and the client) into dist/.
// Bundling keeps the CLI's start-up to one file read and makes the .vsix
// self-contained. dist/core.js is the pure core alone, for the benchmark.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

// Node's modules for connecting and spawning. The language server's library
// requires some of them for transports and helpers negotext never uses
// (sockets, pipes, finding global npm modules): in the server and CLI bundles
// they are replaced by a module whose every function throws. Drafts are
// confidential, and loading them cost the server ~40 ms of its start-up.
const FORBIDDEN = /^(node:)?(child_process|cluster|crypto|dgram|dns|http|http2|https|net|tls|worker_threads)$/;
const noNetwork = {
  name: 'no-network',
  setup(b) {
    b.onResolve({ filter: FORBIDDEN }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'forbidden' }));
    b.onLoad({ filter: /.*/, namespace: 'forbidden' }, (args) => ({
      contents: `const refuse = () => { throw new Error('negotext opens no connection and starts no process: ${args.path} is left out of this program'); };
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : refuse) });`,
      loader: 'js',
    }));
  },
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [noNetwork] },
  { in: 'server/src/core/index.ts', out: 'core', plugins: [noNetwork] },
  { in: 'server/src/server.ts', out: 'server', plugins: [noNetwork] },
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
      plugins: e.plugins ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
