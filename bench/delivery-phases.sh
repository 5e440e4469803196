#!/usr/bin/env bash
# Where the CPU goes: Herald's two halves measured apart, in CPU milliseconds per message (from /proc/PID/stat).
#   accept:  N messages through the HTTP API into a Herald whose relay accepts connections but never answers, so
#            nothing is delivered; Herald's CPU from /healthz until the last 202 (what the API, validation and the
#            durable enqueue cost).
#   deliver: the same database handed to a fresh Herald relaying to Postfix's smtp-sink; Herald's CPU from start until
#            the queue is empty (claims, rendering, MIME, DKIM when on, SMTP, outcomes), and the rate between the first
#            and the last delivery.
# Usage: bench/delivery-phases.sh [N] [off|on]   (defaults 20000 off). Needs: postfix (smtp-sink), sqlite3, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}; DKIM=${2:-off}
SINK_PORT=${SINK_PORT:-2610}; MUTE_PORT=${MUTE_PORT:-2611}; HERALD_PORT=${HERALD_PORT:-5091}
work=$(mktemp -d /tmp/herald-phases-XXXXXX); chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/common.sh
require_free_ports $SINK_PORT $MUTE_PORT $HERALD_PORT
build_delivery_bench
key=
if [ "$DKIM" = on ]; then
  key=$work/dkim.pem
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
fi
start_herald() { # $1 = relay port
  herald_serve "$work/data" "$1" "$key" "$work/herald.log"
  herald=$!; pids+=($herald)
}

# accept
python3 -c "
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $MUTE_PORT)); s.listen(100)
held = []
while True: held.append(s.accept()[0])" & pids+=($!)
start_herald $MUTE_PORT
until curl -sf http://127.0.0.1:$HERALD_PORT/healthz >/dev/null; do sleep 0.1; done
c0=$(ticks $herald)
dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url http://127.0.0.1:$HERALD_PORT \
  --db "$work/data/herald.db" --messages "$N" --accept-only >/dev/null
c1=$(ticks $herald)
kill $herald; wait $herald 2>/dev/null || true
printf 'accept    dkim=%s messages=%d herald_cpu_ms_per_message=%.3f\n' "$DKIM" "$N" "$(echo "($c1 - $c0) * 10 / $N" | bc -l)"

# deliver (the attempts stuck on the mute relay were released at shutdown and are claimed again at once)
start_sink
start_herald $SINK_PORT
c0=$(ticks $herald)
queued() { sqlite3 "file:$work/data/herald.db?mode=ro" "SELECT count(*) FROM messages WHERE status = 'queued'" 2>/dev/null || echo 1; }
sleep 0.5
while [ "$(queued)" != 0 ]; do sleep 0.05; done
c1=$(ticks $herald)
rate=$(sqlite3 "file:$work/data/herald.db?mode=ro" "SELECT count(*) * 1000 / (max(time) - min(time)) FROM events WHERE type = 'delivered'")
printf 'deliver   dkim=%s messages=%d herald_cpu_ms_per_message=%.3f delivered_per_s=%d (first to last delivery)\n' \
  "$DKIM" "$N" "$(echo "($c1 - $c0) * 10 / $N" | bc -l)" "$rate"
