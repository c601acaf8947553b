#!/usr/bin/env bash
# Whole-process timings of a fleet render (build the model, check, plan, validate every manifest, write the folder):
# wall time, CPU time and peak memory for N = 100, 1,000, 10,000 clusters with 25 add-ons each, in both variants.
# Usage: bash benchmarks/fleet/run.sh [N...]      (prints a Markdown table for the README)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
sizes=("${@:-100 1000 10000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Build once (warm build), then run the compiled program directly so the timings are the render, not `dotnet run`.
dll=$(dotnet build benchmarks/fleet/scale.cs -c Release 2>&1 | sed -n 's/^ *scale.cs -> //p' | tail -1)
[ -n "$dll" ] || { echo "build failed" >&2; exit 1; }

echo "| clusters | variant | documents | wall time (best of 2) | CPU (user+sys) | peak memory |"
echo "|---|---|---|---|---|---|"
for n in ${sizes[*]}; do
  for variant in appsets apps; do
    best_wall=999999 best=""
    for run in 1 2; do
      # A fresh folder per run: on ext4, creating a tree right after deleting one of the same size makes the kernel
      # step over the just-freed inodes, which costs several times the render's own file-system time. Old runs are
      # deleted at the end.
      out="$work/out-$n-$variant-$run"
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" dotnet "$dll" "$n" "$variant" "$out" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
      read -r wall user sys rss < "$work/t"
      if awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best="$user $sys $rss"; fi
    done
    read -r user sys rss <<< "$best"
    docs=$(find "$out" -name '*.yaml' ! -name '*.values.yaml' ! -name '.okegitops.yaml' -exec grep -c '^kind: ' {} + | awk -F: '{s+=$NF} END {print s}')
    printf '| %s | %s | %s | %s s | %s s | %s MiB |\n' "$n" "$variant" "$docs" "$best_wall" "$(awk "BEGIN{print $user+$sys}")" "$((rss / 1024))"
  done
done
