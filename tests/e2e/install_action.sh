#!/usr/bin/env bash
# action.yml parses as a composite Action with the documented inputs, each of its shell steps is
# one call of tools/action/mfalint-action.sh, and that script, run step by step as GitHub runs it
# (GITHUB_OUTPUT, GITHUB_PATH, the step's env), installs the release tarball tools/package makes
# (served from a file:// URL, its SHA-256 checked; by default from the repository the runner
# checked the Action out from), refuses a tarball whose sum does not match,
# reuses the cached binary, and runs `mfalint check` with the inputs, writing SARIF.
set -euo pipefail
: "${MFALINT:?}" "${MFALINT_SOURCE_DIR:?}" "${MFALINT_BUILD_DIR:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
if ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
  echo "## SKIPPED e2e.install_action: python3-yaml is not installed (tools/setup --test)" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi

/usr/bin/python3 - "$MFALINT_SOURCE_DIR/action.yml" <<'PY' || fail "action.yml"
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite", action["runs"]
assert {"paths", "format", "fail-on", "config"} <= set(action["inputs"]), action["inputs"]
steps = action["runs"]["steps"]
runs = [step["run"] for step in steps if "run" in step]
assert len(runs) == 3, runs
for run, sub in zip(runs, ["prepare", "install", "check"]):
    assert run == f'"$GITHUB_ACTION_PATH/tools/action/mfalint-action.sh" {sub}', run
assert action["outputs"]["report"]["value"] == "${{ steps.check.outputs.report }}"
PY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$MFALINT_SOURCE_DIR" && MFALINT_PACKAGE_BUILD_DIR=$MFALINT_BUILD_DIR MFALINT_PACKAGE_DIST_DIR=$work/releases/v0 tools/package) >/dev/null
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$MFALINT_BUILD_DIR/CMakeCache.txt")
mv "$work/releases/v0" "$work/releases/v$version"

export GITHUB_ACTION_PATH=$MFALINT_SOURCE_DIR RUNNER_TEMP=$work/temp RUNNER_TOOL_CACHE=$work/tool-cache
mkdir -p "$RUNNER_TEMP"
script=$MFALINT_SOURCE_DIR/tools/action/mfalint-action.sh
# One step: fresh GITHUB_OUTPUT and GITHUB_PATH files; the PATH it gets is the earlier steps'.
step() {
  : >"$work/output"
  : >"$work/path"
  GITHUB_OUTPUT=$work/output GITHUB_PATH=$work/path PATH="$(tac "$work/paths" 2>/dev/null | tr '\n' ':')$PATH" "$script" "$@"
}
output() { sed -n "s/^$1=//p" "$work/output"; }

step prepare
install_dir=$(output install-dir)
[ "$(output cache-key)" = "mfalint-release-$version-x86_64" ] || fail "cache key: $(cat "$work/output")"
[ "$install_dir" = "$RUNNER_TOOL_CACHE/mfalint/mfalint-release-$version-x86_64" ] || fail "install dir: $install_dir"

# A tarball whose sum does not match is refused.
cp -r "$work/releases" "$work/tampered"
echo "0000000000000000000000000000000000000000000000000000000000000000  mfalint-$version-linux-x86_64.tar.gz" \
  >"$work/tampered/v$version/mfalint-$version-linux-x86_64.tar.gz.sha256"
if MFALINT_INSTALL_DIR=$install_dir MFALINT_RELEASE_URL=file://$work/tampered step install 2>"$work/err"; then
  fail "a tarball with a wrong sum was installed"
fi
[ ! -e "$install_dir/mfalint" ] || fail "the tampered binary was left in the cache"

out=$(MFALINT_INSTALL_DIR=$install_dir MFALINT_RELEASE_URL=file://$work/releases step install)
[[ $out == "mfalint $version (catalog: "* ]] || fail "install printed: $out"
[ "$(cat "$work/path")" = "$install_dir" ] || fail "GITHUB_PATH: $(cat "$work/path")"
cat "$work/path" >>"$work/paths"
# Without release-url: the repository the runner checked the Action out from (_actions/OWNER/REPO/REF).
mkdir -p "$work/_actions/acme/mfalint" "$work/server/acme/mfalint/releases"
ln -s "$MFALINT_SOURCE_DIR" "$work/_actions/acme/mfalint/v$version"
cp -r "$work/releases" "$work/server/acme/mfalint/releases/download"
GITHUB_ACTION_PATH=$work/_actions/acme/mfalint/v$version GITHUB_SERVER_URL=file://$work/server MFALINT_RELEASE_URL= \
  MFALINT_INSTALL_DIR=$work/derived step install 2>"$work/err" >/dev/null || fail "install from the Action's repository: $(cat "$work/err")"
grep -q "from file://$work/server/acme/mfalint/releases/download/v$version" "$work/err" || fail "release URL: $(cat "$work/err")"
# The cache restored: no download (the URL goes nowhere).
MFALINT_INSTALL_DIR=$install_dir MFALINT_RELEASE_URL=file:///nonexistent step install >/dev/null || fail "the cached binary was not used"

# check, as a workflow with format: sarif and the samples as paths would run it.
cp -r "$MFALINT_SOURCE_DIR/samples" "$work/repo"
cd "$work/repo"
status=0
MFALINT_PATHS=$'second-statement-without-mfa.json\nmfa-protected-s3.json' MFALINT_FORMAT=sarif MFALINT_FAIL_ON=warning \
  MFALINT_CONFIG="" MFALINT_OUTPUT="" step check || status=$?
[ "$status" = 1 ] || fail "check exited $status, not 1 on findings"
[ "$(output report)" = mfalint.sarif ] || fail "report output: $(cat "$work/output")"
/usr/bin/python3 - mfalint.sarif "$version" <<'PY' || fail "the SARIF report"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["tool"]["driver"]["version"] == sys.argv[2]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert uris == {"second-statement-without-mfa.json"}, uris
PY
printf 'rules:\n  MFA001: off\n  MFA002: off\n' >quiet.yaml
out=$(MFALINT_PATHS=second-statement-without-mfa.json MFALINT_FORMAT=text MFALINT_FAIL_ON=error \
  MFALINT_CONFIG=quiet.yaml MFALINT_OUTPUT="" step check) || fail "check with a config that turns the rules off failed: $out"
[[ $out == *"1 file checked: 0 errors"* ]] || fail "check with config printed: $out"
echo "action: OK"
