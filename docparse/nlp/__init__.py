"""Chinese segmentation and the spaCy pipeline, each loaded only when something asks for it.

- :mod:`docparse.nlp.segment`: jieba's words with offsets, over a dictionary cache read per character;
- :mod:`docparse.nlp.config`: which segmentation-based components the analysis uses;
- :mod:`docparse.nlp.pipeline`: the spaCy ``zh`` pipeline (jieba segmenter, docparse's components),
  built on first use of :func:`get_nlp` or :attr:`docparse.model.analysis.Analysis.docs`.

Importing this package imports neither spaCy nor jieba.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from docparse.model import Document

__all__ = ["annotate", "get_nlp"]


def get_nlp() -> Language:
    """The process-wide spaCy pipeline (imports spaCy)."""
    from docparse.nlp.pipeline import get_nlp as build

    return build()


def annotate(document: Document) -> list[Doc]:
    """One spaCy ``Doc`` per block of ``document`` (imports spaCy)."""
    from docparse.nlp.pipeline import annotate as run

    return run(document)
