#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine (g++, cmake, git, node, npm) lacks: the Debian
# packages Tongxin builds and tests with, and the web app's npm packages. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  ninja-build pkg-config ccache tzdata ca-certificates curl
  libboost1.81-all-dev libsoci-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15
  libsodium-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev libhowardhinnant-date-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev libcurl4-openssl-dev
  libcairo2-dev libpango1.0-dev fonts-noto-cjk libqrencode-dev libgtest-dev
  chromium chromium-driver wrk poppler-utils zbar-tools zip unzip
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages, reinstalled only when the lock file changed.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
