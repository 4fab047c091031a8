# shellcheck shell=bash
#
# supervise.sh: keep a seed process running, as hoistd does for the platform's JVM.
#
#   source deploy/scripts/supervise.sh
#   hoist_pid_live PIDFILE              # the pid in PIDFILE is a live process (not a zombie)
#   hoist_pid_running PIDFILE PATTERN   # ... and its command line contains PATTERN (so a reused pid
#                                       # is not trusted)
#   hoist_supervise CHILD_PIDFILE PATTERN -- COMMAND...
#   hoist_await_healthy SUPERVISOR_PID CHILD_PIDFILE SECONDS CHECK...
#
# hoist_supervise runs COMMAND and starts it again whenever it exits on its own: at once the first
# time, then after 1 s, 2 s, 4 s... up to HOIST_SUPERVISE_MAX_PAUSE seconds (default 30); a command
# that stayed up HOIST_SUPERVISE_STEADY seconds (default 60) counts as healthy again, so its next
# exit is restarted at once. SIGTERM or
# SIGINT stop it: the command gets SIGTERM, HOIST_SUPERVISE_GRACE seconds (default 60) to finish,
# then SIGKILL, and the supervisor returns. If CHILD_PIDFILE names a live command from a supervisor
# that was killed, that command is adopted (watched until it exits), not started twice.
#
# hoist_await_healthy waits for a supervisor started in the background to come up: it returns 0 once
# CHECK succeeds; 1 if the supervisor ends first or its command exits first (CHILD_PIDFILE's pid is
# gone, or the file names another pid: the supervisor is restarting it); 2 after SECONDS. On 1 and 2
# the supervisor has been stopped (SIGTERM, then waited for), so a command that cannot start is not
# left restarting in the background. CHILD_PIDFILE must hold no stale pid when the supervisor starts.
#
# Sourcing this file only defines functions. They work under the caller's `set -euo pipefail`.

hoist_pid_live() {
  local pid
  pid=$(__hoist_pid_in "$1") || return 1
  __hoist_live "$pid"
}

hoist_pid_running() {
  local pid cmdline
  pid=$(__hoist_pid_in "$1") || return 1
  __hoist_live "$pid" || return 1
  # A zombie's command line is empty; the state check above is what rejects it, not this one.
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmdline == *"$2"* ]]
}

hoist_supervise() {
  local child_file=$1 pattern=$2
  shift 3 # CHILD_PIDFILE PATTERN --
  local max_pause=${HOIST_SUPERVISE_MAX_PAUSE:-30} steady=${HOIST_SUPERVISE_STEADY:-60}
  local grace=${HOIST_SUPERVISE_GRACE:-60} pause=0 failures=0 child="" sleeper="" status started stopping=""
  # The kills may find their process already gone; under the caller's `set -e` that must not end the shell.
  trap 'stopping=1
    if [[ -n $child ]]; then kill -TERM "$child" 2>/dev/null || true; fi
    if [[ -n $sleeper ]]; then kill "$sleeper" 2>/dev/null || true; fi' TERM INT

  if hoist_pid_running "$child_file" "$pattern"; then
    child=$(__hoist_pid_in "$child_file") || child=""
    echo "-----> supervisor: adopting the running seed (pid $child) left by an earlier supervisor"
    while [[ -z $stopping ]] && hoist_pid_running "$child_file" "$pattern"; do sleep 1; done
    if [[ -z $stopping ]]; then
      echo "-----> supervisor: the adopted seed (pid $child) exited"
      child=""
    fi
  fi

  while [[ -z $stopping ]]; do
    if (( pause > 0 )); then
      echo "-----> supervisor: starting the seed again in ${pause}s"
      sleep "$pause" &
      sleeper=$!
      # A signal before `sleeper=$!` could not end the sleep: do not wait for it then.
      if [[ -z $stopping ]]; then wait "$sleeper" || true; fi
      if [[ -n $stopping ]]; then kill "$sleeper" 2>/dev/null || true; sleeper=""; break; fi
      sleeper=""
    fi
    started=$(date +%s)
    "$@" &
    child=$!
    # A signal after the loop's check but before `child=$!` signalled nothing, and `wait` would then
    # wait for a command that nobody stops.
    if [[ -n $stopping ]]; then break; fi
    echo "$child" >"$child_file"
    status=0
    wait "$child" || status=$?
    # A trapped signal ends `wait` early; the command is still stopping.
    if [[ -n $stopping ]]; then break; fi
    echo "-----> supervisor: the seed (pid $child) exited with status $status"
    if (( $(date +%s) - started >= steady )); then failures=0; fi
    if (( failures < 12 )); then failures=$(( failures + 1 )); fi
    if (( failures == 1 )); then
      pause=0
    else
      pause=$(( 1 << (failures - 2) ))
      if (( pause > max_pause )); then pause=$max_pause; fi
    fi
    child=""
  done
  if [[ -n $child ]]; then __hoist_stop "$child" "$grace"; fi
  rm -f "$child_file"
  trap - TERM INT
  return 0
}

hoist_await_healthy() {
  local supervisor=$1 child_file=$2 seconds=$3 seen="" now deadline
  shift 3
  deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    __hoist_live "$supervisor" || return 1
    now=$(cat "$child_file" 2>/dev/null || true)
    if [[ -z $seen ]]; then
      seen=$now
    elif [[ $now != "$seen" ]] || ! __hoist_live "$seen"; then
      echo "-----> the seed (pid $seen) exited before it was healthy; stopping its supervisor (pid $supervisor)"
      __hoist_stop "$supervisor" $(( ${HOIST_SUPERVISE_GRACE:-60} + 10 ))
      return 1
    fi
    if (( $(date +%s) >= deadline )); then
      echo "-----> not healthy within ${seconds}s; stopping the supervisor (pid $supervisor)"
      __hoist_stop "$supervisor" $(( ${HOIST_SUPERVISE_GRACE:-60} + 10 ))
      return 2
    fi
    sleep 0.5
  done
}

# Waits up to GRACE seconds for PID to end after its SIGTERM, then kills it.
__hoist_stop() {
  local pid=$1 grace=$2 deadline
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$(( $(date +%s) + grace ))
  while __hoist_live "$pid"; do
    if (( $(date +%s) >= deadline )); then kill -KILL "$pid" 2>/dev/null || true; break; fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
}

# Files are read with `read`, not `$(<file)`: under `set -e`, bash (5.2 here) exits when the file of a
# `$(<file)` cannot be opened, even where the failure is handled (`|| return 1`).

# Prints the pid PIDFILE holds, or fails.
__hoist_pid_in() {
  local pid=""
  { read -r pid <"$1"; } 2>/dev/null || [[ -n $pid ]] || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  echo "$pid"
}

# PID exists and is not a zombie (dead, only not reaped yet) nor dead.
__hoist_live() {
  local stat=""
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  # The state follows the command, which is in parentheses and may itself hold ") ".
  stat=${stat##*) }
  [[ $stat != [ZX]* ]]
}
