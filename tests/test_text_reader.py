"""The text reader: encodings, blank lines, full-width spaces, provenance by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from docparse.errors import UndecodableInput
from docparse.readers import read

TEXT = "某县财政局2022年度部门整体支出绩效评价报告\n\n一、部门基本情况\n\u3000\u3000本年度预算收入1,234.5万元。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = read(path)
    assert [b.text for b in document.blocks] == [
        "某县财政局2022年度部门整体支出绩效评价报告", "一、部门基本情况", "本年度预算收入1,234.5万元。",
    ]
    assert [b.provenance.line for b in document.blocks] == [1, 3, 4]
    assert document.format == "txt" and len(document.sha256 or "") == 64


def test_crlf_and_half_width_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("一、基本情况\r\n(一)项目概况,说明:\r\n".encode())
    assert [b.text for b in read(path).blocks] == ["一、基本情况", "(一)项目概况,说明:"]


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 50)
    with pytest.raises(UndecodableInput) as err:
        read(path)
    assert str(path) in str(err.value)
