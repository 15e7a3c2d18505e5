#!/usr/bin/env bash
# `mfalint check` on the AWS managed-policy corpus against the floor: a plain RapidJSON parse
# of the same files. Usage: bench/check_corpus.sh [BUILD_DIR] [CORPUS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
corpus=${2:-$root/../shared/corpus/aws-managed-policies}
[ -d "$corpus" ] || { echo "bench: corpus $corpus is absent" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
echo "corpus: $corpus ($(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1))"
# mfalint exits 2 on the corpus (two empty files, as they came): -i ignores the status.
hyperfine -N -i --warmup 3 --min-runs 20 \
  -n "rapidjson parse (floor)" "$build/bench_rapidjson_floor $corpus" \
  -n "mfalint check" "$build/mfalint check --format json --output /dev/null $corpus"
