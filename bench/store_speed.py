"""Triple-store speed: loading about 1M triples into the embedded store and into an Oxigraph server, against
``oxigraph load`` of the same N-Triples file (the floor); competency-question latency on the seed and at 1M.

The data is a synthetic province (bench/province.py, about 86 triples per poor village) written as one
N-Triples file. Measured in one run, each load into a fresh directory, wall-clock time and peak memory of the
whole command (process start included):

* floor    -- ``oxigraph load --location D --file F.nt --graph G`` (Oxigraph's Rust bulk loader);
* embedded -- ``kg load F.nt --store D --graph G --no-vocabulary`` (pyoxigraph parse, bulk write behind a checkpoint);
* server   -- ``kg load F.nt --endpoint URL/store --graph G --no-vocabulary`` into a running ``oxigraph serve``
              (one Graph Store Protocol PUT, which the server applies in one transaction).

Queries: every shipped competency question (cq01 … cq19), median of --repeat runs, over the bundled article
in memory (what ``kg query`` uses by default) and over an embedded store holding the province, the article
and the vocabulary (what ``kg query --store`` uses); each as the library runs it, results consumed.

Run:  python bench/store_speed.py [--villages 11600] [--repeat 3] [--server-repeat 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
import oxigraph_server
from province import province

from kg.corpus import read_inputs
from kg.resources import bundled_article
from kg.store.embedded import reading
from kg.store.query import LocalTarget, open_store, shipped_queries

GRAPH = "https://w3id.org/fupin-kg/id/graph/synthetic-province"
BIN = Path(sys.executable).parent


def _run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a command, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def _median_run(make_command, repeat: int, work: Path) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeat):
        target = work / f"run-{time.monotonic_ns()}"
        seconds, peak = _run(make_command(target))
        times.append(seconds)
        peaks.append(peak)
        shutil.rmtree(target, ignore_errors=True)
    return statistics.median(times), max(peaks)


def _server_load(nt: Path, work: Path) -> tuple[float, float]:
    location = work / f"server-{time.monotonic_ns()}"
    url, process = oxigraph_server.start(location, union_default_graph=False)
    try:
        return _run(
            [str(BIN / "kg"), "load", str(nt), "--endpoint", f"{url}/store", "--graph", GRAPH, "--no-vocabulary"]
        )
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(location, ignore_errors=True)


def _query_ms(target: LocalTarget, text: str, repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = target.run(text)
        rows = 1 if isinstance(result, ox.QueryBoolean) else len(list(result))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--villages", type=int, default=11600, help="province size in poor villages (11,600 ≈ 1M triples)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per floor and embedded load, and per query (median)"
    )
    parser.add_argument("--server-repeat", type=int, default=1, help="runs of the server load (median)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, pyoxigraph {ox.__version__}, {os.cpu_count()} CPUs")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        nt = work / "province.nt"
        quads = province(args.villages)
        ox.serialize([q.triple for q in quads], output=str(nt), format=ox.RdfFormat.N_TRIPLES)
        triples = len({q.triple for q in quads})
        del quads
        print(f"\n{triples:,} triples, {nt.stat().st_size / 1e6:.0f} MB of N-Triples\n")

        print(f"{'load':<46} {'seconds':>8} {'triples/s':>10} {'peak MB':>8} {'× floor':>8}")

        def row(name, seconds, mb):
            print(
                f"{name:<46} {seconds:>8.2f} {triples / seconds:>10,.0f} {mb:>8.0f} {seconds / floor:>7.2f}×",
                flush=True,
            )

        floor, floor_mb = _median_run(
            lambda d: [str(BIN / "oxigraph"), "load", "--location", str(d), "--file", str(nt), "--graph", GRAPH],
            args.repeat,
            work,
        )
        row("oxigraph load (floor)", floor, floor_mb)
        row(
            "kg load --store (embedded)",
            *_median_run(
                lambda d: [str(BIN / "kg"), "load", str(nt), "--store", str(d), "--graph", GRAPH, "--no-vocabulary"],
                args.repeat,
                work,
            ),
        )
        server = [_server_load(nt, work) for _ in range(args.server_repeat)]
        row(
            "kg load --endpoint (oxigraph serve, one PUT)",
            statistics.median(s for s, _ in server),
            max(m for _, m in server),
        )
        print("(peak MB of the loading command; the server's own memory is not counted)")

        store = work / "queries"
        _run([str(BIN / "kg"), "load", str(nt), "--store", str(store), "--graph", GRAPH, "--no-vocabulary"])
        _run([str(BIN / "kg"), "load", "--store", str(store)])
        seed = LocalTarget(open_store(read_inputs([bundled_article()])))
        names = [n for n in shipped_queries() if n.startswith("cq")]
        print(f"\n{'query':<8} {'seed ms':>9} {'rows':>5} {f'{triples / 1e6:.1f}M ms':>9} {'rows':>5} {'ratio':>6}")
        totals = [0.0, 0.0]
        with reading(store) as big_store:
            big = LocalTarget(big_store)
            for name in names:
                text = shipped_queries()[name].read_text(encoding="utf-8")
                small_ms, small_rows = _query_ms(seed, text, args.repeat)
                big_ms, big_rows = _query_ms(big, text, args.repeat)
                totals[0] += small_ms
                totals[1] += big_ms
                print(
                    f"{name:<8} {small_ms:>9.2f} {small_rows:>5} {big_ms:>9.2f} {big_rows:>5} "
                    f"{big_ms / small_ms:>5.1f}×"
                )
        print(f"{'all':<8} {totals[0]:>9.1f} {'':>5} {totals[1]:>9.1f} {'':>5} {totals[1] / totals[0]:>5.1f}×")
        cli, _ = _run([str(BIN / "kg"), "query", "cq12", "--store", str(store)])
        print(f"\nkg query cq12 --store (whole command, {triples / 1e6:.1f}M store): {cli:.2f} s")


if __name__ == "__main__":
    main()
