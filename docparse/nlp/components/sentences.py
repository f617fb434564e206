"""The ``docparse_sentencizer`` component: sentence starts from the lexicon's sentence rule.

:func:`docparse.lexicon.sentence_spans` is the one definition of a sentence (``rules/text/lexicon.yaml``:
sentence ends, the half-width stop not before a digit, closing marks, line breaks); this component puts
it on a spaCy ``Doc`` so ``doc.sents`` agrees with what the stages read.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from docparse.lexicon import sentence_spans


class Sentencizer:
    """Mark the first token of each lexicon sentence as a sentence start, every other token as not."""

    def __call__(self, doc: Doc) -> Doc:
        starts = sorted(start for start, _ in sentence_spans(doc.text))
        k = 0
        for token in doc:
            opens = token.i == 0
            while k < len(starts) and starts[k] <= token.idx:  # a sentence starts at or before this token,
                opens = opens or token.i > 0  # after the one before it
                k += 1
            token.is_sent_start = opens
        return doc


@Language.factory("docparse_sentencizer")
def make_sentencizer(nlp: Language, name: str) -> Sentencizer:
    return Sentencizer()
