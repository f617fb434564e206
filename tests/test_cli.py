"""The command line: the spec's contract, bad input as one line on stderr with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

SAMPLE = CORPUS / "samples" / "sample-project-2023.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "docparse", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_version() -> None:
    from docparse import __version__

    out = run("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_parse_prints_unescaped_json_that_validates(tmp_path: Path) -> None:
    out = run("parse", str(SAMPLE))
    assert out.returncode == 0, out.stderr
    assert "青溪县水利局" in out.stdout  # UTF-8, not ASCII-escaped
    data = json.loads(out.stdout)
    assert data["source"]["format"] == "txt"
    target = tmp_path / "sample.json"
    target.write_text(out.stdout, encoding="utf-8")
    checked = run("validate", str(target))
    assert checked.returncode == 0, checked.stderr


def test_parse_writes_output_file_equal_to_stdout(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "out.json"
    out = run("parse", str(SAMPLE), "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(run("parse", str(SAMPLE)).stdout)
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]  # no temp files left


def test_schema_command_prints_the_schema() -> None:
    out = run("schema")
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"report", "sections", "mentions", "facts", "indicators", "checks"} <= set(schema["properties"])


def test_validate_reports_schema_violations(tmp_path: Path) -> None:
    data = json.loads(run("parse", str(SAMPLE)).stdout)
    data["report"]["type"] = "no_such_type"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = run("validate", str(bad))
    assert out.returncode == 1
    assert "report/type" in out.stderr


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp / "report.xls").write_bytes(b"not a report")
    (tmp / "folder.txt").mkdir()
    (tmp / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "empty": (tmp / "empty.txt", "empty"),
        "binary": (tmp / "binary.txt", "decode"),
        "unsupported": (tmp / "report.xls", "unsupported file type '.xls'"),
        "directory": (tmp / "folder.txt", "directory"),
        "blank": (tmp / "blank.txt", "no text"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "unsupported", "directory", "blank"])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, case: str) -> None:
    path, cause = _bad_inputs(tmp_path)[case]
    target = tmp_path / "out" / "result.json"
    out = run("parse", str(path), "-o", str(target))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert str(path) in lines[0] and cause in lines[0]
    assert "Traceback" not in out.stderr
    assert not target.exists()
    assert not target.parent.exists() or not any(target.parent.iterdir())


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    encrypted = CORPUS / "fixtures" / "f07-pdf-encrypted.pdf"
    refused = run("parse", str(encrypted))
    assert refused.returncode == 2
    assert str(encrypted) in refused.stderr and "encrypted" in refused.stderr
    wrong = run("parse", str(encrypted), "--password", "not-it")
    assert wrong.returncode == 2 and "wrong" in wrong.stderr
    opened = run("parse", str(encrypted), "--password", "docparse")
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout)["sections"]


def test_output_file_has_ordinary_permissions(tmp_path: Path) -> None:
    import os

    target = tmp_path / "out.json"
    assert run("parse", str(SAMPLE), "-o", str(target)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
