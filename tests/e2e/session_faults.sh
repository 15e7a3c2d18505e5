#!/usr/bin/env bash
# `mfalint session` against a local STS that fails on purpose (tests/session/fake_sts_server.py):
# 500s, throttling, malformed XML, a slow answer, a reset connection, clock skew, a wrong code. Each
# gives a clear error, exit 2, and leaves the credentials file byte for byte as it was. Also: the
# code is checked before any request, concurrent runs both land, and the output modes.
set -euo pipefail
source "$MFALINT_SOURCE_DIR/tests/session/e2e_helpers.sh"
command -v python3 >/dev/null || missing_tool "python3 is not installed: the STS fault-injection tests did NOT run"

start_fake_sts
secret="Long+Term/Secret0123456789abcdefghijklmn"
cat >"$HOME/.aws/credentials" <<EOF_CREDS
# my long-term key; keep this comment
[base]
aws_access_key_id = AKIAFAKEBASE0001WXYZ
aws_secret_access_key = $secret

[other]   
aws_access_key_id=AKIAOTHER
aws_secret_access_key=other
EOF_CREDS
cat >"$HOME/.aws/config" <<'EOF_CONFIG'
[profile base]
mfa_serial = arn:aws:iam::123456789012:mfa/alice
region = eu-west-1
EOF_CONFIG
creds="$HOME/.aws/credentials"
session=(session --profile base --token-code 123456 --duration 3600 --timeout 2)

# Each fault: exit 2, the message, the file untouched, no secret shown, and soon enough.
fault() {  # ENDPOINT EXPECTED-MESSAGE MAX-SECONDS [DURATION]
  snapshot "$creds"
  run session --profile base --token-code 123456 --timeout 2 --duration "${4:-3600}" --endpoint-url "$1"
  expect_status 2 "$1"
  expect_in "$err" "$2" "$1"
  expect_unchanged "$creds" "$1"
  expect_no_secret "$secret"
  [ "$elapsed" -le "$3" ] || fail "$1: took $elapsed s, more than $3"
}

fault "$fake_sts/error500/" "answered HTTP 500 3 times without an STS error" 10
fault "$fake_sts/throttle/" "AWS throttled the STS call 3 times in a row" 10
fault "$fake_sts/malformed/" "answered with malformed XML at line 1" 5
fault "$fake_sts/slow/" "no answer from STS at $fake_sts/slow/ in time" 6
fault "$fake_sts/reset/" "could not talk to STS at $fake_sts/reset/" 5
fault "$fake_sts/skew/" "this machine's clock is 20m" 5
fault "$fake_sts/mfa-denied/" "the MFA code was wrong or already used; wait for the next one (AWS: AccessDenied)" 5
fault "$fake_sts/root/" "holds the root user's key, whose MFA sessions last 900–3600 seconds, not 43200" 5 43200
dead=$(free_port)
fault "http://127.0.0.1:$dead/" "could not talk to STS at http://127.0.0.1:$dead/" 5

# Throttled twice, then answered: the retries land the session.
run "${session[@]}" --endpoint-url "$fake_sts/throttle-twice/x" --target-profile retried
expect_status 0 "throttled twice then answered"
[ "$(grep -c '"/throttle-twice/x"' "$fake_log")" -eq 3 ] || fail "expected 3 requests to /throttle-twice/x"

# The code is checked before any request; without a code or a terminal, the error says what to pass.
before=$(requests)
run session --profile base --token-code 12345 --endpoint-url "$fake_sts/ok/"
expect_status 2 "5-digit code"
expect_in "$err" "the MFA code must be the 6 digits" "5-digit code"
run session --profile base --endpoint-url "$fake_sts/ok/" --force
expect_status 2 "no code, no terminal"
expect_in "$err" "no terminal to ask for the MFA code: pass --token-code CODE or --totp-secret-file FILE" "no terminal"
run session --profile base --token-code 123456 --duration 899 --endpoint-url "$fake_sts/ok/"
expect_status 2 "duration below the minimum"
expect_in "$err" "900–129600 seconds for an IAM user" "duration"
[ "$(requests)" -eq "$before" ] || fail "a request was sent before the input was checked"

# A credentials file it cannot parse is refused with the line, and nothing is written or sent.
cp "$creds" "$work/good"
printf 'this line is not INI\n' >>"$creds"
bad_line=$(wc -l <"$creds")
snapshot "$creds"
run "${session[@]}" --endpoint-url "$fake_sts/ok/"
expect_status 2 "unparsable credentials file"
expect_in "$err" "$creds line $bad_line: expected KEY = VALUE" "unparsable file"
expect_unchanged "$creds" "unparsable file"
[ "$(requests)" -eq "$before" ] || fail "a request was sent with an unparsable credentials file"
cp "$work/good" "$creds"

