#!/usr/bin/env bash
# CPU per request of each process (and of each of the router's threads): nginx against the Hoist
# router, same backend and load as bench/router.sh. Where bench/router.sh says who is faster, this
# says where the time goes.
#
#   bench/router-cpu.sh [SECONDS] [ROUNDS]      (defaults: 15 s, 2 rounds; about 3 minutes)
#   ROUTER_JAR=/tmp/old.jar bench/router-cpu.sh  (a router exec jar built elsewhere, e.g. another commit's)
#
# For each target: wrk runs SECONDS; user and system CPU ticks of every thread of the proxy, the
# backend and the fake api (both Node) are read from /proc before and after, and divided by the
# requests wrk completed. Printed as µs per request, user and system. The router is warmed up for
# 60 s first (its JIT). Needs wrk, nginx, node (bench/router.sh installs them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-15}
ROUNDS=${2:-2}
BACKEND_PORT=19180 NGINX_PORT=19181 HAPROXY_PORT=19182 ROUTER_PORT=19183 API_PORT=19184
source "$ROOT/bench/router-lib.sh"
for tool in wrk nginx node; do command -v $tool >/dev/null || { echo "needs $tool: run bench/router.sh once" >&2; exit 1; }; done

JAR=${ROUTER_JAR:-$(router_jar)}

node "$ROOT/bench/router-backend.js" "$BACKEND_PORT" >/dev/null 2>&1 & PIDS+=($!); BACKEND=$!
node "$ROOT/bench/router-fake-api.js" "$API_PORT" "127.0.0.1:$BACKEND_PORT" tok >/dev/null 2>&1 & PIDS+=($!); API=$!
"$ROOT/bench/router-proxies.sh" "$WORK" 2 "$BACKEND_PORT" "$NGINX_PORT" "$HAPROXY_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!); NGINX=$!
HOIST_ROUTER_PORT=$ROUTER_PORT HOIST_ROUTER_BIND=127.0.0.1 HOIST_ROUTER_THREADS=2 \
  HOIST_API_URL=http://127.0.0.1:$API_PORT HOIST_COMPONENT_TOKEN=tok \
  java -Xms512m -Xmx512m -XX:+UseParallelGC -jar "$JAR" >"$WORK/router.log" 2>&1 & PIDS+=($!); ROUTER=$!
for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$ROUTER_PORT") 2>/dev/null && break; sleep 0.1; done

load() { wrk -t2 -c64 -d"$2"s -H 'Host: bench.localhost' "http://127.0.0.1:$1/"; }
# Threads summed by name (their numbers cut off), as "name user system" in clock ticks.
snapshot() {
  for p in "$@"; do
    for t in /proc/"$p"/task/*; do echo "$(tr ' ' _ <"$t/comm" | sed 's/-[0-9]*$//') $(awk '{print $14, $15}' "$t/stat")"; done
  done | awk '{u[$1] += $2; s[$1] += $3} END {for (k in u) print k, u[k], s[k]}' | sort
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
load "$ROUTER_PORT" 60 >/dev/null
load "$NGINX_PORT" 5 >/dev/null
for round in $(seq "$ROUNDS"); do
  for target in nginx router; do
    if [[ $target == nginx ]]; then port=$NGINX_PORT; pids=$(pgrep -P "$NGINX" | xargs); else port=$ROUTER_PORT; pids=$ROUTER; fi
    snapshot $pids "$BACKEND" "$API" >"$WORK/before"
    out=$(load "$port" "$SECONDS_EACH")
    snapshot $pids "$BACKEND" "$API" >"$WORK/after"
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    echo "round $round, $target: $(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out") req/s; µs of CPU per request (user, system):"
    join "$WORK/before" "$WORK/after" | awk -v n="$requests" -v t="$TICK_US" '{u = ($4 - $2) * t / n; s = ($5 - $3) * t / n;
      if (u + s >= 0.05) printf "  %-22s %6.2f %6.2f\n", $1, u, s}'
  done
done
