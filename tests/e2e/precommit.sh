#!/usr/bin/env bash
# The hook in .pre-commit-hooks.yaml, driven by Debian's pre-commit in a scratch repository: a
# commit of a bad policy is blocked and shows the finding, a good one goes through, a changed .tf
# file is judged with its module, other files do not run the hook, and `.mfalint.yaml` excludes
# apply to the files pre-commit names. Also `pre-commit try-repo`. Nothing outside a temporary
# directory is touched.
set -euo pipefail
: "${MFALINT:?set MFALINT to the mfalint binary}"
: "${MFALINT_SOURCE_DIR:?set MFALINT_SOURCE_DIR to the source tree}"

source "$MFALINT_SOURCE_DIR/tests/support/missing_tool.sh"
command -v git >/dev/null || missing_tool "git is not installed (apt-get install git): the pre-commit hook was NOT tested"
command -v pre-commit >/dev/null ||
  missing_tool "pre-commit is not installed (apt-get install pre-commit): the pre-commit hook was NOT tested"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A private HOME and cache: no user or system git config, no ~/.cache/pre-commit.
export HOME="$work/home" PRE_COMMIT_HOME="$work/pre-commit-cache" XDG_CACHE_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$HOME"
# language: system runs the mfalint on PATH.
PATH="$(cd "$(dirname "$MFALINT")" && pwd):$PATH"
export PATH
[[ $(command -v mfalint) -ef $MFALINT ]] || fail "the built mfalint is not the one on PATH"

# The hooks repository: just the hook file, committed, as pre-commit clones it.
hooks="$work/hooks"
mkdir -p "$hooks"
cp "$MFALINT_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" -c init.defaultBranch=main init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# The user's repository, with the hook installed as its docs say.
repo="$work/repo"
mkdir -p "$repo/policies"
cd "$repo"
git -c init.defaultBranch=main init -q
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: mfalint
EOF
git add .pre-commit-config.yaml
git commit -qm "pre-commit config"
pre-commit install >/dev/null

# A bad policy is blocked, and the output names the finding.
cp "$MFALINT_SOURCE_DIR/samples/grammar-mistakes.json" policies/bad.json
git add policies/bad.json
if out=$(git commit -m bad 2>&1); then fail "the bad policy was committed: $out"; fi
[[ "$out" == *"policies/bad.json:11:14: warning: duplicate Sid \"Reports\""*"[IAM011]"* ]] || fail "no finding in: $out"
[[ "$out" == *"mfalint"*"Failed"* ]] || fail "the hook did not report a failure: $out"
git rm -q --cached policies/bad.json
rm policies/bad.json

# A good policy passes.
cp "$MFALINT_SOURCE_DIR/samples/mfa-protected-s3.json" policies/good.json
git add policies/good.json
out=$(git commit -m good 2>&1) || fail "the good policy was blocked: $out"
[[ "$out" == *"mfalint"*"Passed"* ]] || fail "the hook did not run on the good policy: $out"

# Terraform source: only the changed .tf file is named, and the hook still reads its module's other
# files: the actions of the document come from a local of a file committed earlier. (A policy is
# reported with the file its document is written in: .pre-commit-hooks.yaml says so.)
mkdir -p infra
printf 'locals {\n  deletes = ["lambda:DeleteFunction"]\n}\n' >infra/locals.tf
git add infra/locals.tf
git commit -qm "locals" --no-verify
cat >infra/documents.tf <<'EOF'
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = local.deletes
    resources = ["*"]
  }
}
EOF
git add infra/documents.tf
if out=$(git commit -m terraform 2>&1); then fail "the Terraform policy without MFA was committed: $out"; fi
[[ "$out" == *"infra/documents.tf:3:17: error: lambda:DeleteFunction (1 sensitive action)"*"[MFA001]"* ]] ||
  fail "no Terraform finding in: $out"
git rm -q --cached infra/documents.tf
rm -r infra

# Neither JSON nor YAML: the hook does not run.
echo "notes" >README.md
git add README.md
out=$(git commit -m readme 2>&1) || fail "a README commit was blocked: $out"
[[ "$out" == *"mfalint"*"Skipped"* ]] || fail "the hook ran on a README: $out"

# pre-commit names each file; excludes in the repository's .mfalint.yaml still apply. The config
# is YAML itself, so this also shows the hook accepting a YAML file that is not a template.
mkdir -p legacy
cp "$MFALINT_SOURCE_DIR/samples/grammar-mistakes.json" legacy/old.json
printf 'exclude: [legacy]\n' >.mfalint.yaml
git add .mfalint.yaml legacy/old.json
out=$(git commit -m legacy 2>&1) || fail "an excluded bad policy was blocked: $out"

# try-repo runs the hooks repository without installing it.
cp "$MFALINT_SOURCE_DIR/samples/grammar-mistakes.json" policies/bad.json
if out=$(pre-commit try-repo "$hooks" mfalint --files policies/bad.json 2>&1); then
  fail "try-repo passed a bad policy: $out"
fi
[[ "$out" == *"[IAM011]"* ]] || fail "try-repo output has no finding: $out"
out=$(pre-commit try-repo "$hooks" mfalint --files policies/good.json 2>&1) || fail "try-repo failed a good policy: $out"

echo "pre-commit hook: OK"
