"""docparse: Chinese public-finance performance reports into structured, checked JSON.

>>> import docparse
>>> report = docparse.parse("corpus/samples/sample-project-2023.txt")   # doctest: +SKIP
>>> report.to_dict()["report"]["type"]                                   # doctest: +SKIP
'project_self_evaluation'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from docparse.__about__ import __version__
from docparse.errors import DocparseError
from docparse.model import Report

if TYPE_CHECKING:
    from docparse.model import Document

__all__ = ["DocparseError", "Report", "__version__", "parse", "parse_text"]


def parse(source: str | Path | BinaryIO, password: str | None = None, *, pages: str | set[int] | None = None,
          name: str | None = None) -> Report:
    """Read and analyse one file (.docx, .pdf, .doc, .wps, .txt): a path, or a binary file object
    (``open(path, "rb")``, ``io.BytesIO``, ``sys.stdin.buffer``) whose format is told by its first
    bytes and whose ``source.path`` is ``name``. ``password`` opens an encrypted PDF; ``pages``
    ("1-3,7" or a set of 1-based numbers) reads only those pages of a PDF."""
    from docparse.pipeline import analyse

    document = read_source(source, password=password, name=name)
    if pages is not None:
        from docparse.source import page_set, select_pages

        document = select_pages(document, page_set(pages) if isinstance(pages, str) else set(pages))
    return analyse(document)


def read_source(source: str | Path | BinaryIO, password: str | None = None, name: str | None = None) -> Document:
    """The document of a path or a binary file object (see :func:`parse`), not yet analysed."""
    from docparse.readers import read

    if isinstance(source, str | Path):
        return read(source, password=password)
    from docparse.source import as_file, renamed

    label = name if name is not None else getattr(source, "name", None)
    label = label if isinstance(label, str) and not label.startswith("<") else None
    with as_file(source, label) as tmp:
        try:
            document = read(tmp, password=password)
        except DocparseError as exc:
            raise renamed(exc, label) from None
    document.path = label
    return document


def parse_text(text: str, path: str | None = None) -> Report:
    """Analyse text as a .txt file with that content would be analysed."""
    import hashlib

    from docparse.pipeline import analyse
    from docparse.readers.text import document_from_text

    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return analyse(document_from_text(text, path, sha))
