"""Inputs for batch tests, made in tmp_path: real report texts (read from ../shared at run time),
faulty files of several kinds, an unsupported file and an identical copy under another name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_real_texts

FAULTY = {
    "faulty/empty.txt": b"",
    "faulty/binary.txt": bytes(range(256)) * 40,
    "faulty/broken.docx": b"PK\x03\x04 this is not really a zip archive",
    "faulty/broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%% truncated here",
}


def real_texts(count: int) -> list[Path]:
    texts = shared_real_texts()
    if len(texts) < count:
        pytest.skip("../shared real corpus texts are not present beside this checkout")
    return texts[:count]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """IN/ with 6 good reports (two in a sub-folder), one duplicate, 4 faulty files, 1 unsupported."""
    folder = tmp_path / "IN"
    for i, text in enumerate(real_texts(6)):
        target = folder / ("reports/2023" if i >= 4 else "reports") / f"r{i}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(text, target)
    shutil.copy(folder / "reports" / "r0.txt", folder / "duplicate-of-first.txt")
    for rel, data in FAULTY.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    (folder / "notes.md").write_text("not a report\n", encoding="utf-8")
    return folder


def many_texts(folder: Path, count: int, repeat: int = 4) -> list[Path]:
    """``count`` distinct report texts (real texts glued together, each with its own first line)."""
    texts = [t.read_text(encoding="utf-8") for t in real_texts(8)]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        body = "\n".join(texts[(i + k) % len(texts)] for k in range(repeat))
        path = folder / f"doc{i:03d}.txt"
        path.write_text(f"第{i}号报告\n{body}\n", encoding="utf-8")
        out.append(path)
    return out


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli_command(*args), capture_output=True, text=True, cwd=ROOT, timeout=600, **kwargs)


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from docparse.cli import main; main()", *args]


def read_outputs(out_dir: Path) -> dict[str, bytes]:
    """Every per-document result file and results.jsonl, by relative path (the deterministic outputs)."""
    files = {p.relative_to(out_dir).as_posix(): p.read_bytes()
             for p in out_dir.rglob("*.json") if not p.name.startswith(".")}
    files["results.jsonl"] = (out_dir / "results.jsonl").read_bytes()
    return files


def summary_rows(out_dir: Path) -> list[dict[str, str]]:
    import csv

    with (out_dir / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))
