"""Validation and normalisation of identifiers and phone numbers typed at the window.

Every validator takes the raw text exactly as the clerk typed (or pasted) it and
returns the normalised value, or raises :class:`~app.errors.ValidationError`
with a short ``reason`` code and a Chinese message that says what is wrong and,
where it helps, where.  Validators never raise anything else for any ``str``:
the UI calls them on every keystroke-commit and must not crash on odd input.

Normalisation is deliberately forgiving about *form* (full-width digits from a
Chinese IME, spaces, lower-case ``x``, invisible characters pasted from Word or
a web page) and strict about *content* (length, region, date, check character).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.errors import ValidationError

__all__ = [
    "ResidentId",
    "mask_id_number",
    "parse_resident_id",
    "resident_id_check_char",
    "uscc_check_char",
    "validate_landline",
    "validate_mobile",
    "validate_office_code",
    "validate_phone",
    "validate_uscc",
]

_DIGITS = "0123456789"

# Province-level codes of GB/T 2260 (first two digits of a division code).
_MAINLAND_PROVINCES: frozenset[str] = frozenset(
    [str(n) for n in range(11, 16)]
    + [str(n) for n in range(21, 24)]
    + [str(n) for n in range(31, 38)]
    + [str(n) for n in range(41, 47)]
    + [str(n) for n in range(50, 55)]
    + [str(n) for n in range(61, 66)]
)
# Resident ids also start with 71 (Taiwan in GB/T 2260) and 81/82/83, the
# codes used on residence permits for Hong Kong, Macao and Taiwan residents,
# who do come to a township office (e.g. inherited rural housing).
_ID_PROVINCES: frozenset[str] = _MAINLAND_PROVINCES | {"71", "81", "82", "83"}

# GB 11643-1999, ISO 7064 MOD 11-2: weight of position i is 2**(17-i) mod 11.
_ID_WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_MAP = "10X98765432"
_ID_EARLIEST_BIRTH = date(1900, 1, 1)

# GB 32100-2015: 31 symbols; I, O, Z, S and V are left out because they are
# easily confused with 1, 0, 2, 5 and U on handwritten and printed forms.
_USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE: dict[str, int] = {c: i for i, c in enumerate(_USCC_CHARSET)}
_USCC_WEIGHTS: tuple[int, ...] = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# A clerk who types one of the excluded letters almost always meant the digit.
_USCC_EXCLUDED_HINT: dict[str, str] = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": "U"}

# Dash look-alikes a Chinese IME or a pasted document may produce; NFKC does
# not fold these to "-", so phone parsing folds them itself.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASH_TABLE = str.maketrans({c: "-" for c in _DASHES})
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")

_PHONE_FORMS_HINT = "请填写11位手机号码（如 13812345678）或带区号的固定电话（如 0536-8123456）"


# --------------------------------------------------------------------------- helpers


def _normalise(value: str) -> str:
    """NFKC-fold and drop whitespace and invisible format characters.

    NFKC turns full-width digits/letters typed with a Chinese IME into ASCII.
    Whitespace is removed everywhere (clerks copy ids grouped as "370702 1985…"),
    and so are format characters (zero-width space, BOM) that ride along when
    text is pasted from Word, Excel or a web page and would otherwise produce
    an error message pointing at a character nobody can see.
    """
    folded = unicodedata.normalize("NFKC", value)
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


def _show_char(c: str) -> str:
    """Quote a character for a message; control characters get their code point."""
    if c.isprintable():
        return f"“{c}”"
    return f"不可见字符 U+{ord(c):04X}"


def _is_ascii_digits(s: str) -> bool:
    # str.isdigit() would also accept "٣", "²" etc.; ids are ASCII only.
    return bool(s) and all(c in _DIGITS for c in s)


# --------------------------------------------------------------------------- resident id


@dataclass(frozen=True)
class ResidentId:
    """A validated 18-digit resident identity number and what it encodes."""

    number: str
    birth_date: date
    sex: Literal["male", "female"]
    region_code: str  # first six digits: county-level division at time of issue

    def age_on(self, day: date) -> int:
        """Completed years (周岁) on ``day``.

        The age goes up on the birthday itself; someone born on 29 February
        gets a year older on 1 March in common years.  Raises ``ValueError``
        for a day before the birth date, which is a programming error.
        """
        if day < self.birth_date:
            raise ValueError(f"{day} is before birth date {self.birth_date}")
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)


def resident_id_check_char(first17: str) -> str:
    """Check character (GB 11643-1999, ISO 7064 MOD 11-2) for 17 ASCII digits."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError("first17 must be exactly 17 ASCII digits")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_MAP[total % 11]


