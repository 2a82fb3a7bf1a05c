#!/usr/bin/env bash
# Several instances: the assessment webhook on SQLite (one instance), PostgreSQL with one instance and
# PostgreSQL with two instances sharing one database, each against a bare Kestrel endpoint in the
# same run (ratio), with a fixed-rate latency run and the instances' RSS. PostgreSQL is a throwaway
# cluster started here (Debian's package, run as the postgres user in a temp dir on a free loopback port).
# Then, on each configuration, the send lag with 100,000 and 1,000,000 pending steps and the contacts
# page and search at 100,000 contacts (SCALE=0 skips those, THROUGHPUT=0 the throughput part).
# Standalone: bash bench/instances.sh  (about 30 minutes, 5 without SCALE; figures in bench/results/instances.txt).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

WARMUP_SECONDS=${WARMUP_SECONDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
RATE=${RATE:-200}
RATE_SECONDS=${RATE_SECONDS:-20}
APP_PORT=${INSTANCES_PORT:-5101}   # the second instance listens on APP_PORT+1
BARE_PORT=$((APP_PORT + 5))
PG_PORT=$((APP_PORT + 6))
SCALE=${SCALE:-1}
THROUGHPUT=${THROUGHPUT:-1}
PENDING_SMALL=${PENDING_SMALL:-100000}
PENDING_LARGE=${PENDING_LARGE:-1000000}
LAG_DUE=${LAG_DUE:-600}
LAG_SPREAD=${LAG_SPREAD:-60}
CONTACTS=${CONTACTS:-100000}
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-instances.XXXXXX)
SUMMARY=$TMP/summary.txt
trap pg_cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
rm -f "$RESULTS"/app-inst-*.log "$RESULTS"/wrk-inst-*.txt
command -v wrk >/dev/null || { [[ $EUID == 0 ]] && apt-get install -y wrk >&2; } || die "wrk is missing: apt-get install -y wrk"
pg_find
for port in $APP_PORT $((APP_PORT + 1)) $BARE_PORT $PG_PORT; do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "port $port is already in use"
done
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

log "publishing Release builds (log: bench/results/build-instances.log)"
for project in Christmas.Admin/Christmas.Admin.csproj:app bench/BareEndpoint/BareEndpoint.csproj:bare bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
  dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-instances.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-instances.log" >&2; die "dotnet publish ${project%%:*}"; }
done
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }

pg_start

COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
fig "Christmas instances bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
fig "   assessment webhook, wrk 2 threads and 32 connections in all (split over the instances), unique email per request, ${ROUND_SECONDS} s rounds alternating with the bare endpoint"

# instance N LOG VAR [env...]: the published app on APP_PORT+N-1 with the given settings.
instance() {
  local n=$1 logfile=$2 var=$3; shift 3
  start_in "$TMP/app" "$logfile" "$var" env "$@" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$((APP_PORT + n - 1))"
}

# load TAG SECONDS URL...: wrk on each URL at once (the 32 connections and 2 threads split between them);
# prints "rps=<sum> p99_ms=<max> non2xx=<sum>".
load() {
  local tag=$1 seconds=$2; shift 2
  local n=$# i=0 pids=() rps=0 p99=0 non2xx=0
  local threads=$(( 2 / n > 0 ? 2 / n : 1 )) connections=$(( 32 / n ))
  for url in "$@"; do
    i=$((i + 1))
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$BENCH/assessment.lua" "$url" -- "$tag-$i" \
      >"$RESULTS/wrk-inst-$tag-$i.txt" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || die "wrk $tag"; done
  for i in $(seq "$n"); do
    local line; line=$(grep '^BENCH ' "$RESULTS/wrk-inst-$tag-$i.txt") || die "wrk $tag-$i printed no BENCH line"
    rps=$(awk -v a="$rps" -v b="$(field rps "$line")" 'BEGIN { printf "%.0f", a + b }')
    p99=$(awk -v a="$p99" -v b="$(field p99_ms "$line")" 'BEGIN { print (b > a) ? b : a }')
    non2xx=$(( non2xx + $(field non2xx "$line") ))
  done
  echo "rps=$rps p99_ms=$p99 non2xx=$non2xx"
}

start_in "$TMP/bare" "$RESULTS/bare-instances.log" BARE_PID dotnet BareEndpoint.dll --urls "http://127.0.0.1:$BARE_PORT"
wait_healthy "http://127.0.0.1:$BARE_PORT/health" "$BARE_PID" "$RESULTS/bare-instances.log"
BARE_URL=http://127.0.0.1:$BARE_PORT$WEBHOOK
load warmup-bare "$WARMUP_SECONDS" "$BARE_URL" >/dev/null

