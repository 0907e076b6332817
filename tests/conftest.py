import pytest

from kg.resources import bundled_article


@pytest.fixture(autouse=True)
def article_cache(tmp_path_factory, monkeypatch):
    """Each test builds with a cache of its own, never the user's."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KG_CACHE", str(cache))
    return cache


@pytest.fixture(scope="session")
def seed_path():
    return bundled_article()


@pytest.fixture(scope="session")
def seed_article(seed_path):
    from kg.ingest import read_article

    return read_article(seed_path)


@pytest.fixture(scope="session")
def seed_extraction(seed_article):
    from kg.extract import extract
    from kg.lexicon import load_lexicon

    return extract(seed_article, load_lexicon())


@pytest.fixture(scope="session")
def seed_quads(seed_path):
    from kg.corpus import read_inputs

    return read_inputs([seed_path])


@pytest.fixture(scope="session")
def seed_store(seed_quads):
    from kg.store.query import open_store

    return open_store(seed_quads)


@pytest.fixture(scope="session")
def seed_ttl(seed_quads):
    from kg.export import serialize
    from kg.formats import RdfFormat

    return serialize(seed_quads, RdfFormat.TURTLE)


# Triple-store servers. scripts/servers.sh (run by scripts/test.sh) starts an Oxigraph server and Virtuoso and
# exports their URLs; tests that need a server of their own (to kill it) start `oxigraph serve` themselves. Tests
# that need the shared servers are marked (oxigraph_server, virtuoso); without the servers they are skipped with a
# message saying how to start them, unless KG_REQUIRE_SERVERS is set (scripts/test.sh sets it), which fails them.

_START_SERVERS = 'start them with `eval "$(bash scripts/servers.sh start)"`, or run `bash scripts/test.sh`'


def _started_by_test_sh(variable):
    import os

    value = os.environ.get(variable)
    if not value:
        message = f"{variable} is not set: {_START_SERVERS}"
        if os.environ.get("KG_REQUIRE_SERVERS"):
            pytest.fail(message)
        pytest.skip(message)
    return value


def pytest_collection_modifyitems(items):
    """Mark the tests that use a shared server by the fixtures they take."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "oxigraph_url" in names:
            item.add_marker(pytest.mark.oxigraph_server)
        if names & {"virtuoso", "virtuoso_login"}:
            item.add_marker(pytest.mark.virtuoso)


@pytest.fixture(scope="session")
def oxigraph_url():
    """The Oxigraph server started for the tests (Graph Store Protocol at /store, queries at /query)."""
    return _started_by_test_sh("KG_TEST_OXIGRAPH")


@pytest.fixture(scope="session")
def virtuoso():
    """(URL, dba password) of the Virtuoso server started for the tests."""
    return _started_by_test_sh("KG_TEST_VIRTUOSO"), _started_by_test_sh("KG_TEST_VIRTUOSO_PASSWORD")


@pytest.fixture
def serve():
    """Start `oxigraph serve` on a location (scripts/oxigraph_server.py); answers its base URL and process; stops
    it after the test."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import oxigraph_server

    processes = []

    def start(location):
        try:
            url, process = oxigraph_server.start(location)
        except RuntimeError as e:
            pytest.fail(str(e))
        processes.append(process)
        return url, process

    yield start
    for process in processes:
        process.kill()
        process.wait()


@pytest.fixture
def synthetic_nquads():
    """Write an N-Quads file of ``graphs`` graphs of ``per_graph`` triples each (240,000 by default)."""

    def write(path, graphs=40, per_graph=6000):
        with open(path, "w") as f:
            for g in range(graphs):
                for i in range(per_graph):
                    s, p, o = f"<https://example.org/s{i}>", f"<https://example.org/p{i % 7}>", f'"{g}-{i}"'
                    f.write(f"{s} {p} {o} <https://example.org/g{g}> .\n")
        return path

    return write
