"""One sentence rule (the lexicon's) for the stages and for spaCy's ``doc.sents``."""

from __future__ import annotations

import pytest

from docparse.lexicon import sentence_spans

TEXT = "年初预算1.5万元。实际支出（含结转）1万元；执行率66.7%！\n下一行没有句号\n\n“已全部到位。”尾句"


def test_sentence_spans() -> None:
    got = [TEXT[s:e] for s, e in sentence_spans(TEXT)]
    assert got == [
        "年初预算1.5万元。",
        "实际支出（含结转）1万元；",
        "执行率66.7%！",
        "下一行没有句号",
        "“已全部到位。”",
        "尾句",
    ]


def test_a_half_width_stop_before_a_digit_is_a_decimal_point() -> None:
    text = "共2.5万元. 下一句"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["共2.5万元.", " 下一句"]


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_blank_text_has_no_sentence(text: str) -> None:
    assert sentence_spans(text) == []


def test_spacy_sentences_follow_the_lexicon() -> None:
    from docparse.nlp.pipeline import get_nlp

    doc = get_nlp()(TEXT)
    starts = [s.start_char for s in doc.sents]
    want = [s for s, _ in sentence_spans(TEXT)]
    # each lexicon sentence opens a spaCy sentence at the first token at or after its start
    assert len(starts) == len(want)
    assert all(a <= b and TEXT[a:b].strip() == "" for a, b in zip(want, starts, strict=True))
