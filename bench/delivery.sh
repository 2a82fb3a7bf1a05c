#!/usr/bin/env bash
# Resend's delivery events next to the webhook: the assessment webhook (wrk) and signed delivery events
# (Christmas.Bench delivery) against the same app, 32 connections each, in alternating rounds; then how long
# the apply loop took to look at every stored event. Both write through the one group-commit writer.
# Standalone: bash bench/delivery.sh  (about 2 minutes; ports 5111-5112 unless DELIVERY_PORT says otherwise;
# figures in bench/results/delivery.txt, logs in bench/results/).
# Smoke test: WARMUP_SECONDS=1 ROUND_SECONDS=2 ROUNDS=1 bash bench/delivery.sh
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

WARMUP_SECONDS=${WARMUP_SECONDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
PORT=${DELIVERY_PORT:-5111}
ASSESSMENT=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
EVENTS=/api/resend/webhooks
SECRET=whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY   # a bench-only secret (the tests' one)
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-delivery.XXXXXX)
STANDALONE=${SUMMARY:+no}
SUMMARY=${SUMMARY:-$TMP/summary.txt}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
rm -f "$RESULTS"/app-delivery*.log "$RESULTS"/wrk-delivery-*.txt "$RESULTS"/delivery-*.txt
command -v wrk >/dev/null || { [[ $EUID == 0 ]] && apt-get install -y wrk >&2; } || die "wrk is missing: apt-get install -y wrk"
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

APP_BUILD=${APP_BUILD:-}
TOOL_BUILD=${TOOL_BUILD:-}
if [[ -z $APP_BUILD || -z $TOOL_BUILD ]]; then
  log "publishing Release builds (log: bench/results/build-delivery.log)"
  for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
    dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-delivery.log" 2>&1 \
      || { tail -n 30 "$RESULTS/build-delivery.log" >&2; die "dotnet publish ${project%%:*}"; }
  done
  APP_BUILD=$TMP/app TOOL_BUILD=$TMP/tool
fi
tool() { dotnet "$TOOL_BUILD/Christmas.Bench.dll" "$@"; }
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
[[ $STANDALONE == no ]] || fig "Christmas delivery bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  .NET SDK $(dotnet --version)  load average $(cut -d' ' -f1-3 /proc/loadavg)"

DATA=$TMP/data
Campaign__DataDirectory=$DATA Resend__WebhookSecret=$SECRET start_in "$APP_BUILD" "$RESULTS/app-delivery.log" APP_PID \
  dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$PORT"
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-delivery.log"
HOOK_URL=http://127.0.0.1:$PORT$ASSESSMENT
EVENTS_URL=http://127.0.0.1:$PORT$EVENTS
# Signed delivery events, 32 connections; the tool's line is kept in results/.
# events TAG SECONDS [--db FILE]: with --db the tool then waits for the apply loop (applied_within_s=).
events() { tool delivery --url "$EVENTS_URL" --secret "$SECRET" --seconds "$2" --concurrency 32 --tag "$1" "${@:3}" | tee "$RESULTS/delivery-$1.txt"; }

fig ""
fig "Delivery events next to the webhook (32 connections each, ${ROUND_SECONDS} s rounds, alternating; events for email ids no step carries: stored, then tried once by the apply loop)"
log "warm-up, ${WARMUP_SECONDS} s each"
HOOK_LINES=() EVENT_LINES=()
HOOK_LINES+=("$(wrk_run delivery-warmup-hook "$HOOK_URL" "$WARMUP_SECONDS")")
EVENT_LINES+=("$(events warmup "$WARMUP_SECONDS")")
HOOK_RPS=() HOOK_P99=() EVENT_RPS=() EVENT_P50=() EVENT_P99=()
for r in $(seq "$ROUNDS"); do
  log "round $r of $ROUNDS"
  hook=$(wrk_run "delivery-round$r-hook" "$HOOK_URL" "$ROUND_SECONDS")
  if (( r == ROUNDS )); then ev=$(events "round$r" "$ROUND_SECONDS" --db "$DATA/campaign.db"); else ev=$(events "round$r" "$ROUND_SECONDS"); fi
  HOOK_LINES+=("$hook") EVENT_LINES+=("$ev")
  HOOK_RPS+=("$(field rps "$hook")") HOOK_P99+=("$(field p99_ms "$hook")")
  EVENT_RPS+=("$(field rps "$ev")") EVENT_P50+=("$(field p50 "$ev")") EVENT_P99+=("$(field p99 "$ev")")
  fig "   round $r: webhook $(field rps "$hook") req/s (p99 $(field p99_ms "$hook") ms)   delivery events $(field rps "$ev") req/s (p50 $(field p50 "$ev") ms, p99 $(field p99 "$ev") ms)"
done
fig "   median: webhook $(median "${HOOK_RPS[@]}") req/s (p99 $(median "${HOOK_P99[@]}") ms)   delivery events $(median "${EVENT_RPS[@]}") req/s (p50 $(median "${EVENT_P50[@]}") ms, p99 $(median "${EVENT_P99[@]}") ms)"
errors=0; for line in "${EVENT_LINES[@]}"; do errors=$(( errors + $(field errors "$line") )); done
hook_errors=0; for line in "${HOOK_LINES[@]}"; do hook_errors=$(( hook_errors + $(field non2xx "$line") + $(field socket_errors "$line") )); done
fig "   non-2xx or unanswered: webhook $hook_errors, delivery events $errors (must be 0; warm-up included)"

STORED=0; for line in "${EVENT_LINES[@]}"; do STORED=$(( STORED + $(field ok "$line") )); done
APPLIED=$(field applied_within_s "${EVENT_LINES[-1]}")
fig "   apply loop: $STORED events stored; every one applied or tried once ${APPLIED} s after the last round's last answer (-1: not within 120 s)"
stop "$APP_PID"
log_check "app" "$RESULTS/app-delivery.log"

[[ $STANDALONE == no ]] || cp "$SUMMARY" "$RESULTS/delivery.txt"
log "done; figures in bench/results/delivery.txt, logs in bench/results/"
