#!/usr/bin/env bash
# Runs every check: format, build, all test projects on a throwaway PostgreSQL and headless
# Chromium, and the extraction quality gates over ../shared/corpus and ../shared/corpus-extended.
# Ends with one line: `N passed, N failed` (`, N skipped` when any).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/lib/postgres.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=${CONFIGURATION:-Release}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  pg_log "installing ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A throwaway cluster unless one is configured.
if [ -z "${POLICYTRACKER_TEST_DB:-}" ]; then
  pgdata=$(mktemp -d /tmp/policytracker-test-pg.XXXXXX)
  port=$(pg_free_port 55432)
  trap 'pg_stop "$pgdata" immediate; rm -rf "$pgdata"' EXIT
  pg_start "$pgdata" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
  export POLICYTRACKER_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres"
  pg_log "test PostgreSQL on port $port"
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}
export E2E_ARTIFACTS=${E2E_ARTIFACTS:-$root/artifacts}
mkdir -p "$E2E_ARTIFACTS"

passed=0 failed=0 skipped=0
check() { # name, command...: one extra check counted like a test
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "check passed: $name"
  else failed=$((failed + 1)); echo "check FAILED: $name"; fi
}

pg_log "restore and build ($configuration)"
dotnet tool restore >/dev/null
dotnet build PolicyTracker.sln -c "$configuration" --nologo -v q -clp:NoSummary

pg_log "format"
check "dotnet format --verify-no-changes" dotnet format PolicyTracker.sln --verify-no-changes --no-restore -v q

pg_log "tests"
log=$(mktemp)
set +e
dotnet test PolicyTracker.sln -c "$configuration" --no-build --nologo 2>&1 | tee "$log"
set -e
read -r p f s < <(awk '/(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) {
    if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } }
  END { print p + 0, f + 0, s + 0 }' "$log")
# A test project that crashed prints no summary: count it as a failure rather than lose it.
crashed=$(grep -cE 'Test Run Aborted|The active test run was aborted' "$log" || true)
passed=$((passed + p)); failed=$((failed + f + crashed)); skipped=$((skipped + s))
rm -f "$log"

pg_log "extraction quality over the corpus"
if [ -d ../shared/corpus/reports ]; then
  check "corpus figures at or above tests/corpus-floor.json" env CONFIGURATION="$configuration" bash scripts/corpus-score.sh
else
  echo "../shared/corpus not found: corpus gate skipped"; skipped=$((skipped + 1))
fi
if [ -d ../shared/corpus-extended/reports ]; then
  check "corpus-extended figures at or above tests/corpus-extended-floor.json" env CONFIGURATION="$configuration" \
    CORPUS=../shared/corpus-extended FLOORS=tests/corpus-extended-floor.json bash scripts/corpus-score.sh
else
  echo "../shared/corpus-extended not found: corpus-extended gate skipped"; skipped=$((skipped + 1))
fi

if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"
else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
