#!/usr/bin/env bash
# The topology of docker-compose.yml as processes on 127.0.0.1, without Docker: the local PostgreSQL (membership), three
# silos and two gateways in client mode, optionally the chain simulator. docs/operations.md has the details.
#
#   scripts/cluster.sh start [--simulator]   build (Release) when needed, apply the schema, start, wait until all answer
#   scripts/cluster.sh status                what runs and which silo holds the chain listener's lease; exit 0 when
#                                            everything answers, 1 when something does not, 3 when nothing runs
#   scripts/cluster.sh stop                  SIGTERM, then SIGKILL whatever still runs after SPIN_CLUSTER_STOP_TIMEOUT
#
# Ports (each plus SPIN_CLUSTER_PORT_OFFSET): gateway-N HTTP 5050+N (5051, 5052), silo-N HTTP 5060+N (/alive, /metrics),
# silo-N Orleans 11110+N and 29999+N (client gateway), simulator 8899 (JSON-RPC) and 8900 (PubSub).
# Pids, logs and each silo's RocksDB (silo-N/rocksdb) live in SPIN_CLUSTER_DIR (./data/cluster).
#
# Environment:
#   SPIN_CLUSTER_CONNECTION      Npgsql connection string of the cluster database, created if missing (the role then needs
#                                CREATEDB). Default: Host=127.0.0.1;Port=<local server>;Username=spin_test;Password=spin_test;
#                                Database=spin_local, with the role scripts/test.sh creates; the local server is started
#                                (pg_ctlcluster) when it is down.
#   SPIN_CLUSTER_DIR             default ./data/cluster
#   SPIN_CLUSTER_PORT_OFFSET     default 0
#   SPIN_CLUSTER_ID              the Orleans cluster id, default spin-local
#   SPIN_CLUSTER_SILOS / SPIN_CLUSTER_GATEWAYS   how many to start, 1 to 9 (default 3 / 2)
#   SPIN_CLUSTER_SIMULATOR_ARGS  simulator options with --simulator (default "--mints 20 --rate 20")
#   SPIN_CLUSTER_START_TIMEOUT / SPIN_CLUSTER_STOP_TIMEOUT   seconds per process (default 120 / 30)
# Spin__* variables in the environment reach every process (e.g. Spin__Chain__RpcUrl); the cluster's own are set here.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$PWD
dir=${SPIN_CLUSTER_DIR:-$root/data/cluster}
offset=${SPIN_CLUSTER_PORT_OFFSET:-0}
cluster_id=${SPIN_CLUSTER_ID:-spin-local}
silo_count=${SPIN_CLUSTER_SILOS:-3}
gateway_count=${SPIN_CLUSTER_GATEWAYS:-2}
start_timeout=${SPIN_CLUSTER_START_TIMEOUT:-120}
stop_timeout=${SPIN_CLUSTER_STOP_TIMEOUT:-30}
bin=bin/Release/net10.0
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() {
  echo "usage: scripts/cluster.sh start [--simulator] | status | stop" >&2
  exit 2
}

# --- processes ------------------------------------------------------------------------------------------------------

# The dll a component runs, which identifies its process (a recorded pid may have been reused since).
dll_of() {
  case $1 in
    silo-*) echo Spin.Silo.dll ;;
    gateway-*) echo Spin.Gateway.dll ;;
    simulator) echo Spin.ChainSimulator.dll ;;
  esac
}

# The pid of a running component, or nothing (a zombie's command line is empty, so it counts as gone).
pid_of() {
  local file="$dir/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$(dll_of "$1")" || return 1
  echo "$pid"
}

# Every component that has a pid file, in start order.
recorded() {
  local name
  for name in simulator $(cd "$dir" 2>/dev/null && ls silo-*.pid gateway-*.pid 2>/dev/null | sed 's/\.pid$//' | sort -t- -k1,1r -k2n); do
    [ -f "$dir/$name.pid" ] && echo "$name"
  done
}

