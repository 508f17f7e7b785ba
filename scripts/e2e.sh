#!/usr/bin/env bash
# npm run test:e2e — the VS Code end-to-end test (docs/e2e.md) on its own: packages the
# extension with `npm run package` (build + vsce → tcpflow.vsix), then runs
# test/e2e against that VSIX. Extra arguments go to vitest (e.g. -t hover).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run package
TCPFLOW_E2E_VSIX=tcpflow.vsix exec node_modules/.bin/vitest run test/e2e "$@"
