#!/usr/bin/env bash
# Soak: as many notifications as fit (default 20 rounds of 50,000 = 1,000,000, or 20 minutes) through ONE `herald serve`
# relaying to Postfix's smtp-sink, with retention set short (final messages kept 1 minute, pruner every 10 s) so
# pruning runs during the whole load. After every round it prints the round's delivery rate, Herald's RSS (now and
# peak) and the data folder's size; at the end the first and last tenth's rates, the peak RSS, and what was lost:
# messages acknowledged (202) that the sink never received.
# Goals (issue 17): the data folder stops growing once retention applies; the last tenth delivers within 10 % of the
# first tenth's rate; peak RSS under 300 MB; nothing acknowledged lost.
# Usage: bench/soak.sh [ROUNDS] [PER_ROUND] [MINUTES]   (defaults 20 50000 20). Needs: postfix (smtp-sink).
# Environment: RETENTION (default 00:01:00), PRUNE_EVERY (default 00:00:10). Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}; PER_ROUND=${2:-50000}; MINUTES=${3:-20}
RETENTION=${RETENTION:-00:01:00}; PRUNE_EVERY=${PRUNE_EVERY:-00:00:10}
SINK_PORT=${SINK_PORT:-2620}; HERALD_PORT=${HERALD_PORT:-5101}
work=$(mktemp -d /tmp/herald-soak-XXXXXX); chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/common.sh
require_free_ports $SINK_PORT $HERALD_PORT
echo "building (Release)..."
build_delivery_bench

# -c: a running count of completed DATA commands, the sink's own tally of what arrived.
SINK_OUT=$work/sink.out start_sink -c
sink_count() { tail -c 200 "$work/sink.out" | tr '\r' '\n' | sed -nE 's/.*mesg=([0-9]+).*/\1/p' | tail -1; }

# The bench sends no idempotency keys; the window must not outlast the retention (config check refuses that).
DIGEST+=(--Herald:Retention:Messages="$RETENTION" --Herald:Retention:Interval="$PRUNE_EVERY" --Herald:Delivery:IdempotencyWindow=00:00:30
  --Logging:LogLevel:Herald.Server.Workers.RetentionWorker=Information)
herald_serve "$work/data" $SINK_PORT "" "$work/herald.log"
herald=$!; pids+=($herald)
until curl -sf http://127.0.0.1:$HERALD_PORT/healthz >/dev/null; do
  kill -0 $herald 2>/dev/null || { echo "herald did not start:" >&2; cat "$work/herald.log" >&2; exit 1; }
  sleep 0.1
done

echo "soak: rounds=$ROUNDS per_round=$PER_ROUND limit=${MINUTES}min retention=$RETENTION prune_every=$PRUNE_EVERY cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-10s %-14s %-13s %-10s %-12s %-12s %-10s %s\n' round sent delivered_per_s critical_p99 rss_mb peak_rss_mb data_mb rows not_delivered
start=$(date +%s); rates=(); sent=0
for round in $(seq 1 "$ROUNDS"); do
  line=$(dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url http://127.0.0.1:$HERALD_PORT \
    --db "$work/data/herald.db" --messages "$PER_ROUND")
  sent=$((sent + PER_ROUND))
  rate=$(sed -E 's/.*delivered_per_s=([0-9]+).*/\1/' <<<"$line"); rates+=("$rate")
  p99=$(sed -E 's/.*critical_p99_ms=([0-9.]+|NaN).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*not_delivered=([0-9]+).*/\1/' <<<"$line")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$herald/status); peak=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$herald/status)
  data=$(du -sm "$work/data" | cut -f1)
  rows=$(sqlite3 "file:$work/data/herald.db?mode=ro" "SELECT count(*) FROM messages" 2>/dev/null || echo '?')
  printf '%-6s %-10s %-14s %-13s %-10s %-12s %-12s %-10s %s\n' "$round" "$sent" "$rate" "${p99}ms" "$rss" "$peak" "$data" "$rows" "$bad"
  [ $(( $(date +%s) - start )) -ge $((MINUTES * 60)) ] && { echo "time limit reached after round $round"; break; }
done

sleep 2
received=$(sink_count)
n=${#rates[@]}; tenth=$(( n >= 10 ? n / 10 : 1 ))
avg() { local s=0; for r in "$@"; do s=$((s + r)); done; echo $((s / $#)); }
first=$(avg "${rates[@]:0:$tenth}"); last=$(avg "${rates[@]:$((n - tenth)):$tenth}")
printf 'summary   rounds=%d acknowledged=%d received_by_sink=%d lost=%d first_tenth_per_s=%d last_tenth_per_s=%d last_vs_first=%+.1f%% peak_rss_mb=%s minutes=%.1f\n' \
  "$n" "$sent" "$received" $((sent - received > 0 ? sent - received : 0)) "$first" "$last" "$(echo "($last - $first) * 100 / $first" | bc -l)" \
  "$(awk '/VmHWM/ {print int($2/1024)}' /proc/$herald/status)" "$(echo "($(date +%s) - $start) / 60" | bc -l)"
grep -c "Retention removed" "$work/herald.log" | xargs -I{} echo "pruning passes that removed rows: {}"
grep "Retention removed" "$work/herald.log" | tail -1 || true
