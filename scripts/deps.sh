#!/usr/bin/env bash
# Installs everything Tongxin's build, run and tests need on Debian 12. Safe to run twice:
# it only calls apt-get when a package is missing, and npm ci only when the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config ccache git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15
  libsodium-dev libicu-dev libqrencode-dev libxlsxwriter-dev libvips-dev
  zlib1g-dev libzip-dev zipcmp zipmerge ziptool libpugixml-dev
  libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev wrk
  chromium fonts-noto-cjk clang-format clang-tidy
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null 2>&1; then
  echo "deps: Node.js 20 is required (node was not found on PATH)" >&2
  exit 1
fi

# npm ci only when package-lock.json changed since the last successful install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.tongxin-lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "deps: npm ci"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
