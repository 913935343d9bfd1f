#!/usr/bin/env bash
# Browser tests: a demo database, the release server with the built web app, Debian Chromium
# driven by playwright-core under node --test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/tongxin-e2e-XXXXXX)
trap 'rm -rf "$work"' EXIT
export TONGXIN_BIN="$root/build/tongxin"
export TONGXIN_WEB="$root/web/dist"
export TONGXIN_E2E_WORK="$work"
export TONGXIN_TEST_PASSWORD='Demo-pass-2021'
export TONGXIN_KEY_FILE="$work/test.key"
"$TONGXIN_BIN" demo --db "$work/template.db" --admin-password "$TONGXIN_TEST_PASSWORD" >/dev/null
sqlite3 "$work/template.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cd "$root/e2e"
NODE_PATH="$root/web/node_modules" node --test --test-concurrency=1 ${E2E_FILES:-./*.test.mjs}
