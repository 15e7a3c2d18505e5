#!/usr/bin/env bash
# `mfalint session` and `mfalint exec` against moto's STS on loopback with IAM authentication on, so
# every request after the setup must carry a valid SigV4 signature of a key moto knows. The AWS CLI
# then reads what mfalint wrote.
set -euo pipefail
source "$MFALINT_SOURCE_DIR/tests/session/e2e_helpers.sh"
command -v python3 >/dev/null || missing_tool "python3 is not installed: the moto STS tests did NOT run"
command -v moto_server >/dev/null ||
  missing_tool "moto_server is not installed (python3 -m pip install 'moto[server]'): the moto STS tests did NOT run"
command -v aws >/dev/null || missing_tool "the aws CLI is not installed (apt-get install awscli): the moto STS tests did NOT run"

# moto lets the first INITIAL_NO_AUTH_ACTION_COUNT requests through unsigned (the setup below, four
# calls), then checks the signature and the IAM policy of every request.
port=$(free_port)
endpoint="http://127.0.0.1:$port"
INITIAL_NO_AUTH_ACTION_COUNT=4 moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
server_pids+=($!)
wait_for_port "$port" 30

setup() { AWS_ACCESS_KEY_ID=AKIASETUP AWS_SECRET_ACCESS_KEY=setup AWS_DEFAULT_REGION=us-east-1 \
  aws --endpoint-url "$endpoint" --output text "$@"; }
setup iam create-user --user-name alice >/dev/null
read -r key_id secret < <(setup iam create-access-key --user-name alice \
  --query 'AccessKey.[AccessKeyId,SecretAccessKey]')
setup iam put-user-policy --user-name alice --policy-name sts --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]}'
setup iam create-role --role-name admin --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}' \
  >/dev/null

cat >"$HOME/.aws/credentials" <<EOF_CREDS
; alice's long-term key
[base]
aws_access_key_id = $key_id
aws_secret_access_key = $secret

[wrong]
aws_access_key_id = $key_id
aws_secret_access_key = ${secret}x
EOF_CREDS
cat >"$HOME/.aws/config" <<EOF_CONFIG
[profile base]
mfa_serial = arn:aws:iam::123456789012:mfa/alice
region = us-east-1

[profile wrong]
mfa_serial = arn:aws:iam::123456789012:mfa/alice

[profile admin]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/alice
role_session_name = e2e

[profile via-process]
region = us-east-1
credential_process = $MFALINT session --profile admin --credential-process --token-code 123456 --endpoint-url $endpoint
EOF_CONFIG
creds="$HOME/.aws/credentials"

# GetSessionToken with alice's key: moto checks the signature, the AWS CLI reads the profile.
run session --profile base --token-code 123456 --endpoint-url "$endpoint"
expect_status 0 "session against moto"
expect_no_secret "$secret"
token=$(aws configure get aws_session_token --profile base-mfa)
[ -n "$token" ] || fail "aws configure get aws_session_token --profile base-mfa is empty"
grep -qF "aws_session_token = $token" "$creds" || fail "the AWS CLI read another token than mfalint wrote"
head -4 "$creds" | grep -qxF "aws_secret_access_key = $secret" || fail "[base] was damaged"

# A wrong secret: moto's SignatureDoesNotMatch, plainly, and nothing written.
snapshot "$creds"
run session --profile wrong --token-code 123456 --endpoint-url "$endpoint"
expect_status 2 "wrong secret"
expect_in "$err" "the long-term access key of profile wrong (****${key_id: -4}) was refused" "wrong secret"
expect_in "$err" "SignatureDoesNotMatch" "wrong secret"
expect_unchanged "$creds" "wrong secret"
expect_no_secret "$secret"

# A dead endpoint: a clear error within the timeout, nothing written.
dead=$(free_port)
run session --profile base --token-code 123456 --force --timeout 3 --endpoint-url "http://127.0.0.1:$dead"
expect_status 2 "dead endpoint"
expect_in "$err" "could not talk to STS at http://127.0.0.1:$dead" "dead endpoint"
[ "$elapsed" -le 5 ] || fail "dead endpoint: took $elapsed s"
expect_unchanged "$creds" "dead endpoint"

# exec with a role that needs MFA: the command's own signed call is accepted with the role session.
run exec --profile admin --token-code 123456 --endpoint-url "$endpoint" -- \
  aws sts get-caller-identity --endpoint-url "$endpoint" --query Arn --output text
expect_status 0 "exec aws sts get-caller-identity"
[ "$out" = "arn:aws:sts::123456789012:assumed-role/admin/e2e" ] || fail "exec: caller is '$out'"
grep -q '^\[admin-mfa\]' "$creds" || fail "exec did not store the role session in [admin-mfa]"

# exec with the stored GetSessionToken session (reused: no code needed).
run exec --profile base --endpoint-url "$endpoint" -- sh -c 'printf %s "$AWS_SESSION_TOKEN"'
expect_status 0 "exec with the stored session"
[ "$out" = "$token" ] || fail "exec did not pass the stored session"

