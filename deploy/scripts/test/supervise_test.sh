#!/usr/bin/env bash
# Tests of deploy/scripts/supervise.sh with a stand-in seed (a sleep with a marker argument), real
# processes and real signals: a killed seed comes back, pauses grow, a stop stops it (even one that
# comes as the seed is being started), a seed left by a killed supervisor is adopted rather than
# started twice, a zombie's pid is not trusted, and waiting for health gives up on a seed that
# cannot start. The supervisors run under `set -euo pipefail`, as in hoistd.
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
# check NAME COMMAND...: ok when COMMAND succeeds; refute: ok when it fails.
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
refute() { local name=$1; shift; if "$@"; then bad "$name"; else ok "$name"; fi; }
# until_true SECONDS COMMAND...: true once COMMAND succeeds, false if it never does within SECONDS.
until_true() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do (( $(date +%s) < deadline )) || return 1; sleep 0.1; done
}
seeds() { pgrep -cf "^$SEED\$" || true; }
# seeds_are N NAME: ok when N stand-in seeds run.
seeds_are() { local n; n=$(seeds); if [[ $n == "$1" ]]; then ok "$2"; else bad "$2 (found $n)"; fi; }
# start_supervisor PIDFILE COMMAND...: a supervisor of COMMAND in the background, its pid in SUPERVISOR
# (and PIDFILE.sup); PIDFILE.status gets its exit status if it returns rather than exits.
start_supervisor() {
  local file=$1; shift
  (
    echo "$BASHPID" >"$file.sup"
    set -euo pipefail
    HOIST_SUPERVISE_MAX_PAUSE=2 HOIST_SUPERVISE_GRACE=5 hoist_supervise "$file" "$*" -- "$@"
    echo "$?" >"$file.status"
  ) >>"$WORK/supervisor.log" 2>&1 &
  SUPERVISOR=$!
  SUPERVISORS+=("$SUPERVISOR")
  disown "$SUPERVISOR" # killed on purpose below; the shell need not report it
}
# gone PID...: none of the PIDs is a live process.
gone() { local pid; for pid; do kill -0 "$pid" 2>/dev/null && [[ $(ps -o stat= -p "$pid") != Z* ]] && return 1; done; return 0; }
seed_up() { hoist_pid_running "$WORK/seed.pid" "$SEED"; }
seed_is_not() { seed_up && [[ $(<"$WORK/seed.pid") != "$1" ]]; }

start_supervisor "$WORK/seed.pid" sleep "$MARK"
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
seeds_are 1 "one seed runs at a time"

# A killed supervisor leaves its seed running; the next supervisor adopts it instead of starting another.
kill -KILL "${SUPERVISORS[0]}"
orphan=$(<"$WORK/seed.pid")
start_supervisor "$WORK/seed.pid" sleep "$MARK"
check "a seed left by a killed supervisor is adopted" \
  until_true 5 grep -q "adopting the running seed (pid $orphan)" "$WORK/supervisor.log"
seeds_are 1 "adopting starts no second seed"
kill -KILL "$orphan"
if until_true 8 seed_is_not "$orphan"; then ok "the adopted seed is replaced when it dies"; else bad "the adopted seed is replaced when it dies"; fi

# SIGTERM to the supervisor stops the seed and the supervisor, and forgets the pid.
last=$(<"$WORK/seed.pid")
kill -TERM "${SUPERVISORS[1]}"
if until_true 10 gone "${SUPERVISORS[1]}" "$last" && [[ ! -f $WORK/seed.pid && $(cat "$WORK/seed.pid.status" 2>/dev/null) == 0 ]]; then
  ok "SIGTERM stops the seed and the supervisor"
else
  bad "SIGTERM stops the seed and the supervisor (status: $(cat "$WORK/seed.pid.status" 2>/dev/null))"
fi

# A SIGTERM that comes while the supervisor is about to start the seed (after its last look at the
# signal, before it knows the seed's pid) still stops both. The supervisor asks `date` for the time
# just before it starts the seed; this `date` sends the signal and gives the supervisor time to see it.
mkdir "$WORK/bin"
cat >"$WORK/bin/date" <<SHIM
#!/bin/sh
if rm "$WORK/term-on-date" 2>/dev/null; then kill -TERM "\$(cat "$WORK/early.pid.sup")"; sleep 0.5; fi
exec $(command -v date) "\$@"
SHIM
chmod +x "$WORK/bin/date"
touch "$WORK/term-on-date"
PATH=$WORK/bin:$PATH start_supervisor "$WORK/early.pid" sleep "$MARK"
if until_true 10 gone "$SUPERVISOR" && [[ ! -e $WORK/term-on-date && $(seeds) == 0 ]]; then
  ok "a SIGTERM as the seed is being started stops the seed and the supervisor"
