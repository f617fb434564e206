"""OCR for scanned PDF pages: page images → the same lines, paragraphs and tables as a text layer.

The PDF reader calls :func:`docparse.ocr.page.read_scanned_page` for a page without a usable text
layer (``--ocr auto``, the default) or for every page (``--ocr always``). The engine (RapidOCR with
the PP-OCR models shipped inside its wheel; nothing is downloaded) is the optional extra
``docparse[ocr]``; without it a scanned page raises :class:`OcrUnavailable` naming the extra.
This package's top level imports nothing heavy: the checks read :mod:`docparse.ocr.confidence`.
"""

from __future__ import annotations

from docparse.ocr.settings import OCR_MODES, OcrUnavailable, ocr_mode, set_ocr_mode

__all__ = ["OCR_MODES", "OcrUnavailable", "ocr_mode", "set_ocr_mode"]
