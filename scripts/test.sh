#!/usr/bin/env bash
# Runs the whole test suite. On a fresh machine it first installs what the tests need:
# the PostgreSQL server binaries (the harness starts its own throwaway cluster from them).
# Set OVERHOLT_TEST_POSTGRES to a connection string to use an existing server instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${OVERHOLT_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing the PostgreSQL server for the tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi

dotnet test Overholt.sln "$@"
