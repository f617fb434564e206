"""``docparse check FILE...``: the table, colour only on a terminal, and the exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS

SAMPLE = CORPUS / "samples" / "sample-project-2023.txt"
# 20 + 27 people listed under a stated total of 45: the enumeration does not close
BROKEN = "某县某局2023年度项目支出绩效自评报告\n一、基本情况\n单位现有在职人员45人，其中行政人员20人，事业人员27人。\n"


def run(*args: str, colour: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TERM")}
    if colour:
        env["FORCE_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "docparse", "check", *args], capture_output=True,
                          text=True, timeout=180, env=env)


def test_consistent_report_exits_0_with_a_plain_table() -> None:
    out = run(str(SAMPLE))
    assert out.returncode == 0, out.stderr
    assert "sum.fund_items" in out.stdout and "pass" in out.stdout and " 0 fail" in out.stdout
    assert "\x1b[" not in out.stdout  # piped: no colour codes


def test_failing_check_exits_1_and_colours_on_a_terminal(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    out = run(str(broken), colour=True)
    assert out.returncode == 1, out.stderr
    assert "sum.counts" in out.stdout and "\x1b[" in out.stdout
    data = run("--json", str(broken), str(SAMPLE))
    assert data.returncode == 1
    lines = [json.loads(line) for line in data.stdout.splitlines()]
    assert [d["path"] for d in lines] == [str(broken), str(SAMPLE)]
    failed = [c for c in lines[0]["checks"] if c["status"] == "fail"]
    assert [c["id"] for c in failed] == ["sum.counts"]
    assert failed[0]["found"] == "45" and failed[0]["expected"] == "47"


def test_unreadable_input_exits_2_with_one_line_per_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.docx"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = run(str(missing), str(SAMPLE), str(empty))
    assert out.returncode == 2
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(missing) in errors[0] and str(empty) in errors[1]
    assert str(SAMPLE) in out.stdout  # the readable file is still checked
    assert "1 file checked" in out.stdout and "2 unreadable" in out.stdout


def test_an_unexpected_failure_is_one_line_and_exit_2_not_a_traceback(monkeypatch) -> None:
    from click.testing import CliRunner

    import docparse
    from docparse.cli import main

    def broken(path: str, **_: object) -> None:
        raise RuntimeError("analysis broke\non two lines")

    monkeypatch.setattr(docparse, "parse", broken)
    monkeypatch.delenv("DOCPARSE_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["check", str(CORPUS / "samples" / "sample-project-2023.txt")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("docparse:")]
    assert len(lines) == 1 and "internal error (RuntimeError: analysis broke on two lines)" in lines[0]
    assert "Traceback" not in result.output
