#!/usr/bin/env bash
# Start-up cost of the embedded action catalog. Two views:
#  1. Probes: the same tiny program built with and without the catalog, the first asking it what
#     `mfalint check` asks for a small policy, a third reading every table (the worst case).
#     Only the catalog differs, so the difference is its cost.
#  2. End to end: `mfalint check` on one small policy against `mfalint --version` (same binary,
#     catalog unused), a plain RapidJSON parse of the policy (no catalog) and /bin/true.
# Prints the start-up ratio: `mfalint check` over the RapidJSON parse of the same policy.
# Usage: bench/startup.sh [BUILD_DIR]   (needs mfalint built in BUILD_DIR; hyperfine if installed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mfalint=$build/mfalint
catalog_lib=$build/analyzer/libmfalint_catalog.a
[ -x "$mfalint" ] && [ -f "$catalog_lib" ] || { echo "bench: build mfalint in $build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A small, typical policy: exact and wildcard actions, in Action and NotAction, and condition keys.
cat >"$work/policy.json" <<'POLICY'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*", "dynamodb:Query"],
     "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}},
    {"Sid": "DenyWithoutMfa", "Effect": "Deny",
     "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"],
     "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
    {"Sid": "Tags", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
     "Condition": {"StringEquals": {"aws:RequestTag/team": "a", "ec2:CreateAction": "RunInstances"}}}
  ]
}
POLICY

cat >"$work/with_catalog.cpp" <<'PROBE'
#include "catalog/catalog.h"
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}
int main(int argc, char**) {
  using namespace mfalint::catalog;
  auto start = std::chrono::steady_clock::now();
  long faults = minor_faults();
  size_t found = 0;
  for (auto name : {"s3:GetObject", "dynamodb:Query", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice",
                    "iam:ListMFADevices", "sts:GetSessionToken", "ec2:CreateTags"}) {
    found += find_action(name).has_value();
  }
  found += match_actions("s3:List*").size();
  for (auto key : {"aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent", "aws:RequestTag/team", "ec2:CreateAction"}) {
    found += condition_key_type(key).has_value();
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  if (argc > 1) {  // the in-process view: time and page faults of the first, cold lookups
    std::printf("%lld us, %ld page faults\n", static_cast<long long>(elapsed.count()), minor_faults() - faults);
  } else {
    std::printf("%zu\n", found);
  }
}
PROBE
cat >"$work/whole_catalog.cpp" <<'PROBE'
#include "catalog/catalog.h"
#include <cstdio>
int main() {
  using namespace mfalint::catalog;
  size_t found = match_actions("*").size();  // every action name
  for (ActionId id = 0; id < action_count(); ++id) found += action_resource_types(id).size();
  found += condition_key_type("aws:NoSuchKey").has_value();  // scans every key for a template
  std::printf("%zu\n", found);
}
PROBE
cat >"$work/without_catalog.cpp" <<'PROBE'
#include <cstdio>
#include <vector>
int main() {
  std::vector<unsigned> ids(1, 1);
  std::printf("%zu\n", ids.size());
}
PROBE
cxx=${CXX:-c++}
for probe in with_catalog whole_catalog without_catalog; do
  "$cxx" -std=c++20 -O2 -I"$root/analyzer" "$work/$probe.cpp" "$catalog_lib" -o "$work/$probe"
done

echo "mfalint: $mfalint ($(stat -c %s "$mfalint") bytes); catalog: $(size -A "$catalog_lib" | awk '$1 == ".rodata" || $1 ~ /^\.rodata\./ {s += $2} END {print s}') bytes of constant data"
commands=(
  -n "probe without catalog" "$work/without_catalog"
  -n "probe with catalog (small-policy lookups)" "$work/with_catalog"
  -n "probe reading the whole catalog" "$work/whole_catalog"
  -n "true" "/bin/true"
  -n "rapidjson parse of policy.json (no catalog)" "$build/bench_rapidjson_floor $work/policy.json"
  -n "mfalint --version (catalog unused)" "$mfalint --version"
  -n "mfalint check policy.json" "$mfalint check --fail-on never $work/policy.json"
)
[ -x "$build/bench_rapidjson_floor" ] || { echo "bench: no bench_rapidjson_floor in $build: left out" >&2; commands=("${commands[@]:0:12}" "${commands[@]:15}"); }

echo "first catalog lookups of a small policy, in process (5 runs):"
for _ in 1 2 3 4 5; do "$work/with_catalog" --in-process; done

if command -v hyperfine >/dev/null; then
  # -N: no shell in between, so a fraction of a millisecond is not lost in its noise.
  hyperfine -N --warmup 20 --min-runs 300 --export-json "$work/times.json" "${commands[@]}"
  # Issue 8's pre-commit target: `mfalint check` on a small policy within 2x a program that only
  # parses it.
  python3 - "$work/times.json" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
check, floor = runs.get("mfalint check policy.json"), runs.get("rapidjson parse of policy.json (no catalog)")
if check and floor:
    print(f"start-up ratio check/floor: {check['mean'] / floor['mean']:.2f} (mean), "
          f"{check['min'] / floor['min']:.2f} (min)")
PY
else
  echo "bench: hyperfine is absent (apt-get install hyperfine); timing 300 runs of each with date" >&2
  for ((i = 1; i < ${#commands[@]}; i += 3)); do
    name=${commands[i]} command=${commands[i + 1]}
    start=$(date +%s%N)
    for _ in $(seq 300); do $command >/dev/null 2>&1; done
    echo "$name: $(( ($(date +%s%N) - start) / 300000 )) us per run"
  done
fi
