"""One scanned PDF page → OCR lines and tables, as the PDF reader's text layer would give them."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from docparse.model import Document
from docparse.ocr import engine
from docparse.ocr.image import prepare
from docparse.ocr.layout import OcrLine, order_lines, to_lines
from docparse.ocr.settings import ocr_rules, report_progress
from docparse.ocr.tables import fill_cells, find_image_tables, read_empty_cells
from docparse.readers.pdf_tables import PdfTable


@dataclass(slots=True)
class ScannedPage:
    """What OCR read on one page: lines in reading order, tables with ``[text, confidence]`` per cell."""

    number: int
    lines: list[OcrLine]
    tables: list[tuple[PdfTable, list[list]]] = field(default_factory=list)
    confidence: float | None = None  # mean over the page's lines and cells (None: nothing read)
    skew: float = 0.0
    stamps: int = 0
    seconds: float = 0.0


def read_scanned_page(pdf, index: int, width: float, document: Document) -> ScannedPage:
    """OCR page ``index`` of the open pypdfium2 document ``pdf`` (``width`` in points)."""
    start = time.perf_counter()
    number = index + 1
    rules = ocr_rules()
    page = pdf[index]
    try:
        image = prepare(page)
    finally:
        page.close()
    tables, rule_mask = find_image_tables(image.grey, image.scale, rules.rule_min_length, image.stamps)
    grey = image.grey
    if tables:
        grey = grey.copy()
        grey[rule_mask > 0] = 255  # the rules' own pixels: text beside a rule stays whole
    boxes = engine.recognise(grey)
    del rule_mask
    filled, rest = fill_cells(tables, boxes, image.scale)
    read_empty_cells(filled, grey, image.scale, engine.recognise)
    del grey
    lines = to_lines(rest, image.scale, number)
    lines = order_lines(lines, width, [(t.bbox[1], t.bbox[3]) for t, _ in filled])
    scores = [ln.confidence for ln in lines] + [c[1] for _, texts in filled for c in texts if c[0]]
    result = ScannedPage(
        number,
        lines,
        filled,
        sum(scores) / len(scores) if scores else None,
        image.skew,
        len(image.stamps),
        time.perf_counter() - start,
    )
    _warn(result, document, rules.min_confidence)
    report_progress(document.path, number, document.pages or number, result.seconds, len(lines))
    return result


def _warn(page: ScannedPage, document: Document, threshold: float) -> None:
    low = [ln for ln in page.lines if ln.confidence < threshold]
    low_cells = [t[0] for _, texts in page.tables for t in texts if t[0] and t[1] < threshold]
    if low or low_cells:
        shown = [ln.text for ln in low] + low_cells
        sample = "；".join(s[:20] for s in shown[:3])
        document.warn(
            "ocr_low_confidence",
            f"page {page.number}: {len(shown)} line(s) or cell(s) read by OCR "
            f"with confidence below {threshold:.2f} (e.g. {sample}); figures in them are not "
            "used to fail a check",
            page=page.number,
        )


def engine_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"rapidocr {version('rapidocr')}"
    except PackageNotFoundError:
        return "rapidocr"


def record(document: Document, page: ScannedPage) -> None:
    """Note the page in ``document.ocr`` (the output's ``source.ocr``); a page that gave nothing
    readable is warned as ``ocr_unreadable``."""
    info = document.ocr
    if info is None:
        info = document.ocr = {
            "engine": engine_name(),
            "pages": [],
            "confidence": None,
            "min_confidence": None,
            "unreadable_pages": [],
        }
        info["_scores"] = []
    info["pages"].append(page.number)
    rules = ocr_rules()
    if page.confidence is None or page.confidence < rules.page_min_confidence:
        info["unreadable_pages"].append(page.number)
        why = "no text found" if page.confidence is None else f"mean confidence {page.confidence:.2f}"
        document.warn("ocr_unreadable", f"page {page.number}: OCR could not read this page ({why})", page=page.number)
    if page.confidence is not None:
        info["_scores"].append(page.confidence)
        low = min([ln.confidence for ln in page.lines] + [c[1] for _, t in page.tables for c in t if c[0]])
        info["min_confidence"] = round(low if info["min_confidence"] is None else min(low, info["min_confidence"]), 4)
        info["confidence"] = round(sum(info["_scores"]) / len(info["_scores"]), 4)


def public(info: dict | None) -> dict | None:
    """``document.ocr`` without its working fields, for the output."""
    if info is None:
        return None
    return {k: v for k, v in info.items() if not k.startswith("_")}
