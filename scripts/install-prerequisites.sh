#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test Refinery. Idempotent and quiet when all is there.
set -euo pipefail

missing=()
# OpenCvSharp's native library links against GTK 3 (and libepoxy); without them every OpenCV call fails.
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
dpkg -s libepoxy0 >/dev/null 2>&1 || missing+=(libepoxy0)
if [ "${REFINERY_WITH_TEST_SERVICES:-0}" = 1 ]; then
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  # The console's browser test drives Debian's Chromium through Playwright (no browser download).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The PostgreSQL tests start a throwaway cluster of their own with initdb and pg_ctl.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (apt)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${REFINERY_WITH_TEST_SERVICES:-0}" = 1 ] && [ -f tests/s3rver/package.json ] && [ ! -d tests/s3rver/node_modules ]; then
  echo "Installing the S3-compatible test server (npm)…"
  (cd tests/s3rver && npm ci --no-audit --no-fund --loglevel=error)
fi