# measure LABEL COUNT ENV...: COUNT instances with ENV, warm-up, rounds against the bare endpoint, a fixed-rate run, RSS.
measure() {
  local label=$1 count=$2; shift 2
  local pids=() urls=() n
  for n in $(seq "$count"); do
    local ipid=""   # not "pid": start_in has a local of that name
    instance "$n" "$RESULTS/app-inst-$label-$n.log" ipid "$@"
    wait_healthy "http://127.0.0.1:$((APP_PORT + n - 1))/health" "$ipid" "$RESULTS/app-inst-$label-$n.log"
    pids+=("$ipid") urls+=("http://127.0.0.1:$((APP_PORT + n - 1))$WEBHOOK")
  done
  sleep 5
  local idle="" p; for p in "${pids[@]}"; do idle+="$(rss_mb "$p") "; done
  load "warmup-$label" "$WARMUP_SECONDS" "${urls[@]}" >/dev/null
  local bare_rps=() app_rps=() p99s=() non2xx=0 r
  for r in $(seq "$ROUNDS"); do
    log "$label: round $r of $ROUNDS"
    local bare appl
    bare=$(load "$label-round$r-bare" "$ROUND_SECONDS" "$BARE_URL")
    appl=$(load "$label-round$r-app" "$ROUND_SECONDS" "${urls[@]}")
    bare_rps+=("$(field rps "$bare")") app_rps+=("$(field rps "$appl")") p99s+=("$(field p99_ms "$appl")")
    non2xx=$(( non2xx + $(field non2xx "$appl") ))
  done
  local loaded="" ; for p in "${pids[@]}"; do loaded+="$(rss_mb "$p") "; done
  local mb ma; mb=$(median "${bare_rps[@]}") ma=$(median "${app_rps[@]}")
  fig ""
  fig "$label ($count instance(s)):"
  fig "   rounds app req/s: ${app_rps[*]}   bare: ${bare_rps[*]}   wrk p99 per round: ${p99s[*]} ms"
  fig "   median: app $ma req/s   bare $mb req/s   ratio app/bare $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.3f", a / b }')   non-2xx $non2xx (must be 0)"
  # Open loop at a fixed rate, spread over the instances as a proxy would.
  local per=$(( RATE / count )) lines=() i=0
  for url in "${urls[@]}"; do
    i=$((i + 1))
    tool rate --url "$url" --rps "$per" --seconds "$RATE_SECONDS" --tag "rate-$label-$i" >"$TMP/rate-$label-$i.txt" &
  done
  wait
  for i in $(seq "$count"); do
    local line; line=$(cat "$TMP/rate-$label-$i.txt")
    fig "   fixed rate $per req/s on instance $i for $RATE_SECONDS s: ok $(field ok "$line")  errors $(field errors "$line")  p50 $(field p50 "$line")  p99 $(field p99 "$line")  max $(field max "$line") ms"
  done
  fig "   RSS idle: ${idle}MB   after the load: ${loaded}MB"
  for p in "${pids[@]}"; do stop "$p"; done
  for n in $(seq "$count"); do log_check "instance $n" "$RESULTS/app-inst-$label-$n.log"; done
}

if [[ $THROUGHPUT == 1 ]]; then
  measure sqlite 1 Campaign__DataDirectory="$TMP/data-sqlite"
  PG1=$(newdb bench_one)
  measure postgresql-1 1 Campaign__DataDirectory="$TMP/data-pg1" Database__Provider=PostgreSql "ConnectionStrings__Postgres=$PG1"
  PG2=$(newdb bench_two)
  measure postgresql-2 2 Campaign__DataDirectory="$TMP/data-pg2" Database__Provider=PostgreSql "ConnectionStrings__Postgres=$PG2"
fi
stop "$BARE_PID"

# The scale figures: each configuration on a database seeded by the bench tool (DB_ARGS: --db FILE or
# --pg CONNECTION-STRING) and the instances' settings (APP_ENV).
# start_instances TAG COUNT: COUNT instances with APP_ENV, healthy; their pids in INST_PIDS.
start_instances() {
  local tag=$1 count=$2 n
  INST_PIDS=()
  for n in $(seq "$count"); do
    local ipid=""
    instance "$n" "$RESULTS/app-inst-$tag-$n.log" ipid "${APP_ENV[@]}"
    wait_healthy "http://127.0.0.1:$((APP_PORT + n - 1))/health" "$ipid" "$RESULTS/app-inst-$tag-$n.log"
    INST_PIDS+=("$ipid")
  done
}
# stop_instances TAG: stops them and reports what they logged.
stop_instances() {
  local p n=0
  for p in "${INST_PIDS[@]}"; do stop "$p"; done
  for p in "${INST_PIDS[@]}"; do n=$((n + 1)); log_check "   instance $n" "$RESULTS/app-inst-$1-$n.log"; done
}
# migrate TAG: one start and stop, which applies the migrations to the empty database.
migrate() { start_instances "$1-migrate" 1; stop_instances "$1-migrate" >/dev/null; }

