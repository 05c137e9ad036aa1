"""SMS format: encoding detection, segment counts by Twilio's calculator rules, fitting."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guardrails.formats import sms
from guardrails.formats.sms import (
    GSM7_MULTI_SEGMENT,
    GSM7_SINGLE_SEGMENT,
    UCS2_MULTI_SEGMENT,
    UCS2_SINGLE_SEGMENT,
    SmsInfo,
    fit_sms,
    sms_info,
    split_segments,
    transliterate,
)

ALPHABET = json.loads(
    (Path(sms.__file__).parent / "gsm0338.json").read_text(encoding="utf-8"),
)
BASIC: str = ALPHABET["basic"]
EXTENSION: str = ALPHABET["extension"]
# Letters with diacritics that the GSM basic table has: they must survive transliteration.
GSM_ACCENTED = "éèùìòàäöñüÄÖÑÜÅåÆæøØßÉÇ"
SMART = "‘’‚‛“”„‟′″–—‐‑‒―−…•\u00a0\u2002\u2003\u2009\u202f\u205f\u3000\t`\u200b\u2060\ufeff"
ACCENTED = "áêÈíóúâîôûãõçÁÍÓÚÂÊÎÔÛÃÕëïÿËÏŸāēīōūčšžŽŠČ"
EMOJI = "😀"
FAMILY = "👨\u200d👩\u200d👧"


def units_of(segment: str, encoding: str) -> int:
    """Units a segment occupies in the message's encoding, counted independently of sms.py."""
    if encoding == "UCS-2":
        return len(segment.encode("utf-16-le", "surrogatepass")) // 2
    return sum(2 if c in EXTENSION else 1 for c in segment)


# --- protocol constants and the alphabet data --------------------------------------------


def test_segment_sizes_are_the_gsm_03_40_numbers() -> None:
    assert (GSM7_SINGLE_SEGMENT, GSM7_MULTI_SEGMENT) == (160, 153)
    assert (UCS2_SINGLE_SEGMENT, UCS2_MULTI_SEGMENT) == (70, 67)


def test_alphabet_data_has_127_basic_and_10_extension_characters() -> None:
    assert len(BASIC) == len(set(BASIC)) == 127
    assert set(EXTENSION) == set("\f^{}\\[~]|€")
    assert not set(BASIC) & set(EXTENSION)


def test_every_basic_character_is_one_gsm_septet() -> None:
    for char in BASIC:
        info = sms_info(char)
        assert (info.encoding, info.units, info.segments) == ("GSM-7", 1, 1), repr(char)
    whole = sms_info(BASIC)
    assert (whole.encoding, whole.units, whole.chars, whole.segments) == ("GSM-7", 127, 127, 1)


# --- Twilio segment-calculator rules -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments", "unit_limit"),
    [
        ("", "GSM-7", 0, 0, 160),
        ("a", "GSM-7", 1, 1, 160),
        ("a" * 160, "GSM-7", 160, 1, 160),
        ("a" * 161, "GSM-7", 161, 2, 306),
        ("a" * 306, "GSM-7", 306, 2, 306),
        ("a" * 307, "GSM-7", 307, 3, 459),
        ("€" * 80, "GSM-7", 160, 1, 160),
        ("€" * 81, "GSM-7", 162, 2, 306),
        ("ж" * 70, "UCS-2", 70, 1, 70),
        ("ж" * 71, "UCS-2", 71, 2, 134),
        ("ж" * 134, "UCS-2", 134, 2, 134),
        ("ж" * 135, "UCS-2", 135, 3, 201),
        (EMOJI * 35, "UCS-2", 70, 1, 70),
        (EMOJI * 36, "UCS-2", 72, 2, 134),
        ("ç" + "a" * 69, "UCS-2", 70, 1, 70),
        ("Ça va" * 32, "GSM-7", 160, 1, 160),
    ],
)
def test_calculator_cases(
    text: str, encoding: str, units: int, segments: int, unit_limit: int
) -> None:
    info = sms_info(text)
    assert (info.encoding, info.units, info.segments, info.unit_limit) == (
        encoding,
        units,
        segments,
        unit_limit,
    )
    assert info.chars == len(text)
    assert len(split_segments(text)) == segments


