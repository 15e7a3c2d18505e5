#!/usr/bin/env bash
# `mfalint check --format json` on one generated policy with N statements, alternating an Allow
# (s3:Get*, ec2:Describe*, iam:DeleteUser on one bucket) and a Deny without MFA (s3:* on an
# overlapping bucket pattern): wall and CPU time, peak memory (docs/scale.md).
# Usage: bench/policy_scale.sh [BUILD_DIR] [STATEMENTS...]   (default 500 1000 2500 5000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 1000 2500 5000)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1 /proc/loadavg)"
echo "statements | wall | user | peak memory"
for n in "${sizes[@]}"; do
  python3 - "$n" >"$work/policy.json" <<'PY'
import json, sys
n = int(sys.argv[1])
statements = []
for i in range(n):
    if i % 2 == 0:
        statements.append({"Sid": f"Allow{i}", "Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe*", "iam:DeleteUser"],
                           "Resource": f"arn:aws:s3:::bucket-{i}/*"})
    else:
        statements.append({"Sid": f"Deny{i}", "Effect": "Deny", "Action": "s3:*", "Resource": f"arn:aws:s3:::bucket-{i - 1}*",
                           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
print(json.dumps({"Version": "2012-10-17", "Statement": statements}, indent=2))
PY
  # Exit status 1: some statements allow sensitive actions without MFA.
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$build/mfalint" check --format json --output /dev/null \
    "$work/policy.json" || [ $? -eq 1 ]
  read -r wall user peak < <(tail -1 "$work/time")
  echo "$n | ${wall} s | ${user} s | $((peak / 1024)) MiB"
done
