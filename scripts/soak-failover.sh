#!/usr/bin/env bash
# Soak of the double-failure tests (issue 20), outside CI: runs SequentialKillTests and DiskLossTests (every timing of
# the second kill) N times from the last Release build and prints each run's pass/fail counts, then the totals and the
# tests that failed, with how often.
#
#   scripts/soak-failover.sh [--runs N] [--build] [--filter EXPR]
#
#   --runs N       how many runs (default 5)
#   --build        build the solution (Release) first; otherwise the tests run from the last build (--no-build)
#   --filter EXPR  another dotnet test filter (default: the two test classes)
#
# Each run's output is kept in artifacts/soak-failover/run-N.log (and .trx), and every test's recovery figures are appended to
# artifacts/soak-failover/figures.jsonl (SPIN_FAILOVER_REPORT). PostgreSQL and the spin_test role must be ready, as
# scripts/test.sh leaves them. The exit code is non-zero when any test failed or a run reported no result.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
runs=5
build=0
filter="FullyQualifiedName~Spin.Cluster.Tests.Failover.SequentialKillTests|FullyQualifiedName~Spin.Cluster.Tests.Failover.DiskLossTests"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --build) build=1; shift ;;
    --filter) filter=${2:?--filter needs an expression}; shift 2 ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "--runs needs a positive number, not '$runs'" >&2; exit 2 ;; esac

out=artifacts/soak-failover
mkdir -p "$out"
export SPIN_FAILOVER_REPORT="$PWD/$out/figures.jsonl"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" -eq 1 ]; then
  dotnet build Spin.Orleans.sln -c Release -nologo -v minimal || { echo "build failed" >&2; exit 1; }
fi

total_passed=0
total_failed=0
bad_runs=0
failures=$(mktemp)
trap 'rm -f "$failures"' EXIT
for run in $(seq 1 "$runs"); do
  log="$out/run-$run.log"
  started=$(date +%s)
  trx="$out/run-$run.trx"
  rm -f "$trx"
  dotnet test tests/Cluster.Tests -c Release --no-build --filter "$filter" --results-directory "$out" \
    --logger "trx;LogFileName=run-$run.trx" --logger "console;verbosity=normal" >"$log" 2>&1
  seconds=$(( $(date +%s) - started ))
  counters=$([ -f "$trx" ] && grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  if [ -z "$passed" ] || [ -z "$failed" ] || [ $((passed + failed)) -eq 0 ]; then
    echo "run $run/$runs: no result after ${seconds}s (see $log)"
    bad_runs=$((bad_runs + 1))
    continue
  fi

  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  echo "run $run/$runs: $passed passed, $failed failed in ${seconds}s"
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/\1/p' \
    | sed 's/^Spin\.Cluster\.Tests\.Failover\.//; s/&quot;/"/g' | tee -a "$failures" | sed 's/^/  failed: /'
done

echo "== $runs runs: $total_passed passed, $total_failed failed, $bad_runs without a result"
if [ -s "$failures" ]; then
  echo "failures per test:"
  sort "$failures" | uniq -c | sort -rn
fi
[ "$total_failed" -eq 0 ] && [ "$bad_runs" -eq 0 ]
