#!/usr/bin/env bash
# tools/package's Debian package and release tarball, taken the way a user takes them, on a bare
# Debian 12 (debootstrap --variant=minbase: no compiler, no -dev package, no libcurl):
#   - the .deb holds only the installed files, depends on exactly what the binary loads, and names
#     the catalog's licence; the tarball's SHA-256 sum checks;
#   - the tarball's binary runs `check` in the bare root with no extra package, gives the build
#     tree's findings, and says clearly that `session` needs libcurl4;
#   - `apt-get install ./mfalint_*.deb` gives an mfalint whose check of the installed samples gives
#     the build tree's findings, whose rules, simulate and session (libcurl loaded) work, and whose
#     man page and bash completion work once man-db and bash-completion are there.
# The bare root is made once per build tree (MFALINT_BUILD_DIR/debian12-minbase.tar) and unpacked
# afresh for each run. Needs root, debootstrap and the Debian mirror (MFALINT_DEBIAN_MIRROR, else
# the one in this machine's apt sources).
set -euo pipefail
: "${MFALINT:?set MFALINT to the mfalint binary}"
: "${MFALINT_SOURCE_DIR:?set MFALINT_SOURCE_DIR to the source tree}"
: "${MFALINT_BUILD_DIR:?set MFALINT_BUILD_DIR to the build tree}"

skip() {
  echo "########################################################################" >&2
  echo "## SKIPPED e2e.install_bare_debian: $*" >&2
  echo "## The Debian package and the release tarball were NOT tested." >&2
  echo "########################################################################" >&2
  [ "${CI:-}" = true ] && exit 1  # in CI a missing tool is a failure
  exit 77
}
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || skip "debootstrap and chroot need root"
command -v debootstrap >/dev/null || PATH=$PATH:/usr/sbin:/sbin
command -v debootstrap >/dev/null || skip "debootstrap is not installed (tools/setup --test)"

work=$(mktemp -d)
root=$work/root
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 "$@"; }

