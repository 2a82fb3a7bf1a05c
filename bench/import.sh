#!/usr/bin/env bash
# CSV import at scale: a generated file of 100,000 contacts posted to POST /api/contacts/import (upsert)
# while a loop keeps posting assessment webhooks, one after the other. Prints the import's time and
# counts (target: under 30 s) and the webhooks' latency (p50, p95, max) and failures during the import.
# Standalone: bash bench/import.sh  (about 2-3 minutes with the Release publish; app on port 5093;
# figures in bench/results/import.txt). ROWS=... changes the file's size; APP_BUILD=dir reuses a publish.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

PORT=${IMPORT_PORT:-5093}
ROWS=${ROWS:-100000}
TOKEN=bench-token
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key

TMP=$(mktemp -d /tmp/christmas-import.XXXXXX)
mkdir -p "$RESULTS"
# Standalone, the figures start a fresh results/import.txt; a caller's SUMMARY is appended to.
[[ -z ${SUMMARY:-} ]] && { SUMMARY=$RESULTS/import.txt; : >"$SUMMARY"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 \
  Webhooks__RateLimit__Burst=1000000 Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

APP_BUILD=${APP_BUILD:-}
if [[ -z $APP_BUILD ]]; then
  log "publishing a Release build (log: bench/results/build-import.log)"
  dotnet publish "$REPO/Christmas.Admin/Christmas.Admin.csproj" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/app" >"$RESULTS/build-import.log" 2>&1 \
    || { tail -n 30 "$RESULTS/build-import.log" >&2; die "dotnet publish Christmas.Admin"; }
  APP_BUILD=$TMP/app
fi
fig "Christmas import bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)  $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

log "generating $ROWS rows"
CSV=$TMP/contacts.csv
awk -v rows="$ROWS" 'BEGIN {
  print "email,first_name,business_name,red_systems,orange_systems,yellow_systems,green_systems,timezone,consent_text";
  for (i = 1; i <= rows; i++)
    printf "import-%d@example.com,Name%d,Business %d,%d,%d,%d,%d,America/Toronto,Signed up at the fair\n", i, i, i, i % 3, 2, 3, 3 - i % 3;
}' >"$CSV"
fig "   file: $ROWS rows, $(( $(stat -c %s "$CSV") / 1024 )) KiB"

Campaign__DataDirectory=$TMP/data start_in "$APP_BUILD" "$RESULTS/app-import.log" APP_PID dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$PORT"
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-import.log"

# The webhook loop: one call at a time until the import is done; "code seconds" per call.
DONE=$TMP/import-done
CALLS=$TMP/webhooks.txt
( n=0; anchor=$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)
  while [[ ! -e $DONE ]]; do
    n=$((n + 1))
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 -H 'Content-Type: application/json' \
      -d "{\"email\":\"hook-$n@example.com\",\"first_name\":\"Sarah\",\"business_name\":\"Sarah Plumbing\",\"red_systems\":2,\"orange_systems\":1,\"yellow_systems\":2,\"green_systems\":3,\"weakest_system_1\":\"GPS\",\"weakest_system_2\":\"Money\",\"revenue_leak_total\":14700,\"email_1_sent_at\":\"$anchor\",\"email_1_status\":\"sent\"}" \
      "http://127.0.0.1:$PORT$WEBHOOK" >>"$CALLS" || echo "000 30" >>"$CALLS"
  done ) &
LOOP_PID=$!
STARTED_PIDS+=("$LOOP_PID")
sleep 1

log "posting the import"
START=$(now_ms)
curl -s -o "$TMP/import.json" -w '%{http_code}' --max-time 600 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary "@$CSV" "http://127.0.0.1:$PORT/api/contacts/import?mode=upsert" >"$TMP/import.code" || true
ELAPSED=$(( $(now_ms) - START ))
touch "$DONE"
wait "$LOOP_PID" 2>/dev/null || true

fig "   import: HTTP $(cat "$TMP/import.code") in $(awk -v ms="$ELAPSED" 'BEGIN { printf "%.1f", ms / 1000 }') s (target < 30 s)"
fig "   answer: $(head -c 300 "$TMP/import.json")"
TOTAL=$(wc -l <"$CALLS")
FAILED=$(awk '$1 != 200 && $1 != 201' "$CALLS" | wc -l)
mapfile -t MS < <(awk '{ printf "%.1f\n", $2 * 1000 }' "$CALLS" | sort -g)
pct() { local n=${#MS[@]}; (( n == 0 )) && { echo "-"; return; }; local i=$(( (n * $1 + 99) / 100 - 1 )); (( i < 0 )) && i=0; echo "${MS[$i]}"; }
fig "   webhooks during the import: $TOTAL calls, $FAILED failed, latency p50 $(pct 50)  p95 $(pct 95)  p99 $(pct 99)  max $(pct 100) ms"
log_check "app" "$RESULTS/app-import.log"
log "figures in $SUMMARY"
