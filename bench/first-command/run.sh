#!/usr/bin/env bash
# The first command after the daemon stopped, side by side (issue #20): same's `status` and cached `run all`
# right after `same daemon stop`, against the same command with --no-daemon and on a warm daemon, and against
# turbo and nx right after `nx daemon --stop` (turbo runs have no daemon), at several workspace sizes.
# Also the first `run all` in a fresh clone (no .same/: a full build) with and without --no-daemon, up to
# CLONE_MAX packages.
#
# Usage: bench/first-command/run.sh [OUT_DIR=bench/first-command/results]
# Env:   SIZES="20 1000"  RUNS=5  WORKSPACES=/tmp/same-side-by-side  SAME_BIN=cli/target/same/bin/same
# Needs hyperfine, npm, and the workspaces of bench/side-by-side (generated here when missing).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mkdir -p "${1:-$REPO/bench/first-command/results}" && cd "${1:-$REPO/bench/first-command/results}" && pwd)
SIZES=${SIZES:-20 1000}; RUNS=${RUNS:-5}; CLONE_MAX=${CLONE_MAX:-200}; WORKSPACES=${WORKSPACES:-/tmp/same-side-by-side}
SAME=${SAME_BIN:-$REPO/cli/target/same/bin/same}
MAKE_WORKSPACE=${MAKE_WORKSPACE:-$REPO/../shared/bench/make-workspace.sh}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
export NX_NO_CLOUD=true NX_TUI=false NO_COLOR=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 CI=

for N in $SIZES; do
  WS=$WORKSPACES/tree-$N-10
  if [ ! -f "$WS/package-lock.json" ]; then
    rm -rf "$WS"; "$MAKE_WORKSPACE" "$WS" "$N" 10 20000 tree
    (cd "$WS" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
  fi
  cd "$WS"
  R=$OUT/$N; mkdir -p "$R"
  TURBO="$WS/node_modules/.bin/turbo run build --concurrency=2 --output-logs=none"
  NX="$WS/node_modules/.bin/nx run-many -t build --parallel=2 --outputStyle=static-failures-only"
  STOP_SAME="$REPO/bench/first-command/stop-and-wait.sh $SAME" # the daemon gone, as on the first command of a day
  STOP_NX="$WS/node_modules/.bin/nx daemon --stop >/dev/null 2>&1 || true"
  # every tool's cache full, no daemon of the others running
  $SAME run all --ci >/dev/null 2>&1; $TURBO >/dev/null 2>&1; $NX >/dev/null 2>&1
  eval "$STOP_NX"
  hf() { local name=$1; shift; hyperfine --style basic --export-csv "$R/$name.csv" --export-json "$R/$name.json" "$@"; }
  hf status --runs "$RUNS" \
    --prepare "$STOP_SAME" -n "same status, first after stop" "$SAME status" \
    --prepare "$STOP_SAME" -n "same status --no-daemon" "$SAME status --no-daemon" \
    --prepare "$SAME status >/dev/null 2>&1; sleep 3; $SAME status >/dev/null 2>&1" -n "same status, warm" "$SAME status"
  hf run --runs "$RUNS" \
    --prepare "$STOP_SAME" -n "same run all, first after stop" "$SAME run all --ci" \
    --prepare "$STOP_SAME" -n "same run all --no-daemon" "$SAME run all --ci --no-daemon" \
    --prepare "$SAME run all --ci >/dev/null 2>&1; sleep 3; $SAME run all --ci >/dev/null 2>&1" \
      -n "same run all, warm" "$SAME run all --ci" \
    --prepare "$SAME run all --ci >/dev/null 2>&1; sleep 3; $STOP_SAME; $SAME status >/dev/null; sleep 5" \
      -n "same run all, second after stop (restarted daemon)" "$SAME run all --ci" \
    --prepare "$STOP_SAME; $STOP_NX" -n "turbo (no daemon)" "$TURBO" \
    --prepare "$STOP_SAME; $STOP_NX" -n "nx, first after nx daemon --stop" "$NX"
  [ "$N" -le "$CLONE_MAX" ] && hf clone --runs "$RUNS" \
    --prepare "$STOP_SAME; rm -rf .same" -n "same run all, fresh clone (no .same)" "$SAME run all --ci" \
    --prepare "$STOP_SAME; rm -rf .same" -n "same run all --no-daemon, fresh clone" "$SAME run all --ci --no-daemon"
  eval "$STOP_SAME"; eval "$STOP_NX"
done
echo "results in $OUT"
