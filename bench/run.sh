#!/usr/bin/env bash
# Christmas Campaign benchmarks: webhook throughput and latency, send lag with 100,000 pending
# steps, memory and start-up, the console's contacts list at 100,000 contacts. Run from anywhere:
# bash bench/run.sh  (about 5 minutes).
# Prints the figures and writes them to bench/results/latest.txt; app logs stay in bench/results/.
# Shorter runs for trying changes: ROUND_SECONDS=3 RATE_SECONDS=5 PENDING=10000 bash bench/run.sh
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

WARMUP_SECONDS=${WARMUP_SECONDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
RATE=${RATE:-200}
RATE_SECONDS=${RATE_SECONDS:-30}
PENDING=${PENDING:-100000}
DUE=${DUE:-600}
SPREAD_SECONDS=${SPREAD_SECONDS:-60}
DUE_START_IN=15   # seconds from the end of seeding to the first due step: time for the app to start

APP_PORT=5081
BARE_PORT=5082
RESEND_PORT=5083
DELIVERY_UNLIMITED=${DELIVERY_UNLIMITED:-2000}
DELIVERY_LIMITED=${DELIVERY_LIMITED:-1000}
DELIVERY_SECONDS=${DELIVERY_SECONDS:-120}
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-bench.XXXXXX)
SUMMARY=$TMP/summary.txt
trap cleanup EXIT
trap 'exit 130' INT TERM   # so the EXIT trap cleans up on Ctrl+C too

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.log "$RESULTS"/wrk-*.txt "$RESULTS"/rate.txt "$RESULTS"/lag.txt   # latest.txt is replaced only by a finished run
command -v wrk >/dev/null || { [[ $EUID == 0 ]] && apt-get install -y wrk >&2; } || die "wrk is missing: apt-get install -y wrk"
for port in $APP_PORT $BARE_PORT $RESEND_PORT; do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "port $port is already in use"
done
# The app and the bare endpoint read the same environment, so neither gets a different host config.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000

log "publishing Release builds (log: bench/results/build.log)"
# --artifacts-path keeps bin/ and obj/ in the temp dir: no clash with builds running in the work tree.
for project in Christmas.Admin/Christmas.Admin.csproj:app bench/BareEndpoint/BareEndpoint.csproj:bare bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
  dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build.log" >&2; die "dotnet publish ${project%%:*}"; }
done
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }

