#!/usr/bin/env bash
# Prepares everything the tests need on a fresh machine and runs every test suite (.NET and Node).
# The last line printed is "N passed, N failed" over all suites; the exit code is non-zero when a test failed,
# a suite could not run, or no test ran at all.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
status=0

echo "== build"
if ! dotnet build Spin.Orleans.sln -c Release -nologo -v minimal; then
  echo "build failed"
  status=1
fi

echo "== npm packages for the Node tests and the market page's sources (the bundle test rebuilds them)"
for dir in tests/js src/Gateway/ClientApp; do
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error); then
    echo "npm ci failed in $dir"
    status=1
  fi
done

# The browser test drives Debian's chromium; without it that test fails (it does not skip).
if [ ! -x /usr/bin/chromium ]; then
  echo "== chromium for the browser test"
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || echo "could not install chromium: tests/js/page.test.mjs will fail"
fi

# ---- PostgreSQL for tests/Cluster.Tests (begin) ----
# The tests log in with SPIN_TEST_POSTGRES, an Npgsql connection string of a role that may create databases; when it is
# unset they use Host=localhost;Port=5432;Username=spin_test;Password=spin_test, the role created here.
echo "== PostgreSQL for the cluster tests"
if [ "$(id -u)" -eq 0 ]; then pg_sudo=""; as_postgres="runuser -u postgres --"; else pg_sudo="sudo"; as_postgres="sudo -u postgres"; fi
if ! command -v pg_ctlcluster >/dev/null; then
  $pg_sudo apt-get update -qq && $pg_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || echo "could not install postgresql: tests/Cluster.Tests will fail"
fi
if command -v pg_lsclusters >/dev/null; then
  read -r pg_version pg_name pg_port pg_state _ < <(pg_lsclusters -h | head -n 1)
  if [ -n "${pg_version:-}" ] && [[ "$pg_state" != online* ]]; then
    $pg_sudo pg_ctlcluster "$pg_version" "$pg_name" start || echo "could not start PostgreSQL $pg_version/$pg_name"
  fi
  # pg_isready only polls, so wait for it with a bounded loop.
  for _ in $(seq 1 30); do pg_isready -q -p "${pg_port:-5432}" && break; sleep 1; done
  if ! pg_isready -p "${pg_port:-5432}"; then
    echo "PostgreSQL does not accept connections: tests/Cluster.Tests will fail"
  elif [ -z "${SPIN_TEST_POSTGRES:-}" ]; then
    (cd / && $as_postgres psql -X -q -p "${pg_port:-5432}" -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spin_test') THEN
          CREATE ROLE spin_test LOGIN CREATEDB PASSWORD 'spin_test';
        END IF; END \$\$") || echo "could not create the spin_test role: tests/Cluster.Tests will fail"
  fi
fi
# ---- PostgreSQL for tests/Cluster.Tests (end) ----

# ---- deployment tools for tests/Cluster.Tests/Operations (begin) ----
# DeployConfigTests validates docker-compose.yml with `docker-compose config` (no Docker engine needed, so none is
# installed: --no-install-recommends) and runs scripts/cluster.sh, which waits on the processes with curl.
if ! command -v docker-compose >/dev/null || ! command -v curl >/dev/null; then
  echo "== docker-compose and curl for the deployment tests"
  ops_sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $ops_sudo apt-get update -qq && $ops_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker-compose curl >/dev/null || echo "could not install docker-compose and curl: DeployConfigTests will fail"
fi
# ---- deployment tools for tests/Cluster.Tests/Operations (end) ----

if [ $status -eq 0 ]; then
  # One project at a time: the machines have two cores, and the end-to-end suites start several processes.
  for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    echo "== .NET tests: $name"
    dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1
  done

  echo "== Node tests"
  (cd tests/js && node --test --test-reporter=tap --test-reporter-destination="$results/node.tap" \
     --test-reporter=spec --test-reporter-destination=stdout ./*.test.mjs) || status=1
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ -f "$results/node.tap" ]; then
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/node.tap" | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/node.tap" | tail -n 1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
fi

# Name every failed test right above the totals, so the tail of a CI log says what failed.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED: \1/p'
done
if [ -f "$results/node.tap" ]; then
  grep -E '^not ok [0-9]+ - ' "$results/node.tap" | sed 's/^not ok [0-9]* - /FAILED (node): /'
fi

if [ $((passed + failed)) -eq 0 ]; then
  echo "no test ran"
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
