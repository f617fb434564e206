"""Named limits on what one input may make docparse do, read once from ``rules/limits.yaml``.

Every number taken from a file (a span, a list start, a declared size, a page's character count)
is checked against its limit before it sizes a loop or an allocation. Beyond a limit the input is
refused with :class:`~docparse.errors.LimitExceeded` naming the limit, or, where a partial result
is still useful (an over-long block), cut short with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docparse.errors import LimitExceeded
from docparse.rules import rule_file

_KEYS = ["file_bytes", "document_chars", "block_chars", "nlp_window_chars", "zip", "table",
         "numbering_value", "pdf"]


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force (see ``rules/limits.yaml`` for what each one bounds)."""

    file_bytes: int
    document_chars: int
    block_chars: int
    nlp_window_chars: int
    zip_members: int
    zip_member_bytes: int
    zip_total_bytes: int
    zip_ratio: float
    zip_ratio_min_bytes: int
    table_rows: int
    table_cells: int
    table_columns: int
    numbering_value: int
    pdf_pages: int
    pdf_page_chars: int
    pdf_stream_bytes: int


@cache
def limits() -> Limits:
    """The limits of ``rules/limits.yaml``, read once per process."""
    data: dict[str, Any] = rule_file("limits.yaml", _KEYS)
    z, t, p = data["zip"], data["table"], data["pdf"]
    return Limits(
        file_bytes=int(data["file_bytes"]), document_chars=int(data["document_chars"]),
        block_chars=int(data["block_chars"]), nlp_window_chars=int(data["nlp_window_chars"]),
        zip_members=int(z["members"]), zip_member_bytes=int(z["member_bytes"]),
        zip_total_bytes=int(z["total_bytes"]), zip_ratio=float(z["ratio"]),
        zip_ratio_min_bytes=int(z["ratio_min_bytes"]),
        table_rows=int(t["rows"]), table_cells=int(t["cells"]), table_columns=int(t["columns"]),
        numbering_value=int(data["numbering_value"]),
        pdf_pages=int(p["pages"]), pdf_page_chars=int(p["page_chars"]), pdf_stream_bytes=int(p["stream_bytes"]),
    )


def refuse(path: str | Path | None, what: str, value: int | float, name: str, limit: int | float) -> LimitExceeded:
    """The error for ``what`` (``value``) beyond the limit ``name`` (``limit``)."""
    return LimitExceeded(path, f"{what} ({value:,}) is beyond the limit {name} = {limit:,} "
                               f"(rules/limits.yaml)")


def check(path: str | Path | None, what: str, value: int, name: str) -> int:
    """``value`` when within the limit ``name`` (an attribute of :class:`Limits`), else raise."""
    limit = getattr(limits(), name)
    if value > limit:
        raise refuse(path, what, value, name, limit)
    return value


# A window ends after a sentence or clause mark, or a line break, where one stands in its last quarter.
_BREAK = re.compile(r"[。！？；!?;\n，、：]")


def text_windows(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters (``nlp_window_chars``),
    each ending after a sentence or clause mark where one stands in its last quarter, so a figure is
    not split; joined, the pieces are ``text`` again. A text within the size is one piece."""
    size = size or limits().nlp_window_chars
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for match in _BREAK.finditer(text, end - size // 4, end):
            cut = match.end()
        end = cut if cut is not None else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
