"""Build the spaCy pipeline once per process, lazily, and run it over a Document's blocks.

``spacy.blank("zh")`` with the jieba segmenter, cutting with the dictionary of
:mod:`docparse.nlp.segment` (jieba's, with ``rules/jieba/userdict.txt`` merged in, read from a cache). docparse's
components are registered the spaCy way (``@Language.factory``) in their own modules and added
here in the order listed in :data:`COMPONENTS`.
"""

from __future__ import annotations

import threading
from importlib import import_module
from typing import TYPE_CHECKING

from docparse.nlp.segment import tokenizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from docparse.model import Document

# (module that registers the factory, factory name), in pipeline order.
COMPONENTS: list[tuple[str, str]] = [
    ("docparse.nlp.components.sentences", "docparse_sentencizer"),
    ("docparse.nlp.components.mentions", "docparse_mentions"),
    ("docparse.nlp.components.orgs", "docparse_orgs"),
]

_lock = threading.Lock()
_nlp: Language | None = None


def build_nlp() -> Language:
    """A fresh pipeline (tests use this; everything else calls :func:`get_nlp`)."""
    import spacy

    tokenizer()  # jieba's default tokenizer over the cached dictionary, user dictionary included
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for module, factory in COMPONENTS:
        import_module(module)
        nlp.add_pipe(factory)
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_nlp()
    return _nlp


def annotate(document: Document) -> list[Doc]:
    """One spaCy ``Doc`` per block of ``document`` (same order, same text).

    A block longer than ``nlp_window_chars`` (``rules/limits.yaml``) is segmented window by window
    (cut after a sentence or clause mark) and the pieces joined into one Doc before the components
    run, so spaCy's length limit and jieba never see more than a window."""
    nlp = get_nlp()
    return list(nlp.pipe(_segmented(nlp, block.text) for block in document.blocks))


def _segmented(nlp: Language, text: str) -> str | Doc:
    from docparse.limits import text_windows

    pieces = text_windows(text)
    if len(pieces) == 1:
        return text
    from spacy.tokens import Doc

    return Doc.from_docs([nlp.make_doc(piece) for piece in pieces], ensure_whitespace=False)
