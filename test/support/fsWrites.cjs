// A preload for the confidentiality tests: `node --require
// test/support/fsWrites.cjs …` with NEGOTEXT_FS_LOG=<file> appends a line
// {what, path} for every call that writes, renames, removes or creates a file
// or folder by path (the outermost call only: writeFileSync opens, and
// appendFileSync writes through writeFileSync). Calls still go through: this
// records, it does not refuse. Without NEGOTEXT_FS_LOG it does nothing.
'use strict';
if (process.env.NEGOTEXT_FS_LOG) {
  const fs = require('node:fs');
  const append = fs.appendFileSync;
  const LOG = process.env.NEGOTEXT_FS_LOG;
  // Only the outermost call is logged: writeFileSync opens, appendFileSync writes through writeFileSync.
  let inside = false;
  const log = (what, p) => append(LOG, JSON.stringify({ what, path: String(p) }) + '\n');
  const writes = (flags) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0;
  const wrap = (owner, name, pathArgs, test) => {
    const f = owner[name];
    if (typeof f !== 'function') return;
    owner[name] = function (...args) {
      if (inside) return f.apply(this, args);
      inside = true;
      try {
        if (!test || test(args)) for (const i of pathArgs) if (typeof args[i] === 'string' || args[i] instanceof URL) log(name, args[i]);
        return f.apply(this, args);
      } finally {
        inside = false;
      }
    };
  };
  for (const owner of [fs, fs.promises]) {
    for (const n of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'truncate', 'truncateSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'utimes', 'utimesSync', 'chmod', 'chmodSync', 'createWriteStream']) wrap(owner, n, [0]);
    for (const n of ['rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink', 'symlinkSync']) wrap(owner, n, [0, 1]);
    for (const n of ['open', 'openSync']) wrap(owner, n, [0], (a) => writes(a[1]));
  }
  require('node:module').syncBuiltinESMExports();
}
