"""The number rule files load, and a broken one fails loudly with its path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from docparse.errors import RuleFileError
from docparse.numbers import data


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    loaders = (data.numerals, data.units, data.qualifiers, data.nonmentions)
    for loader in loaders:
        loader.cache_clear()
    yield
    for loader in loaders:
        loader.cache_clear()


def test_shipped_rules_load(fresh_caches: None) -> None:
    assert data.numerals().digits["两"] == 2
    assert data.units().money["万元"] == 10000
    assert "个" in data.units().measures
    assert data.qualifiers().prefix["不超过"] == "at_most"
    assert data.nonmentions().patterns


def _broken(monkeypatch: pytest.MonkeyPatch, name: str, content: Any) -> None:
    real = data.load_yaml

    def fake(rule: str) -> Any:
        return content if rule == name else real(rule)

    monkeypatch.setattr(data, "load_yaml", fake)


def test_char_map_must_keep_lengths(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    _broken(monkeypatch, "numbers/numerals.yaml",
            {"char_map": {"万": "10000"}, "digits": {}, "small_units": {}, "big_units": {}, "point": "点"})
    with pytest.raises(RuleFileError, match=r"numerals\.yaml"):
        data.numerals()


def test_bad_pattern_names_the_file(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    _broken(monkeypatch, "numbers/nonmentions.yaml", {"patterns": ["(unclosed"], "phrases": []})
    with pytest.raises(RuleFileError, match=r"nonmentions\.yaml"):
        data.nonmentions()


def test_missing_keys_are_reported(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    _broken(monkeypatch, "numbers/units.yaml", {"money": {"元": 1}})
    with pytest.raises(RuleFileError, match="missing keys"):
        data.units()

