#!/usr/bin/env bash
# API read and write latency at a fixed rate, through the api's address, in both of the platform's modes
# in one run: all-in-one (the api in the seed's JVM) and self-hosted (the hoist-api dynos behind the
# seed's stable address).
#
#   bench/api-latency.sh [RATE] [SECONDS]     (defaults: 200 requests/s for 30 s per endpoint)
#
# For each mode it starts a throw-away platform (its own HOIST_HOME, ports and dyno scope, so a
# platform already running here is neither disturbed nor measured), waits until the mode's api serves
# (self-hosted: the api's dynos, once the seed's first api is gone), warms the JVMs up, then drives
# GET /apps/{app} and PATCH /apps/{app}/config-vars at a fixed rate with an open-loop generator
# (bench/ApiLoad.java) and prints p50/p90/p99. Results are appended to bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RATE=${1:-200}
SECONDS_EACH=${2:-30}
export HOIST_API_PORT=${BENCH_API_PORT:-5077}
export HOIST_ROUTER_PORT=8077 HOIST_SSH_PORT=2277 HOIST_GATEWAY_HTTP_PORT=2377 HOIST_DYNOS_ATTACH_PORT=5078
export HOIST_DATABASE_PORT=5477 HOIST_DYNOS_SCOPE=hoist-bench
API=http://127.0.0.1:$HOIST_API_PORT
mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/api-latency-$(date +%Y%m%d-%H%M%S).txt
HOMES=()
down() {
  "$ROOT/hoistd" down >/dev/null 2>&1 || true
  ids=$(docker ps -aq --filter label=hoist.scope=hoist-bench 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
}
cleanup() { down; for h in "${HOMES[@]}"; do rm -rf "$h"; done; }
trap cleanup EXIT

load() { java "$ROOT/bench/ApiLoad.java" "$@"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); rate=$RATE/s for ${SECONDS_EACH}s each" | tee -a "$OUT"
for mode in all-in-one self-hosted; do
  export HOIST_HOME=$(mktemp -d /tmp/hoist-bench.XXXXXX); HOMES+=("$HOIST_HOME")
  if [ "$mode" = all-in-one ]; then "$ROOT/hoistd" up --detach --all-in-one; else "$ROOT/hoistd" up --detach; fi
  if [ "$mode" = self-hosted ]; then
    echo "waiting for the api's dynos to take over from the seed's first api..."
    for _ in $(seq 1 180); do
      grep -q "first api is closed" "$HOIST_HOME/logs/hoistd.log" && break
      sleep 5
    done
    grep -q "first api is closed" "$HOIST_HOME/logs/hoistd.log" || { echo "the api's dynos never took over" >&2; exit 1; }
  fi
  KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['api_key'])" "$HOIST_HOME/credentials.json")
  curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$API/apps"
  echo "warming up (JIT)..."
  load "$API/apps/bench" "$KEY" GET 200 20 >/dev/null
  load "$API/apps/bench/config-vars" "$KEY" PATCH 100 10 '{"WARM":"%n"}' >/dev/null
  {
    echo "$mode GET /apps/{app}: $(load "$API/apps/bench" "$KEY" GET "$RATE" "$SECONDS_EACH")"
    echo "$mode PATCH /apps/{app}/config-vars: $(load "$API/apps/bench/config-vars" "$KEY" PATCH "$RATE" "$SECONDS_EACH" '{"N":"%n"}')"
  } | tee -a "$OUT"
  down
done
echo "saved to $OUT"
