"""Text strategies: GSM-7 text, UCS-2-forcing text, text that fits N SMS segments, emoji text."""

from __future__ import annotations

from typing import Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from guardrails.formats.sms import (
    GSM7_MULTI_SEGMENT,
    GSM7_SINGLE_SEGMENT,
    GSM_EXTENSION,
    UCS2_MULTI_SEGMENT,
    UCS2_SINGLE_SEGMENT,
    sms_info,
)
from guardrails.testing._vocab import FORCING, GSM_ORDER, check_count, check_flag, formatted

__all__ = ["emoji_text", "gsm7_text", "sms_text", "ucs2_text"]


def _sizes(min_size: int, max_size: int | None, *, least: int = 0) -> None:
    check_count("min_size", min_size, minimum=least)
    if max_size is not None:
        check_count("max_size", max_size, minimum=min_size)


def gsm7_text(*, min_size: int = 0, max_size: int | None = None,
              extension: bool = True) -> SearchStrategy[str]:
    """Text whose every character is in the GSM 03.38 alphabet, so an SMS of it is GSM-7.

    ``extension=False`` leaves out the 2-septet characters (``€ [ ] { } ^ ~ | \\``); CR and
    form feed are never drawn. Sizes count characters. Shrinks towards ``''``, then ``'a'``.

    >>> @given(gsm7_text(max_size=160))
    ... def test_stays_gsm(text): assert sms_info(render_sms(text)).encoding == "GSM-7"
    """
    _sizes(min_size, max_size)
    alphabet = GSM_ORDER if check_flag("extension", extension) else [c for c in GSM_ORDER if c not in GSM_EXTENSION]
    # A list of sampled characters, not st.text: st.text shrinks towards "0", this towards "a".
    return st.lists(st.sampled_from(alphabet), min_size=min_size, max_size=max_size).map("".join)


def _forcing(transliterable: bool | None) -> list[str]:
    if transliterable is None:
        return FORCING[True] + FORCING[False]
    if transliterable is True or transliterable is False:
        return FORCING[transliterable]
    raise InvalidArgument(
        f"Expected transliterable to be a bool or None but got transliterable={transliterable!r}"
    )


def _insert(chars: list[str], char: str, at: int) -> str:
    at = min(at, len(chars))
    return "".join([*chars[:at], char, *chars[at:]])


def ucs2_text(*, min_size: int = 1, max_size: int | None = None,
              transliterable: bool | None = None) -> SearchStrategy[str]:
    """Text with at least one character outside GSM 03.38, so an SMS of it must be UCS-2.

    ``transliterable=True`` draws only characters ``convert(..., to="sms")`` can map to GSM-7
    (``ç ’ “ — … á ł``), ``False`` only ones it cannot (``中 😀 Ж α``), ``None`` both. Sizes
    count code points. Shrinks towards ``'ç'`` (``'中'`` when ``transliterable=False``).

    >>> @given(ucs2_text(transliterable=True))
    ... def test_gsm(text): assert sms_info(convert(text, to="sms")).encoding == "GSM-7"
    """
    _sizes(min_size, max_size, least=1)
    forcing = _forcing(transliterable)
    pool = GSM_ORDER + forcing
    others = st.lists(st.sampled_from(pool), min_size=min_size - 1,
                      max_size=None if max_size is None else max_size - 1)
    drawn = st.tuples(others, st.sampled_from(forcing), st.integers(min_value=0))
    return drawn.map(lambda parts: _insert(*parts))


def _capacity(segments: int, *, ucs2: bool) -> int:
    if ucs2:
        return UCS2_SINGLE_SEGMENT if segments == 1 else UCS2_MULTI_SEGMENT * segments
    return GSM7_SINGLE_SEGMENT if segments == 1 else GSM7_MULTI_SEGMENT * segments