# Starts `dotnet <dll> <args>` from the program's output folder (as in a container), detached into its own session so
# that it outlives this script and the terminal; environment assignments come first: launch NAME PROGRAM_DIR VAR=... -- ARGS
launch() {
  local name=$1 program=$2
  shift 2
  local -a environment=()
  while [ "$1" != "--" ]; do environment+=("$1"); shift; done
  shift
  (cd "$program/$bin" && exec setsid env "${environment[@]}" dotnet "$(dll_of "$name")" "$@" </dev/null >"$dir/$name.log" 2>&1) &
  echo $! >"$dir/$name.pid"
  # The pid is the subshell's until it has become dotnet (exec keeps it): wait for that, briefly.
  for _ in $(seq 1 50); do pid_of "$name" >/dev/null && return 0; kill -0 $! 2>/dev/null || return 0; sleep 0.1; done
}

# Waits until URL answers 200, failing early when the component exits.
wait_until_answers() {
  local name=$1 url=$2 deadline=$((SECONDS + start_timeout))
  while [ $SECONDS -lt $deadline ]; do
    if ! pid_of "$name" >/dev/null; then
      echo "$name exited; the end of $dir/$name.log:" >&2
      tail -n 30 "$dir/$name.log" >&2
      return 1
    fi
    curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  echo "$name did not answer $url within $start_timeout s; the end of $dir/$name.log:" >&2
  tail -n 30 "$dir/$name.log" >&2
  return 1
}