@pytest.mark.parametrize("char", list(EXTENSION))
def test_extension_character_costs_two_septets(char: str) -> None:
    info = sms_info("a" + char)
    assert (info.encoding, info.units, info.chars) == ("GSM-7", 3, 2)
    assert sms_info(char * 80).segments == 1
    assert sms_info(char * 80 + "a").segments == 2


@pytest.mark.parametrize("char", list(EXTENSION))
def test_escape_pair_at_segment_boundary_moves_to_next_segment(char: str) -> None:
    text = "a" * 152 + char + "a" * 152  # 306 septets: ceil(306 / 153) would say 2
    info = sms_info(text)
    assert info.units == 306
    assert info.segments == 3 == math.ceil(info.units / GSM7_MULTI_SEGMENT) + 1
    assert split_segments(text) == ["a" * 152, char + "a" * 151, "a"]


def test_escape_pair_that_fits_exactly_stays() -> None:
    text = "a" * 151 + "€" + "a" * 153
    assert [len(s) for s in split_segments(text)] == [152, 153]
    assert sms_info(text).segments == 2


def test_euro_after_152_characters_when_total_needs_no_extra_segment() -> None:
    text = "a" * 152 + "€" + "a" * 10
    assert split_segments(text) == ["a" * 152, "€" + "a" * 10]
    assert sms_info(text).segments == 2


def test_surrogate_pair_at_position_67_68_is_not_split() -> None:
    text = "a" * 66 + EMOJI + "a" * 66  # 134 units: ceil(134 / 67) would say 2
    info = sms_info(text)
    assert (info.encoding, info.units) == ("UCS-2", 134)
    assert info.segments == 3
    assert split_segments(text) == ["a" * 66, EMOJI + "a" * 65, "a"]


def test_surrogate_pair_ending_exactly_at_67_stays() -> None:
    text = "a" * 65 + EMOJI + "b" * 67
    assert split_segments(text) == ["a" * 65 + EMOJI, "b" * 67]
    assert sms_info(text).segments == 2


def test_single_segment_uses_the_full_70_units_even_with_emoji() -> None:
    assert sms_info("a" * 68 + EMOJI).segments == 1
    assert sms_info("a" * 69 + EMOJI).segments == 2


@pytest.mark.parametrize("char", ["ç", "“", "”", "’", "—", "…", EMOJI, "\t", "`", "\u00a0", "á"])
def test_one_non_gsm_character_switches_to_ucs2(char: str) -> None:
    info = sms_info("Hello " + char + " there")
    assert info.encoding == "UCS-2"
    assert info.forcing_ucs2 == (char,)


def test_capital_c_cedilla_is_gsm_small_is_not() -> None:
    assert sms_info("Ç").encoding == "GSM-7"
    assert sms_info("ç").encoding == "UCS-2"


def test_lookalike_greek_capitals_are_not_gsm() -> None:
    assert sms_info("ΔΦΓΛΩΠΨΣΘΞ").encoding == "GSM-7"
    assert sms_info("Α").encoding == "UCS-2"  # Greek capital alpha, not Latin A


def test_forcing_characters_are_distinct_in_first_appearance_order() -> None:
    info = sms_info("“quote” — “again” 😀")
    assert info.forcing_ucs2 == ("“", "”", "—", EMOJI)
    assert sms_info("plain").forcing_ucs2 == ()


def test_info_is_a_frozen_strict_model() -> None:
    info = sms_info("hi")
    assert info == SmsInfo(
        encoding="GSM-7", segments=1, units=2, chars=2, unit_limit=160, forcing_ucs2=()
    )
    with pytest.raises(ValueError):
        SmsInfo.model_validate({**info.model_dump(), "x": 1})
    with pytest.raises(ValueError):
        info.segments = 3  # type: ignore[misc]


