"""Every crafted hostile input of ``corpus/hostile`` gets the answer ``cases.json`` gives: exit 2 with
one stderr line naming the file and the error code's cause, or exit 0 with the JSON; never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docparse.cli import main
from docparse.errors import DocparseError
from docparse.readers import read

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "corpus" / "hostile"
CASES = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))


def test_make_writes_the_committed_files() -> None:
    sys.path.insert(0, str(HOSTILE))
    try:
        import make  # corpus/hostile/make.py
    finally:
        sys.path.remove(str(HOSTILE))
    built = make.build()
    assert sorted(built) == sorted(CASES)
    for name, (data, expected) in built.items():
        assert (HOSTILE / name).read_bytes() == data, f"{name} differs from what make.py writes"
        assert CASES[name] == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_answer(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    path = HOSTILE / name
    monkeypatch.setenv("DOCPARSE_PDF_PASSWORD", "a-password-for-other-files")
    if case["exit"] == 2:  # the reader alone decides; no analysis needed
        with pytest.raises(DocparseError) as info:
            read(path)
        assert info.value.code == case["code"]
        line = info.value.line()
        assert line.startswith(str(path)) and "\n" not in line
        for fragment in case["contains"]:
            assert fragment in line
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == case["exit"], result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    if case["exit"] == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"docparse: {path}: "), result.stderr
        assert result.stdout == ""
    else:
        data = json.loads(result.stdout)
        for fragment in case["contains"]:
            assert fragment in json.dumps(data, ensure_ascii=False)


def test_surrogate_symbol_is_left_out() -> None:
    document = read(HOSTILE / "sym-lone-surrogate.docx")
    assert not any("\ud800" <= ch <= "\udfff" for b in document.blocks for ch in b.text)


def test_real_process_prints_one_line_and_debug_shows_the_traceback() -> None:
    path = HOSTILE / "zip-bad-crc.docx"
    plain = subprocess.run([sys.executable, "-m", "docparse", "parse", str(path)], capture_output=True, text=True,
                           cwd=ROOT, timeout=120)
    assert plain.returncode == 2
    assert plain.stderr.count("\n") == 1 and "Bad CRC-32" in plain.stderr and "Traceback" not in plain.stderr
    debug = subprocess.run([sys.executable, "-m", "docparse", "--debug", "parse", str(path)], capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr and "BadZipFile" in debug.stderr
