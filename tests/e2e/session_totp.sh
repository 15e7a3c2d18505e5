#!/usr/bin/env bash
# `mfalint totp` agrees with Debian's oathtool on the codes of many seeds, times and lengths, and
# refuses a bad seed or length with exit 2.
set -euo pipefail
source "$MFALINT_SOURCE_DIR/tests/session/e2e_helpers.sh"
command -v oathtool >/dev/null ||
  missing_tool "oathtool is not installed (apt-get install oathtool): mfalint totp was NOT compared with it"

seeds=(GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ JBSWY3DPEHPK3PXP
  HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ K5QWS3DFOJWWCZDJNZSGC3TPOJTWC3TJMZSGC3DFMFZXIZLSNRQXG5DFMN2WOZLS)
times=(0 59 1111111109 1234567890 2000000000 20000000000 $(date +%s))
checked=0
for seed in "${seeds[@]}"; do
  for t in "${times[@]}"; do
    for digits in 6 8; do
      ours=$("$MFALINT" totp --secret "$seed" --time "$t" --digits "$digits")
      theirs=$(oathtool --totp -b -d "$digits" --now "@$t" "$seed")
      [ "$ours" = "$theirs" ] || fail "seed $seed time $t digits $digits: mfalint $ours, oathtool $theirs"
      checked=$((checked + 1))
    done
  done
done
# Without --time, now: the same as oathtool's now (or the step just before, if a step boundary passed).
now=$(date +%s)
ours=$("$MFALINT" totp --secret JBSWY3DPEHPK3PXP)
[ "$ours" = "$(oathtool --totp -b --now "@$now" JBSWY3DPEHPK3PXP)" ] ||
  [ "$ours" = "$(oathtool --totp -b --now "@$((now + 30))" JBSWY3DPEHPK3PXP)" ] || fail "totp of now: $ours"
# Lower case and spaces, as apps show seeds.
[ "$("$MFALINT" totp --secret 'jbsw y3dp ehpk 3pxp' --time 59)" = "$(oathtool --totp -b --now @59 JBSWY3DPEHPK3PXP)" ] ||
  fail "a seed in lower case with spaces"

run totp --secret 'not base32!' --time 59
expect_status 2 "a seed that is not base32"
expect_in "$err" "is not base32" "bad seed"
run totp --secret JBSWY3DPEHPK3PXP --digits 7
expect_status 2 "7 digits"
run totp --time 59
expect_status 2 "no seed"
run totp --secret JBSWY3DPEHPK3PXP --time -1
expect_status 2 "a negative time"

echo "session_totp: $checked codes agree with oathtool"
