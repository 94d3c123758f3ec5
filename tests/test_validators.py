"""Tests for app.validators: resident ids, USCC, phones, office codes, masking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.validators import (
    ResidentId,
    mask_id_number,
    parse_resident_id,
    resident_id_check_char,
    uscc_check_char,
    validate_landline,
    validate_mobile,
    validate_office_code,
    validate_phone,
    validate_uscc,
)

# Fixed "today" so date-dependent tests do not change with the clock.
TODAY = date(2024, 6, 1)

# Written out from the specification rather than imported, so a mistake in the
# module's table is caught here instead of being copied.
ID_PROVINCES = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83",
]  # fmt: skip
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
DIGITS = "0123456789"


def full_width(text: str) -> str:
    """What a Chinese IME in full-width mode produces for ASCII text."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def raises(func: Callable[..., object], *args: object, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


# --------------------------------------------------------------------------- strategies


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(ID_PROVINCES))
    county = draw(st.text(DIGITS, min_size=4, max_size=4))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.text(DIGITS, min_size=3, max_size=3))
    body = f"{province}{county}{birth:%Y%m%d}{sequence}"
    return body + resident_id_check_char(body)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    authority = draw(st.sampled_from(USCC_CHARSET))
    kind = draw(st.sampled_from(USCC_CHARSET))
    division = draw(st.text(DIGITS, min_size=6, max_size=6))
    organisation = draw(st.text(USCC_CHARSET, min_size=9, max_size=9))
    body = authority + kind + division + organisation
    return body + uscc_check_char(body)


# --------------------------------------------------------------------------- resident id


def test_check_char_of_standard_example() -> None:
    # The worked example printed in GB 11643-1999.
    assert resident_id_check_char("11010519491231002") == "X"


def test_known_female_id() -> None:
    rid = parse_resident_id("11010519491231002X", today=TODAY)
    assert rid == ResidentId(
        number="11010519491231002X",
        birth_date=date(1949, 12, 31),
        sex="female",  # 17th digit 2 is even
        region_code="110105",
    )


def test_known_male_id() -> None:
    rid = parse_resident_id("370702198507150018", today=TODAY)
    assert rid.sex == "male"  # 17th digit 1 is odd
    assert rid.birth_date == date(1985, 7, 15)
    assert rid.region_code == "370702"


@pytest.mark.parametrize("number", ["810000199001010019", "830000199001010020"])
def test_hong_kong_and_taiwan_residence_permits(number: str) -> None:
    assert parse_resident_id(number, today=TODAY).number == number


def test_lower_case_x_full_width_and_spaces_are_normalised() -> None:
    typed = full_width("110105 19491231 002x")
    assert parse_resident_id(typed, today=TODAY).number == "11010519491231002X"


def test_invisible_characters_from_pasting_are_ignored() -> None:
    assert parse_resident_id("\ufeff1101051949\u200b1231002X", today=TODAY).number == (
        "11010519491231002X"
    )


def test_age_on() -> None:
    rid = parse_resident_id("11010519491231002X", today=TODAY)
    assert rid.age_on(date(2024, 12, 30)) == 74
    assert rid.age_on(date(2024, 12, 31)) == 75
    assert rid.age_on(date(1949, 12, 31)) == 0
    with pytest.raises(ValueError):
        rid.age_on(date(1949, 12, 30))


def test_age_of_leap_day_birth() -> None:
    body = "37070220000229001"
    rid = parse_resident_id(body + resident_id_check_char(body), today=TODAY)
    assert rid.age_on(date(2018, 2, 28)) == 17
    assert rid.age_on(date(2018, 3, 1)) == 18


