# Helpers for run.sh (sourced). Every process started here is remembered by pid and stopped by
# pid in cleanup, so a failed run leaves nothing behind and nothing else is touched.

STARTED_PIDS=()

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }

# The figures: printed now and collected for the summary and results/latest.txt.
fig() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }

# start_in DIR LOG VAR cmd...: runs cmd in DIR (its content root: appsettings.json is read from
# there), output to LOG; stores the pid in VAR. exec keeps the pid that of the process itself.
start_in() {
  local dir=$1 logfile=$2 var=$3; shift 3
  (cd "$dir" && exec "$@") >"$logfile" 2>&1 &
  local pid=$!
  disown "$pid"   # no "Killed" notice from bash when the durability check kills it
  STARTED_PIDS+=("$pid")
  printf -v "$var" '%s' "$pid"
}

# wait_healthy URL PID LOG: polls URL every 50 ms until it answers 200 (60 s at most).
wait_healthy() {
  local url=$1 pid=$2 logfile=$3 deadline=$(( $(now_ms) + 60000 ))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "process $pid exited before $url answered"; }
    (( $(now_ms) < deadline )) || { tail -n 30 "$logfile" >&2; die "$url not healthy after 60 s"; }
    sleep 0.05
  done
}

# stop PID [SIGNAL]: TERM is ASP.NET Core's graceful stop (background jobs of a script ignore
# INT, so Ctrl+C's signal would be lost); KILL if it has not exited after 20 s.
stop() {
  local pid=$1 signal=${2:-TERM}
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  kill -CONT "$pid" 2>/dev/null || true   # a paused process (notion.sh pauses some) gets the signal once resumed
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "pid $pid ignored SIG$signal; killing"; kill -KILL "$pid" 2>/dev/null || true; fi
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop "$pid"; done
  [[ -n ${TMP:-} && -d $TMP ]] && rm -rf "$TMP"
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# field NAME LINE: the value of NAME=value in a "key=value ..." line.
field() { grep -o "$1=[^ ]*" <<<"$2" | head -n1 | cut -d= -f2; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wrk_run TAG URL SECONDS: 2 threads, 32 connections; prints the script's BENCH line, keeps wrk's report
# (with its latency distribution).
wrk_run() {
  local tag=$1 url=$2 seconds=$3 out="$RESULTS/wrk-$1.txt"
  wrk -t2 -c32 -d"${seconds}s" --timeout 10s --latency -s "$BENCH/assessment.lua" "$url" -- "$tag" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk $tag"; }
  grep '^BENCH ' "$out" || { cat "$out" >&2; die "wrk $tag printed no BENCH line"; }
}

# log_check NAME LOG: how many warnings and errors the app logged (console format "warn: ...").
log_check() {
  local warn fail
  warn=$(grep -c '^warn:' "$2" || true)
  fail=$(grep -cE '^(fail|crit):' "$2" || true)
  fig "   $1 log ($(basename "$2")): $fail errors, $warn warnings"
  # head closes the pipe early on a long log: grep's SIGPIPE must not end the run (pipefail, set -e).
  if (( fail + warn > 0 )); then { grep -E '^(warn|fail|crit):' -A1 "$2" | head -n 12 | sed 's/^/      | /' | tee -a "$SUMMARY"; } || true; fi
}

# A throwaway PostgreSQL cluster (Debian's package) in $TMP/pg on 127.0.0.1:$PG_PORT, run as the
# postgres user (initdb refuses root). pg_start after TMP and PG_PORT are set; trap pg_cleanup EXIT.
pg_find() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -x $PG_BIN/initdb ]] || die "PostgreSQL is missing: apt-get install -y postgresql"
  PG_DATA=$TMP/pg/data
}
pg_start() {
  log "starting a throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  chmod 755 "$TMP" && mkdir -p "$TMP/pg" && chown postgres "$TMP/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >"$RESULTS/pg-initdb.log" 2>&1 || die "initdb (see bench/results/pg-initdb.log)"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/log" -w \
    -o "-p $PG_PORT -k $TMP/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null || die "pg_ctl start"
}
pg_cleanup() {
  [[ -n ${PG_DATA:-} && -d $PG_DATA ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  cleanup
}
# newdb NAME: creates the database, prints the app's connection string for it.
newdb() { runuser -u postgres -- "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE $1" >/dev/null; \
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"; }