# --- split_segments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "a", "a" * 161, "€" * 200, EMOJI * 100, "a" * 66 + EMOJI * 40, "x" * 152 + "|" * 5],
)
def test_split_segments_rejoins_and_respects_capacity(text: str) -> None:
    parts = split_segments(text)
    info = sms_info(text)
    assert "".join(parts) == text
    assert len(parts) == info.segments
    cap = info.unit_limit if info.segments <= 1 else info.unit_limit // info.segments
    assert all(units_of(part, info.encoding) <= cap for part in parts)


# --- transliterate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘single’ “double” ‚low‛ „low‟", "'single' \"double\" 'low' \"low\""),
        ("5′ 6″", "5' 6\""),
        ("a–b—c−d‐e‑f‒g―h", "a-b-c-d-e-f-g-h"),
        ("wait…", "wait..."),
        ("a\u00a0b\u2003c\u202fd\u205fe\u3000f\u2009g", "a b c d e f g"),
        ("zero\u200bwidth\u2060joins\ufeff", "zerowidthjoins"),
        ("• item", "- item"),
        ("tab\there `code`", "tab here 'code'"),
        ("garçon", "garcon"),
        ("Ça", "Ça"),
        ("áêíóú ÈÁ", "aeiou EA"),
        ("e\u0301", "é"),  # decomposed é composes into the GSM character
        ("a\u0301\u0301", "a"),
        ("Ω Å", "Ω Å"),  # ohm and angstrom signs are canonically Ω and Å
    ],
)
def test_transliterate_examples(text: str, expected: str) -> None:
    assert transliterate(text) == expected
    assert sms_info(transliterate(text)).encoding == "GSM-7"


def test_transliterate_keeps_gsm_accented_letters() -> None:
    assert transliterate(GSM_ACCENTED) == GSM_ACCENTED
    assert transliterate(BASIC + EXTENSION) == BASIC + EXTENSION


@pytest.mark.parametrize("text", [EMOJI, FAMILY, "привет", "你好", "ά", "👍🏽", "1\ufe0f\u20e3"])
def test_transliterate_keeps_what_has_no_gsm_equivalent(text: str) -> None:
    assert transliterate(text) == text
    assert sms_info(transliterate(text)).encoding == "UCS-2"


def test_smart_punctuation_with_emoji_is_fixed_but_stays_ucs2() -> None:
    out = transliterate("“Great” — see you… 😀")
    assert out == '"Great" - see you... 😀'
    assert sms_info(out).forcing_ucs2 == (EMOJI,)


def test_zero_width_joiner_only_dropped_outside_joined_scripts() -> None:
    assert transliterate("a\u200db\u200cc") == "abc"
    assert transliterate("می\u200cخواهم") == "می\u200cخواهم"


# --- fit_sms -------------------------------------------------------------------------------


@pytest.mark.parametrize("segments", [0, -1])
def test_fit_sms_rejects_fewer_than_one_segment(segments: int) -> None:
    with pytest.raises(ValueError, match="segments must be >= 1"):
        fit_sms("hi", segments)


def test_fit_sms_normalises_whitespace() -> None:
    text = "  Hi\t there ,\r\n\r\n\r\n\n  second   line  \n third\n\n"
    assert fit_sms(text) == "Hi there ,\n\nsecond line\nthird"


def test_fit_sms_leaves_short_gsm_text_alone() -> None:
    assert fit_sms("Your code is 1234. Reply STOP to opt out.") == (
        "Your code is 1234. Reply STOP to opt out."
    )


def test_fit_sms_transliterates_into_one_gsm_segment() -> None:
    text = "“Hi” — your order’s ready… " + "x" * 100
    out = fit_sms(text)
    assert out == '"Hi" - your order\'s ready... ' + "x" * 100
    assert sms_info(out).encoding == "GSM-7"


def test_fit_sms_truncates_at_word_boundary_with_ascii_ellipsis() -> None:
    out = fit_sms("word " * 60)
    assert out.endswith("word...")
    assert " wor..." not in out
    info = sms_info(out)
    assert (info.encoding, info.segments) == ("GSM-7", 1)
    assert info.units > GSM7_SINGLE_SEGMENT - 8


