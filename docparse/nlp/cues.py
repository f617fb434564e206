"""Cue words matched on word boundaries (the ``cues`` component of :mod:`docparse.nlp.config`).

A role cue (``rules/extract/facts.yaml``) found by its characters alone may stand inside a longer word
it does not head (支付 in 支付宝, 支出 in 支出方向). With the ``cues`` component on, an occurrence counts
only where it ends a word of the text's jieba segmentation; its start may fall inside a word, as the
head of a compound is still the cue (预算 in 总预算). The words that hold a cue without meaning it
(``not_cues``) are domain words of the segmentation dictionary (``rules/nlp/segmentation.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable

from docparse.nlp.config import enabled


def rfind_word(text: str, word: str, end: int | None = None) -> int:
    """The last start of ``word`` in ``text[:end]`` that stands on word boundaries (when the ``cues``
    component is on; otherwise the last start by characters alone), or -1."""
    stop = len(text) if end is None else end
    return _on_boundary(text, word, text.rfind(word, 0, stop), lambda pos: text.rfind(word, 0, pos + len(word) - 1))


def find_word(text: str, word: str, start: int = 0) -> int:
    """The first start of ``word`` in ``text[start:]`` on word boundaries (see :func:`rfind_word`), or -1."""
    return _on_boundary(text, word, text.find(word, start), lambda pos: text.find(word, pos + 1))


def _on_boundary(text: str, word: str, pos: int, step: Callable[[int], int]) -> int:
    """From the match at ``pos``, the first (going by ``step``) that ends on a word boundary, or -1."""
    if pos < 0 or not enabled("cues"):
        return pos
    from docparse.nlp.segment import boundaries

    cuts = boundaries(text)
    while pos >= 0:
        if pos + len(word) in cuts:
            return pos
        pos = step(pos)
    return -1


def has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` on word boundaries (see :func:`rfind_word`)."""
    return find_word(text, word) >= 0
