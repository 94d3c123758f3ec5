"""Land-area units: square metres, 亩 (mu) and 公顷 (hectare).

1 亩 = 10000/15 m² (666.666…, printed 666.67 by convention) and
1 公顷 = 10000 m², so 15 亩 = 1 公顷 exactly.  Everything is ``Decimal``:
areas end up on certificates and fee notices, where binary floating point
would print 0.30000000000000004 亩.  Square metres are the canonical unit;
the other two are only for display and input.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Literal

from app.errors import ValidationError

__all__ = [
    "format_area",
    "hectare_to_m2",
    "m2_to_hectare",
    "m2_to_mu",
    "mu_to_m2",
    "parse_area",
]

_M2_PER_HECTARE = Decimal(10000)
# 1 亩 = 10000/15 m²; kept as the exact fraction, never as 666.67.
_MU_PER_HECTARE = Decimal(15)

# Arithmetic runs in a fixed context so results do not depend on whatever
# precision or rounding the calling thread happens to have set.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)

_MAX_M2 = Decimal(100_000_000)  # 100 km²: larger than any township parcel

_Unit = Literal["m2", "mu", "hectare"]
# Suffixes after NFKC and lower-casing ("㎡" and "m²" fold to "m2", "㏊" to "ha").
# Longest first, so "hm2" is not taken for "m2" with a stray "h".
_UNIT_SUFFIXES: tuple[tuple[str, _Unit], ...] = (
    ("平方米", "m2"),
    ("公顷", "hectare"),
    ("平米", "m2"),
    ("hm2", "hectare"),
    ("m2", "m2"),
    ("ha", "hectare"),
    ("亩", "mu"),
)
# Upper bound expressed in the unit typed, so an absurd number is rejected
# before any arithmetic that could overflow the decimal context.
_MAX_IN_UNIT: dict[_Unit, Decimal] = {
    "m2": _MAX_M2,
    "mu": _MAX_M2 * _MU_PER_HECTARE / _M2_PER_HECTARE,  # 150000 亩, exact
    "hectare": _MAX_M2 / _M2_PER_HECTARE,  # 10000 公顷
}
# Digits with optional thousands separators ("1,333.33") and decimal part.
_NUMBER_RE = re.compile(r"([-+]?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)")
# Minus signs NFKC leaves alone but a pasted document may contain.
_MINUS_TABLE = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-"})

_FORMS_HINT = "请填写数字，可带单位平方米、亩或公顷，如 1333.33、2亩、0.5公顷"


def m2_to_mu(m2: Decimal) -> Decimal:
    """Square metres → 亩 (exact for any finite decimal within 28 digits)."""
    with localcontext(_CONTEXT):
        return m2 * _MU_PER_HECTARE / _M2_PER_HECTARE


def mu_to_m2(mu: Decimal) -> Decimal:
    """亩 → square metres; division by 15 is rounded to 28 significant digits."""
    with localcontext(_CONTEXT):
        return mu * _M2_PER_HECTARE / _MU_PER_HECTARE


def m2_to_hectare(m2: Decimal) -> Decimal:
    """Square metres → 公顷 (exact)."""
    with localcontext(_CONTEXT):
        return m2 / _M2_PER_HECTARE


def hectare_to_m2(hectare: Decimal) -> Decimal:
    """公顷 → square metres (exact)."""
    with localcontext(_CONTEXT):
        return hectare * _M2_PER_HECTARE


def format_area(m2: Decimal) -> str:
    """``1333.33 平方米（2.00 亩，0.1333 公顷）``, rounded half-up as on paper forms."""
    with localcontext(_CONTEXT):
        m2_text = m2.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        # Convert from the unrounded value so 亩 and 公顷 are not double-rounded.
        mu_text = m2_to_mu(m2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        ha_text = m2_to_hectare(m2).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return f"{m2_text} 平方米（{mu_text} 亩，{ha_text} 公顷）"


def parse_area(text: str, field: str = "area") -> Decimal:
    """Parse an area typed by a clerk and return it in square metres.

    Accepts a bare number (square metres) or a number followed by 平方米 / 平米
    / m² / ㎡, 亩, or 公顷 / hm² / ha, with full-width digits and spaces.  A value
    in 亩 is not rounded: ``"2亩"`` gives 1333.333… m², so that converting
    back gives exactly 2 亩.  Reasons: ``empty``, ``format``, ``negative``,
    ``too_large`` (over 100 km²).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_MINUS_TABLE)
    compact = "".join(c for c in folded if not c.isspace()).lower()
    if not compact:
        raise ValidationError(field, text, "empty", "请填写面积")

    unit: _Unit = "m2"
    number_text = compact
    for suffix, suffix_unit in _UNIT_SUFFIXES:
        if compact.endswith(suffix):
            unit, number_text = suffix_unit, compact[: -len(suffix)]
            break

    match = _NUMBER_RE.fullmatch(number_text)
    if match is None:
        # Quote what was typed so the clerk sees the culprit, but keep a pasted
        # paragraph from swamping the form.
        shown = text.strip() if len(text.strip()) <= 20 else text.strip()[:20] + "…"
        raise ValidationError(field, text, "format", f"面积“{shown}”无法识别：{_FORMS_HINT}")
    sign, digits = match.groups()
    amount = Decimal(digits.replace(",", ""))
    if sign == "-" and amount != 0:
        raise ValidationError(field, text, "negative", "面积不能为负数")
    if amount > _MAX_IN_UNIT[unit]:
        raise ValidationError(
            field,
            text,
            "too_large",
            "面积超过100平方公里（1亿平方米），请检查数值和单位是否填错",
        )
    if unit == "mu":
        return mu_to_m2(amount)
    if unit == "hectare":
        return hectare_to_m2(amount)
    return amount