def parse_resident_id(
    value: str, field: str = "id_number", *, today: date
) -> ResidentId:
    """Validate an 18-digit resident identity number (居民身份证号码).

    Reasons: ``empty``, ``chars``, ``old_format``, ``length``, ``region``,
    ``birth_date``, ``checksum``.  ``today`` bounds the birth date (default: the
    system date) and is a parameter so tests do not depend on the clock.
    """
    number = _normalise(value).replace("x", "X")
    if not number:
        raise ValidationError(field, value, "empty", "请填写身份证号码")

    # Characters first: "370702-1985…" should say "-" is wrong, not "20位".
    for pos, c in enumerate(number, start=1):
        if c not in _DIGITS and c != "X":
            raise ValidationError(
                field, value, "chars", f"身份证号码第{pos}位{_show_char(c)}不是数字，请核对"
            )
    if len(number) == 15 and _is_ascii_digits(number):
        raise ValidationError(field, value, "old_format", "15位旧身份证号码已停用，请使用18位号码")
    if len(number) != 18:
        raise ValidationError(field, value, "length", f"身份证号码应为18位，现为{len(number)}位")
    x_pos = number.find("X")
    if x_pos != -1 and x_pos < 17:
        raise ValidationError(
            field, value, "chars", f"身份证号码第{x_pos + 1}位为“X”，X只能出现在最后一位"
        )

    province = number[:2]
    if province not in _ID_PROVINCES:
        raise ValidationError(
            field,
            value,
            "region",
            f"身份证号码前两位 {province} 不是有效的省级行政区划代码，请核对",
        )

    birth_text = number[6:14]
    try:
        birth = date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        raise ValidationError(
            field, value, "birth_date", f"身份证号码中的出生日期 {birth_text} 不是有效日期"
        ) from None
    if birth < _ID_EARLIEST_BIRTH:
        raise ValidationError(
            field,
            value,
            "birth_date",
            f"身份证号码中的出生日期 {birth_text} 早于1900年，请核对",
        )
    if birth > today:
        raise ValidationError(
            field,
            value,
            "birth_date",
            f"身份证号码中的出生日期 {birth_text} 晚于今天（{today:%Y%m%d}），请核对",
        )

    # The expected check character is deliberately not shown: the mistake is
    # usually in another digit, and showing it invites "fixing" the last one.
    if resident_id_check_char(number[:17]) != number[17]:
        raise ValidationError(field, value, "checksum", "身份证号码校验位不正确，请逐位核对")

    sex: Literal["male", "female"] = "male" if int(number[16]) % 2 == 1 else "female"
    return ResidentId(number=number, birth_date=birth, sex=sex, region_code=number[:6])


def mask_id_number(number: str) -> str:
    """Keep the first 6 and last 4 characters and star the rest, for printouts.

    ``370702198507150013`` → ``370702********0013``.  Values of 10 characters
    or fewer are starred completely, since keeping 6 + 4 would reveal them whole.
    """
    compact = _normalise(number)
    if len(compact) <= 10:
        return "*" * len(compact)
    return compact[:6] + "*" * (len(compact) - 10) + compact[-4:]


# --------------------------------------------------------------------------- USCC


def uscc_check_char(first17: str) -> str:
    """Check character (GB 32100-2015) for the first 17 characters of a USCC."""
    if len(first17) != 17 or any(c not in _USCC_VALUE for c in first17):
        raise ValueError("first17 must be 17 characters of the USCC character set")
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARSET[(31 - total % 31) % 31]


