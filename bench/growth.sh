#!/usr/bin/env bash
# Cost growth with the size of the campaign, on SQLite: for 1k, 10k, 100k and 1M contacts (4 steps
# each) plus as many pending steps, seeded into a fresh database, the send lag p99 of 300 steps due
# over 30 s, the assessment webhook's p99 at a fixed 200 req/s, and the contacts search by email p50.
# Writes bench/results/growth.tsv and docs/benchmarks-growth.png (ScottPlot, Christmas.Bench plot).
# Standalone: bash bench/growth.sh  (about 10 minutes; SIZES="1000 10000" for a quick try).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

SIZES=${SIZES:-1000 10000 100000 1000000}
PORT=${GROWTH_PORT:-5121}
RATE=200 RATE_SECONDS=${RATE_SECONDS:-15} DUE=300 SPREAD_SECONDS=30
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
TOKEN=bench-token
PLOT=${PLOT:-$REPO/docs/benchmarks-growth.png}

TMP=$(mktemp -d /tmp/christmas-growth.XXXXXX)
SUMMARY=$TMP/summary.txt
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

log "publishing Release builds (log: bench/results/build-growth.log)"
for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
  dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-growth.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-growth.log" >&2; die "dotnet publish ${project%%:*}"; }
done
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }
app() { Campaign__DataDirectory=$1 start_in "$TMP/app" "$2" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$PORT"; }

fig "Christmas growth bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)  $(nproc) cores"
fig "   per size: N contacts (80 % with an assessment sequence: 4N steps) + N pending steps due in 2-30 days"
fig "   | contacts | steps | seeded in | send lag p50 / p99 | webhook p50 / p99 at $RATE req/s | search by email p50 / p95 | RSS after |"
fig "   |---|---|---|---|---|---|---|"
printf 'contacts\twebhook_p99_ms\tsearch_p50_ms\tlag_p99_ms\n' >"$TMP/growth.tsv"

for n in $SIZES; do
  data=$TMP/data-$n
  log "$n contacts: schema"
  app "$data" "$RESULTS/app-growth-$n-migrate.log" APP_PID
  wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-growth-$n-migrate.log"
  stop "$APP_PID"
  log "$n contacts: seeding"
  t0=$(now_ms)
  tool seed-contacts --db "$data/campaign.db" --contacts "$n" --steps $((4 * n)) >/dev/null
  # The due steps start once the app has had time to start on the big file.
  tool seed-lag --db "$data/campaign.db" --pending "$n" --due "$DUE" --spread-seconds "$SPREAD_SECONDS" --start-in 20 >/dev/null
  seeded=$(( ($(now_ms) - t0) / 1000 ))
  app "$data" "$RESULTS/app-growth-$n.log" APP_PID
  wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-growth-$n.log"
  log "$n contacts: send lag"
  lag=$(tool lag --db "$data/campaign.db" --timeout $((20 + SPREAD_SECONDS + 90)))
  [[ $lag == *TIMED-OUT* ]] && fig "   NOT ALL SENT at $n: $lag"
  log "$n contacts: webhook at $RATE req/s (after a 5 s warm-up: a fresh process JITs on its first calls)"
  tool rate --url "http://127.0.0.1:$PORT$WEBHOOK" --rps "$RATE" --seconds 5 --tag "growth-warmup-$n" >/dev/null
  rate=$(tool rate --url "http://127.0.0.1:$PORT$WEBHOOK" --rps "$RATE" --seconds "$RATE_SECONDS" --tag "growth-$n")
  log "$n contacts: search"
  search=$(tool contacts --db "$data/campaign.db" --contacts "$n" --runs 20 --quick 1 | grep '^query-search-email:')
  rss=$(rss_mb "$APP_PID")
  stop "$APP_PID"
  fig "   | $n | $((5 * n)) | ${seeded} s | $(field p50 "$lag") / $(field p99 "$lag") ms | $(field p50 "$rate") / $(field p99 "$rate") ms (errors $(field errors "$rate")) | $(field p50 "$search") / $(field p95 "$search") ms | $rss MB |"
  printf '%s\t%s\t%s\t%s\n' "$n" "$(field p99 "$rate")" "$(field p50 "$search")" "$(field p99 "$lag")" >>"$TMP/growth.tsv"
  log_check "app ($n)" "$RESULTS/app-growth-$n.log"
  rm -rf "$data"
done

cp "$TMP/growth.tsv" "$RESULTS/growth.tsv"
mkdir -p "$(dirname "$PLOT")"
tool plot --tsv "$RESULTS/growth.tsv" --out "$PLOT" | tee -a "$SUMMARY"
cp "$SUMMARY" "$RESULTS/growth.txt"
log "done; figures in bench/results/growth.txt, plot $PLOT"
