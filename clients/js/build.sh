#!/usr/bin/env bash
# Builds and tests @pulse/client from a clean checkout: what the root build / CI calls.
#   bash clients/js/build.sh
# Needs Node 20+ and npm; installs exactly package-lock.json (which names no registry host: npm ci resolves each
# package from the configured registry).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
npm test