def validate_uscc(value: str, field: str = "id_number") -> str:
    """Validate a unified social credit code (统一社会信用代码); return it upper-case.

    Reasons: ``empty``, ``chars``, ``length``, ``checksum``.  The first character
    (registration authority) and second (organisation type) may be any symbol of
    the character set; characters 3–8 are a 6-digit division code.
    """
    code = _normalise(value).translate(_ASCII_UPPER)
    if not code:
        raise ValidationError(field, value, "empty", "请填写统一社会信用代码")

    for pos, c in enumerate(code, start=1):
        if c in _USCC_VALUE:
            continue
        if c in _USCC_EXCLUDED_HINT:
            message = (
                f"统一社会信用代码第{pos}位为“{c}”：代码中不使用字母 I、O、Z、S、V，"
                f"是否应为“{_USCC_EXCLUDED_HINT[c]}”？"
            )
        else:
            message = (
                f"统一社会信用代码第{pos}位{_show_char(c)}不允许，"
                "只能是数字或大写字母（不含 I、O、Z、S、V）"
            )
        raise ValidationError(field, value, "chars", message)

    if len(code) != 18:
        message = f"统一社会信用代码应为18位，现为{len(code)}位"
        # Older documents carry the codes the USCC replaced; say so, because
        # the clerk is probably copying from such a document.
        if len(code) == 15:
            message += "（15位的是旧营业执照注册号，请填写18位统一社会信用代码）"
        elif len(code) == 9:
            message += "（9位的是旧组织机构代码，请填写18位统一社会信用代码）"
        raise ValidationError(field, value, "length", message)

    for pos in range(2, 8):
        if code[pos] not in _DIGITS:
            raise ValidationError(
                field,
                value,
                "chars",
                f"统一社会信用代码第3–8位是行政区划代码，只能是数字，第{pos + 1}位为“{code[pos]}”",
            )

    if uscc_check_char(code[:17]) != code[17]:
        raise ValidationError(field, value, "checksum", "统一社会信用代码校验位不正确，请逐位核对")
    return code


# --------------------------------------------------------------------------- phones

_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_SERVICE_RE = re.compile(r"123[0-9]{2}")  # 12345 政务热线, 12336 自然资源, 12315 …
_AREA_CODE_RE = re.compile(r"0(?:10|2[0-9]|[3-9][0-9]{2})")
_EXTENSION_RE = re.compile(r"[0-9]{1,6}")
_LANDLINE_ALLOWED = frozenset(_DIGITS + "()-转")


def validate_mobile(value: str, field: str = "phone") -> str:
    """Validate a mainland mobile number; return its 11 digits.

    Accepts spaces and dashes anywhere and a ``+86`` / ``0086`` / ``86`` prefix.
    Reasons: ``empty``, ``chars``, ``length``, ``prefix``.
    """
    compact = _normalise(value).translate(_DASH_TABLE).replace("-", "")
    if not compact:
        raise ValidationError(field, value, "empty", "请填写手机号码")
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    elif compact.startswith("86") and len(compact) == 13:
        # Only strip a bare "86" when what remains is a mobile-length number.
        compact = compact[2:]

    for c in compact:
        if c not in _DIGITS:
            raise ValidationError(
                field, value, "chars", f"手机号码只能包含数字，其中有{_show_char(c)}"
            )
    if len(compact) != 11:
        raise ValidationError(field, value, "length", f"手机号码应为11位，现为{len(compact)}位")
    if not _MOBILE_RE.fullmatch(compact):
        raise ValidationError(
            field, value, "prefix", f"手机号码前两位应为13–19，现为“{compact[:2]}”，请核对"
        )
    return compact


