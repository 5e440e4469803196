# Sourced by bench/delivery.sh, bench/delivery-postgres.sh and bench/delivery-phases.sh: what they need to build,
# check and start Herald, and the peer's run.

# HERALD_PUBLISHED=1 measures what `dotnet publish` ships (ReadyToRun, issue 14) instead of the Release build output.
HERALD_DLL=src/Herald.Cli/bin/Release/net10.0/herald.dll
build_delivery_bench() {
  if [ "${HERALD_PUBLISHED:-}" = 1 ]; then
    HERALD_DLL=$work/published/herald.dll
    dotnet publish -c Release -v q --nologo src/Herald.Cli/Herald.Cli.csproj -o "$work/published" >/dev/null
  else
    dotnet build -c Release -v q --nologo src/Herald.Cli/Herald.Cli.csproj >/dev/null
  fi
  dotnet build -c Release -v q --nologo bench/Herald.Bench.Delivery/Herald.Bench.Delivery.csproj >/dev/null
}

# Every port must be ours: a stray Postfix on the peer's port would take the injection and leave our queue empty.
require_free_ports() {
  local port
  for port in "$@"; do
    if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "port $port on 127.0.0.1 is already in use; stop what listens there" >&2; exit 1; fi
  done
}

# start_sink [smtp-sink options...]: Postfix's smtp-sink on 127.0.0.1:$SINK_PORT in the background (its pid added to
# $pids; what it prints to SINK_OUT, default this script's output), once it listens. Without Postfix installed the runs would wait for deliveries that never come (seen on a new
# machine: the warm-up hung), so a missing smtp-sink or one that does not start stops the bench, naming what is missing.
start_sink() {
  command -v smtp-sink >/dev/null || { echo "smtp-sink not found: apt-get install postfix" >&2; exit 1; }
  smtp-sink "$@" -u postfix 127.0.0.1:$SINK_PORT 1024 >"${SINK_OUT:-/dev/stdout}" 2>&1 & pids+=($!)
  local i
  for ((i = 0; i < 50; i++)); do
    ss -ltn "sport = :$SINK_PORT" | grep -q LISTEN && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "smtp-sink did not start listening on 127.0.0.1:$SINK_PORT" >&2; exit 1
}

# herald_serve DATA_DIR RELAY_PORT DKIM_PEM|"" LOG: starts Herald on 127.0.0.1:$HERALD_PORT in the background relaying to
# 127.0.0.1:RELAY_PORT, with the digest type below and, given a key, RSA DKIM for bench.example; its pid is in $!
# afterwards. It runs in Production, as deployed, so its domains are real-looking ones: Production refuses the shipped
# .localhost defaults. STORE=(...) holds the storage settings (empty: SQLite in DATA_DIR).
STORE=()
herald_serve() {
  # Every request carries an API key, as an application's would (a relay route ends the anonymous quick start).
  HERALD_KEY=$(dotnet "$HERALD_DLL" keys create --name bench --scopes send,read \
    --Herald:DataDirectory="$1" "${STORE[@]}" 2>>"$4")
  export HERALD_KEY
  local dkim=() extra=()
  # HERALD_EXTRA: more settings for this run, e.g. "--Herald:Telemetry:Prometheus=false" to measure what metrics cost.
  # HERALD_ENV: more environment for the nodes only (not the load generator), e.g. "DOTNET_GCgen0size=0x4000000".
  local environment=()
  read -ra extra <<< "${HERALD_EXTRA:-}"
  read -ra environment <<< "${HERALD_ENV:-}"
  [ -n "$3" ] && dkim=(--Herald:Smtp:Dkim:Keys:0:Domain=bench.example --Herald:Smtp:Dkim:Keys:0:Selector=bench --Herald:Smtp:Dkim:Keys:0:PrivateKeyFile="$3")
  env "${environment[@]}" dotnet "$HERALD_DLL" serve --urls http://127.0.0.1:$HERALD_PORT --Herald:DataDirectory="$1" "${STORE[@]}" \
    --Herald:BounceDomain=bounces.bench.example --Herald:MessageIdDomain=bench.example \
    --Herald:DefaultSender:Address=notifications@bench.example \
    --Herald:Smtp:Routes:default:Kind=Relay --Herald:Smtp:Routes:default:Host=127.0.0.1 --Herald:Smtp:Routes:default:Port="$2" \
    --Herald:Smtp:Routes:default:StartTls=None --Herald:Inbound:Endpoint=127.0.0.1:0 --Logging:LogLevel:Default=Warning \
    "${DIGEST[@]}" "${dkim[@]}" "${extra[@]}" >>"$4" 2>&1 &
}

