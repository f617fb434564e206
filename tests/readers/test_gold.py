"""Readers against the generated corpus's gold: body text, table grids, headings, page furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from docparse.errors import CorruptInput, DocparseError, EncryptedInput
from docparse.readers import read
from tests.conftest import CORPUS

FIXTURES = CORPUS / "fixtures"
FORMATS = {"docx", "pdf", "doc", "wps"}
ERRORS = {"corrupt": CorruptInput, "encrypted": EncryptedInput}


def _golds() -> list[Path]:
    out = []
    for path in sorted(FIXTURES.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("format") in FORMATS:
            out.append(path)
    return out


GOLDS = _golds()


def cer(expected: str, got: str) -> float:
    return Levenshtein.distance(expected, got) / max(1, len(expected))


def test_fixture_set_present():
    assert len(GOLDS) >= 10, f"expected generated fixtures in {FIXTURES}"


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_reader_matches_gold(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = gold_path.with_name(f"{gold['id']}.{gold['format']}")
    fault = gold.get("fault") or {}
    if fault.get("error") in ERRORS:
        with pytest.raises(ERRORS[fault["error"]]) as info:
            read(source)
        assert str(source) in info.value.line() and "\n" not in info.value.line()
        return
    try:
        document = read(source)
    except DocparseError as exc:  # pragma: no cover - shown as the failure
        pytest.fail(f"unexpected error: {exc.line()}")
    if fault.get("kind") == "no_text_layer":
        assert any(w["code"] == "ocr_needed" for w in document.warnings)
        return
    paragraphs = [b.text for b in document.body if b.kind == "paragraph"]
    if gold["format"] == "pdf":
        assert cer("\n".join(gold["paragraphs"]), "\n".join(paragraphs)) <= 0.005
    else:
        assert paragraphs == gold["paragraphs"]
    grids = [b.table.grid() for b in document.body if b.kind == "table"]
    assert grids == gold["tables"]
    for heading in gold["headings"]:  # a lead-phrase heading opens its paragraph
        assert any(p.startswith(heading["text"]) for p in paragraphs), heading["text"]
    for text in gold["furniture"]:
        assert not any(text in b.text for b in document.body), text
    # present as furniture blocks (a PDF may not keep a space it only drew as distance: 第1页 共1页)
    key = (lambda text: "".join(text.split())) if gold["format"] == "pdf" else (lambda text: text)
    furniture = {key(b.text) for b in document.blocks if b.role in ("header", "footer")}
    assert {key(text) for text in gold["furniture"]} <= furniture
    if gold["format"] in ("doc", "wps"):
        assert document.converted_from == f".{gold['format']}"
