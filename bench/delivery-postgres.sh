#!/usr/bin/env bash
# Delivery benchmark past one machine (issue 13): in one run, with the same smtp-sink and the same N messages (5.6 KB
# in the shipped layout, one critical magic code every 20), Postfix (the peer, as bench/delivery.sh runs it, carrying
# as many bytes: PF_SIZE), Herald on SQLite, Herald on PostgreSQL with one node and with two nodes (two processes on
# one database, every role, on two ports; the load is spread over both), and the same two nodes with the roles split
# (roles=api,inbound,webhooks|delivery: the first takes the whole load, the second delivers). Then acceptance alone
# (nodes with only the api role, nothing delivered) of single POSTs against POST /v1/messages/batch with 500 messages
# per request, on PostgreSQL and on SQLite. Each PostgreSQL run has a fresh database, the one before dropped.
#   Per Herald run: accepted/s, delivered/s end to end, critical p50/p99 while bulk saturates, peak RSS and CPU seconds
#   per 1,000 messages of each node (utime+stime from /proc/PID/stat, from healthy until the queue is empty) and of
#   the PostgreSQL server (postmaster and its backends).
#   PostgreSQL: a throwaway cluster (initdb into this run's temp folder, a free port on 127.0.0.1 only), DURABLE as
#   deployed (fsync, synchronous_commit and full_page_writes on: a 202 survives a crash), with memory and checkpoint
#   spacing sized for a benchmark; a fresh database per run; stopped and deleted at the end.
#   Every run first carries WARMUP (default 1,000) messages of the same traffic, delivered (or accepted) before its clock
#   and CPU count start, Postfix's as Herald's (bench/common.sh): the figures are steady state, not start-up.
# Usage: bench/delivery-postgres.sh [N]   or   bench/delivery.sh --store postgres [N]   (default 20000).
#   Needs: apt-get install postfix openssl postgresql. Everything stays on 127.0.0.1.
#   PG_CONNECTION_EXTRA=";No Reset On Close=true": more Npgsql settings for every node's connection string.
#   PG_SERVER_EXTRA="-c wal_init_zero=off": more settings for the PostgreSQL server.
#   PG_ONLY=1: only the one-node PostgreSQL run (no Postfix, SQLite, two nodes or acceptance runs): for iterating on
#   the store; no goals are printed. PG_ONLY=accept: only PostgreSQL's acceptance runs (single and batch), with CPU.
#   PG_ONLY=2: the one-node and both two-node PostgreSQL runs, one after the other (the two-node goal, without the rest).
#   LOAD_EXTRA="--concurrency 8": more options for the load generator (bench/Herald.Bench.Delivery/Args.cs).
#   HERALD_EXTRA="--Herald:Delivery:Concurrency=8": more settings for every node; TWO_NODE_EXTRA: for the two nodes only.
#   HERALD_ENV="DOTNET_GCgen0size=0x4000000": more environment for the nodes (the runtime's knobs) and nothing else.
#   PG_LOG=FILE: keep PostgreSQL's server log there (with PG_SERVER_EXTRA="-c log_checkpoints=on ...", to line up stalls).
#   PG_STATEMENTS=1: also print the statements that took PostgreSQL's time in the one-node run and in the batch
#   acceptance run (pg_stat_statements).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
PF_SIZE=${PF_SIZE:-5400} # what Herald's digest weighs on the wire; see bench/delivery.sh
BATCH=${BATCH:-500}
SHARED=${SHARED:-../shared}
work=$(mktemp -d /tmp/herald-bench-pg-XXXXXX)
chmod 755 "$work" # the postfix and postgres users must reach their folders below it
SINK_PORT=${SINK_PORT:-2620}; PF_PORT=${PF_PORT:-10035}; PORT_A=${PORT_A:-5111}; PORT_B=${PORT_B:-5112}
PG_BIN=${PG_BIN:-$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1; }
PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HZ=$(getconf CLK_TCK)
pids=()
# PostgreSQL refuses to run as root: as root (CI, this machine) its tools run as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # The Herald nodes, should the run stop between starting and stopping them.
  [ -f "$work/pids" ] && xargs kill <"$work/pids" 2>/dev/null || true
  PEER_DIR=$work/postfix bash "$SHARED/bench/postfix-peer.sh" stop >/dev/null 2>&1 || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" stop -w -m fast -D "$work/pg/data" >/dev/null 2>&1
  [ -z "${PG_LOG:-}" ] || cp "$work/pg/server.log" "$PG_LOG" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source bench/common.sh
