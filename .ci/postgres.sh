# Sourced by .ci/run (bash): a throwaway PostgreSQL cluster for the shared-project tests.
#
# Installs Debian's `postgresql` package if no server binaries are there, creates a cluster
# in a temporary folder (trust authentication except for members of
# claimdesk_password_users, who need a password, listening on 127.0.0.1 only, its unix socket
# in the same folder, TLS with a self-signed certificate), starts it on a free port and
# exports CLAIMDESK_TEST_PG, the address the tests read (tests/pg_support), and
# CLAIMDESK_TEST_PG_CA, the certificate. `claimdesk_pg_stop` stops it and removes the folder;
# .ci/run calls it on exit. initdb refuses to run as root, so as root the cluster belongs
# to `nobody`. Run by itself: `bash -c 'source .ci/postgres.sh && claimdesk_pg_start'`.

claimdesk_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

claimdesk_pg_start() {
  local bin
  bin=$(claimdesk_pg_bin || true)
  if [ -z "$bin" ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends postgresql
    bin=$(claimdesk_pg_bin)
  fi
  CLAIMDESK_PG_DIR=$(mktemp -d /tmp/claimdesk-pg.XXXXXX)
  chmod 755 "$CLAIMDESK_PG_DIR"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$CLAIMDESK_PG_DIR"
    as=(runuser -u nobody --)
  fi
  CLAIMDESK_PG_AS=("${as[@]}")
  "${as[@]}" "$bin/initdb" -D "$CLAIMDESK_PG_DIR/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$CLAIMDESK_PG_DIR/initdb.log" 2>&1 || {
    cat "$CLAIMDESK_PG_DIR/initdb.log" >&2
    echo "postgres: initdb failed" >&2
    return 1
  }
  # Members of claimdesk_password_users log in with a password (SCRAM) over TCP, before the
  # trust rules, so that tests can make a role that needs one (tests/shared_password.rs).
  local hba="$CLAIMDESK_PG_DIR/data/pg_hba.conf"
  { echo "host all +claimdesk_password_users 127.0.0.1/32 scram-sha-256"; cat "$hba"; } \
    >"$CLAIMDESK_PG_DIR/hba.new" && cat "$CLAIMDESK_PG_DIR/hba.new" >"$hba" \
    && rm "$CLAIMDESK_PG_DIR/hba.new"
  # A self-signed certificate for 127.0.0.1, so that the TLS tests have a server to verify
  # (CLAIMDESK_TEST_PG_CA is its file).
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout "$CLAIMDESK_PG_DIR/server.key" \
    -out "$CLAIMDESK_PG_DIR/server.crt" >/dev/null 2>&1 || {
    echo "postgres: cannot make the test certificate (is openssl installed?)" >&2
    return 1
  }
  chmod 600 "$CLAIMDESK_PG_DIR/server.key"
  chmod 644 "$CLAIMDESK_PG_DIR/server.crt"
  [ ${#as[@]} -eq 0 ] || chown nobody "$CLAIMDESK_PG_DIR/server.key" "$CLAIMDESK_PG_DIR/server.crt"
  local tls="-c ssl=on -c ssl_cert_file=$CLAIMDESK_PG_DIR/server.crt -c ssl_key_file=$CLAIMDESK_PG_DIR/server.key"
  local port started=""
  for port in $(seq 55432 55452); do
    if "${as[@]}" "$bin/pg_ctl" -D "$CLAIMDESK_PG_DIR/data" -l "$CLAIMDESK_PG_DIR/server.log" \
      -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $port -k $CLAIMDESK_PG_DIR -c max_connections=200 -c fsync=off $tls" \
      start >/dev/null 2>&1; then
      started=$port
      break
    fi
  done
  if [ -z "$started" ]; then
    cat "$CLAIMDESK_PG_DIR/server.log" >&2 || true
    echo "postgres: the server did not start on any port of 55432-55452" >&2
    return 1
  fi
  CLAIMDESK_PG_BIN=$bin
  export CLAIMDESK_TEST_PG="postgres://postgres@127.0.0.1:$started/postgres?sslmode=disable"
  export CLAIMDESK_TEST_PG_CA="$CLAIMDESK_PG_DIR/server.crt"
  echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$started ($CLAIMDESK_PG_DIR)"
}

claimdesk_pg_stop() {
  [ -n "${CLAIMDESK_PG_DIR:-}" ] || return 0
  "${CLAIMDESK_PG_AS[@]}" "$CLAIMDESK_PG_BIN/pg_ctl" -D "$CLAIMDESK_PG_DIR/data" -m immediate \
    stop >/dev/null 2>&1 || true
  rm -rf "$CLAIMDESK_PG_DIR"
  CLAIMDESK_PG_DIR=""
}
