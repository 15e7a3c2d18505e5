# Shared by tests/e2e/session_*.sh (sourced, not run): servers that stop with the script, an AWS
# environment of the test's own, and checks that say what went wrong.

: "${MFALINT:?set MFALINT to the mfalint binary}"
: "${MFALINT_SOURCE_DIR:?set MFALINT_SOURCE_DIR to the source tree}"

fail() { echo "FAIL: $*" >&2; exit 1; }

# missing_tool MESSAGE: a tool the test needs cannot be had (a failure under CI=true, else a skip).
source "$MFALINT_SOURCE_DIR/tests/support/missing_tool.sh"

work=$(mktemp -d)
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT  # so that a timeout or Ctrl-C still stops the servers

# Nothing from the caller's AWS setup may leak in: a test's files and variables are its own.
for name in $(env | sed -n 's/^\(AWS_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$name"; done
export HOME="$work/home"
mkdir -p "$HOME/.aws"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for_port() {  # PORT SECONDS
  python3 - "$1" "$2" <<'PY' || fail "nothing listens on port $1 after $2 s"
import socket, sys, time
deadline = time.time() + float(sys.argv[2])
while time.time() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
}

# Starts tests/session/fake_sts_server.py; sets fake_sts to its base URL and fake_log to its request log.
start_fake_sts() {
  python3 "$MFALINT_SOURCE_DIR/tests/session/fake_sts_server.py" --port-file "$work/fake.port" \
    --log "$work/fake.log" 2>"$work/fake.err" &
  server_pids+=($!)
  for _ in $(seq 100); do [ -s "$work/fake.port" ] && break; sleep 0.1; done
  [ -s "$work/fake.port" ] || fail "the fake STS server did not start: $(cat "$work/fake.err")"
  fake_sts="http://127.0.0.1:$(cat "$work/fake.port")"
  fake_log="$work/fake.log"
}

# Runs mfalint; sets status, out, err (file contents) and elapsed (seconds).
run() {
  local start=$SECONDS
  set +e
  "$MFALINT" "$@" >"$work/out" 2>"$work/err" </dev/null
  status=$?
  set -e
  elapsed=$((SECONDS - start))
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}

expect_status() {  # STATUS WHAT
  [ "$status" -eq "$1" ] || fail "$2: exit status $status, expected $1; stdout: $out; stderr: $err"
}

expect_in() {  # TEXT NEEDLE WHAT
  [[ "$1" == *"$2"* ]] || fail "$3: expected '$2' in: $1"
}

# No secret of the long-term key may appear in anything mfalint printed.
expect_no_secret() {  # SECRET
  [[ "$out$err" != *"$1"* ]] || fail "a secret was printed: $out $err"
}

snapshot() { cp -p "$1" "$work/snapshot"; }
expect_unchanged() {  # FILE WHAT
  cmp -s "$1" "$work/snapshot" || fail "$2: $1 changed:$(diff "$work/snapshot" "$1")"
  [ "$(find "$(dirname "$1")" -maxdepth 1 -name '.*mfalint-*' | wc -l)" -eq 0 ] || fail "$2: a temporary file was left"
}

requests() { if [ -s "$fake_log" ]; then wc -l <"$fake_log"; else echo 0; fi; }
