"""The manifest survives a torn last line and indexes records by file and by content."""

from __future__ import annotations

from pathlib import Path

from docparse.batch.manifest import Manifest


def _rec(file: str, sha: str, status: str) -> dict[str, str]:
    return {"file": file, "sha256": sha, "version": "v", "status": status, "output": f"{file}.json"}


def test_records_reload_and_torn_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    m = Manifest(path)
    m.append(_rec("a.txt", "s1", "error"))
    m.append(_rec("b.txt", "s1", "ok"))
    m.close()
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"file": "c.txt", "sha2')  # killed in the middle of a write
    m = Manifest(path)
    assert sorted(m.by_file) == ["a.txt", "b.txt"]
    assert m.by_content[("s1.txt", "v")]["file"] == "b.txt"  # a finished result is preferred to an error
    m.append(_rec("c.txt", "s2", "warn"))
    m.close()
    assert sorted(Manifest(path).by_file) == ["a.txt", "b.txt", "c.txt"]


def test_fresh_manifest_forgets_earlier_runs(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    m = Manifest(path)
    m.append(_rec("a.txt", "s1", "ok"))
    m.close()
    assert Manifest(path, fresh=True).by_file == {}


def test_content_index_keeps_suffixes_apart(tmp_path: Path) -> None:
    """The same bytes under another suffix are another input (a PDF renamed .doc is read differently)."""
    m = Manifest(tmp_path / "manifest.jsonl")
    m.append(_rec("a.pdf", "s1", "ok"))
    m.append(_rec("a.doc", "s1", "error"))
    m.close()
    m = Manifest(tmp_path / "manifest.jsonl")
    assert m.by_content[("s1.pdf", "v")]["file"] == "a.pdf"
    assert m.by_content[("s1.doc", "v")]["file"] == "a.doc"
