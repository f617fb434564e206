"""The built wheel carries the rules and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import CORPUS, ROOT


def test_wheel_ships_rules_and_parses_outside_the_checkout(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("docparse-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file()]
    assert rule_files
    assert {f"docparse/{name}" for name in rule_files} <= names
    assert not any(name.startswith("corpus/fixtures/") for name in names)

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = ("import docparse, docparse.rules as r, sys; "
            "assert r.rules_dir().is_relative_to(sys.argv[1]), r.rules_dir(); "
            "d = docparse.parse(sys.argv[2]).to_dict(); print(d['report']['unit'], len(d['mentions']))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", code, str(target), str(CORPUS / "samples" / "sample-project-2023.txt")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    unit, mentions = out.stdout.split()
    assert unit == "青溪县水利局" and int(mentions) > 30
