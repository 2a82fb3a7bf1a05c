#!/usr/bin/env bash
# Webhook throughput of two commits in one run: the app at BASE (default: main's first parent of this
# branch's work, or any git ref) and the working tree, each published in Release and started on a fresh
# SQLite data directory, then wrk rounds alternating between them so both see the same machine load.
#   bash bench/compare.sh 8606ce6          (ROUNDS=5 ROUND_SECONDS=10 by default)
# Prints each round and the medians; writes them to bench/results/compare.txt.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

BASE=${1:?usage: bench/compare.sh BASE-REF}
ROUNDS=${ROUNDS:-5}
ROUND_SECONDS=${ROUND_SECONDS:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
BASE_PORT=5091 HEAD_PORT=5092
WEBHOOK=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
TMP=$(mktemp -d /tmp/christmas-compare.XXXXXX)
SUMMARY=$TMP/summary.txt
cleanup_compare() { git -C "$REPO" worktree remove --force "$TMP/base-src" >/dev/null 2>&1 || true; cleanup; }
trap cleanup_compare EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
# The webhook rate limit (per client address) is for the open internet, not for wrk on loopback.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=bench-token \
  Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000

log "publishing $BASE and the working tree (log: bench/results/compare-build.log)"
git -C "$REPO" worktree add --detach "$TMP/base-src" "$BASE" >/dev/null 2>&1 || die "no such ref: $BASE"
for side in base:"$TMP/base-src" head:"$REPO"; do
  dotnet publish "${side#*:}/Christmas.Admin/Christmas.Admin.csproj" -c Release --artifacts-path "$TMP/artifacts-${side%%:*}" \
    -o "$TMP/${side%%:*}" >>"$RESULTS/compare-build.log" 2>&1 || die "dotnet publish ${side%%:*}"
done

start_app() { Campaign__DataDirectory=$TMP/data-$1 start_in "$TMP/$1" "$RESULTS/compare-$1.log" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$2"; }
start_app base $BASE_PORT BASE_PID
start_app head $HEAD_PORT HEAD_PID
wait_healthy "http://127.0.0.1:$BASE_PORT/health" "$BASE_PID" "$RESULTS/compare-base.log"
wait_healthy "http://127.0.0.1:$HEAD_PORT/health" "$HEAD_PID" "$RESULTS/compare-head.log"

HEAD_COMMIT=$(git -C "$REPO" rev-parse --short HEAD)
fig "Webhook throughput, $BASE (before) against $HEAD_COMMIT (after), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
fig "  assessment handler, wrk 2 threads, 32 connections, unique email per request, ${ROUND_SECONDS} s rounds, alternating"
wrk_run warmup-base "http://127.0.0.1:$BASE_PORT$WEBHOOK" "$WARMUP_SECONDS" >/dev/null
wrk_run warmup-head "http://127.0.0.1:$HEAD_PORT$WEBHOOK" "$WARMUP_SECONDS" >/dev/null
BEFORE=() AFTER=()
for r in $(seq "$ROUNDS"); do
  b=$(wrk_run "round$r-base" "http://127.0.0.1:$BASE_PORT$WEBHOOK" "$ROUND_SECONDS")
  h=$(wrk_run "round$r-head" "http://127.0.0.1:$HEAD_PORT$WEBHOOK" "$ROUND_SECONDS")
  BEFORE+=("$(field rps "$b")") AFTER+=("$(field rps "$h")")
  fig "  round $r: before $(field rps "$b") req/s (p99 $(field p99_ms "$b") ms, non-2xx $(field non2xx "$b"))   after $(field rps "$h") req/s (p99 $(field p99_ms "$h") ms, non-2xx $(field non2xx "$h"))"
done
MB=$(median "${BEFORE[@]}") MA=$(median "${AFTER[@]}")
fig "  median: before $MB req/s   after $MA req/s   after/before $(awk -v a="$MA" -v b="$MB" 'BEGIN { printf "%.3f", a / b }')"
cp "$SUMMARY" "$RESULTS/compare.txt"
