"""Building a corpus: articles/s, triples/s and peak memory at 100, 1,000 and 10,000 articles, and writing
N-Quads against pyoxigraph's own serialisation of the same quads, measured in the same run.

Run on demand:  python bench/corpus_speed.py [--sizes 100 1000 10000] [--jobs 1 2]

The corpus is synthetic: the bundled article and the dev articles (eval/articles) with their places and
people renamed and their figures changed, article by article (seeded, so every run builds the same corpus).
Each size and job count runs in a fresh process, so peak memory (max RSS of the process and its workers)
belongs to that run alone. Machines here are shared and noisy: read the ratios, not the seconds.

Columns: build s (find, read, extract, build and serialise every article: `build_corpus`), articles/s in all
and per core (jobs), triples/s, the N-Quads size, peak memory and its ratio to the output; then writing
kg.nq: "write s" serialises every graph again from its quads in one process and writes the file, "parts s" is
what `kg build` does after its workers (write the graphs its workers serialised, part by part), "pyox s" is
pyoxigraph's own
serialisation of all the quads to a file, and "× pyox" is write s / pyox s.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = [REPO / "articles" / "000_bdc2813b06239aaa.txt", *sorted((REPO / "eval" / "articles").glob("dev0*.txt"))]
SYLLABLES = (
    "安白碧岑丹东枫福光桂海和鹤红华黄嘉金锦静兰岚乐丽连林柳龙鹿"
    "明宁平清泉仁瑞山石双松泰桃天田通万文溪霞祥新兴秀雅阳宜永玉云长真正中竹"
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"


def templates() -> list[tuple[str, list[str], list[str]]]:
    """Each template's text with the places and people the extractor finds in it (the names a variant renames)."""
    from kg.extract import extract
    from kg.ingest import read_article
    from kg.lexicon import load_lexicon

    lexicon = load_lexicon()
    out = []
    for path in TEMPLATES:
        article = read_article(path, lexicon=lexicon)
        ex = extract(article, lexicon)
        places = sorted(
            {
                f
                for e in ex.entities.values()
                if e.kind == "place" and not e.gazetteer_iri
                for f in e.printed
                if len(f) >= 3
            },
            key=len,
            reverse=True,
        )
        out.append((article.text, places, sorted(ex.persons, key=len, reverse=True)))
    return out


def variant(text: str, places: list[str], people: list[str], rng: random.Random) -> str:
    """The template with new place and person names and new figures (years and dates kept)."""
    head, sep, body = text.partition("\n\n\n") if "\n\n\n" in text else ("", "", text)
    for name in places:
        body = body.replace(name, "".join(rng.choice(SYLLABLES) for _ in range(len(name) - 1)) + name[-1])
    for name in people:
        body = body.replace(name, rng.choice(SURNAMES) + "".join(rng.choice(SYLLABLES) for _ in range(len(name) - 1)))

    def figure(m: re.Match) -> str:
        digits = m.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return digits  # a year
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(len(digits) - 1))

    # counts and amounts change; dates, times and years stay as they are
    return head + sep + re.sub(r"(?<![\d.\-:：/])\d+(?![\d.\-:：/年月日号时])", figure, body)


def write_corpus(directory: Path, size: int) -> None:
    base = templates()
    for i in range(size):
        text, places, people = base[i % len(base)]
        rng = random.Random(i)
        (directory / f"a{i:05d}.txt").write_text(variant(text, places, people, rng), encoding="utf-8")


def measure(directory: Path, jobs: int) -> dict:
    """One run, in this process: build the corpus, then write its N-Quads both ways."""
    import pyoxigraph as ox

    from kg.corpus import build_corpus
    from kg.output import Chunks, write_atomic

    t = time.perf_counter()
    corpus = build_corpus([directory], jobs=jobs, cache_dir=None)
    build_s = time.perf_counter() - t
    peak_kb = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    assert not corpus.failures, corpus.failures[:3]
    graphs = [a.quads() for a in corpus.articles]
    quads = [q for g in graphs for q in g]
    writers = {
        # the corpus path in one process: each graph serialised, the parts written in turn
        "ours": lambda path: write_atomic(path, Chunks(ox.serialize(g, format=ox.RdfFormat.N_QUADS) for g in graphs)),
        # what kg build itself does after its workers: write the graphs its workers serialised
        "parts": lambda path: write_atomic(path, Chunks(a.nquads for a in corpus.articles)),
        # pyoxigraph's own serialisation of the same quads, straight to a file
        "ox": lambda path: ox.serialize(quads, output=path, format=ox.RdfFormat.N_QUADS),
    }
    best = dict.fromkeys(writers, float("inf"))
    with tempfile.TemporaryDirectory() as out:
        for _ in range(2):  # each writer twice, interleaved, the better time kept
            for name, write in writers.items():
                t = time.perf_counter()
                write(Path(out) / f"{name}.nq")
                best[name] = min(best[name], time.perf_counter() - t)
                (Path(out) / f"{name}.nq").unlink()
    ours_s, parts_s, ox_s = best["ours"], best["parts"], best["ox"]
    return {
        "articles": len(corpus.articles),
        "jobs": jobs,
        "build_s": build_s,
        "quads": len(quads),
        "nq_bytes": sum(len(a.nquads) for a in corpus.articles),
        "peak_mb": peak_kb / 1024,
        "write_ours_s": ours_s,
        "write_parts_s": parts_s,
        "write_ox_s": ox_s,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.jobs[0])))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            directory = Path(tmp) / str(size)
            directory.mkdir()
            write_corpus(directory, size)
            for jobs in args.jobs:
                done = subprocess.run(
                    [sys.executable, __file__, "--measure", str(directory), "--jobs", str(jobs)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                rows.append(json.loads(done.stdout))
                print(f"  {size} articles, {jobs} jobs: {rows[-1]['build_s']:.1f} s", file=sys.stderr)
    print(
        f"{'articles':>8} {'jobs':>4} {'build s':>8} {'art/s':>7} {'art/s/core':>10} {'triples/s':>10} "
        f"{'quads':>10} {'N-Quads MB':>10} {'peak MB':>8} {'peak/out':>8} {'write s':>8} {'parts s':>7} {'pyox s':>7} "
        f"{'× pyox':>6}"
    )
    for r in rows:
        rate = r["articles"] / r["build_s"]
        out_mb = r["nq_bytes"] / 2**20
        print(
            f"{r['articles']:>8} {r['jobs']:>4} {r['build_s']:>8.2f} {rate:>7.1f} {rate / r['jobs']:>10.1f} "
            f"{r['quads'] / r['build_s']:>10,.0f} {r['quads']:>10,} {out_mb:>10.1f} {r['peak_mb']:>8.0f} "
            f"{r['peak_mb'] / out_mb:>8.2f} {r['write_ours_s']:>8.2f} {r['write_parts_s']:>7.2f} "
            f"{r['write_ox_s']:>7.2f} "
            f"{r['write_ours_s'] / r['write_ox_s']:>6.2f}"
        )


if __name__ == "__main__":
    main()
