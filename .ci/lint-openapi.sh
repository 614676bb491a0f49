#!/usr/bin/env bash
# Lints OpenAPI documents with Spectral and the repository's .spectral.yaml (spectral:oas): any error
# or warning fails. Without arguments: both services' documents in docs/api/. Installs Spectral first
# when it is missing (.ci/install-spectral.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-spectral.sh
spectral="${SPINEWISE_CACHE:-$HOME/.cache/spinewise}/spectral-cli-6.16.3/node_modules/.bin/spectral"
if [ $# -eq 0 ]; then
    set -- docs/api/catalog-service.openapi.yaml docs/api/plan-service.openapi.yaml
fi
"$spectral" lint --ruleset .spectral.yaml --fail-severity warn "$@"
