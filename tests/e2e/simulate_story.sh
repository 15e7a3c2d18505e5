#!/usr/bin/env bash
# `mfalint simulate` end to end: the MFA-protected s3:GetObject story, JSON shape, multivalued
# context keys, a resource policy, and exit 2 with file:line:column on bad input.
set -euo pipefail
: "${MFALINT:?set MFALINT to the mfalint binary}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# The decision of one JSON run (grep reads all the output: no SIGPIPE under pipefail).
decision() { "$MFALINT" "$@" | grep -o '"decision": "[A-Za-z]*"' | cut -d'"' -f4; }

cat >"$dir/mfa.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::example/*","Condition":{"Null":{"aws:MultiFactorAuthAge":"false"}}}]}
JSON
get=(simulate --policy "$dir/mfa.json" --action s3:GetObject --resource arn:aws:s3:::example/report.pdf)

out=$("$MFALINT" "${get[@]}" --format json)
[[ "$out" == *'"decision": "ImplicitDeny"'* ]] || fail "long-term keys: $out"
out=$("$MFALINT" "${get[@]}" --context aws:MultiFactorAuthPresent=false --format json)
[[ "$out" == *'"decision": "ImplicitDeny"'* ]] || fail "session without MFA: $out"
out=$("$MFALINT" "${get[@]}" --context aws:MultiFactorAuthPresent=true --context aws:MultiFactorAuthAge=30 --format json)
[[ "$out" == *'"decision": "Allowed"'* ]] || fail "MFA session: $out"
[[ "$out" == *'"line": 1'* ]] || fail "decisive statement line: $out"
[[ "$out" == *'"statement": 0'* ]] || fail "decisive statement index: $out"
out=$("$MFALINT" "${get[@]}" --context aws:MultiFactorAuthPresent=true --context aws:MultiFactorAuthAge=30)
[[ "$out" == Allowed* ]] || fail "text output: $out"

# A key given several times is multivalued: it needs a set operator.
cat >"$dir/tags.json" <<'JSON'
{"Version":"2012-10-17","Statement":[
  {"Sid":"OnlyTheseTags","Effect":"Allow","Action":"ec2:CreateTags","Resource":"*",
   "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]}}}]}
JSON
tags=(simulate --policy "$dir/tags.json" --action ec2:CreateTags --resource '*' --format json)
[[ $(decision "${tags[@]}" --context aws:TagKeys=team --context aws:TagKeys=env) == Allowed ]] || fail "tags allowed"
[[ $(decision "${tags[@]}" --context aws:TagKeys=team --context aws:TagKeys=owner) == ImplicitDeny ]] || fail "tags denied"

# A resource policy across accounts needs the identity policy too.
cat >"$dir/queue.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"sqs:SendMessage","Resource":"*"}]}
JSON
cat >"$dir/allow-sqs.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}
JSON
q=(simulate --resource-policy "$dir/queue.json" --action sqs:SendMessage
   --resource arn:aws:sqs:us-east-1:111111111111:q --principal arn:aws:iam::222222222222:user/bob --format json)
[[ $(decision "${q[@]}") == ImplicitDeny ]] || fail "cross account without identity allow"
[[ $(decision "${q[@]}" --policy "$dir/allow-sqs.json") == Allowed ]] || fail "cross account with both"

# A role's trust policy must allow AssumeRole itself: the account root delegates who, and the
# trust statement's MFA condition still has to hold.
cat >"$dir/allow-assume.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
JSON
cat >"$dir/trust.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}
JSON
role=(simulate --policy "$dir/allow-assume.json" --action sts:AssumeRole --resource arn:aws:iam::123456789012:role/admin
      --principal arn:aws:iam::123456789012:user/alice)
out=$("$MFALINT" "${role[@]}" --resource-policy "$dir/trust.json" --mfa-matrix)
[[ "$out" == *"long-term access keys   ImplicitDeny"* && "$out" == *"session without MFA     ImplicitDeny"* ]] || fail "trust MFA matrix: $out"
[[ "$out" == *"protected: yes"* ]] || fail "trust MFA matrix protected: $out"
out=$("$MFALINT" "${role[@]}")
[[ "$out" == "ImplicitDeny: no role trust policy given"*"--resource-policy FILE"* ]] || fail "no trust policy: $out"
out=$("$MFALINT" simulate --policy "$dir/allow-assume.json" --action iam:GetPolicy --resource arn:aws:iam::aws:policy/AdministratorAccess \
      --principal arn:aws:iam::123456789012:user/alice)
[[ "$out" == ImplicitDeny:\ no\ Allow* ]] || fail "AWS managed policy as another account: $out"
out=$("$MFALINT" simulate --policy "$dir/allow-assume.json" --action sts:GetCallerIdentity --resource '*')
[[ "$out" == "Allowed: decided by AWS's guard: sts:GetCallerIdentity"* ]] || fail "GetCallerIdentity guard: $out"

# Bad input: exit 2, naming file and line:column.
printf '{"Version": "2012-10-17",\n "Statement": [\n' >"$dir/broken.json"
set +e
err=$("$MFALINT" simulate --policy "$dir/broken.json" --action s3:GetObject --resource '*' 2>&1 >/dev/null)
status=$?
set -e
[[ $status -eq 2 ]] || fail "broken JSON exit status $status"
[[ "$err" == *"broken.json:3:"* ]] || fail "broken JSON message: $err"
set +e
"$MFALINT" simulate --policy "$dir/missing.json" --action s3:GetObject --resource '*' 2>/dev/null
status=$?
"$MFALINT" simulate --policy "$dir/mfa.json" --action s3:GetObject --resource '*' --context novalue 2>/dev/null
status2=$?
"$MFALINT" simulate --resource-policy "$dir/queue.json" --action s3:GetObject --resource '*' 2>/dev/null
status3=$?
set -e
[[ $status -eq 2 && $status2 -eq 2 && $status3 -eq 2 ]] || fail "bad input statuses $status $status2 $status3"
# A file that holds no policy, given to any file option: an error naming it, exit 2, no crash.
echo '[1, 2]' >"$dir/array.json"
echo '5' >"$dir/number.json"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n' >"$dir/bucket.yaml"
for bad in array.json number.json bucket.yaml; do
  for option in --policy --resource-policy --boundary --scp; do
    for matrix in "" --mfa-matrix; do
      set +e
      err=$("$MFALINT" simulate --policy "$dir/allow-sqs.json" "$option" "$dir/$bad" --action sqs:SendMessage \
            --resource '*' --principal arn:aws:iam::222222222222:user/bob $matrix 2>&1 >/dev/null)
      status=$?
      set -e
      [[ $status -eq 2 ]] || fail "$option $bad $matrix: exit status $status"
      [[ "$err" == *"$dir/$bad"* ]] || fail "$option $bad $matrix: message does not name the file: $err"
    done
  done
done
echo "simulate_story: all checks passed"
