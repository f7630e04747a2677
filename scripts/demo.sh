#!/usr/bin/env bash
# `npm run demo`: the extension at work in VS Code (code-server, VS Code for
# the browser) on this machine only. Installs the editors if needed
# (scripts/install-editors.sh), builds and packages the .vsix, starts
# code-server on 127.0.0.1 with the .vsix installed and examples/ open, prints
# the URL, and stops it on Ctrl-C.
#
#   npm run demo              # http://127.0.0.1:8765/
#   npm run demo -- 9000      # another port (or PORT=9000 npm run demo)
#   NEGOTEXT_DEMO_SKIP_BUILD=1 npm run demo   # use the negotext-*.vsix already built
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${1:-${PORT:-8765}}
FOLDER=${NEGOTEXT_DEMO_FOLDER:-$ROOT/examples}
CODE_SERVER_VERSION=4.100.3 # as in scripts/install-editors.sh
E2E_HOME=${NEGOTEXT_E2E_HOME:-$HOME/.cache/negotext-e2e}
CS="$E2E_HOME/code-server-$CODE_SERVER_VERSION/node_modules/.bin/code-server"

say() { printf 'demo: %s\n' "$*" >&2; }

case "$PORT" in '' | *[!0-9]*) say "not a port: $PORT"; exit 2 ;; esac

# code-server is what the demo needs; where its build lacks Debian packages, the installer
# puts in all the real-editor tests need (Neovim and Chromium too), through apt.
if [ ! -f "$E2E_HOME/code-server-$CODE_SERVER_VERSION/.negotext-installed" ]; then
  say "code-server is not installed yet: running scripts/install-editors.sh"
  if command -v krb5-config >/dev/null 2>&1; then
    scripts/install-editors.sh --no-apt
  else
    scripts/install-editors.sh
  fi
fi

if [ -z "${NEGOTEXT_DEMO_SKIP_BUILD:-}" ]; then
  if ! node -e 'process.exit(require("./package.json").scripts?.package ? 0 : 1)'; then
    say 'package.json has no "package" script yet: cannot make the .vsix'
    exit 1
  fi
  say "building and packaging the extension"
  npm run --silent package >/dev/null
fi
VERSION=$(node -p 'require("./package.json").version')
VSIX="$ROOT/negotext-$VERSION.vsix"
[ -f "$VSIX" ] || { say "no $VSIX (run npm run package)"; exit 1; }

DIR=$(mktemp -d "${TMPDIR:-/tmp}/negotext-demo-XXXXXX")
CS_PID=
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    say "stopping code-server (pid $CS_PID)"
    kill -TERM -- "-$CS_PID" 2>/dev/null || kill -TERM "$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$DIR/user-data/User" "$DIR/extensions"
cat >"$DIR/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "npm.fetchOnlinePackageInfo": false,
  "git.openRepositoryInParentFolders": "never",
  "[negotext]": { "editor.wordWrap": "on" }
}
JSON
printf 'auth: none\ncert: false\n' >"$DIR/config.yaml"
COMMON=(--config "$DIR/config.yaml" --user-data-dir "$DIR/user-data" --extensions-dir "$DIR/extensions")
# No extension gallery: nothing asks open-vsx.org for anything.
export EXTENSIONS_GALLERY='{}'
unset PASSWORD HASHED_PASSWORD GITHUB_TOKEN VSCODE_PROXY_URI CODE_SERVER_CONFIG

say "installing $(basename "$VSIX")"
"$CS" "${COMMON[@]}" --install-extension "$VSIX" >"$DIR/install.log" 2>&1 || { cat "$DIR/install.log" >&2; exit 1; }

# In its own process group (setsid), so that cleanup stops it and everything it started.
setsid "$CS" "${COMMON[@]}" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --disable-proxy --ignore-last-opened \
  "$FOLDER" >"$DIR/code-server.log" 2>&1 &
CS_PID=$!

for _ in $(seq 1 150); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$DIR/code-server.log" >&2; say "code-server exited"; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$DIR/code-server.log" >&2; say "code-server did not answer"; exit 1; }

URL="http://127.0.0.1:$PORT/?folder=$FOLDER"
printf '\n  negotext in VS Code (code-server %s), %s open:\n\n    %s\n\n  Ctrl-C stops it.\n\n' "$CODE_SERVER_VERSION" "${FOLDER#"$ROOT"/}" "$URL"
status=0
wait "$CS_PID" || status=$?
CS_PID=
say "code-server exited ($status); its log:"
tail -20 "$DIR/code-server.log" >&2
exit 1
