#!/usr/bin/env bash
# `mfalint check --format json` on the AWS managed-policy corpus copied COPIES times, against the
# floor: reading and parsing the same files with RapidJSON in one thread. Prints both times, the
# ratio, and mfalint's peak memory.
# Usage: bench/check_corpus.sh [BUILD_DIR] [COPIES] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
copies=${2:-10}
corpus=${3:-$root/../shared/corpus/aws-managed-policies}
[ -d "$corpus" ] || { echo "bench: corpus $corpus is absent" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do cp -r "$corpus" "$work/copy$i"; done
echo "input: $corpus x $copies ($(find "$work" -name '*.json' | wc -l) files, $(du -sh "$work" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"

# mfalint exits 2 on the corpus (two empty files per copy, as they came): -i ignores the status.
hyperfine -N -i --warmup 2 --min-runs 10 --export-json "$work/times.json" \
  -n floor "$build/bench_rapidjson_floor $work" \
  -n check "$build/mfalint check --format json --output /dev/null $work"
python3 - "$work/times.json" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"ratio check/floor: {runs['check'] / runs['floor']:.2f}")
PY
/usr/bin/time -f "mfalint peak memory: %M KiB" "$build/mfalint" check --format json --output /dev/null "$work" 2>&1 |
  grep 'peak memory' || true
