#!/usr/bin/env bash
# axe-core (the accessibility engine the browser tests inject into each page), from the npm
# registry into ~/.cache/spinewise. Idempotent and quiet.
set -euo pipefail
version=4.14.1
target="${SPINEWISE_CACHE:-$HOME/.cache/spinewise}/axe-core-$version"
if [ -f "$target/axe.min.js" ]; then
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$version" >/dev/null && tar -xzf "axe-core-$version.tgz")
mkdir -p "$target"
cp "$work/package/axe.min.js" "$work/package/LICENSE" "$target/"
echo "axe-core $version in $target"
