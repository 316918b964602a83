#!/usr/bin/env bash
# Runs every check CI runs: formatting, a warnings-as-errors build, and all tests (unit, property, integration
# against real HTTP, the real `refinery serve` process and a real S3-compatible server, which the tests start).
set -euo pipefail
cd "$(dirname "$0")/.."
REFINERY_WITH_TEST_SERVICES=1 scripts/install-prerequisites.sh

dotnet restore Refinery.slnx --verbosity quiet
dotnet format Refinery.slnx --verify-no-changes --no-restore
dotnet build Refinery.slnx -c Release --no-restore --verbosity quiet -nologo

log=$(mktemp)
status=0
dotnet test Refinery.slnx -c Release --no-build --verbosity minimal -nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: the totals over every test project.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
