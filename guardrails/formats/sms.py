"""SMS format: GSM-7 / UCS-2 detection, segment counting and a converter that fits N segments.

Segment rules follow GSM 03.40 / 03.38 as carriers and Twilio's calculator apply them: a
2-septet escape pair or a 2-unit surrogate pair is never split across two segments.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from importlib import resources
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from guardrails.formats.text import drop_cut_link, graphemes
from guardrails.lazy_pattern import lazy_re, lazy_regex

__all__ = [
    "GSM7_MULTI_SEGMENT",
    "GSM7_SINGLE_SEGMENT",
    "GSM_BASIC",
    "GSM_CHARS",
    "GSM_EXTENSION",
    "UCS2_MULTI_SEGMENT",
    "UCS2_SINGLE_SEGMENT",
    "SmsInfo",
    "fit_sms",
    "sms_info",
    "split_segments",
    "transliterate",
]

# GSM 03.40: 140 octets of user data per SMS; a concatenated part spends 6 of them on the UDH.
GSM7_SINGLE_SEGMENT = 160  # septets in a lone SMS (140 * 8 / 7)
GSM7_MULTI_SEGMENT = 153  # septets per part of a concatenated SMS (134 * 8 / 7)
UCS2_SINGLE_SEGMENT = 70  # UTF-16 code units in a lone SMS (140 / 2)
UCS2_MULTI_SEGMENT = 67  # UTF-16 code units per part of a concatenated SMS (134 / 2)

Encoding = Literal["GSM-7", "UCS-2"]

_ALPHABET = json.loads(
    resources.files("guardrails.formats").joinpath("gsm0338.json").read_text(encoding="utf-8")
)
GSM_BASIC: frozenset[str] = frozenset(_ALPHABET["basic"])
GSM_EXTENSION: frozenset[str] = frozenset(_ALPHABET["extension"])
GSM_CHARS: frozenset[str] = GSM_BASIC | GSM_EXTENSION


def _char_class(chars: frozenset[str]) -> str:
    """Body of a regex character class matching exactly ``chars`` (escaped, order-stable)."""
    return "".join(f"\\u{ord(c):04x}" for c in sorted(chars))


# Compiled character classes: scanning in C keeps the ASCII/GSM fast path under a microsecond.
_NON_GSM = lazy_re(f"[^{_char_class(GSM_CHARS)}]")
_NON_BASIC = lazy_re(f"[^{_char_class(GSM_BASIC)}]")
_EXTENSION = lazy_re(f"[{_char_class(GSM_EXTENSION)}]")
_ASTRAL = lazy_re("[\U00010000-\U0010ffff]")
# A character with its combining marks, orphan marks, or a lone non-GSM character.
_SEQUENCE = lazy_regex(rf"\P{{M}}\p{{M}}+|\p{{M}}+|[^{_char_class(GSM_CHARS)}]")
_JOINER = lazy_re("[\u200c\u200d]")
_HSPACE = lazy_re(r"[^\S\n]+")
_BLANK_LINES = lazy_re(r"\n{3,}")
_ELLIPSIS = "..."
_TRAILING_PUNCT = " \n,;:.-"


def _build_table() -> dict[int, str]:
    """Translation table: characters that needlessly force UCS-2 → their GSM-7 stand-ins."""
    groups = {
        "'": "‘’‚‛′`´ʼ",
        '"': "“”„‟″«»",
        "-": "‐‑‒–—―−﹣－•⁃",
        "...": "…",
        " ": "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))),
        "\n": "\v\x85\u2028\u2029",
        # Zero-width and invisible format characters; ZWJ/ZWNJ are handled in context.
        "": "\u200b\u2060\ufeff\u00ad",
        # Lower-case c-cedilla becomes plain c: GSM only has the capital, and case matters more.
        "c": "ç",
        "i": "ı",
        "l": "ł",
        "L": "Ł",
        "d": "đ",
        "D": "Đ",
        "oe": "œ",
        "OE": "Œ",
    }
    return {ord(c): rep for rep, chars in groups.items() for c in chars}


_TABLE = _build_table()


class SmsInfo(BaseModel):
    """How an SMS will be encoded and billed: encoding, segment count and units used."""

    model_config = ConfigDict(defer_build=True, frozen=True, extra="forbid")

    encoding: Encoding
    segments: int
    units: int
    chars: int
    unit_limit: int
    forcing_ucs2: tuple[str, ...]


def _layout(text: str) -> tuple[Encoding, list[int]]:
    """Encoding and the code-point indices of characters that take 2 units in it."""
    first = _NON_BASIC.search(text)  # one C-speed scan; no match for most messages
    if first is None:
        return "GSM-7", []
    if _NON_GSM.search(text, first.start()) is None:
        return "GSM-7", [m.start() for m in _EXTENSION.finditer(text, first.start())]
    if text.isascii():
        return "UCS-2", []
    return "UCS-2", [m.start() for m in _ASTRAL.finditer(text)]


def _capacities(encoding: Encoding) -> tuple[int, int]:
    """Units in a lone SMS and in each part of a concatenated one."""
    if encoding == "GSM-7":
        return GSM7_SINGLE_SEGMENT, GSM7_MULTI_SEGMENT
    return UCS2_SINGLE_SEGMENT, UCS2_MULTI_SEGMENT


def _starts(length: int, doubles: list[int], cap: int) -> list[int]:
    """Code-point index where each segment starts, filling greedily without splitting a pair."""
    double_set = set(doubles)
    starts: list[int] = []
    start = 0
    while start < length:
        starts.append(start)
        end = min(length, start + cap)
        units = end - start + bisect_left(doubles, end) - bisect_left(doubles, start)
        while units > cap:  # the 2-unit character that straddles moves to the next segment
            end -= 1
            units -= 2 if end in double_set else 1
        start = end
    return starts


def _segments(length: int, units: int, doubles: list[int], encoding: Encoding) -> list[int]:
    """Segment start indices for a text of ``length`` code points and ``units`` units."""
    single, multi = _capacities(encoding)
    if length == 0:
        return []
    if units <= single:
        return [0]
    if not doubles:
        return list(range(0, length, multi))
    return _starts(length, doubles, multi)


def _segment_count(length: int, units: int, doubles: list[int], encoding: Encoding) -> int:
    """Number of segments; arithmetic unless a 2-unit character may straddle a boundary."""
    single, multi = _capacities(encoding)
    if length == 0:
        return 0
    if units <= single:
        return 1
    if not doubles:
        return -(-units // multi)
    return len(_starts(length, doubles, multi))


def segment_count(text: str) -> int:
    """Segments ``text`` is sent as (``sms_info(text).segments`` without building the model)."""
    encoding, doubles = _layout(text)
    return _segment_count(len(text), len(text) + len(doubles), doubles, encoding)


def sms_info(text: str) -> SmsInfo:
    """Encoding, segments and units of ``text`` as a carrier would send it; never raises."""
    encoding, doubles = _layout(text)
    units = len(text) + len(doubles)
    forcing: tuple[str, ...] = ()
    if encoding == "UCS-2":
        forcing = tuple(sorted(set(text).difference(GSM_CHARS), key=text.index))
    segments = _segment_count(len(text), units, doubles, encoding)
    single, multi = _capacities(encoding)
    return SmsInfo(
        encoding=encoding,
        segments=segments,
        units=units,
        chars=len(text),
        unit_limit=single if segments <= 1 else multi * segments,
        forcing_ucs2=forcing,
    )


def split_segments(text: str) -> list[str]:
    """The segments ``text`` is sent as; joining them gives back ``text``."""
    encoding, doubles = _layout(text)
    starts = _segments(len(text), len(text) + len(doubles), doubles, encoding)
    ends = [*starts[1:], len(text)] if starts else []
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def _fits(text: str, segments: int) -> bool:
    """Whether ``text`` is sent in at most ``segments`` segments."""
    encoding, doubles = _layout(text)
    return _segment_count(len(text), len(text) + len(doubles), doubles, encoding) <= segments


def _is_gsm(text: str) -> bool:
    """Whether every character of ``text`` is in the GSM 03.38 alphabet (basic or extension)."""
    return _NON_GSM.search(text) is None


def _replace_sequence(match: regex.Match[str]) -> str:
    """GSM-7 form of a character with its marks: NFC, else the base letter with fewer marks."""
    sequence: str = match.group()
    composed = unicodedata.normalize("NFC", sequence)
    if _is_gsm(composed):
        return composed
    decomposed = unicodedata.normalize("NFD", sequence)
    base, marks = decomposed[0], decomposed[1:]
    if unicodedata.category(base).startswith("L"):
        for keep in range(len(marks) - 1, -1, -1):
            candidate = unicodedata.normalize("NFC", base + marks[:keep])
            if _is_gsm(candidate):
                return candidate
    return sequence


def _joinable(char: str) -> bool:
    """Whether a ZWJ/ZWNJ next to ``char`` may be meaningful (emoji sequences, Arabic, Indic)."""
    return _NON_GSM.match(char) is not None and not char.isspace()


def _replace_joiner(match: re.Match[str]) -> str:
    """Keep a ZWJ/ZWNJ between two non-GSM characters; drop it anywhere else."""
    text, at = match.string, match.start()
    if 0 < at < len(text) - 1 and _joinable(text[at - 1]) and _joinable(text[at + 1]):
        return match.group()
    return ""


def _transliterate_once(text: str) -> str:
    """One pass of :func:`transliterate`; repeating it reaches a fixpoint."""
    text = text.translate(_TABLE)
    if _is_gsm(text):
        return text
    text = _SEQUENCE.sub(_replace_sequence, text)
    return _JOINER.sub(_replace_joiner, text)


def transliterate(text: str) -> str:
    """Replace characters that needlessly force UCS-2 with GSM-7 look-alikes; idempotent.

    Characters without a GSM-7 equivalent (emoji, CJK, Cyrillic…) are kept as they are.
    """
    # Each pass that changes the text removes at least one non-GSM character, so this ends.
    while (changed := _transliterate_once(text)) != text:
        text = changed
    return text


def _normalize_whitespace(text: str) -> str:
    """One space between words, no blanks at line ends, at most one blank line, stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _clean(text: str) -> str:
    """Transliterate and normalise whitespace until neither changes the text."""
    # Each changing round drops a non-GSM character, shortens the text or replaces a CR.
    while (changed := _normalize_whitespace(transliterate(text))) != text:
        text = changed
    return text


