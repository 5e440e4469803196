#!/usr/bin/env bash
# What the metrics cost (issue 15): Herald alone (no Postfix, DKIM off) to smtp-sink on 127.0.0.1, metrics on and off
# interleaved PAIRS times, each printing delivered/s and Herald's CPU per message (utime+stime from /proc/PID/stat,
# healthy to queue empty). Single runs move by 20 % here; interleaved pairs are the comparison.
# Usage: bench/metrics-cost.sh [N] [PAIRS]   (defaults 20000 3). Needs: postfix (smtp-sink). Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}; PAIRS=${2:-3}
work=$(mktemp -d /tmp/herald-metrics-XXXXXX)
chmod 755 "$work"
SINK_PORT=${SINK_PORT:-2700}; HERALD_PORT=${HERALD_PORT:-5181}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/common.sh
echo "building (Release)..."
build_delivery_bench
require_free_ports $SINK_PORT $HERALD_PORT
start_sink
tck=$(getconf CLK_TCK)

run() { # $1 = on|off
  local data=$work/herald-$1-$2 pid line t0 t1
  HERALD_EXTRA=""; [ "$1" = off ] && HERALD_EXTRA="--Herald:Telemetry:Prometheus=false"
  herald_serve "$data" $SINK_PORT "" "$work/herald.log"; pid=$!
  wait_healthy $pid "$work/herald.log"
  t0=$(ticks $pid)
  line=$(dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url http://127.0.0.1:$HERALD_PORT --db "$data/herald.db" --messages "$N")
  t1=$(ticks $pid)
  kill $pid; wait $pid 2>/dev/null || true
  printf 'metrics=%-3s %s cpu_ms_per_message=%.3f\n' "$1" "$line" "$(echo "($t1 - $t0) / $tck * 1000 / $N" | bc -l)"
}
for pair in $(seq "$PAIRS"); do run on "$pair"; run off "$pair"; done
