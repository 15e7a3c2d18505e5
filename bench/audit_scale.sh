#!/usr/bin/env bash
# `mfalint audit --format json` on generated account dumps of growing size (bench/generate_account_dump.py,
# cloned from the real-format dump in ../shared/corpus): principals, dump size, wall and CPU time, peak memory.
# Usage: bench/audit_scale.sh [BUILD_DIR] [PRINCIPALS...]   (default 1250 2500 5000 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1250 2500 5000 10000)
source_dump=$root/../shared/corpus/account-authorization-details/cloudsplaining-example.json
[ -f "$source_dump" ] || { echo "bench: $source_dump is absent" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"
echo "principals | dump | wall | user | peak memory | report"
for n in "${sizes[@]}"; do
  python3 "$root/bench/generate_account_dump.py" "$source_dump" "$n" >"$work/dump.json" 2>"$work/generated"
  principals=$(grep -o 'generated [0-9]*' "$work/generated" | cut -d' ' -f2)
  # Exit status 1: the dump has principals reachable without MFA, as the real one does.
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$build/mfalint" audit --format json --output "$work/report.json" \
    "$work/dump.json" || [ $? -eq 1 ]
  read -r wall user peak < <(tail -1 "$work/time")  # after "Command exited with non-zero status 1"
  echo "$principals | $(du -h "$work/dump.json" | cut -f1) | ${wall} s | ${user} s | $((peak / 1024)) MiB | $(du -h "$work/report.json" | cut -f1)"
done
