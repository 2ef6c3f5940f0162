#!/usr/bin/env bash
# Runs the whole test suite. On a fresh machine it first installs what the tests need:
# the PostgreSQL server binaries (the harness starts its own throwaway cluster from them)
# and Chromium (the browser tests drive it; nothing downloads a browser of its own).
# Set OVERHOLT_TEST_POSTGRES to a connection string to use an existing server instead,
# and OVERHOLT_CHROMIUM to use another Chromium binary.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
if [ -z "${OVERHOLT_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  packages+=(postgresql)
fi
if [ -z "${OVERHOLT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  packages+=(chromium)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing for the tests: ${packages[*]}..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# --solution: the form every .NET 10 SDK band accepts under Microsoft.Testing.Platform (global.json).
dotnet test --solution Overholt.sln "$@"
