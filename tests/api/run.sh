#!/usr/bin/env bash
# Runs the API tests against one backend. The demo is loaded once into a template (an SQLite
# file, or a PostgreSQL template database); each test file starts its own server on a copy.
set -euo pipefail
backend=${1:-sqlite}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/tongxin-api-XXXXXX)
chmod 755 "$work"
export TONGXIN_BIN="$root/build/tongxin"
export TONGXIN_TEST_BACKEND=$backend
export TONGXIN_TEST_WORK=$work
export TONGXIN_TEST_PASSWORD='Demo-pass-2021'
export TONGXIN_KEY_FILE="$work/test.key"

pg_bin=/usr/lib/postgresql/15/bin
cleanup() {
  if [ "$backend" = postgres ] && [ -f "$work/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$backend" = postgres ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$work/pg" "$work/sock"
  chown postgres:postgres "$work/pg" "$work/sock"
  chmod 700 "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-k $work/sock -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c max_connections=200" start >/dev/null
  export TONGXIN_TEST_PG="postgresql://postgres@127.0.0.1:$port"
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE tongxin_template" >/dev/null
  export TONGXIN_TEST_TEMPLATE=tongxin_template
  "$TONGXIN_BIN" demo --db "$TONGXIN_TEST_PG/tongxin_template" --admin-password "$TONGXIN_TEST_PASSWORD" >/dev/null
else
  export TONGXIN_TEST_TEMPLATE="$work/template.db"
  "$TONGXIN_BIN" demo --db "$TONGXIN_TEST_TEMPLATE" --admin-password "$TONGXIN_TEST_PASSWORD" >/dev/null
  sqlite3 "$TONGXIN_TEST_TEMPLATE" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi

cd "$root/tests/api"
shift || true
if [ $# -gt 0 ]; then files=("$@"); else files=(./*.test.mjs); fi
node --test --test-concurrency=1 "${files[@]}"
