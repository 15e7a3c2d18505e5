#!/usr/bin/env python3
"""Writes a `get-account-authorization-details` dump with about PRINCIPALS principals, for scale
measurements: the users, groups and roles of a real dump (SOURCE) cloned with numbered names, as a
large account has many principals built from the same patterns. Each clone keeps its own inline
policies; managed policies stay shared, as in a real account.

Usage: bench/generate_account_dump.py SOURCE PRINCIPALS > dump.json
"""
import copy
import json
import sys


def renamed(detail, name_key, suffix):
    clone = copy.deepcopy(detail)
    clone[name_key] = f"{detail[name_key]}-{suffix}"
    clone["Arn"] = f"{detail['Arn']}-{suffix}"
    return clone


def main():
    source, wanted = sys.argv[1], int(sys.argv[2])
    with open(source) as f:
        dump = json.load(f)
    users, groups, roles = dump["UserDetailList"], dump["GroupDetailList"], dump["RoleDetailList"]
    per_copy = len(users) + len(groups) + len(roles)
    copies = max(1, -(-wanted // per_copy))
    out = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": dump["Policies"]}
    for i in range(copies):
        for group in groups:
            out["GroupDetailList"].append(renamed(group, "GroupName", i))
        for user in users:
            clone = renamed(user, "UserName", i)
            clone["GroupList"] = [f"{name}-{i}" for name in user.get("GroupList", [])]
            out["UserDetailList"].append(clone)
        for role in roles:
            out["RoleDetailList"].append(renamed(role, "RoleName", i))
    json.dump(out, sys.stdout, indent=1)
    total = sum(len(out[k]) for k in ("UserDetailList", "GroupDetailList", "RoleDetailList"))
    print(f"generated {total} principals ({copies} copies of {per_copy})", file=sys.stderr)


if __name__ == "__main__":
    main()
