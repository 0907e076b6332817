#!/usr/bin/env bash
# Install what the tests need (Raptor's rapper from Debian, the package with its test extras
# in .venv) and run the whole test suite. Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rapper >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq raptor2-utils >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
