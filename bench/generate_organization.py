#!/usr/bin/env python3
"""Writes an AWS Organization of ACCOUNTS accounts for `mfalint audit --org` scale measurements:
OUT/organization.json (a root with FullAWSAccess; half the accounts in an OU with the MFA guard
of tests/data/organization/mfa-guard.json, half in an OU without it) and OUT/dumps/ACCOUNT.json,
one dump per account: the real-format dump SOURCE with its account id replaced, so every account
has that dump's principals.

Usage: bench/generate_organization.py SOURCE ACCOUNTS OUT
"""
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    source, accounts, out = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    text = pathlib.Path(source).read_text()
    source_account = "200611803367"  # the account the real-format dump's ARNs name
    full_access, guard = json.loads((ROOT / "tests/data/organization/mfa-guard.json").read_text())
    (out / "dumps").mkdir(parents=True, exist_ok=True)
    units = [{"Id": f"ou-bench-{name.lower()}", "Name": name, "ServiceControlPolicies": policies,
              "ResourceControlPolicies": [], "OrganizationalUnits": [], "Accounts": []}
             for name, policies in (("Guarded", [full_access, guard]), ("Open", [full_access]))]
    for i in range(accounts):
        account = f"{100000000000 + i:012d}"
        (out / "dumps" / f"{account}.json").write_text(text.replace(source_account, account))
        units[i % 2]["Accounts"].append({"Id": account, "Name": f"account-{i}",
                                         "ServiceControlPolicies": [full_access], "ResourceControlPolicies": []})
    organization = {"ManagementAccountId": "999999999999",
                    "Root": {"Id": "r-bench", "Name": "Root", "ServiceControlPolicies": [full_access],
                             "ResourceControlPolicies": [], "OrganizationalUnits": units, "Accounts": []}}
    (out / "organization.json").write_text(json.dumps(organization, indent=1))
    print(f"generated {accounts} accounts in {out}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
