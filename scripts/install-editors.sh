#!/usr/bin/env bash
# Installs the real editors the end-to-end tests (test/e2e/) and `npm run demo`
# drive: Neovim and Chromium from Debian, and code-server (VS Code for the
# browser) from the npm registry. Nothing else is downloaded: code-server's own
# ripgrep download is replaced by the npm package @vscode/ripgrep-linux-x64.
#
# Idempotent: what is already installed is skipped, so a second run takes
# about a second. code-server goes OUTSIDE the repository's node_modules, to
# $NEGOTEXT_E2E_HOME (default ~/.cache/negotext-e2e)/code-server-<version>;
# the tests look for it there too.
#
#   scripts/install-editors.sh            # everything
#   scripts/install-editors.sh --no-apt   # code-server only (Debian packages present)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3  # VS Code 1.100.3; the last code-server whose engines.node is 20
RIPGREP_VERSION=1.18.0       # @vscode/ripgrep-linux-x64: the rg binary, from the npm registry
E2E_HOME=${NEGOTEXT_E2E_HOME:-$HOME/.cache/negotext-e2e}
DEST="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.negotext-installed"

log() { printf 'install-editors: %s\n' "$*" >&2; }
start=$SECONDS

# --- Debian packages -------------------------------------------------------
if [ "${1:-}" != "--no-apt" ]; then
  missing=()
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)  # code-server's kerberos module
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=()
    [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends neovim chromium libkrb5-dev >/dev/null
  else
    log "neovim, chromium, libkrb5-dev: already installed"
  fi
fi

# --- code-server from npm ----------------------------------------------------
if [ -f "$MARKER" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION: already installed in $DEST"
else
  log "code-server $CODE_SERVER_VERSION -> $DEST (builds native modules; a few minutes)"
  rm -rf "$DEST"
  mkdir -p "$DEST"
  cd "$DEST"
  echo '{"private":true}' >package.json
  export npm_config_yes=true       # node-pty's install script runs `npx node-gyp`
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null
  npm rebuild argon2 --loglevel=error >/dev/null
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --loglevel=error >/dev/null
  # @vscode/ripgrep's install script downloads rg from GitHub unless bin/rg is
  # there already: put the one from the npm package in its place first.
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "@vscode/ripgrep-linux-x64@$RIPGREP_VERSION" >/dev/null && tar xzf ./*.tgz)
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$tmp/package/bin/rg" node_modules/@vscode/ripgrep/bin/rg
  chmod +x node_modules/@vscode/ripgrep/bin/rg
  rm -rf "$tmp"
  npm rebuild --loglevel=error >/dev/null  # node-pty, spdlog, kerberos, parcel watcher … from source
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --loglevel=error >/dev/null)
  version=$("$DEST/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | head -1)
  [ -n "$version" ] || { log "code-server does not run"; exit 1; }
  echo "$CODE_SERVER_VERSION" >"$MARKER"
  log "code-server installed: $version"
fi

log "done in $((SECONDS - start)) s"
