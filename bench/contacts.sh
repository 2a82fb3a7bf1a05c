#!/usr/bin/env bash
# The console's contacts list at scale: 100,000 contacts and 400,000 steps seeded into a fresh
# database, then the page's own query (ContactQueries.SearchAsync) and GET /api/contacts timed for the
# first page and for a search by email (target < 100 ms each), plus one CSV export of everyone.
# Standalone: bash bench/contacts.sh  (about 1-2 minutes, app on port 5091; figures in
# bench/results/contacts.txt). run.sh calls it with its own published builds and summary.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

PORT=${CONTACTS_PORT:-5091}
CONTACTS=${CONTACTS:-100000}
STEPS=${STEPS:-400000}
RUNS=${RUNS:-30}
TOKEN=bench-token

TMP=$(mktemp -d /tmp/christmas-contacts.XXXXXX)
STANDALONE=${SUMMARY:+no}
SUMMARY=${SUMMARY:-$TMP/summary.txt}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && die "port $PORT is already in use"
# A first Admin, so the app has no "no console user" warning to log.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Admin__ApiToken=$TOKEN Webhooks__RateLimit__PermitsPerSecond=1000000 Webhooks__RateLimit__Burst=1000000 \
  Admin__Email=bench@example.com Admin__Password=bench-password-0123456789

APP_BUILD=${APP_BUILD:-}
TOOL_BUILD=${TOOL_BUILD:-}
if [[ -z $APP_BUILD || -z $TOOL_BUILD ]]; then
  log "publishing Release builds (log: bench/results/build-contacts.log)"
  for project in Christmas.Admin/Christmas.Admin.csproj:app bench/Christmas.Bench/Christmas.Bench.csproj:tool; do
    dotnet publish "$REPO/${project%%:*}" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/${project##*:}" >>"$RESULTS/build-contacts.log" 2>&1 \
      || { tail -n 30 "$RESULTS/build-contacts.log" >&2; die "dotnet publish ${project%%:*}"; }
  done
  APP_BUILD=$TMP/app TOOL_BUILD=$TMP/tool
  fig "Christmas contacts bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)  $(nproc) cores"
fi
tool() { dotnet "$TOOL_BUILD/Christmas.Bench.dll" "$@"; }
app() { Campaign__DataDirectory=$1 start_in "$APP_BUILD" "$2" "$3" dotnet Christmas.Admin.dll --urls "http://127.0.0.1:$PORT"; }

fig ""
fig "5. Contacts list at scale, $CONTACTS contacts and $STEPS steps ($RUNS runs each after 5 warm-up runs; target < 100 ms)"
DATA=$TMP/data-contacts
log "creating the schema (app start and stop on a fresh data directory)"
app "$DATA" "$RESULTS/app-contacts-migrate.log" APP_PID
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-contacts-migrate.log"
stop "$APP_PID"
log "seeding $CONTACTS contacts and $STEPS steps"
SEED=$(tool seed-contacts --db "$DATA/campaign.db" --contacts "$CONTACTS" --steps "$STEPS")
fig "   seeded $(field contacts "$SEED") contacts ($(field assessed "$SEED") with an assessment sequence), $(field steps "$SEED") steps, in $(field seconds "$SEED") s"
app "$DATA" "$RESULTS/app-contacts.log" APP_PID
wait_healthy "http://127.0.0.1:$PORT/health" "$APP_PID" "$RESULTS/app-contacts.log"
log "timing the contacts queries"
OUT=$(tool contacts --db "$DATA/campaign.db" --contacts "$CONTACTS" --runs "$RUNS" --url "http://127.0.0.1:$PORT" --token "$TOKEN" | tee "$RESULTS/contacts-raw.txt")
line() { grep "^$1:" <<<"$OUT"; }
show() { local l; l=$(line "$1"); fig "      $2: p50 $(field p50 "$l")  p95 $(field p95 "$l")  max $(field max "$l") ms"; }
fig "   the page's own query (ContactQueries.SearchAsync), in process on the same file:"
show query-first-page   "first page, 25 rows, recently updated first          "
show query-search-email "search by a full email, a different contact each run"
show query-search-name  "search by a name fragment ('tremblay', ~14 % match) "
show query-sort-name    "first page sorted by name (no index: top-N sort)     "
show query-dashboard    "dashboard summary (DashboardQueries, same data)      "
show query-funnel-all   "funnel, all four sequences (FunnelQueries; target < 200 ms)"
show query-funnel-assessment "funnel, assessment only                         "
fig "   through the app (GET /api/contacts, Bearer token, loopback, client-timed):"
show http-first-page    "first page: ?page=1&size=25                          "
show http-search-email  "search by a full email: ?search=<email>              "
EXPORT=$(line query-export-csv)
fig "   CSV export of every contact, in process (ContactCsvExport): $(field rows "$EXPORT") rows in $(field ms "$EXPORT") ms"
EXPORT=$(line http-export-csv)
fig "   GET /api/contacts/export.csv, every contact: $(field rows "$EXPORT") rows, $(( $(field bytes "$EXPORT") / 1024 )) KiB in $(field ms "$EXPORT") ms"
stop "$APP_PID"
log_check app "$RESULTS/app-contacts.log"

[[ $STANDALONE == no ]] || cp "$SUMMARY" "$RESULTS/contacts.txt"
