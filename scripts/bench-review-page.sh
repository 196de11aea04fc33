#!/usr/bin/env bash
# Review page of a report just under the 2 MB limit: time to usable (request to interactive
# circuit, first highlighted fact and the items table on screen) in headless Chromium against the
# app on a real port. One cold visit, then RUNS (default 5) warm ones; prints the median.
# The target is under 5 s.
#
#   scripts/bench-review-page.sh
#
# Build first:  dotnet build tests/PolicyTracker.BrowserTests -c Release
# Environment:  POLICYTRACKER_TEST_DB (a PostgreSQL the run may create a database on; required),
#               CHROMIUM_PATH (default /usr/bin/chromium), RUNS (default 5), E2E_ARTIFACTS
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${POLICYTRACKER_TEST_DB:-}" ]]; then
    echo "bench-review-page: set POLICYTRACKER_TEST_DB, e.g. Host=127.0.0.1;Port=5432;Username=postgres" >&2
    exit 2
fi
artifacts="${E2E_ARTIFACTS:-$(mktemp -d)}"
export BENCH_REVIEW_PAGE=1 E2E_ARTIFACTS="$artifacts" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
rm -f "$artifacts/review-page-bench.txt"
dotnet test tests/PolicyTracker.BrowserTests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~Benchmarks.ReviewPageBenchmark" >"$artifacts/review-page-bench.log" 2>&1 || {
    tail -40 "$artifacts/review-page-bench.log" >&2
    exit 1
}
cat "$artifacts/review-page-bench.txt"
