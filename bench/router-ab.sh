#!/usr/bin/env bash
# Two or more builds of the router against each other and nginx, taking turns: the quick check of a
# change to the request path, before a full bench/router.sh.
#
#   bench/router-ab.sh SECONDS ROUNDS NAME=JAR [NAME=JAR ...]
#
# Each JAR is a router exec jar (build one per commit: ./mvnw -q -pl router package -DskipTests, then copy
# router/target/hoist-router-*-exec.jar away). Same backend, fake api, nginx and load as bench/router.sh
# (wrk -t2 -c64 at each target's limit, 2 workers each); every target is warmed up three times 20 s (BENCH_AB_WARMUP), then
# each round runs each target once, after a 5 s unmeasured run. Prints one line per target and round:
# "ROUND NAME RES rps=… p50=… p90=… p99=… p999=… max=…" (milliseconds); compare medians, not single rounds.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if (($# < 3)); then sed -n 5p "$0" >&2; exit 2; fi
SECONDS_EACH=$1 ROUNDS=$2
shift 2
WORKERS=${BENCH_WORKERS:-$(nproc)}
WARMUP=${BENCH_AB_WARMUP:-20} # three runs each: C2 keeps compiling the routers' hot paths for a minute
for tool in wrk nginx node; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: bench/router.sh installs it" >&2; exit 2; }
done
BACKEND_PORT=18080 NGINX_PORT=18081 HAPROXY_PORT=18082 API_PORT=18084 FIRST_ROUTER_PORT=18090
TOKEN=bench-token
source "$ROOT/bench/router-lib.sh"

cat >"$WORK/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RES rps=%.0f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.2f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
LUA

node "$ROOT/bench/router-backend.js" "$BACKEND_PORT" >"$WORK/backend.log" 2>&1 & PIDS+=($!)
node "$ROOT/bench/router-fake-api.js" "$API_PORT" "127.0.0.1:$BACKEND_PORT" "$TOKEN" >"$WORK/api.log" 2>&1 & PIDS+=($!)
"$ROOT/bench/router-proxies.sh" "$WORK" "$WORKERS" "$BACKEND_PORT" "$NGINX_PORT" "$HAPROXY_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!)
NAMES=(nginx) PORTS=("$NGINX_PORT")
port=$FIRST_ROUTER_PORT
for target in "$@"; do
  name=${target%%=*} jar=${target#*=}
  [[ "$name" != "$target" && -f "$jar" ]] || { echo "not NAME=JAR with an existing jar: $target" >&2; exit 2; }
  HOIST_ROUTER_PORT=$port HOIST_ROUTER_BIND=127.0.0.1 HOIST_ROUTER_THREADS=$WORKERS \
    HOIST_API_URL=http://127.0.0.1:$API_PORT HOIST_COMPONENT_TOKEN=$TOKEN \
    java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$jar" >"$WORK/$name.log" 2>&1 & PIDS+=($!)
  NAMES+=("$name") PORTS+=("$port")
  port=$((port + 1))
done
sleep 5 # the routers' first route table comes by the long poll

run() { timeout $(($2 + 30)) wrk -t2 -c64 -d"$2"s -s "$WORK/percentiles.lua" -H 'Host: bench.localhost' \
  "http://127.0.0.1:$1/" | grep '^RES'; }
for i in "${!PORTS[@]}"; do for _ in 1 2 3; do run "${PORTS[$i]}" "$WARMUP" >/dev/null; done; done
for r in $(seq "$ROUNDS"); do
  for i in "${!PORTS[@]}"; do
    run "${PORTS[$i]}" 5 >/dev/null
    echo "$r ${NAMES[$i]} $(run "${PORTS[$i]}" "$SECONDS_EACH")"
  done
done
