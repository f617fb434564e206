"""docparse: Chinese public-finance performance reports into structured, checked JSON.

>>> import docparse
>>> report = docparse.parse("corpus/samples/sample-project-2023.txt")   # doctest: +SKIP
>>> report.to_dict()["report"]["type"]                                   # doctest: +SKIP
'project_self_evaluation'
"""

from __future__ import annotations

from pathlib import Path

from docparse.__about__ import __version__
from docparse.errors import DocparseError
from docparse.model import Report

__all__ = ["DocparseError", "Report", "__version__", "parse", "parse_text"]


def parse(path: str | Path, password: str | None = None) -> Report:
    """Read and analyse one file (.docx, .pdf, .doc, .wps, .txt); ``password`` opens an encrypted PDF."""
    from docparse.pipeline import analyse
    from docparse.readers import read

    return analyse(read(path, password=password))


def parse_text(text: str, path: str | None = None) -> Report:
    """Analyse text as a .txt file with that content would be analysed."""
    import hashlib

    from docparse.pipeline import analyse
    from docparse.readers.text import document_from_text

    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return analyse(document_from_text(text, path, sha))
