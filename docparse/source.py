"""What ``docparse.parse`` accepts besides a path: a binary file object (or standard input), and a
selection of pages.

A file object has no suffix to choose a reader by, so its first bytes decide: ``%PDF`` a PDF, a
zip a .docx, an OLE2 compound file a .doc, anything else text (``name``'s suffix, when given,
wins). The bytes go to a temporary file that is removed afterwards; the report's
``source.path`` is ``name`` (or null), never the temporary file.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from docparse.errors import DocparseError, UnsupportedFormat
from docparse.model import Document

SIGNATURES = ((b"%PDF", ".pdf"), (b"PK\x03\x04", ".docx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"))
KNOWN = (".txt", ".docx", ".pdf", ".doc", ".wps")


def sniff_suffix(head: bytes, name: str | None = None) -> str:
    """The reader suffix for content starting with ``head`` (``name``'s own suffix first)."""
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in KNOWN:
        return suffix
    for signature, found in SIGNATURES:
        if head.lstrip(b"\x00\t\r\n ")[: len(signature)] == signature:
            return found
    return ".txt"


@contextmanager
def as_file(stream: BinaryIO, name: str | None = None) -> Iterator[Path]:
    """The bytes of ``stream`` in a temporary file with the right suffix (removed afterwards)."""
    data = stream.read()
    if isinstance(data, str):
        raise TypeError("docparse.parse needs a binary file object (open(path, 'rb')), not a text one")
    fd, tmp = tempfile.mkstemp(prefix="docparse-in-", suffix=sniff_suffix(data[:16], name))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield Path(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)


def renamed(exc: DocparseError, name: str | None) -> DocparseError:
    """The error naming ``name`` instead of the temporary file."""
    exc.path = name
    exc.args = (exc.line(),)
    return exc


def page_set(spec: str) -> set[int]:
    """``"1-3,7"`` → {1, 2, 3, 7} (1-based); raises ``ValueError`` for anything else."""
    pages: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        found = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not found:
            raise ValueError(f"not a page range: {part!r} (write e.g. 1-3,7)")
        low, high = int(found.group(1)), int(found.group(2) or found.group(1))
        if low < 1 or high < low:
            raise ValueError(f"not a page range: {part!r}")
        pages.update(range(low, high + 1))
    return pages


def select_pages(document: Document, pages: set[int]) -> Document:
    """The document with only the blocks on ``pages`` (1-based), renumbered; a warning says which.

    Only formats that know their pages (PDF) can be cut; for others :class:`UnsupportedFormat` is raised.
    """
    if document.format != "pdf" or document.pages is None:
        raise UnsupportedFormat(document.path, f"pages can be chosen only in a PDF, not in a .{document.format} file")
    kept = [b for b in document.blocks if b.provenance.page in pages]
    for index, block in enumerate(kept):
        block.index = index
        if block.provenance.block is not None:
            block.provenance.block = index
        if block.table is not None:
            for cell in block.table.cells:
                if cell.provenance.block is not None:
                    cell.provenance.block = index
    document.blocks = kept
    chosen = sorted(p for p in pages if p <= document.pages)
    document.warn("pages_selected", f"pages read: {_ranges(chosen)} (of {document.pages})", pages=chosen)
    return document


def _ranges(pages: list[int]) -> str:
    out, start = [], None
    for i, p in enumerate(pages):
        if start is None:
            start = p
        if i + 1 == len(pages) or pages[i + 1] != p + 1:
            out.append(str(start) if start == p else f"{start}-{p}")
            start = None
    return ",".join(out) or "none"
