"""Responsibility-chain speed: loading the network view, then chains up and down in networkx, rdflib and pyoxigraph.

The data is a synthetic province (bench/province.py): 100 poor villages per county, each with its first
secretary, work team and technician, about 86 triples per village, written to an N-Quads file. Measured in one run:

* load -- ``pyoxigraph parse`` (the baseline: ``list(pyoxigraph.parse(file))``), kg's responsibility view
          (``responsibility_view(pyoxigraph.parse(file))``: parse, fold statements, build the MultiDiGraph), kg's full
          network, a pyoxigraph in-memory ``Store.load`` and an rdflib ``Dataset.parse`` (what each SPARQL engine
          needs);
* up   -- from sampled villages: ``kg.chain.chains`` (every chain, with its edges) and ``networkx.descendants``
          (the nodes above) against the shipped ``chain-up.rq`` property path in pyoxigraph and rdflib, with the
          node bound; the answers are compared;
* down -- the same from sampled county party committees and from the provincial committee (the whole province).

Run:  python bench/chain_speed.py [--villages 1000,10000] [--samples 200] [--repeat 3]
Times are medians, in milliseconds for queries; ratios are against networkx in the same run.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from province import province

from kg.graph.chain import chains, hierarchy
from kg.graph.network import network, responsibility_view
from kg.namespaces import ID
from kg.store.query import shipped_query


def _median_time(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def _per_call_ms(fn, items) -> float:
    times = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def run(villages: int, samples: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "province.nq"
        quads = province(villages)
        ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_QUADS)
        triples = len(quads)
        del quads
        parse = lambda: ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)

        t_parse, _ = _median_time(lambda: list(parse()), repeat)
        t_view, view = _median_time(lambda: responsibility_view(parse()), repeat)
        t_full, full = _median_time(lambda: network(parse()), 1)
        full_size = (full.number_of_nodes(), full.number_of_edges())
        del full

        def load_store():
            store = ox.Store()
            store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
            return store

        t_store, store = _median_time(load_store, repeat)
        import rdflib

        def load_rdflib():
            ds = rdflib.Dataset(default_union=True)
            ds.parse(str(path), format="nquads")
            return ds

        t_rdflib, ds = _median_time(load_rdflib, 1)

        print(
            f"\n## {villages:,} villages: {triples:,} triples; view {view.number_of_nodes():,} nodes / "
            f"{view.number_of_edges():,} edges; full network {full_size[0]:,} nodes / {full_size[1]:,} edges"
        )
        print(f"{'load':<40} {'s':>8} {'× parse':>8}")
        for name, t in (
            ("pyoxigraph parse (baseline)", t_parse),
            ("kg responsibility view", t_view),
            ("kg full network", t_full),
            ("pyoxigraph Store.load", t_store),
            ("rdflib Dataset.parse", t_rdflib),
        ):
            print(f"{name:<40} {t:>8.2f} {t / t_parse:>7.2f}×")

        t_h, h = _median_time(lambda: hierarchy(view), repeat)
        print(f"{'kg hierarchy (once, after the view)':<40} {t_h:>8.2f}")
        rng = random.Random(7)
        village_ids = [f"{ID}synthetic/place/village-{n}" for n in rng.sample(range(villages), min(samples, villages))]
        counties = -(-villages // 100)
        committees = [f"{ID}synthetic/org/county-{c}-committee" for c in rng.sample(range(counties), min(20, counties))]
        top = [f"{ID}synthetic/org/province-committee"]
        up_q, down_q = shipped_query("chain-up"), shipped_query("chain-down")

        def ox_query(text, var):
            def ask(node):
                return {
                    r[var].value
                    for r in store.query(
                        text, use_default_graph_as_union=True, substitutions={ox.Variable("node"): ox.NamedNode(node)}
                    )
                }

            return ask

        def rdflib_query(text, var):
            def ask(node):
                return {str(r[var]) for r in ds.query(text, initBindings={"node": rdflib.URIRef(node)})}

            return ask

        rdflib_query(up_q, "above")(village_ids[0])  # the first rdflib query in a process parses and compiles slowly
        print(
            f"{'query (median ms per node)':<40} {'networkx chains':>15} {'nx reach':>9} {'pyoxigraph':>11} "
            f"{'rdflib':>9}  agree"
        )
        for name, nodes, text, var, reach, direction in (
            (f"up from {len(village_ids)} villages", village_ids, up_q, "above", nx.descendants, "up"),
            (f"down from {len(committees)} county committees", committees, down_q, "below", nx.ancestors, "down"),
            ("down from the provincial committee", top, down_q, "below", nx.ancestors, "down"),
        ):
            ms_chains = _per_call_ms(lambda n: chains(h, n, direction), nodes)
            ms_reach = _per_call_ms(lambda n: reach(h, n), nodes)
            ms_ox = _per_call_ms(ox_query(text, var), nodes)
            rdflib_nodes = nodes[:20]
            ms_rdflib = _per_call_ms(rdflib_query(text, var), rdflib_nodes)
            agree = all(reach(h, n) == ox_query(text, var)(n) for n in nodes[:20]) and all(
                reach(h, n) == rdflib_query(text, var)(n) for n in rdflib_nodes[:3]
            )
            found = len(chains(h, nodes[0], direction))
            print(
                f"{name:<40} {ms_chains:>15.3f} {ms_reach:>9.3f} {ms_ox:>11.3f} {ms_rdflib:>9.1f}  "
                f"{'yes' if agree else 'NO'}   ({found:,} chains from the first; pyoxigraph {ms_ox / ms_chains:.1f}×, "
                f"rdflib {ms_rdflib / ms_chains:.0f}× networkx chains)"
            )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", default="1000,10000", help="comma-separated province sizes, in poor villages")
    parser.add_argument("--samples", type=int, default=200, help="villages to start --up chains from")
    parser.add_argument("--repeat", type=int, default=3, help="runs per load timing (median)")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, networkx {nx.__version__}, pyoxigraph {ox.__version__}")
    for size in args.villages.split(","):
        run(int(size), args.samples, args.repeat)


if __name__ == "__main__":
    main()
