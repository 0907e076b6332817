#!/usr/bin/env bash
# Start or stop the triple-store servers the tests load into: an Oxigraph server and Virtuoso Open Source, both on
# loopback, on free ports, with fresh databases in a temporary directory.
#
#   eval "$(bash scripts/servers.sh start)"   # prints export lines: KG_TEST_OXIGRAPH, KG_TEST_VIRTUOSO, …
#   bash scripts/servers.sh stop              # stops what the start in this environment started
#
# Needs oxigraph (pip package oxigraph, a test extra) in $VENV_BIN (default .venv/bin) and Debian's
# virtuoso-opensource.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV_BIN:-$PWD/.venv/bin}

free_port() { "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() {  # URL SECONDS NAME LOG
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        if curl -s -o /dev/null -f -H 'Accept: application/sparql-results+json' "$1"; then return 0; fi
        sleep 0.1
    done
    echo "servers.sh: $3 did not answer at $1 within $2 s; its log:" >&2
    tail -20 "$4" >&2
    return 1
}

start() {
    local dir oxi_port virt_port isql_port password ini
    dir=$(mktemp -d "${TMPDIR:-/tmp}/fupin-kg-servers.XXXXXX")

    oxi_port=$(free_port)
    "$BIN/oxigraph" serve --location "$dir/oxigraph" --bind "127.0.0.1:$oxi_port" --union-default-graph \
        < /dev/null > "$dir/oxigraph.log" 2>&1 &
    echo $! > "$dir/oxigraph.pid"

    virt_port=$(free_port)
    isql_port=$(free_port)
    mkdir -p "$dir/virtuoso"
    ini="$dir/virtuoso/virtuoso.ini"
    cp /etc/virtuoso-opensource-7/virtuoso.ini "$ini"
    for k in DatabaseFile:virtuoso.db ErrorLogFile:virtuoso.log LockFile:virtuoso.lck TransactionFile:virtuoso.trx \
             xa_persistent_file:virtuoso.pxa; do
        inifile +inifile "$ini" +section Database +key "${k%%:*}" +value "$dir/virtuoso/${k#*:}"
    done
    inifile +inifile "$ini" +section TempDatabase +key DatabaseFile +value "$dir/virtuoso/virtuoso-temp.db"
    inifile +inifile "$ini" +section TempDatabase +key TransactionFile +value "$dir/virtuoso/virtuoso-temp.trx"
    inifile +inifile "$ini" +section Parameters +key ServerPort +value "127.0.0.1:$isql_port"
    inifile +inifile "$ini" +section HTTPServer +key ServerPort +value "127.0.0.1:$virt_port"
    (cd "$dir/virtuoso" && exec /usr/bin/virtuoso-t +foreground +configfile "$ini") \
        < /dev/null > "$dir/virtuoso/virtuoso.out" 2>&1 &
    echo $! > "$dir/virtuoso.pid"

    wait_for "http://127.0.0.1:$oxi_port/query?query=ASK%7B%7D" 30 "the Oxigraph server" "$dir/oxigraph.log" >&2
    wait_for "http://127.0.0.1:$virt_port/sparql?query=ASK%7B%7D" 120 Virtuoso "$dir/virtuoso/virtuoso.log" >&2
    password=$("$BIN/python" -c 'import secrets; print("kg" + secrets.token_hex(8))')
    if ! isql-vt "127.0.0.1:$isql_port" dba dba exec="SET PASSWORD dba $password;" > "$dir/virtuoso/isql.out" 2>&1 \
            || grep -q "Error" "$dir/virtuoso/isql.out"; then
        echo "servers.sh: could not set Virtuoso's dba password:" >&2
        cat "$dir/virtuoso/isql.out" >&2
        return 1
    fi

    echo "export KG_TEST_SERVERS_DIR=$dir"
    echo "export KG_TEST_OXIGRAPH=http://127.0.0.1:$oxi_port"
    echo "export KG_TEST_VIRTUOSO=http://127.0.0.1:$virt_port"
    echo "export KG_TEST_VIRTUOSO_PASSWORD=$password"
}

stop() {
    local dir=${KG_TEST_SERVERS_DIR:-}
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    local name pid
    for name in oxigraph virtuoso; do
        if [ -f "$dir/$name.pid" ]; then
            pid=$(cat "$dir/$name.pid")
            kill "$pid" 2> /dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2> /dev/null || true
        fi
    done
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
