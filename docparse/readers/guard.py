"""What every Document gets after its reader, whatever the format: no character a later stage
cannot encode, no block longer than ``block_chars``, no more text than ``document_chars``."""

from __future__ import annotations

import re

from docparse.limits import limits, refuse
from docparse.model import Document

_SURROGATE = re.compile("[\ud800-\udfff]")


def settle(document: Document) -> Document:
    """Replace lone surrogate halves (one character each, so offsets hold) and cut over-long
    paragraphs, each with a warning; refuse a document with more text than the limit."""
    lim = limits()
    total = 0
    replaced = 0
    for block in document.blocks:
        if _SURROGATE.search(block.text):
            block.text, n = _SURROGATE.subn("\ufffd", block.text)
            replaced += n
            if block.table is not None:
                for cell in block.table.cells:
                    cell.text = _SURROGATE.sub("\ufffd", cell.text)
        if block.kind == "paragraph" and len(block.text) > lim.block_chars:
            document.warn("block_truncated", f"block {block.index} holds {len(block.text):,} characters; only "
                          f"the first {lim.block_chars:,} are read (block_chars in rules/limits.yaml)")
            block.text = block.text[: lim.block_chars]
        total += len(block.text)
    if total > lim.document_chars:
        raise refuse(document.path, "characters of text in the document", total, "document_chars",
                     lim.document_chars)
    if replaced:
        document.warn("invalid_characters", f"{replaced} lone UTF-16 surrogate code point(s) (not characters; "
                      "from a damaged font map or symbol code) replaced by U+FFFD")
    return document
