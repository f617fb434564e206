"""Plain-text reader: UTF-8 (with or without BOM) or GB18030, one block per non-empty line."""

from __future__ import annotations

import hashlib
from pathlib import Path

from docparse.errors import EmptyInput, UndecodableInput
from docparse.model import Document, Provenance
from docparse.readers import register

_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, path: str | Path | None = None) -> str:
    """Bytes to text: UTF-8 (BOM stripped) first, then GB18030 (a superset of GBK/GB2312)."""
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and _looks_binary(text):
            break
        return text
    raise UndecodableInput(path, "cannot decode text as UTF-8 or GB18030 (binary or unknown encoding)")


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file decode as text (UTF-8, UTF-16 with BOM, GB18030) with no
    binary control characters; a multi-byte character cut at the end of ``head`` is allowed."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    for encoding in _ENCODINGS:
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:
                continue
            text = head[: exc.start].decode(encoding)
        return "\x00" not in text and not _looks_binary(text)
    return False


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls > max(2, len(text) // 100)


def document_from_text(text: str, path: str | None = None, sha256: str | None = None) -> Document:
    """Split text into paragraph blocks, one per non-blank line, keeping line numbers."""
    if "\x00" in text or _looks_binary(text):
        raise UndecodableInput(path, "text contains binary control characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(path, "file holds no text")
    document = Document(path=path, format="txt", sha256=sha256)
    for lineno, line in enumerate(text.split("\n"), 1):
        stripped = line.strip().strip("\u3000\u00a0\ufeff").strip()
        if stripped:
            document.add("paragraph", stripped, provenance=Provenance(line=lineno))
    from docparse.readers.guard import settle

    return settle(document)


@register(".txt")
def read_text(path: Path) -> Document:
    data = path.read_bytes()
    text = decode(data, path)
    return document_from_text(text, str(path), hashlib.sha256(data).hexdigest())
