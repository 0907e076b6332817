"""A plain (non-editable) install ships the article, ontology, lexicon, shapes and queries."""

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_contents_and_installed_cli(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("fupin_kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "kg/articles/000_bdc2813b06239aaa.txt",
        "kg/ontology/fupin.ttl",
        "kg/ontology/lexicon.ttl",
        "kg/ontology/gazetteer.ttl",
        "kg/ontology/repairs.ttl",
        "kg/queries/cq12.rq",
        "kg/shapes/core.ttl",
    } <= names
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the dependencies come from the environment running the tests; kg itself only from the wheel
    Path(site, "_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n" + sysconfig.get_paths()["platlib"] + "\n"
    )
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, capture_output=True)
    where = subprocess.run(
        [str(py), "-c", "import kg.resources as r; print(r.__file__); print(r.bundled_article())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.split()
    assert all(w.startswith(site) for w in where), where
    out = subprocess.run(
        [str(env / "bin" / "kg"), "export", "--format", "nt"], capture_output=True, cwd=tmp_path, check=True
    ).stdout
    ours = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", "--format", "nt"], capture_output=True, check=True
    ).stdout
    assert out == ours and len(out.splitlines()) > 3000
