#!/usr/bin/env bash
# Install what the tests need and run everything CI checks: from Debian, Raptor's rapper, Apache Jena
# (its SHACL engine is checked against pySHACL) with a Java runtime, Graphviz with the Noto CJK fonts (the
# responsibility-network drawings) and Virtuoso Open Source; the package with its test and docs extras (the
# Oxigraph server, ruff, mypy, MkDocs among them) in .venv. Then, with no arguments: ruff (lint and format),
# mypy and `mkdocs build --strict`; then starts an Oxigraph server and Virtuoso on loopback (scripts/servers.sh),
# runs pytest (with any arguments given, e.g. one test file) and stops the servers.
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
command -v virtuoso-t >/dev/null 2>&1 || MISSING+=(virtuoso-opensource)
command -v curl >/dev/null 2>&1 || MISSING+=(curl)
if [ ${#MISSING[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    # Virtuoso's package asks for a dba password; the test servers set their own on first start.
    printf '%s\n' "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" \
        "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | $SUDO debconf-set-selections
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,docs]'

if [ $# -eq 0 ]; then
    .venv/bin/ruff check kg tests bench scripts
    .venv/bin/ruff format --check kg tests bench scripts
    .venv/bin/mypy
    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --site-dir "$(mktemp -d)"
fi

eval "$(bash scripts/servers.sh start)"
trap 'bash scripts/servers.sh stop' EXIT
export KG_REQUIRE_SERVERS=1  # a test that needs a server fails, not skips, when one is missing
.venv/bin/python -m pytest "$@"
