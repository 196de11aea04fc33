#!/usr/bin/env bash
# Corpus quality gate: extracts every report in the shared corpus with the already-built CLI,
# scores the output with shared/eval/score.py, and compares each figure with its floor in
# tests/corpus-floor.json.
#
#   scripts/corpus-score.sh            check: prints "figure measured floor", then
#                                      "corpus: PASS" (exit 0) or "corpus: FAIL (...)" (exit 1)
#   scripts/corpus-score.sh --update   check, then write the measured figures (rounded DOWN to
#                                      2 decimals) as the new floors; refuses if any would go down
#
# Also prints the confidence calibration table (scripts/lib/calibration.py): bucket, items, share right.
#
# Floors only ever move up. A change that lowers a figure fails the gate; fix the change, don't
# lower the floor. Raise floors with --update after an improvement is merged.
# Keys starting with "_" in the floor file are notes, not figures.
#
# Build first:  dotnet build src/PolicyTracker.Cli -c Release
# Environment:  CONFIGURATION (default Release), CORPUS (default ../shared/corpus, relative to the repo
#               root), FLOORS (default tests/corpus-floor.json). The development set is gated with
#               CORPUS=../shared/corpus-extended FLOORS=tests/corpus-extended-floor.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

update=false
case "${1:-}" in
    "") ;;
    --update) update=true ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "usage: scripts/corpus-score.sh [--update]" >&2; exit 2 ;;
esac

configuration="${CONFIGURATION:-Release}"
corpus="${CORPUS:-../shared/corpus}"
dll="src/PolicyTracker.Cli/bin/$configuration/net10.0/policytracker.dll"
scorer="$corpus/../eval/score.py"
floors="${FLOORS:-tests/corpus-floor.json}"

if [[ ! -f "$dll" ]]; then
    echo "corpus: $dll not found; build it first: dotnet build src/PolicyTracker.Cli -c $configuration" >&2
    exit 2
fi
for f in "$corpus/reports" "$scorer" "$floors"; do
    if [[ ! -e "$f" ]]; then
        echo "corpus: $f not found" >&2
        exit 2
    fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A report the CLI refuses still gets scored (as an empty prediction), so don't stop here;
# the scorer's parsed_acc and the other figures show the damage.
if ! dotnet "$dll" extract "$corpus/reports" --out "$tmp/pred" 2> "$tmp/extract.err"; then
    echo "corpus: warning: the CLI reported failures:" >&2
    cat "$tmp/extract.err" >&2
fi

python3 "$scorer" --gold "$corpus/reports" --pred "$tmp/pred" --json > "$tmp/figures.json"
echo "corpus: $corpus/reports against $floors"

# Confidence calibration (informational): per confidence bucket, how many items and what share is right.
python3 scripts/lib/calibration.py --scorer "$scorer" --gold "$corpus/reports" --pred "$tmp/pred" --by-kind || true

python3 - "$tmp/figures.json" "$floors" "$update" <<'PY'
import json
import sys
from decimal import Decimal, ROUND_FLOOR

figures_path, floors_path, update = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
with open(figures_path) as f:
    measured = json.load(f)
with open(floors_path) as f:
    floors = json.load(f)

failures = []
print(f"{'figure':24s} {'measured':>8s} {'floor':>6s}")
for key, floor in floors.items():
    if key.startswith("_"):
        continue
    value = measured.get(key)
    if value is None:
        print(f"{key:24s} {'missing':>8s} {floor:6.2f}")
        failures.append(f"{key} missing from the scorer's output")
        continue
    mark = "" if value >= floor else "  < floor"
    print(f"{key:24s} {value:8.3f} {floor:6.2f}{mark}")
    if value < floor:
        failures.append(f"{key} {value:.3f} < {floor:.2f}")

if failures:
    print(f"corpus: FAIL ({'; '.join(failures)})")
    if update:
        print("corpus: floors not updated: floors never go down", file=sys.stderr)
    sys.exit(1)
print("corpus: PASS")

if update:
    # Rounded down with Decimal: float arithmetic would turn 0.29 into 0.28.
    raised = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        new = float(Decimal(str(measured[key])).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))
        if new > floor:
            raised.append(f"{key} {floor:.2f} -> {new:.2f}")
            floors[key] = new
    with open(floors_path, "w") as f:
        json.dump(floors, f, indent=2)
        f.write("\n")
    print("corpus: floors raised: " + ("; ".join(raised) if raised else "none (already at the measured figures)"))
PY
