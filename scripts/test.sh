#!/usr/bin/env bash
# The whole suite: integration tests on SQLite, again on PostgreSQL (when its binaries are present),
# the production build, then browser tests against the built Express server on a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
POSTGRES_BIN="${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== Installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium not found at $CHROMIUM_PATH. Install it (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

echo "== Lint (ESLint: rules and import cycles) and format (Prettier)"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Not formatted: run npm run format" >&2; exit 1; }

echo "== Type check"
npx tsc --noEmit

echo "== Integration tests on SQLite"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/sqlite.json"

if [ -x "$POSTGRES_BIN/initdb" ]; then
  echo "== Integration tests on PostgreSQL (private cluster)"
  TEST_DB=postgres npx vitest run --reporter=default --reporter=json --outputFile.json="$results/postgres.json"
else
  echo "== PostgreSQL run skipped: no initdb in $POSTGRES_BIN (set POSTGRES_BIN)"
fi

if [ -n "${MONGODB_URL:-}" ]; then
  echo "== Integration tests on MongoDB ($MONGODB_URL)"
  TEST_DB=mongodb npx vitest run --reporter=default --reporter=json --outputFile.json="$results/mongodb.json"
else
  echo "== MongoDB run skipped: MONGODB_URL not set (no MongoDB server on this machine)"
fi

echo "== Production build"
npm run build

echo "== Browser tests (Playwright, Debian chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$results"
