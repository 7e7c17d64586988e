#!/usr/bin/env bash
# Watch latency of a warm daemon on a 20,000-file workspace (see bench/README.md).
# Builds the distribution and the bench jar if needed, then runs dev.same.bench.WatchLatency.
# Usage: bench/watch-latency/run.sh [--projects 200] [--files 100] [--samples 200] [--keep DIR]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
if [ ! -x cli/target/same/bin/same ] || [ ! -f bench/target/benchmarks.jar ] || [ -n "${REBUILD:-}" ]; then
  mvn -B -q package -DskipTests
  mvn -B -q -Pbench -pl bench -am package -DskipTests
fi
exec "$JAVA" -cp bench/target/benchmarks.jar dev.same.bench.WatchLatency --same cli/target/same/bin/same "$@"