def test_fit_sms_cuts_inside_a_long_word_rather_than_losing_most_of_the_text() -> None:
    out = fit_sms("Go to " + "x" * 300)
    assert out == "Go to " + "x" * 151 + "..."


def test_fit_sms_prefers_a_word_boundary_in_the_second_half() -> None:
    out = fit_sms("x" * 100 + " tail " + "y" * 100)
    assert out == "x" * 100 + " tail..."


def test_fit_sms_drops_trailing_punctuation_before_the_ellipsis() -> None:
    out = fit_sms("Hello, " * 40)
    assert out.endswith("Hello...")


def test_fit_sms_multiple_segments() -> None:
    for n in (1, 2, 3):
        out = fit_sms("lorem ipsum " * 100, n)
        assert sms_info(out).segments == n
        assert out.endswith("...")


def test_fit_sms_ucs2_text_uses_ascii_ellipsis() -> None:
    out = fit_sms("привет мир " * 20)
    info = sms_info(out)
    assert (info.encoding, info.segments) == ("UCS-2", 1)
    assert out.endswith("мир...")


def test_fit_sms_drops_the_ucs2_tail_when_the_cut_is_gsm() -> None:
    out = fit_sms("a " * 100 + EMOJI)
    assert sms_info(out).encoding == "GSM-7"
    assert sms_info(out).segments == 1


def test_fit_sms_cuts_a_long_word_at_a_grapheme_boundary() -> None:
    out = fit_sms(FAMILY * 40)
    assert out.endswith("...")
    body = out.removesuffix("...")
    assert body == FAMILY * (len(body) // len(FAMILY))
    assert sms_info(out).segments == 1


def test_fit_sms_never_splits_combining_sequences() -> None:
    out = fit_sms("ά" * 100)
    assert out == "ά" * 67 + "..."


def test_fit_sms_input_with_ellipsis_char_refits_identically() -> None:
    first = fit_sms("Wait… " * 50)
    assert "…" not in first
    assert fit_sms(first) == first


# --- properties ----------------------------------------------------------------------------

TRANSLITERABLE = BASIC + EXTENSION + SMART + ACCENTED + "\u200d\u200c"
words = st.text(st.characters(), min_size=1, max_size=12)
any_texts = st.one_of(
    st.text(max_size=400),
    st.lists(words, max_size=80).map(" ".join),
    st.lists(st.sampled_from(["a", "€", EMOJI, "ж", " ", "…", "\n", FAMILY]), max_size=400).map(
        "".join
    ),
)


@given(text=any_texts, segments=st.integers(1, 3))
def test_fit_sms_fits_and_is_idempotent(text: str, segments: int) -> None:
    out = fit_sms(text, segments)
    assert sms_info(out).segments <= segments
    assert fit_sms(out, segments) == out


@given(text=any_texts)
def test_sms_info_is_consistent_with_split_segments(text: str) -> None:
    info = sms_info(text)
    parts = split_segments(text)
    assert "".join(parts) == text
    assert len(parts) == info.segments
    assert info.units == sum(units_of(part, info.encoding) for part in parts)
    assert info.units <= info.unit_limit
    assert (info.encoding == "GSM-7") == (not info.forcing_ucs2)
    if info.segments > 1:
        cap = GSM7_MULTI_SEGMENT if info.encoding == "GSM-7" else UCS2_MULTI_SEGMENT
        assert all(units_of(part, info.encoding) <= cap for part in parts)
        assert info.segments >= math.ceil(info.units / cap)


@given(text=st.text(max_size=200))
def test_transliterate_is_idempotent(text: str) -> None:
    once = transliterate(text)
    assert transliterate(once) == once


@given(text=st.text(st.sampled_from(TRANSLITERABLE), max_size=300), segments=st.integers(1, 3))
def test_transliterable_text_comes_out_gsm(text: str, segments: int) -> None:
    assert sms_info(transliterate(text)).encoding == "GSM-7"
    assert sms_info(fit_sms(text, segments)).encoding == "GSM-7"
