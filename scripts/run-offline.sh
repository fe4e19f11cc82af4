#!/usr/bin/env bash
# Runs the product fully offline: the bundled chain simulator on 127.0.0.1:8899 (RPC) and :8900 (PubSub),
# and the standalone Gateway indexing it on http://localhost:5051 with its data under ./data/offline.
# Extra arguments go to the simulator (e.g. --mints 20 --rate 10). Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/ChainSimulator -c Release -nologo -v quiet
dotnet tools/ChainSimulator/bin/Release/net10.0/Spin.ChainSimulator.dll --port 8899 "$@" &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT
rm -rf ./data/offline
dotnet run --project src/Gateway -c Release -- \
  --Spin:Chain:RpcUrl=http://127.0.0.1:8899 \
  --Spin:Chain:WsUrl=ws://127.0.0.1:8900 \
  --Spin:Storage:Path=./data/offline
