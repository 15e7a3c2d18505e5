#!/usr/bin/env bash
# What a test tool that cannot be had means, said in one place for the shell tests (which source
# this file and call missing_tool) and the C++ tests (MFALINT_MISSING_TOOL in test_support.h runs
# it). Under CI=true the test FAILS (exit 1): CI installs every tool (tools/setup --test), so a
# missing one is a broken machine whose green run would prove nothing. Elsewhere the test is skipped
# (exit 77, the SKIP_RETURN_CODE in tests/CMakeLists.txt), loudly.
missing_tool() {
  local verdict=SKIPPED status=77
  if [ "${CI:-}" = true ]; then
    verdict="FAILED (CI=true, where every test tool must be installed)"
    status=1
  fi
  {
    echo "########################################################################"
    echo "## $verdict: $*"
    echo "########################################################################"
  } >&2
  exit "$status"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then missing_tool "$@"; fi
