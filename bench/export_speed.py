"""How long `kg export --format ttl` takes, against `python -c "import rdflib"` in the same run.

Run on demand:  python bench/export_speed.py [--runs 7]
Prints the median wall time of each command and their ratio; machines here are shared
and noisy, so read the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args().runs
    py = sys.executable
    rows = [
        ("python -c pass", [py, "-c", "pass"]),
        ("python -c 'import rdflib'", [py, "-c", "import rdflib"]),
        ("kg --help", [py, "-m", "kg.cli", "--help"]),
        ("kg export --format ttl", [py, "-m", "kg.cli", "export", "--format", "ttl"]),
        ("kg export --format nt", [py, "-m", "kg.cli", "export", "--format", "nt"]),
    ]
    results = {name: wall(cmd, runs) for name, cmd in rows}
    base = results["python -c 'import rdflib'"]
    print(f"{'command':<30} {'median s':>9} {'× import rdflib':>16}")
    for name, t in results.items():
        print(f"{name:<30} {t:>9.3f} {t / base:>16.2f}")


if __name__ == "__main__":
    main()
