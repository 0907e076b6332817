"""kg load --endpoint and kg query --endpoint against real servers: the Oxigraph server and Virtuoso, started by
scripts/servers.sh; proxies in between cut connections, answer 503, or let the test kill the server midway."""

import http.server
import socket
import threading
import urllib.request

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import main

G = "https://example.org/fupin/test-graph"


def kg(*args, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


@pytest.fixture(scope="module")
def export_graph():
    return rdflib.Graph().parse(data=CliRunner().invoke(main, ["export", "--format", "nt"]).output, format="nt")


def graph_at(query_url, graph=G):
    result = kg(
        "query",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
        "--endpoint",
        query_url,
        "--format",
        "nt",
    )
    assert result.exit_code == 0, result.output
    return rdflib.Graph().parse(data=result.output, format="nt")


@pytest.fixture
def virtuoso_login(virtuoso, monkeypatch):
    url, password = virtuoso
    monkeypatch.setenv("KG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", password)
    return url


# Loading and querying back


def test_oxigraph_twice_into_one_graph_leaves_exactly_the_export(oxigraph_url, export_graph):
    for _ in ("created", "replaced"):
        result = kg("load", "--endpoint", f"{oxigraph_url}/store", "--graph", G)
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] in (f"created  {G}  4,411 triples", f"replaced {G}  4,411 triples")
    assert len(graph_at(f"{oxigraph_url}/query")) == 4411
    assert isomorphic(graph_at(f"{oxigraph_url}/query"), export_graph)


def test_virtuoso_twice_into_one_graph_leaves_exactly_the_export(virtuoso_login, export_graph):
    for _ in range(2):
        result = kg("load", "--endpoint", f"{virtuoso_login}/sparql-graph-crud-auth", "--graph", G)
        assert result.exit_code == 0, result.output
    assert isomorphic(graph_at(f"{virtuoso_login}/sparql"), export_graph)


def test_dataset_layout_and_shipped_queries_at_the_server(serve, tmp_path):
    """Each article and each vocabulary file in its own graph; a server of its own, as a query over the union of
    all graphs would multiply its rows by the copies other tests load."""
    oxigraph_url, _ = serve(tmp_path / "oxigraph")
    assert kg("load", "--endpoint", f"{oxigraph_url}/store").exit_code == 0
    graphs = kg(
        "query",
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a ?c } } ORDER BY ?g",
        "--endpoint",
        f"{oxigraph_url}/query",
        "-f",
        "csv",
    ).output.splitlines()
    assert {
        "https://w3id.org/fupin-kg/id/graph/000_bdc2813b06239aaa",
        "https://w3id.org/fupin-kg/ontology",
        "https://w3id.org/fupin-kg/lexicon",
        "https://w3id.org/fupin-kg/gazetteer",
    } <= set(graphs)
    for name in ("cq12", "cq13"):
        remote = kg("query", name, "--endpoint", f"{oxigraph_url}/query", "-f", "csv").output
        local = kg("query", name, "-f", "csv").output
        assert sorted(_group(remote)) == sorted(_group(local)) and len(local.splitlines()) > 5, name
    assert "安家費,cash standard,2000,CNY,per person,once (one-time),選派單位" in remote


def _group(csv_text):
    """Rows with each 、-joined value as a set: GROUP_CONCAT's order is the engine's."""
    return [tuple(frozenset(cell.split("、")) for cell in line.split(",")) for line in csv_text.splitlines()]


def test_table_labels_come_from_the_server(virtuoso_login):
    kg("load", "--endpoint", f"{virtuoso_login}/sparql-graph-crud-auth", "--graph", G)
    result = kg(
        "query",
        f"SELECT DISTINCT ?s WHERE {{ GRAPH <{G}> {{ ?s ?p 8540 }} }} ORDER BY ?s",
        "--endpoint",
        f"{virtuoso_login}/sparql",
    )
    assert result.output.splitlines()[2:] == [
        "kgid:article/000_bdc2813b06239aaa/figure/895-900 (「8540名」)",
        "kgid:article/000_bdc2813b06239aaa/set/pin-kun-dui-xiang (貧困對象)",
        "(2 rows)",
    ]


