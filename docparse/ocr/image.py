"""Page images for OCR: rendering, grey conversion with red stamps taken out, and deskewing.

A red official stamp is suppressed by colour: inside a stamp's region red pixels become paper and the
rest takes the red channel (red ink is bright in it, black text under the stamp stays dark), so the
figures under the stamp are read rather than broken. Skew up to ``max_skew`` degrees is found by the projection profile
(rows of text give the sharpest profile when level) and rotated away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from docparse.ocr.settings import ocr_rules


@dataclass(slots=True)
class PageImage:
    """A page ready for OCR: a grey image, the scale (pixels per PDF point) and what was done to it."""

    grey: np.ndarray
    scale: float
    skew: float = 0.0
    stamps: list[tuple[int, int, int, int]] = field(default_factory=list)  # stamp regions, pixels


def render(pdf_page, dpi: int) -> np.ndarray:
    """The page rendered at ``dpi`` as an RGB array (pypdfium2 page)."""
    bitmap = pdf_page.render(scale=dpi / 72.0, rev_byteorder=True)
    try:
        array = np.array(bitmap.to_numpy(), copy=True)
    finally:
        bitmap.close()
    if array.ndim == 2:
        return cv2.cvtColor(array, cv2.COLOR_GRAY2RGB)
    return array[:, :, :3]


def stamp_free_grey(rgb: np.ndarray, scale: float) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Grey image with red stamps removed; the stamps' regions (x0, y0, x1, y1 in pixels)."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    rules = ocr_rules()
    r = rgb[:, :, 0].astype(np.int16)
    g = rgb[:, :, 1].astype(np.int16)
    b = rgb[:, :, 2].astype(np.int16)
    red = ((r - np.maximum(g, b)) > rules.stamp_red_margin).astype(np.uint8)
    if not red.any():
        return grey, []
    side = rules.stamp_min_side * scale
    k = max(3, int(side / 12))
    closed = cv2.dilate(red, np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    boxes: list[tuple[int, int, int, int]] = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if w >= side and h >= side and 0.5 <= w / h <= 2.0:
            pad = k
            y0, y1 = max(0, y - pad), min(grey.shape[0], y + h + pad)
            x0, x1 = max(0, x - pad), min(grey.shape[1], x + w + pad)
            # red ink (and its anti-aliased rim) becomes paper; dark print under it stays as it is
            rr = r[y0:y1, x0:x1]
            reddish = ((rr - np.maximum(g[y0:y1, x0:x1], b[y0:y1, x0:x1])) > rules.stamp_red_margin // 2) & (rr > 140)
            grey[y0:y1, x0:x1] = np.where(reddish, 255, np.maximum(grey[y0:y1, x0:x1], rgb[y0:y1, x0:x1, 0]))
            boxes.append((x0, y0, x1, y1))
    return grey, boxes


def _profile_score(binary: np.ndarray, angle: float) -> float:
    h, w = binary.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rotated = cv2.warpAffine(binary, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = rotated.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def find_skew(grey: np.ndarray) -> float:
    """The angle (degrees, counter-clockwise positive as OpenCV) that levels the text rows."""
    rules = ocr_rules()
    h, w = grey.shape
    factor = min(1.0, 800.0 / max(h, w))
    small = cv2.resize(grey, (int(w * factor), int(h * factor)), interpolation=cv2.INTER_AREA) if factor < 1 else grey
    _, binary = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if binary.sum() < 50:
        return 0.0
    best, best_score = 0.0, _profile_score(binary, 0.0)
    coarse = np.arange(-rules.max_skew, rules.max_skew + 1e-9, 0.5)
    for angle in coarse:
        score = _profile_score(binary, float(angle))
        if score > best_score:
            best, best_score = float(angle), score
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, rules.skew_step)
    for angle in fine:
        score = _profile_score(binary, float(angle))
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2) if abs(best) >= rules.skew_step else 0.0


def rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def prepare(pdf_page, dpi: int | None = None) -> PageImage:
    """Render ``pdf_page``, take out red stamps and level it."""
    dpi = dpi or ocr_rules().dpi
    scale = dpi / 72.0
    rgb = render(pdf_page, dpi)
    grey, stamps = stamp_free_grey(rgb, scale)
    del rgb
    skew = find_skew(grey)
    if skew:
        grey = rotate(grey, skew)
        stamps = [_rotated_box(box, grey.shape, skew) for box in stamps]
    return PageImage(grey, scale, skew, stamps)


def _rotated_box(box: tuple[int, int, int, int], shape: tuple[int, ...], angle: float) -> tuple[int, int, int, int]:
    """The bounding box of ``box`` after the page is rotated by ``angle`` about its centre."""
    h, w = shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], dtype=np.float64) @ m.T
    return (int(corners[:, 0].min()), int(corners[:, 1].min()), int(corners[:, 0].max()), int(corners[:, 1].max()))