# --check: after the session, which sensitive actions of the policy it can use and until when, on
# stderr, timed from when the code was accepted; and the warning that 12 h outlive every MFA window.
until_utc() {  # SIGN-IN-UTC SECONDS: the UTC time SECONDS after the sign-in, as mfalint prints it
  date -u -d "@$(( $(date -u -d "${1% UTC}" +%s) + $2 ))" '+%Y-%m-%d %H:%M:%S UTC'
}
sample="$MFALINT_SOURCE_DIR/samples/mfa-protected-s3.json"
TZ=UTC run session --profile base --token-code 123456 --force --check "$sample" --endpoint-url "$endpoint"
expect_status 0 "session --check"
signed_in=$(sed -n 's/^  MFA authenticated at \(.* UTC\):.*/\1/p' <<<"$out")
[ -n "$signed_in" ] || fail "session --check: no sign-in time in: $out"
expect_in "$err" "$sample: what this session can use (MFA code accepted $signed_in):" "session --check"
expect_in "$err" "  s3:GetObject (1 sensitive action) on arn:aws:s3:::example-reports/*
    from  $signed_in
    until $(until_utc "$signed_in" 3600): 1h after the code" "session --check"
expect_in "$err" "mfalint: warning: the session lasts 12h but every MFA-protected action in $sample stops working 1h after the code: consider --duration 3600" "session --check"
[[ "$out" != *"s3:GetObject"* ]] || fail "session --check wrote the table to stdout: $out"

# A role session: AWS documents that AssumeRole's credentials carry no MFA information, so the
# code protected the AssumeRole call only; --check says so before the windows, as audit judges it.
TZ=UTC run session --profile admin --token-code 123456 --force --check "$sample" --endpoint-url "$endpoint"
expect_status 0 "session --check of a role"
expect_in "$out" "it let the AssumeRole call through (the role's trust policy)" "session of a role"
expect_in "$err" "mfalint: note: --check $sample: this is a role session: AWS documents that the credentials AssumeRole returns carry no MFA information" "session --check of a role"

# A reused session keeps its sign-in time; a 10-minute window suggests STS's shortest session.
cat >"$work/ten-minutes.json" <<'EOF_POLICY'
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "iam:DeleteUser", "Resource": "*",
   "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "600"}}},
  {"Effect": "Allow", "Action": "iam:CreateUser", "Resource": "*"}]}
EOF_POLICY
TZ=UTC run session --profile base --check "$work/ten-minutes.json" --endpoint-url "$endpoint"
expect_status 0 "session --check, reused"
expect_in "$out" "already holds an MFA session" "session --check, reused"
expect_in "$err" "(MFA code accepted $signed_in):" "session --check, reused"
expect_in "$err" "  iam:DeleteUser (1 sensitive action) on *
    from  $signed_in
    until $(until_utc "$signed_in" 600): 10m after the code" "session --check, reused"
expect_in "$err" "  iam:CreateUser (1 sensitive action) on *
    from  $signed_in
    until the session expires, " "session --check, reused"
expect_in "$err" "    reachable without MFA: long-term access keys and sessions without MFA get it too, so this session is not what protects it" "session --check, reused"
expect_in "$err" "stops working 10m after the code: consider --duration 900 (the shortest STS allows)" "session --check, reused"

# exec --check: the same table on stderr, before the command runs.
run exec --profile base --check "$work/ten-minutes.json" --endpoint-url "$endpoint" -- echo ran
expect_status 0 "exec --check"
[ "$out" = "ran" ] || fail "exec --check: the command printed '$out'"
expect_in "$err" "  iam:DeleteUser (1 sensitive action) on *" "exec --check"
expect_in "$err" "consider --duration 900" "exec --check"

# A broken --check policy stops before any network call: no code spent, nothing written.
snapshot "$creds"
calls=$(grep -c 'HTTP/1.1' "$work/moto.log")
run session --profile base --token-code 123456 --force --check "$MFALINT_SOURCE_DIR/samples/broken-json.json" \
  --endpoint-url "$endpoint"
expect_status 2 "broken --check policy"
expect_in "$err" "mfalint: error: --check $MFALINT_SOURCE_DIR/samples/broken-json.json:4:" "broken --check policy"
expect_unchanged "$creds" "broken --check policy"
[ "$(grep -c 'HTTP/1.1' "$work/moto.log")" -eq "$calls" ] || fail "broken --check policy: moto was called"

# credential_process: the AWS CLI runs mfalint for credentials and moto accepts them.
arn=$(aws sts get-caller-identity --profile via-process --endpoint-url "$endpoint" --query Arn --output text)
[[ "$arn" == arn:aws:sts::123456789012:assumed-role/admin/* ]] || fail "credential_process: caller is '$arn'"

echo "session_moto: all passed"
