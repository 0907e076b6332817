import pytest

from kg.resources import bundled_article


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
    from kg.pipeline import build_articles

    return build_articles([seed_path])


@pytest.fixture(scope="session")
def seed_store(seed_quads):
    from kg.query import open_store

    return open_store(seed_quads)


@pytest.fixture(scope="session")
def seed_ttl(seed_quads):
    from kg.export import RdfFormat, serialize

    return serialize(seed_quads, RdfFormat.TURTLE)
