#!/usr/bin/env bash
# same vs turbo vs nx, side by side in one run, at several workspace sizes (see bench/README.md).
#
# Usage: bench/side-by-side/run.sh [OUT_DIR=bench/side-by-side/results]
# Env:   SIZES="20 200 1000"   packages per workspace
#        SHAPE=tree            dependency shape: tree | chain | none
#        FILES=10              source files per package (10..100)
#        WORK=20000            sha256 iterations per build (CPU per task)
#        RUNS=5                measured runs per warm case (cold and edit cases: max(2, RUNS/2))
#        HEAVY_MAX=200         above this many packages, the cold and root-edit cases (a full build per
#                              run and tool) are skipped; each tool's cache is filled by one untimed run
#        WORKSPACES=/tmp/same-side-by-side   where workspaces are generated (and reused)
#        SAME_BIN=cli/target/same/bin/same  (built with mvn package when missing)
#        JAVA=a JDK 25 java, for the report (default: the first in /usr/lib/jvm)
# Needs hyperfine (apt-get install -y hyperfine), npm (turbo and nx come from the npm registry) and a
# JDK 25 (found as the launcher finds it). Writes, per size, hyperfine's CSV/JSON exports, then
# results.md (medians and ratios to turbo and nx) and time-vs-size.png (bench/side-by-side/Report.java).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mkdir -p "${1:-$REPO/bench/side-by-side/results}" && cd "${1:-$REPO/bench/side-by-side/results}" && pwd)
SIZES=${SIZES:-20 200 1000}; SHAPE=${SHAPE:-tree}; FILES=${FILES:-10}; WORK=${WORK:-20000}; RUNS=${RUNS:-5}
WORKSPACES=${WORKSPACES:-/tmp/same-side-by-side}; HEAVY_MAX=${HEAVY_MAX:-200}
SAME=${SAME_BIN:-$REPO/cli/target/same/bin/same}
MAKE_WORKSPACE=${MAKE_WORKSPACE:-$REPO/../shared/bench/make-workspace.sh}
FEW=$(( RUNS / 2 > 2 ? RUNS / 2 : 2 ))

command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
[ -x "$MAKE_WORKSPACE" ] || { echo "workspace generator not found: $MAKE_WORKSPACE (set MAKE_WORKSPACE)" >&2; exit 1; }
if [ ! -x "$SAME" ]; then (cd "$REPO" && mvn -B -q package -DskipTests); fi
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}  # runs Report.java, a JDK-only program

export npm_config_update_notifier=false TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1 \
  NX_NO_CLOUD=true NX_USE_LOCAL=true NX_TUI=false NO_COLOR=1 CI=
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "cpu: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "same: $("$SAME" version 2>/dev/null | head -1)"
  echo "shape: $SHAPE, files per package: $FILES, work: $WORK, runs: $RUNS (cold and edits: $FEW)"
} > "$OUT/machine.txt"

