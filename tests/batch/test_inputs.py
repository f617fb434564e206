"""Input discovery: folders recursively, globs, explicit files; only readable types; mirrored paths."""

from __future__ import annotations

from pathlib import Path

from docparse.batch.inputs import discover, with_hashes


def _tree(root: Path) -> None:
    for rel in ("a/1.txt", "a/b/2.docx", "a/b/3.PDF", "a/skip.md", "c/4.txt", "c/5.wps", "out/x.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel, encoding="utf-8")


def test_folder_is_searched_recursively_for_supported_types(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([str(tmp_path / "a")])
    assert [f.rel for f in found.files] == ["1.txt", "b/2.docx", "b/3.PDF"]
    assert [Path(p).name for p in found.skipped] == ["skip.md"]


def test_two_folders_mirror_under_their_common_base(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([str(tmp_path / "c"), str(tmp_path / "a" / "b")])
    assert [f.rel for f in found.files] == ["a/b/2.docx", "a/b/3.PDF", "c/4.txt", "c/5.wps"]


def test_glob_and_explicit_file(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([str(tmp_path / "a" / "**" / "*.docx"), str(tmp_path / "a" / "skip.md")])
    assert sorted(f.rel for f in found.files) == ["b/2.docx", "skip.md"]  # named explicitly: taken


def test_output_folder_excluded_and_missing_reported(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([str(tmp_path), str(tmp_path / "nope"), str(tmp_path / "*.none")],
                     exclude=str(tmp_path / "out"))
    assert "out/x.txt" not in [f.rel for f in found.files]
    assert found.missing == [str(tmp_path / "nope"), str(tmp_path / "*.none")]


def test_same_file_named_twice_is_taken_once_and_hashed(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover([str(tmp_path / "c"), str(tmp_path / "c" / "4.txt")])
    files = with_hashes(found.files)
    assert [f.rel for f in files] == ["4.txt", "5.wps"]
    assert all(len(f.sha256) == 64 for f in files)
