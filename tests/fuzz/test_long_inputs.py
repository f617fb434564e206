"""Long blocks are segmented for spaCy in windows (same text, same figures as one piece); over-long
blocks are cut with a warning, a document beyond ``document_chars`` is refused. Limits are lowered
here so the inputs stay small; the sizes themselves are measured in ``benchmarks/bench_scale.py``."""

from __future__ import annotations

import dataclasses

import pytest

import docparse
import docparse.limits as limits_module
from docparse.errors import LimitExceeded
from docparse.limits import limits, text_windows
from docparse.nlp.pipeline import annotate
from docparse.numbers import scan
from docparse.readers.text import document_from_text

SENTENCE = "项目年初预算1,234.56万元，实际支出1亿万元中的98.5万元；执行率为95.12%。"


def _lowered(monkeypatch: pytest.MonkeyPatch, **changes: int) -> None:
    lowered = dataclasses.replace(limits(), **changes)
    monkeypatch.setattr(limits_module, "limits", lambda: lowered)
    import docparse.readers.guard as guard

    monkeypatch.setattr(guard, "limits", lambda: lowered)


def test_windows_join_to_the_text_and_cut_after_marks() -> None:
    text = SENTENCE * 300
    pieces = text_windows(text, 1000)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p[-1] in "。；，" for p in pieces[:-1])  # never inside a figure
    digits = "7" * 5000  # no mark at all: cut at the window size
    assert [len(p) for p in text_windows(digits, 1000)] == [1000] * 5


def test_long_block_gives_the_figures_of_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SENTENCE * 400  # one line of 16,000 characters
    _lowered(monkeypatch, nlp_window_chars=700)
    doc = annotate(document_from_text(text))[0]
    assert doc.text == text
    assert [(f.start, f.end, f.value) for f in doc._.figures] == [(f.start, f.end, f.value) for f in scan(text)]
    assert len(doc.spans["mentions"]) == len(doc._.figures) == 1600


def test_over_long_block_is_cut_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    _lowered(monkeypatch, block_chars=500)
    document = document_from_text("标题\n" + SENTENCE * 40)
    assert len(document.blocks[1].text) == 500
    assert [w["code"] for w in document.warnings] == ["block_truncated"]


def test_document_beyond_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _lowered(monkeypatch, document_chars=1000)
    with pytest.raises(LimitExceeded) as info:
        document_from_text((SENTENCE + "\n") * 40, "big.txt")
    assert info.value.line().startswith("big.txt: ") and "document_chars" in info.value.line()


def test_lone_surrogates_are_replaced_and_reported() -> None:
    report = docparse.parse_text("某项目绩效自评报告\n年初预算120万元\ud800，支出114万元。")
    data = report.to_dict()
    assert any(w["code"] == "invalid_characters" for w in data["warnings"])
    assert [m["value"] for m in data["mentions"] if m["kind"] == "money"] == ["1200000.00", "1140000.00"]