host_mirror() {
  sed -n -e 's/^URIs: *\(\S*\/debian\)\/\?$/\1/p' -e 's/^deb \(\[[^]]*\] \)\?\(\S*\/debian\)\/\? bookworm .*/\2/p' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 || true
}
mirror=${MFALINT_DEBIAN_MIRROR:-$(host_mirror)}
mirror=${mirror:-http://deb.debian.org/debian}
cache=$MFALINT_BUILD_DIR/debian12-minbase.tar
if [ ! -f "$cache" ]; then
  echo "debootstrap --variant=minbase bookworm from $mirror (once per build tree)"
  debootstrap --variant=minbase bookworm "$work/seed" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
  tar -C "$work/seed" -cf "$cache.part" . && mv "$cache.part" "$cache"
  rm -rf "$work/seed"
fi
mkdir "$root"
tar -C "$root" -xf "$cache"
installed() { in_root dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for package in gcc g++ libc6-dev libcurl4 man-db; do installed "$package" && fail "the root is not bare: it has $package"; done

# The package, from the build tree the tests use (same flags as tools/package's own).
dist=$work/dist
(cd "$MFALINT_SOURCE_DIR" && MFALINT_PACKAGE_BUILD_DIR=$MFALINT_BUILD_DIR MFALINT_PACKAGE_DIST_DIR=$dist tools/package)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$MFALINT_BUILD_DIR/CMakeCache.txt")
deb=$dist/mfalint_${version}_amd64.deb
tarball=$dist/mfalint-$version-linux-x86_64.tar.gz
[ -f "$deb" ] || fail "no $deb in: $(ls "$dist")"
(cd "$dist" && sha256sum -c "$(basename "$tarball").sha256") || fail "the tarball's SHA-256 sum does not check"

# The .deb: only installed files, and the dependencies the binary has.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' >"$work/files"
bad=$(grep -vE '^\./usr/(bin/mfalint|share/man/man1/mfalint\.1|share/bash-completion/completions/mfalint|share/doc/mfalint/(README\.md|CHANGELOG\.md|copyright|docs/[a-z-]+\.md|rules/.*|samples/.*))$' "$work/files" || true)
[ -z "$bad" ] || fail "files the package should not hold: $bad"
grep -qx './usr/share/doc/mfalint/rules/MFA001.md' "$work/files" || fail "no rule documents in the package"
grep -qx './usr/share/doc/mfalint/samples/expected-findings.txt' "$work/files" || fail "no samples in the package"
dpkg-deb -x "$deb" "$work/deb"
binary=$work/deb/usr/bin/mfalint
grep -qF -e "$MFALINT_BUILD_DIR" -e "$MFALINT_SOURCE_DIR" "$binary" && fail "the packaged binary holds build or source paths"
needed=$(objdump -p "$binary" | awk '$1 == "NEEDED" {print $2}' | sort | tr '\n' ' ')
[ "$needed" = "ld-linux-x86-64.so.2 libc.so.6 libm.so.6 " ] || fail "the binary loads more than libc6 gives: $needed"
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
depends=$(dpkg-deb -f "$deb" Depends)
[ "$depends" = "libc6 (>= $glibc), libcurl4 | libcurl4t64" ] || fail "Depends is '$depends', the binary needs glibc $glibc and dlopens libcurl4"
grep -q "^License: MIT" "$work/deb/usr/share/doc/mfalint/copyright" &&
  grep -q "Copyright (c) 2024 Act Security" "$work/deb/usr/share/doc/mfalint/copyright" ||
  fail "the copyright file does not name the catalog's licence"

# What the build tree reports for the samples: the reference both installs must give.
expected=$(cd "$MFALINT_SOURCE_DIR" && { "$MFALINT" check samples/ || echo "exit $?"; })
[[ $expected == *"[MFA001]"*"exit 2" ]] || fail "the build tree's check of the samples: $expected"

# The tarball's binary, in the bare root, with nothing installed.
tar -C "$root/opt" -xzf "$tarball"
[ "$(ls "$root/opt/mfalint-$version-linux-x86_64")" = mfalint ] || fail "the tarball holds more than the binary"
cp -r "$MFALINT_SOURCE_DIR/samples" "$root/opt/samples"
out=$(in_root /bin/sh -c "cd /opt && mfalint-$version-linux-x86_64/mfalint check samples/ || echo \"exit \$?\"")
[ "$out" = "$expected" ] || fail "the tarball's check differs from the build tree's: $(diff <(echo "$expected") <(echo "$out"))"
in_root "/opt/mfalint-$version-linux-x86_64/mfalint" --version | grep -qx "mfalint $version (catalog: .*)" ||
  fail "the tarball's --version"
mkdir -p "$root/root/.aws"
printf '[base]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n' >"$root/root/.aws/credentials"
session=(session --profile base --serial-number arn:aws:iam::123456789012:mfa/alice --token-code 123456
  --region us-east-1 --endpoint-url http://127.0.0.1:9 --timeout 2)
if out=$(in_root "/opt/mfalint-$version-linux-x86_64/mfalint" "${session[@]}" 2>&1); then fail "session ran without libcurl: $out"; fi
[[ $out == *"libcurl.so.4"*"libcurl4"* ]] || fail "session without libcurl gives no clear error: $out"

# The package, installed as docs/install.md says, with apt resolving its dependencies.
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" 2>/dev/null || echo "note: /proc could not be mounted in the root; going on without it" >&2
cp "$deb" "$root/tmp/"
in_root apt-get update -qq >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
  { tail -20 "$work/apt.log" >&2; fail "apt-get install of the package failed"; }
for package in gcc libc6-dev; do installed "$package" && fail "the package pulled in $package"; done
out=$(in_root /bin/sh -c "cd /usr/share/doc/mfalint && mfalint check samples/ || echo \"exit \$?\"")
[ "$out" = "$expected" ] || fail "the installed check differs from the build tree's: $(diff <(echo "$expected") <(echo "$out"))"
in_root mfalint rules MFA001 | grep -q "## Why is this bad?" || fail "mfalint rules MFA001"
in_root mfalint simulate --policy /usr/share/doc/mfalint/samples/mfa-protected-s3.json --action s3:GetObject \
  --resource arn:aws:s3:::example-reports/q3.csv --mfa-matrix | grep -q "protected: yes" || fail "mfalint simulate"
cp "$MFALINT_SOURCE_DIR/tests/fixtures/account-dump/account.json" "$root/tmp/"
expected_audit=$("$MFALINT" audit "$root/tmp/account.json" 2>&1 | sed "s|$root||g" || true)
[ "$(in_root mfalint audit /tmp/account.json 2>&1 || true)" = "$expected_audit" ] || fail "the installed audit differs"
# session now loads libcurl: against a closed port it reaches for the endpoint, and against moto's
# STS (on this machine's loopback, which the root shares) it gets and stores a session.
if out=$(in_root mfalint "${session[@]}" 2>&1); then fail "session against a closed port succeeded: $out"; fi
[[ $out != *"libcurl.so.4"* && $out == *"127.0.0.1"* ]] || fail "session did not get as far as the endpoint: $out"
if command -v moto_server >/dev/null; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto=$!
  for _ in $(seq 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  session[${#session[@]} - 3]=http://127.0.0.1:$port
  out=$(in_root mfalint "${session[@]}" 2>&1) || { kill "$moto"; fail "session against moto's STS: $out"; }
  kill "$moto"
  grep -q '^\[base-mfa\]' "$root/root/.aws/credentials" || fail "no session stored: $out"
elif [ "${CI:-}" = true ]; then
  fail "moto_server is not installed (tools/setup --test): session against STS NOT tested"
else
  echo "## NOTE: moto_server is not installed: session against an STS endpoint NOT tested" >&2
fi

# man and bash completion, once their packages are there.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends man-db bash-completion >"$work/apt.log" 2>&1 ||
  { tail -20 "$work/apt.log" >&2; fail "apt-get install man-db bash-completion failed"; }
man=$(in_root env MANPAGER=cat MANWIDTH=100 man mfalint 2>&1) || fail "man mfalint: $man"
for heading in NAME SYNOPSIS COMMANDS "EXIT STATUS"; do [[ $man == *"$heading"* ]] || fail "man mfalint has no $heading"; done
completion=$(in_root bash -c 'source /usr/share/bash-completion/bash_completion
  __load_completion mfalint || exit 1
  COMP_WORDS=(mfalint ch); COMP_CWORD=1; _mfalint; echo "${COMPREPLY[*]}"
  COMP_WORDS=(mfalint check --format s); COMP_CWORD=3; _mfalint; echo "${COMPREPLY[*]}"') || fail "bash completion did not load"
[ "$completion" = $'check\nsarif' ] || fail "bash completion: $completion"
echo "e2e.install_bare_debian: OK (mfalint $version, Depends: $depends)"