# Success: the session goes to [base-mfa], every other byte stays, 0600, and the code was the flag's.
run "${session[@]}" --endpoint-url "$fake_sts/ok/"
expect_status 0 "session"
expect_in "$out" "written to [base-mfa] of $creds" "session summary"
expect_in "$out" "expires " "session summary"
expect_no_secret "$secret"
expect_no_secret "fake-session-secret"
head -c "$(stat -c %s "$work/good")" "$creds" | cmp -s - "$work/good" || fail "bytes before the new profile changed"
grep -q '^aws_session_token = fake-session-token-' "$creds" || fail "no session token in [base-mfa]"
[ "$(stat -c %a "$creds")" = 600 ] || fail "credentials file mode $(stat -c %a "$creds")"
tail -1 "$fake_log" | grep -q '"TokenCode": "123456"' || fail "TokenCode not sent"
tail -1 "$fake_log" | grep -q '"SerialNumber": "arn:aws:iam::123456789012:mfa/alice"' || fail "SerialNumber not sent"
tail -1 "$fake_log" | grep -q 'Credential=AKIAFAKEBASE0001WXYZ/[0-9]*/eu-west-1/sts/aws4_request' ||
  fail "not signed for sts in eu-west-1"

# Reused while valid for 5+ minutes, without a code; --force gets a new one.
before=$(requests)
run session --profile base --endpoint-url "$fake_sts/ok/"
expect_status 0 "reuse"
expect_in "$out" "already holds an MFA session" "reuse"
[ "$(requests)" -eq "$before" ] || fail "a valid stored session was not reused"

# A seed file gives the same code as `mfalint totp` (the same or the previous 30 s step).
printf 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n' >"$work/seed"
run session --profile base --totp-secret-file "$work/seed" --endpoint-url "$fake_sts/ok/" --duration 3600 --force
expect_status 0 "seed file"
sent=$(tail -1 "$fake_log" | python3 -c 'import json,sys; print(json.load(sys.stdin)["params"]["TokenCode"])')
now=$(date +%s)
[ "$sent" = "$("$MFALINT" totp --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time "$now")" ] ||
  [ "$sent" = "$("$MFALINT" totp --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time $((now - 30)))" ] ||
  fail "the seed file's code $sent is not the TOTP of now"

# Two concurrent runs writing different profiles both land, and nothing else is lost.
cp "$creds" "$work/before-concurrent"
"$MFALINT" session --profile base --token-code 111111 --target-profile one --endpoint-url "$fake_sts/ok-slow/1" \
  >"$work/one.out" 2>&1 &
first=$!
"$MFALINT" session --profile base --token-code 222222 --target-profile two --endpoint-url "$fake_sts/ok-slow/2" \
  >"$work/two.out" 2>&1 &
second=$!
wait "$first" || fail "first concurrent run: $(cat "$work/one.out")"
wait "$second" || fail "second concurrent run: $(cat "$work/two.out")"
for profile in one two base-mfa; do
  grep -q "^\[$profile\]" "$creds" || fail "profile $profile lost in concurrent runs: $(cat "$creds")"
done
head -c "$(stat -c %s "$work/good")" "$creds" | cmp -s - "$work/good" || fail "concurrent runs changed other bytes"

# --credential-process prints the SDKs' JSON and caches the session in its own 0600 file.
snapshot "$creds"
run session --profile base --token-code 123456 --credential-process --endpoint-url "$fake_sts/ok/"
expect_status 0 "credential-process"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["Version"] == 1 and set(d) == {"Version","AccessKeyId","SecretAccessKey","SessionToken","Expiration"}, d' "$out" ||
  fail "credential-process output: $out"
expect_unchanged "$creds" "credential-process"
[ "$(stat -c %a "$HOME/.aws/mfalint/sessions")" = 600 ] || fail "cache file is not 0600"
[ "$(stat -c %a "$HOME/.aws/mfalint")" = 700 ] || fail "cache folder is not 0700"
before=$(requests)
first_json=$out
run session --profile base --credential-process --endpoint-url "$fake_sts/ok/"
expect_status 0 "credential-process, cached"
[ "$out" = "$first_json" ] || fail "the cached session was not reused"
[ "$(requests)" -eq "$before" ] || fail "credential-process called STS again"

# --env prints exports a shell can eval.
run session --profile base --env --endpoint-url "$fake_sts/ok/"
expect_status 0 "env"
token=$(eval "$out"; echo "$AWS_SESSION_TOKEN")
[[ "$token" == fake-session-token-* ]] || fail "--env exports: $out"

# exec: the command sees the session and no profile, and its exit status is returned.
export AWS_PROFILE=base
run exec --endpoint-url "$fake_sts/ok/" -- sh -c 'echo "$AWS_ACCESS_KEY_ID ${AWS_PROFILE:-no-profile} $AWS_REGION"; exit 3'
unset AWS_PROFILE
expect_status 3 "exec exit status"
expect_in "$out" "ASIAFAKE" "exec environment"
expect_in "$out" "no-profile eu-west-1" "exec environment"
run exec --profile base --endpoint-url "$fake_sts/ok/" -- mfalint-no-such-command
expect_status 2 "exec of a missing command"
expect_in "$err" "cannot run mfalint-no-such-command" "exec of a missing command"

echo "session_faults: all passed"
