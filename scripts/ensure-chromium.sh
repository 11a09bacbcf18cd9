#!/bin/sh
# Makes sure the e2e suite has a browser: the system Chromium when present; on Debian as
# root, install it with apt-get; otherwise Playwright's own download.
set -e
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No system Chromium found; using Playwright's own browser."
npx playwright install chromium
