#!/usr/bin/env bash
# `mfalint audit --org` over a generated organization of growing size (bench/generate_organization.py:
# every account a copy of the real-format dump in ../shared/corpus, half of them under an MFA guard SCP):
# accounts, principals, wall and CPU time, time per principal, peak memory, with one and with two jobs.
# Usage: bench/organization_scale.sh [BUILD_DIR] [ACCOUNTS...]   (default 8 32 64)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(8 32 64)
source_dump=$root/../shared/corpus/account-authorization-details/cloudsplaining-example.json
[ -f "$source_dump" ] || { echo "bench: $source_dump is absent" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"
echo "accounts | principals | jobs | wall | user | per principal (wall) | peak memory | report"
for n in "${sizes[@]}"; do
  rm -rf "$work/org"
  python3 "$root/bench/generate_organization.py" "$source_dump" "$n" "$work/org" 2>/dev/null
  for jobs in 1 2; do
    # Exit status 1: the open OU's accounts have principals reachable without MFA.
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$build/mfalint" audit --org "$work/org/organization.json" \
      --jobs "$jobs" --format json --output "$work/report.json" "$work/org/dumps" || [ $? -eq 1 ]
    read -r wall user peak < <(tail -1 "$work/time")
    principals=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['principals'])" "$work/report.json")
    per=$(python3 -c "print(f'{$wall / $principals * 1e6:.0f} µs')")
    echo "$n | $principals | $jobs | ${wall} s | ${user} s | $per | $((peak / 1024)) MiB | $(du -h "$work/report.json" | cut -f1)"
  done
done