else
  bad "a SIGTERM as the seed is being started stops the seed and the supervisor (seeds: $(seeds))"
fi

# A SIGTERM after an adopted seed has died (its pid now names no process) still ends the supervisor
# cleanly: signalling the dead pid fails, and under `set -e` that must not end the shell half-way.
sleep "$MARK" &
orphan=$!
disown "$orphan" # this shell reaps it at once when it dies, so its pid is gone, not a zombie
echo "$orphan" >"$WORK/adopted.pid"
start_supervisor "$WORK/adopted.pid" sleep "$MARK"
until_true 5 grep -q "adopting the running seed (pid $orphan)" "$WORK/supervisor.log"
# The signal must come while the supervisor sleeps between its looks at the seed: during a look
# (a condition), bash would not end the shell on a failed command anyway.
until_true 5 pgrep -P "$SUPERVISOR" -fx "sleep 1" >/dev/null
kill -KILL "$orphan"; kill -TERM "$SUPERVISOR"
if until_true 10 gone "$SUPERVISOR" && [[ $(cat "$WORK/adopted.pid.status" 2>/dev/null) == 0 && ! -f $WORK/adopted.pid ]]; then
  ok "a SIGTERM after the adopted seed died ends the supervisor with status 0"
else
  bad "a SIGTERM after the adopted seed died ends the supervisor with status 0"
fi
seeds_are 0 "no seed is left running"

# Waiting for health: a seed that exits before it is healthy stops its supervisor long before the
# deadline; so does the deadline; a healthy seed leaves the supervisor running.
start_supervisor "$WORK/crash.pid" sh -c 'exit 3' "crash-$MARK"
status=0; HOIST_SUPERVISE_GRACE=5 hoist_await_healthy "$SUPERVISOR" "$WORK/crash.pid" 20 false >/dev/null || status=$?
if [[ $status == 1 ]] && gone "$SUPERVISOR"; then
  ok "a seed that exits before it is healthy stops its supervisor"
else
  bad "a seed that exits before it is healthy stops its supervisor (status $status)"
fi
start_supervisor "$WORK/slow.pid" sleep "$MARK"
until_true 5 hoist_pid_running "$WORK/slow.pid" "$SEED"
status=0; HOIST_SUPERVISE_GRACE=5 hoist_await_healthy "$SUPERVISOR" "$WORK/slow.pid" 2 false >/dev/null || status=$?
if [[ $status == 2 ]] && gone "$SUPERVISOR" && [[ $(seeds) == 0 ]]; then
  ok "a seed not healthy by the deadline is stopped with its supervisor"
else
  bad "a seed not healthy by the deadline is stopped with its supervisor (status $status, seeds $(seeds))"
fi
start_supervisor "$WORK/healthy.pid" sleep "$MARK"
status=0; hoist_await_healthy "$SUPERVISOR" "$WORK/healthy.pid" 10 hoist_pid_running "$WORK/healthy.pid" "$SEED" || status=$?
if [[ $status == 0 ]] && ! gone "$SUPERVISOR"; then
  ok "a healthy seed leaves its supervisor running"
else
  bad "a healthy seed leaves its supervisor running (status $status)"
fi
kill -TERM "$SUPERVISOR"; until_true 10 gone "$SUPERVISOR"

# A zombie (dead, not yet reaped by its parent) is not live; a live process of another command is
# live but not running ours.
python3 -c 'import os, time
pid = os.fork()
if pid == 0: os._exit(0)
print(pid, flush=True)
time.sleep(20)' >"$WORK/zombie.pid" &
parent=$!
until_true 5 test -s "$WORK/zombie.pid"
until_true 5 grep -q '^Z' <(ps -o stat= -p "$(<"$WORK/zombie.pid")")
refute "a zombie's pid is not live" hoist_pid_live "$WORK/zombie.pid"
kill "$parent" 2>/dev/null
echo $$ >"$WORK/other.pid"
check "a live process's pid is live" hoist_pid_live "$WORK/other.pid"
refute "a live pid of another command is not trusted" hoist_pid_running "$WORK/other.pid" "$SEED"

# The systemd unit restarts hoistd only when it fails, so `hoistd down` (a clean exit) stays down, and
# not when hoistd found another hoistd running (exit 3).
unit=$("$HERE/../../../hoistd" systemd)
check "the systemd unit restarts hoistd only on failure" grep -qx 'Restart=on-failure' <<<"$unit"
check "the systemd unit does not restart hoistd that found another one running" \
  grep -qx 'RestartPreventExitStatus=3' <<<"$unit"

echo "supervise: $PASSED passed, $FAILED failed"
(( FAILED == 0 ))