def test_append_adds(oxigraph_url, tmp_path):
    one, two = tmp_path / "one.nt", tmp_path / "two.nt"
    one.write_text('<https://example.org/a> <https://example.org/p> "1" .\n')
    two.write_text('<https://example.org/a> <https://example.org/p> "2" .\n')
    g = "https://example.org/fupin/append"
    kg("load", str(one), "--endpoint", f"{oxigraph_url}/store", "--graph", g, "--no-vocabulary")
    result = kg("load", str(two), "--endpoint", f"{oxigraph_url}/store", "--graph", g, "--no-vocabulary", "--append")
    assert result.output.splitlines()[0] == f"added to {g}  1 triples"
    assert len(graph_at(f"{oxigraph_url}/query", g)) == 2


# Credentials


def test_virtuoso_asks_for_credentials(virtuoso, monkeypatch, tmp_path):
    url, password = virtuoso
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    target = f"{url}/sparql-graph-crud-auth?graph=https%3A%2F%2Fexample.org%2Ffupin%2Ftest-graph"
    result = kg("load", "--endpoint", f"{url}/sparql-graph-crud-auth", "--graph", G, "--retries", "0")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: PUT {target}: 401 Unauthorized: the server asks for credentials; set "
        "KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, or add the host to ~/.netrc\n"
    )
    monkeypatch.setenv("KG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "not-the-password")
    result = kg("load", "--endpoint", f"{url}/sparql-graph-crud-auth", "--graph", G, "--retries", "0")
    assert result.output == (
        f"Error: PUT {target}: 401 Unauthorized: the server refused the credentials "
        "(from KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD)\n"
    )
    assert "not-the-password" not in result.output


def test_credentials_from_netrc(virtuoso, monkeypatch, tmp_path, export_graph):
    url, password = virtuoso
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login dba password {password}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    result = kg("load", "--endpoint", f"{url}/sparql-graph-crud-auth", "--graph", G + "/netrc")
    assert result.exit_code == 0, result.output
    assert password not in result.output
    assert isomorphic(graph_at(f"{url}/sparql", G + "/netrc"), export_graph)


def test_credentials_never_in_the_url():
    result = kg("load", "--endpoint", "http://dba:secret@127.0.0.1:1/store")
    assert result.exit_code == 1
    assert "secret" not in result.output
    assert result.output == (
        "Error: http://127.0.0.1…: credentials do not belong in the URL; set KG_ENDPOINT_USER "
        "and KG_ENDPOINT_PASSWORD, or add the host to ~/.netrc\n"
    )


# The server's words


def test_4xx_quotes_the_server(oxigraph_url, virtuoso):
    result = kg("load", "--endpoint", f"{oxigraph_url}/nothere", "--graph", G, "--no-vocabulary")
    assert result.exit_code == 1
    assert result.output.endswith(": 404 Not Found: PUT /nothere is not supported by this server\n")
    result = kg("query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT x", "--endpoint", f"{virtuoso[0]}/sparql")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: POST {virtuoso[0]}/sparql: 400 Bad Request: Virtuoso 37000 Error SP030: "
        "SPARQL compiler, line 1: syntax error at 'x'"
    )


# Proxies between kg and the server


class _Relay:
    """A TCP relay to a server: it may cut the connection after ``limit`` bytes of the request (calling
    ``at_limit`` first)."""

    def __init__(self, upstream: str, limit=None, at_limit=None):
        host, port = upstream.split("//")[1].split(":")
        self.upstream = (host, int(port))
        self.limit, self.at_limit = limit, at_limit
        self.connections = 0
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source, sink, request):
        sent = 0
        try:
            while chunk := source.recv(16384):
                if request and self.limit is not None and sent + len(chunk) > self.limit:
                    if self.at_limit:
                        self.at_limit()
                    for s in (source, sink):
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                        s.close()
                    return
                sink.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.listener.close()


