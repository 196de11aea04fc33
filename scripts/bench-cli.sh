#!/usr/bin/env bash
# CLI throughput: extracts N copies of the corpus reports (default 100 x 30 = 3,000 files) with the
# already-built CLI and prints reports/s, start-up excluded.
#
# Start-up (runtime launch, JIT of the first report) is measured with a run on one file and
# subtracted from the full run; each is timed with `date +%s.%N` (hyperfine is not installed),
# best of RUNS (default 3). The CLI's own --stats figure (timed inside the process, around
# reading, extracting and writing only) is printed alongside as a cross-check.
#
#   scripts/bench-cli.sh [COPIES]
#
# Build first:  dotnet build src/PolicyTracker.Cli -c Release
# Environment:  CONFIGURATION (default Release), CORPUS (default ../shared/corpus), RUNS (default 3)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

copies="${1:-100}"
runs="${RUNS:-3}"
configuration="${CONFIGURATION:-Release}"
corpus="${CORPUS:-../shared/corpus}"
dll="src/PolicyTracker.Cli/bin/$configuration/net10.0/policytracker.dll"

if [[ ! -f "$dll" ]]; then
    echo "bench-cli: $dll not found; build it first: dotnet build src/PolicyTracker.Cli -c $configuration" >&2
    exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/one"

shopt -s nullglob
reports=("$corpus"/reports/*.txt)
if (( ${#reports[@]} == 0 )); then
    echo "bench-cli: no reports in $corpus/reports" >&2
    exit 2
fi
for ((i = 1; i <= copies; i++)); do
    for report in "${reports[@]}"; do
        name="$(basename "$report" .txt)"
        cp "$report" "$tmp/in/$name-$(printf '%04d' "$i").txt"
    done
done
cp "${reports[0]}" "$tmp/one/"
count=$(find "$tmp/in" -name '*.txt' | wc -l)
bytes=$(du -sb "$tmp/in" | cut -f1)

# Seconds (as a decimal) taken by one CLI run over $1 writing into the new folder $2. Every run
# gets a fresh folder: deleting 3,000 files just before a run makes the next run's file creation
# wait on the disk (ext4 discard) and measures the disk, not the CLI.
time_run() {
    local start end
    start=$(date +%s.%N)
    dotnet "$dll" extract "$1" --out "$2" --stats 2> "$tmp/stats" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

best_full="" best_one="" best_stats=""
for ((r = 1; r <= runs; r++)); do
    one=$(time_run "$tmp/one" "$tmp/out-one-$r")
    full=$(time_run "$tmp/in" "$tmp/out-$r")
    stats=$(cat "$tmp/stats")
    written=$(find "$tmp/out-$r" -name '*.json' | wc -l)
    if (( written != count )); then
        echo "bench-cli: run $r wrote $written of $count files" >&2
        cat "$tmp/stats" >&2
        exit 1
    fi
    printf 'run %d: %d files %.3f s, 1 file %.3f s  [%s]\n' "$r" "$count" "$full" "$one" "$stats"
    if [[ -z "$best_full" ]] || (( $(echo "$full < $best_full" | bc -l) )); then best_full=$full; best_stats=$stats; fi
    if [[ -z "$best_one" ]] || (( $(echo "$one < $best_one" | bc -l) )); then best_one=$one; fi
done

work=$(echo "$best_full - $best_one" | bc -l)
rate=$(echo "if ($work > 0) ($count - 1) / $work else 0" | bc -l)
printf 'files: %d (%d bytes), cores: %d, engine: %s\n' "$count" "$bytes" "$(nproc)" \
    "$(dotnet "$dll" extract "${reports[0]}" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("extractor_version"))')"
printf 'best: %.3f s for %d files, %.3f s for 1 file (start-up)\n' "$best_full" "$count" "$best_one"
printf 'throughput, start-up excluded: %.0f reports/s\n' "$rate"
printf 'in-process (--stats of the best run): %s\n' "$best_stats"
