#!/usr/bin/env bash
# The Smtp sender with and without connection reuse: 2,000 emails (4 concurrent senders, as the scheduler's
# 4 workers) to a real local SMTP server (aiosmtpd, Debian's python3-aiosmtpd, its Sink handler: accepts and
# discards), a connection per email then reused connections, 3 alternating rounds; prints seconds and emails/s.
# Standalone: bash bench/smtp.sh  (about 1-2 minutes; port 2525 unless SMTP_PORT says otherwise;
# figures in bench/results/smtp.txt). EMAILS=200 ROUNDS=1 bash bench/smtp.sh for a quick try.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
RESULTS=$BENCH/results
source "$BENCH/lib.sh"

PORT=${SMTP_PORT:-2525}
PY=/usr/bin/python3   # Debian's, where python3-aiosmtpd installs (not a pyenv one first on PATH)
EMAILS=${EMAILS:-2000}
ROUNDS=${ROUNDS:-3}
TMP=$(mktemp -d /tmp/christmas-smtp.XXXXXX)
SUMMARY=${SUMMARY:-$TMP/summary.txt}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$RESULTS"
$PY -c 'import aiosmtpd' 2>/dev/null || { [[ $EUID == 0 ]] && apt-get install -y python3-aiosmtpd >&2; } \
  || die "aiosmtpd is missing: apt-get install -y python3-aiosmtpd"
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && die "port $PORT is already in use"

TOOL_BUILD=${TOOL_BUILD:-}
if [[ -z $TOOL_BUILD ]]; then
  log "publishing the Release build of Christmas.Bench (log: bench/results/build-smtp.log)"
  dotnet publish "$REPO/bench/Christmas.Bench/Christmas.Bench.csproj" -c Release --artifacts-path "$TMP/artifacts" -o "$TMP/tool" \
    >>"$RESULTS/build-smtp.log" 2>&1 || { tail -n 30 "$RESULTS/build-smtp.log" >&2; die "dotnet publish Christmas.Bench"; }
  TOOL_BUILD=$TMP/tool
fi
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)
fig "Christmas SMTP bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $COMMIT  $(nproc) cores  aiosmtpd $($PY -c 'import aiosmtpd; print(aiosmtpd.__version__)')  load average $(cut -d' ' -f1-3 /proc/loadavg)"

start_in "$TMP" "$RESULTS/aiosmtpd.log" SMTPD_PID "$PY" -m aiosmtpd -n -c aiosmtpd.handlers.Sink -l "127.0.0.1:$PORT"
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || die "aiosmtpd did not listen on $PORT"

log "sending $EMAILS emails per round, $ROUNDS rounds"
dotnet "$TOOL_BUILD/Christmas.Bench.dll" smtp --port "$PORT" --emails "$EMAILS" --rounds "$ROUNDS" | tee "$TMP/smtp.txt"
fig "   $(grep 'median reuse=no' "$TMP/smtp.txt" | sed 's/^BENCH smtp median //') (a connection per email)"
fig "   $(grep 'median reuse=yes' "$TMP/smtp.txt" | sed 's/^BENCH smtp median //') (connections reused)"
cp "$SUMMARY" "$RESULTS/smtp.txt"
