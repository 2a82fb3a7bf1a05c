#!/usr/bin/env bash
# Bursts of due emails against a Resend stand-in that enforces Resend's 5 requests per second with its
# rate headers (429 + retry-after past it). For each size in BURSTS (default 2,000 and 10,000), the
# emails are seeded due at one moment into a fresh SQLite database and sent by the published app on its
# defaults (Resend:Batch on, Resend:RequestsPerSecond 5). Printed: time to drain (the last SentAt minus
# the due moment), requests and batches, 429 answers (share of requests), emails delivered, duplicates.
# Then the first size again with the app killed (SIGKILL) as its first batch reaches the stand-in,
# and restarted:
# still every email once. Targets: 2,000 <= 60 s, 10,000 <= 120 s, 0 duplicates, <= 2 % 429s.
# Standalone: bash bench/burst.sh  (about 5 minutes; ports 5131-5132 unless BURST_PORT says otherwise;
# figures in bench/results/burst.txt). Quick try: BURSTS=500 bash bench/burst.sh
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

BURSTS=${BURSTS:-2000 10000}
APP_PORT=${BURST_PORT:-5131}
RESEND_PORT=$((APP_PORT + 1))
LIMIT=5
START_IN=20   # seconds from the end of seeding to the due moment: the app is up by then

TMP=$(mktemp -d /tmp/christmas-burst.XXXXXX)
SUMMARY=$TMP/summary.txt
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
rm -f "$RESULTS"/app-burst-*.log "$RESULTS"/resend-burst-*.txt
for port in $APP_PORT $RESEND_PORT; do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "port $port is already in use"; done
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=bench-token \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

log "publishing Release builds (log: bench/results/build-burst.log)"
for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
  dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-burst.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-burst.log" >&2; die "dotnet publish ${project%%:*}"; }
done
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }
app() { Campaign__DataDirectory=$1 start_in "$TMP/app" "$2" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$APP_PORT"; }
# The app as it sends through Resend: the stand-in's address, a complete sender identity, defaults otherwise.
resend_app() {
  Email__Provider=Resend Email__From="Bench <bench@example.com>" Resend__ApiKey=re_test_0123456789 \
    Resend__BaseUrl="http://127.0.0.1:$RESEND_PORT" Campaign__PublicBaseUrl=https://campaign.example.com \
    Campaign__Sender__Name=Bench Campaign__Sender__PostalAddress="1 Main St, Halifax NS" Campaign__Sender__ContactEmail=bench@example.com \
    app "$@"
}
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
fig "Christmas burst bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  .NET SDK $(dotnet --version)  load average $(cut -d' ' -f1-3 /proc/loadavg)"
fig "Resend stand-in: 150 ms per request, $LIMIT requests/s with ratelimit-* headers, 429 + retry-after past it; the app on its defaults (Resend:Batch on, Resend:RequestsPerSecond 5)"

# burst LABEL N [kill]: N emails due at one moment; with "kill", SIGKILL while batches are in flight, and a restart.
burst() {
  local label=$1 n=$2 mode=${3:-} data=$TMP/data-$1
  app "$data" "$RESULTS/app-burst-$label-migrate.log" APP_PID
  wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-burst-$label-migrate.log"
  stop "$APP_PID"
  tool seed-lag --db "$data/campaign.db" --pending 0 --due "$n" --spread-seconds 0 --start-in "$START_IN" >/dev/null
  rm -f "$TMP/first-arrival"
  tool resend-standin --port "$RESEND_PORT" --limit "$LIMIT" --emails "$n" --linger 5 --timeout 600 --latency-ms 150 --mark "$TMP/first-arrival" \
    >"$RESULTS/resend-burst-$label.txt" 2>>"$RESULTS/resend-burst-$label.log" &
  local standin=$!
  resend_app "$data" "$RESULTS/app-burst-$label.log" APP_PID
  if [[ $mode == kill ]]; then
    # The first batch has reached the stand-in (150 ms from its answer): others are in flight or formed.
    until [[ -e $TMP/first-arrival ]]; do sleep 0.02; done
    log "kill -9 of the app while its batches are in flight, then a restart"
    kill -KILL "$APP_PID"
    resend_app "$data" "$RESULTS/app-burst-$label-restarted.log" APP_PID
  fi
  local lag
  lag=$(tool lag --db "$data/campaign.db" --timeout 600)
  wait "$standin" || die "resend stand-in ($label)"
  stop "$APP_PID"
  local line
  line=$(cat "$RESULTS/resend-burst-$label.txt")
  local share
  share=$(awk -v t="$(field status_429 "$line")" -v r="$(field requests "$line")" 'BEGIN { printf "%.1f", r ? t / r * 100 : 0 }')
  fig "   $label: $(field sent "$lag") sent, drained in $(awk -v m="$(field max "$lag")" 'BEGIN { printf "%.1f", m / 1000 }') s (lag p50 $(field p50 "$lag") ms, p99 $(field p99 "$lag") ms);" \
    "$(field requests "$line") requests ($(field batches "$line") batches, $(field resent "$line") sent again under their key), 429: $(field status_429 "$line") ($share %);" \
    "emails delivered $(field emails "$line"), duplicates $(field duplicates "$line")"
}

fig ""
for n in $BURSTS; do
  log "burst of $n due emails"
  burst "$n" "$n"
done
first=${BURSTS%% *}
log "burst of $first due emails with a kill -9 mid-burst"
burst "$first-killed" "$first" kill

cp "$SUMMARY" "$RESULTS/burst.txt"
log "done; figures in bench/results/burst.txt"
