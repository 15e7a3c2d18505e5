#!/usr/bin/env bash
# The HTML report of samples/, opened in headless Chromium (Debian `chromium`): the browser's DOM
# holds the summary, the SVG chart with one bar per rule found, the per-file sections and the rule
# documents; a screenshot is taken (kept when MFALINT_KEEP_SCREENSHOT names a file) and the page
# prints to PDF. Nothing outside a temporary directory is touched.
set -euo pipefail
: "${MFALINT:?set MFALINT to the mfalint binary}"
: "${MFALINT_SOURCE_DIR:?set MFALINT_SOURCE_DIR to the source tree}"

source "$MFALINT_SOURCE_DIR/tests/support/missing_tool.sh"
browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
done
[ -n "$browser" ] || missing_tool "chromium is not installed (tools/setup --test, or apt-get install chromium): the HTML \
report was NOT rendered in a browser"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Whatever the page asked for would need the network; every fetch is refused, and the report's own
# Content-Security-Policy forbids any anyway.
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

status=0
(cd "$MFALINT_SOURCE_DIR" && "$MFALINT" check --format html --output "$work/report.html" samples/) || status=$?
[ "$status" -eq 2 ] || fail "mfalint check exited $status, expected 2 (samples/broken-json.json is broken on purpose)"

chrome --dump-dom "file://$work/report.html" >"$work/dom.html" || fail "chromium --dump-dom failed: $(tail -5 "$work/chromium.log")"
count() { grep -o "$1" "$work/dom.html" | wc -l; }
expect_count() {
  local got
  got=$(count "$1")
  [ "$got" -eq "$2" ] || fail "expected $2 of '$1' in the rendered DOM, found $got"
}
# What samples/ should report is samples/expected-findings.txt ("file:line:column: RULE").
expected="$MFALINT_SOURCE_DIR/samples/expected-findings.txt"
findings=$(wc -l <"$expected")
rules=$(awk '{print $2}' "$expected" | sort -u | wc -l)
# One bar per rule and severity found (IAM043 is found as an error and as a note).
bars=$(cd "$MFALINT_SOURCE_DIR" && { "$MFALINT" check --format json samples/ || true; } | python3 -c '
import json, sys
print(len({(f["rule"], f["severity"]) for f in json.load(sys.stdin)["findings"]}))')
expect_count '<svg class="chart"' 1
expect_count '<rect class="bar ' "$bars"
expect_count '<table class="by-rule">' 1
expect_count '<li class="card' 5
# Every sample has findings or MFA table rows, so each gets a section; but the correct SCP guard and
# the policy set's Deny, which grant nothing (no MFA table) and are right (no finding).
expect_count '<section class="subject"' "$(find "$MFALINT_SOURCE_DIR/samples" -name '*.json' -o -name '*.tf' | grep -Evc '/(scp-mfa-guard|require-mfa)\.json$')"
expect_count '<li class="finding ' "$findings"
expect_count '<article class="rule"' "$rules"
grep -q 'MFA table' "$work/dom.html" || fail "no MFA table in the report"
grep -q 'Could not be read (line 4, column 67)' "$work/dom.html" || fail "broken-json.json's read error is missing"
if grep -q '<script' "$work/dom.html"; then fail "the rendered page has a script element"; fi

screenshot="${MFALINT_KEEP_SCREENSHOT:-$work/report.png}"
(cd "$work" && chrome --screenshot="$screenshot" --window-size=1280,2000 "file://$work/report.html") ||
  fail "chromium --screenshot failed: $(tail -5 "$work/chromium.log")"
[ -s "$screenshot" ] || fail "no screenshot written"
# A blank 1280x2000 page compresses to a few kilobytes; the report's text, chart and tables do not.
size=$(stat -c %s "$screenshot")
[ "$size" -gt 40000 ] || fail "the screenshot is only $size bytes: the page looks blank"

chrome --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" ||
  fail "chromium --print-to-pdf failed: $(tail -5 "$work/chromium.log")"
pages=$(grep -a -c '/Type /Page\b' "$work/report.pdf" || true)
[ "$pages" -ge 2 ] || fail "the printed report has $pages pages, expected several"

echo "e2e.report_html: DOM checked, screenshot $screenshot ($size bytes), $pages printed pages"
