"""Building a corpus: many articles into one dataset, shared entities merged, incremental and parallel builds,
and bad files reported without stopping the others."""

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import build_corpus, find_articles

FIXTURES = Path(__file__).parent / "fixtures"
DEV = sorted((Path(__file__).resolve().parents[1] / "eval" / "articles").glob("dev0*.txt"))
HUAYING_SIMPLIFIED = FIXTURES / "corpus" / "huaying_simplified.txt"


def test_seed_and_dev_articles_build_into_one_dataset_that_conforms(tmp_path, seed_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(seed_path), *map(str, DEV), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "conforms to the shapes: 0 violations" in result.stdout
    graphs = {q.graph_name.value for q in ox.parse(path=out / "kg.nq", format=ox.RdfFormat.N_QUADS)}
    assert graphs == {f"https://w3id.org/fupin-kg/id/graph/{p.stem}" for p in [seed_path, *DEV]} | {
        "https://w3id.org/fupin-kg/ontology",
        "https://w3id.org/fupin-kg/lexicon",
        "https://w3id.org/fupin-kg/gazetteer",
        "https://w3id.org/fupin-kg/repairs",
    }
    trig = {q for q in ox.parse(path=out / "kg.trig", format=ox.RdfFormat.TRIG)}
    assert trig == set(ox.parse(path=out / "kg.nq", format=ox.RdfFormat.N_QUADS))


def test_one_city_in_two_scripts_is_one_entity(tmp_path, seed_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(seed_path), str(HUAYING_SIMPLIFIED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 entities mentioned in more than one article share one IRI (see merges.tsv)" in result.stdout
    rows = {line.split("\t")[0]: line.split("\t") for line in (out / "merges.tsv").read_text().splitlines()[1:]}
    assert rows["place:hua-ying-shi"] == [
        "place:hua-ying-shi",
        "华蓥市",
        "the gazetteer entry",
        "000_bdc2813b06239aaa huaying_simplified",
        "华蓥市 | 華? | 華?市",
    ]
    assert rows["kgid:org/hua-ying-shi-wei-zu-zhi-bu"][2:4] == [
        "same full name of the body, compared in Simplified script",
        "000_bdc2813b06239aaa huaying_simplified",
    ]
    # the two articles' mentions of the city hang off one node
    store = ox.Store()
    store.bulk_extend(ox.parse(path=out / "kg.nq", format=ox.RdfFormat.N_QUADS))
    (row,) = store.query("""SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {
        <https://w3id.org/fupin-kg/id/place/hua-ying-shi> <https://w3id.org/fupin-kg/ontology#mentionedAt> ?m } }""")
    assert row["n"].value == "2"


def test_unchanged_articles_are_not_extracted_again(tmp_path, seed_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in [seed_path, *DEV[:2]]:
        shutil.copy(p, folder)
    cache = tmp_path / "cache"
    first = build_corpus([folder], jobs=1, cache_dir=cache)
    assert (first.extracted, len(first.articles)) == (3, 3)

    import kg.corpus.build

    built = []
    real = kg.corpus.build.build_article
    monkeypatch.setattr(
        kg.corpus.build, "build_article", lambda path, enc=None: built.append(path.name) or real(path, enc)
    )
    second = build_corpus([folder], jobs=1, cache_dir=cache)
    assert (second.extracted, built) == (0, [])
    assert second.nquads == first.nquads

    changed = folder / DEV[0].name
    changed.write_text(changed.read_text(encoding="utf-8").replace("32个贫困村", "33个贫困村"), encoding="utf-8")
    third = build_corpus([folder], jobs=1, cache_dir=cache)
    assert (third.extracted, built) == (1, [DEV[0].name])
    assert b'"33"^^<http://www.w3.org/2001/XMLSchema#integer>' in third.nquads


def test_parallel_build_gives_the_same_bytes(seed_path):
    one = build_corpus([seed_path, *DEV], jobs=1, cache_dir=None)
    two = build_corpus([seed_path, *DEV], jobs=2, cache_dir=None)
    assert one.nquads == two.nquads
    assert [a.article_id for a in two.articles] == sorted(p.stem for p in [seed_path, *DEV])


def test_progress_counts_every_article(seed_path):
    seen = []
    build_corpus([seed_path, *DEV], jobs=2, cache_dir=None, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6) and len(seen) == 7


def test_a_bad_file_in_a_folder_does_not_stop_the_others(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(DEV[0], folder)
    (folder / "broken.txt").write_bytes("只有一行字".encode())
    (folder / "notes.md").write_text("not an article file")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder / 'broken.txt'}: no article body (only a title line)\n"
        "Error: 1 of 2 files did not build (listed above); the others were published\n"
    )
    graphs = {q.graph_name.value for q in ox.parse(path=out / "kg.nq", format=ox.RdfFormat.N_QUADS)}
    assert f"https://w3id.org/fupin-kg/id/graph/{DEV[0].stem}" in graphs
    assert not any("broken" in g for g in graphs)


def test_an_extractor_defect_fails_that_file_alone(seed_path, monkeypatch):
    import kg.corpus.build

    real = kg.corpus.build.build_article

    def fragile(path, encoding=None):
        if path.name.startswith("dev02"):
            raise IndexError("string index out of range")
        return real(path, encoding)

    monkeypatch.setattr(kg.corpus.build, "build_article", fragile)
    corpus = build_corpus([seed_path, *DEV], jobs=2, cache_dir=None)
    assert [str(f) for f in corpus.failures] == [
        f"{DEV[1]}: could not be built (IndexError: string index out of range); please report this file"
    ]
    assert len(corpus.articles) == 5


def test_two_files_with_one_name_are_one_failure(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(DEV[0], tmp_path / d / "article.txt")
    corpus = build_corpus([tmp_path], jobs=1, cache_dir=None)
    assert [str(f) for f in corpus.failures] == [
        f"{tmp_path / 'b' / 'article.txt'}: article id article is already taken by {tmp_path / 'a' / 'article.txt'}; "
        "rename one of the files"
    ]


def test_a_folder_without_articles_is_an_error(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match=r"no article files \(\*\.txt, \*\.text, \*\.htm, \*\.html\) in this folder"):
        find_articles([tmp_path])


def test_corpus_bytes_do_not_depend_on_the_hash_seed(seed_path):
    import hashlib
    import subprocess
    import sys

    paths = [str(p) for p in [seed_path, *DEV, *sorted((FIXTURES / "corpus").glob("*.txt"))]]
    code = (
        "import sys; from kg.corpus import build_corpus; "
        f"sys.stdout.buffer.write(build_corpus({paths!r}, jobs=1, cache_dir=None).nquads)"
    )
    digests = set()
    for seed in ("0", "1", "4242"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        assert len(out) > 1_000_000
        digests.add(hashlib.sha256(out).hexdigest())
    assert len(digests) == 1
