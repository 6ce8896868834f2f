#!/usr/bin/env bash
# Installs Debian's Chromium and its chromedriver for tests/Search.Browser.Tests, only when missing.
# Idempotent and quiet: safe to call on every CI run. Needs root (or sudo) and apt-get.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "Installing ${missing[*]} for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: $(chromium --version 2>/dev/null | head -1)"
