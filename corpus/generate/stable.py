"""Make written files byte-stable across runs: fixed zip timestamps, fixed PDF dates and ids."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

_STAMP = (2020, 1, 1, 0, 0, 0)


def pin_zip(path: Path) -> None:
    """Rewrite a .docx with every member dated 2020-01-01, in the same order."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def _zero_hex(match: re.Match[bytes]) -> bytes:
    return match.group(1) + b"0" * len(match.group(2))


def pin_pdf(path: Path) -> None:
    """Zero the dates, id and checksum of a PDF in place (same length, so offsets stay valid)."""
    data = path.read_bytes()
    data = re.sub(rb"(\(D:)(\d{8,14})", _zero_hex, data)
    data = re.sub(rb"(<)([0-9A-Fa-f]{16,64})(?=>)", _zero_hex, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", _zero_hex, data)
    path.write_bytes(data)