def test_born_today_is_accepted_tomorrow_is_refused() -> None:
    # "Today" is the caller's (the services' clock), never the PC's own date.
    body = f"370702{TODAY:%Y%m%d}001"
    assert parse_resident_id(body + resident_id_check_char(body), today=TODAY).birth_date == TODAY
    with pytest.raises(ValidationError):
        parse_resident_id(body + resident_id_check_char(body), today=TODAY - timedelta(days=1))


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写身份证号码"),
        ("   ", "empty", "请填写身份证号码"),
        ("110105-19491231002X", "chars", "第7位“-”不是数字"),
        ("11010519491231002Ｘ好", "chars", "第19位“好”"),
        ("110105\x0019491231002X", "chars", "U+0000"),
        ("1101051949X231002X", "chars", "第11位为“X”"),
        ("110105491231002", "old_format", "15位旧身份证号码已停用，请使用18位号码"),
        ("11010519491231002", "length", "身份证号码应为18位，现为17位"),
        ("11010519491231002X1", "length", "现为19位"),
        ("990105194912310023", "region", "前两位 99"),
        ("110105202302310011", "birth_date", "身份证号码中的出生日期 20230231 不是有效日期"),
        ("110105189912310015", "birth_date", "18991231 早于1900年"),
        ("110105202406020019", "birth_date", "20240602 晚于今天"),
        ("110105194912310021", "checksum", "身份证号码校验位不正确，请逐位核对"),
    ],
)
def test_resident_id_errors(value: str, reason: str, fragment: str) -> None:
    error = raises(parse_resident_id, value, "applicant_id", today=TODAY)
    assert error.reason == reason
    assert fragment in error.message
    assert error.field == "applicant_id"
    assert error.value == value


def test_check_char_rejects_bad_body() -> None:
    with pytest.raises(ValueError):
        resident_id_check_char("1234")


@given(resident_ids())
def test_any_valid_body_with_its_check_char_parses(number: str) -> None:
    rid = parse_resident_id(number, today=TODAY)
    assert rid.number == number
    assert rid.sex == ("male" if int(number[16]) % 2 else "female")
    assert rid.birth_date.strftime("%Y%m%d") == number[6:14]


@given(resident_ids())
def test_full_width_lower_case_round_trip(number: str) -> None:
    typed = full_width(number.lower())
    assert parse_resident_id(typed, today=TODAY).number == number


@given(resident_ids(), st.data())
def test_any_single_digit_change_is_rejected(number: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(min_value=0, max_value=17), label="pos")
    alphabet = DIGITS + "X" if pos == 17 else DIGITS
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[pos]]))
    changed = number[:pos] + replacement + number[pos + 1 :]
    error = raises(parse_resident_id, changed, today=TODAY)
    # Region and date are checked first; anything they let through must be
    # caught by MOD 11-2, which detects every single-character substitution.
    assert error.reason in {"region", "birth_date", "checksum"}


# --------------------------------------------------------------------------- USCC


def test_known_uscc() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"
    assert validate_uscc("91350100M000100Y43") == "91350100M000100Y43"


@pytest.mark.parametrize("code", ["91370702MA3C123455", "12370702004512345B", "5137070200451234AR"])
def test_other_registration_authorities(code: str) -> None:
    assert validate_uscc(code) == code


def test_uscc_normalisation() -> None:
    assert validate_uscc(full_width(" 91350100m000100y43 ")) == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写统一社会信用代码"),
        ("91350100M000100O43", "chars", "第16位为“O”：代码中不使用字母 I、O、Z、S、V，是否应为“0”"),
        ("9135010OM000100Y43", "chars", "第8位为“O”"),
        ("91350100M0001S0Y43", "chars", "是否应为“5”"),
        ("91350100M000100Y4-", "chars", "第18位“-”不允许"),
        ("91A50100M000100Y43", "chars", "第3–8位是行政区划代码，只能是数字，第3位为“A”"),
        ("91350100M000100Y4", "length", "统一社会信用代码应为18位，现为17位"),
        ("370702000123456", "length", "旧营业执照注册号"),
        ("M000100Y4", "length", "旧组织机构代码"),
        ("91350100M000100Y44", "checksum", "统一社会信用代码校验位不正确，请逐位核对"),
    ],
)
def test_uscc_errors(value: str, reason: str, fragment: str) -> None:
    error = raises(validate_uscc, value)
    assert error.reason == reason
    assert fragment in error.message
    assert error.field == "id_number"


def test_uscc_check_char_rejects_bad_body() -> None:
    with pytest.raises(ValueError):
        uscc_check_char("91350100M000100O4")


@given(usccs())
def test_any_valid_uscc_body_with_its_check_char_validates(code: str) -> None:
    assert validate_uscc(code) == code
    assert validate_uscc(full_width(code.lower())) == code


