# shellcheck shell=bash
#
# supervise.sh: keep a seed process running, as hoistd does for the platform's JVM.
#
#   source deploy/scripts/supervise.sh
#   hoist_pid_running PIDFILE PATTERN   # the pid in PIDFILE is a live process (not a zombie) whose
#                                       # command line contains PATTERN (so a reused pid is not trusted)
#   hoist_supervise CHILD_PIDFILE PATTERN -- COMMAND...
#
# hoist_supervise runs COMMAND and starts it again whenever it exits on its own: at once the first
# time, then after 1 s, 2 s, 4 s... up to HOIST_SUPERVISE_MAX_PAUSE seconds (default 30); a command
# that stayed up HOIST_SUPERVISE_STEADY seconds (default 60) counts as healthy again, so its next
# exit is restarted at once. SIGTERM or
# SIGINT stop it: the command gets SIGTERM, HOIST_SUPERVISE_GRACE seconds (default 60) to finish,
# then SIGKILL, and the supervisor returns. If CHILD_PIDFILE names a live command from a supervisor
# that was killed, that command is adopted (watched until it exits), not started twice.
#
# Sourcing this file only defines functions.

hoist_pid_running() {
  local file=$1 pattern=$2 pid state
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  # The third field of /proc/PID/stat is the state; Z is a zombie: dead, only not reaped yet.
  state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z && $state != X ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

hoist_supervise() {
  local child_file=$1 pattern=$2
  shift 3 # CHILD_PIDFILE PATTERN --
  local max_pause=${HOIST_SUPERVISE_MAX_PAUSE:-30} steady=${HOIST_SUPERVISE_STEADY:-60}
  local grace=${HOIST_SUPERVISE_GRACE:-60} pause=0 failures=0 child="" status started stopping="" sleeper
  trap 'stopping=1; [[ -n $child ]] && kill -TERM "$child" 2>/dev/null' TERM INT

  if hoist_pid_running "$child_file" "$pattern"; then
    child=$(<"$child_file")
    echo "-----> supervisor: adopting the running seed (pid $child) left by an earlier supervisor"
    while [[ -z $stopping ]] && hoist_pid_running "$child_file" "$pattern"; do sleep 1; done
    [[ -n $stopping ]] && { __hoist_stop "$child" "$grace"; rm -f "$child_file"; return 0; }
    echo "-----> supervisor: the adopted seed (pid $child) exited"
    child=""
  fi

  while [[ -z $stopping ]]; do
    if (( pause > 0 )); then
      echo "-----> supervisor: starting the seed again in ${pause}s"
      sleep "$pause" &
      sleeper=$!
      wait "$sleeper" || true
      if [[ -n $stopping ]]; then kill "$sleeper" 2>/dev/null; break; fi
    fi
    started=$(date +%s)
    "$@" &
    child=$!
    echo "$child" >"$child_file"
    status=0
    wait "$child" || status=$?
    # A trapped signal ends `wait` early; the command is still stopping.
    if [[ -n $stopping ]]; then __hoist_stop "$child" "$grace"; break; fi
    echo "-----> supervisor: the seed (pid $child) exited with status $status"
    (( $(date +%s) - started >= steady )) && failures=0
    (( failures < 12 )) && failures=$(( failures + 1 ))
    if (( failures == 1 )); then pause=0
    else pause=$(( 1 << (failures - 2) )); (( pause > max_pause )) && pause=$max_pause
    fi
    child=""
  done
  rm -f "$child_file"
  trap - TERM INT
  return 0
}

# Waits up to GRACE seconds for PID to end after its SIGTERM, then kills it.
__hoist_stop() {
  local pid=$1 grace=$2 deadline
  kill -TERM "$pid" 2>/dev/null || return 0
  deadline=$(( $(date +%s) + grace ))
  while kill -0 "$pid" 2>/dev/null && [[ $(ps -o stat= -p "$pid" 2>/dev/null) != Z* ]]; do
    if (( $(date +%s) >= deadline )); then kill -KILL "$pid" 2>/dev/null; break; fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
}
