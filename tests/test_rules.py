"""Rule files: found inside the package or the checkout, and broken files fail loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docparse import rules
from docparse.errors import RuleFileError


def test_rules_dir_holds_schema_and_dictionary() -> None:
    folder = rules.rules_dir()
    assert (folder / "schema" / "report.schema.json").is_file()
    assert (folder / "jieba" / "userdict.txt").is_file()


def test_broken_yaml_names_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken.yaml").write_text("outline:\n  - 基本情况\n  bad: [\n", encoding="utf-8")
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    rules.load_yaml.cache_clear()
    with pytest.raises(RuleFileError) as err:
        rules.load_yaml("broken.yaml")
    assert "broken.yaml" in str(err.value) and "line" in str(err.value)
    rules.load_yaml.cache_clear()


def test_missing_rule_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    with pytest.raises(RuleFileError, match="not found"):
        rules.rule_path("nothing.yaml")


def test_lexicon_tags_name_marks_and_character_classes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon_text = (rules.rules_dir() / "text" / "lexicon.yaml").read_text(encoding="utf-8")
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "lexicon.yaml").write_text(lexicon_text, encoding="utf-8")
    (tmp_path / "user.yaml").write_text("ends: !marks [sentence_ends, line_breaks]\nlabel: !marks label_marks\n"
                                        "item: !pattern '^[${counting}]+、$'\n", encoding="utf-8")
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    rules.load_yaml.cache_clear()
    try:
        data = rules.load_yaml("user.yaml")
        assert set(data["ends"]) == set("。；;！!？?\n") and set(data["label"]) == set("：:")
        assert re.match(data["item"], "十二、") and not re.match(data["item"], "12、")
        (tmp_path / "unknown.yaml").write_text("item: !pattern '[${numerals}]'\n", encoding="utf-8")
        with pytest.raises(RuleFileError, match="numerals"):
            rules.load_yaml("unknown.yaml")
        (tmp_path / "bad.yaml").write_text("ends: !marks [sentence_endings]\n", encoding="utf-8")
        with pytest.raises(RuleFileError, match="sentence_endings"):
            rules.load_yaml("bad.yaml")
    finally:
        rules.load_yaml.cache_clear()
