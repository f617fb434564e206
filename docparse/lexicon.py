"""The shared vocabulary of ``rules/text/lexicon.yaml``: sentence and clause marks, Chinese numerals,
money units. Every stage reads these concepts here instead of defining its own."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

from docparse.errors import RuleFileError
from docparse.rules import load_yaml, require_keys, rules_dir

RULE_FILE = "text/lexicon.yaml"
_MARKS = ["full_stops", "semicolons", "sentence_ends", "stop_point", "clause_marks", "label_marks",
          "closing_marks", "line_breaks"]
_NUMERALS = ["digits", "capital_digits", "digit_variants", "units", "capital_units", "big_units"]


def _fail(message: str) -> RuleFileError:
    return RuleFileError(rules_dir() / RULE_FILE, message)


@cache
def _data() -> dict[str, Any]:
    data = load_yaml(RULE_FILE)
    require_keys(RULE_FILE, data, ["marks", "numerals", "money_units"])
    require_keys(RULE_FILE, data["marks"], _MARKS)
    require_keys(RULE_FILE, data["numerals"], _NUMERALS)
    for key in ("digits", "capital_digits"):
        if len(str(data["numerals"][key])) != 10:
            raise _fail(f"numerals.{key}: needs the ten digits 0-9 in value order")
    if not data["money_units"] or any(Decimal(str(v)) <= 0 for v in data["money_units"].values()):
        raise _fail("money_units: needs units with positive scale factors")
    return data


@cache
def _marks(names: tuple[str, ...], seen: tuple[str, ...] = ()) -> str:
    sets = _data()["marks"]
    unknown = [n for n in names if n not in sets]
    if unknown:
        raise _fail(f"no mark set named {', '.join(unknown)} (known: {', '.join(sets)})")
    out = []
    for name in names:
        value = sets[name]
        if isinstance(value, list):
            if name in seen:
                raise _fail(f"marks.{name}: a set may not contain itself")
            out.append(_marks(tuple(str(v) for v in value), (*seen, name)))
        else:
            out.append(str(value))
    return "".join(dict.fromkeys("".join(out)))


@cache
def marks(*names: str) -> str:
    """The characters of the named mark sets, joined: ``marks("sentence_ends", "line_breaks")``."""
    return _marks(tuple(names))


@cache
def sentence_ends() -> str:
    """Characters that end a sentence wherever they stand (。；;！!？?)."""
    return marks("sentence_ends")


@cache
def _end_sets() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(sentence_ends()), frozenset(marks("stop_point"))


def ends_sentence(text: str, i: int) -> bool:
    """Whether ``text[i]`` ends a sentence: a sentence end, or a half-width stop not followed by a digit."""
    ends, stop = _end_sets()
    ch = text[i]
    return ch in ends or (ch in stop and not text[i + 1: i + 2].isdigit())


def digits() -> str:
    """Lower-case digits in value order: 零一二三四五六七八九."""
    return str(_data()["numerals"]["digits"])


def capital_digits() -> str:
    """Financial capital digits in value order: 零壹贰叁肆伍陆柒捌玖."""
    return str(_data()["numerals"]["capital_digits"])


@cache
def digit_values() -> dict[str, int]:
    """Every digit character → its value (lower case, capitals and variants such as 〇 and 两)."""
    n = _data()["numerals"]
    out = {ch: i for i, ch in enumerate(digits())}
    out.update({ch: i for i, ch in enumerate(capital_digits())})
    out.update({str(k): int(v) for k, v in n["digit_variants"].items()})
    return out


@cache
def small_units() -> dict[str, int]:
    """Multipliers below ten thousand, lower case then capitals: 十 百 千 拾 佰 仟."""
    n = _data()["numerals"]
    return {str(k): int(v) for part in ("units", "capital_units") for k, v in n[part].items()}


def lower_units() -> str:
    """The lower-case multipliers below ten thousand in ascending order: 十百千."""
    return "".join(str(k) for k in _data()["numerals"]["units"])


def capital_units() -> str:
    """The financial-capital multipliers below ten thousand in ascending order: 拾佰仟."""
    return "".join(str(k) for k in _data()["numerals"]["capital_units"])


@cache
def big_units() -> dict[str, int]:
    """Section multipliers: 万 → 10000, 亿 → 100000000."""
    return {str(k): int(v) for k, v in _data()["numerals"]["big_units"].items()}


@cache
def capitals() -> str:
    """The characters written only in financial capitals (壹…玖, 拾佰仟); 零 is shared with lower case."""
    shared = set(digits())
    return "".join(ch for ch in capital_digits() if ch not in shared) + "".join(_data()["numerals"]["capital_units"])


@cache
def capitals_to_lower() -> dict[int, str]:
    """A translation table writing financial capitals in lower case (贰拾 → 二十)."""
    n = _data()["numerals"]
    lower_unit = {int(v): str(k) for k, v in n["units"].items()}
    table = dict(zip(capital_digits(), digits(), strict=True))
    table.update({str(k): lower_unit[int(v)] for k, v in n["capital_units"].items() if int(v) in lower_unit})
    return str.maketrans(table)


@cache
def money_units() -> dict[str, Decimal]:
    """Money units as written → scale to yuan (元 1, 万元 10000, …)."""
    return {str(k): Decimal(str(v)) for k, v in _data()["money_units"].items()}


def money_unit_pattern() -> str:
    """A regex alternation of the money units, longest first (亿元|万元|…|元)."""
    return "|".join(sorted(money_units(), key=len, reverse=True))


@cache
def _classes() -> dict[str, str]:
    n = _data()["numerals"]
    out = {name: marks(name) for name in _data()["marks"]}
    out.update({
        "digits": digits(),
        "counting": digits()[1:] + lower_units()[:1],  # 一…九十: the numerals lists and headings count with
        "units": lower_units(),
        "big_units": "".join(big_units()),
        "capital_digits": capital_digits(),
        "capital_units": capital_units(),
        "digit_variants": "".join(str(k) for k in n["digit_variants"]),
    })
    return out


_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def expand(pattern: str) -> str:
    """A rule pattern with ``${name}`` replaced by the lexicon's characters of that name, escaped for a
    character class (``"[${counting}]+、"`` → ``"[一二三四五六七八九十]+、"``), or by the alternation of the
    money units, longest first (``"(?:${money_units})"`` → ``"(?:十万元|…|万元|元|圆)"``)."""
    classes = _classes()

    def sub(m: re.Match[str]) -> str:
        if m.group(1) == "money_units":
            return "|".join(re.escape(u) for u in sorted(money_units(), key=len, reverse=True))
        if m.group(1) not in classes:
            raise _fail(f"no character class named {m.group(1)} (known: {', '.join(classes)}, money_units)")
        return re.escape(classes[m.group(1)])

    return _PLACEHOLDER.sub(sub, pattern)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets, by the lexicon's marks: a sentence ends after
    a sentence end (see :func:`ends_sentence`) and the closing marks right after it (。” ）), or at a line
    break (not included); blank stretches are no sentence. The one sentence rule of docparse: the spaCy
    sentencizer (``docparse_sentencizer``) reads it too."""
    closing, breaks = marks("closing_marks"), marks("line_breaks")
    out: list[tuple[int, int]] = []
    start, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in breaks:
            end = i
        elif ends_sentence(text, i):
            end = i + 1
            while end < n and text[end] in closing:
                end += 1
        else:
            i += 1
            continue
        if text[start:end].strip():
            out.append((start, end))
        start = i = end + (1 if end < n and text[end] in breaks else 0)
    if text[start:].strip():
        out.append((start, n))
    return out
