"""The OCR engine: RapidOCR (PP-OCR detection + recognition on ONNX Runtime) with the models shipped
inside its wheel, so nothing is fetched at run time. Loaded once per process, on first use.

``benchmarks/bench_ocr.py --engines`` measures it against Tesseract (``chi_sim``) on the same scans.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from typing import Any

import numpy as np

from docparse.ocr.layout import OcrBox
from docparse.ocr.settings import EXTRA, OcrUnavailable

THREADS_ENV = "DOCPARSE_OCR_THREADS"
_lock = threading.Lock()


@cache
def _engine() -> Any:
    try:
        from rapidocr import RapidOCR
    except ImportError as exc:
        raise OcrUnavailable(
            None,
            f"this page has no usable text layer and needs OCR, which is not installed: "
            f"pip install '{EXTRA}' (or run with --ocr never)",
        ) from exc
    threads = int(os.environ.get(THREADS_ENV, "2"))
    params = {
        "Global.log_level": "error",
        "Global.use_cls": False,  # pages are levelled before OCR; no line is upside down
        "Global.return_word_box": True,
        "Global.return_single_char_box": True,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }
    return RapidOCR(params=params)


def available() -> bool:
    """Whether the engine can be imported (without loading its models)."""
    try:
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


def recognise(grey: np.ndarray) -> list[OcrBox]:
    """Text boxes of a grey page image, in pixels, with the engine's confidence (0…1)."""
    engine = _engine()
    image = np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
    with _lock:
        result = engine(image)
    boxes = getattr(result, "boxes", None)
    if boxes is None:
        return []
    words = getattr(result, "word_results", None) or ()
    if len(words) != len(boxes):  # glyph boxes are given per line or not at all
        words = [None] * len(boxes)
    out = []
    for quad, text, score, glyphs in zip(boxes, result.txts, result.scores, words, strict=True):
        quad = np.asarray(quad)
        if not str(text).strip():
            continue
        out.append(
            OcrBox(
                str(text),
                float(quad[:, 0].min()),
                float(quad[:, 1].min()),
                float(quad[:, 0].max()),
                float(quad[:, 1].max()),
                float(score),
                _glyphs(text, glyphs),
            )
        )
    return out


def _glyphs(text: str, glyphs: Any) -> list[tuple[str, float, float]] | None:
    """Each glyph's text and horizontal extent, when they spell the line's text."""
    if not glyphs:
        return None
    out = []
    for item in glyphs:
        if len(item) < 3 or item[2] is None:
            return None
        xs = [float(p[0]) for p in item[2]]
        out.append((str(item[0]), min(xs), max(xs)))
    if "".join(g[0] for g in out).replace(" ", "") != str(text).replace(" ", ""):
        return None
    return out