@st.composite
def _fitted(draw: st.DrawFn, segments: int, ucs2: bool) -> str:
    """The longest prefix of a random text that fits ``segments``; a UCS-2 one keeps its forcing
    character (placed in the first 61 units, which every cut keeps)."""
    cap, least = _capacity(segments, ucs2=ucs2), 1 if ucs2 else 0
    # Half the draws end within 8 units of the limit, where off-by-one bugs live.
    size = draw(st.one_of(st.integers(least, cap), st.integers(max(least, cap - 8), cap)))
    forcing = FORCING[True] + FORCING[False]
    chars = draw(st.lists(st.sampled_from(GSM_ORDER + forcing if ucs2 else GSM_ORDER),
                          min_size=size, max_size=size))
    if ucs2:
        at = draw(st.integers(0, size - 1))
        while at and sum(2 if ord(c) > 0xFFFF else 1 for c in chars[:at]) > 60:
            at -= 1
        chars[at] = draw(st.sampled_from(forcing))
    low, high = 0, len(chars) + 1  # chars[:low] fits; chars[:high] does not
    while high - low > 1:  # the longest prefix that fits (segments only grow with length)
        mid = (low + high) // 2
        low, high = (mid, high) if sms_info("".join(chars[:mid])).segments <= segments else (
            low, mid)
    text = "".join(chars[:low])
    info = sms_info(text)
    if info.segments > segments or (ucs2 and info.encoding != "UCS-2"):  # pragma: no cover
        raise AssertionError(f"sms_text drew {text!r}, which does not fit: {info}")
    return text


def sms_text(*, max_segments: int = 1,
             encoding: Literal["GSM-7", "UCS-2"] | None = None) -> SearchStrategy[str]:
    """Text sent in at most ``max_segments`` SMS segments, often right at the limit.

    Lengths are drawn uniformly up to the capacity (160 or 153 septets a segment for GSM-7, 70
    or 67 UTF-16 units for UCS-2), so boundary cases are common. ``encoding`` pins one.
    Shrinks towards ``''`` (``'ç'`` for UCS-2).

    >>> @given(sms_text(max_segments=2))
    ... def test_fits(text): assert sms_info(text).segments <= 2
    """
    check_count("max_segments", max_segments, minimum=1)
    if encoding not in (None, "GSM-7", "UCS-2"):
        raise InvalidArgument(
            f"Expected encoding to be 'GSM-7', 'UCS-2' or None but got encoding={encoding!r}"
        )
    gsm, ucs2 = _fitted(max_segments, False), _fitted(max_segments, True)
    if encoding is None:
        return st.one_of(gsm, ucs2)
    return gsm if encoding == "GSM-7" else ucs2


# Each value below is one grapheme cluster (regex ``\X``), also next to any other of them.
_SIMPLE = ["a", " ", "b", "Z"]
_EMOJI = ["😀", "🎉", "❤", "☕", "🚀", "👍", "💻", "🔥", "✅", "🐶"]
_PEOPLE = ["👍", "👋", "👩", "👨", "🧑", "✋"]
_TONES = ["🏻", "🏼", "🏽", "🏾", "🏿"]
_FLAGS = ["🇫🇷", "🇺🇸", "🇯🇵", "🇧🇷", "🇳🇬", "🇮🇳", "🏳️‍🌈", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
_MARKS = ["\u0301", "\u0308", "\u0303", "\u0327", "\u030a", "\u0323"]


def emoji_clusters() -> SearchStrategy[str]:
    """One user-perceived character: a letter, an emoji (skin tone, ZWJ sequence, flag, keycap,
    variation selector) or a letter with combining marks. Shrinks towards ``'a'``."""
    emoji = st.sampled_from(_EMOJI)
    toned = formatted("{}{}", st.sampled_from(_PEOPLE), st.sampled_from(_TONES))
    zwj = st.lists(st.one_of(emoji, toned), min_size=2, max_size=4).map("\u200d".join)
    keycap = st.sampled_from("0123456789#*").map(lambda key: key + "\ufe0f\u20e3")
    marked = formatted("{}{}", st.sampled_from("eaounA"),
                       st.lists(st.sampled_from(_MARKS), min_size=1, max_size=3).map("".join))
    return st.one_of(st.sampled_from(_SIMPLE), emoji, toned, st.sampled_from(_FLAGS), zwj,
                     emoji.map(lambda e: e + "\ufe0f"), keycap, marked)


def emoji_text(*, min_size: int = 0, max_size: int | None = None) -> SearchStrategy[str]:
    """Text of grapheme clusters that break naive truncation: ZWJ sequences (``👩‍💻``), skin
    tones (``👍🏽``), flags (``🇫🇷``, ``🏴󠁧󠁢󠁳󠁣󠁴󠁿``), keycaps (``1️⃣``) and combining marks.

    Sizes count grapheme clusters. Shrinks towards ``''``, then ``'a'``, then ``'😀'``.

    >>> @given(emoji_text(), st.integers(1, 50))
    ... def test_cut(text, n): assert grapheme_count(my_truncate(text, n)) <= n
    """
    _sizes(min_size, max_size)
    return st.lists(emoji_clusters(), min_size=min_size, max_size=max_size).map("".join)
