#!/usr/bin/env bash
# Installs what replybench needs on a fresh Debian/Ubuntu machine: Chromium (to
# print the PDF), fonts named by the report, poppler-utils (the PDF tests),
# then the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-core fonts-noto-color-emoji fonts-dejavu poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: please install as root: apt-get install -y ${missing[*]}" >&2; exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
