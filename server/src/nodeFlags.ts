// Node's flags for the language server: the extension starts it as
// `node --v8-pool-size=1 dist/server.js` (client/src/extension.ts), and so do the Neovim test, the
// protocol tests and the benchmark (bench/lsp.mjs keeps a copy; lifecycle.test.ts checks they agree).
//
// One V8 worker thread instead of one per core. The server's work per keystroke is one paragraph:
// parallel compiles buy it nothing, but each worker thread's glibc malloc arena keeps what its
// compiles once used, never handed back: 3–5 MB of an idle server's ~60 MB (1.07–1.12× after 100
// drafts against 1.02–1.05× with one worker; bench/README.md). It cannot be set from inside the
// server: V8 has started its workers before any script runs. Started without it, the server works
// the same.
export const SERVER_NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];
