#!/usr/bin/env bash
# Profiles the standalone product while it backfills a simulator chain: a dotnet-trace sample of the product process
# (EventPipe, sampled thread time), summarised as the methods holding the most on-CPU samples.
# Usage, from anywhere: bash bench/profile.sh [--transactions 30000] [--seconds 25] [--out DIR]
# Needs the dotnet-trace global tool (dotnet tool install -g dotnet-trace) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
transactions=30000 seconds=25 out=$(mktemp -d)
while [ $# -gt 0 ]; do
  case "$1" in
    --transactions) transactions=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --out) out=$2; mkdir -p "$out"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
trace=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for project in tools/ChainSimulator src/Gateway; do dotnet build -c Release -nologo -v quiet "$project" >/dev/null; done
port=$((20000 + RANDOM % 20000)) http=$((40000 + RANDOM % 20000))
data=$(mktemp -d)
dotnet tools/ChainSimulator/bin/Release/net10.0/Spin.ChainSimulator.dll --port "$port" --seed 41 --mints 50 \
  --prefill "$transactions" --transactions 0 >"$out/simulator.log" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf -X POST -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' \
  "http://127.0.0.1:$port" >/dev/null; do sleep 1; done
echo "simulator ready with $transactions transactions; tracing the product's backfill for $seconds s"
"$trace" collect --profile dotnet-sampled-thread-time --format Speedscope --duration "00:00:00:$seconds" \
  -o "$out/product.nettrace" -- dotnet src/Gateway/bin/Release/net10.0/Spin.Gateway.dll --urls "http://127.0.0.1:$http" \
  --Spin:Chain:RpcUrl="http://127.0.0.1:$port" --Spin:Chain:WsUrl="ws://127.0.0.1:$((port + 1))" \
  --Spin:Storage:Path="$data" --Spin:Metadata:Enabled=false --Spin:Cluster:SiloPort=$((http + 1)) \
  --Spin:Cluster:GatewayPort=$((http + 2)) >"$out/trace.log" 2>&1 || true
python3 bench/profile_summary.py "$out/product.speedscope.json"
echo "trace: $out/product.nettrace"
