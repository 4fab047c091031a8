#!/usr/bin/env bash
# API latency and idle memory of the all-in-one platform.
#
#   bench/api-latency.sh [RATE] [SECONDS]     (defaults: 200 requests/s for 30 s per endpoint)
#
# Starts a throw-away platform (its own HOIST_HOME and port, so your data is untouched) with
# `hoistd up --detach`, warms the JVM up, then drives GET /apps/{app} and PATCH /apps/{app}/config-vars
# at a fixed rate with an open-loop generator (bench/ApiLoad.java) and prints p50/p90/p99. Then it
# lets the platform idle and reads the JVM's resident memory. Results are appended to bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RATE=${1:-200}
SECONDS_EACH=${2:-30}
export HOIST_HOME=$(mktemp -d /tmp/hoist-bench.XXXXXX)
export HOIST_API_PORT=${BENCH_API_PORT:-5077}
# Ports and a dyno scope of its own: a platform already running here is neither disturbed nor measured.
export HOIST_ROUTER_PORT=8077 HOIST_SSH_PORT=2277 HOIST_GATEWAY_HTTP_PORT=2377 HOIST_DYNOS_ATTACH_PORT=5078
export HOIST_DYNOS_SCOPE=hoist-bench
API=http://127.0.0.1:$HOIST_API_PORT
mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/api-latency-$(date +%Y%m%d-%H%M%S).txt
cleanup() {
  "$ROOT/hoistd" down >/dev/null 2>&1 || true
  ids=$(docker ps -aq --filter label=hoist.scope=hoist-bench); [ -z "$ids" ] || docker rm -f $ids >/dev/null
  rm -rf "$HOIST_HOME"
}
trap cleanup EXIT

"$ROOT/hoistd" up --detach
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['api_key'])" "$HOIST_HOME/credentials.json")
curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$API/apps"

load() { java "$ROOT/bench/ApiLoad.java" "$@"; }
echo "warming up (JIT)..."
load "$API/apps/bench" "$KEY" GET 200 10 >/dev/null
load "$API/apps/bench/config-vars" "$KEY" PATCH 100 10 '{"WARM":"%n"}' >/dev/null

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores; rate=$RATE/s for ${SECONDS_EACH}s each"
  echo "GET /apps/{app}: $(load "$API/apps/bench" "$KEY" GET "$RATE" "$SECONDS_EACH")"
  echo "PATCH /apps/{app}/config-vars: $(load "$API/apps/bench/config-vars" "$KEY" PATCH "$RATE" "$SECONDS_EACH" '{"N":"%n"}')"
  sleep 20 # let the load's garbage be collected: idle memory is what the question asks
  pid=$(cat "$HOIST_HOME/hoistd.pid")
  # PSS, not RSS, for postgres: its processes share buffers, and RSS would count them once per process.
  pg_pss=$(for p in $(pm=$(head -n 1 "$HOIST_HOME/postgres/postmaster.pid"); echo "$pm"; pgrep -P "$pm"); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"; done | awk '{s+=$1} END {print int(s/1024)}')
  echo "idle: jvm_rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 )) postgres_pss_mb=$pg_pss"
} | tee "$OUT"
echo "saved to $OUT"
