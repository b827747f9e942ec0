#!/usr/bin/env bash
# Every test: C++ (AddressSanitizer + UBSan) on SQLite, the same again on a real
# PostgreSQL 15 started here and stopped afterwards, web unit tests, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${JOBS:-2}

cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/scripts/lsan.supp}

echo "== C++ tests on SQLite"
(cd build/asan && ctest -j "$jobs" --output-on-failure)

echo "== OpenAPI document (Redocly lint: no errors)"
apidir=$(mktemp -d /tmp/tongxin-openapi-XXXXXX)
build/asan/tongxin openapi --db "sqlite:$apidir/o.db" --log-level warn > "$apidir/openapi.json"
(cd web && REDOCLY_TELEMETRY=off npx redocly lint --format=stylish "$apidir/openapi.json")
rm -rf "$apidir"

echo "== C++ tests on PostgreSQL 15"
pgdir=$(mktemp -d /tmp/tongxin-pg-XXXXXX)
port=$((56000 + RANDOM % 2000))
cleanup() { "$root/scripts/pg.sh" stop "$pgdir" || true; }
trap cleanup EXIT
url=$("$root/scripts/pg.sh" start "$pgdir" "$port")
(cd build/asan && TONGXIN_TEST_DB="$url" ctest -j "$jobs" --output-on-failure)
cleanup
trap - EXIT

echo "== web unit tests"
(cd web && npx vitest run)

echo "== browser tests"
(cd web && npm run build --silent)
TONGXIN_BIN="$root/build/asan/tongxin" node --test web/e2e/
echo "all tests passed"
