#!/usr/bin/env bash
# Spectral (the OpenAPI linter that ./mvnw verify runs on docs/api/, see .ci/lint-openapi.sh), from
# the npm registry into ~/.cache/spinewise, exactly the versions of .ci/spectral/package-lock.json.
# Idempotent and quiet.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=6.16.3
target="${SPINEWISE_CACHE:-$HOME/.cache/spinewise}/spectral-cli-$version"
if [ -x "$target/node_modules/.bin/spectral" ] && cmp -s "$here/spectral/package-lock.json" "$target/package-lock.json"; then
    exit 0
fi
mkdir -p "$(dirname "$target")"
work=$(mktemp -d "$target.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$here/spectral/package.json" "$here/spectral/package-lock.json" "$work/"
# no install scripts: Spectral needs none, and none of its dependencies' code runs here
(cd "$work" && npm ci --silent --ignore-scripts --no-audit --no-fund >/dev/null)
rm -rf "$target"
mv "$work" "$target"
echo "spectral $("$target/node_modules/.bin/spectral" --version) in $target"
