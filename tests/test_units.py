"""Tests for app.units: 平方米 / 亩 / 公顷 conversion, formatting and parsing."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.units import (
    format_area,
    hectare_to_m2,
    m2_to_hectare,
    m2_to_mu,
    mu_to_m2,
    parse_area,
)

D = Decimal


def test_one_mu_round_trip() -> None:
    m2 = mu_to_m2(D(1))
    assert m2.quantize(D("0.01")) == D("666.67")
    assert m2_to_mu(m2) == 1


def test_fifteen_mu_is_exactly_one_hectare() -> None:
    assert mu_to_m2(D(15)) == hectare_to_m2(D(1)) == D(10000)
    assert m2_to_mu(D(10000)) == 15
    assert m2_to_hectare(D(10000)) == 1


def test_conversions_ignore_the_callers_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 5
        assert mu_to_m2(D(1)) == D("666.6666666666666666666666667")


@given(st.decimals(min_value=0, max_value=100_000_000, places=2))
def test_m2_mu_m2_round_trip_is_exact(m2: Decimal) -> None:
    assert mu_to_m2(m2_to_mu(m2)) == m2
    assert hectare_to_m2(m2_to_hectare(m2)) == m2


@given(st.decimals(min_value=0, max_value=150_000, places=4))
def test_mu_m2_mu_round_trip(mu: Decimal) -> None:
    # Division by 15 is rounded at 28 digits, so compare well above that.
    assert m2_to_mu(mu_to_m2(mu)).quantize(D("1e-12")) == mu


@pytest.mark.parametrize(
    ("m2", "text"),
    [
        (D("1333.33"), "1333.33 平方米（2.00 亩，0.1333 公顷）"),
        (D(10000), "10000.00 平方米（15.00 亩，1.0000 公顷）"),
        (D("666.67"), "666.67 平方米（1.00 亩，0.0667 公顷）"),
        (D(0), "0.00 平方米（0.00 亩，0.0000 公顷）"),
        # Half-up, not banker's rounding: 0.005 prints as 0.01.
        (D("0.005"), "0.01 平方米（0.00 亩，0.0000 公顷）"),
        (D("0.345"), "0.35 平方米（0.00 亩，0.0000 公顷）"),
        # 1 亩 exactly from the unrounded m² value: no double rounding.
        (mu_to_m2(D(1)), "666.67 平方米（1.00 亩，0.0667 公顷）"),
        (D("99999999.999"), "100000000.00 平方米（150000.00 亩，10000.0000 公顷）"),
    ],
)
def test_format_area(m2: Decimal, text: str) -> None:
    assert format_area(m2) == text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1333.33", D("1333.33")),
        ("1333.33平方米", D("1333.33")),
        ("1333.33 平米", D("1333.33")),
        ("1333.33㎡", D("1333.33")),
        ("1333.33 m²", D("1333.33")),
        ("1333.33M2", D("1333.33")),
        ("1,333.33", D("1333.33")),
        ("１３３３．３３", D("1333.33")),
        ("15亩", D(10000)),
        ("１５ 亩", D(10000)),
        ("0.5公顷", D(5000)),
        ("0.5 hm2", D(5000)),
        ("0.5 hm²", D(5000)),
        ("0.5HA", D(5000)),
        (".5公顷", D(5000)),
        ("0", D(0)),
        ("-0", D(0)),
        ("100000000", D(100_000_000)),
        ("150000亩", D(100_000_000)),
        ("10000公顷", D(100_000_000)),
    ],
)
def test_parse_area(typed: str, expected: Decimal) -> None:
    assert parse_area(typed) == expected


def test_parse_mu_is_not_rounded() -> None:
    m2 = parse_area("2亩")
    assert m2_to_mu(m2) == 2
    assert format_area(m2) == "1333.33 平方米（2.00 亩，0.1333 公顷）"


@pytest.mark.parametrize(
    ("typed", "reason", "fragment"),
    [
        ("", "empty", "请填写面积"),
        ("  ", "empty", "请填写面积"),
        ("abc", "format", "面积“abc”无法识别"),
        ("亩", "format", "平方米、亩或公顷"),
        ("2平方公里", "format", "无法识别"),
        ("1e5", "format", "无法识别"),
        ("1.2.3", "format", "无法识别"),
        ("1,33.3", "format", "无法识别"),
        ("NaN", "format", "无法识别"),
        ("x" * 100, "format", "x" * 20 + "…"),
        ("-5", "negative", "面积不能为负数"),
        ("－5亩", "negative", "面积不能为负数"),
        ("−0.1公顷", "negative", "面积不能为负数"),
        ("100000000.01", "too_large", "超过100平方公里"),
        ("150000.1亩", "too_large", "超过100平方公里"),
        ("10001公顷", "too_large", "请检查数值和单位"),
        ("9" * 5000 + "亩", "too_large", "超过100平方公里"),
    ],
)
def test_parse_area_errors(typed: str, reason: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_area(typed, "parcel_area")
    assert info.value.reason == reason
    assert fragment in info.value.message
    assert info.value.field == "parcel_area"
    assert info.value.value == typed


@given(st.decimals(min_value=0, max_value=100_000_000, places=2))
def test_parse_formatted_number_round_trip(m2: Decimal) -> None:
    assert parse_area(str(m2)) == m2
    assert parse_area("".join(chr(ord(c) + 0xFEE0) for c in str(m2)) + "㎡") == m2


@given(st.one_of(st.text(), st.text(alphabet="0123456789.,-+ 亩公顷平方米hm²㎡a１")))
def test_parse_area_only_raises_validation_error(text: str) -> None:
    try:
        result = parse_area(text)
    except ValidationError as error:
        assert error.reason in {"empty", "format", "negative", "too_large"}
    else:
        assert 0 <= result <= 100_000_000
