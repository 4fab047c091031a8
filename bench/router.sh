#!/usr/bin/env bash
# Hoist's router against nginx and HAProxy, all proxying one small backend on 127.0.0.1.
#
#   bench/router.sh [SECONDS] [CONNECTIONS] [ROUNDS]     (defaults: 20 s, 64 connections, 3 rounds)
#
# Starts one backend (bench/router-backend.js, Node's http module, a fixed 33-byte body) and measures
# it directly, then through nginx (keepalive upstream), HAProxy (http-reuse always) and the Hoist
# router: its exec jar fed by bench/router-fake-api.js (the real long-poll and log-shipping path), and
# once more with a routes file and no api, so its log lines are refused once its buffers fill (logging off, in effect). Every proxy gets
# the same worker count (the router's event-loop threads = cores) and sets the same forwarding headers;
# nginx writes an access log line per request; HAProxy has no log target here. Each target is warmed
# up (the JVM for a minute, in three runs, while its JIT compiles), then the targets take turns, ROUNDS times, so a
# noisy neighbour hits them all alike; the table shows the median of the rounds (and the spread of
# requests/s). Then every target again at equal load (below), at two loads. About 17 minutes with the
# defaults. Saved under bench/results/. Needs root only to apt-get what is missing (wrk, nginx, haproxy).
#
# With a self-hosted platform running (./hoistd up), one more target: the router as the platform app
# hoist-router runs it — its dyno's command and JVM flags (read from a running hoist-router dyno), in a
# container of the build stack on the host's network, fed by the same fake api.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
WARMUP=${BENCH_WARMUP:-10}          # native targets
JVM_WARMUP=${BENCH_JVM_WARMUP:-60}  # the routers: C2 keeps compiling hot paths for the first minute
WORKERS=${BENCH_WORKERS:-$(nproc)}
PACED_GAPS=${BENCH_PACED_GAPS:-2 1}  # ms between a response and the next request, one table each
PACED_ROUNDS=${BENCH_PACED_ROUNDS:-3}
PACED_SECONDS=${BENCH_PACED_SECONDS:-15}
BACKEND_PORT=18080 NGINX_PORT=18081 HAPROXY_PORT=18082 ROUTER_PORT=18083 API_PORT=18084 QUIET_PORT=18085
APP_PORT=18086
TOKEN=bench-token
source "$ROOT/bench/router-lib.sh"

need() { # command package: apt-get install only what is missing (apt-get update only if that fails)
  command -v "$1" >/dev/null && return
  echo "installing $2"
  apt-get install -y -q "$2" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }
}
need wrk wrk
need nginx nginx
need haproxy haproxy
need node nodejs

wait_port() { # wait for a listener, up to 30 s
  for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on $1" >&2; exit 1
}

JAR=$(router_jar)

node "$ROOT/bench/router-backend.js" "$BACKEND_PORT" >"$WORK/backend.log" 2>&1 & PIDS+=($!)
node "$ROOT/bench/router-fake-api.js" "$API_PORT" "127.0.0.1:$BACKEND_PORT" "$TOKEN" >"$WORK/api.log" 2>&1 & PIDS+=($!)
"$ROOT/bench/router-proxies.sh" "$WORK" "$WORKERS" "$BACKEND_PORT" "$NGINX_PORT" "$HAPROXY_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!)
haproxy -f "$WORK/haproxy.cfg" -db & PIDS+=($!)
JAVA_OPTS=(-Xms512m -Xmx512m -XX:+UseParallelGC)
HOIST_ROUTER_PORT=$ROUTER_PORT HOIST_ROUTER_BIND=127.0.0.1 HOIST_ROUTER_THREADS=$WORKERS \
  HOIST_API_URL=http://127.0.0.1:$API_PORT HOIST_COMPONENT_TOKEN=$TOKEN \
  java "${JAVA_OPTS[@]}" -jar "$JAR" >"$WORK/router.log" 2>&1 & PIDS+=($!)
cat >"$WORK/routes.json" <<JSON
{"revision": 1, "apps": [{"name": "bench", "hosts": ["bench.localhost"], "web_quantity": 1,
  "dynos": [{"name": "web.1", "address": "127.0.0.1:$BACKEND_PORT", "state": "up", "routable": true}]}]}
JSON
HOIST_ROUTER_PORT=$QUIET_PORT HOIST_ROUTER_BIND=127.0.0.1 HOIST_ROUTER_THREADS=$WORKERS \
  HOIST_ROUTER_ROUTES_FILE=$WORK/routes.json HOIST_API_URL=http://127.0.0.1:1 \
  java "${JAVA_OPTS[@]}" -jar "$JAR" >"$WORK/router-quiet.log" 2>&1 & PIDS+=($!)
# The router as a platform app: the command of a running hoist-router dyno (its label), run the same way.
APP_COMMAND=""
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  dyno=$(docker ps -q --filter label=hoist.app=hoist-router --filter label=hoist.type=web | head -n 1)
  [[ -n $dyno ]] && APP_COMMAND=$(docker inspect -f '{{index .Config.Labels "hoist.command"}}' "$dyno")
fi
if [[ -n $APP_COMMAND ]]; then
  CONTAINERS+=(hoist-router-bench-$$)
  docker run -d --name "hoist-router-bench-$$" --network host --memory 1g --init \
    -v "$JAR:/app/router.jar:ro" -w /app -e HOIST_ROUTER_PORT=$APP_PORT -e HOIST_ROUTER_BIND=127.0.0.1 \
    -e HOIST_API_URL=http://127.0.0.1:$API_PORT -e HOIST_COMPONENT_TOKEN=$TOKEN -e MALLOC_ARENA_MAX=2 \
    hoist/stack-build:current bash -c "$APP_COMMAND" >/dev/null
