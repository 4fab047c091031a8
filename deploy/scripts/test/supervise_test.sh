#!/usr/bin/env bash
# Tests of deploy/scripts/supervise.sh with a stand-in seed (a sleep with a marker argument), real
# processes and real signals: a killed seed comes back, pauses grow, a stop stops it, a seed left by
# a killed supervisor is adopted rather than started twice, and a zombie's pid is not trusted.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../supervise.sh
. "$HERE/../supervise.sh"

WORK=$(mktemp -d)
MARK=$(( 700000 + RANDOM )) # the stand-in seed is `sleep $MARK`, so the tests find only their own
SEED="sleep $MARK"
PASSED=0 FAILED=0
SUPERVISORS=()
cleanup() {
  for pid in "${SUPERVISORS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  pkill -KILL -f "^$SEED\$" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok   $1"; PASSED=$((PASSED + 1)); }
bad() { echo "FAIL $1"; FAILED=$((FAILED + 1)); }
# until SECONDS COMMAND...: true once COMMAND succeeds, false if it never does within SECONDS.
until_true() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do (( $(date +%s) < deadline )) || return 1; sleep 0.1; done
}
seeds() { pgrep -cf "^$SEED\$" || true; }
start_supervisor() {
  (HOIST_SUPERVISE_MAX_PAUSE=2 HOIST_SUPERVISE_GRACE=5 hoist_supervise "$WORK/seed.pid" "$SEED" -- $SEED) \
    >>"$WORK/supervisor.log" 2>&1 &
  SUPERVISORS+=($!)
  disown $! # killed on purpose below; the shell need not report it
}
seed_up() { hoist_pid_running "$WORK/seed.pid" "$SEED"; }
seed_is_not() { seed_up && [[ $(<"$WORK/seed.pid") != "$1" ]]; }

start_supervisor
if until_true 5 seed_up; then ok "the supervisor starts the seed"; else bad "the supervisor starts the seed"; fi

first=$(<"$WORK/seed.pid")
kill -KILL "$first"
if until_true 5 seed_is_not "$first"; then ok "a killed seed is started again"; else bad "a killed seed is started again"; fi

second=$(<"$WORK/seed.pid"); kill -KILL "$second"; until_true 5 seed_is_not "$second"
third=$(<"$WORK/seed.pid"); kill -KILL "$third"; until_true 8 seed_is_not "$third"
if grep -q "starting the seed again in 1s" "$WORK/supervisor.log" && grep -q "starting the seed again in 2s" "$WORK/supervisor.log"; then
  ok "repeated crashes wait 1 s, then 2 s"
else
  bad "repeated crashes wait 1 s, then 2 s ($(tr '\n' '|' <"$WORK/supervisor.log"))"
fi
[[ $(seeds) == 1 ]] && ok "one seed runs at a time" || bad "one seed runs at a time (found $(seeds))"

# A killed supervisor leaves its seed running; the next supervisor adopts it instead of starting another.
kill -KILL "${SUPERVISORS[0]}"
orphan=$(<"$WORK/seed.pid")
start_supervisor
until_true 5 grep -q "adopting the running seed (pid $orphan)" "$WORK/supervisor.log" \
  && ok "a seed left by a killed supervisor is adopted" || bad "a seed left by a killed supervisor is adopted"
[[ $(seeds) == 1 ]] && ok "adopting starts no second seed" || bad "adopting starts no second seed (found $(seeds))"
kill -KILL "$orphan"
if until_true 8 seed_is_not "$orphan"; then ok "the adopted seed is replaced when it dies"; else bad "the adopted seed is replaced when it dies"; fi

# SIGTERM to the supervisor stops the seed and the supervisor, and forgets the pid.
last=$(<"$WORK/seed.pid")
kill -TERM "${SUPERVISORS[1]}"
if until_true 10 bash -c "! kill -0 ${SUPERVISORS[1]} 2>/dev/null && ! kill -0 $last 2>/dev/null" && [[ ! -f $WORK/seed.pid ]]; then
  ok "SIGTERM stops the seed and the supervisor"
else
  bad "SIGTERM stops the seed and the supervisor"
fi

# A zombie (dead, not yet reaped by its parent) is not running, nor is a live process of another command.
python3 -c 'import os, time
pid = os.fork()
if pid == 0: os._exit(0)
print(pid, flush=True)
time.sleep(20)' >"$WORK/zombie.pid" &
parent=$!
until_true 5 test -s "$WORK/zombie.pid"
until_true 5 grep -q '^Z' <(ps -o stat= -p "$(<"$WORK/zombie.pid")")
hoist_pid_running "$WORK/zombie.pid" "" && bad "a zombie's pid is not trusted" || ok "a zombie's pid is not trusted"
kill "$parent" 2>/dev/null
echo $$ >"$WORK/other.pid"
hoist_pid_running "$WORK/other.pid" "$SEED" && bad "a live pid of another command is not trusted" \
  || ok "a live pid of another command is not trusted"

echo "supervise: $PASSED passed, $FAILED failed"
(( FAILED == 0 ))
