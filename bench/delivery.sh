#!/usr/bin/env bash
# Delivery benchmark: Herald vs Postfix on this machine, both delivering to Postfix's smtp-sink on 127.0.0.1.
#   Herald: N messages (5.6 KB on the wire in the shipped layout) accepted through the HTTP API (durable: WAL + synchronous=FULL), delivered to the sink,
#           once without and once with DKIM (RSA-2048); one critical magic code every 20 messages measures
#           accept-to-sink latency while bulk saturates the system.
#   Postfix (the peer): the same N messages of the same size (PF_SIZE) injected by smtp-source (8 sessions) into a loopback-only
#           Postfix (../shared/bench/postfix-peer.sh) relaying to the same sink; timed until its queue is empty.
# Usage: bench/delivery.sh [N]   (default 20000). Needs: apt-get install postfix openssl. Everything stays on 127.0.0.1.
#   bench/delivery.sh --store postgres [N]: Postfix, Herald on SQLite and on PostgreSQL with one and two nodes, and batch
#   against single acceptance, in one run (bench/delivery-postgres.sh).
#   HERALD_EXTRA="--Herald:Telemetry:Prometheus=false" bench/delivery.sh: the same with more settings for Herald (here: metrics off).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --store ]; then
  case "${2:-}" in
    postgres) shift 2; exec bash bench/delivery-postgres.sh "$@" ;;
    sqlite) shift 2 ;;
    *) echo "--store: '${2:-}' is not a store; allowed: sqlite, postgres" >&2; exit 2 ;;
  esac
fi
N=${1:-20000}
# Both sides carry the same bytes: Herald's digest in the shipped layout (issue 16's responsive frame) is 5,455 bytes
# from From: to its end as smtp-sink -d dumped it on 2026-11-30 (LF line ends; 5.6 KB with CRLF), so smtp-source sends
# 5,400 plus its own few header lines. Before the layout it was 2.2 KB and smtp-source sent 2,000. A layout of your own
# (HERALD_EXTRA="--Herald:Layout:Folder=DIR") changes Herald's size: set PF_SIZE to match.
PF_SIZE=${PF_SIZE:-5400}
SHARED=${SHARED:-../shared}
work=$(mktemp -d /tmp/herald-bench-XXXXXX)
chmod 755 "$work" # the postfix user must reach its queue below it
SINK_PORT=${SINK_PORT:-2600}; PF_PORT=${PF_PORT:-10025}; HERALD_PORT=${HERALD_PORT:-5081}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  PEER_DIR=$work/postfix bash "$SHARED/bench/postfix-peer.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

source bench/common.sh
echo "building (Release)..."
build_delivery_bench
require_free_ports $SINK_PORT $PF_PORT $HERALD_PORT

start_sink

# ---- the peer: Postfix -------------------------------------------------------------------------------
run_postfix_peer

# ---- Herald ------------------------------------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/dkim.pem" 2>/dev/null
run_herald() { # $1 = off|on
  local data=$work/herald-$1 key=
  [ "$1" = on ] && key=$work/dkim.pem
  herald_serve "$data" $SINK_PORT "$key" "$work/herald-$1.log"
  local pid=$!
  wait_healthy $pid "$work/herald-$1.log"
  local line
  warm_up http://127.0.0.1:$HERALD_PORT --db "$data/herald.db"
  line=$(dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url http://127.0.0.1:$HERALD_PORT --db "$data/herald.db" --messages "$N")
  local rss
  rss=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "herald    dkim=$1 $line peak_rss_mb=$rss"
}
h_off=$(run_herald off); echo "$h_off"
h_on=$(run_herald on); echo "$h_on"
rate() { sed -E 's/.*delivered_per_s=([0-9]+).*/\1/' <<<"$1"; }
printf 'ratio     herald/postfix delivered per second: dkim off %.2fx, dkim on %.2fx\n' \
  "$(echo "$(rate "$h_off") / $pf_rate" | bc -l)" "$(echo "$(rate "$h_on") / $pf_rate" | bc -l)"
