#!/usr/bin/env bash
# Whole-process timings of `okegitops validate`: wall time and peak memory on generated corpora.
# Usage: bash benchmarks/process/run.sh            (prints a Markdown table for the README)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/OkeGitOps.Manifests.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/tool" >/dev/null
python3 benchmarks/process/make-corpus.py "$work/corpus"
tool="$work/tool/okegitops"

measure() { # name, args...
  local name=$1; shift
  local best_wall=999 best_rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$tool" validate --no-reference-check "$@" >/dev/null 2>&1 || true
    read -r wall rss < "$work/t"
    if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_rss=$rss; fi
  done
  printf '| %s | %s s | %s MiB |\n' "$name" "$best_wall" "$((best_rss / 1024))"
}

echo "| corpus | wall time (best of 3) | peak memory |"
echo "|---|---|---|"
measure "1 file (one Application)" "$work/corpus/one/app.yaml"
measure "1,000 Services (1,000 files)" "$work/corpus/services"
measure "10,000 mixed documents (2,000 files)" "$work/corpus/mixed"
measure "100,000 documents in one file" "$work/corpus/big.yaml"
measure "100,000 documents in one file, no cross-document checks" "$work/corpus/big.yaml" --no-duplicate-check