for N in $SIZES; do
  WS=$WORKSPACES/$SHAPE-$N-$FILES
  if [ ! -f "$WS/package-lock.json" ]; then
    rm -rf "$WS"
    "$MAKE_WORKSPACE" "$WS" "$N" "$FILES" "$WORK" "$SHAPE"
    (cd "$WS" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
  fi
  cd "$WS"
  R=$OUT/$N; mkdir -p "$R"
  TURBO="$WS/node_modules/.bin/turbo run build --concurrency=2 --output-logs=none"
  NX="$WS/node_modules/.bin/nx run-many -t build --parallel=2 --outputStyle=static-failures-only"
  CLEAN_OUT='rm -rf packages/*/dist'
  LEAF=$(printf 'packages/pkg-%03d/src/file-000.js' $((N - 1)))
  ROOT_PKG=packages/pkg-000/src/file-000.js
  EDIT_LEAF="echo \"// edit \$RANDOM\$RANDOM\" >> $LEAF"
  EDIT_ROOT="echo \"// edit \$RANDOM\$RANDOM\" >> $ROOT_PKG"
  hf() { local name=$1; shift; hyperfine --style basic --export-csv "$R/$name.csv" --export-json "$R/$name.json" "$@"; }
  stop_all() {
    "$SAME" daemon stop >/dev/null 2>&1 || true
    "$WS/node_modules/.bin/nx" daemon --stop >/dev/null 2>&1 || true
  }
  stop_all

  # While one tool is timed, no other tool's daemon runs: nx's daemon re-hashes the workspace after every
  # change, on the same two cores, and slowed whichever tool came first after it (same's leaf edit at 200
  # packages: 0.8 s alone, 1.6 s with nx's daemon up, 2.3 s right after nx's own runs). A tool's own daemon
  # starts in its warm-up runs and stays up for its timed runs (`nx daemon --start` would replace a running
  # nx daemon, so it is not used to start one). Three warm-up runs where runs are cheap, because a freshly
  # started daemon is not yet warm: same's leaf edit at 200 packages took 1.1 s on a daemon with one run
  # behind it and 0.9 s from its third (its JVM compiles the hot paths as they run).
  NO_SAME_DAEMON="$SAME daemon stop >/dev/null 2>&1 || true"
  NO_NX_DAEMON="$WS/node_modules/.bin/nx daemon --stop >/dev/null 2>&1 || true"
  NEITHER="$NO_SAME_DAEMON; $NO_NX_DAEMON"
  ONLY_SAME="$NO_NX_DAEMON"; ONLY_NX="$NO_SAME_DAEMON"

  # cold: no cache, no outputs, no daemon (a daemon's start is part of its cold run)
  if [ "$N" -le "$HEAVY_MAX" ]; then
  hf cold --runs "$FEW" \
    --prepare "$NEITHER; rm -rf .same; $CLEAN_OUT" -n same "$SAME run --ci --parallel 2 all" \
    --prepare "$NEITHER; rm -rf .same; $CLEAN_OUT" -n same-no-daemon "$SAME run --ci --no-daemon --parallel 2 all" \
    --prepare "$NEITHER; rm -rf .turbo node_modules/.cache/turbo; $CLEAN_OUT" -n turbo "$TURBO" \
    --prepare "$NEITHER; NX_DAEMON=false $WS/node_modules/.bin/nx reset >/dev/null 2>&1; rm -rf .nx; $CLEAN_OUT" -n nx-no-daemon "NX_DAEMON=false $NX" \
    --prepare "$NEITHER; $WS/node_modules/.bin/nx reset >/dev/null 2>&1; rm -rf .nx; $CLEAN_OUT" -n nx-daemon "NX_DAEMON=true $NX"
  else
    $TURBO >/dev/null 2>&1; NX_DAEMON=false $NX >/dev/null 2>&1 || true
  fi

  # every cache filled by the cold runs above
  "$SAME" run --ci --parallel 2 all >/dev/null 2>&1; NX_DAEMON=true $NX >/dev/null 2>&1 || true

  # times the five tools on one case; the optional 4th argument runs before every run of every tool
  five_tools() {
    local name=$1 warmup=$2 runs=$3 before=${4:+; $4}
    hf "$name" --warmup "$warmup" --runs "$runs" \
      --prepare "$ONLY_SAME$before" -n same "$SAME run --ci --parallel 2 all" \
      --prepare "$NEITHER$before" -n same-no-daemon "$SAME run --ci --no-daemon --parallel 2 all" \
      --prepare "$NEITHER$before" -n turbo "$TURBO" \
      --prepare "$NEITHER$before" -n nx-no-daemon "NX_DAEMON=false $NX" \
      --prepare "$ONLY_NX$before" -n nx-daemon "NX_DAEMON=true $NX"
  }

  # warm: every task a cache hit
  five_tools warm 3 "$RUNS"

  # one file edited in a leaf package: that package rebuilds, nothing else
  five_tools edit-leaf 3 "$FEW" "$EDIT_LEAF"

  # one file edited in the root package of the dependency tree: everything downstream rebuilds (one warm-up
  # run only: each is a full build)
  if [ "$N" -le "$HEAVY_MAX" ]; then
    five_tools edit-root 1 "$FEW" "$EDIT_ROOT"
  fi

  # what would run, without running: same's live status; turbo's dry run is its nearest equivalent
  "$SAME" run --ci --parallel 2 all >/dev/null 2>&1
  hf status --warmup 3 --runs "$RUNS" \
    --prepare "$ONLY_SAME" -n same "$SAME status" \
    --prepare "$NEITHER" -n same-no-daemon "$SAME status --no-daemon" \
    --prepare "$NEITHER" -n turbo "$WS/node_modules/.bin/turbo run build --dry-run=json"

  # same's daemon was stopped for turbo's timed runs: up again, indexed and one warm run behind it
  "$SAME" run --ci --parallel 2 all >/dev/null 2>&1
  "$SAME" daemon status --json > "$R/daemon-status.json" 2>/dev/null || true
  stop_all
done

"$JAVA" "$REPO/bench/side-by-side/Report.java" "$OUT" $SIZES
echo "results: $OUT/results.md and $OUT/time-vs-size.png"
