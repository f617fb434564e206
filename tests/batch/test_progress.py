"""Progress: a bar with rate and ETA on a terminal, plain log lines when piped or with --quiet."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.batch.conftest import cli_command, many_texts, run_cli


def test_piped_output_is_plain_lines(tmp_path: Path) -> None:
    many_texts(tmp_path / "IN", 3, repeat=1)
    proc = run_cli("batch", str(tmp_path / "IN"), "-o", str(tmp_path / "OUT"), "--workers", "1")
    lines = proc.stderr.splitlines()
    assert [line.split("]")[0] for line in lines[:3]] == ["[1/3", "[2/3", "[3/3"]
    assert all("docs/s, ETA" in line for line in lines[:3])
    assert "\x1b[" not in proc.stderr and "━" not in proc.stderr
    assert proc.stdout == ""


def _run_on_terminal(*args: str) -> str:
    main, secondary = os.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    proc = subprocess.Popen(cli_command(*args), stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary,
                            env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO once the terminal's other end is closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_shows_a_bar_with_rate_and_eta(tmp_path: Path) -> None:
    many_texts(tmp_path / "IN", 3, repeat=1)
    (tmp_path / "IN" / "empty.txt").write_bytes(b"")
    screen = _run_on_terminal("batch", str(tmp_path / "IN"), "-o", str(tmp_path / "OUT"), "--workers", "1")
    assert "━" in screen and "4/4" in screen and "docs/s" in screen and "ETA" in screen
    assert "empty.txt: file is empty" in screen
    quiet = _run_on_terminal("batch", str(tmp_path / "IN"), "-o", str(tmp_path / "OUT2"), "--workers", "1", "-q")
    assert "━" not in quiet and "[4/4]" in quiet
