"""The number rule files in ``rules/numbers/``, loaded once and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from docparse import lexicon
from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir


@dataclass(frozen=True, slots=True)
class NumeralRules:
    """Characters and words of written numbers (digits and multipliers from the shared lexicon)."""

    table: dict[int, str]
    digits: dict[str, int]
    small_units: dict[str, int]
    big_units: dict[str, int]
    point: str
    minus_words: tuple[str, ...]
    exact_suffixes: tuple[str, ...]
    exact_not_followed_by: str
    jiao: tuple[str, ...]
    fen: tuple[str, ...]
    capitals: str
    rough_pairs: tuple[str, ...]


@cache
def numerals() -> NumeralRules:
    name = "numbers/numerals.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["char_map", "point"])
    for src, dst in data["char_map"].items():
        if len(str(src)) != 1 or len(str(dst)) != 1:
            raise RuleFileError(rules_dir() / name, f"char_map entry {src!r}: must map one char to one char")
    return NumeralRules(
        table=str.maketrans({str(k): str(v) for k, v in data["char_map"].items()}),
        digits=lexicon.digit_values(),
        small_units=lexicon.small_units(),
        big_units=lexicon.big_units(),
        point=str(data["point"]),
        minus_words=tuple(data.get("minus_words", [])),
        exact_suffixes=tuple(data.get("exact_suffixes", [])),
        exact_not_followed_by=str(data.get("exact_not_followed_by", "")),
        jiao=tuple(data.get("jiao", [])),
        fen=tuple(data.get("fen", [])),
        capitals=lexicon.capitals(),
        rough_pairs=tuple(str(p) for p in data.get("rough_pairs", [])),
    )


@dataclass(frozen=True, slots=True)
class UnitRules:
    money: dict[str, Decimal]
    money_prefix_signs: tuple[str, ...]
    percent: dict[str, Decimal]
    percent_prefix: dict[str, Decimal]
    points: tuple[str, ...]
    measures: tuple[str, ...]
    measure_not_followed_by: tuple[str, ...]
    measure_not_preceded_by: tuple[str, ...]
    measure_arabic_only: tuple[str, ...]
    scale_only_money: tuple[str, ...]
    scale_only_within: int
    stray_before_yuan: tuple[str, ...]
    inline_gloss: str | None


@cache
def units() -> UnitRules:
    name = "numbers/units.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["percent", "percent_prefix", "points"])
    mname = "numbers/measures.yaml"
    mdata = load_yaml(mname)
    require_keys(mname, mdata, ["measures"])
    return UnitRules(
        money=lexicon.money_units(),
        money_prefix_signs=tuple(data.get("money_prefix_signs", [])),
        percent={str(k): Decimal(str(v)) for k, v in data["percent"].items()},
        percent_prefix={str(k): Decimal(str(v)) for k, v in data["percent_prefix"].items()},
        points=tuple(data["points"]),
        measures=tuple(dict.fromkeys(str(m) for m in mdata["measures"])),
        measure_not_followed_by=tuple(mdata.get("not_followed_by", [])),
        measure_not_preceded_by=tuple(mdata.get("not_preceded_by", [])),
        measure_arabic_only=tuple(mdata.get("arabic_only", [])),
        scale_only_money=tuple(str(w) for w in data.get("scale_only_money", [])),
        scale_only_within=int(data.get("scale_only_within", 0)),
        stray_before_yuan=tuple(str(w) for w in data.get("stray_before_yuan", [])),
        inline_gloss=_pattern(name, "inline_gloss", data.get("inline_gloss")),
    )


def _pattern(name: str, key: str, value: object) -> str | None:
    """An optional regular expression of a rule file, checked to compile."""
    if value is None:
        return None
    try:
        re.compile(str(value))
    except re.error as exc:
        raise RuleFileError(rules_dir() / name, f"{key}: invalid pattern ({exc})") from exc
    return str(value)


@dataclass(frozen=True, slots=True)
class QualifierRules:
    prefix: dict[str, str | None]
    suffix: dict[str, str]
    infix: dict[str, str]
    symbols: tuple[str, ...]
    range_separators: tuple[str, ...]
    filler: str
    down: tuple[str, ...]
    up: tuple[str, ...]
    not_after: dict[str, str]


@cache
def qualifiers() -> QualifierRules:
    name = "numbers/qualifiers.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["prefix", "suffix", "infix", "range_separators"])
    dname = "numbers/directions.yaml"
    ddata = load_yaml(dname)
    require_keys(dname, ddata, ["down", "up"])
    return QualifierRules(
        prefix={str(k): v for k, v in data["prefix"].items()},
        suffix={str(k): str(v) for k, v in data["suffix"].items()},
        infix={str(k): str(v) for k, v in data["infix"].items()},
        symbols=tuple(data.get("symbols", [])),
        range_separators=tuple(data["range_separators"]),
        filler=str(data.get("filler", "")),
        down=tuple(ddata["down"]),
        up=tuple(ddata["up"]),
        not_after={str(k): str(v) for k, v in (data.get("not_after") or {}).items()},
    )


@dataclass(frozen=True, slots=True)
class NonMentionRules:
    patterns: tuple[re.Pattern[str], ...]
    phrases: tuple[str, ...]
    bare_not_followed_by: str
    bare_date_characters: str
    masked_before: str


@cache
def nonmentions() -> NonMentionRules:
    name = "numbers/nonmentions.yaml"
    data = load_yaml(name)
    require_keys(name, data, ["patterns", "phrases"])
    compiled = []
    for i, pat in enumerate(data["patterns"], 1):
        try:
            compiled.append(re.compile(pat))
        except re.error as exc:
            raise RuleFileError(rules_dir() / name, f"pattern {i} is not a valid regex: {exc}") from exc
    return NonMentionRules(
        patterns=tuple(compiled),
        phrases=tuple(sorted(data["phrases"], key=len, reverse=True)),
        bare_not_followed_by=str(data.get("bare_not_followed_by", "")),
        bare_date_characters=str(data.get("bare_date_characters", "")),
        masked_before=str(data.get("masked_before", "")),
    )

