#!/usr/bin/env bash
# Installs the Debian packages recon's build needs, when they are missing. Idempotent and quiet
# when everything is present. Set RECON_SETUP_EXTRA="pkg ..." to add packages (CI adds chromium).
set -euo pipefail
pkgs=(cmake ninja-build g++ pkg-config libboost-dev libboost-graph-dev libboost-date-time-dev
      libyaml-cpp-dev libspdlog-dev doctest-dev nlohmann-json3-dev libcli11-dev libre2-dev libmimalloc-dev
      libbenchmark-dev python3 ${RECON_SETUP_EXTRA:-})
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
