"""Review pages: one self-contained HTML page per report (figures marked in the text), a batch index."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_review(items: list[Any], out: str | Path) -> list[Path]:
    """Write the review pages of ``items``; returns the files written."""
    raise OSError("review pages are not available in this build")
