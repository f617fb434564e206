"""Write a generated document as plain text: one paragraph a line, numbering typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.generate.model import Document, Para

ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gb18030": "gb18030"}


def write_txt(document: Document, path: Path, options: dict[str, Any]) -> None:
    lines = [p.text for p in document.blocks if isinstance(p, Para)]
    sep = "\n\n" if options.get("blank_lines") else "\n"
    path.write_text(sep.join(lines) + "\n", encoding=ENCODINGS[options.get("encoding", "utf-8")])