@given(usccs(), st.data())
def test_any_single_character_change_is_rejected(code: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(min_value=0, max_value=17), label="pos")
    alphabet = USCC_CHARSET + "IOZSV-"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != code[pos]]))
    changed = code[:pos] + replacement + code[pos + 1 :]
    error = raises(validate_uscc, changed)
    # 31 is prime and every weight is non-zero mod 31, so any substitution
    # within the character set changes the check character.
    assert error.reason in {"chars", "checksum"}


# --------------------------------------------------------------------------- mobile


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "0086 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "＋８６　１３８１２３４５６７８",
    ],
)
def test_mobile_forms(typed: str) -> None:
    assert validate_mobile(typed) == "13812345678"


@pytest.mark.parametrize("number", ["13000000000", "15912345678", "17712345678", "19912345678"])
def test_mobile_prefixes(number: str) -> None:
    assert validate_mobile(number) == number


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写手机号码"),
        ("138abc45678", "chars", "“a”"),
        ("1381234567", "length", "手机号码应为11位，现为10位"),
        ("+86 1381234567", "length", "现为10位"),
        ("12812345678", "prefix", "前两位应为13–19，现为“12”"),
        ("23812345678", "prefix", "现为“23”"),
    ],
)
def test_mobile_errors(value: str, reason: str, fragment: str) -> None:
    error = raises(validate_mobile, value)
    assert error.reason == reason
    assert fragment in error.message
    assert error.field == "phone"


@given(
    second=st.sampled_from("3456789"),
    rest=st.text(DIGITS, min_size=9, max_size=9),
    prefix=st.sampled_from(["", "+86", "0086", "86", "+86 ", "+86-"]),
    wide=st.booleans(),
)
def test_mobile_round_trip(second: str, rest: str, prefix: str, wide: bool) -> None:
    number = "1" + second + rest
    typed = f"{prefix}{number[:3]} {number[3:7]}-{number[7:]}"
    assert validate_mobile(full_width(typed) if wide else typed) == number


# --------------------------------------------------------------------------- landline


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0536-8123456", "0536-8123456"),
        ("(0536)8123456", "0536-8123456"),
        ("（0536）8123456", "0536-8123456"),
        ("(0536)-8123456", "0536-8123456"),
        ("0536 8123456", "0536-8123456"),
        ("05368123456", "0536-8123456"),
        ("０５３６－８１２３４５６", "0536-8123456"),
        ("0536—8123456", "0536-8123456"),
        ("0536-81234567", "0536-81234567"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("021 5123 4567", "021-51234567"),
        ("0536-8123456转123", "0536-8123456-123"),
        ("0536-8123456 转 123", "0536-8123456-123"),
        ("0536-8123456-123", "0536-8123456-123"),
        ("05368123456-8", "0536-8123456-8"),
        ("(0536)8123456转12", "0536-8123456-12"),
    ],
)
def test_landline_forms(typed: str, expected: str) -> None:
    assert validate_landline(typed) == expected


@pytest.mark.parametrize("number", ["12345", "12336", "12315", " 12345 ", "１２３３６"])
def test_government_hotlines(number: str) -> None:
    assert validate_landline(number) == number.strip().translate(
        str.maketrans("０１２３４５６７８９", DIGITS)
    )


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写固定电话号码"),
        ("0536-8123456a", "chars", "不允许的字符“a”"),
        ("8123456", "area_code", "固定电话请加区号"),
        ("0116-2345678", "area_code", "区号“011”无效"),
        ("(053)8123456", "area_code", "区号“053”无效"),
        ("0536-81234", "length", "区号 0536 之后的本地号码应为7–8位，现为5位"),
        ("0536-812345678", "length", "现为9位"),
        ("(0536)", "length", "现为0位"),
        # A real local number never starts with 1 (those are service codes).
        ("010-12345678", "format", "本地号码不能以0或1开头（现为 12345678）"),
        ("0536-0123456", "format", "不能以0或1开头"),
        ("0536-8123456转", "format", "分机号请写作“转123”或“-123”"),
        ("0536-8123456-1234567", "format", "“-1234567”无法识别"),
        ("0536-8123456(1)", "format", "无法识别"),
        ("(05368123456", "format", "括号不成对"),
    ],
)
def test_landline_errors(value: str, reason: str, fragment: str) -> None:
    error = raises(validate_landline, value)
    assert error.reason == reason
    assert fragment in error.message


