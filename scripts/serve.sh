#!/usr/bin/env bash
# Runs Refinery on its embedded defaults: SQLite catalog, in-memory job delivery, in-process workers, local storage.
# Extra arguments go to `refinery serve` (e.g. --storage-root imgs=/data/images --urls http://127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
exec dotnet run --project src/Refinery.Cli -c Release -- serve "$@"
