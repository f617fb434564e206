"""The ``docparse_mentions`` component: figures written with their unit, as spans on ``doc.spans``.

Each span in ``doc.spans["mentions"]`` carries its parsed figure in ``span._.figure`` (a
:class:`docparse.numbers.Found` with exact offsets into the block text, which a token-aligned span
may widen); ``doc._.figures`` holds the same figures in order. Bare numbers whose unit is declared
elsewhere need the neighbouring blocks and are added later by ``docparse.extract.mentions``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from docparse.numbers import Found, scan

SPANS_KEY = "mentions"

if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)
if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


def set_figures(doc: Doc, figures: list[Found]) -> None:
    """Put ``figures`` on ``doc``: the ordered list and one aligned span each."""
    doc._.figures = list(figures)
    spans = []
    for f in figures:
        span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
        if span is None:
            continue
        span._.figure = f
        spans.append(span)
    doc.spans[SPANS_KEY] = spans


class MentionFinder:
    """Scan each Doc's text for money, percents, percentage points and counts."""

    def __call__(self, doc: Doc) -> Doc:
        set_figures(doc, scan(doc.text))
        return doc


@Language.factory("docparse_mentions")
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder()