class _Flaky(http.server.ThreadingHTTPServer):
    """Answers 503 to the first ``failures`` requests, then forwards to the server."""

    def __init__(self, upstream: str, failures: int):
        self.upstream, self.failures, self.requests = upstream, failures, 0
        super().__init__(("127.0.0.1", 0), _FlakyHandler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _FlakyHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _handle(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests += 1
        if self.server.requests <= self.server.failures:
            self.send_response(503)
            self.send_header("Content-Length", "11")
            self.end_headers()
            self.wfile.write(b"warming up\n")
            return
        request = urllib.request.Request(
            self.server.upstream + self.path,
            data=body or None,
            method=self.command,
            headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
        )
        try:
            response = urllib.request.urlopen(request)
        except urllib.error.HTTPError as e:
            response = e
        data = response.read()
        self.send_response(response.status)
        for k, v in response.headers.items():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_HEAD = _handle


def test_retries_after_503(oxigraph_url, export_graph):
    flaky = _Flaky(oxigraph_url, failures=2)
    try:
        result = kg(
            "load", "--endpoint", f"{flaky.url}/store", "--graph", G + "/flaky", "--no-vocabulary", "--retries", "2"
        )
        assert result.exit_code == 0, result.output
        assert flaky.requests == 3
        assert isomorphic(graph_at(f"{oxigraph_url}/query", G + "/flaky"), export_graph)
        flaky.requests = 0
        result = kg(
            "load", "--endpoint", f"{flaky.url}/store", "--graph", G + "/flaky", "--no-vocabulary", "--retries", "1"
        )
        assert result.exit_code == 1
        assert result.output.endswith(": 503 Service Unavailable (after 1 retries): warming up\n")
    finally:
        flaky.shutdown()


@pytest.mark.parametrize(
    "server",
    [pytest.param("oxigraph", marks=pytest.mark.oxigraph_server), pytest.param("virtuoso", marks=pytest.mark.virtuoso)],
)
def test_cut_connection_leaves_the_graph_whole(server, request, export_graph, tmp_path, synthetic_nquads):
    if server == "oxigraph":
        base = request.getfixturevalue("oxigraph_url")
        store, query = f"{base}/store", f"{base}/query"
    else:
        base = request.getfixturevalue("virtuoso_login")
        store, query = f"{base}/sparql-graph-crud-auth", f"{base}/sparql"
    graph = f"{G}/cut-{server}"
    assert kg("load", "--endpoint", store, "--graph", graph, "--no-vocabulary").exit_code == 0
    big = synthetic_nquads(tmp_path / "big.nq")
    relay = _Relay(base, limit=2_000_000)
    try:
        result = kg(
            "load",
            str(big),
            "--endpoint",
            store.replace(base, relay.url),
            "--graph",
            graph,
            "--no-vocabulary",
            "--retries",
            "2",
        )
    finally:
        relay.close()
    assert result.exit_code == 1
    assert result.output.startswith("Error: PUT ")
    assert result.output.endswith(": the connection was cut (gave up after 2 retries)\n")
    assert relay.connections >= 3
    assert isomorphic(graph_at(query, graph), export_graph)


def test_server_killed_midway_leaves_the_graph_whole(serve, tmp_path, export_graph, synthetic_nquads):
    location = tmp_path / "oxigraph"
    url, process = serve(location)
    assert kg("load", "--endpoint", f"{url}/store", "--graph", G, "--no-vocabulary").exit_code == 0
    big = synthetic_nquads(tmp_path / "big.nq")
    relay = _Relay(url, limit=8_000_000, at_limit=process.kill)
    try:
        result = kg(
            "load", str(big), "--endpoint", f"{relay.url}/store", "--graph", G, "--no-vocabulary", "--retries", "1"
        )
    finally:
        relay.close()
    process.wait()
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: PUT {relay.url}/store?graph=")
    assert result.output.endswith("(gave up after 1 retries)\n")
    url, _ = serve(location)  # the same database, restarted
    assert isomorphic(graph_at(f"{url}/query"), export_graph)
