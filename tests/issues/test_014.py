"""Issue 14: the project stands on its own and reads like the codebases it learns from.

The repository needs nothing beside it; genre knowledge is data, not code; every module says what it exports and
no module imports itself back; every ``--format`` is a choice of an enum's values; commands stay thin.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {".git", ".venv", "site", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "build", "dist"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NUMERALS = set("零〇一二两兩三四五六七八九十百千万萬亿億")


def repository_files() -> list[Path]:
    """The files of the repository: those git tracks, or (without git) every file outside build products."""
    if (REPO / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
        tracked = [REPO / name for name in listed.decode().split("\0") if name]
        untracked = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--exclude-standard"], cwd=REPO, capture_output=True, check=True
        ).stdout
        return [p for p in tracked + [REPO / n for n in untracked.decode().split("\0") if n] if p.is_file()]
    return [p for p in REPO.rglob("*") if p.is_file() and not SKIPPED_DIRS & set(p.relative_to(REPO).parts)]


def test_no_file_mentions_a_path_outside_the_repository():
    outside = "/".join(["..", "shared"])  # built from parts, so this file does not mention it either
    offenders = [str(p.relative_to(REPO)) for p in repository_files() if outside.encode() in p.read_bytes()]
    assert offenders == []


def _code_literals(path: Path):
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    docs.add(id(stmt.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_genre_knowledge_is_data_not_code():
    """No Chinese word of the genre in the code's string literals (numerals aside): cue words, stop words, time
    words and patterns live in the lexicon."""
    found = {}
    for path in sorted((REPO / "kg").rglob("*.py")):
        for line, value in _code_literals(path):
            for ch in CJK.findall(value):
                if ch not in NUMERALS:
                    found.setdefault(ch, f"{path.relative_to(REPO)}:{line}")
    assert found == {}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((REPO / "kg").rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def test_every_module_says_what_it_exports_and_stays_readable():
    missing_all, too_long = [], []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
        }
        if "__all__" not in names and path.name != "__main__.py":
            missing_all.append(name)
        if len(path.read_text(encoding="utf-8").splitlines()) > 400:
            too_long.append(name)
    assert (missing_all, too_long) == ([], [])


def _imports(name: str, path: Path) -> set[str]:
    """The kg modules ``name`` imports, anywhere in it but under ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in node.body
        for n in ast.walk(child)
    }
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            out |= {base} | {f"{base}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return {m for m in out if m.startswith("kg")}


def test_no_import_cycles():
    import networkx as nx

    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for target in _imports(name, path):
            if target in modules and target != name:
                graph.add_edge(name, target)
    # a package's __init__ that re-exports its modules is not a cycle with them
    cycles = [
        c
        for c in nx.simple_cycles(graph)
        if not any(a.startswith(b + ".") or b.startswith(a + ".") for a in c for b in c if a != b and len(c) == 2)
    ]
    assert cycles == []


def test_every_public_function_and_class_has_an_example():
    """Each name a module exports (functions and classes defined there) has a docstring with a runnable example;
    pytest runs the examples as doctests."""
    import importlib
    import inspect

    without = []
    for name in _modules():
        if name.endswith("__main__"):
            continue  # importing it runs the command line
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == name:
                if ">>>" not in (inspect.getdoc(obj) or ""):
                    without.append(f"{name}.{attr}")
    assert without == []


def test_every_format_option_is_a_choice_of_an_enums_values():
    import click

    from kg.cli import main
    from kg.formats import EXPORT_FORMATS, ReportFormat, ResultFormat, SummaryFormat

    expected = {
        "export": list(EXPORT_FORMATS),
        "query": [f.value for f in ResultFormat],
        "validate": [f.value for f in ReportFormat],
        "chain": [f.value for f in SummaryFormat],
        "eval": [f.value for f in SummaryFormat],
    }
    seen = {}
    for name, command in main.commands.items():
        for param in command.params:
            if param.name == "fmt":
                assert isinstance(param.type, click.Choice)
                seen[name] = list(param.type.choices)
                assert param.default == seen[name][0], name
    assert seen == expected


def test_commands_stay_thin():
    from kg.cli import dataset, stores

    lengths = {}
    for module in (dataset, stores):
        for node in ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.decorator_list:
                body = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body  # the docstring is --help
                lengths[node.name] = body[-1].end_lineno - body[0].lineno + 1
    assert set(lengths) == {"build", "export", "chain", "query", "load", "validate", "eval_"}
    assert max(lengths.values()) <= 25, lengths


@pytest.mark.skipif(shutil.which("git") is None and not (REPO / ".git").exists(), reason="needs the file list")
def test_the_evaluation_runs_from_a_copy_of_the_repository_alone(tmp_path):
    """Copy the repository's files alone into a new directory, install that copy (no build warnings) and run
    `kg eval` there, from a directory with nothing beside it."""
    copy, site, elsewhere = tmp_path / "repo", tmp_path / "site", tmp_path / "work"
    for path in repository_files():
        target = copy / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    elsewhere.mkdir()
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(site),
            str(copy),
        ],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    assert "Warning" not in install.stdout + install.stderr
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import kg.resources as r; print(r.evaluation_set()[1][0])"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site)
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "eval"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    micro = [line.split() for line in result.stdout.splitlines() if line.startswith("micro-average")]
    assert [row[1:5] for row in micro[:10]] == [
        ["documents", "15", "15", "15"],
        ["figures", "191", "190", "190"],
        ["funding_standards", "16", "16", "16"],
        ["roles", "36", "38", "34"],
        ["organizations", "70", "68", "65"],
        ["persons", "9", "9", "9"],
        ["places", "40", "38", "38"],
        ["responsibility_lists", "7", "7", "7"],
        ["actions", "19", "19", "19"],
        ["programmes", "72", "56", "53"],
    ]