# lag_run TAG COUNT PENDING: PENDING more steps due in 2-30 days and LAG_DUE steps due over LAG_SPREAD s
# (from 20 s after seeding), then COUNT instances until all due ones are sent; the lag SentAt - DueAt.
lag_run() {
  local tag=$1 count=$2 pending=$3 total line rss="" p
  log "$tag: seeding $pending pending steps"
  tool seed-lag "${DB_ARGS[@]}" --pending "$pending" --due "$LAG_DUE" --spread-seconds "$LAG_SPREAD" --start-in 20 --round "$tag-" >/dev/null
  start_instances "$tag" "$count"
  line=$(tool lag "${DB_ARGS[@]}" --round "$tag-" --timeout $((20 + LAG_SPREAD + 120)))
  for p in "${INST_PIDS[@]}"; do rss+="$(rss_mb "$p") "; done
  total=$(tool count "${DB_ARGS[@]}" | grep -o 'steps=[0-9]*' || true)
  fig "   $tag ($count instance(s), ${total:-steps=?}): $(field sent "$line") sent  p50 $(field p50 "$line")  p99 $(field p99 "$line")  max $(field max "$line") ms$([[ $line == *TIMED-OUT* ]] && echo '  TIMED OUT')  RSS ${rss}MB"
  stop_instances "$tag"
}

# contacts_run TAG COUNT: COUNT instances on the seeded contacts; the page's query in process and
# GET /api/contacts through the last instance (first page, search by a full email; 30 runs after 5).
contacts_run() {
  local tag=$1 count=$2 out
  start_instances "$tag" "$count"
  out=$(tool contacts "${DB_ARGS[@]}" --contacts "$CONTACTS" --runs 30 --quick 1 --url "http://127.0.0.1:$((APP_PORT + count - 1))" --token "$TOKEN")
  local l; show() { l=$(grep "^$1:" <<<"$out"); printf '%s p50 %s p95 %s' "$2" "$(field p50 "$l")" "$(field p95 "$l")"; }
  fig "   $tag ($count instance(s)): $(show query-first-page 'page (in process)'), $(show query-search-email 'search'); $(show http-first-page 'GET page'), $(show http-search-email 'GET search') ms"
  stop_instances "$tag"
}

if [[ $SCALE == 1 ]]; then
  fig ""
  fig "Send lag (SentAt - DueAt) of $LAG_DUE steps due over $LAG_SPREAD s, with $PENDING_SMALL and then $PENDING_LARGE steps pending (due in 2-30 days):"
  APP_ENV=(Campaign__DataDirectory="$TMP/data-sqlite-lag") DB_ARGS=(--db "$TMP/data-sqlite-lag/campaign.db")
  migrate sqlite-lag
  lag_run sqlite-lag-small 1 "$PENDING_SMALL"
  lag_run sqlite-lag-large 1 $((PENDING_LARGE - PENDING_SMALL))
  rm -rf "$TMP/data-sqlite-lag"
  PGL=$(newdb bench_lag)
  APP_ENV=(Campaign__DataDirectory="$TMP/data-pg-lag" Database__Provider=PostgreSql "ConnectionStrings__Postgres=$PGL") DB_ARGS=(--pg "$PGL")
  migrate pg-lag
  lag_run pg-lag-small-x1 1 "$PENDING_SMALL"
  lag_run pg-lag-small-x2 2 0
  lag_run pg-lag-large-x1 1 $((PENDING_LARGE - PENDING_SMALL))
  lag_run pg-lag-large-x2 2 0

  fig ""
  fig "Contacts at $CONTACTS (80 % with an assessment sequence of 5 steps): the console's first page of 25 and a search by a full email, p50/p95:"
  APP_ENV=(Campaign__DataDirectory="$TMP/data-sqlite-contacts") DB_ARGS=(--db "$TMP/data-sqlite-contacts/campaign.db")
  migrate sqlite-contacts
  tool seed-contacts "${DB_ARGS[@]}" --contacts "$CONTACTS" --steps $((4 * CONTACTS)) >/dev/null
  contacts_run sqlite-contacts 1
  PGC=$(newdb bench_contacts)
  APP_ENV=(Campaign__DataDirectory="$TMP/data-pg-contacts" Database__Provider=PostgreSql "ConnectionStrings__Postgres=$PGC") DB_ARGS=(--pg "$PGC")
  migrate pg-contacts
  tool seed-contacts "${DB_ARGS[@]}" --contacts "$CONTACTS" --steps $((4 * CONTACTS)) >/dev/null
  contacts_run pg-contacts-x1 1
  contacts_run pg-contacts-x2 2
fi

cp "$SUMMARY" "$RESULTS/instances.txt"
log "done; figures in bench/results/instances.txt, logs in bench/results/"
