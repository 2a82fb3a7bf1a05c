#!/usr/bin/env bash
# The Notion mirror against the tests' Notion stand-in (Christmas.Bench notion-standin): what the mirror
# costs the webhook, how much of a 3 req/s budget a 10,000-page backlog drains with, that a drained
# backlog loses and duplicates nothing, and how far 10 changes per contact coalesce.
# Standalone: bash bench/notion.sh  (about 7 minutes; ports 5101-5105 unless NOTION_PORT says
# otherwise; figures in bench/results/notion.txt, logs in bench/results/).
# Shorter runs for trying changes: ROUND_SECONDS=3 DRAIN_SECONDS=20 COALESCE_CONTACTS=20 bash bench/notion.sh
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

WARMUP_SECONDS=${WARMUP_SECONDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
MIRROR_RPS=${MIRROR_RPS:-1000}           # the app's Notion budget in figure 1: high, so the mirror works throughout
RATE=${RATE:-200}                        # figure 1's fixed-rate (open-loop) comparison
RATE_SECONDS=${RATE_SECONDS:-15}
DRAIN_ITEMS=${DRAIN_ITEMS:-10000}        # change-feed items seeded for figure 2 (an assessment makes 2: contact, sequence)
DRAIN_RPS=${DRAIN_RPS:-3}                # the stand-in's budget and the app's Notion:RequestsPerSecond
DRAIN_SECONDS=${DRAIN_SECONDS:-120}      # the measured window, from the restarted app's first request
COMPLETE_ITEMS=${COMPLETE_ITEMS:-500}    # the "nothing lost" run: drained completely
COMPLETE_RPS=${COMPLETE_RPS:-50}
COMPLETE_TIMEOUT=${COMPLETE_TIMEOUT:-180}
COALESCE_CONTACTS=${COALESCE_CONTACTS:-100}
COALESCE_EACH=${COALESCE_EACH:-10}       # signups per contact, first name changed each time
COALESCE_RPS=${COALESCE_RPS:-3}          # the app's budget (its default); the stand-in has none
COALESCE_TIMEOUT=${COALESCE_TIMEOUT:-300}

PORT=${NOTION_PORT:-5101}
APP_PORT=$PORT                 # the app with the mirror (figures 1-3)
OFF_PORT=$((PORT + 1))         # the app without it (figure 1)
STANDIN_PORT=$((PORT + 2))     # the Notion stand-in; its /bench/stats on STANDIN_PORT+1
STATS_PORT=$((PORT + 3))
DOWN_PORT=$((PORT + 4))        # nothing listens here: the mirror's Notion while the backlog is seeded
ASSESSMENT=/api/v1/executions/webhook/christmas/handlers/assessment-handler/assessment-webhook-key
SIGNUP=/api/v1/executions/webhook/christmas/handlers/signup-handler/signup-webhook-key
TOKEN=bench-token
NOTION_TOKEN=ntn_test_0123456789   # NotionStandIn.Token

TMP=$(mktemp -d /tmp/christmas-notion.XXXXXX)
STANDALONE=${SUMMARY:+no}
SUMMARY=${SUMMARY:-$TMP/summary.txt}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
rm -f "$RESULTS"/app-notion-*.log "$RESULTS"/wrk-notion-*.txt "$RESULTS"/notion-standin-*.log "$RESULTS"/notion-rate-*.txt
command -v wrk >/dev/null || { [[ $EUID == 0 ]] && apt-get install -y wrk >&2; } || die "wrk is missing: apt-get install -y wrk"
command -v jq >/dev/null || { [[ $EUID == 0 ]] && apt-get install -y jq >&2; } || die "jq is missing: apt-get install -y jq"
for port in $APP_PORT $OFF_PORT $STANDIN_PORT $STATS_PORT $DOWN_PORT; do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && die "port $port is already in use"
done
# A first Admin, so the app has no "no console user" warning to log.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

APP_BUILD=${APP_BUILD:-}
TOOL_BUILD=${TOOL_BUILD:-}
if [[ -z $APP_BUILD || -z $TOOL_BUILD ]]; then
  log "publishing Release builds (log: bench/results/build-notion.log)"
  for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
    dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-notion.log" 2>&1 \
      || { tail -n 30 "$RESULTS/build-notion.log" >&2; die "dotnet publish ${project%%:*}"; }
  done
  APP_BUILD=$TMP/app TOOL_BUILD=$TMP/tool
fi
tool() { dotnet "$TOOL_BUILD/Christmas.Bench.dll" "$@"; }
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
git -C "$REPO" diff --quiet HEAD -- Christmas.Core Christmas.Admin 2>/dev/null || COMMIT="$COMMIT+local changes"
[[ $STANDALONE == no ]] || fig "Christmas Notion bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  .NET SDK $(dotnet --version)  load average $(cut -d' ' -f1-3 /proc/loadavg)"

# standin BUDGET TAG: a fresh stand-in (empty databases) on STANDIN_PORT; sets SI_PID, CONTACTS_DB, TRACKER_DB.
standin() {
  local logfile=$RESULTS/notion-standin-$2.log
  start_in "$TOOL_BUILD" "$logfile" SI_PID dotnet Christmas.Bench.dll notion-standin --port "$STANDIN_PORT" --budget "$1"
  wait_healthy "http://127.0.0.1:$STATS_PORT/bench/stats" "$SI_PID" "$logfile"
  local ids; ids=$(grep '^contacts=' "$logfile")
  CONTACTS_DB=$(field contacts "$ids") TRACKER_DB=$(field tracker "$ids")
}
# stats [QUERY]: the stand-in's /bench/stats JSON (requests, byStatus, byRoute, tooMany, pages, duplicates, firstAt, lastAt).
stats() { curl -sf --max-time 30 "http://127.0.0.1:$STATS_PORT/bench/stats${1:-}"; }
# status PORT: the app's GET /api/notion/status JSON.
status() { curl -sf --max-time 10 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/api/notion/status"; }
# plain_app PORT DATA_DIR LOG VAR: the app without Notion (no Notion:Token); the pid goes to VAR.
plain_app() { Campaign__DataDirectory=$2 start_in "$APP_BUILD" "$3" "$4" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$1"; }
# notion_app PORT DATA_DIR LOG VAR RPS NOTION_URL: the app mirroring to NOTION_URL's databases CONTACTS_DB and TRACKER_DB.
notion_app() {
  Notion__Token=$NOTION_TOKEN Notion__BaseUrl=$6 Notion__ContactsDatabaseId=$CONTACTS_DB Notion__SequenceTrackerDatabaseId=$TRACKER_DB \
    Notion__RequestsPerSecond=$5 plain_app "$1" "$2" "$3" "$4"
}
# drained PORT TIMEOUT: waits until the app's backlog is 0 with a sync done; prints the seconds waited.
drained() {
  local t0 s; t0=$(now_ms)
  while true; do
    s=$(status "$1" || echo '{}')
    [[ $(jq -r '(.backlog == 0) and (.lastSyncAt != null)' <<<"$s") == true ]] && break
    (( $(now_ms) - t0 < $2 * 1000 )) || die "the Notion backlog did not drain within $2 s: $s"
    sleep 0.5
  done
  awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN { printf "%.1f", ms / 1000 }'
}
# outage_check NAME LOG: log_check for an app whose Notion was down on purpose: Polly's retries of the
# refused connection (its last attempt is logged as fail) and the schema reads giving up are expected.
outage_check() {
  local warn fail unexpected
  warn=$(grep -c '^warn:' "$2" || true)
  fail=$(grep -cE '^(fail|crit):' "$2" || true)
  unexpected=$(awk '/^(warn|fail|crit):/ && !/^(warn|fail): (Polly|Christmas\.Core\.Notion\.Mapping\.NotionSchemas|Microsoft\.AspNetCore\.DataProtection\.KeyManagement\.XmlKeyManager)\[/ { print; getline; print }' "$2")
  fig "   $1 log ($(basename "$2")): $fail errors, $warn warnings, $(grep -cE '^(warn|fail|crit):' <<<"$unexpected" || true) besides the refused connection's retries and the data-protection key notice"
  [[ -z $unexpected ]] || head -n 8 <<<"$unexpected" | sed 's/^/      | /' | tee -a "$SUMMARY"
}
ratio() { awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { printf f, (b == 0 ? 0 : a / b) }'; }
# routes STATS [READS_BEFORE]: "Q queries, C creates, U updates, R reads", the reads less READS_BEFORE.
routes() { jq -r --argjson r "${2:-0}" '"\(.byRoute.query // 0) queries, \(.byRoute.create // 0) creates, \(.byRoute.update // 0) updates, \((.byRoute.read // 0) - $r) reads"' <<<"$1"; }

# ---- 1. Webhook cost of the mirror ------------------------------------------------------------------
fig ""
fig "1. Webhook cost of the Notion mirror, assessment handler (wrk 2 threads, 32 connections, unique email per request, ${ROUND_SECONDS} s rounds, alternating)"
fig "   off: no Notion:Token   mirrored: stand-in with no budget, Notion:RequestsPerSecond=$MIRROR_RPS   (SIGSTOP: the other app during each run, the stand-in during the off runs)"
log "starting the stand-in and both apps (fresh data directories)"
standin 0 webhook
plain_app "$OFF_PORT" "$TMP/data-off" "$RESULTS/app-notion-off.log" OFF_PID
notion_app "$APP_PORT" "$TMP/data-on" "$RESULTS/app-notion-on.log" ON_PID "$MIRROR_RPS" "http://127.0.0.1:$STANDIN_PORT"
wait_healthy "http://127.0.0.1:$OFF_PORT/health" "$OFF_PID" "$RESULTS/app-notion-off.log"
wait_healthy "http://127.0.0.1:$APP_PORT/health" "$ON_PID" "$RESULTS/app-notion-on.log"
OFF_URL=http://127.0.0.1:$OFF_PORT$ASSESSMENT
ON_URL=http://127.0.0.1:$APP_PORT$ASSESSMENT
# run_off TAG SECONDS / run_on TAG SECONDS: wrk against one app while the other side sleeps (SIGSTOP), so
# the mirror's backlog (and the stand-in serving it) use no CPU during the runs without it.
run_off() { kill -STOP "$ON_PID" "$SI_PID"; wrk_run "$1" "$OFF_URL" "$2"; kill -CONT "$ON_PID" "$SI_PID"; }
run_on() { kill -STOP "$OFF_PID"; wrk_run "$1" "$ON_URL" "$2"; kill -CONT "$OFF_PID"; }
log "warm-up, ${WARMUP_SECONDS} s each"
OFF_LINES=() ON_LINES=()
OFF_LINES+=("$(run_off notion-warmup-off "$WARMUP_SECONDS")")
ON_LINES+=("$(run_on notion-warmup-on "$WARMUP_SECONDS")")
OFF_RPS=() ON_RPS=() OFF_P99=() ON_P99=()
for r in $(seq "$ROUNDS"); do
  log "round $r of $ROUNDS"
  off=$(run_off "notion-round$r-off" "$ROUND_SECONDS")
  before=$(stats | jq .requests)
  on=$(run_on "notion-round$r-on" "$ROUND_SECONDS")
  after=$(stats | jq .requests)
  OFF_LINES+=("$off") ON_LINES+=("$on")
  OFF_RPS+=("$(field rps "$off")") ON_RPS+=("$(field rps "$on")")
  OFF_P99+=("$(field p99_ms "$off")") ON_P99+=("$(field p99_ms "$on")")
  fig "   round $r: off $(field rps "$off") req/s (p99 $(field p99_ms "$off") ms)   mirrored $(field rps "$on") req/s (p99 $(field p99_ms "$on") ms)   mirror meanwhile: $(ratio $(( after - before )) "$ROUND_SECONDS" %.0f) Notion req/s"
done
MED_OFF=$(median "${OFF_RPS[@]}") MED_ON=$(median "${ON_RPS[@]}")
fig "   median: off $MED_OFF req/s (p99 $(median "${OFF_P99[@]}") ms)   mirrored $MED_ON req/s (p99 $(median "${ON_P99[@]}") ms)   ratio mirrored/off $(ratio "$MED_ON" "$MED_OFF")"
count_non2xx() { local n=0 line; for line in "$@"; do n=$(( n + $(field non2xx "$line") + $(field socket_errors "$line") )); done; echo "$n"; }
fig "   non-2xx responses and socket errors: off $(count_non2xx "${OFF_LINES[@]}"), mirrored $(count_non2xx "${ON_LINES[@]}") (must be 0; all runs, warm-up included)"
# wrk saturates the app; at a fixed rate below that the mirror gets its turn: the same pair, open loop.
log "fixed rate: $RATE req/s for $RATE_SECONDS s each"
kill -STOP "$ON_PID" "$SI_PID"
OFF_RATE=$(tool rate --url "$OFF_URL" --rps "$RATE" --seconds "$RATE_SECONDS" --tag notion-rate-off | tee "$RESULTS/notion-rate-off.txt")
kill -CONT "$ON_PID" "$SI_PID"; kill -STOP "$OFF_PID"
before=$(stats | jq .requests)
ON_RATE=$(tool rate --url "$ON_URL" --rps "$RATE" --seconds "$RATE_SECONDS" --tag notion-rate-on | tee "$RESULTS/notion-rate-on.txt")
after=$(stats | jq .requests)
kill -CONT "$OFF_PID"
rate_figures() { echo "ok $(field ok "$1")/$(field sent "$1")  p50 $(field p50 "$1")  p99 $(field p99 "$1")  max $(field max "$1") ms"; }
fig "   fixed rate $RATE req/s for $RATE_SECONDS s each (open loop, latency from scheduled start):"
fig "      off:      $(rate_figures "$OFF_RATE")"
fig "      mirrored: $(rate_figures "$ON_RATE")   mirror meanwhile: $(ratio $(( after - before )) "$RATE_SECONDS" %.0f) Notion req/s"
# For comparison, the mirror alone: the same app and stand-in for 5 s with no webhook load (the other app paused).
kill -STOP "$OFF_PID"; before=$(stats | jq .requests); sleep 5; after=$(stats | jq .requests); kill -CONT "$OFF_PID"
fig "   the mirror alone, no webhook load, 5 s right after: $(ratio $(( after - before )) 5 %.0f) Notion req/s"
S=$(stats) ST=$(status "$APP_PORT")
fig "   the mirror by the end: $(jq .requests <<<"$S") requests ($(routes "$S")), pages: $(jq .pages.contacts <<<"$S") contacts, $(jq .pages.tracker <<<"$S") sequences; backlog still $(jq .backlog <<<"$ST")"
stop "$ON_PID"; stop "$OFF_PID"; stop "$SI_PID"
log_check "app (off)" "$RESULTS/app-notion-off.log"
log_check "app (mirrored)" "$RESULTS/app-notion-on.log"

# ---- 2. Drain rate of a 10,000-item backlog within a 3 req/s budget ------------------------------------
# seed_backlog TAG ITEMS RPS: a fresh data directory gets ITEMS/2 assessments (a contact and a sequence
# each) from an app whose Notion is down (a closed port): its status reports a backlog of ITEMS pages (the
# feed's cursor stays behind every page not written), as after a long outage.
# Then that app stops and starts again on the same data, pointed at a fresh stand-in with budget RPS and
# with Notion:RequestsPerSecond=RPS (pid in APP_PID). Sets SEEDED (the webhooks line), BACKLOG_BEFORE
# (the stopped app's last status) and PENDING_BEFORE (the count line of its file).
seed_backlog() {
  local tag=$1 items=$2 rps=$3 data=$TMP/data-$1 deadline
  standin "$rps" "$tag"
  notion_app "$APP_PORT" "$data" "$RESULTS/app-notion-$tag-seed.log" APP_PID "$rps" "http://127.0.0.1:$DOWN_PORT"
  wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-notion-$tag-seed.log"
  SEEDED=$(tool webhooks --url "http://127.0.0.1:$APP_PORT$ASSESSMENT" --kind assessment --contacts $(( items / 2 )) --tag "$tag")
  [[ $(field errors "$SEEDED") == 0 ]] || die "seeding: $SEEDED"
  deadline=$(( $(now_ms) + 90000 ))
  until BACKLOG_BEFORE=$(status "$APP_PORT") && [[ $(jq .backlog <<<"$BACKLOG_BEFORE") -ge $items ]]; do
    (( $(now_ms) < deadline )) || die "the app (Notion down) did not report a backlog of $items within 90 s: $BACKLOG_BEFORE"
    sleep 1
  done
  PENDING_BEFORE=$(tool count --db "$data/campaign.db")
  stop "$APP_PID"
  outage_check "app (Notion down, seeding)" "$RESULTS/app-notion-$tag-seed.log"
  notion_app "$APP_PORT" "$data" "$RESULTS/app-notion-$tag.log" APP_PID "$rps" "http://127.0.0.1:$STANDIN_PORT"
  wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-notion-$tag.log"
}
fig ""
fig "2. Drain rate: $DRAIN_ITEMS change-feed items seeded with Notion down, then drained at a $DRAIN_RPS req/s budget (stand-in and app), ${DRAIN_SECONDS} s window"
log "seeding $DRAIN_ITEMS items with the mirror down"
seed_backlog drain "$DRAIN_ITEMS" "$DRAIN_RPS"
fig "   seeded: $(field ok "$SEEDED") assessments in $(field seconds "$SEEDED") s; with Notion down: backlog $(jq .backlog <<<"$BACKLOG_BEFORE") ($(field notion_pending "$PENDING_BEFORE") pages pending, $(field unread "$PENDING_BEFORE") changes unread), healthy $(jq .healthy <<<"$BACKLOG_BEFORE")"
log "waiting for the restarted app's first Notion request, then ${DRAIN_SECONDS} s"
deadline=$(( $(now_ms) + 60000 ))
until [[ $(stats | jq .requests) -gt 0 ]]; do
  (( $(now_ms) < deadline )) || die "the restarted app sent no Notion request within 60 s"
  sleep 0.1
done
sleep "$DRAIN_SECONDS"; sleep 1   # the window is counted from the first request; 1 s for the last ones in it to finish
S=$(stats "?window=$DRAIN_SECONDS") ST=$(status "$APP_PORT")
RATE=$(ratio "$(jq .requests <<<"$S")" "$DRAIN_SECONDS" %.2f)
MADE=$(jq '.pages.contacts + .pages.tracker' <<<"$S") LEFT=$(jq .backlog <<<"$ST")
fig "   $(jq .requests <<<"$S") requests in ${DRAIN_SECONDS} s ($(routes "$S")) = $RATE req/s = $(awk -v r="$RATE" -v b="$DRAIN_RPS" 'BEGIN { printf "%.1f", r / b * 100 }') % of the budget (target >= 90 %)"
fig "   429 answers: $(jq '.byStatus["429"] // 0' <<<"$S") in the window, $(jq .tooMany <<<"$S") in all (target 0)   other non-200: $(jq '[.byStatus | to_entries[] | select(.key != "200" and .key != "429") | .value] | add // 0' <<<"$S")"
fig "   backlog: $(jq .backlog <<<"$BACKLOG_BEFORE") before, $LEFT after the window; $MADE pages made ($(jq .pages.contacts <<<"$S") contacts, $(jq .pages.tracker <<<"$S") sequences), the rest at this pace: $(awk -v l="$LEFT" -v m="$MADE" -v s="$DRAIN_SECONDS" 'BEGIN { printf "%.0f", m ? l / (m / s) / 60 : 0 }') min"
stop "$APP_PID"; stop "$SI_PID"
log_check "app (draining)" "$RESULTS/app-notion-drain.log"

log "nothing lost: $COMPLETE_ITEMS items drained completely at $COMPLETE_RPS req/s"
fig "   nothing lost: $COMPLETE_ITEMS items seeded the same way, drained completely at $COMPLETE_RPS req/s (stand-in and app)"
seed_backlog complete "$COMPLETE_ITEMS" "$COMPLETE_RPS"
DRAINED=$(drained "$APP_PORT" "$COMPLETE_TIMEOUT")
S=$(stats)
stop "$APP_PID"; stop "$SI_PID"
COUNTS=$(tool count --db "$TMP/data-complete/campaign.db")
PAGES=$(jq '.pages.contacts + .pages.tracker' <<<"$S")
ROWS=$(( $(field contacts "$COUNTS") + $(field sequences "$COUNTS") ))
fig "      backlog $(jq .backlog <<<"$BACKLOG_BEFORE") drained in $DRAINED s: $(jq .requests <<<"$S") requests ($(routes "$S")), $(ratio "$(jq '.requests - (.byRoute.read // 0)' <<<"$S")" "$PAGES" %.2f) per page besides the schema reads; 429 answers: $(jq .tooMany <<<"$S") (target 0)"
fig "      pages in Notion: $(jq .pages.contacts <<<"$S") contacts + $(jq .pages.tracker <<<"$S") sequences = $PAGES   in the app: $(field contacts "$COUNTS") contacts + $(field sequences "$COUNTS") sequences = $ROWS   ($( (( PAGES == ROWS )) && echo equal || echo "NOT EQUAL"); must be equal)"
fig "      duplicate pages: $(jq .duplicates.contacts <<<"$S") contacts (same email), $(jq .duplicates.tracker <<<"$S") sequences (same email, type, start) (must be 0)"
log_check "app (draining completely)" "$RESULTS/app-notion-complete.log"

# ---- 3. Coalescing -------------------------------------------------------------------------------------
TOTAL=$(( COALESCE_CONTACTS * COALESCE_EACH ))
fig ""
fig "3. Coalescing: $TOTAL signups on $COALESCE_CONTACTS contacts ($COALESCE_EACH each, first name changed every time), app budget $COALESCE_RPS req/s, stand-in with none"
standin 0 coalesce
notion_app "$APP_PORT" "$TMP/data-coalesce" "$RESULTS/app-notion-coalesce.log" APP_PID "$COALESCE_RPS" "http://127.0.0.1:$STANDIN_PORT"
wait_healthy "http://127.0.0.1:$APP_PORT/health" "$APP_PID" "$RESULTS/app-notion-coalesce.log"
deadline=$(( $(now_ms) + 60000 ))
until [[ $(status "$APP_PORT" | jq -r '.schemaCheckedAt != null') == true ]]; do
  (( $(now_ms) < deadline )) || die "the app did not read the Notion schemas within 60 s"
  sleep 0.1
done
BEFORE=$(stats)   # the schema reads at start, left out below
log "posting $TOTAL signups"
POSTED=$(tool webhooks --url "http://127.0.0.1:$APP_PORT$SIGNUP" --kind signup --contacts "$COALESCE_CONTACTS" --each "$COALESCE_EACH" --tag coalesce)
[[ $(field errors "$POSTED") == 0 ]] || die "posting: $POSTED"
log "waiting for the backlog to drain"
DRAINED=$(drained "$APP_PORT" "$COALESCE_TIMEOUT")
S=$(stats "?titles=1")
stop "$APP_PID"; stop "$SI_PID"
REQUESTS=$(( $(jq .requests <<<"$S") - $(jq .requests <<<"$BEFORE") ))
WRITES=$(jq '(.byRoute.create // 0) + (.byRoute.update // 0)' <<<"$S")
LAST=$(field last_first_name "$POSTED")
fig "   posted $(field ok "$POSTED") in $(field seconds "$POSTED") s; backlog 0 after $DRAINED s more"
fig "   $REQUESTS requests after the $(jq .requests <<<"$BEFORE") schema reads at start ($(routes "$S" "$(jq '.byRoute.read // 0' <<<"$BEFORE")")) = $(ratio "$REQUESTS" "$COALESCE_CONTACTS" %.2f) per contact, $(ratio "$WRITES" "$COALESCE_CONTACTS" %.2f) writes per contact"
fig "      (no coalescing: $(( COALESCE_EACH + 1 )) requests and $COALESCE_EACH writes per contact; fully coalesced: 2 requests, 1 write)"
fig "   pages: $(jq .pages.contacts <<<"$S") (of $COALESCE_CONTACTS), duplicates $(jq .duplicates.contacts <<<"$S"), with the last first name ($LAST): $(jq --arg n "$LAST" '.titles[$n] // 0' <<<"$S") (must be $COALESCE_CONTACTS); 429 answers: $(jq .tooMany <<<"$S")"
log_check "app (coalescing)" "$RESULTS/app-notion-coalesce.log"

[[ $STANDALONE == no ]] || cp "$SUMMARY" "$RESULTS/notion.txt"
log "done; figures in bench/results/notion.txt, logs in bench/results/"
