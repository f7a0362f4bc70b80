#!/usr/bin/env bash
# Brings the whole system up on this machine and runs its main job (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec npx ceasefire up "$@"
