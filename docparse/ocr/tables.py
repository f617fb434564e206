"""Ruled tables on a page image: ruling lines found with OpenCV become the same edges a text PDF's
drawing gives, so the grid comes from the PDF reader's own table geometry (``find_tables``); OCR
boxes are then placed into the cells by their centres."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from docparse.ocr.layout import OcrBox, join_row, rows, split_at
from docparse.ocr.settings import ocr_rules
from docparse.readers.pdf_layout import join_text
from docparse.readers.pdf_tables import PdfTable, TooManyRules, find_tables
from docparse.rules import rule_file


def rule_masks(grey: np.ndarray, min_length_px: int) -> tuple[np.ndarray, np.ndarray]:
    """Binary masks (255 = ink) of the horizontal and the vertical ruling lines."""
    binary = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    length = max(8, min_length_px)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return horizontal, vertical


def _segments(mask: np.ndarray, orientation: str, scale: float, min_length_px: int) -> list[dict]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h = (float(v) for v in stats[i][:4])
        if orientation == "h" and w >= min_length_px and h <= max(12, w // 8):
            top = float(y + h / 2) / scale
            out.append(
                {
                    "x0": x / scale,
                    "x1": (x + w) / scale,
                    "top": top,
                    "bottom": top,
                    "width": w / scale,
                    "height": 0.0,
                    "orientation": "h",
                    "object_type": "line",
                }
            )
        elif orientation == "v" and h >= min_length_px and w <= max(12, h // 8):
            cx = float(x + w / 2) / scale
            out.append(
                {
                    "x0": cx,
                    "x1": cx,
                    "top": y / scale,
                    "bottom": (y + h) / scale,
                    "width": 0.0,
                    "height": h / scale,
                    "orientation": "v",
                    "object_type": "line",
                }
            )
    return out


def _outside_stamps(edges: list[dict], stamps: list[tuple[int, int, int, int]], scale: float) -> list[dict]:
    """Segments inside a stamp's region are kept only in line with a rule outside it: what is left of a
    stamp's ring is no rule."""
    if not stamps:
        return edges
    boxes = [tuple(v / scale for v in box) for box in stamps]

    def inside(e: dict) -> bool:
        return any(x0 <= e["x0"] and e["x1"] <= x1 and y0 <= e["top"] and e["bottom"] <= y1 for x0, y0, x1, y1 in boxes)

    kept = [e for e in edges if not inside(e)]
    for e in edges:
        if inside(e):
            key = "top" if e["orientation"] == "h" else "x0"
            if any(k["orientation"] == e["orientation"] and abs(k[key] - e[key]) <= 2.0 for k in kept):
                kept.append(e)
    return kept


def find_image_tables(
    grey: np.ndarray, scale: float, min_length_pt: float, stamps: list[tuple[int, int, int, int]] = ()
) -> tuple[list[PdfTable], np.ndarray]:
    """Tables ruled on the image (geometry in PDF points) and the mask of their rules (to erase before OCR)."""
    min_px = int(min_length_pt * scale)
    horizontal, vertical = rule_masks(grey, min_px)
    erase = cv2.bitwise_or(horizontal, vertical)
    # bridge small breaks that noise and JPEG blocks leave in a printed rule
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 7)))
    edges = _segments(horizontal, "h", scale, min_px) + _segments(vertical, "v", scale, min_px)
    edges = _outside_stamps(edges, list(stamps), scale)
    try:
        tables = find_tables(edges)
    except TooManyRules:
        tables = []
    keep = np.zeros_like(erase)
    for table in tables:  # only rules of the tables found are erased: a title's long strokes stay
        x0, top, x1, bottom = (int(v * scale) for v in table.bbox)
        keep[max(0, top - 4) : bottom + 5, max(0, x0 - 4) : x1 + 5] = 255
    return tables, cv2.bitwise_and(erase, keep)