# wait_healthy PID LOG: until Herald on 127.0.0.1:$HERALD_PORT answers /healthz; its log and exit if it died first.
wait_healthy() {
  until curl -sf http://127.0.0.1:$HERALD_PORT/healthz >/dev/null; do
    kill -0 "$1" 2>/dev/null || { echo "herald did not start:" >&2; cat "$2" >&2; exit 1; }
    sleep 0.1
  done
}

# ticks PID: the process's CPU so far, user plus system, in clock ticks (getconf CLK_TCK per second).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_postfix_peer: the peer. N messages of PF_SIZE bytes injected by smtp-source (8 sessions) into a loopback-only Postfix
# (../shared/bench/postfix-peer.sh, in $work/postfix, on $PF_PORT) relaying to the smtp-sink on $SINK_PORT, timed until
# its queue is empty. Prints its line and sets pf_rate (delivered per second).
postfix_drain() { # until the peer's queue is empty
  while [ "$(find "$PEER_DIR/spool/incoming" "$PEER_DIR/spool/active" "$PEER_DIR/spool/deferred" "$PEER_DIR/spool/maildrop" -type f 2>/dev/null | wc -l)" -gt 0 ]; do
    sleep 0.05
  done
}
# Every run, Postfix's and Herald's, first carries WARMUP messages of the same traffic, drained before its clock starts:
# the figures are steady state, not start-up (JIT, first connections; see bench/Herald.Bench.Delivery/Program.cs).
WARMUP=${WARMUP:-1000}
# warm_up URL[,URL...] OPTIONS...: Herald's warm-up through the load generator (OPTIONS: --db FILE or --pg CONNSTR, and
# the measured run's --batch, --accept-only...), to "warmup-" addresses that no figure counts.
warm_up() {
  [ "$WARMUP" -gt 0 ] || return 0
  local url=$1; shift
  dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url "$url" "$@" --messages "$WARMUP" --prefix warmup- >/dev/null
}
run_postfix_peer() {
  export PEER_DIR=$work/postfix PF_PORT SINK_PORT PF_LOG=no
  mkdir -p "$PEER_DIR"
  bash "$SHARED/bench/postfix-peer.sh" setup >/dev/null
  bash "$SHARED/bench/postfix-peer.sh" start >/dev/null 2>&1
  sleep 1
  [ -s "$PEER_DIR/spool/pid/master.pid" ] || { echo "the peer Postfix did not start" >&2; exit 1; }
  local start injected end
  if [ "$WARMUP" -gt 0 ]; then # as Herald's runs: the same traffic first, drained before the clock starts
    smtp-source -l "$PF_SIZE" -m "$WARMUP" -s 8 -f from@example.com -t to@example.com 127.0.0.1:$PF_PORT
    postfix_drain
  fi
  start=$(date +%s.%N)
  smtp-source -l "$PF_SIZE" -m "$N" -s 8 -f from@example.com -t to@example.com 127.0.0.1:$PF_PORT
  injected=$(date +%s.%N)
  postfix_drain
  end=$(date +%s.%N)
  bash "$SHARED/bench/postfix-peer.sh" stop >/dev/null 2>&1 || true
  pf_rate=$(echo "$N / ($end - $start)" | bc -l)
  printf 'postfix   messages=%d accepted_per_s=%.0f delivered_per_s=%.0f end_to_end_s=%.2f\n' "$N" \
    "$(echo "$N / ($injected - $start)" | bc -l)" "$pf_rate" "$(echo "$end - $start" | bc -l)"
}

# The bulk load is a weekly digest, a type the bench adds through configuration: a short subject and a body of about
# 0.7 KB of text, plus its HTML, in the shipped layout: 5.6 KB on the wire (2.2 KB before the layout; delivery.sh gives
# smtp-source the same size). (Until 2026-11 the bench put the
# filler in report-submitted's report name, making a 1.4 KB Subject that MimeKit folds into twenty encoded lines: no
# real notification looks like that, and folding it was 7 % of the delivery CPU.)
T=--Herald:Catalogue:weekly-digest
DIGEST=("$T:Category=digests" "$T:OptOut=true" "$T:Priority=bulk" "$T:TimeToLive=3.00:00:00"
  "$T:Fields:week:Required=true" "$T:Fields:summary:Required=true"
  "$T:Subject=Your digest for week {{ week }}"
  "$T:Text=Here is what happened in week {{ week }}:

{{ summary }}
"
  "$T:Html=<p>Here is what happened in week {{ week }}:</p><pre>{{ summary }}</pre>")
