#!/usr/bin/env bash
# The layer check passes on the tree as it is, and fails, naming the file and the include, on a
# copy where one lower layer includes a higher one and on a copy with a folder the map does not list.
set -euo pipefail
: "${MFALINT_SOURCE_DIR:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
check() { cmake -DSOURCE_DIR="$1" -P "$MFALINT_SOURCE_DIR/tools/check_layers.cmake" 2>&1; }

out=$(check "$MFALINT_SOURCE_DIR") || fail "the layer check fails on the tree: $out"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$MFALINT_SOURCE_DIR/analyzer" "$MFALINT_SOURCE_DIR/docs" "$work/"
printf '#include "checks/check.h"\n' >>"$work/analyzer/model/policy_builder.cpp"
if out=$(check "$work"); then fail "the layer check passed model including checks"; fi
[[ $out == *"analyzer/model/policy_builder.cpp includes \"checks/check.h\""* ]] || fail "the failure does not name the include: $out"

rm -r "$work/analyzer"
cp -r "$MFALINT_SOURCE_DIR/analyzer" "$work/"
mkdir "$work/analyzer/extra" && printf '#include "core/finding.h"\n' >"$work/analyzer/extra/x.h"
if out=$(check "$work"); then fail "the layer check passed a folder that is no layer"; fi
[[ $out == *"analyzer/extra/ is no layer"* ]] || fail "the failure does not name the folder: $out"
echo "layers: OK"
