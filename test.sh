#!/usr/bin/env bash
# Runs every test (unit, HTTP, bUnit, and the browser journeys in Debian's Chromium).
# The browser tests need /usr/bin/chromium; Playwright's own download does not work here, so install the apt package once.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

rm -rf TestResults
exec dotnet test Christmas.slnx "$@"
