#!/usr/bin/env bash
# tools/export-organization against moto's Organizations on loopback: an organization with an OU,
# accounts, FullAWSAccess at every level and an MFA guard on the OU is exported, and
# `mfalint audit --org` reads the file and judges a dump of an account in the OU under the guard.
set -euo pipefail
source "$MFALINT_SOURCE_DIR/tests/session/e2e_helpers.sh"
command -v python3 >/dev/null || missing_tool "python3 is not installed: the export-organization test did NOT run"
command -v moto_server >/dev/null ||
  missing_tool "moto_server is not installed (python3 -m pip install 'moto[server]'): the export-organization test did NOT run"
command -v aws >/dev/null || missing_tool "the aws CLI is not installed: the export-organization test did NOT run"
command -v jq >/dev/null || missing_tool "jq is not installed (apt-get install jq): the export-organization test did NOT run"

port=$(free_port)
endpoint="http://127.0.0.1:$port"
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
server_pids+=($!)
wait_for_port "$port" 30
export AWS_ACCESS_KEY_ID=AKIATEST AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
org() { aws --endpoint-url "$endpoint" --output json organizations "$@"; }

org create-organization --feature-set ALL >/dev/null
root=$(org list-roots | jq -r '.Roots[0].Id')
org enable-policy-type --root-id "$root" --policy-type SERVICE_CONTROL_POLICY >/dev/null
ou=$(org create-organizational-unit --parent-id "$root" --name Workloads | jq -r '.OrganizationalUnit.Id')
account=$(org create-account --email w@example.com --account-name workload | jq -r '.CreateAccountStatus.AccountId')
org move-account --account-id "$account" --source-parent-id "$root" --destination-parent-id "$ou"
guard=$(jq -c '.[1]' "$MFALINT_SOURCE_DIR/tests/data/organization/mfa-guard.json")
policy=$(org create-policy --name mfa-guard --description guard --type SERVICE_CONTROL_POLICY --content "$guard" |
  jq -r '.Policy.PolicySummary.Id')
org attach-policy --policy-id "$policy" --target-id "$ou"

"$MFALINT_SOURCE_DIR/tools/export-organization" --endpoint-url "$endpoint" >"$work/organization.json" 2>"$work/export.err" ||
  fail "export-organization failed: $(cat "$work/export.err")"
jq -e --arg ou "$ou" --arg account "$account" '
  .Root.ServiceControlPolicies[0].Policy.PolicySummary.Name == "FullAWSAccess"
  and (.Root.OrganizationalUnits[] | select(.Id == $ou) | .Name == "Workloads"
       and ([.ServiceControlPolicies[].Policy.PolicySummary.Name] | index("mfa-guard") != null)
       and (.Accounts | map(.Id) | index($account) != null))
  and (.ManagementAccountId | length == 12)' "$work/organization.json" >/dev/null ||
  fail "the exported organization lacks what was created: $(cat "$work/organization.json")"

# A dump of the account in the OU: its administrator reaches sensitive actions only with MFA.
sed "s/111122223333/$account/g" "$MFALINT_SOURCE_DIR/tests/fixtures/account-dump/account.json" >"$work/dump.json"
status=0
"$MFALINT" audit "$work/dump.json" --org "$work/organization.json" --format json >"$work/report.json" || status=$?
[ "$status" -le 1 ] || fail "audit --org exited $status: $(cat "$work/report.json")"
jq -e --arg account "$account" '.accounts[0].id == $account and (.accounts[0].levels | length == 3)
  and .accounts[0].principals_with_unprotected_sensitive_actions == 0' "$work/report.json" >/dev/null ||
  fail "audit --org did not judge the account under the guard: $(jq -c .accounts "$work/report.json")"
plain=$("$MFALINT" audit "$work/dump.json" --format json | jq '.summary.principals_with_unprotected_sensitive_actions' || true)
[ "$plain" -gt 0 ] || fail "without the organization the fixture should reach sensitive actions without MFA"
echo "export-organization against moto, and audit --org over it: OK"