# app DATA_DIR LOG VAR: starts the published app on a data directory; the pid goes to VAR.
app() { Campaign__DataDirectory=$1 start_in "$TMP/app" "$2" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$APP_PORT"; }

COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
fig "Christmas bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  .NET SDK $(dotnet --version)"

# ---- 1. Webhook throughput and latency --------------------------------------------------------
log "starting the bare endpoint and the app (fresh data directory)"
start_in "$TMP/bare" "$RESULTS/bare.log" BARE_PID dotnet BareEndpoint.dll --urls "http://127.0.0.1:$BARE_PORT"
wait_healthy "http://127.0.0.1:$BARE_PORT/health" "$BARE_PID" "$RESULTS/bare.log"
DATA1=$TMP/data-throughput
t0=$(now_ms)
app "$DATA1" "$RESULTS/app-throughput.log" APP_PID
wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-throughput.log"
START_FRESH_MS=$(( $(now_ms) - t0 ))
sleep 5
RSS_IDLE=$(rss_mb "$APP_PID")

BARE_URL=http://127.0.0.1:$BARE_PORT$WEBHOOK
APP_URL=http://127.0.0.1:$APP_PORT$WEBHOOK
log "warm-up, ${WARMUP_SECONDS} s each"
APP_LINES=()
wrk_run warmup-bare "$BARE_URL" "$WARMUP_SECONDS" >/dev/null
APP_LINES+=("$(wrk_run warmup-app "$APP_URL" "$WARMUP_SECONDS")")

fig ""
fig "1. Webhook throughput, assessment handler (wrk 2 threads, 32 connections, unique email per request, ${ROUND_SECONDS} s rounds, alternating)"
BARE_RPS=() APP_RPS=()
for r in $(seq "$ROUNDS"); do
  log "round $r of $ROUNDS"
  bare=$(wrk_run "round$r-bare" "$BARE_URL" "$ROUND_SECONDS")
  appl=$(wrk_run "round$r-app" "$APP_URL" "$ROUND_SECONDS")
  APP_LINES+=("$appl")
  BARE_RPS+=("$(field rps "$bare")") APP_RPS+=("$(field rps "$appl")")
  fig "   round $r: bare $(field rps "$bare") req/s (p99 $(field p99_ms "$bare") ms)   app $(field rps "$appl") req/s (p99 $(field p99_ms "$appl") ms)"
done
stop "$BARE_PID"
MED_BARE=$(median "${BARE_RPS[@]}") MED_APP=$(median "${APP_RPS[@]}")
fig "   median: bare $MED_BARE req/s   app $MED_APP req/s   ratio app/bare $(awk -v a="$MED_APP" -v b="$MED_BARE" 'BEGIN { printf "%.3f", a / b }')"
NON2XX=0 SOCKET_ERRORS=0 ACKED=0
for line in "${APP_LINES[@]}"; do
  NON2XX=$(( NON2XX + $(field non2xx "$line") ))
  SOCKET_ERRORS=$(( SOCKET_ERRORS + $(field socket_errors "$line") ))
  ACKED=$(( ACKED + $(field requests "$line") - $(field non2xx "$line") ))
done
fig "   app non-2xx responses: $NON2XX (must be 0)   socket errors: $SOCKET_ERRORS   (all app runs, warm-up included)"
RSS_AFTER=$(rss_mb "$APP_PID")

log "fixed rate: $RATE req/s for $RATE_SECONDS s"
RATE_LINE=$(tool rate --url "$APP_URL" --rps "$RATE" --seconds "$RATE_SECONDS" --tag rate | tee "$RESULTS/rate.txt")
fig "   fixed rate $RATE req/s for $RATE_SECONDS s (open loop, latency from scheduled start):"
fig "      sent $(field sent "$RATE_LINE")  ok $(field ok "$RATE_LINE")  errors $(field errors "$RATE_LINE")  p50 $(field p50 "$RATE_LINE")  p90 $(field p90 "$RATE_LINE")  p99 $(field p99 "$RATE_LINE")  max $(field max "$RATE_LINE") ms"
ACKED=$(( ACKED + $(field ok "$RATE_LINE") ))

# "A 200 means committed": kill the app without warning, then count what the file holds.
stop "$APP_PID" KILL
COUNTS=$(tool count --db "$DATA1/campaign.db")
CONTACTS=$(field contacts "$COUNTS")
fig "   durability (app killed with SIGKILL, then campaign.db read): $CONTACTS contacts, $ACKED calls answered 200"
fig "      (each call: 1 contact, 1 sequence, 5 steps; the file has $(field sequences "$COUNTS") sequences, $(field steps "$COUNTS") steps)"
fig "      contacts - answered = $(( CONTACTS - ACKED )) (must be >= 0; up to 32 per app wrk run may be in flight when wrk stops)"
log_check app "$RESULTS/app-throughput.log"

# ---- 2. Send lag with many pending steps ----------------------------------------------------
fig ""
fig "2. Send lag, $PENDING pending steps + $DUE due over $SPREAD_SECONDS s (Outbox sender, default settings)"
DATA2=$TMP/data-lag
log "creating the schema (app start and stop on a fresh data directory)"
app "$DATA2" "$RESULTS/app-lag-migrate.log" APP_PID
wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-lag-migrate.log"
stop "$APP_PID"
log "seeding"
SEED_LINE=$(tool seed-lag --db "$DATA2/campaign.db" --pending "$PENDING" --due "$DUE" --spread-seconds "$SPREAD_SECONDS" --start-in "$DUE_START_IN")
fig "   $SEED_LINE"
t0=$(now_ms)
app "$DATA2" "$RESULTS/app-lag.log" APP_PID
wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-lag.log"
START_LOADED_MS=$(( $(now_ms) - t0 ))
log "waiting for the $DUE due steps to be sent"
LAG_LINE=$(tool lag --db "$DATA2/campaign.db" --timeout $(( DUE_START_IN + SPREAD_SECONDS + 60 )) | tee "$RESULTS/lag.txt")
fig "   sent $(field sent "$LAG_LINE")   lag SentAt-DueAt: p50 $(field p50 "$LAG_LINE")  p90 $(field p90 "$LAG_LINE")  p99 $(field p99 "$LAG_LINE")  max $(field max "$LAG_LINE") ms   (target p99 <= 1000 ms)"
[[ $LAG_LINE == *TIMED-OUT* ]] && fig "   NOT ALL SENT: $LAG_LINE"
RSS_LOADED=$(rss_mb "$APP_PID")
stop "$APP_PID"
log_check app "$RESULTS/app-lag.log"

# ---- 3. Delivery through Resend (a local stand-in of its API) -----------------------------------
# deliver LABEL DUE RPS STANDIN_ARGS...: due steps seeded into a fresh database, sent by the app
# with Email:Provider=Resend at Resend:RequestsPerSecond=RPS; the stand-in prints what arrived.
deliver() {
  local label=$1 due=$2 rps=$3; shift 3
  local data=$TMP/data-$label
  app "$data" "$RESULTS/app-$label-migrate.log" APP_PID
  wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-$label-migrate.log"
  stop "$APP_PID"
  tool seed-lag --db "$data/campaign.db" --pending 0 --due "$due" --spread-seconds 0 --start-in 0 >/dev/null
  tool resend-standin --port "$RESEND_PORT" "$@" >"$RESULTS/resend-$label.txt" 2>>"$RESULTS/resend-$label.log" &
  local standin=$!
  sleep 1
  Email__Provider=Resend Email__From="Bench <bench@example.com>" Resend__ApiKey=re_test_0123456789 \
    Campaign__Sender__Name=Bench Campaign__Sender__PostalAddress="1 Main St, Halifax NS" Campaign__Sender__ContactEmail=bench@example.com \
    Resend__BaseUrl="http://127.0.0.1:$RESEND_PORT" Resend__RequestsPerSecond=$rps Resend__Batch=false \
    app "$data" "$RESULTS/app-$label.log" APP_PID
  wait "$standin" || die "resend stand-in ($label)"
  stop "$APP_PID"
  log_check app "$RESULTS/app-$label.log"
  cat "$RESULTS/resend-$label.txt"
}
fig ""
fig "3. Delivery through Resend, one email per request (Resend:Batch=false; bursts in batches: bench/burst.sh)"
log "sending $DELIVERY_UNLIMITED due emails with no effective rate limit"
LINE=$(deliver unlimited "$DELIVERY_UNLIMITED" 10000 --count "$DELIVERY_UNLIMITED" --timeout 300)
fig "   no limit: $(field accepted "$LINE") emails in $(field over "$LINE"), $(field per_second "$LINE") sends/s"
log "sending at Resend:RequestsPerSecond=2 for $DELIVERY_SECONDS s ($DELIVERY_LIMITED due emails; the stand-in answers 429 above 2/s)"
LINE=$(deliver limited "$DELIVERY_LIMITED" 2 --limit 2 --seconds "$DELIVERY_SECONDS" --timeout $(( DELIVERY_SECONDS + 120 )))
SHARE=$(awk -v r="$(field per_second "$LINE")" 'BEGIN { printf "%.1f", r / 2 * 100 }')
fig "   at 2 req/s: $(field accepted "$LINE") accepted in $(field over "$LINE"), $(field per_second "$LINE")/s = $SHARE % of the allowed rate (target >= 95 %), 429 answers: $(field status_429 "$LINE") (target 0)"

# ---- 4. Memory and start-up -------------------------------------------------------------------
fig ""
fig "4. Memory and start-up (app process)"
fig "   start to first /health 200, fresh data directory: $START_FRESH_MS ms   (target < 3000 ms)"
fig "   start to first /health 200, $((PENDING + DUE)) steps in the database: $START_LOADED_MS ms"
fig "   RSS idle, 5 s after healthy: $RSS_IDLE MB   (target < 150 MB)"
fig "   RSS after the throughput runs: $RSS_AFTER MB"
fig "   RSS after the send-lag run: $RSS_LOADED MB"

# ---- 5. Contacts list at scale: bench/contacts.sh with this run's builds, port and summary -------
log "contacts list at scale (bench/contacts.sh)"
SUMMARY=$SUMMARY APP_BUILD=$TMP/app TOOL_BUILD=$TMP/tool CONTACTS_PORT=$APP_PORT bash "$BENCH/contacts.sh"

cp "$SUMMARY" "$RESULTS/latest.txt"
log "done; figures in bench/results/latest.txt, logs in bench/results/"
