#!/usr/bin/env bash
# The shell steps of action.yml, one subcommand each, run with the Action's environment
# (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TOOL_CACHE, RUNNER_TEMP) and its inputs as
# MFALINT_* variables. tests/e2e/install_action.sh runs it here.
#   prepare   the version (from the Action's own CMakeLists.txt), the cache key and install directory
#   install   the cached binary, else the release tarball (its SHA-256 checked), else a build
#   check     mfalint check with the inputs; the report file goes to the output `report`
set -euo pipefail
source_dir=${GITHUB_ACTION_PATH:?}
say() { echo "mfalint-action: $*" >&2; }

version=$(sed -n 's/^project(mfalint VERSION \([0-9.]*\) .*/\1/p' "$source_dir/CMakeLists.txt")
[ -n "$version" ] || { say "no version in $source_dir/CMakeLists.txt"; exit 2; }

case ${1:-} in
  prepare)
    if [ "${MFALINT_BUILD:-false}" = true ]; then
      # A build is cached under a key of its sources, so a changed checkout builds again.
      sources=$(cd "$source_dir" && find CMakeLists.txt analyzer tools rules -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
      key=mfalint-build-$version-$(uname -m)-${sources%% *}
    else
      key=mfalint-release-$version-$(uname -m)
    fi
    {
      echo "cache-key=$key"
      echo "install-dir=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?}}/mfalint/$key"
    } >>"${GITHUB_OUTPUT:?}"
    ;;
  install)
    dir=${MFALINT_INSTALL_DIR:?}
    if [ -x "$dir/mfalint" ]; then
      say "using the cached $dir/mfalint"
    elif [ "${MFALINT_BUILD:-false}" != true ]; then
      name=mfalint-$version-linux-x86_64
      [ "$(uname -m)" = x86_64 ] || { say "the release binary is x86_64 only; set build: true"; exit 2; }
      release_url=${MFALINT_RELEASE_URL:-}
      if [ -z "$release_url" ]; then
        # github.action_repository is empty in composite Actions (actions/runner#2525), but the
        # runner checks an Action out to .../_actions/OWNER/REPO/REF.
        case $source_dir in
          */_actions/*/*/*) IFS=/ read -r owner repo _ <<<"${source_dir##*/_actions/}" ;;
          *) say "cannot tell which repository this Action is from: set release-url, or build: true"; exit 2 ;;
        esac
        release_url=${GITHUB_SERVER_URL:-https://github.com}/$owner/$repo/releases/download
      fi
      download=$(mktemp -d)
      say "downloading $name.tar.gz from $release_url/v$version"
      curl -fsSL --retry 3 -o "$download/$name.tar.gz" "$release_url/v$version/$name.tar.gz" ||
        { say "no release tarball for $version there: set build: true to build it"; exit 2; }
      curl -fsSL --retry 3 -o "$download/$name.tar.gz.sha256" "$release_url/v$version/$name.tar.gz.sha256"
      (cd "$download" && sha256sum --quiet -c "$name.tar.gz.sha256")
      tar -C "$download" -xzf "$download/$name.tar.gz"
      mkdir -p "$dir"
      install -m 755 "$download/$name/mfalint" "$dir/mfalint"
      rm -rf "$download"
    else
      say "building mfalint $version from $source_dir"
      build=${RUNNER_TEMP:?}/mfalint-build
      "$source_dir/tools/setup"
      cmake -S "$source_dir" -B "$build" -G Ninja -DBUILD_TESTING=OFF
      cmake --build "$build" --target mfalint
      mkdir -p "$dir"
      install -m 755 -s "$build/mfalint" "$dir/mfalint"
    fi
    "$dir/mfalint" --version
    echo "$dir" >>"${GITHUB_PATH:?}"
    ;;
  check)
    format=${MFALINT_FORMAT:-text}
    output=${MFALINT_OUTPUT:-}
    if [ -z "$output" ] && [ "$format" = sarif ]; then output=mfalint.sarif; fi
    args=(--format "$format" --fail-on "${MFALINT_FAIL_ON:-warning}")
    if [ -n "${MFALINT_CONFIG:-}" ]; then args+=(--config "$MFALINT_CONFIG"); fi
    if [ -n "$output" ]; then args+=(--output "$output"); fi
    read -r -d '' -a paths <<<"${MFALINT_PATHS:-.}" || true
    # The report is written even when findings fail the step, so a later upload-sarif has it.
    echo "report=$output" >>"${GITHUB_OUTPUT:?}"
    exec mfalint check "${args[@]}" -- "${paths[@]}"
    ;;
  *)
    say "usage: mfalint-action.sh prepare|install|check"
    exit 2
    ;;
esac
