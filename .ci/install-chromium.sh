#!/usr/bin/env bash
# Chromium and its WebDriver from Debian, for the browser journeys in e2e-tests. Idempotent and
# quiet: does nothing when /usr/bin/chromium is already there.
set -euo pipefail
emoji_font=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f "$emoji_font" ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
else
    echo "install-chromium: not root and no sudo; install the Debian packages chromium and chromium-driver" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
# the emoji font only makes the screenshots look as they do on a phone
"${as_root[@]}" apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji >/dev/null 2>&1 \
    || "${as_root[@]}" apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji
/usr/bin/chromium --version 2>/dev/null