echo "building (Release)..."
build_delivery_bench
require_free_ports $SINK_PORT $PF_PORT $PORT_A $PORT_B

mkdir "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_pg "$PG_BIN/initdb" -D "$work/pg/data" -U postgres --auth=trust --locale=C -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$work/pg/data" -l "$work/pg/server.log" -o "-c listen_addresses=127.0.0.1 -p $PG_PORT \
  -c unix_socket_directories=$work/pg -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300 \
  -c shared_buffers=512MB -c wal_buffers=16MB -c max_wal_size=4GB -c checkpoint_timeout=30min \
  ${PG_STATEMENTS:+-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on} ${PG_SERVER_EXTRA:-}" >/dev/null
psql_admin() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAtc "$1"; }
printf 'postgres  version=%s fsync=%s synchronous_commit=%s full_page_writes=%s\n' "$(psql_admin 'SHOW server_version')" \
  "$(psql_admin 'SHOW fsync')" "$(psql_admin 'SHOW synchronous_commit')" "$(psql_admin 'SHOW full_page_writes')"
databases=0
fresh_database() { # a new empty database; its connection string in $pg_conn
  # Every run starts on the same footing: the run before's database dropped (or autovacuum cleans its dead rows during
  # this run, on this run's CPU count) and its dirty pages written out (or this run's checkpoint writes them).
  [ "$databases" = 0 ] || psql_admin "DROP DATABASE herald_$databases WITH (FORCE)"
  psql_admin "CHECKPOINT"
  databases=$((databases + 1))
  psql_admin "CREATE DATABASE herald_$databases"
  pg_conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=herald_$databases${PG_CONNECTION_EXTRA:-}"
}
# The server's CPU: the postmaster's own and its reaped children's, and its live backends'.
pg_ticks() {
  local pm
  pm=$(head -1 "$work/pg/data/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for c in $(cat /proc/"$pm"/task/*/children); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk '{s += $1} END {print s}'
}
per_1000() { echo "$1 / $HZ * 1000 / $N" | bc -l | xargs printf '%.2f'; }

start_sink
[ -n "${PG_ONLY:-}" ] || run_postfix_peer

# start_nodes LABEL COUNT [ROLES...]: COUNT Herald nodes on the STORE settings, on PORT_A (and PORT_B), each its own data
# folder, node i with the roles ROLES[i] when given (every role otherwise); their pids in $nodes, the URLs of those that
# take the API in $urls (the load goes to them), their CPU ticks once healthy in $cpu0.
start_nodes() {
  local i ports=($PORT_A $PORT_B) label=$1 count=$2 keep=${HERALD_EXTRA:-}
  shift 2
  local roles=("$@")
  nodes=(); urls=(); cpu0=()
  for ((i = 0; i < count; i++)); do
    HERALD_PORT=${ports[$i]}
    [ -z "${roles[$i]:-}" ] || HERALD_EXTRA="$keep --Herald:Roles=${roles[$i]}"
    herald_serve "$work/$label-$i" $SINK_PORT "" "$work/$label-$i.log"
    HERALD_EXTRA=$keep
    nodes+=($!); echo $! >>"$work/pids"
    wait_healthy $! "$work/$label-$i.log"
    [[ -n "${roles[$i]:-}" && ",${roles[$i]}," != *,api,* ]] || urls+=("http://127.0.0.1:$HERALD_PORT")
  done
  for i in "${nodes[@]}"; do cpu0+=("$(ticks "$i")"); done
}
# stop_nodes: peak RSS and CPU per 1,000 messages of each node (joined with +) in $rss and $cpu, then kills them.
stop_nodes() {
  local i r=() c=()
  for i in "${!nodes[@]}"; do
    c+=("$(per_1000 "$(($(ticks "${nodes[$i]}") - ${cpu0[$i]}))")")
    r+=("$(awk '/VmHWM/ {print int($2/1024)}' "/proc/${nodes[$i]}/status")")
    kill "${nodes[$i]}"; wait "${nodes[$i]}" 2>/dev/null || true
  done
  rss=$(IFS=+; echo "${r[*]}"); cpu=$(IFS=+; echo "${c[*]}")
}
warm() { # the warm-up (bench/common.sh) on the running nodes, with the load's options; CPU counts from its end
  warm_up "$(IFS=,; echo "${urls[*]}")" "$@"
  local i; cpu0=()
  for i in "${nodes[@]}"; do cpu0+=("$(ticks "$i")"); done
}
load() { # the load generator against $urls, completion read from $1 (--db FILE or --pg CONNSTR), more options after
  dotnet bench/Herald.Bench.Delivery/bin/Release/net10.0/Herald.Bench.Delivery.dll --url "$(IFS=,; echo "${urls[*]}")" "$@" ${LOAD_EXTRA:-} --messages "$N"
}

# ---- end to end: SQLite, PostgreSQL with one node, with two nodes -----------------------------------------------
STORE=()
if [ -z "${PG_ONLY:-}" ]; then
  start_nodes sqlite 1
  warm --db "$work/sqlite-0/herald.db"
  line=$(load --db "$work/sqlite-0/herald.db")
  stop_nodes
  h_sqlite="herald    store=sqlite   nodes=1 $line peak_rss_mb=$rss cpu_s_per_1000=$cpu"
  echo "$h_sqlite"
fi
run_postgres() { # $1 = nodes, then each node's roles (every role on each when none); its line in $h
  fresh_database
  STORE=(--Herald:Storage:Kind=postgres --Herald:Storage:Postgres:ConnectionString="$pg_conn")
  local p0 line pg_cpu keep=${HERALD_EXTRA:-} count=$1 layout=""
  shift
  [ $# = 0 ] || layout=" roles=$(IFS='|'; echo "$*")"
  [ "$count" = 2 ] && HERALD_EXTRA="$keep ${TWO_NODE_EXTRA:-}"
  start_nodes "pg$count${layout:+split}" "$count" "$@"
  HERALD_EXTRA=$keep
  warm --pg "$pg_conn"
  p0=$(pg_ticks)
  line=$(load --pg "$pg_conn")
  pg_cpu=$(per_1000 "$(($(pg_ticks) - p0))")
  # With PG_STATEMENTS=1, the first node's own histograms (claims per lane, API requests, attempts by priority): where a
  # critical message's time goes before its attempt starts.
  # And the runtime's: collections per generation and time paused for GC since the node started, warm-up included.
  if [ -n "${PG_STATEMENTS:-}" ]; then
    curl -s -H "Authorization: Bearer $HERALD_KEY" "${urls[0]}/metrics" >"$work/metrics"
    python3 bench/histogram.py 'store_claim|http_server_request_duration.*POST|attempt_duration.*critical' <"$work/metrics" | sed "s/^/histogram pg$count /"
    grep -E '^dotnet_(gc_collections_total|gc_pause_time_seconds_total|monitor_lock_contentions_total)' "$work/metrics" | sed "s/^/runtime pg$count /"
  fi
  stop_nodes
  h="herald    store=postgres nodes=$count$layout $line peak_rss_mb=$rss cpu_s_per_1000=$cpu postgres_cpu_s_per_1000=$pg_cpu"
  echo "$h"
}
[ "${PG_ONLY:-}" = accept ] || { run_postgres 1; h_pg1=$h; }
statements() { # with PG_STATEMENTS=1: what took PostgreSQL's time in the run on the last fresh database (calls, ms, rows, buffer
  # pages touched and WAL bytes written per call, times planned and planning ms), labelled $1
  [ -n "${PG_STATEMENTS:-}" ] || return 0
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "herald_$databases" -qAt -F ' | ' -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c \
    "SELECT calls, round(total_exec_time) AS ms, rows, round(shared_blks_hit::numeric / NULLIF(calls, 0), 1) AS blocks_per_call,
       round(wal_bytes / NULLIF(calls, 0)) AS wal_bytes_per_call, plans, round(total_plan_time) AS plan_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 150) FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time + total_plan_time DESC LIMIT 12" | sed "s/^/statement $1 /"
  # Where a critical message's time went: accepted to its attempt's start (waiting: queue, wake-up, claim, gates), and
  # the attempt's start to delivered (render, SMTP, and the outcome's write is after it), p50/p99 in ms; the slowest
  # dozen (when in the run, how long waiting and in the attempt); how many wake-ups were NOTIFYed; updates per table and
  # how many were HOT.
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "herald_$databases" -qAt -F ' ' -c \
    "SELECT 'critical-phases $1 waiting_p50/p99=' || percentile_disc(0.5) WITHIN GROUP (ORDER BY a.time - m.created_at) || '/' ||
       percentile_disc(0.99) WITHIN GROUP (ORDER BY a.time - m.created_at) || ' attempt_p50/p99=' ||
       percentile_disc(0.5) WITHIN GROUP (ORDER BY d.time - a.time) || '/' || percentile_disc(0.99) WITHIN GROUP (ORDER BY d.time - a.time)
     FROM messages m JOIN events a ON a.message_id = m.id AND a.type = 'attempt' JOIN events d ON d.message_id = m.id AND d.type = 'delivered'
     WHERE m.priority = 0 AND m.to_address_lower NOT LIKE 'warmup-%'" \
    -c "SELECT 'critical-slowest $1 at_ms/waiting_ms/attempt_ms=' || string_agg(at || '/' || waiting || '/' || attempt || '@' || to_char(to_timestamp(created_at / 1000.0) AT TIME ZONE 'UTC', 'HH24:MI:SS.MS'), ' ' ORDER BY waiting DESC)
     FROM (SELECT m.created_at - (SELECT min(created_at) FROM messages WHERE to_address_lower NOT LIKE 'warmup-%') AS at, m.created_at, a.time - m.created_at AS waiting, d.time - a.time AS attempt
       FROM messages m JOIN events a ON a.message_id = m.id AND a.type = 'attempt' JOIN events d ON d.message_id = m.id AND d.type = 'delivered'
       WHERE m.priority = 0 AND m.to_address_lower NOT LIKE 'warmup-%' ORDER BY a.time - m.created_at DESC LIMIT 12) slowest" \
    -c "SELECT 'wake-ups $1 notify_calls=' || COALESCE(sum(calls), 0) || ' ms=' || COALESCE(round(sum(total_exec_time)), 0)
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query LIKE '%pg_notify%'" \
    -c "SELECT 'updates $1 ' || relname || ' updated=' || n_tup_upd || ' hot=' || n_tup_hot_upd || ' autovacuums=' || autovacuum_count
     FROM pg_stat_user_tables WHERE n_tup_upd > 0 ORDER BY relname"
}
[ "${PG_ONLY:-}" = accept ] || statements postgres-1-node
[ -z "${PG_ONLY:-}" ] || [ "$PG_ONLY" = accept ] || [ "$PG_ONLY" = 2 ] || exit 0
[ -n "${PG_ONLY:-}" ] && [ "$PG_ONLY" != 2 ] || { run_postgres 2; h_pg2=$h; statements postgres-2-nodes; }
# The same two nodes with the roles split: one takes the API (and inbound, webhooks) and the whole load, the other
# delivers. Intake's group commits and the claims each stay on one node, as with one node (docs/scaling.md).
[ -n "${PG_ONLY:-}" ] && [ "$PG_ONLY" != 2 ] || { run_postgres 2 api,inbound,webhooks delivery; h_pg2s=$h; statements postgres-2-nodes-split; }
[ "${PG_ONLY:-}" != 2 ] || exit 0

# ---- acceptance alone: single POSTs against batches, on nodes with only the api role ------------------------------
accept() { # $1 = sqlite|postgres, $2 = label, then the load generator's options; messages per second in $rate
  STORE=(); local store=(--db unused)
  if [ "$1" = postgres ]; then
    fresh_database
    STORE=(--Herald:Storage:Kind=postgres --Herald:Storage:Postgres:ConnectionString="$pg_conn"); store=(--pg "$pg_conn")
  fi
  start_nodes "$2" 1
  local label=$2 p0=0 line server=""
  shift 2
  warm "${store[@]}" "$@" --accept-only
  p0=$(pg_ticks)
  line=$(load "${store[@]}" "$@" --accept-only)
  rate=$(sed -E 's/.*accepted_per_s=([0-9]+).*/\1/' <<<"$line")
  if [ ${#STORE[@]} -gt 0 ]; then server=" postgres_cpu_s_per_1000=$(per_1000 "$(($(pg_ticks) - p0))")"; fi
  stop_nodes
  [ -z "${PG_ONLY:-}" ] || echo "accept    $label $line cpu_s_per_1000=$cpu$server"
}
settings=${HERALD_EXTRA:-}
export HERALD_EXTRA="$settings --Herald:Roles=api"
if [ -z "${PG_ONLY:-}" ]; then
  accept sqlite sq-single; sq_single=$rate
  accept sqlite sq-batch --batch "$BATCH" --concurrency 4; sq_batch=$rate
fi
accept postgres pg-single; pg_single=$rate
statements postgres-single
accept postgres pg-batch --batch "$BATCH" --concurrency 4; pg_batch=$rate
statements postgres-batch
export HERALD_EXTRA="$settings"
if [ -n "${PG_ONLY:-}" ]; then
  printf 'accept    store=postgres single_per_s=%d batch%d_per_s=%d ratio=%.2fx\n' "$pg_single" "$BATCH" "$pg_batch" "$(echo "$pg_batch / $pg_single" | bc -l)"
  exit 0
fi
printf 'accept    store=sqlite   single_per_s=%d batch%d_per_s=%d ratio=%.2fx\n' "$sq_single" "$BATCH" "$sq_batch" "$(echo "$sq_batch / $sq_single" | bc -l)"
printf 'accept    store=postgres single_per_s=%d batch%d_per_s=%d ratio=%.2fx\n' "$pg_single" "$BATCH" "$pg_batch" "$(echo "$pg_batch / $pg_single" | bc -l)"

# ---- goals -------------------------------------------------------------------------------------------------------
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
goal() { # $1 = what, $2 = measured, $3 = target, $4 = unit; met when measured >= target (or <= with $5 = below)
  local met
  if [ "${5:-}" = below ]; then met=$(echo "$2 < $3" | bc -l); else met=$(echo "$2 >= $3" | bc -l); fi
  printf 'goal      %-58s %8.2f%s (target %s%s%s) %s\n' "$1" "$2" "$4" "$([ "${5:-}" = below ] && echo '<' || echo '>=')" "$3" "$4" \
    "$([ "$met" = 1 ] && echo met || echo 'NOT MET')"
}
pf=$pf_rate
goal "postgres 1 node delivered/s vs postfix" "$(echo "$(field delivered_per_s "$h_pg1") / $pf" | bc -l)" 2 x
goal "postgres 2 nodes delivered/s vs postfix" "$(echo "$(field delivered_per_s "$h_pg2") / $pf" | bc -l)" 2 x
goal "sqlite delivered/s vs postfix" "$(echo "$(field delivered_per_s "$h_sqlite") / $pf" | bc -l)" 2 x
for h in "$h_sqlite" "$h_pg1" "$h_pg2" "$h_pg2s"; do
  goal "critical p99 while bulk saturates, $(sed -E 's/herald +(store=[a-z]+) +(nodes=[0-9]( roles=[^ ]+)?).*/\1 \2/' <<<"$h")" "$(field critical_p99_ms "$h")" 50 " ms" below
done
goal "postgres 2 nodes delivered/s vs 1 node" "$(echo "$(field delivered_per_s "$h_pg2") / $(field delivered_per_s "$h_pg1")" | bc -l)" 1 x
goal "postgres 2 nodes, roles split, delivered/s vs 1 node" "$(echo "$(field delivered_per_s "$h_pg2s") / $(field delivered_per_s "$h_pg1")" | bc -l)" 1 x
goal "postgres batch acceptance vs single" "$(echo "$pg_batch / $pg_single" | bc -l)" 3 x
goal "sqlite batch acceptance vs single" "$(echo "$sq_batch / $sq_single" | bc -l)" 3 x
