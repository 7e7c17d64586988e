#!/usr/bin/env bash
# Remote cache restore, side by side: same from nginx (Bazel's HTTP cache protocol) against a warm local
# cache, and turbo from turborepo-remote-cache (npm), both servers on loopback (see bench/README.md).
#
# Usage: bench/remote-cache/run.sh [OUT_DIR=bench/remote-cache/results]
# Env:   N=200 packages, RUNS=5, WORK=20000 (sha256 iterations per build), WORKDIR=/tmp/same-remote-bench
#        SAME_BIN=cli/target/same/bin/same, MAKE_WORKSPACE=../shared/bench/make-workspace.sh
#        UPLOAD=0 skips the timed full builds (with and without uploading), which take long at 200 packages
#        ASIDE=0 deletes a run's cache and outputs before the next run instead of moving them aside (see below)
# Needs hyperfine, nginx (/usr/sbin/nginx, Debian nginx-light) and npm (turbo and turborepo-remote-cache).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mkdir -p "${1:-$REPO/bench/remote-cache/results}" && cd "${1:-$REPO/bench/remote-cache/results}" && pwd)
N=${N:-200}; RUNS=${RUNS:-5}; WORK=${WORK:-20000}; WORKDIR=${WORKDIR:-/tmp/same-remote-bench}
SAME=${SAME_BIN:-$REPO/cli/target/same/bin/same}
MAKE_WORKSPACE=${MAKE_WORKSPACE:-$REPO/../shared/bench/make-workspace.sh}
WS=$WORKDIR/ws$N; TRC=$WORKDIR/trc; NG=$WORKDIR/nginx
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
[ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
if [ ! -f "$WS/package-lock.json" ]; then
  rm -rf "$WS"; "$MAKE_WORKSPACE" "$WS" "$N" 10 "$WORK" tree
  (cd "$WS" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
fi
if [ ! -x "$TRC/node_modules/.bin/turborepo-remote-cache" ]; then
  mkdir -p "$TRC" && (cd "$TRC" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error turborepo-remote-cache@2.12.0)
fi
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1 NO_COLOR=1 CI= SAME_DAEMON=0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NG_PORT=$(free_port); TRC_PORT=$(free_port)
rm -rf "$NG"; mkdir -p "$NG/storage/cache" "$NG/tmp" "$WORKDIR/trc-storage"
cat > "$NG/nginx.conf" <<CONF
daemon off; master_process off; worker_processes 2; pid $NG/nginx.pid; error_log $NG/error.log;
events { worker_connections 256; }
http {
  access_log off; client_body_temp_path $NG/tmp/body; proxy_temp_path $NG/tmp/proxy;
  fastcgi_temp_path $NG/tmp/fastcgi; uwsgi_temp_path $NG/tmp/uwsgi; scgi_temp_path $NG/tmp/scgi;
  client_max_body_size 1g;
  server { listen 127.0.0.1:$NG_PORT;
    location /cache/ { root $NG/storage; dav_methods PUT; create_full_put_path on; dav_access user:rw; } }
}
CONF
/usr/sbin/nginx -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log" & NG_PID=$!
(cd "$TRC" && NODE_ENV=production PORT=$TRC_PORT TURBO_TOKEN=bench STORAGE_PROVIDER=local \
  STORAGE_PATH="$WORKDIR/trc-storage" exec node_modules/.bin/turborepo-remote-cache >"$WORKDIR/trc.log" 2>&1) & TRC_PID=$!
trap 'kill $NG_PID $TRC_PID 2>/dev/null || true; rm -rf "$WORKDIR/trash"' EXIT
for port in $NG_PORT $TRC_PORT; do
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
done

cd "$WS"
REMOTE="SAME_REMOTE_CACHE_URL=http://127.0.0.1:$NG_PORT/cache"
TURBO="node_modules/.bin/turbo run build --concurrency=2 --output-logs=none --api=http://127.0.0.1:$TRC_PORT --token=bench --team=bench"
# Before each timed run the caches and outputs of the last one go. Deleted, they make this VM's ext4 (no journal)
# skip the thousand inodes just freed whenever a file is created for 30 s, which made the next restore of every
# tool 0.5-1 s slower and its time vary by as much; a clean machine has no such history. So they are moved aside
# into $WORKDIR/trash (deleted at the end), the same for every tool, unless ASIDE=0.
TRASH=$WORKDIR/trash; mkdir -p "$TRASH"
cat > "$WORKDIR/gone" <<'GONE'
#!/bin/sh
# gone PATH...: moves each existing path aside into the trash (or deletes it with ASIDE=0)
for p in "$@"; do
  [ -e "$p" ] || continue
  if [ "${ASIDE:-1}" = 0 ]; then rm -rf "$p"; else mv "$p" "$TRASH/$(date +%s%N)-$$-${p##*/}"; fi
done
GONE
chmod +x "$WORKDIR/gone"; export TRASH ASIDE=${ASIDE:-1}
GONE=$WORKDIR/gone
CLEAN_OUT="$GONE packages/*/dist"
hf() { local name=$1; shift; hyperfine --style basic --export-csv "$OUT/$name.csv" --export-json "$OUT/$name.json" "$@"; }

# Fill both remotes once (untimed), then time the build with and without uploading.
rm -rf .same .turbo; $CLEAN_OUT; env $REMOTE "$SAME" run --ci --parallel 2 all >/dev/null
$CLEAN_OUT; $TURBO >/dev/null
[ "${UPLOAD:-1}" = 0 ] || hf upload --runs 3 --prepare "$GONE .same $NG/storage/cache/*; $CLEAN_OUT" \
  -n "same, no remote" "$SAME run --ci --parallel 2 all" \
  -n "same, uploading" "env $REMOTE $SAME run --ci --parallel 2 all"
hf restore --runs "$RUNS" --warmup 1 \
  --prepare "$CLEAN_OUT" -n "same, warm local cache" "$SAME run --ci --parallel 2 all" \
  --prepare "$GONE .same; $CLEAN_OUT" -n "same, clean machine, remote" "env $REMOTE SAME_REMOTE_CACHE_READ_ONLY=1 $SAME run --ci --parallel 2 all" \
  --prepare "$GONE .turbo node_modules/.cache/turbo; $CLEAN_OUT" -n "turbo, clean machine, remote" "$TURBO"
{
  echo "machine: $(nproc) cores; date: $(date -u +%Y-%m-%dT%H:%MZ); packages: $N; runs: $RUNS"
  echo "same: $("$SAME" version 2>/dev/null | head -1); turbo: $(node_modules/.bin/turbo --version); turborepo-remote-cache 2.12.0"
} > "$OUT/machine.txt"