def _cut(clusters: list[str], keep: int) -> str:
    """First ``keep`` clusters plus '...', moved back to a word boundary in their second half.

    Without such a boundary (one long word or URL) the cut stays at a grapheme boundary.
    """
    for end in range(keep, keep // 2, -1):
        if end < len(clusters) and clusters[end].isspace():
            break
    else:
        end = keep
    kept = drop_cut_link("".join(clusters[:end]).rstrip(), "".join(clusters))
    return (kept.rstrip(_TRAILING_PUNCT) or kept) + _ELLIPSIS


def _truncate(text: str, segments: int) -> str:
    """Longest word-boundary cut of clean ``text`` that, with '...', fits ``segments``."""
    clusters = graphemes(text)
    low, high = 0, len(clusters)  # clusters[:low] + "..." fits; clusters[:high] does not
    while high - low > 1:
        mid = (low + high) // 2
        if _fits("".join(clusters[:mid]) + _ELLIPSIS, segments):
            low = mid
        else:
            high = mid
    for keep in range(low, 0, -1):
        candidate = _clean(_cut(clusters, keep))
        if _fits(candidate, segments):
            return candidate
    return _ELLIPSIS


def fit_sms(text: str, segments: int = 1) -> str:
    """Plain text → GSM-7-friendly SMS of at most ``segments`` segments; idempotent.

    Transliterates, normalises whitespace, then cuts at a word boundary and appends '...'.
    """
    if segments < 1:
        raise ValueError(f"segments must be >= 1, got {segments}")
    cleaned = _clean(text)
    if _fits(cleaned, segments):
        return cleaned
    return _truncate(cleaned, segments)
