#!/usr/bin/env bash
# The campaign simulator at scale: 10,000 active sequences seeded into a fresh database, then
# POST /api/simulations' work (SimulationRunner, in process on the same file) timed over 10 days,
# cold and warm, plain and with quiet hours and a gap that move every stored step, and once over
# HTTP through the running app. Target: < 5 s. Standalone: bash bench/simulate.sh (about 2 minutes
# with the builds; app on port 5093 unless SIMULATE_PORT says otherwise; figures in bench/results/simulate.txt).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

PORT=${SIMULATE_PORT:-5093}
SEQUENCES=${SEQUENCES:-10000}
DAYS=${DAYS:-10}
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-simulate.XXXXXX)
SUMMARY=$TMP/summary.txt
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

log "publishing Release builds (log: bench/results/build-simulate.log)"
for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
  dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-simulate.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-simulate.log" >&2; die "dotnet publish ${project%%:*}"; }
done
tool() { dotnet "$TMP/tool/Christmas.Bench.dll" "$@"; }
app() { Campaign__DataDirectory=$1 start_in "$TMP/app" "$2" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$PORT"; }

fig "Christmas simulator bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)  $(nproc) cores"
fig "Simulator, $SEQUENCES active sequences over $DAYS days (target < 5 s)"
DATA=$TMP/data
log "creating the schema (app start and stop on a fresh data directory)"
app "$DATA" "$RESULTS/app-simulate-migrate.log" APP_PID
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-simulate-migrate.log"
stop "$APP_PID"

log "seeding $SEQUENCES sequences, timing the simulator in process"
OUT=$(tool simulate --db "$DATA/campaign.db" --seed "$SEQUENCES" --days "$DAYS" --runs 3 | tee "$RESULTS/simulate-raw.txt")
line() { grep "^$1:" <<<"$OUT" | tail -n1; }
SEED=$(line seeded)
fig "   seeded $(field sequences "$SEED") sequences, $(field steps "$SEED") steps, in $(field seconds "$SEED") s"
for name in simulate-cold simulate-warm simulate-quiet-gap; do
  l=$(line "$name")
  fig "   $name: $(field ms "$l") ms  ($(field sequences "$l") sequences, $(field sends "$l") sends, $(field skipped "$l") skipped, $(field later "$l") later)"
done
fig "   peak RSS of the in-process run: $(field mb "$(line peak-rss)") MB"

log "timing POST /api/simulations on the app"
app "$DATA" "$RESULTS/app-simulate.log" APP_PID
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-simulate.log"
HTTP=$(tool simulate --db "$DATA/campaign.db" --days "$DAYS" --url "http://127.0.0.1:$PORT" --token "$TOKEN" | tee -a "$RESULTS/simulate-raw.txt")
l=$(grep '^simulate-http:' <<<"$HTTP")
fig "   POST /api/simulations (first call on a fresh app, JSON answer included): $(field ms "$l") ms, status $(field status "$l"), $(( $(field bytes "$l") / 1024 )) KiB"
stop "$APP_PID"
log_check app "$RESULTS/app-simulate.log"
cp "$SUMMARY" "$RESULTS/simulate.txt"