# SIGTERM to every named component, SIGKILL to those still running after the timeout.
stop_components() {
  local name pid deadline
  local -a running=()
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      kill -TERM "$pid" 2>/dev/null && running+=("$name")
    else
      rm -f "$dir/$name.pid" "$dir/$name.url"
    fi
  done
  [ ${#running[@]} -eq 0 ] && return 0
  deadline=$((SECONDS + stop_timeout))
  for name in "${running[@]}"; do
    while pid_of "$name" >/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    if pid=$(pid_of "$name"); then
      echo "$name (pid $pid) still runs after $stop_timeout s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null
      for _ in $(seq 1 20); do pid_of "$name" >/dev/null || break; sleep 0.5; done
    else
      echo "stopped $name"
    fi
    rm -f "$dir/$name.pid" "$dir/$name.url"
  done
}

stop_all() {
  local -a names group
  local kind
  mapfile -t names < <(recorded)
  # Clients first, then the silos (which leave the membership table cleanly), then the chain they index.
  for kind in gateway- silo- simulator; do
    mapfile -t group < <(printf '%s\n' "${names[@]}" | grep "^$kind")
    stop_components "${group[@]}"
  done
}

# --- start ----------------------------------------------------------------------------------------------------------

# True when PROGRAM_DIR's dll is missing or a source is newer than everything in its output folder.
needs_build() {
  local program=$1 newest
  shift
  [ -f "$program/$bin/$(basename "$program" | sed 's/^/Spin./').dll" ] || return 0
  newest=$(ls -t "$program/$bin"/*.dll | head -n 1)
  [ -n "$(find "$@" Directory.Build.props Directory.Packages.props \
    \( -name bin -o -name obj -o -name node_modules -o -name ClientApp \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.sql' -o -name 'appsettings*.json' \) \
    -newer "$newest" -print -quit)" ]
}

build_if_needed() {
  local -a projects=()
  if needs_build src/Gateway src || needs_build src/Silo src/Silo src/Grains src/Grains.Interfaces src/Chain; then
    projects+=(src/Gateway)
  fi
  needs_build tools/DbSetup tools/DbSetup deploy/sql && projects+=(tools/DbSetup)
  $1 && needs_build tools/ChainSimulator tools/ChainSimulator src/Chain && projects+=(tools/ChainSimulator)
  local project
  for project in "${projects[@]}"; do
    echo "building $project (Release)"
    dotnet build "$project" -c Release -nologo -v quiet >"$dir/build.log" 2>&1 \
      || { tail -n 30 "$dir/build.log" >&2; echo "build of $project failed ($dir/build.log)" >&2; return 1; }
  done
}

# The connection string of the cluster database; starts the local PostgreSQL when it is down and none was given.
connection_string() {
  if [ -n "${SPIN_CLUSTER_CONNECTION:-}" ]; then
    echo "$SPIN_CLUSTER_CONNECTION"
    return 0
  fi
  if ! command -v pg_lsclusters >/dev/null; then
    echo "no local PostgreSQL (pg_lsclusters): install it (apt-get install postgresql) or set SPIN_CLUSTER_CONNECTION" >&2
    return 1
  fi
  local version name port state
  read -r version name port state _ < <(pg_lsclusters -h | head -n 1)
  if [ -z "${version:-}" ]; then
    echo "pg_lsclusters lists no PostgreSQL cluster: create one (pg_createcluster) or set SPIN_CLUSTER_CONNECTION" >&2
    return 1
  fi
  if [[ "$state" != online* ]]; then
    echo "starting PostgreSQL $version/$name" >&2
    pg_ctlcluster "$version" "$name" start 2>/dev/null || sudo -n pg_ctlcluster "$version" "$name" start >&2 || return 1
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  echo "Host=127.0.0.1;Port=$port;Username=spin_test;Password=spin_test;Database=spin_local"
}

apply_schema() {
  if ! dotnet tools/DbSetup/$bin/Spin.DbSetup.dll --connection "$1" --create-database >"$dir/db-setup.log" 2>&1; then
    cat "$dir/db-setup.log" >&2
    echo "the schema could not be applied. Without SPIN_CLUSTER_CONNECTION the role spin_test (password spin_test, CREATEDB)" \
      "is used: run scripts/test.sh once, which creates it, or set SPIN_CLUSTER_CONNECTION." >&2
    return 1
  fi
}

start() {
  local simulator=false
  case "${1:-}" in
    --simulator) simulator=true ;;
    "") ;;
    *) usage ;;
  esac
  [[ "$silo_count" =~ ^[1-9]$ && "$gateway_count" =~ ^[1-9]$ ]] || { echo "SPIN_CLUSTER_SILOS and SPIN_CLUSTER_GATEWAYS: 1 to 9" >&2; return 2; }
  command -v curl >/dev/null || { echo "curl is needed to wait for the processes (apt-get install curl)" >&2; return 1; }
  mkdir -p "$dir"
  local name
  for name in $(recorded); do
    if pid_of "$name" >/dev/null; then
      echo "the cluster in $dir already runs ($name); scripts/cluster.sh status shows it, stop stops it" >&2
      return 1
    fi
    rm -f "$dir/$name.pid" "$dir/$name.url"
  done

  build_if_needed $simulator || return 1
  local connection
  connection=$(connection_string) || return 1
  apply_schema "$connection" || return 1
  echo "database ready: $(sed -n 's/^Done: //p' "$dir/db-setup.log")"
  trap 'echo "interrupted: stopping what started"; stop_all; exit 130' INT TERM

  local -a chain=()
  if $simulator; then
    local rpc=$((8899 + offset))
    # shellcheck disable=SC2086 # the options are words
    launch simulator tools/ChainSimulator -- --port "$rpc" ${SPIN_CLUSTER_SIMULATOR_ARGS:---mints 20 --rate 20}
    echo "http://127.0.0.1:$rpc" >"$dir/simulator.url"
    wait_until_answers simulator "http://127.0.0.1:$rpc/health" || { stop_all; return 1; }
    echo "simulator answers on http://127.0.0.1:$rpc (PubSub ws://127.0.0.1:$((rpc + 1)))"
    # Token URIs of the simulated chain point nowhere: do not fetch them.
    chain=(Spin__Chain__RpcUrl="http://127.0.0.1:$rpc" Spin__Chain__WsUrl="ws://127.0.0.1:$((rpc + 1))" Spin__Metadata__Enabled=false)
  fi

  local -a cluster=(Spin__Cluster__Membership=AdoNet Spin__Cluster__ConnectionString="$connection" Spin__Cluster__ClusterId="$cluster_id")
  local i
  for i in $(seq 1 "$silo_count"); do
    mkdir -p "$dir/silo-$i"
    # Every silo may run the chain listener: the lease in PostgreSQL picks one (docs/operations.md).
    launch "silo-$i" src/Silo "${cluster[@]}" "${chain[@]}" Spin__Cluster__SiloName="silo-$i" Spin__Cluster__AdvertisedAddress=127.0.0.1 \
      Spin__Cluster__SiloPort=$((11110 + i + offset)) Spin__Cluster__GatewayPort=$((29999 + i + offset)) \
      Spin__Storage__Path="$dir/silo-$i" Spin__Chain__ListenerEnabled=true \
      -- --urls "http://127.0.0.1:$((5060 + i + offset))"
    echo "http://127.0.0.1:$((5060 + i + offset))" >"$dir/silo-$i.url"
  done
  for i in $(seq 1 "$silo_count"); do
    wait_until_answers "silo-$i" "$(<"$dir/silo-$i.url")/alive" || { stop_all; return 1; }
    echo "silo-$i is up: $(<"$dir/silo-$i.url")"
  done

  # The silos are in the membership table once they answer, so the clients find them at start.
  for i in $(seq 1 "$gateway_count"); do
    launch "gateway-$i" src/Gateway "${cluster[@]}" Spin__Cluster__Mode=Client -- --urls "http://127.0.0.1:$((5050 + i + offset))"
    echo "http://127.0.0.1:$((5050 + i + offset))" >"$dir/gateway-$i.url"
  done
  for i in $(seq 1 "$gateway_count"); do
    wait_until_answers "gateway-$i" "$(<"$dir/gateway-$i.url")/alive" || { stop_all; return 1; }
    echo "gateway-$i is up: $(<"$dir/gateway-$i.url") (dashboard $(<"$dir/gateway-$i.url")/dashboard/)"
  done
  trap - INT TERM
  echo "cluster $cluster_id runs; logs in $dir; scripts/cluster.sh stop stops it"
}

# --- status ---------------------------------------------------------------------------------------------------------

# The silo holding the chain listener's lease, as a silo's /health reports it.
lease_holder() {
  curl -s -m 5 "$1/health" 2>/dev/null | grep -o '"lease_holder":"[^"]*"' | cut -d'"' -f4
}

# The names of the silos a gateway's Orleans dashboard lists as active.
active_silos() {
  curl -fsS -m 5 "$1/dashboard/DashboardCounters" 2>/dev/null \
    | grep -o '{[^{}]*"status":"Active"[^{}]*}' | grep -o '"siloName":"[^"]*"' | cut -d'"' -f4 | sort | tr '\n' ' '
}

status() {
  local name pid url check code up=0 missing=0 gateway="" silo=""
  for name in $(recorded); do
    url=$(cat "$dir/$name.url" 2>/dev/null)
    check=$([ "$name" = simulator ] && echo health || echo alive)
    if pid=$(pid_of "$name"); then
      code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$url/$check" 2>/dev/null)
      printf '%-10s pid %-8s running  %-24s /%s %s\n' "$name" "$pid" "$url" "$check" "${code:-000}"
      up=$((up + 1))
      [ "$code" = 200 ] || missing=$((missing + 1))
      [[ -z "$gateway" && "$name" == gateway-* && "$code" = 200 ]] && gateway=$url
      [[ -z "$silo" && "$name" == silo-* && "$code" = 200 ]] && silo=$url
    else
      printf '%-10s %-12s stopped  (log %s)\n' "$name" "" "$dir/$name.log"
      missing=$((missing + 1))
    fi
  done
  if [ $up -eq 0 ]; then
    echo "the cluster in $dir does not run"
    return 3
  fi
  [ -n "$gateway" ] && echo "active silos (Orleans dashboard of $gateway): $(active_silos "$gateway")"
  [ -n "$silo" ] && echo "chain listener lease holder: $(lease_holder "$silo" | grep . || echo none)"
  [ $missing -eq 0 ]
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) [ $# -eq 1 ] || usage; stop_all ;;
  status) [ $# -eq 1 ] || usage; status ;;
  *) usage ;;
esac
