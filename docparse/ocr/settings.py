"""OCR settings: the mode (``auto``/``always``/``never``), progress reporting and ``rules/ocr/ocr.yaml``."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache

from docparse.errors import DocparseError
from docparse.rules import rule_file

OCR_MODES = ("auto", "always", "never")
MODE_ENV = "DOCPARSE_OCR"
PROGRESS_ENV = "DOCPARSE_OCR_PROGRESS"
EXTRA = "docparse[ocr]"


class OcrUnavailable(DocparseError):
    """A page needs OCR and the OCR engine is not installed."""

    code = "E020"


@dataclass(frozen=True, slots=True)
class OcrRules:
    dpi: int
    max_skew: float
    skew_step: float
    min_confidence: float
    page_min_confidence: float
    stamp_red_margin: int
    stamp_min_side: float
    rule_min_length: float


@cache
def ocr_rules() -> OcrRules:
    data = rule_file("ocr/ocr.yaml", list(OcrRules.__slots__))  # type: ignore[attr-defined]
    return OcrRules(**{k: data[k] for k in OcrRules.__slots__})  # type: ignore[attr-defined]


def ocr_mode() -> str:
    """The mode in force: ``$DOCPARSE_OCR`` (set by ``--ocr``), else ``auto``."""
    mode = os.environ.get(MODE_ENV, "auto").strip().lower() or "auto"
    if mode not in OCR_MODES:
        raise ValueError(f"{MODE_ENV}={mode!r}: expected one of {', '.join(OCR_MODES)}")
    return mode


def set_ocr_mode(mode: str, progress: bool | None = None) -> None:
    """Set the mode for this process and the workers it starts (they inherit the environment)."""
    if mode not in OCR_MODES:
        raise ValueError(f"OCR mode {mode!r}: expected one of {', '.join(OCR_MODES)}")
    os.environ[MODE_ENV] = mode
    if progress is not None:
        os.environ[PROGRESS_ENV] = "1" if progress else "0"


def report_progress(path: str | None, page: int, pages: int, seconds: float, lines: int) -> None:
    """One line per OCR'd page on standard error when ``$DOCPARSE_OCR_PROGRESS`` is 1."""
    if os.environ.get(PROGRESS_ENV) != "1":
        return
    name = os.path.basename(path) if path else "-"
    print(f"docparse: {name}: OCR page {page}/{pages} ({lines} lines, {seconds:.1f} s)", file=sys.stderr, flush=True)
