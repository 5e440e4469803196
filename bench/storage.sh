#!/usr/bin/env bash
# Storage throughput bench (Release build). Options: --messages N --concurrency C --batch B --workers W --warmup N --path FILE
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/Herald.Bench.Storage -- "$@"
