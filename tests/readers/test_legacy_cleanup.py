"""A conversion's LibreOffice folders and processes do not outlive a ``kill -9`` of the process that
started it: the next conversion (or a batch that killed its worker) sweeps them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from docparse.readers import legacy

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "corpus" / "fixtures" / "p04-doc-typed.doc"

_CONVERT = """
import sys, pathlib
from docparse.readers.legacy import convert_to_docx
convert_to_docx(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), timeout=120)
"""


def _leftovers(pid: int) -> list[Path]:
    tmp = Path(tempfile.gettempdir())
    return [p for p in tmp.glob(f"docparse-lo-{pid}-*")]


def _soffice_for(folder_names: list[str]) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if any(name.encode() in cmdline for name in folder_names):
            pids.append(int(proc.name))
    return pids


@pytest.mark.skipif(legacy.soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_killed_conversion_is_swept(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", _CONVERT, str(DOC), str(tmp_path)], cwd=ROOT)
    deadline = time.monotonic() + 60
    folders: list[Path] = []
    while time.monotonic() < deadline and not any((f / "docparse-pgid").exists() for f in folders):
        folders = _leftovers(child.pid)
        time.sleep(0.05)
    assert folders, "the conversion never started"
    os.kill(child.pid, signal.SIGKILL)  # no atexit, no finally
    child.wait()
    names = [f.name for f in folders]
    assert _leftovers(child.pid)  # what a killed process leaves behind …
    assert legacy.sweep(child.pid) >= 1  # … until the next conversion or the batch sweeps it
    assert not _leftovers(child.pid)
    deadline = time.monotonic() + 10
    while _soffice_for(names) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _soffice_for(names), "a LibreOffice process of the killed conversion is still running"


def test_sweep_leaves_live_owners_alone(tmp_path: Path) -> None:
    mine = Path(tempfile.gettempdir()) / f"docparse-lo-{os.getpid()}-test-{tmp_path.name}"
    mine.mkdir()
    try:
        legacy.sweep()  # only folders of processes no longer alive
        assert mine.exists()
        assert legacy.sweep(os.getpid()) >= 1
        assert not mine.exists()
    finally:
        if mine.exists():
            mine.rmdir()
