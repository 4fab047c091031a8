#!/usr/bin/env bash
# Faults against a running self-hosted platform: what an app's users and a CLI user see while parts
# of the platform die, are deployed, or lose their state.
#
#   bench/faults.sh [CASE...]     (default: every case; names below)
#
# Needs a running self-hosted platform (./hoistd up --detach) and its HOIST_HOME. It makes one app
# (faults-NNNN, the node-hello sample at web=2), sends it a request every 20 ms through the router
# for the whole of each case, and prints one table row per case:
#
#   case | app requests failed/total | CLI calls failed/total | recovery (s) | lost
#
# "recovery" is the time from the fault until the part answers again; "lost" checks that the app's
# releases, config vars and log history, and the platform's containers, are all still there.
# Results are appended to bench/results/faults-*.txt. The app is destroyed at the end.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export HOIST_HOME=${HOIST_HOME:-$HOME/.hoist}
HOIST=$ROOT/hoist
ROUTER=${HOIST_ROUTER_URL:-http://127.0.0.1:8080}
SCOPE=${HOIST_DYNOS_SCOPE:-hoist}
APP=faults-$(printf '%04d' $((RANDOM % 10000)))
TMP=$(mktemp -d)
mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/faults-$(date +%Y%m%d-%H%M%S).txt
trap 'stop_load; rm -rf "$TMP"' EXIT

say() { echo "-----> $*" >&2; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$(now)" "$1"; }
container_of() { docker ps -q --filter "label=hoist.scope=$SCOPE" --filter "label=hoist.app=$1" --filter "label=hoist.type=${2:-web}" | head -n "${3:-1}" | tail -n 1; }
seed_pid() { cat "$HOIST_HOME/seed.pid" 2>/dev/null; }
api_up() { curl -fsS --max-time 2 http://127.0.0.1:${HOIST_API_PORT:-5000}/health >/dev/null 2>&1; }
router_up() { curl -s -o /dev/null --max-time 2 "$ROUTER/"; }
gateway_up() { (exec 3<>/dev/tcp/127.0.0.1/${HOIST_SSH_PORT:-2222}) 2>/dev/null; }

# wait_for SECONDS CHECK: the seconds until CHECK holds (or "timeout")
wait_for() {
  local limit=$1 t0; shift; t0=$(now)
  while ! "$@"; do
    if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) - float(sys.argv[2]) > float(sys.argv[3]) else 1)" "$(now)" "$t0" "$limit"; then
      echo timeout; return 1
    fi
    sleep 0.1
  done
  since "$t0"
}

# A request every 20 ms through the router, one status code per line.
start_load() {
  FAULT_AT=$(date +%s)
  : >"$TMP/load"
  ( while :; do
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "Host: $APP.localhost" "$ROUTER/" >>"$TMP/load" &
      sleep 0.02
    done ) &
  LOAD=$!
  : >"$TMP/cli"
  ( while :; do
      if "$HOIST" apps:info -a "$APP" >/dev/null 2>&1; then echo ok; else echo fail; fi >>"$TMP/cli"
      sleep 0.2
    done ) &
  CLI=$!
}
stop_load() {
  [ -n "${LOAD:-}" ] && kill "$LOAD" 2>/dev/null; [ -n "${CLI:-}" ] && kill "$CLI" 2>/dev/null
  LOAD=""; CLI=""
  wait 2>/dev/null
}
failed_of() { local total bad; total=$(wc -l <"$1"); bad=$(grep -vc "${2}" "$1"); echo "$bad/$total"; }

state_digest() { # what a user has: releases, config, the platform's apps and dynos
  {
    # the releases up to the last one a push of this script made (a case's own push adds one)
    "$HOIST" releases -a "$APP" --json | python3 -c 'import json,sys; print(sorted(r["version"] for r in json.load(sys.stdin) if r["version"] <= int(sys.argv[1])))' "$MAXV"
    "$HOIST" config -a "$APP" --json
    "$HOIST" apps --json | python3 -c 'import json,sys; print(sorted(a["name"] for a in json.load(sys.stdin)))'
  } 2>/dev/null
}
# The app's history holds its last 1,500 lines. It survived the fault when it is full, or when its
# oldest line is older than the fault (a case makes up to 50 router lines a second, so a long one
# pushes every line from before it out of the 1,500: that is the history's design, not a loss).
history_kept() {
  "$HOIST" logs -a "$APP" -n 1500 2>/dev/null | python3 -c '
import sys, datetime
lines = [l for l in sys.stdin if l[:4].isdigit()]
if len(lines) >= 1500: sys.exit(0)
oldest = datetime.datetime.fromisoformat(lines[0].split(" ", 1)[0].replace("Z", "+00:00")).timestamp() if lines else 1e12
sys.exit(0 if oldest < float(sys.argv[1]) else 1)' "$FAULT_AT"
}

row() { # row CASE RECOVERY; EXTRA: what else the case saw go wrong
  local lost="${EXTRA:-}"; EXTRA=""
  wait_for 120 api_up >/dev/null || lost="api down;"
  [ "$(state_digest)" = "$BEFORE" ] || lost="$lost releases/config/apps differ;"
  history_kept || lost="$lost log history;"
  local line
  line=$(printf '| %-44s | %9s | %7s | %8s | %s |' "$1" "$(failed_of "$TMP/load" '^200$')" \
    "$(failed_of "$TMP/cli" '^ok$')" "$2" "${lost:-nothing}")
  echo "$line" | tee -a "$OUT"
}

SRC=$TMP/src
push() { # a push of the app's source, a new commit each time
  git -C "$SRC" -c user.email=f@x -c user.name=f commit -q --allow-empty -m "push $(date +%s.%N)"
  GIT_SSH_COMMAND="ssh -i $TMP/id -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" \
    git -C "$SRC" push -q "ssh://git@127.0.0.1:${HOIST_SSH_PORT:-2222}/$APP.git" main:main
}

setup() {
  say "making $APP (node-hello, web=2)"
  cp -r "$ROOT/../shared/acceptance/apps/node-hello" "$SRC"
  git -C "$SRC" init -q -b main && git -C "$SRC" add -A && git -C "$SRC" -c user.email=f@x -c user.name=f commit -qm init
  "$HOIST" apps:create "$APP" >/dev/null
  "$HOIST" config:set FAULTS=1 -a "$APP" >/dev/null
  ssh-keygen -q -t ed25519 -N '' -f "$TMP/id" -C faults
  "$HOIST" keys:add "$TMP/id.pub" >/dev/null
  push >"$TMP/push.out" 2>&1 || { cat "$TMP/push.out" >&2; echo "the push of $APP failed" >&2; exit 1; }
  "$HOIST" ps:scale web=2 -a "$APP" >/dev/null
  wait_for 180 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: $APP.localhost' $ROUTER/)\" = 200 ]" >/dev/null
  MAXV=$("$HOIST" releases -a "$APP" --json | python3 -c 'import json,sys; print(max(r["version"] for r in json.load(sys.stdin)))')
  BEFORE=$(state_digest)
}

case_api_kill() { # kill -9 one api dyno
  start_load; sleep 2
  docker kill -s KILL "$(container_of hoist-api)" >/dev/null
  sleep 1 # the dyno manager sees the exit; until then the platform still looks healthy
  local t; t=$(wait_for 300 platform_healthy)
  sleep 3; stop_load; row "kill -9 an api dyno (api web=$1)" "$t"
}
case_router_kill() { # kill -9 one router dyno (router web=$1)
  start_load; sleep 2
  docker kill -s KILL "$(container_of hoist-router)" >/dev/null
  local t; t=$(wait_for 60 router_up); sleep 3; stop_load; row "kill -9 a router dyno (router web=$1)" "$t"
}
case_api_down_router_kill() { # router web=$1
  start_load; sleep 2
  local ids; ids=$(docker ps -q --filter "label=hoist.scope=$SCOPE" --filter label=hoist.app=hoist-api)
  docker pause $ids >/dev/null
  docker kill -s KILL "$(container_of hoist-router)" >/dev/null
  local t; t=$(wait_for 60 router_up); sleep 5
  docker unpause $ids >/dev/null
  stop_load; row "api paused, then a router dyno killed (router web=$1)" "$t"
}
router_scale() { "$HOIST" ps:scale "web=$1" -a hoist-router >/dev/null; sleep 2; wait_for 120 platform_healthy >/dev/null; sleep 5; }
platform_healthy() { "$HOIST" platform --json 2>/dev/null | python3 -c 'import json,sys; sys.exit(0 if all(p["healthy"] for p in json.load(sys.stdin)) else 1)'; }
case_deploy() { # a new release of a part (a config change), a push and a log tail in flight
  start_load; sleep 2
  "$HOIST" logs --tail -a "$APP" >"$TMP/tail" 2>"$TMP/tail.err" & local tail=$!
  push >"$TMP/push.out" 2>&1 & local pushing=$!
  sleep 1
  "$HOIST" config:set "FAULTS_DEPLOY=$(date +%s)" -a "hoist-$1" >/dev/null
  local t; t=$(wait_for 300 platform_healthy)
  local pushed=ok; wait "$pushing" || pushed="push failed;"
  # the push made the next release; from now on it is part of what must not be lost
  if [ "$pushed" = ok ]; then MAXV=$((MAXV + 1)); BEFORE=$(state_digest); fi
  # the tail still follows: a line made now reaches it
  local marker="faults-tail-$RANDOM"
  curl -s -o /dev/null -H "Host: $APP.localhost" "$ROUTER/$marker"
  local tailed="tail stopped;"
  for _ in $(seq 1 100); do grep -q "$marker" "$TMP/tail" && { tailed=""; break; }; sleep 0.1; done
  kill "$tail" 2>/dev/null; wait "$tail" 2>/dev/null
  sleep 2; stop_load
  EXTRA="${pushed#ok}$tailed"
  row "deploy of hoist-$1 (a push, a log tail in flight)" "$t"
}
case_api_crash() { # an api release that cannot boot: the previous one keeps serving
  local url; url=$("$HOIST" config:get HOIST_DATABASE_URL -a hoist-api)
  start_load; sleep 2
  "$HOIST" config:set HOIST_DATABASE_URL=jdbc:postgresql://127.0.0.1:1/none -a hoist-api >/dev/null
  sleep 60 # the new release's dynos crash and restart meanwhile
  local t0; t0=$(now)
  "$HOIST" config:set "HOIST_DATABASE_URL=$url" -a hoist-api >/dev/null
  wait_for 300 platform_healthy >/dev/null
  local t; t=$(since "$t0")
  sleep 2; stop_load; row "an api release that crashes at boot, then fixed" "$t"
}
case_seed_kill() {
  start_load; sleep 2
  kill -9 "$(seed_pid)"
  local t; t=$(wait_for 120 api_up); sleep 3; stop_load; row "kill -9 the seed (dyno manager, PostgreSQL's parent)" "$t"
}
case_postgres_kill() {
  start_load; sleep 2
  pkill -9 -f "postgres -D $HOIST_HOME/postgres" || true
  local t; t=$(wait_for 120 bash -c "$HOIST apps:info -a $APP >/dev/null 2>&1"); sleep 3; stop_load
  row "kill -9 PostgreSQL" "$t"
}
case_reboot() { # every container gone, the seed restarted
  start_load; sleep 1
  "$ROOT/hoistd" down >/dev/null 2>&1
  local ids; ids=$(docker ps -aq --filter "label=hoist.scope=$SCOPE"); [ -z "$ids" ] || docker rm -f $ids >/dev/null
  local t0; t0=$(now)
  "$ROOT/hoistd" up --detach >/dev/null 2>&1
  wait_for 600 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: $APP.localhost' $ROUTER/)\" = 200 ]" >/dev/null
  local t; t=$(since "$t0")
  stop_load; row "reboot: every container removed, seed restarted" "$t"
}

CASES=${*:-api2 api1 router2 router1 apidown apidown1 deploy-router deploy-api deploy-gateway api-crash seed postgres reboot}
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores; one app at web=2, a request every 20 ms through the router"
  echo "| case | app requests failed/total | CLI failed/total | recovery (s) | lost |"
  echo "|---|---|---|---|---|"
} | tee -a "$OUT"
setup
for c in $CASES; do
  case $c in
    api2) case_api_kill 2 ;;
    api1) "$HOIST" ps:scale web=1 -a hoist-api >/dev/null; wait_for 120 platform_healthy >/dev/null; sleep 5
          case_api_kill 1; "$HOIST" ps:scale web=2 -a hoist-api >/dev/null; wait_for 300 platform_healthy >/dev/null ;;
    router2) case_router_kill 2 ;;
    router1) router_scale 1; case_router_kill 1; router_scale 2 ;;
    api-crash) case_api_crash ;;
    apidown) case_api_down_router_kill 2 ;;
    apidown1) router_scale 1; case_api_down_router_kill 1; router_scale 2 ;;
    deploy-router) case_deploy router ;;
    deploy-api) case_deploy api ;;
    deploy-gateway) case_deploy gateway ;;
    seed) case_seed_kill ;;
    postgres) case_postgres_kill ;;
    reboot) case_reboot ;;
    *) echo "unknown case $c" >&2 ;;
  esac
done
"$HOIST" apps:destroy "$APP" --confirm "$APP" >/dev/null 2>&1 || true
"$HOIST" keys:remove faults >/dev/null 2>&1 || true
echo "results in $OUT"
