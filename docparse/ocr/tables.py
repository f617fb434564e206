"""Ruled tables on a page image: ruling lines found with OpenCV become the same edges a text PDF's
drawing gives, so the grid comes from the PDF reader's own table geometry (``find_tables``); OCR
boxes are then placed into the cells by their centres."""

from __future__ import annotations

import cv2
import numpy as np

from docparse.ocr.layout import OcrBox, join_row, rows, split_at
from docparse.readers.pdf_layout import join_text
from docparse.readers.pdf_tables import PdfTable, TooManyRules, find_tables


def rule_masks(grey: np.ndarray, min_length_px: int) -> tuple[np.ndarray, np.ndarray]:
    """Binary masks (255 = ink) of the horizontal and the vertical ruling lines."""
    binary = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    length = max(8, min_length_px)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    # bridge small breaks that noise and JPEG blocks leave in a printed rule
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 7)))
    return horizontal, vertical


def _segments(mask: np.ndarray, orientation: str, scale: float, min_length_px: int) -> list[dict]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if orientation == "h" and w >= min_length_px and h <= max(12, w // 8):
            top = (y + h / 2) / scale
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
            cx = (x + w / 2) / scale
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


def find_image_tables(grey: np.ndarray, scale: float, min_length_pt: float) -> tuple[list[PdfTable], np.ndarray]:
    """Tables ruled on the image (geometry in PDF points) and the mask of their rules (to erase before OCR)."""
    min_px = int(min_length_pt * scale)
    horizontal, vertical = rule_masks(grey, min_px)
    edges = _segments(horizontal, "h", scale, min_px) + _segments(vertical, "v", scale, min_px)
    try:
        tables = find_tables(edges)
    except TooManyRules:
        tables = []
    return tables, cv2.bitwise_or(horizontal, vertical)


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
            if box.x0 < x * scale < box.x1
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
            texts.append([text, confidence])
        out.append((table, texts))
    return out, rest
