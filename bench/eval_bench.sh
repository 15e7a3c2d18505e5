#!/usr/bin/env bash
# Requests per second of the request evaluator on the AWS managed-policy corpus, single thread.
# Usage: bench/eval_bench.sh [BUILD_DIR] [CORPUS_DIR] [SECONDS_PER_RUN]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
corpus=${2:-$root/../shared/corpus/aws-managed-policies}
[ -d "$corpus" ] || { echo "bench: corpus $corpus is absent" >&2; exit 1; }
[ -x "$build/bench_eval" ] || { echo "bench: build the bench_eval target first (cmake --build $build --target bench_eval)" >&2; exit 1; }
exec "$build/bench_eval" "$corpus" "${3:-1}"
