"""Interrupted batches (kill -9, Ctrl-C) leave no half-written output and resume to the same result."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

from tests.batch.conftest import cli_command, many_texts, read_outputs, run_cli, summary_rows

COUNT = 24


def _without_seconds(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k != "seconds"} for row in rows]


def _done(out: Path) -> int:
    path = out / "manifest.jsonl"
    return path.read_bytes().count(b"\n") if path.is_file() else 0


def _start_and_interrupt(folder: Path, out: Path, sig: int, after: int) -> subprocess.Popen[str]:
    """Start a batch, send ``sig`` once ``after`` documents are in the manifest; return the process."""
    proc = subprocess.Popen(cli_command("batch", str(folder), "-o", str(out), "--workers", "2", "--quiet",
                                        "--resume"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _done(out) < after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    return proc


def _assert_no_torn_files(out: Path) -> None:
    for path in out.rglob("*.json"):
        if not path.name.startswith("."):
            json.loads(path.read_text(encoding="utf-8"))  # every visible result is complete


def test_kill_9_twice_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "IN"
    many_texts(folder, COUNT, repeat=6)
    reference = tmp_path / "REF"
    assert run_cli("batch", str(folder), "-o", str(reference), "--workers", "2", "-q").returncode == 0

    out = tmp_path / "OUT"
    killed_at = []
    for after in (3, 9):
        proc = _start_and_interrupt(folder, out, signal.SIGKILL, after)
        assert proc.returncode == -signal.SIGKILL
        killed_at.append(_done(out))
        _assert_no_torn_files(out)
    assert killed_at[0] < killed_at[1] < COUNT
    final = run_cli("batch", str(folder), "-o", str(out), "--workers", "2", "-q", "--resume")
    assert final.returncode == 0, final.stderr
    assert "already done" in final.stderr
    assert not list(out.rglob(".*.tmp"))
    assert read_outputs(out) == read_outputs(reference)
    assert _without_seconds(summary_rows(out)) == _without_seconds(summary_rows(reference))
    records = [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert len({r["file"] for r in records}) == COUNT


def test_ctrl_c_stops_cleanly_and_writes_what_is_done(tmp_path: Path) -> None:
    folder = tmp_path / "IN"
    many_texts(folder, 12, repeat=6)
    out = tmp_path / "OUT"
    proc = _start_and_interrupt(folder, out, signal.SIGINT, 2)
    assert proc.returncode == 130
    done = _done(out)
    assert 2 <= done < 12
    assert len(summary_rows(out)) == done
    assert len((out / "results.jsonl").read_text(encoding="utf-8").splitlines()) == done
    final = run_cli("batch", str(folder), "-o", str(out), "--workers", "2", "-q", "--resume")
    assert final.returncode == 0
    assert len(summary_rows(out)) == 12
