"""A batch over the hostile inputs plus renamed copies: every input accounted for, each output the
single-file answer for the same path (suffix included); a second batch into a busy folder is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docparse
from docparse.batch.inputs import InputFile
from docparse.batch.manifest import Manifest
from docparse.batch.run import BatchOptions, folder_lock, make_plan
from docparse.errors import DocparseError
from tests.batch.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "corpus" / "hostile"
SAMPLE = ROOT / "corpus" / "samples" / "sample-project-2023.txt"


def _single(path: Path) -> dict:
    """What ``docparse parse`` answers for ``path``: the report JSON, or the error's code and cause."""
    try:
        data = docparse.parse(path).to_dict()
    except DocparseError as exc:
        return {"code": exc.code, "cause": exc.cause}
    data["source"]["path"] = str(path)
    return data


def test_batch_over_hostile_inputs_matches_single_parses(tmp_path: Path) -> None:
    folder = tmp_path / "IN"
    folder.mkdir()
    for path in HOSTILE.iterdir():
        if path.suffix in (".docx", ".pdf", ".doc", ".wps"):
            shutil.copy(path, folder / path.name)
    shutil.copy(SAMPLE, folder / "good.txt")
    shutil.copy(HOSTILE / "pdf-owner-password-only.pdf", folder / "pdf-renamed.doc")  # same bytes, other suffix
    shutil.copy(HOSTILE / "sym-beyond-unicode.docx", folder / "docx-renamed.doc")  # misnamed: its own warning
    shutil.copy(SAMPLE, folder / "copy-of-good.txt")  # same bytes and suffix: shared result
    out = tmp_path / "OUT"
    proc = run_cli("batch", str(folder), "-o", str(out), "--workers", "1", "--quiet")
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    inputs = sorted(p.name for p in folder.iterdir())
    manifest = Manifest(out / "manifest.jsonl")
    assert sorted(manifest.by_file) == inputs  # every input accounted for
    for name in inputs:
        single = _single(folder / name)
        record = manifest.by_file[name]
        result = json.loads((out / record["output"]).read_text(encoding="utf-8"))
        if "code" in single:
            assert result["error"]["code"] == single["code"], name
            assert result["error"]["cause"] == single["cause"], name
        else:
            result["source"]["path"] = str(folder / name)
            assert result == single, name
    copied = {manifest.by_file[n].get("copied_from") for n in ("copy-of-good.txt", "good.txt")}
    assert copied in ({None, "good.txt"}, {None, "copy-of-good.txt"})  # one parsed, its twin copied
    assert manifest.by_file["pdf-renamed.doc"].get("copied_from") is None
    warnings = json.loads((out / "docx-renamed.doc.json").read_text(encoding="utf-8"))["warnings"]
    assert any(w["code"] == "misnamed" and "docx-renamed.doc" in w["message"] for w in warnings)


def test_same_bytes_under_another_suffix_are_parsed_apart(tmp_path: Path) -> None:
    files = [InputFile(path=name, rel=name, abspath=str(tmp_path / name), size=10, sha256="s")
             for name in ("a.pdf", "b.doc", "c.pdf")]
    plan = make_plan(files, Manifest(tmp_path / "m.jsonl"), tmp_path, BatchOptions(inputs=[], out_dir=str(tmp_path)))
    assert [f.rel for f in plan.parse] == ["a.pdf", "b.doc"]
    assert [f.rel for dups in plan.duplicates.values() for f in dups] == ["c.pdf"]


def test_second_batch_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    out.mkdir()
    with folder_lock(out):  # a batch running into OUT
        proc = run_cli("batch", str(SAMPLE), "-o", str(out))
    assert proc.returncode == 2
    assert "another docparse batch" in proc.stderr and str(out) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (out / "manifest.jsonl").exists()
