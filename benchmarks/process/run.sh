#!/usr/bin/env bash
# Whole-process timings of `okegitops validate` (the Native AOT tool): median wall time and median peak memory.
#
#   bash benchmarks/process/run.sh
#   KUBECONFORM=/path/to/kubeconform KUBECONFORM_FLAGS='-schema-location default -schema-location "dir/{{.ResourceKind}}.json"' \
#     bash benchmarks/process/run.sh
#
# OKEGITOPS=/path/to/okegitops uses an existing build instead of publishing one (linux-x64, Native AOT).
# RUNS=N runs per case (default 7; the runs of the two tools alternate). With KUBECONFORM set, both tools validate the
# same corpora and the table gains kubeconform's figures and the ratios ours/kubeconform (below 1 means ours is faster
# or smaller). KUBECONFORM_FLAGS are passed to kubeconform as they are (word-split): give it schema locations that
# cover Argo CD, External Secrets and core kinds, or it will skip or fail those documents.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-7}
tool=${OKEGITOPS:-}
if [ -z "$tool" ]; then
  dotnet publish src/OkeGitOps.Manifests.Cli -c Release -r linux-x64 -o "$work/tool" >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
  tool="$work/tool/okegitops"
fi
python3 benchmarks/process/make-corpus.py "$work/corpus"
kc=${KUBECONFORM:-}
read -r -a kc_flags <<<"${KUBECONFORM_FLAGS:-}"

row() { # name, corpus path, extra okegitops flags...
  local name=$1 path=$2; shift 2
  local cases=(ours -- "$tool" validate --no-reference-check "$@" "$path")
  if [ -n "$kc" ]; then cases+=(:: kubeconform -- "$kc" -summary "${kc_flags[@]}" "$path"); fi
  python3 benchmarks/process/measure.py "$runs" "${cases[@]}" >"$work/m"
  read -r _ ow om oc < <(grep '^ours ' "$work/m")
  if [ -n "$kc" ]; then
    read -r _ kw km kcode < <(grep '^kubeconform ' "$work/m")
    awk -v n="$name" -v ow="$ow" -v om="$om" -v kw="$kw" -v km="$km" -v oc="$oc" -v kc="$kcode" 'BEGIN {
      printf "| %s | %.3f s | %.0f MiB | %.3f s | %.0f MiB | %.2f× | %.2f× |%s\n", n, ow, om, kw, km, ow / kw, om / km,
        (oc != 0 || kc != 0) ? sprintf(" exit codes %d / %d", oc, kc) : "" }'
  else
    awk -v n="$name" -v ow="$ow" -v om="$om" -v oc="$oc" 'BEGIN {
      printf "| %s | %.3f s | %.0f MiB |%s\n", n, ow, om, (oc != 0) ? sprintf(" exit code %d", oc) : "" }'
  fi
}

if [ -n "$kc" ]; then
  echo "| corpus | okegitops wall | okegitops peak | kubeconform wall | kubeconform peak | wall ratio | memory ratio |"
  echo "|---|---|---|---|---|---|---|"
else
  echo "| corpus | wall time (median of $runs) | peak memory (median) |"
  echo "|---|---|---|"
fi
row "1 file (one Application), cold process" "$work/corpus/one/app.yaml"
row "1,000 Services (1,000 files)" "$work/corpus/services"
row "10,000 mixed documents (2,000 files)" "$work/corpus/mixed"
row "100,000 documents in one file" "$work/corpus/big.yaml"
row "100,000 documents in one file, --no-duplicate-check" "$work/corpus/big.yaml" --no-duplicate-check
