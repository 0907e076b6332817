#!/usr/bin/env bash
# Install what the tests need and run the whole test suite: from Debian, Raptor's rapper and Apache Jena
# (its SHACL engine is checked against pySHACL) with a Java runtime; the package with its test extras in .venv.
# Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

MISSING=()
command -v rapper >/dev/null 2>&1 || MISSING+=(raptor2-utils)
[ -f /usr/share/java/jena-shacl.jar ] || MISSING+=(libapache-jena-java)
command -v java >/dev/null 2>&1 || MISSING+=(default-jre-headless)
command -v unzip >/dev/null 2>&1 || MISSING+=(unzip)
if [ ${#MISSING[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
