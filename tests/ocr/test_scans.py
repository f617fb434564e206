"""OCR'd scans give the same report as the text layer of the page they were made from."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz.distance import Levenshtein

from benchmarks.bench_ocr import INDICATOR_FIELDS, ROW_FIELDS, document_text, headings, money, table_cells


def _rows(data: dict[str, Any]) -> list[tuple]:
    return [tuple(r.get(f) for f in ROW_FIELDS) for r in data["funds"]["money_rows"]]


def test_table_scan_is_read_by_ocr_with_confidence(table_scan):
    source = table_scan["got"]["source"]
    assert source["ocr"]["pages"] == [1] and source["ocr"]["unreadable_pages"] == []
    assert 0.8 < source["ocr"]["confidence"] <= 1.0
    assert not any(w["code"] == "ocr_needed" for w in table_scan["got"]["warnings"])


def test_stamped_noisy_table_gives_the_money_rows_of_the_text_layer(table_scan):
    ref, got = table_scan["ref"], table_scan["got"]
    assert len(ref["funds"]["money_rows"]) >= 4
    assert _rows(got) == _rows(ref)  # budget, adjusted budget, spent, weight, rate, score per row
    assert [(k, (v or {}).get("value")) for k, v in got["evaluation"].items()] == [
        (k, (v or {}).get("value")) for k, v in ref["evaluation"].items()
    ]


def test_indicator_cells_land_in_their_fields(table_scan):
    ref, got = table_scan["ref"], table_scan["got"]
    assert len(got["indicators"]) == len(ref["indicators"]) >= 8
    assert [i["name"] for i in got["indicators"]] == [i["name"] for i in ref["indicators"]]
    assert [(i["weight"], i["score"]) for i in got["indicators"]] == [
        (i["weight"], i["score"]) for i in ref["indicators"]
    ]
    right, total = table_cells(ref, got)
    assert total >= len(ref["indicators"]) * len(INDICATOR_FIELDS) - 5
    assert right / total >= 0.97, [(a, b) for a, b in zip(ref["indicators"], got["indicators"], strict=True) if a != b]


def test_table_scan_checks_agree_with_the_text_layer(table_scan):
    ref = {(c["id"], c["status"]) for c in table_scan["ref"]["checks"]}
    got = {(c["id"], c["status"]) for c in table_scan["got"]["checks"]}
    assert not any(status == "fail" for _, status in got)
    assert {c for c in ref if c[1] == "pass"} <= got | {(cid, "unknown") for cid, _ in ref}


def test_noisy_prose_page_headings_and_money(prose_scan):
    ref, got = prose_scan["ref"], prose_scan["got"]
    ref_heads = [h for h, s in zip(headings(ref), _flat(ref["sections"]), strict=True) if s["provenance"]["page"] == 1]
    assert len(ref_heads) >= 3
    assert headings(got) == ref_heads
    ref_money = [
        value
        for value, m in zip(money(ref), [m for m in ref["mentions"] if m["kind"] == "money"], strict=True)
        if m["provenance"]["page"] == 1
    ]
    assert ref_money and money(got) == ref_money


def test_noisy_prose_page_character_error_rate(prose_scan):
    reference = document_text(prose_scan["ref_doc"], {1})
    got = document_text(prose_scan["doc"])
    assert Levenshtein.distance(reference, got) / len(reference) <= 0.03


def test_ocr_blocks_carry_page_bbox_and_line_confidence(prose_scan):
    doc = prose_scan["doc"]
    body = [b for b in doc.body if b.kind == "paragraph"]
    assert body and all(b.provenance.page == 1 and b.provenance.bbox is not None for b in body)
    for block in body:
        assert block.confidence, block.text
        assert all(0 <= s < e <= len(block.text) and 0 < c <= 1 for s, e, c in block.confidence)
    x0, top, x1, bottom = body[0].provenance.bbox
    assert 0 < x0 < x1 < 595 and 0 < top < bottom < 842  # points on an A4 page
    assert re.search(r"\d", "".join(b.text for b in body))


def _flat(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for s in sections:
        out.append(s)
        out.extend(_flat(s.get("children", [])))
    return out
