#!/usr/bin/env bash
# Runs every benchmark (ingest, query, paging, push, scale, memory), each with its baseline, and reports them together.
# Usage, from anywhere: bash bench/run.sh [--quick|--full|--tiny] [--only ingest,query] [--write docs/benchmarks.md]
#   --quick (default) 1-3 minutes on 2 cores; --full about 20-30 minutes. Exit code non-zero if a check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Harness/Harness.csproj -c Release -nologo -v quiet
exec dotnet bench/Harness/bin/Release/net10.0/Spin.Bench.Harness.dll "$@"
