#!/usr/bin/env bash
# Two builds of mfalint head to head on the managed-policy corpus copied COPIES times, with the
# floor (RapidJSON parsing the same files) in the same hyperfine run: the ratios of one run share
# the machine's state, where check_corpus.sh run twice does not, and a limit like "no more than a
# tenth slower" is smaller than the spread between two separate runs.
# Usage: bench/compare_corpus.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [COPIES] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=${1:?usage: bench/compare_corpus.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [COPIES] [CORPUS_DIR]}
after=${2:?usage: bench/compare_corpus.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [COPIES] [CORPUS_DIR]}
copies=${3:-3}
corpus=${4:-$root/../shared/corpus/aws-managed-policies}
[ -d "$corpus" ] || { echo "bench: corpus $corpus is absent" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do cp -r "$corpus" "$work/copy$i"; done
echo "input: $corpus x $copies; machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
# mfalint exits 2 on the corpus (two empty files per copy, as they came): -i ignores the status.
hyperfine -N -i --warmup 3 --min-runs 40 --export-json "$work/times.json" \
  -n floor "$after/bench_rapidjson_floor $work" \
  -n before "$before/mfalint check --format json --output /dev/null $work" \
  -n after "$after/mfalint check --format json --output /dev/null $work" >/dev/null
python3 - "$work/times.json" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
before, after = runs["before"] / runs["floor"], runs["after"] / runs["floor"]
print(f"ratio to the floor: before {before:.2f}, after {after:.2f} ({(after / before - 1) * 100:+.1f}%)")
PY
