#!/usr/bin/env bash
# How soon an editor's tree is ready when the daemon starts for it (issue #20): the VS Code extension runs
# `same daemon start` (which returns once the daemon answers) and then asks for every task's state. Timed here as
# `same daemon start && same status` after `same daemon stop`, against a warm `same status`, at several sizes.
# No build is needed: the tree shows every task whether it ran or not.
#
# Usage: bench/first-command/editor.sh [OUT_DIR=bench/first-command/results]
# Env:   SIZES="20 1000"  RUNS=5  WORKSPACES=/tmp/same-editor-ready  SAME_BIN=cli/target/same/bin/same
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mkdir -p "${1:-$REPO/bench/first-command/results}" && cd "${1:-$REPO/bench/first-command/results}" && pwd)
SIZES=${SIZES:-20 1000}; RUNS=${RUNS:-5}; WORKSPACES=${WORKSPACES:-/tmp/same-editor-ready}
SAME=${SAME_BIN:-$REPO/cli/target/same/bin/same}
MAKE_WORKSPACE=${MAKE_WORKSPACE:-$REPO/../shared/bench/make-workspace.sh}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
for N in $SIZES; do
  WS=$WORKSPACES/tree-$N-10
  [ -f "$WS/same.work.yaml" ] || "$MAKE_WORKSPACE" "$WS" "$N" 10 20000 tree >/dev/null
  cd "$WS"
  "$SAME" status >/dev/null 2>&1 || true # hashes every input once: the digest memory a restarted daemon finds
  mkdir -p "$OUT/$N"
  hyperfine --style basic --runs "$RUNS" --export-json "$OUT/$N/editor.json" \
    --prepare "$SAME daemon stop >/dev/null 2>&1 || true" -n "tree ready: daemon start + status" \
      "$SAME daemon start >/dev/null && $SAME status >/dev/null" \
    --prepare "$SAME daemon start >/dev/null 2>&1; $SAME status >/dev/null 2>&1" -n "status, warm daemon" \
      "$SAME status >/dev/null"
  "$SAME" daemon stop >/dev/null 2>&1 || true
done
echo "results in $OUT"
