"""Figures read by OCR below the confidence threshold: a check never fails on one (it says unknown).

A block read by OCR carries ``confidence``: ``(start, end, confidence)`` spans of its text, one per
printed line or table cell. A figure's provenance names its block and character span; when it
overlaps a span read below ``min_confidence`` the figure is uncertain.
"""

from __future__ import annotations

from typing import Any

from docparse.model import Document
from docparse.model.report import CheckResult
from docparse.ocr.settings import ocr_rules


def span_confidence(document: Document, prov: dict[str, Any] | None) -> float | None:
    """The lowest OCR confidence over the text a provenance points at (``None``: not read by OCR)."""
    if not prov or prov.get("block") is None:
        return None
    index = prov["block"]
    if not 0 <= index < len(document.blocks):
        return None
    spans = document.blocks[index].confidence
    if not spans:
        return None
    start = prov.get("start", 0)
    end = prov.get("end", start)
    hits = [c for s, e, c in spans if s < max(end, start + 1) and e > start]
    return min(hits) if hits else None


def demote_uncertain(results: list[CheckResult], document: Document | None) -> None:
    """Turn a ``fail`` resting on a figure OCR read below the threshold into ``unknown``, saying why."""
    if document is None or not any(b.confidence for b in document.blocks):
        return
    threshold = ocr_rules().min_confidence
    for result in results:
        if result.status != "fail":
            continue
        low = []
        for item in result.evidence:
            conf = span_confidence(document, item.get("provenance"))
            if conf is not None and conf < threshold:
                low.append((item.get("text") or item.get("value") or "?", conf))
        if not low:
            continue
        shown = "、".join(f"{text}（{conf:.2f}）" for text, conf in low[:3])
        shown_en = ", ".join(f"{text} ({conf:.2f})" for text, conf in low[:3])
        result.status = "unknown"
        result.message = f"{result.message}；但所涉数字由OCR识别，置信度低于{threshold:.2f}：{shown}，不据此判定不一致"
        if result.message_en:
            result.message_en = (
                f"{result.message_en}; but OCR read the figures {shown_en} below confidence "
                f"{threshold:.2f}, so this is not counted as a failure"
            )


UNREAD_CODES = ("ocr_needed", "ocr_unreadable")


def unread_pages(warnings: list[dict[str, Any]]) -> list[tuple[int | None, str]]:
    """The pages a report could not read (no text layer and no OCR, or OCR found nothing): page, why."""
    return [(w.get("page"), w.get("message", "")) for w in warnings if w.get("code") in UNREAD_CODES]
