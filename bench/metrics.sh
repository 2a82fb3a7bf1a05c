#!/usr/bin/env bash
# /metrics for the person on call: scrape time with many pending steps, and what metrics cost the
# webhook (the same app with Metrics:Enabled on and off, alternating wrk rounds in one run).
# bash bench/metrics.sh   (about 2 minutes; shorter: PENDING=10000 ROUND_SECONDS=5 bash bench/metrics.sh)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

PENDING=${PENDING:-100000}
SCRAPES=${SCRAPES:-50}
ROUND_SECONDS=${ROUND_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
ON_PORT=5091
OFF_PORT=5092
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-metrics.XXXXXX)
SUMMARY=$TMP/summary.txt
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$RESULTS"
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
for port in $ON_PORT $OFF_PORT; do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "port $port is already in use"
done
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000

# APP_BUILD=dir TOOL_BUILD=dir reuse published builds (as delivery.sh does); else both are published here.
if [[ -n ${APP_BUILD:-} && -n ${TOOL_BUILD:-} ]]; then
  ln -s "$APP_BUILD" "$TMP/app"; ln -s "$TOOL_BUILD" "$TMP/tool"
else
  log "publishing Release builds (log: bench/results/metrics-build.log)"
  for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
    dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/metrics-build.log" 2>&1 \
      || { tail -n 30 "$RESULTS/metrics-build.log" >&2; die "dotnet publish ${project%%:*}"; }
  done
fi
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }
# app DATA_DIR LOG VAR PORT [env...]: the published app on a data directory.
app() { local data=$1 logfile=$2 var=$3 port=$4; shift 4
  start_in "$TMP/app" "$logfile" "$var" env Campaign__DataDirectory="$data" "$@" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$port"; }

COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
fig "Christmas metrics bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores"

# ---- 1. Scrape time ----------------------------------------------------------------------------
DATA=$TMP/data-scrape
app "$DATA" "$RESULTS/metrics-migrate.log" PID $ON_PORT
wait_healthy "http://127.0.0.1:$ON_PORT/health" "$PID" "$RESULTS/metrics-migrate.log"
stop "$PID"
log "seeding $PENDING pending steps"
fig "   $(tool seed-lag --db "$DATA/campaign.db" --pending "$PENDING" --due 0 --start-in 3600)"
fig ""
fig "1. GET /metrics, $PENDING pending steps, $SCRAPES scrapes back to back (Outbox, SQLite)"
for cache in 0 5; do
  app "$DATA" "$RESULTS/metrics-scrape-$cache.log" PID $ON_PORT Metrics__GaugeCacheSeconds=$cache
  wait_healthy "http://127.0.0.1:$ON_PORT/health" "$PID" "$RESULTS/metrics-scrape-$cache.log"
  LINE=$(tool scrape --url "http://127.0.0.1:$ON_PORT/metrics" --token "$TOKEN" --runs "$SCRAPES")
  fig "   Metrics:GaugeCacheSeconds=$cache: $LINE"
  stop "$PID"
done

# ---- 2. Webhook ratio, metrics on / off ----------------------------------------------------------
fig ""
fig "2. Webhook throughput with Metrics:Enabled on and off (wrk 2 threads, 32 connections, ${ROUND_SECONDS} s rounds, alternating)"
app "$TMP/data-on" "$RESULTS/metrics-on.log" ON_PID $ON_PORT Metrics__Enabled=true
app "$TMP/data-off" "$RESULTS/metrics-off.log" OFF_PID $OFF_PORT Metrics__Enabled=false
wait_healthy "http://127.0.0.1:$ON_PORT/health" "$ON_PID" "$RESULTS/metrics-on.log"
wait_healthy "http://127.0.0.1:$OFF_PORT/health" "$OFF_PID" "$RESULTS/metrics-off.log"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$OFF_PORT/metrics") == 404 ]] \
  || die "Metrics:Enabled=false still serves /metrics"
ON_URL=http://127.0.0.1:$ON_PORT$WEBHOOK
OFF_URL=http://127.0.0.1:$OFF_PORT$WEBHOOK
wrk_run metrics-warmup-on "$ON_URL" 3 >/dev/null
wrk_run metrics-warmup-off "$OFF_URL" 3 >/dev/null
ON_RPS=() OFF_RPS=()
for r in $(seq "$ROUNDS"); do
  log "round $r of $ROUNDS"
  # Odd rounds start with "on", even rounds with "off": neither always runs on a machine the other just warmed.
  if (( r % 2 )); then
    on=$(wrk_run "metrics-round$r-on" "$ON_URL" "$ROUND_SECONDS"); off=$(wrk_run "metrics-round$r-off" "$OFF_URL" "$ROUND_SECONDS")
  else
    off=$(wrk_run "metrics-round$r-off" "$OFF_URL" "$ROUND_SECONDS"); on=$(wrk_run "metrics-round$r-on" "$ON_URL" "$ROUND_SECONDS")
  fi
  ON_RPS+=("$(field rps "$on")") OFF_RPS+=("$(field rps "$off")")
  fig "   round $r: on $(field rps "$on") req/s (p99 $(field p99_ms "$on") ms, non-2xx $(field non2xx "$on"))   off $(field rps "$off") req/s (p99 $(field p99_ms "$off") ms, non-2xx $(field non2xx "$off"))"
done
MED_ON=$(median "${ON_RPS[@]}") MED_OFF=$(median "${OFF_RPS[@]}")
fig "   median: on $MED_ON req/s   off $MED_OFF req/s   ratio on/off $(awk -v a="$MED_ON" -v b="$MED_OFF" 'BEGIN { printf "%.3f", a / b }')"
SCRAPED=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ON_PORT/metrics" | grep '^christmas_webhooks_total' || true)
fig "   the on instance counted: ${SCRAPED//$'\n'/   }"
stop "$ON_PID"; stop "$OFF_PID"
log_check metrics-on "$RESULTS/metrics-on.log"

cp "$SUMMARY" "$RESULTS/metrics-latest.txt"
log "done; figures in bench/results/metrics-latest.txt"
