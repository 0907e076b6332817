"""Validation speed: fupin-kg's default path against pySHACL on one graph and Apache Jena's SHACL.

The data is the seed article's graph replicated under fresh IRIs (one named graph per copy) to about 10k, 100k and 1M
triples. All engines see the same triples, the same shapes (shapes/*.ttl) and the same vocabulary context:

* ``pyshacl`` -- stock pySHACL: rdflib parses the whole graph, pySHACL validates it in one go (skipped above
               --pyshacl-max);
* ``kg``     -- kg.validate.validate: parse the N-Quads, validate each article graph with pySHACL in a process pool,
               then the cross-article responsibility checks over the union;
* ``jena``   -- ``scripts/jena.sh shacl.shacl validate`` on the N-Triples file (wall time, JVM start included).

Run:  python bench/validation_speed.py [--sizes 10k,100k,1m] [--jobs N] [--pyshacl-max 20k]
Prints seconds, triples/s and the ratio of each engine to Jena, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from replicate import replicate, seed_quads

from kg.validate import engine as validation

ROOT = Path(__file__).resolve().parent.parent
JENA = ROOT / "scripts" / "jena.sh"


def _size(text: str) -> int:
    text = text.lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def run_kg(nq: Path, jobs: int | None):
    quads = list(ox.parse(path=nq, format=ox.RdfFormat.N_QUADS))
    return validation.validate(quads, jobs=jobs)


def run_pyshacl(nt: Path):
    import pyshacl
    import rdflib

    g = rdflib.Graph()
    g.parse(nt, format="nt")
    conforms, report, _ = pyshacl.validate(
        g, shacl_graph=validation.load_shapes(), inplace=True, allow_warnings=True, allow_infos=True
    )
    return len(list(report.objects(None, rdflib.URIRef(validation.SH + "result"))))


def run_jena(nt: Path, shapes: Path):
    out = subprocess.run(
        [str(JENA), "shacl.shacl", "validate", "--shapes", str(shapes), "--data", str(nt)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.count("sh:result ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k,1m")
    ap.add_argument("--jobs", type=int, default=None, help="processes for kg (default: CPU count)")
    ap.add_argument(
        "--pyshacl-max", default="20k", help="largest size to run single-graph pySHACL on (it takes minutes at 100k)"
    )
    args = ap.parse_args(argv)
    has_jena = shutil.which("java") is not None and Path("/usr/share/java/jena-shacl.jar").exists()
    seed = seed_quads()
    validation.load_shapes()
    context = list(validation.vocabulary_context())
    print(
        f"CPUs: {os.cpu_count()}, kg jobs: {args.jobs or os.cpu_count()}, "
        f"Jena: {'yes' if has_jena else 'not installed'}"
    )
    print(
        f"{'size':>6} {'triples':>9} {'graphs':>6} | {'engine':<8} {'seconds':>8} {'triples/s':>10} {'results':>8} "
        f"{'÷ jena':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        shapes = Path(tmp) / "shapes.ttl"
        validation.load_shapes().serialize(shapes, format="turtle")
        for label in args.sizes.split(","):
            quads = replicate(seed, _size(label))
            triples = len({q.triple for q in quads})
            graphs = len({q.graph_name for q in quads})
            nq, nt = Path(tmp) / f"{label}.nq", Path(tmp) / f"{label}.nt"
            nq.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            nt.write_bytes(ox.serialize([q.triple for q in quads] + context, format=ox.RdfFormat.N_TRIPLES))
            del quads
            rows = []
            if has_jena:
                t, n = _timed(lambda: run_jena(nt, shapes))
                rows.append(("jena", t, n))
            if triples <= _size(args.pyshacl_max):  # first, before kg.validate speeds pySHACL up in this process
                t, n = _timed(lambda: run_pyshacl(nt))
                rows.append(("pyshacl", t, n))
            t, report = _timed(lambda: run_kg(nq, args.jobs))
            rows.append(("kg", t, len(report.results)))
            jena = rows[0][1] if has_jena else None
            for engine, t, n in rows:
                ratio = f"{t / jena:6.2f}×" if jena else "      -"
                print(
                    f"{label:>6} {triples:>9,} {graphs:>6} | {engine:<8} {t:8.2f} {triples / t:10,.0f} {n:>8} "
                    f"{ratio:>7}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
