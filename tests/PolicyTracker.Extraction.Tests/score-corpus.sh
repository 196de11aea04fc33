#!/bin/sh
# Runs the extractor over the shared corpus and scores it with the team scorer.
# usage: tests/PolicyTracker.Extraction.Tests/score-corpus.sh [--per-report]
set -e
cd "$(dirname "$0")/../.."
OUT=${EXTRACT_OUT:-/tmp/extract-out}
rm -rf "$OUT"
EXTRACT_OUT="$OUT" dotnet test tests/PolicyTracker.Extraction.Tests -v q --filter "Category=Harness" >/dev/null
python3 ../shared/eval/score.py --gold ../shared/corpus/reports --pred "$OUT" "$@"
