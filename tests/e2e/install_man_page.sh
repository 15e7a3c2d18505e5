#!/usr/bin/env bash
# The man page and the bash completion name every subcommand, and the man page every option,
# that `mfalint --help` and `mfalint SUBCOMMAND --help` list; `cmake --install` puts the binary,
# the man page, the completion, the rule documents and the samples where CMAKE_INSTALL_PREFIX and
# DESTDIR say; man renders the page without a warning.
set -euo pipefail
: "${MFALINT:?}" "${MFALINT_SOURCE_DIR:?}" "${MFALINT_BUILD_DIR:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
page=$MFALINT_SOURCE_DIR/packaging/mfalint.1
subcommands=$("$MFALINT" --help | sed -n '/^Subcommands:/,$ s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$subcommands" ] || fail "no subcommands in mfalint --help"
for subcommand in $subcommands; do
  grep -q "^\.SS \"$subcommand[ \"]" "$page" || fail "the man page has no section for $subcommand"
  section=$(sed -n "/^\.SS \"$subcommand[ \"]/,/^\.S[SH] /p" "$page" | sed 's/\\-/-/g')
  for option in $("$MFALINT" "$subcommand" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    [ "$option" = --help ] && continue
    [[ $section == *"$option"* ]] || fail "the man page's $subcommand section does not name $option"
  done
done
grep -q '^\.SH EXIT STATUS' "$page" || fail "the man page has no EXIT STATUS"

# The completion offers exactly the subcommands --help lists.
completion=$(PATH="$(dirname "$MFALINT"):$PATH" bash -c 'source "$1"
  COMP_WORDS=(mfalint ""); COMP_CWORD=1; _mfalint; printf "%s\n" "${COMPREPLY[@]}"' _ "$MFALINT_SOURCE_DIR/packaging/mfalint.bash-completion")
[ "$completion" = "$(printf '%s\n' $subcommands --help --version)" ] || fail "the completion offers: $completion"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR=$stage cmake --install "$MFALINT_BUILD_DIR" --prefix /opt/mfalint >/dev/null
for file in bin/mfalint share/man/man1/mfalint.1 share/bash-completion/completions/mfalint \
  share/doc/mfalint/rules/MFA001.md share/doc/mfalint/samples/expected-findings.txt share/doc/mfalint/copyright; do
  [ -f "$stage/opt/mfalint/$file" ] || fail "cmake --install did not install $file under DESTDIR/prefix"
done
[ "$(ls "$stage")" = opt ] || fail "cmake --install wrote outside DESTDIR/prefix: $(ls "$stage")"
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=100 man --warnings -l "$stage/opt/mfalint/share/man/man1/mfalint.1" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man warns: $warnings"
fi
echo "man page, completion and cmake --install: OK"
