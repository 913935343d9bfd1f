# Tongxin — the two commands a fresh Debian 12 machine needs: `make run` and `make test`.
SHELL := /bin/bash
# Let ccache reuse objects across checkouts in different folders (CI clones).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
DB ?= data/tongxin.db
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: deps build server web run test unit-test api-test api-test-sqlite api-test-postgres web-test e2e-test \
        bench format lint format-check tidy web-lint clean

deps:
	@bash scripts/deps.sh

server:
	@cmake --preset release >/dev/null
	@cmake --build --preset release --target tongxin

web:
	@cd web && npm run --silent build

build: deps server web

run: build
	@bash scripts/run.sh "$(DB)" "$(HOST)" "$(PORT)"

test: build
	@bash scripts/test.sh

unit-test:
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan --target tongxin_unit_tests
	@cd build-asan && ctest --output-on-failure -j2

api-test-sqlite:
	@bash tests/api/run.sh sqlite

api-test-postgres:
	@bash tests/api/run.sh postgres

api-test: api-test-sqlite api-test-postgres

web-test:
	@cd web && npm test --silent

e2e-test:
	@bash e2e/run.sh

bench: build
	@bash bench/run.sh

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

# The whole of `make lint` runs inside `make test`: clang-format, clang-tidy over every server
# source (two at a time), and the web's locale-key check, ESLint and vue-tsc.
lint: format-check tidy web-lint

tidy:
	@cmake --preset release >/dev/null
	@run-clang-tidy -p build -quiet -j 2 'server/(app|core|modules)/.*(?<!_test)\.cpp$$' > build/clang-tidy.log 2>&1 \
	  || { grep -E 'warning:|error:' build/clang-tidy.log | sort -u; echo 'clang-tidy: findings above (build/clang-tidy.log)'; exit 1; }
	@echo "clang-tidy: no findings"

format-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

web-lint:
	@cd web && npm run --silent lint

clean:
	rm -rf build build-asan web/dist
