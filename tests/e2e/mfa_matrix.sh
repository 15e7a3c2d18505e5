#!/usr/bin/env bash
# `mfalint simulate --mfa-matrix` end to end: the JSON shape, the text table, the warning for MFA
# keys given with --context, and exit 2 on bad input.
set -euo pipefail
: "${MFALINT:?set MFALINT to the mfalint binary}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# AWS's NumericLessThan example, with a Deny on younger sessions and one that long-term keys escape.
cat >"$dir/window.json" <<'JSON'
{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"600"}}},
  {"Effect":"Deny","Action":"s3:Get*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"300"}}},
  {"Effect":"Allow","Action":"s3:PutObject","Resource":"*"},
  {"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}
JSON
matrix=(simulate --mfa-matrix --policy "$dir/window.json" --resource arn:aws:s3:::b/k)

out=$("$MFALINT" "${matrix[@]}" --action s3:GetObject --format json)
expected='{
  "mfa_matrix": {
    "long_term_keys": "ImplicitDeny",
    "session_without_mfa": "ImplicitDeny",
    "allowed_mfa_ages": [[300, 599]],
    "protected": true
  },'
[[ "$out" == "$expected"* ]] || fail "JSON shape: $out"
[[ "$out" == *'"action": "s3:GetObject"'* ]] || fail "JSON request: $out"

out=$("$MFALINT" "${matrix[@]}" --action s3:PutObject --format json)
[[ "$out" == *'"long_term_keys": "Allowed"'* ]] || fail "long-term keys escape the Bool Deny: $out"
[[ "$out" == *'"session_without_mfa": "ExplicitDeny"'* ]] || fail "no-MFA session denied: $out"
[[ "$out" == *'"allowed_mfa_ages": [[0, null]]'* ]] || fail "unbounded window is null: $out"
[[ "$out" == *'"protected": false'* ]] || fail "not protected: $out"

out=$("$MFALINT" "${matrix[@]}" --action s3:GetObject)
expected='s3:GetObject on arn:aws:s3:::b/k
  long-term access keys   ImplicitDeny
  session without MFA     ImplicitDeny
  MFA session             Allowed for MFA ages 300-599 s
protected: yes'
[[ "$out" == "$expected" ]] || fail "text table: $out"
out=$("$MFALINT" "${matrix[@]}" --action s3:PutObject)
[[ "$out" == *"MFA session             Allowed at any MFA age"* ]] || fail "text any age: $out"
[[ "$out" == *"protected: no: allowed without MFA to long-term access keys"* ]] || fail "text not protected: $out"

# MFA keys given with --context are ignored, with a warning; other keys stay.
err=$("$MFALINT" "${matrix[@]}" --action s3:GetObject --format json --context aws:MultiFactorAuthAge=400 \
  --context aws:username=alice 2>&1 >"$dir/out.json")
[[ "$err" == *"--context aws:MultiFactorAuthAge: ignored with --mfa-matrix"* ]] || fail "warning: $err"
out=$(<"$dir/out.json")
[[ "$out" == *'"allowed_mfa_ages": [[300, 599]]'* ]] || fail "context age changed the matrix: $out"
[[ "$out" == *'"aws:username": ["alice"]'* && "$out" != *MultiFactorAuthAge* ]] || fail "request context: $out"

# A wildcard on the age has no interval form: the JSON says how far the set is exact.
cat >"$dir/wildcard.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:MultiFactorAuthAge":"9?"}}}]}
JSON
out=$("$MFALINT" simulate --mfa-matrix --policy "$dir/wildcard.json" --action s3:GetObject --resource '*' --format json)
[[ "$out" == *'"allowed_mfa_ages": [[90, 99]]'* && "$out" == *'"exact_through": 259200'* ]] || fail "wildcard: $out"

# Bad input: exit 2, naming file and line:column.
printf '{"Version": "2012-10-17",\n "Statement": [\n' >"$dir/broken.json"
set +e
err=$("$MFALINT" simulate --mfa-matrix --policy "$dir/broken.json" --action s3:GetObject --resource '*' 2>&1 >/dev/null)
status=$?
set -e
[[ $status -eq 2 && "$err" == *"broken.json:3:"* ]] || fail "broken JSON: status $status, $err"
echo "mfa_matrix: all checks passed"
