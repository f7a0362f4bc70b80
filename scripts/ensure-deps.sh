#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lock file, so that a
# fresh clone needs no separate install step. Quick (a stat) when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
  echo "ceasefire: installing npm dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
