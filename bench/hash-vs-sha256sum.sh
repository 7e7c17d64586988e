#!/usr/bin/env bash
# Times `sha256sum` over the same synthetic tree the JMH InputHashingBenchmark hashes:
# d00..d19/s0..s9/f000..f099.bin, 20,000 files of 10 KiB random bytes (200 MiB).
# Also times the floor of checking the tree for changes without a watcher (bench/stat-floor.c).
# Page cache is warm for all (dropping it needs root and a quiet machine); compare the
# median here with InputHashingBenchmark.cold.
#
# Usage: bench/hash-vs-sha256sum.sh [RUNS=5] [DIR=temp dir, removed afterwards]
# With JMH=1 it then runs InputHashingBenchmark on the very same tree (needs the jar:
# mvn -Pbench -pl bench -am package -DskipTests; JAVA defaults to a JDK 25 in /usr/lib/jvm).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=${1:-5}
if [ -n "${2:-}" ]; then DIR=$2; KEEP=1; else DIR=$(mktemp -d /tmp/same-bench-sha256sum-XXXXXX); KEEP=0; fi
[ "$KEEP" = 1 ] || trap 'rm -rf "$DIR"' EXIT

if [ ! -d "$DIR/d19/s9" ]; then
  for top in $(seq -f %02g 0 19); do
    for sub in $(seq 0 9); do
      mkdir -p "$DIR/d$top/s$sub"
      # 100 files of 10 KiB each from one stream: f000.bin ... f099.bin
      head -c $((100 * 10240)) /dev/urandom | split -b 10240 -d -a 3 --additional-suffix=.bin - "$DIR/d$top/s$sub/f"
    done
  done
fi
echo "tree: $(find "$DIR" -type f | wc -l) files, $(du -sh "$DIR" | cut -f1)"

time_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  local name=$1; shift
  "$@" >/dev/null # warm-up
  local times=()
  for _ in $(seq "$RUNS"); do times+=("$(time_ms "$@")"); done
  printf '%-40s median %5d ms  (runs: %s)\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

cd "$DIR"
measure "find | xargs sha256sum" sh -c 'find . -type f -print0 | xargs -0 sha256sum'
measure "find | xargs -P$(nproc) sha256sum" sh -c "find . -type f -print0 | xargs -0 -P$(nproc) -n 2000 sha256sum"
measure "find (stat only)" sh -c "find . -type f -printf '%s %T@ %i\n'"
# the floor of re-hashing without a file watcher: list every directory and stat every entry, in C, on
# 1 thread and on every core (bench/stat-floor.c; needs a C compiler)
if command -v cc >/dev/null; then
  FLOOR=$(mktemp /tmp/same-stat-floor-XXXXXX)
  cc -O2 -pthread "$HERE/stat-floor.c" -o "$FLOOR"
  for threads in 1 "$(nproc)"; do
    printf '%-40s' "stat floor in C, $threads thread(s)"
    "$FLOOR" . "$threads" $((RUNS * 3))
  done
  rm -f "$FLOOR"
else
  echo "stat floor in C: skipped, no C compiler (cc)"
fi

if [ "${JMH:-0}" = 1 ]; then
  JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
  "$JAVA" -jar "$HERE/target/benchmarks.jar" InputHashingBenchmark -p tree="$DIR" -wi 3 -i 5 -w 1 -r 2 \
    | grep -E '^(Benchmark|InputHashing)'
fi
