#!/bin/sh
# stop-and-wait.sh SAME_BIN: `same daemon stop` in the current workspace, then waits until the daemon's process is
# gone. `daemon stop` returns once the daemon has let go of its lock, while its JVM may still be exiting and using
# CPU; a command timed right after that would pay for it, which the first command of a day (the daemon gone hours
# ago) does not.
same=$1
pids=$(cat .same/daemon/spawned.pid 2>/dev/null; sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p' .same/daemon/daemon.json 2>/dev/null)
"$same" daemon stop >/dev/null 2>&1 || true
for pid in $pids; do
  # a zombie counts as gone: it uses no CPU (this VM's init reaps orphans only every two seconds)
  while kill -0 "$pid" 2>/dev/null && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ]; do sleep 0.02; done
done
exit 0
