"""``docparse load``: a real ``docparse batch`` output folder, its JSONL, and broken inputs."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from docparse.cli import main
from tests.conftest import CORPUS, ROOT
from tests.export.test_sqlite import TABLES, counts


def run_load(*args: str | Path) -> Any:
    return CliRunner().invoke(main, ["load", *map(str, args)])


def test_batch_folder_and_its_jsonl_load_the_same_rows(tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip archive")
    inputs = [CORPUS / "samples" / "sample-project-2023.txt", CORPUS / "fixtures" / "f02-txt-altered-total.txt", broken]
    done = subprocess.run(
        [sys.executable, "-m", "docparse", "batch", *map(str, inputs), "-o", str(out), "--workers", "1", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert len(list(out.rglob("*.txt.json"))) == 2, done.stderr
    assert len(list(out.rglob("*.error.json"))) == 1

    folder = run_load(tmp_path / "folder.db", out)
    assert folder.exit_code == 0, folder.stderr
    assert "2 reports loaded" in folder.stderr and "1 error records" in folder.stderr
    jsonl = run_load(tmp_path / "jsonl.db", out / "results.jsonl")
    assert jsonl.exit_code == 0, jsonl.stderr
    by_folder, by_jsonl = counts(tmp_path / "folder.db"), counts(tmp_path / "jsonl.db")
    assert by_folder == by_jsonl
    assert by_folder["reports"] == 2 and by_folder["mentions"] > 20 and by_folder["checks"] > 5

    again = run_load(tmp_path / "folder.db", out)
    assert again.exit_code == 0 and "0 new, 2 replaced" in again.stderr
    assert counts(tmp_path / "folder.db") == by_folder
    with sqlite3.connect(tmp_path / "folder.db") as conn:
        paths = sorted(p for (p,) in conn.execute("SELECT source_path FROM reports"))
    assert [Path(p).name for p in paths] == ["f02-txt-altered-total.txt", "sample-project-2023.txt"]


def test_invalid_objects_are_named_by_file_and_line(tmp_path: Path, reports: dict[str, dict[str, Any]]) -> None:
    bad = json.loads(json.dumps(reports["typed"]))
    bad["report"]["fiscal_year"] = "2020"
    lines = [json.dumps(reports["sample"], ensure_ascii=False), json.dumps(bad, ensure_ascii=False), "{not json"]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "in" / "table.json").write_text(json.dumps(reports["table"], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "in" / "cut.json").write_text(json.dumps(reports["altered"])[:500], encoding="utf-8")

    result = run_load(tmp_path / "x.db", tmp_path / "in")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "invalid report" in line]
    assert len(errors) == 3
    assert f"{tmp_path / 'in' / 'cut.json'}:1: invalid report: not JSON" in errors[0]
    assert f"{tmp_path / 'in' / 'mixed.jsonl'}:2: invalid report: report/fiscal_year" in errors[1]
    assert f"{tmp_path / 'in' / 'mixed.jsonl'}:3: invalid report: not JSON" in errors[2]
    assert counts(tmp_path / "x.db")["reports"] == 2


def test_missing_input_exits_2_before_touching_the_database(tmp_path: Path) -> None:
    result = run_load(tmp_path / "x.db", tmp_path / "absent.jsonl")
    assert result.exit_code == 2 and "absent.jsonl: no such file or folder" in result.stderr
    assert not (tmp_path / "x.db").exists()
    assert set(TABLES) >= {"reports", "sections", "checks"}


def test_killed_load_leaves_whole_reports_and_a_rerun_completes(tmp_path: Path, reports: dict[str, Any]) -> None:
    sample = reports["sample"]
    per_report = {
        "sections": sum(1 for _ in _walk(sample["sections"])),
        "mentions": len(sample["mentions"]),
        "fund_items": len(sample["funds"]["items"]),
        "checks": len(sample["checks"]),
    }
    with (tmp_path / "many.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(150):
            copy = {**sample, "source": {**sample["source"], "path": f"archive/{i:03}.txt"}}
            fh.write(json.dumps(copy, ensure_ascii=False) + "\n")
    db = tmp_path / "many.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "docparse", "load", str(db), str(tmp_path / "many.jsonl")],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while _loaded(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    loaded = _loaded(db)
    assert 10 <= loaded < 150
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for table, n in per_report.items():
            rows = conn.execute(
                f"SELECT r.id, COUNT(t.report_id) FROM reports r LEFT JOIN {table} t "
                "ON t.report_id = r.id GROUP BY r.id"
            ).fetchall()
            assert len(rows) == loaded and {c for _, c in rows} == {n}, table
    rerun = run_load(db, tmp_path / "many.jsonl")
    assert rerun.exit_code == 0, rerun.stderr
    assert f"150 reports loaded into {db} ({150 - loaded} new, {loaded} replaced)" in rerun.stderr
    assert counts(db)["mentions"] == 150 * per_report["mentions"]


def _walk(sections: list[dict[str, Any]]) -> Any:
    for s in sections:
        yield s
        yield from _walk(s["children"])


def _loaded(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    except sqlite3.Error:
        return 0
