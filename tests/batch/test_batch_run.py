"""End-to-end batches on real report texts and faulty files: outputs, error records, resume, dedup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docparse.batch import BatchOptions, run_batch
from docparse.batch.progress import LineProgress
from docparse.export.json import validation_errors
from tests.batch.conftest import FAULTY, many_texts, read_outputs, run_cli, summary_rows


def _run(inputs: list[str], out: Path, **kw) -> object:
    options = BatchOptions(inputs=inputs, out_dir=str(out), workers=kw.pop("workers", 2), **kw)
    return run_batch(options, LineProgress())


def test_every_good_file_has_json_every_faulty_one_an_error_record(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    proc = run_cli("batch", str(inputs), "-o", str(out), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    good = sorted(p.relative_to(inputs).as_posix() for p in inputs.rglob("*.txt")
                  if not p.relative_to(inputs).as_posix().startswith("faulty/"))
    assert len(good) == 7
    for rel in good:
        data = json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))
        assert validation_errors(data) == []
        assert data["source"]["path"] == str(inputs / rel)
        assert not (out / f"{rel}.error.json").exists()
    causes = {}
    for rel in FAULTY:
        assert not (out / f"{rel}.json").exists()
        record = json.loads((out / f"{rel}.error.json").read_text(encoding="utf-8"))
        assert record["error"]["message"] == f"{inputs / rel}: {record['error']['cause']}"
        causes[rel] = record["error"]["cause"]
    assert "empty" in causes["faulty/empty.txt"]
    assert "decode" in causes["faulty/binary.txt"]
    assert ".docx" in causes["faulty/broken.docx"]
    assert not any(cause.startswith("internal error") for cause in causes.values())
    assert not (out / "notes.md.json").exists()  # unsupported type in a folder: ignored
    rows = summary_rows(out)
    rels = [Path(r["file"]).relative_to(inputs).as_posix() for r in rows]
    assert rels == sorted(rels)
    assert len(rows) == 11
    statuses = {Path(r["file"]).relative_to(inputs).as_posix(): r for r in rows}
    assert {statuses[rel]["status"] for rel in FAULTY} == {"error"}
    assert all(statuses[rel]["status"] in {"ok", "warn"} and not statuses[rel]["error"] for rel in good)
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [r["file"] for r in rows]
    assert "11 documents" in proc.stderr and "4 error" in proc.stderr


def test_identical_files_are_parsed_once(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    result = _run([str(inputs)], out)
    assert (result.parsed, result.copied) == (10, 1)
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    copies = [r for r in records if r["copied_from"]]
    assert [(r["file"], r["copied_from"]) for r in copies] == [("reports/r0.txt", "duplicate-of-first.txt")]
    original = json.loads((out / "duplicate-of-first.txt.json").read_text(encoding="utf-8"))
    duplicate = json.loads((out / "reports/r0.txt.json").read_text(encoding="utf-8"))
    assert duplicate["source"]["path"] == str(inputs / "reports/r0.txt")
    duplicate["source"]["path"] = original["source"]["path"]
    assert duplicate == original


def test_resume_skips_done_and_retry_failed_redoes_failures(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    first = _run([str(inputs)], out)
    before = read_outputs(out)
    again = _run([str(inputs)], out, resume=True)
    assert (again.parsed, again.copied, again.skipped) == (0, 0, 11)
    assert read_outputs(out) == before
    # a changed file is parsed again; a failed one stays failed without --retry-failed
    changed = inputs / "reports" / "r2.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充说明\n", encoding="utf-8")
    (inputs / "faulty" / "empty.txt").write_text("一、基本情况\n本年度预算10万元。\n", encoding="utf-8")
    third = _run([str(inputs)], out, resume=True)
    assert (third.parsed, third.skipped) == (2, 9)  # changed content is parsed again, failed or not
    assert third.counts["error"] == first.counts["error"] - 1 == 3
    assert (out / "faulty/empty.txt.json").exists() and not (out / "faulty/empty.txt.error.json").exists()
    fourth = _run([str(inputs)], out, resume=True, retry_failed=True)
    assert (fourth.parsed, fourth.skipped) == (3, 8)  # only the three failures are tried again
    assert fourth.counts == third.counts


def test_identical_file_added_later_is_copied_not_parsed(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    _run([str(inputs)], out)
    source = inputs / "reports" / "r1.txt"
    (inputs / "later").mkdir()
    (inputs / "later" / "renamed.txt").write_bytes(source.read_bytes())
    result = _run([str(inputs)], out, resume=True)
    assert (result.parsed, result.copied, result.skipped) == (0, 1, 11)
    data = json.loads((out / "later/renamed.txt.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == str(inputs / "later" / "renamed.txt")


def test_workers_are_recycled(tmp_path: Path) -> None:
    many_texts(tmp_path / "IN", 5, repeat=1)
    result = _run([str(tmp_path / "IN")], tmp_path / "OUT", workers=1, recycle=2)
    assert [w.documents for w in result.workers] == [2, 2, 1]
    assert len({w.pid for w in result.workers}) == 3
    assert all(w.peak_rss_mb and w.peak_rss_mb > 10 for w in result.workers)


def _small_set_with_huge_file(tmp_path: Path) -> Path:
    folder = tmp_path / "IN"
    source = many_texts(folder, 2, repeat=1)[0]
    text = source.read_text(encoding="utf-8")
    (folder / "doc000-huge.txt").write_text((text + "\n") * 8000, encoding="utf-8")  # parsed before doc001
    return folder


def test_timeout_kills_the_worker_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = _small_set_with_huge_file(tmp_path)
    result = _run([str(folder)], tmp_path / "OUT", workers=1, timeout=1.5)
    record = json.loads((tmp_path / "OUT/doc000-huge.txt.error.json").read_text(encoding="utf-8"))
    assert record["error"]["kind"] == "Timeout"
    assert "timed out after 1.5 s" in record["error"]["cause"]
    assert result.counts["error"] == 1
    assert (tmp_path / "OUT/doc001.txt.json").is_file()  # the file after it, on a new worker
    assert len(result.workers) == 2


def _worker_baseline_mb() -> int:
    import subprocess
    import sys

    code = ("from docparse.batch.worker import warm_up; warm_up(); "
            "print(int(open('/proc/self/statm').read().split()[0]) * 4096 // 2**20)")
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="address-space figures need Linux /proc")
def test_memory_ceiling_turns_into_an_error_record(tmp_path: Path) -> None:
    folder = _small_set_with_huge_file(tmp_path)
    ceiling = _worker_baseline_mb() + 120
    result = _run([str(folder)], tmp_path / "OUT", workers=1, timeout=120, max_memory_mb=ceiling)
    record = json.loads((tmp_path / "OUT/doc000-huge.txt.error.json").read_text(encoding="utf-8"))
    assert record["error"]["kind"] == "MemoryError"
    assert f"ceiling {ceiling} MB" in record["error"]["cause"]
    assert result.counts["error"] == 1
    assert (tmp_path / "OUT/doc001.txt.json").is_file()


def test_a_result_that_cannot_be_written_is_an_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "IN"
    many_texts(folder, 1, repeat=1)
    long_name = "x" * 245 + ".txt"  # fits, but not with ".error.json" appended
    (folder / long_name).write_bytes(b"")
    result = _run([str(folder)], tmp_path / "OUT", workers=1)
    assert result.counts == {"ok": result.counts["ok"], "warn": result.counts["warn"], "error": 1}
    row = next(r for r in summary_rows(tmp_path / "OUT") if r["file"].endswith(long_name))
    assert row["status"] == "error" and "cannot write the result" in row["error"]


def test_no_inputs_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli("batch", str(tmp_path / "missing"), "-o", str(tmp_path / "OUT"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("docparse: no input documents found")
    assert not (tmp_path / "OUT").exists()
