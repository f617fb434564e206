"""Cue words on word boundaries (the ``cues`` component), against matching by characters alone."""

from __future__ import annotations

from docparse.nlp import config
from docparse.nlp.cues import find_word, has_word, rfind_word


def test_off_it_matches_characters() -> None:
    with config.using():
        assert rfind_word("通过支付宝缴纳费用", "支付") == 2
        assert has_word("支出方向明确", "支出")


def test_on_a_cue_must_end_a_word() -> None:
    with config.using("cues"):
        assert rfind_word("通过支付宝缴纳费用", "支付") == -1  # 支付宝 is one word
        assert not has_word("支出方向明确", "支出")  # 支出方向 is a domain word (holds a cue, means none)
        assert rfind_word("项目资金总预算为90万元", "预算") == 5  # the head of 总预算: still the budget
        assert find_word("实际支付80万元，通过支付宝缴纳", "支付") == 2


def test_on_the_last_word_occurrence_is_taken() -> None:
    with config.using("cues"):
        text = "已支付60万元，再经支付宝"
        assert rfind_word(text, "支付") == 1
