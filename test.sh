#!/usr/bin/env bash
# Runs every test (unit, HTTP, bUnit, the browser journeys in Debian's Chromium, and the PostgreSQL
# tests on a throwaway cluster the tests start themselves). Needs /usr/bin/chromium (Playwright's
# own download does not work here), Debian's postgresql package, and Node with npm (the API-description
# tests install pinned npm tools from the registry once): all are installed when missing.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The API-description tests run npm tools (Redocly's linter, openapi-typescript) with Node.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the browser and PostgreSQL tests..."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

rm -rf TestResults
# Release: the tests run the code as it ships (optimised), and the published-app suite reuses this build.
exec dotnet test Christmas.slnx -c Release "$@"
