"""The kg command: help, errors as one `Error:` line, exit codes, nothing half written."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

REPO = Path(__file__).resolve().parent.parent

COMMANDS = ["build", "export", "validate", "eval", "chain", "query", "load"]


@pytest.mark.parametrize("args", [["--help"], ["-h"]] + [[c, "--help"] for c in COMMANDS])
def test_help(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Usage: " in result.output
    if args[0] in COMMANDS:
        assert "Example:" in result.output


def test_help_imports_nothing_heavy():
    code = (
        "import sys; from kg.cli import main\n"
        "try:\n    main(['export', '--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pyshacl', 'networkx', 'rdflib', 'pyoxigraph', 'pypinyin', 'opencc')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY:"


def test_export_ttl_to_stdout():
    result = CliRunner().invoke(main, ["export", "--format", "ttl"])
    assert result.exit_code == 0
    assert result.output.startswith("@prefix ")
    assert '"“四張藍圖”全力助推脫貧攻堅"@zh-hant' in result.output


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02\x03binary", "not a text file (binary content)"),
        ("沒有正文的頁面".encode(), "no article body"),
    ],
)
def test_bad_article_is_one_error_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: {message}")
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()  # nothing written


def test_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path / "missing.txt")])
    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'missing.txt'}: no such file\n")


def test_one_bad_file_is_reported_and_the_others_are_published(tmp_path, seed_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kg.ttl").write_text("previous")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(seed_path), str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}: file is empty\nError: 1 of 2 files did not build (listed above); the others were published\n"
    )
    assert result.stdout.startswith("000_bdc2813b06239aaa  “四張藍圖”全力助推脫貧攻堅")
    assert (out / "kg.nq").read_bytes() == (REPO / "out" / "kg.nq").read_bytes()


def test_only_bad_files_write_nothing(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {tmp_path / 'binary.txt'}: not a text file (binary content)\n"
        f"Error: {tmp_path / 'empty.txt'}: file is empty\n"
    )
    assert not out.exists()


def test_usage_error_exits_2():
    result = CliRunner().invoke(main, ["export", "--format", "pdf"])
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.output


def test_no_traceback_from_console_script(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", str(tmp_path / "nope.txt")], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file\n"


def test_build_prints_summary(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "000_bdc2813b06239aaa  “四張藍圖”全力助推脫貧攻堅  (2016-12-13T10:07:00+08:00)"
    assert (
        "50 figures, 8 documents, 6 funding standards, 8 assignments, 3 responsibility lists, 8 personnel actions"
        in lines[2]
    )


def test_eval_seed():
    from kg.resources import evaluation_set

    gold = next(p for p in evaluation_set()[0] if p.name == "seed.json")
    result = CliRunner().invoke(main, ["eval", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    seed = json.loads(result.output)["seed"]
    for category in ("documents", "figures", "funding_standards"):
        assert seed[category]["precision"] >= 0.95 and seed[category]["recall"] >= 0.95, category


def test_article_from_stdin(seed_path):
    result = CliRunner().invoke(main, ["export", "--format", "nt", "-"], input=seed_path.read_bytes())
    assert result.exit_code == 0
    assert "<https://w3id.org/fupin-kg/id/article/stdin>" in result.output
    assert '"8540"^^<http://www.w3.org/2001/XMLSchema#integer>' in result.output
