#!/usr/bin/env bash
# Every test: C++ unit tests (ASan/UBSan build), API tests on SQLite and on a throwaway
# PostgreSQL cluster, web unit tests, browser tests. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { echo; echo "== $1 ($((SECONDS - started)) s)"; }

step "lint: clang-format, clang-tidy, translation keys, ESLint, vue-tsc"
make --no-print-directory lint
step "C++ unit tests (AddressSanitizer)"
make --no-print-directory unit-test
step "API tests on SQLite"
bash tests/api/run.sh sqlite
step "API tests on PostgreSQL"
bash tests/api/run.sh postgres
step "web unit tests"
(cd web && npm test --silent)
step "browser tests"
bash e2e/run.sh
step "all tests passed in $((SECONDS - started)) s"
