"""Cue words matched on word boundaries: 预算数 is no cue inside 批复预算数 when that is one word.

A role cue (``rules/extract/facts.yaml``) found by its characters alone may sit inside a longer word
that means something else (使用率 in 病床使用率, 到位 in 落实到位率). With the ``cues`` component on
(:mod:`docparse.nlp.config`), an occurrence counts only where it starts and ends on boundaries of the
text's jieba segmentation; what jieba cuts too finely or too coarsely for the domain is put right by
the word lists of ``rules/nlp/words.jsonl`` (spaCy's pattern-file format: one ``{"label", "pattern"}``
per line), merged into the segmentation dictionary.
"""

from __future__ import annotations

from docparse.nlp.config import enabled


def rfind_word(text: str, word: str, end: int | None = None) -> int:
    """The last start of ``word`` in ``text[:end]`` that stands on word boundaries (when the ``cues``
    component is on; otherwise the last start by characters alone), or -1."""
    stop = len(text) if end is None else end
    pos = text.rfind(word, 0, stop)
    if pos < 0 or not enabled("cues"):
        return pos
    from docparse.nlp.segment import boundaries

    cuts = boundaries(text)
    while pos >= 0:
        if pos + len(word) in cuts:
            return pos
        pos = text.rfind(word, 0, pos + len(word) - 1)
    return -1


def find_word(text: str, word: str, start: int = 0) -> int:
    """The first start of ``word`` in ``text[start:]`` on word boundaries (see :func:`rfind_word`), or -1."""
    pos = text.find(word, start)
    if pos < 0 or not enabled("cues"):
        return pos
    from docparse.nlp.segment import boundaries

    cuts = boundaries(text)
    while pos >= 0:
        if pos + len(word) in cuts:
            return pos
        pos = text.find(word, pos + 1)
    return -1


def has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` on word boundaries (see :func:`rfind_word`)."""
    return find_word(text, word) >= 0