@given(
    area=st.sampled_from(["010", "020", "021", "029", "0310", "0536", "0999"]),
    first=st.sampled_from("23456789"),
    rest=st.text(DIGITS, min_size=6, max_size=7),
    style=st.sampled_from(["{a}-{l}", "({a}){l}", "{a} {l}", "{a}{l}", "（{a}）{l}"]),
    extension=st.text(DIGITS, max_size=6),
    wide=st.booleans(),
)
def test_landline_round_trip(
    area: str, first: str, rest: str, style: str, extension: str, wide: bool
) -> None:
    local = first + rest
    typed = style.format(a=area, l=local) + (f"转{extension}" if extension else "")
    expected = f"{area}-{local}" + (f"-{extension}" if extension else "")
    assert validate_landline(full_width(typed) if wide else typed) == expected


# --------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("0536-8123456", "0536-8123456"),
        ("010-62345678转8", "010-62345678-8"),
        ("12345", "12345"),
    ],
)
def test_phone_accepts_both_forms(typed: str, expected: str) -> None:
    assert validate_phone(typed) == expected


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写联系电话"),
        ("1381234567", "length", "手机号码应为11位，现为10位"),
        ("+86 12812345678", "prefix", "前两位应为13–19"),
        ("0536-81234", "length", "本地号码应为7–8位"),
        ("8123456", "area_code", "固定电话请加区号"),
        ("电话", "chars", "不允许的字符“电”"),
    ],
)
def test_phone_errors_name_both_forms(value: str, reason: str, fragment: str) -> None:
    error = raises(validate_phone, value, "contact_phone")
    assert error.reason == reason
    assert fragment in error.message
    assert "11位手机号码" in error.message
    assert "0536-8123456" in error.message
    assert error.field == "contact_phone"


# --------------------------------------------------------------------------- office code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("370702001", "370702001"),
        ("370702001000", "370702001"),
        ("３７０７０２１０２", "370702102"),
        (" 370702 102 000 ", "370702102"),
    ],
)
def test_office_code_forms(typed: str, expected: str) -> None:
    assert validate_office_code(typed) == expected


@pytest.mark.parametrize(
    ("value", "reason", "fragment"),
    [
        ("", "empty", "请填写乡镇代码"),
        ("37070200A", "chars", "第9位为“A”"),
        ("3707020", "length", "乡镇代码应为9位（或12位统计用区划代码），现为7位"),
        ("000000000", "zero", "不能全为0"),
        ("000000000000", "zero", "不能全为0"),
        ("990702001", "region", "前两位 99"),
        ("710100001", "region", "前两位 71"),
        ("370702001001", "village", "乡镇代码应为前9位 370702001"),
        ("370702000", "not_township", "370702000 是县级代码"),
        ("370702000000", "not_township", "县级代码"),
    ],
)
def test_office_code_errors(value: str, reason: str, fragment: str) -> None:
    error = raises(validate_office_code, value)
    assert error.reason == reason
    assert fragment in error.message
    assert error.field == "office_code"


# --------------------------------------------------------------------------- masking


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("370702198507150018", "370702********0018"),
        ("91350100M000100Y43", "913501********0Y43"),
        ("12345678901", "123456*8901"),
        ("1234567890", "**********"),
        ("", ""),
    ],
)
def test_mask_id_number(number: str, masked: str) -> None:
    assert mask_id_number(number) == masked


@given(st.text())
def test_mask_never_shows_the_middle(text: str) -> None:
    masked = mask_id_number(text)
    if len(masked) > 10:
        assert set(masked[6:-4]) == {"*"}


# --------------------------------------------------------------------------- robustness

def parse_resident_id_today(text: str) -> object:
    return parse_resident_id(text, today=TODAY)


VALIDATORS: list[Callable[[str], object]] = [
    parse_resident_id_today,
    validate_uscc,
    validate_mobile,
    validate_landline,
    validate_phone,
    validate_office_code,
]
# Characters that reach the deeper branches more often than arbitrary Unicode.
NEAR_MISS = st.text(alphabet="0123456789XxIO -+()（）转８６０－—\u200b\x00好")


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda f: f.__name__)
@given(text=st.one_of(st.text(), NEAR_MISS))
def test_only_validation_errors_for_any_text(validator: Callable[[str], object], text: str) -> None:
    try:
        validator(text)
    except ValidationError as error:
        assert error.reason
        assert error.message
        assert error.value == text