def validate_landline(value: str, field: str = "phone") -> str:
    """Validate a fixed-line number with area code; return ``0536-8123456[-ext]``.

    Accepts ``0536-8123456``, ``(0536)8123456``, ``0536 8123456``,
    ``05368123456`` and an extension written ``转123`` or ``-123``.  The 5-digit
    government hotlines ``123xx`` (12345, 12336 …) are returned as typed.
    Reasons: ``empty``, ``chars``, ``area_code``, ``length``, ``format``.
    """
    text = _normalise(value).translate(_DASH_TABLE)
    if not text:
        raise ValidationError(field, value, "empty", "请填写固定电话号码")
    if _SERVICE_RE.fullmatch(text):
        return text
    for c in text:
        if c not in _LANDLINE_ALLOWED:
            raise ValidationError(
                field, value, "chars", f"固定电话号码中有不允许的字符{_show_char(c)}"
            )

    # Area code: the length is decided by its prefix, not by regex backtracking,
    # because "05368123456" could otherwise split as 053-68123456.
    if text.startswith("("):
        close = text.find(")")
        if close == -1:
            raise ValidationError(field, value, "format", "固定电话号码的括号不成对，请核对")
        area, rest = text[1:close], text[close + 1 :]
    elif text.startswith("0"):
        area_len = 3 if text[1:2] in ("1", "2") else 4
        area, rest = text[:area_len], text[area_len:]
    else:
        raise ValidationError(field, value, "area_code", "固定电话请加区号，如 0536-8123456")
    if not _AREA_CODE_RE.fullmatch(area):
        raise ValidationError(
            field,
            value,
            "area_code",
            f"区号“{area}”无效：区号为 010、020–029 或以0开头的4位数（如 0536）",
        )
    if rest.startswith("-"):
        rest = rest[1:]

    local_len = 0
    while local_len < len(rest) and rest[local_len] in _DIGITS:
        local_len += 1
    local, tail = rest[:local_len], rest[local_len:]
    if not 7 <= len(local) <= 8:
        raise ValidationError(
            field,
            value,
            "length",
            f"区号 {area} 之后的本地号码应为7–8位，现为{len(local)}位",
        )
    if local[0] in "01":
        raise ValidationError(
            field, value, "format", f"本地号码不能以0或1开头（现为 {local}），请核对"
        )

    extension = ""
    if tail:
        if tail[0] in "-转" and _EXTENSION_RE.fullmatch(tail[1:]):
            extension = tail[1:]
        else:
            raise ValidationError(
                field,
                value,
                "format",
                f"号码 {area}-{local} 之后的“{tail}”无法识别；分机号请写作“转123”或“-123”",
            )
    return f"{area}-{local}" + (f"-{extension}" if extension else "")


def validate_phone(value: str, field: str = "phone") -> str:
    """Validate a mobile or fixed-line number (see the two validators above).

    When both fail, the error of the form the input most resembles is reported,
    followed by a reminder of both accepted forms.
    """
    try:
        return validate_mobile(value, field)
    except ValidationError as exc:
        mobile_error = exc
    try:
        return validate_landline(value, field)
    except ValidationError as exc:
        landline_error = exc

    if mobile_error.reason == "empty":
        raise ValidationError(field, value, "empty", f"请填写联系电话：{_PHONE_FORMS_HINT}")
    compact = _normalise(value)
    looks_mobile = compact.startswith(("1", "+", "86", "00"))
    chosen = mobile_error if looks_mobile else landline_error
    raise ValidationError(field, value, chosen.reason, f"{chosen.message}。{_PHONE_FORMS_HINT}")


# --------------------------------------------------------------------------- office code


def validate_office_code(value: str, field: str = "office_code") -> str:
    """Validate a township code; return its 9 digits.

    The township code is the first 9 digits of the 12-digit statistical
    division code (统计用区划代码).  Either the 9 digits or the full 12-digit
    township-level code (ending in ``000``) is accepted.  Only mainland
    province codes are valid: the statistical code list covers nothing else.
    Reasons: ``empty``, ``chars``, ``length``, ``zero``, ``region``,
    ``village``, ``not_township``.
    """
    code = _normalise(value)
    if not code:
        raise ValidationError(field, value, "empty", "请填写乡镇代码")
    for pos, c in enumerate(code, start=1):
        if c not in _DIGITS:
            raise ValidationError(
                field, value, "chars", f"乡镇代码只能包含数字，第{pos}位为{_show_char(c)}"
            )
    if len(code) not in (9, 12):
        raise ValidationError(
            field,
            value,
            "length",
            f"乡镇代码应为9位（或12位统计用区划代码），现为{len(code)}位",
        )
    if set(code) == {"0"}:
        raise ValidationError(field, value, "zero", "乡镇代码不能全为0")
    if code[:2] not in _MAINLAND_PROVINCES:
        raise ValidationError(
            field,
            value,
            "region",
            f"乡镇代码前两位 {code[:2]} 不是有效的省级行政区划代码，请核对",
        )
    if len(code) == 12:
        if code[9:] != "000":
            raise ValidationError(
                field,
                value,
                "village",
                f"{code} 是村（居）级代码，乡镇代码应为前9位 {code[:9]}",
            )
        code = code[:9]
    if code[6:9] == "000":
        raise ValidationError(
            field,
            value,
            "not_township",
            f"{code} 是县级代码（第7–9位为000），请填写乡镇（街道）代码",
        )
    return code
