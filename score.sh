#!/bin/sh
# Runs the extractor over the shared corpus and scores it: ./score.sh [--per-report]
set -e
cd "$(dirname "$0")"
OUT=${EXTRACT_OUT:-/tmp/extract-out}
rm -rf "$OUT"
EXTRACT_OUT="$OUT" dotnet test tests/PolicyTracker.Extraction.Tests -v q --filter "Category=Harness" >/dev/null
python3 /work/shared/eval/score.py --gold /work/shared/corpus/reports --pred "$OUT" "$@"
