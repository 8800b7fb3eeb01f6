#!/usr/bin/env bash
# Wait until the machine is quiet (less than 0.3 CPU busy over 10 s, from
# /proc/stat), then run the given command and report how busy the machine was
# meanwhile. For benchmarks on a shared machine, e.g.:
#
#   benches/wait-quiet.sh cargo bench -p fou-bench --bench rounds -- threads
#
# Gives up after TRIES (default 120) windows of 10 s. Linux only.
set -euo pipefail
busy() { read -r _ u n s _ _ x y z _ < /proc/stat; echo $((u + n + s + x + y + z)); }
hz=$(getconf CLK_TCK)
for _ in $(seq 1 "${TRIES:-120}"); do
  a=$(busy); sleep 10; b=$(busy)
  if [ $((b - a)) -lt $((3 * hz)) ]; then
    echo "quiet at $(date +%T): $(( (b - a) * 100 / (10 * hz) )) % of a CPU busy; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    s0=$(busy); t0=$(date +%s%3N)
    "$@"
    s1=$(busy); t1=$(date +%s%3N)
    echo "during the run: $(( (s1 - s0) * 100000 / (hz * (t1 - t0 + 1)) )) % of one CPU busy on average ($(nproc) CPUs)" >&2
    exit 0
  fi
done
echo "the machine never became quiet" >&2
exit 1
