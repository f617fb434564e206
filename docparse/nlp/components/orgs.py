"""The ``docparse_orgs`` component: organisation names (:mod:`docparse.nlp.orgs`) as ``doc.spans["orgs"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from docparse.nlp.orgs import org_spans

SPANS_KEY = "orgs"


class OrgFinder:
    def __call__(self, doc: Doc) -> Doc:
        spans = [doc.char_span(s, e, label="ORG", alignment_mode="expand") for s, e in org_spans(doc.text)]
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]
        return doc


@Language.factory("docparse_orgs")
def make_org_finder(nlp: Language, name: str) -> OrgFinder:
    return OrgFinder()
