"""The shared lexicon: one definition of sentence ends, Chinese numerals and money units."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

from docparse import lexicon
from docparse.rules import rules_dir

PACKAGE = Path(lexicon.__file__).parent


def test_sentence_ends_and_the_stop_point() -> None:
    text = "支出1.5万元.结余"
    assert lexicon.ends_sentence("完成。", 2) and lexicon.ends_sentence("好！", 1)
    assert not lexicon.ends_sentence(text, text.index("."))  # the point of 1.5
    assert lexicon.ends_sentence(text, text.rindex("."))
    assert not lexicon.ends_sentence("甲，乙", 1)


def test_numerals_read_every_writing_of_a_digit() -> None:
    values = lexicon.digit_values()
    assert [values[c] for c in "零一二三四五六七八九"] == list(range(10))
    assert values["〇"] == 0 and values["两"] == 2 and values["叁"] == 3
    assert lexicon.small_units()["佰"] == 100 and lexicon.big_units()["亿"] == 100000000
    assert "叁仟贰佰零伍".translate(lexicon.capitals_to_lower()) == "三千二百零五"
    assert "零" not in lexicon.capitals() and "拾" in lexicon.capitals()


def test_money_units_scale_to_yuan_longest_first() -> None:
    units = lexicon.money_units()
    assert units["万元"] == Decimal(10000) and units["元"] == Decimal(1)
    alternatives = lexicon.money_unit_pattern().split("|")
    assert alternatives.index("万亿元") < alternatives.index("亿元") < alternatives.index("元")


def _spelled_sentence_ends(path: Path) -> list[str]:
    """String constants made of punctuation (and line breaks) only that spell two or more full-width
    sentence ends ("。；;！？", r"[。；;]", "。；\\n"): a local copy of the lexicon's marks."""
    ends = set(lexicon.sentence_ends()) - set("!?;")
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            chars = set(node.value)
            if len(chars & ends) >= 2 and all(not c.isalnum() and (c == "\n" or not c.isspace()) for c in chars):
                out.append(node.value)
    return out


def test_the_spotter_sees_a_local_copy(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text('_END = "。；;！？"\n_OK = "，,"\n', encoding="utf-8")
    assert _spelled_sentence_ends(tmp_path / "m.py") == ["。；;！？"]


def test_no_module_spells_the_sentence_ends_again() -> None:
    found = {name: c for p in PACKAGE.rglob("*.py")
             if p.name != "lexicon.py" and (c := _spelled_sentence_ends(p)) and (name := str(p.relative_to(PACKAGE)))}
    assert found == {}


def test_patterns_spell_numerals_and_money_units_through_the_lexicon() -> None:
    item = re.compile(lexicon.expand(r"^[${counting}]+、"))
    assert item.match("十二、") and item.match("三、") and not item.match("12、")
    unit = re.compile(lexicon.expand(r"单位[:：](?P<unit>${money_units})"))
    assert [unit.match(t).group("unit") for t in ("单位：万元", "单位:元", "单位：亿元")] == ["万元", "元", "亿元"]


def test_no_module_or_rule_file_spells_the_numerals_again() -> None:
    run = lexicon.digits()[1:]  # 一二三四五六七八九
    in_code = [f"{p.relative_to(PACKAGE)}:{node.lineno}" for p in PACKAGE.rglob("*.py") if p.name != "lexicon.py"
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.Constant) and isinstance(node.value, str)
               and len(set(node.value) & set(run)) >= 5]
    folder = rules_dir()
    in_rules = [str(p.relative_to(folder)) for p in folder.rglob("*.yaml")
                if p.name != "lexicon.yaml" and run in p.read_text(encoding="utf-8")]
    assert (in_code, in_rules) == ([], [])


def _lists_money_units(text: str) -> bool:
    """An alternation naming two or more money units ("(?:万元|元|%)", "亿元|万元"): a local copy."""
    units = set(lexicon.money_units())
    for line in text.splitlines():
        parts = [re.sub(r"[^\u4e00-\u9fff]", "", part) for part in line.split("|")]
        if sum(part in units for part in parts) >= 2:
            return True
    return False


def test_the_money_unit_spotter() -> None:
    assert _lists_money_units(r"(?:万元|元|%)?") and not _lists_money_units("资金|经费|预算|万元")


def test_no_module_or_rule_file_lists_the_money_units_again() -> None:
    in_code = [f"{p.relative_to(PACKAGE)}:{node.lineno}" for p in PACKAGE.rglob("*.py") if p.name != "lexicon.py"
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and _lists_money_units(node.value)]
    folder = rules_dir()
    in_rules = [str(p.relative_to(folder)) for p in folder.rglob("*.yaml")
                if p.name != "lexicon.yaml" and _lists_money_units(p.read_text(encoding="utf-8"))]
    assert (in_code, in_rules) == ([], [])
