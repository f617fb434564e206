"""The pure normaliser: fixed cases from the genre and round trips over random values (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.generate.render import (
    decimal_to_chinese,
    full_width,
    integer_to_chinese,
    with_separators,
    yuan_to_capitals,
)
from docparse.numbers.normalise import (
    normalise_chars,
    parse_approx_pair,
    parse_arabic,
    parse_number,
    parse_numeral,
    parse_yuan,
)


@pytest.mark.parametrize(("text", "value"), [
    ("１２．５", "12.5"), ("1,234,567.89", "1234567.89"), ("九十九", "99"), ("一百二十万零三千", "1203000"),
    ("两千三百", "2300"), ("1.2亿", "120000000"), ("1亿2千万", "120000000"), ("3千万", "30000000"),
    ("50余万", "500000"), ("-5.2", "-5.2"), ("负5.2", "-5.2"), ("十二", "12"), ("一百零五", "105"),
    ("三点五万", "35000"), ("二〇二〇", "2020"), ("壹佰贰拾万", "1200000"), ("12万3千", "123000"),
    ("零点五", "0.5"), ("三万亿", "3000000000000"), ("十", "10"), ("贰拾", "20"), ("２千", "2000"),
    ("一千零一十", "1010"), ("萬", None), ("", None), ("十二三", None),
    ("1 234 567.89", "1234567.89"), ("12\u00a0345", "12345"),
])
def test_parse_number(text: str, value: str | None) -> None:
    if value is None:
        with pytest.raises(ValueError):
            parse_number(text)
    else:
        assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(("text", "value"), [
    ("贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "234567.89"), ("壹佰贰拾万元整", "1200000"), ("伍角", "0.5"),
    ("叁元零伍分", "3.05"), ("壹佰元整", "100"), ("人民币", None), ("元", "0"),
])
def test_parse_yuan(text: str, value: str | None) -> None:
    if value is None:
        with pytest.raises(ValueError):
            parse_yuan(text)
    else:
        assert parse_yuan(text) == Decimal(value)


@pytest.mark.parametrize(("text", "pair"), [
    ("两三", ("2", "3")), ("三四十", ("30", "40")), ("七八百万", ("7000000", "8000000")), ("三五", ("3", "5")),
    ("一三", None), ("一一", None), ("十二", None), ("2", None),
])
def test_rough_pairs(text: str, pair: tuple[str, str] | None) -> None:
    got = parse_approx_pair(text)
    assert got == (tuple(Decimal(v) for v in pair) if pair else None)
    if pair is not None:
        with pytest.raises(ValueError):
            parse_number(text)  # a rough pair is no single number


@pytest.mark.parametrize("text", ["1,23,4", "12,34", "1.2.3", "x", "1,234.5.6", "12 34", "1 2345", "1  234"])
def test_bad_arabic(text: str) -> None:
    with pytest.raises(ValueError):
        parse_arabic(text)


def test_normalise_keeps_length() -> None:
    text = "１２．５％萬元，億元，圓"
    assert len(normalise_chars(text)) == len(text)
    assert normalise_chars(text).startswith("12.5%万元")


_AMOUNTS = st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"),
                       places=2, allow_nan=False, allow_infinity=False)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_integer_numerals_round_trip(n: int) -> None:
    assert parse_numeral(integer_to_chinese(n)) == n
    assert parse_numeral(integer_to_chinese(n, capitals=True)) == n


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_signed_numerals_round_trip(n: int) -> None:
    assert parse_number(integer_to_chinese(n)) == n


@given(_AMOUNTS)
def test_capitals_round_trip(value: Decimal) -> None:
    assert parse_yuan(yuan_to_capitals(value)) == value


@given(_AMOUNTS)
def test_separators_round_trip(value: Decimal) -> None:
    assert parse_number(with_separators(value)) == value
    assert parse_number(full_width(with_separators(value))) == value


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("99999999.999"), places=3,
                   allow_nan=False, allow_infinity=False))
def test_decimal_numerals_round_trip(value: Decimal) -> None:
    assert parse_number(decimal_to_chinese(value)) == value


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_mixed_arabic_scale(n: int, scale: str) -> None:
    factor = 10000 if scale == "万" else 100000000
    assert parse_number(f"{n}{scale}") == n * factor
    assert parse_number(f"{n}.5{scale}") == (Decimal(n) + Decimal("0.5")) * factor
