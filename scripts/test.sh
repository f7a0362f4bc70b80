#!/usr/bin/env bash
# The one command that runs every check: types, lint, unit tests and the integration tests
# against real Kafka and Postgres (started by the tests' global setup when none is given).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint"; npx eslint .
echo "== tests"; npx vitest run "$@"
