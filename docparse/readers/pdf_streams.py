"""A look at a PDF's compressed streams before PDFium opens it: a Flate stream that inflates beyond
``pdf.stream_bytes`` (``rules/limits.yaml``) refuses the file.

A few kilobytes of deflate can inflate to gigabytes; PDFium would hold a content stream whole in
memory. Each stream is inflated here in bounded chunks, counting and discarding the output, so the
check costs time linear in the stream and a megabyte of memory, whatever the stream holds.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from docparse.errors import LimitExceeded
from docparse.limits import limits

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 20


def _zlib_header(data: mmap.mmap, pos: int) -> bool:
    if pos + 2 > len(data):
        return False
    cmf, flg = data[pos], data[pos + 1]
    return cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0


def inflated_size(data: mmap.mmap, pos: int, most: int) -> int:
    """How many bytes the deflate stream at ``pos`` inflates to, counting no further than ``most + 1``."""
    inflater = zlib.decompressobj()
    total = 0
    while pos < len(data) and not inflater.eof and total <= most:
        chunk = data[pos:pos + _CHUNK]
        pos += len(chunk)
        try:
            total += len(inflater.decompress(chunk, _CHUNK))
            while inflater.unconsumed_tail and not inflater.eof and total <= most:
                total += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
        except zlib.error:
            break  # damaged or not deflate after all: PDFium will judge it
    return total


def check_streams(path: Path) -> None:
    """Raise :class:`~docparse.errors.LimitExceeded` when a stream inflates beyond the limit."""
    most = limits().pdf_stream_bytes
    with path.open("rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            return
    with data:
        for match in _STREAM.finditer(data):
            start = match.end()
            if _zlib_header(data, start) and inflated_size(data, start, most) > most:
                raise LimitExceeded(path, f"a compressed stream at byte {start} inflates to more than "
                                          f"pdf.stream_bytes = {most:,} bytes (rules/limits.yaml): refused as "
                                          "a decompression bomb")
