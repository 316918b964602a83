#!/usr/bin/env bash
# Refreshes the console screenshots in docs/images/ that the README shows: runs the browser test (a real server,
# Debian's chromium driven by Playwright), which saves its screenshots into REFINERY_SCREENSHOTS_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
REFINERY_WITH_TEST_SERVICES=1 scripts/install-prerequisites.sh

mkdir -p docs/images
REFINERY_SCREENSHOTS_DIR="$PWD/docs/images" dotnet test tests/Refinery.IntegrationTests -c Release \
  --filter "FullyQualifiedName~Refinery.IntegrationTests.WebConsole.ConsoleBrowserTests" --verbosity quiet -nologo
ls -l docs/images/console-*.png