def fill_cells(
    tables: list[PdfTable], boxes: list[OcrBox], scale: float
) -> tuple[list[tuple[PdfTable, list[list]]], list[OcrBox]]:
    """Each table with its cells' ``[text, confidence]`` (in cell order), and the boxes outside tables.

    A box is placed in the cell its left part stands in (as a text PDF places a character by where it
    starts), so a label running past a narrow cell's rule stays in its cell.
    """
    per_cell: dict[tuple[int, int], list[OcrBox]] = {}
    rest: list[OcrBox] = []
    pieces: list[OcrBox] = []
    for box in boxes:  # a box run across a column rule (cells close together) is cut at the rule
        y = box.cy / scale
        cuts = [
            x * scale
            for table in tables
            if table.bbox[1] <= y <= table.bbox[3]
            for x in table.xs[1:-1]
            # a rule a glyph's width inside the box's end is the box's own margin, not text on both sides
            if box.x0 + 0.8 * box.height < x * scale < box.x1 - 0.8 * box.height
        ]
        pieces.extend(split_at(box, cuts))
    for box in pieces:
        x = min(box.x0 / scale + 0.5 * box.height / scale, box.cx / scale)
        y = box.cy / scale
        for t, table in enumerate(tables):
            x0, top, x1, bottom = table.bbox
            if x0 <= x <= x1 and top <= y <= bottom:
                cell = table.cell_at(x, y)
                if cell is not None:
                    per_cell.setdefault((t, id(cell)), []).append(box)
                break
        else:
            rest.append(box)
    out = []
    for t, table in enumerate(tables):
        texts: list[list] = []
        for cell in table.cells:
            inside = per_cell.get((t, id(cell)), [])
            text = ""
            for row in rows(inside):
                text = join_text(text, join_row(row))
            confidence = min((b.confidence for b in inside), default=1.0)
            texts.append([correct_label(text), confidence])
        out.append((table, texts))
    return out, rest


@cache
def _labels() -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for label in rule_file("ocr/labels.yaml", ["labels"])["labels"]:
        by_length.setdefault(len(label), []).append(label)
    return by_length


def correct_label(text: str) -> str:
    """A cell text one misread character away from exactly one known table label (and not itself a
    label: 二级指标 is no misread 一级指标), read as that label."""
    if len(text) < 4 or any(ch.isdigit() for ch in text):
        return text
    same = _labels().get(len(text), [])
    if text in same:
        return text
    near = [label for label in same if Levenshtein.distance(text, label, score_cutoff=1) <= 1]
    return near[0] if len(near) == 1 else text


def read_empty_cells(filled: list[tuple[PdfTable, list[list]]], grey: np.ndarray, scale: float, recognise) -> None:
    """Empty cells with ink in them: one short level stroke alone reads "—" (forms print it for "none";
    the engine finds no text in a dash alone); anything else, and a cell read below the confidence
    threshold, is recognised again on its own crop (a short bold header the page-wide detection passed
    over or ran into its neighbour), the better reading kept."""
    threshold = ocr_rules().min_confidence
    for table, texts in filled:
        for cell, entry in zip(table.cells, texts, strict=True):
            if entry[0] and entry[1] >= threshold:
                continue
            x0, top, x1, bottom = (int(v * scale) for v in cell.bbox)
            inset = max(4, int(2 * scale))
            crop = grey[top + inset : bottom - inset, x0 + inset : x1 - inset]
            if crop.size == 0 or int(crop.max()) - int(crop.min()) < 80:
                continue
            _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
            _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
            big = [s for s in stats[1:] if s[4] >= 3 * scale]
            if not big:
                continue
            w, h = big[0][2], big[0][3]
            if not entry[0] and len(big) == 1 and 4 * scale <= w <= 20 * scale and h <= max(3.0, 0.2 * w):
                entry[0] = "—"
                continue
            pad = int(8 * scale)
            boxes = recognise(cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255))
            text = ""
            for row in rows(boxes):
                text = join_text(text, join_row(row))
            confidence = min((b.confidence for b in boxes), default=0.0)
            if text and (not entry[0] or confidence > entry[1]):  # a misread cell: the better reading
                entry[0] = correct_label(text)
                entry[1] = confidence
