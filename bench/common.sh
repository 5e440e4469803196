# Sourced by bench/delivery.sh and bench/delivery-phases.sh: what both need to build, check and start Herald.

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

# herald_serve DATA_DIR RELAY_PORT DKIM_PEM|"" LOG: starts Herald in the background relaying to 127.0.0.1:RELAY_PORT,
# with the digest type below and, given a key, RSA DKIM for bench.example; its pid is in $! afterwards. It runs in
# Production, as deployed, so its domains are real-looking ones: Production refuses the shipped .localhost defaults.
herald_serve() {
  # Every request carries an API key, as an application's would (a relay route ends the anonymous quick start).
  HERALD_KEY=$(dotnet "$HERALD_DLL" keys create --name bench --scopes send,read \
    --Herald:DataDirectory="$1" 2>>"$4")
  export HERALD_KEY
  local dkim=() extra=()
  # HERALD_EXTRA: more settings for this run, e.g. "--Herald:Telemetry:Prometheus=false" to measure what metrics cost.
  read -ra extra <<< "${HERALD_EXTRA:-}"
  [ -n "$3" ] && dkim=(--Herald:Smtp:Dkim:Keys:0:Domain=bench.example --Herald:Smtp:Dkim:Keys:0:Selector=bench --Herald:Smtp:Dkim:Keys:0:PrivateKeyFile="$3")
  dotnet "$HERALD_DLL" serve --urls http://127.0.0.1:$HERALD_PORT --Herald:DataDirectory="$1" \
    --Herald:BounceDomain=bounces.bench.example --Herald:MessageIdDomain=bench.example \
    --Herald:DefaultSender:Address=notifications@bench.example \
    --Herald:Smtp:Routes:default:Kind=Relay --Herald:Smtp:Routes:default:Host=127.0.0.1 --Herald:Smtp:Routes:default:Port="$2" \
    --Herald:Smtp:Routes:default:StartTls=None --Herald:Inbound:Endpoint=127.0.0.1:0 --Logging:LogLevel:Default=Warning \
    "${DIGEST[@]}" "${dkim[@]}" "${extra[@]}" >>"$4" 2>&1 &
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