fi
for port in $BACKEND_PORT $API_PORT $NGINX_PORT $HAPROXY_PORT $ROUTER_PORT $QUIET_PORT; do wait_port "$port"; done

# wrk: same threads, connections and duration for every target; Host names the app for the router.
run() { timeout $(( $2 + 30 )) wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency -H 'Host: bench.localhost' "http://127.0.0.1:$1/"; }
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"; }
measure() { # port -> "rps p50ms p99ms errors"
  local out; out=$(run "$1" "$SECONDS_EACH")
  printf '%s %s %s %s\n' "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" \
    "$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" "$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")" \
    "$(awk '/Non-2xx|Socket errors/ {n++} END {print n + 0}' <<<"$out")"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

NAMES=("backend (direct)" "nginx $(nginx -v 2>&1 | cut -d/ -f2)" "HAProxy $(haproxy -v | awk 'NR==1 {print $3}' | cut -d- -f1)"
  "Hoist router" "Hoist router, no log shipping")
PORTS=($BACKEND_PORT $NGINX_PORT $HAPROXY_PORT $ROUTER_PORT $QUIET_PORT)
if [[ -n $APP_COMMAND ]]; then
  wait_port $APP_PORT
  NAMES+=("Hoist router as an app (its dyno's flags)"); PORTS+=($APP_PORT)
fi
# The JVM's warm-up is three runs, not one: each run's connections open and close, and C2 compiled code
# that never saw that happen is thrown away (deoptimized) when it first does, then compiled again. One
# long run left that recompilation inside the first measured round.
for i in "${!PORTS[@]}"; do
  if [[ ${NAMES[$i]} == Hoist* ]]; then
    for _ in 1 2 3; do run "${PORTS[$i]}" $(( (JVM_WARMUP + 2) / 3 )) >/dev/null; done
  else
    run "${PORTS[$i]}" "$WARMUP" >/dev/null
  fi
done
# Each round starts one target later than the last, so no target always runs right after the same
# other one (whose load on the shared backend, and whatever it leaves behind, would then favour or
# hurt it every time).
for round in $(seq "$ROUNDS"); do
  for k in "${!PORTS[@]}"; do
    i=$(( (k + round - 1) % ${#PORTS[@]} ))
    echo "$(measure "${PORTS[$i]}")" >>"$WORK/results.$i"
    echo "round $round: ${NAMES[$i]}: $(tail -n 1 "$WORK/results.$i")" >&2
  done
done

# Then the same targets at equal load: each connection waits GAP ms after every response (router-paced.lua),
# so all are offered about the same requests/s, below what any can carry, and their latencies compare at
# that load instead of at each one's own limit (where a faster proxy is measured under more load).
for gap in $PACED_GAPS; do
  for round in $(seq "$PACED_ROUNDS"); do
    for k in "${!PORTS[@]}"; do
      i=$(( (k + round - 1) % ${#PORTS[@]} ))
      # A run that fails or times out leaves its row empty rather than ending the script and its results.
      line=$(GAP_MS=$gap timeout $(( PACED_SECONDS + 30 )) wrk -t2 -c"$CONNECTIONS" -d"$PACED_SECONDS"s \
        -s "$ROOT/bench/router-paced.lua" -H 'Host: bench.localhost' "http://127.0.0.1:${PORTS[$i]}/" \
        | grep '^PACED' || true)
      [[ -n $line ]] && awk '{for (f = 2; f <= NF; f++) {split($f, kv, "="); printf "%s ", kv[2]}; print ""}' \
        <<<"$line" >>"$WORK/paced.$gap.$i"
      echo "paced ${gap} ms, round $round: ${NAMES[$i]}: $line" >&2
    done
  done
done

mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/router-$(date +%Y%m%d-%H%M%S).txt
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s --latency, $ROUNDS rounds taking turns (each starting one target later), after warm-ups of ${WARMUP}s"
  echo "# (${JVM_WARMUP}s for the JVM routers);"
  echo "# proxies with $WORKERS workers; $(grep -o 'router listening.*' "$WORK/router.log")"
  echo "| target | req/s (median) | req/s (range) | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  for i in "${!PORTS[@]}"; do
    f=$WORK/results.$i
    printf '| %s | %s | %s–%s | %s | %s | %s |\n' "${NAMES[$i]}" "$(cut -d' ' -f1 "$f" | median)" \
      "$(cut -d' ' -f1 "$f" | sort -n | head -n 1)" "$(cut -d' ' -f1 "$f" | sort -n | tail -n 1)" \
      "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | awk '{s+=$1} END {print s}')"
  done
  for gap in $PACED_GAPS; do
    echo
    echo "# at equal load: wrk -t2 -c$CONNECTIONS -d${PACED_SECONDS}s, each connection ${gap} ms between a response and its next request, $PACED_ROUNDS rounds"
    echo "| target | req/s (median) | p50 ms | p99 ms | p99.9 ms |"
    echo "|---|---:|---:|---:|---:|"
    for i in "${!PORTS[@]}"; do
      f=$WORK/paced.$gap.$i
      touch "$f"
      printf '| %s | %s | %s | %s | %s |\n' "${NAMES[$i]}" "$(cut -d' ' -f1 "$f" | median)" \
        "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | median)"
    done
  done
} | tee "$OUT"
echo "saved to $OUT"
