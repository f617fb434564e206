"""The command line: the spec's contract, bad input as one line on stderr with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


# -- several files, standard input, --to, --pages, -v/-q, the API's file objects, batch --password --------------

PDF = CORPUS / "fixtures" / "e02-pdf-evaluation-reportlab-ttf.pdf"
TABLE = CORPUS / "fixtures" / "s01-docx-table.docx"


def invoke(*args: str, stdin: bytes | None = None) -> Any:
    from click.testing import CliRunner

    from docparse.cli import main

    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture(scope="module")
def single() -> dict[str, dict[str, Any]]:
    import docparse

    return {p.name: docparse.parse(p).to_dict() for p in (SAMPLE, TABLE, PDF)}


def test_several_files_as_a_json_array_and_as_jsonl_with_error_records(
    tmp_path: Path, single: dict[str, dict[str, Any]]
) -> None:
    both = invoke("parse", str(SAMPLE), str(TABLE))
    assert both.exit_code == 0, both.stderr
    assert json.loads(both.stdout) == [single[SAMPLE.name], single[TABLE.name]]
    missing = tmp_path / "gone.docx"
    lines = invoke("parse", str(SAMPLE), str(missing), str(TABLE), "--to", "jsonl", "-o", str(tmp_path / "r.jsonl"))
    assert lines.exit_code == 2 and lines.stderr.strip() == f"docparse: {missing}: no such file"
    records = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r.get("error", {}).get("kind") for r in records] == [None, "InputNotFound", None]
    assert records[0] == single[SAMPLE.name] and records[2] == single[TABLE.name]
    assert invoke("validate", str(tmp_path / "r.jsonl")).exit_code == 0
    folder = invoke("parse", str(SAMPLE), str(TABLE), "-o", str(tmp_path / "each"))
    assert folder.exit_code == 0
    assert json.loads((tmp_path / "each" / f"{TABLE.name}.json").read_text(encoding="utf-8")) == single[TABLE.name]


def test_standard_input_and_file_objects_give_the_file_s_report(single: dict[str, dict[str, Any]]) -> None:
    import io

    import docparse

    for path in (SAMPLE, TABLE, PDF):
        want = {**single[path.name], "source": {**single[path.name]["source"], "path": None}}
        piped = invoke("parse", "-", stdin=path.read_bytes())
        assert piped.exit_code == 0, piped.stderr
        assert json.loads(piped.stdout) == want, path.name
        assert docparse.parse(io.BytesIO(path.read_bytes())).to_dict() == want
        with path.open("rb") as fh:
            assert docparse.parse(fh).to_dict() == single[path.name]  # an open file knows its name
    with pytest.raises(docparse.DocparseError, match=r"upload\.pdf: file is empty"):
        docparse.parse(io.BytesIO(b""), name="upload.pdf")


def test_pages_markdown_and_verbosity(single: dict[str, dict[str, Any]]) -> None:
    cut = invoke("parse", str(PDF), "--pages", "2-3", "-v")
    assert cut.exit_code == 0, cut.stderr
    data = json.loads(cut.stdout)
    pages = {m["provenance"]["page"] for m in data["mentions"]}
    assert pages <= {2, 3} and pages and len(data["mentions"]) < len(single[PDF.name]["mentions"])
    assert any(w["code"] == "pages_selected" and w["pages"] == [2, 3] for w in data["warnings"])
    assert f"docparse: {PDF}: " in cut.stderr and "figures" in cut.stderr
    assert invoke("parse", str(SAMPLE), "--pages", "1").exit_code == 2
    assert invoke("parse", str(SAMPLE), "--pages", "3-1").exit_code == 2
    quiet = invoke("parse", str(SAMPLE), "--to", "md", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout.startswith("# 青溪县水利局2023年度") and "\n## 一、项目概况\n" in quiet.stdout


def test_batch_password_and_its_results_validate(tmp_path: Path) -> None:
    encrypted = CORPUS / "fixtures" / "f07-pdf-encrypted.pdf"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 cut")
    out = tmp_path / "out"
    done = run(
        "batch", str(encrypted), str(broken), "-o", str(out), "--workers", "1", "--quiet", "--password", "docparse"
    )
    assert done.returncode == 0, done.stderr
    results = {
        Path(r["source"]["path"]).name: r
        for r in map(json.loads, (out / "results.jsonl").read_text(encoding="utf-8").splitlines())
    }
    assert results[encrypted.name]["sections"] and "error" not in results[encrypted.name]
    assert results[broken.name]["error"]["kind"] == "CorruptInput"
    assert invoke("validate", str(out / "results.jsonl")).exit_code == 0
    bad = dict(results[broken.name], error={k: v for k, v in results[broken.name]["error"].items() if k != "cause"})
    (tmp_path / "bad.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    refused = invoke("validate", str(tmp_path / "bad.jsonl"))
    assert refused.exit_code == 1 and "'cause' is a required property" in refused.stderr
    schema = json.loads(invoke("schema", "--error-record").stdout)
    assert schema["required"] == ["docparse_version", "source", "error"]


def test_review_and_export_read_report_files_directly(tmp_path: Path, single: dict[str, dict[str, Any]]) -> None:
    page = tmp_path / "sample.html"
    result = invoke("review", str(SAMPLE), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count('<mark id="m') == len(single[SAMPLE.name]["mentions"])
    assert "http://" not in html and "https://" not in html and "<link" not in html
    missing = invoke("export", str(tmp_path / "absent.json"), "--to", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert missing.exit_code == 2 and "absent.json: no such file or folder" in missing.stderr
