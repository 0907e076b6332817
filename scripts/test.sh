#!/usr/bin/env bash
# Install what the tests need and run the whole test suite: from Debian, Raptor's rapper, Apache Jena
# (its SHACL engine is checked against pySHACL) with a Java runtime, and Graphviz with the Noto CJK fonts (the
# responsibility-network drawings); the package with its test extras in .venv.
# Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

MISSING=()
command -v rapper >/dev/null 2>&1 || MISSING+=(raptor2-utils)
[ -f /usr/share/java/jena-shacl.jar ] || MISSING+=(libapache-jena-java)
command -v java >/dev/null 2>&1 || MISSING+=(default-jre-headless)
command -v unzip >/dev/null 2>&1 || MISSING+=(unzip)
command -v dot >/dev/null 2>&1 || MISSING+=(graphviz)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || MISSING+=(fonts-noto-cjk)
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
