"""Claim extraction for constraint 2: numbers by value, named customers, and lexicon claims.

A claim is supported when the facts (or governance text) state the same value or words;
"40%" and "40 percent", "$1,200" and "1200 dollars", "3" and "three" are the same value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Container, Iterable, Iterator
from typing import NamedTuple

import regex

from guardrails.engine.base import occurrences, span_inside
from guardrails.engine.lexicon import strip_accents, words
from guardrails.lazy_pattern import lazy_re, lazy_regex

__all__ = [
    "CLAIM_WORDS", "Claim", "FactBase", "name_claims", "number_claims", "outside_names",
    "unknown_names",
]

# Starts with \d, checked by hand for what precedes a figure. ``regex`` jumps between digits
# (~25 µs on a 2 KB body); stdlib ``re`` tries the whole pattern at every position (~100 µs).
_NUMBER = lazy_regex(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suf>\s?(?:%|percent\b|x\b|×|k\b|m\b|million\b|billion\b|st\b|nd\b|rd\b|th\b|\+)|)"
    r"(?![\w])",
    regex.IGNORECASE,
)
_CURRENCY = "$€£¥"
WORD_NUMBER_SET = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen",
     "half", "twice", "double", "triple", "second", "third", "fourth", "fifth", "sixth",
     "seventh", "eighth", "ninth", "tenth"])
_DIGIT = lazy_regex(r"\d")
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "dozen": 12,
    "half": 0.5, "twice": 2, "double": 2, "triple": 3,
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_WORD_NUMBER = lazy_regex(r"\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", regex.IGNORECASE)
# "second" as time unit or "a second look" is not a claim; skip ordinals used idiomatically.
_IDIOMS = lazy_regex(
    r"\b(?:a|one|per|the) second\b|\bsecond (?:look|thought|chance)\b|\bin half\b|"
    r"\b(?:double|triple)[- ](?:check|click|tap|up\b|down\b)|\bdoubling (?:up|down)\b"
    r"|\bhalf (?:an?|the) \b", regex.IGNORECASE)
_ISO_DATE = lazy_regex(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_CLOCK_12 = lazy_regex(r"\b(\d{1,2})(?::\d{2})?\s?([ap])\.?m\b", regex.IGNORECASE)
_CLOCK_24 = lazy_regex(r"\b(\d{1,2}):\d{2}\b")
_DATE_TAIL = lazy_re(r"[/.-]\d{1,2}\b")
_MULT = {"k": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}


class Claim(NamedTuple):
    """One checkable statement found in message text."""

    text: str
    offset: int
    values: tuple[float, ...] = ()
    kind: str = "plain"
    """``plain``, ``percent``, ``currency`` or ``multiplier``: a figure is backed only by a
    fact of the same kind (or a plain figure by any), so "3x" is not backed by "version 5.3"."""
    number: str = ""
    """A digit figure's number as written ("1,200" of "$1,200"); empty for number words."""


_TAIL_WORDS = lazy_re(r"\s*(?:(times|fold)|(?:dollars|euros|pounds|usd|eur|gbp))\b", re.IGNORECASE)
"""A word after a figure that gives its kind: group 1 a multiplier, else a currency."""
_PERCENT = frozenset(("%", "percent"))
_TIMES = frozenset(("x", "×"))


def _figure(num: str, suffix: str, text: str, end: int, currency: bool
            ) -> tuple[tuple[float, ...], str]:
    """Value(s) and kind of one figure: ``num`` digits, ``suffix`` unit, ending at ``end``."""
    value = float(num.replace(",", "") if "," in num else num)
    if not suffix:
        values: tuple[float, ...] = (value,)
    else:
        suffix = suffix.strip().lower()
        if suffix in _PERCENT:
            return (value,), "percent"
        values = (value, value * _MULT[suffix]) if suffix in _MULT else (value,)
        if suffix in _TIMES:
            return values, "multiplier"
    tail = None
    if end < len(text):
        nxt = text[end]
        # "\s*" then a tail word: after one space the next character must start a tail word
        # or be more space; most figures are followed by " hours", " teams": no regex call.
        if nxt in _TAIL_LETTERS or (nxt.isspace() and end + 1 < len(text) and (
                text[end + 1] in _TAIL_LETTERS or text[end + 1].isspace())):
            tail = _TAIL_WORDS.match(text, end)
    if tail is not None and tail.group(1):
        return values, "multiplier"
    if currency or tail is not None:
        return values, "currency"
    return values, "plain"


_TAIL_LETTERS = frozenset("tTfFdDeEpPuUgG")
"""First letters of the ``_TAIL_WORDS`` words (a match starts with one or with a space)."""


_ASCII_DIGITS = lazy_regex(r"[0-9]+")
_DIGITS = lazy_regex(r"\d+")
_LONG_TEXT = 800


def _number_matches(text: str) -> list[regex.Match[str]]:
    """``list(_NUMBER.finditer(text))``. In a long text (an email body) the pattern is tried
    only at digits, in order, as finditer tries them: a scan for digit runs is ~2-4x cheaper
    than the pattern's own (in ASCII text ``\\d`` is ``[0-9]``, cheaper still). A short or
    figure-dense text (an SMS, the facts) is faster with finditer's one call."""
    if len(text) < _LONG_TEXT:
        return list(_NUMBER.finditer(text))
    return _matches_at_digits(text)


def _matches_at_digits(text: str) -> list[regex.Match[str]]:
    """``list(_NUMBER.finditer(text))``, the pattern matched at each digit run in turn."""
    found: list[regex.Match[str]] = []
    pos = 0
    for run in (_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text):
        start, end = run.span()
        at = max(start, pos)
        while at < end:
            m = _NUMBER.match(text, at)
            if m is None:
                at += 1
                continue
            found.append(m)
            pos = m.end()
            at = pos
    return found


def number_claims(text: str, vocab: Collection[str] | None = None) -> list[Claim]:
    """Every figure in ``text`` with its value(s) and kind: digits with units, number words.

    ``vocab`` (the field's distinct words, if known) lets the number-word scan be skipped.
    """
    claims: list[Claim] = []
    found = _number_matches(text)
    if found:
        last_end = -1
        for m in found:
            start = m.start()
            if start == last_end:
                continue  # "1.2.3": the tail of a figure already read
            last_end = m.end()
            # Where the figure starts and what precedes it; ``_figure_at`` reads the same (kept
            # inline here: a helper call per figure cost +0.6 % of an SMS check's instructions).
            before = text[start - 1] if start else ""
            currency = False
            if before == " " and start >= 2 and text[start - 2] in _CURRENCY:
                currency, before, start = True, text[start - 2], start - 2
            elif before and before in _CURRENCY:
                currency, start = True, start - 1
            lead = text[start - 1] if currency and start else before
            if lead and (lead.isalnum() or lead in "_.,/"):
                continue  # part of a word, version or path ("v5", "B2B", "1.2", "24/7" tail)
            num, suffix = m.group(1, 2)  # num, suf: by number (a name costs a dict lookup)
            values, kind = _figure(num, suffix, text, last_end, currency)
            claims.append(Claim(text[start:last_end].strip(), start, values, kind, num))
    if vocab is not None and WORD_NUMBER_SET.isdisjoint(vocab):
        return claims
    claims.extend(word_number_claims(text))
    return claims


def word_number_claims(text: str) -> list[Claim]:
    """Number words ("three", "twice", "third") in ``text``, idioms ("a second look") aside."""
    claims: list[Claim] = []
    low = text.lower()
    idioms = [m.span() for m in _IDIOMS.finditer(text)] if (
        "second" in low or "half" in low or "double" in low) else []
    for m in _WORD_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in idioms):
            continue
        word = m.group().lower()
        kind = "multiplier" if word in ("twice", "double", "triple") else "plain"
        claims.append(Claim(m.group(), m.start(), (float(_WORD_NUMBERS[word]),), kind))
    return claims


_KINDS = ("plain", "percent", "currency", "multiplier")
_WORD_VALUES = frozenset(float(v) for v in _WORD_NUMBERS.values())
"""Every value a number word can have: only a claim with one of them can be backed by one."""
_FACT_BREAK = "\x00"
"""Joins the facts for one figure scan: no figure, unit, tail word, date or clock pattern
matches across it, so the scan finds exactly what scanning each fact on its own finds."""


class _Figures(NamedTuple):
    """The figures the facts state: by kind, all of them, and ISO-date months."""

    values: dict[str, frozenset[float]]
    every: frozenset[float]
    """Every value of any kind (what backs a plain figure)."""
    months: frozenset[float]


_NO_FIGURES = _Figures({kind: frozenset() for kind in _KINDS}, frozenset(), frozenset())


def _digit_after(text: str, sep: str) -> bool:
    """Whether a digit (what ``regex``'s ``\\d`` matches) follows some ``sep`` in ``text``: ISO
    dates and 24-hour clocks need one, and most facts' dashes and colons ("Sender: …") have
    none. ``str.isdecimal`` answers for ASCII; ``regex`` knows newer digits than ``str`` does."""
    at = text.find(sep)
    while at >= 0:
        after = text[at + 1 : at + 2]
        if after.isdecimal() or (after and not after.isascii() and _DIGIT.match(after)):
            return True
        at = text.find(sep, at + 1)
    return False


def _iso_months(text: str) -> frozenset[float]:
    """The month numbers of the ISO dates in ``text`` ("2026-12-09" gives 12)."""
    if not _digit_after(text, "-"):
        return frozenset()
    return frozenset(float(m.group(2)) for m in _ISO_DATE.finditer(text))


def _undated(text: str, months: frozenset[float]) -> str:
    """ISO dates written as their year and day ("2026-12-09" backs "Dec 9" and "2026"), not the
    month number, which would otherwise back unrelated counts such as "12 seats"."""
    return _ISO_DATE.sub(lambda m: f"{m.group(1)} {int(m.group(3))}", text) if months else text


def _read_figures(texts: tuple[str, ...]) -> _Figures:
    """The digit figures, dates and clock times of every fact, in one scan of them all."""
    text = _FACT_BREAK.join(texts)
    if not _DIGIT.search(text):
        return _NO_FIGURES
    months = _iso_months(text)
    by_kind: dict[str, set[float]] = {kind: set() for kind in _KINDS}
    for claim in number_claims(_undated(text, months), frozenset()):  # no vocab: digits only
        by_kind[claim.kind].update(claim.values)
    plain = by_kind["plain"]  # a clock time restated in the other convention: 5:30 PM = 17:30
    low = text.lower()
    if "pm" in low or "p.m" in low:  # only a PM time gains a value
        for m in _CLOCK_12.finditer(text):
            hour = int(m.group(1))
            if m.group(2).lower() == "p" and hour < 12:
                plain.add(float(hour + 12))
    if _digit_after(text, ":"):
        for m in _CLOCK_24.finditer(text):
            hour = int(m.group(1))
            if 12 < hour < 24:
                plain.add(float(hour - 12))
    values = {kind: frozenset(found) for kind, found in by_kind.items()}
    return _Figures(values, frozenset().union(*values.values()), months)


def _read_number_words(texts: tuple[str, ...]) -> tuple[frozenset[float], frozenset[float]]:
    """Values the facts spell as words: (plain ones, multipliers such as "twice")."""
    plain: set[float] = set()
    times: set[float] = set()
    for text in texts:
        if WORD_NUMBER_SET.isdisjoint(_fact_words(text)):
            continue
        for claim in word_number_claims(_undated(text, _iso_months(text))):
            (times if claim.kind == "multiplier" else plain).update(claim.values)
    return frozenset(plain), frozenset(times)


_LIST_END = lazy_re(r",? (?:and|or) ")


def list_lengths(texts: tuple[str, ...]) -> frozenset[float]:
    """How many items the facts' lists name ("Marrow Creek Dairy, Ardent Paper and Lakeview
    Glassworks" is 3): "three accounts" restates such a list, it is not a new figure. Lists
    of three or more only (an "A and B" is too often a phrase); the items before the last
    are comma-separated pieces of at most four words without digits, and the first piece
    that is longer is the list's first item."""
    counts: set[float] = set()
    for text in texts:
        for m in _LIST_END.finditer(text):
            if "," not in text[: m.start()]:
                continue
            pieces = text[: m.start()].split(",")
            n = 1
            for piece in reversed(pieces):
                n += 1
                if len(piece.split()) > 4 or any(c.isdigit() for c in piece) or not piece.strip():
                    break
            if n >= 3:
                counts.add(float(n))
    return frozenset(counts)


@functools.lru_cache(maxsize=16384)
def _fact_words(text: str) -> frozenset[str]:
    """Lower-cased, accent-free words of one fact (cached: facts recur across messages)."""
    return frozenset(words(strip_accents(text)))


_WORD_FORMS = {
    "winning": ("won", "win", "wins", "winner", "winners"),
    "winner": ("won", "win", "wins", "winning", "winners"),
    "awards": ("award",), "award": ("awards", "awarded"),
    "rated": ("rating", "ratings", "rate"), "voted": ("vote", "votes"),
    "recommended": ("recommend", "recommends"), "endorsed": ("endorse", "endorses", "endorsement"),
    "featured": ("feature", "features"), "trusted": ("trust", "trusts"),
}
"""Other forms of a claim phrase's words that back it when the facts use them instead."""


class FactBase:
    """Everything the writer was allowed to state, read only as far as a check needs.

    A figure never spans two facts. A figure claim first looks for its own digits in the
    facts (most claims restate a fact, and one ``str.find`` costs less than reading every
    figure); only when they do not back it are the digits of all facts read, in one scan
    (most of a recipient's facts are new to the process, and one scan of them all costs less
    than a scan or a cache of each); number words ("three") only when a claim could be one and
    the digits do not back it; words only when a name or phrase check asks. Shared across
    threads: each part is computed whole and then published with one assignment.
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = tuple(texts)
        self._figures: _Figures | None = None
        self._number_words: tuple[frozenset[float], frozenset[float]] | None = None
        self._list_lengths: frozenset[float] | None = None
        self._words: frozenset[str] | None = None
        self._folded: tuple[str, ...] | None = None
        """Each text lower-cased and accent-free, for :meth:`__contains__`."""
        self._joined: str | None = None
        """The facts joined for :meth:`_states` ("" when a full reading is needed)."""

    @property
    def words(self) -> frozenset[str]:
        """Every word of the facts (lower-cased, accents stripped)."""
        known = self._words
        if known is None:
            known = self._words = frozenset().union(*map(_fact_words, self.texts))
        return known

    def supports_number(self, claim: Claim, text: str = "") -> bool:
        figures = self._figures
        if figures is None:
            if claim.number and self._states(claim):
                return True
            figures = self._figures = _read_figures(self.texts)
        values = claim.values
        plain = claim.kind == "plain"
        if not (figures.every if plain else figures.values[claim.kind]).isdisjoint(values):
            return True
        # "12/9" restating 2026-12-09: a month is backed when it is written as part of a date.
        if figures.months and not figures.months.isdisjoint(values) and text and _DATE_TAIL.match(
                text, claim.offset + len(claim.text)):
            return True
        if not (plain or claim.kind == "multiplier") or _WORD_VALUES.isdisjoint(values):
            return False  # no number word has this value or kind
        spelled = self._number_words
        if spelled is None:
            spelled = self._number_words = _read_number_words(self.texts)
        if not spelled[1].isdisjoint(values) or (plain and not spelled[0].isdisjoint(values)):
            return True
        if not plain or claim.number:
            return False  # a list backs a number word ("three accounts"), never a digit
        lists = self._list_lengths
        if lists is None:
            lists = self._list_lengths = list_lengths(self.texts)
        return not lists.isdisjoint(values)

    def _states(self, claim: Claim) -> bool:
        """Whether some fact writes ``claim``'s number as a figure that backs it: read only
        where those digits occur, as the full reading would read them there. A True here is
        a True there too, so the facts' figures are read only when it says False."""
        joined = self._joined
        if joined is None:
            joined = _FACT_BREAK.join(self.texts)
            # An ISO date is read as its year and day: leave dates to the full reading.
            self._joined = joined = "" if _digit_after(joined, "-") else joined
        number = claim.number
        at = joined.find(number)
        while at >= 0:
            figure = _figure_at(joined, at, number)
            if figure is not None:
                values, kind = figure
                if (claim.kind == "plain" or kind == claim.kind) and not frozenset(
                        values).isdisjoint(claim.values):
                    return True
            at = joined.find(number, at + 1)
        return False

    def __contains__(self, word: object) -> bool:
        """``word in self.words``, reading only the facts that could hold it: a fact's words
        are pieces of its lower-cased, accent-free text, so a fact without ``word`` in that
        text has no such word (a name check asks about one or two words, and building every
        new fact's words cost ~15 µs)."""
        known = self._words
        if known is not None:
            return word in known
        if not isinstance(word, str):
            return False
        folded = self._folded
        if folded is None:
            folded = self._folded = tuple(strip_accents(t).lower() for t in self.texts)
        for text, low in zip(self.texts, folded, strict=True):
            if word in low and word in _fact_words(text):
                return True
        return False

    def supports_words(self, phrase: str) -> bool:
        """Every word of ``phrase`` is in the facts, in some form ("award-winning" is backed
        by "won the Golden Clef Award")."""
        toks = [w for w in words(strip_accents(phrase)) if len(w) > 2 or w.isdigit()]
        return bool(toks) and all(
            t in self or any(f in self for f in _WORD_FORMS.get(t, ())) for t in toks)


_CLEAR_BEFORE = frozenset(" \t\n\x00(\"“'‘:;!?—–")
"""Characters after which digits start a figure of their own: no figure match ends with one
or holds one right before a digit, and none is a currency sign or part of a word or path."""


def _figure_at(text: str, at: int, number: str) -> tuple[tuple[float, ...], str] | None:
    """The values and kind :func:`number_claims` gives the figure whose digits ``number``
    start at ``at`` in ``text``; None when it would not read one there exactly so (the
    digits go on, sit inside a word or a longer figure, or follow what might end one)."""
    m = _NUMBER.match(text, at)
    if m is None or m.group(1) != number:
        return None
    # number_claims' own reading of the start and the character before it, with a stricter
    # lead test (property-tested against number_claims at every digit position).
    start = at
    before = text[at - 1] if at else ""
    currency = False
    if before == " " and at >= 2 and text[at - 2] in _CURRENCY:
        currency, start = True, at - 2
    elif before and before in _CURRENCY:
        currency, start = True, at - 1
    elif before and before not in _CLEAR_BEFORE:
        return None
    lead = text[start - 1] if currency and start else ""
    if lead and lead not in _CLEAR_BEFORE:
        return None
    return _figure(number, m.group(2), text, m.end(), currency)


_CUSTOMER_TRIGGER = lazy_regex(
    r"\b(?:customers?|clients?|brands?|companies|teams|agencies|partners|leaders|users)\s+"
    r"(?:like|such as|including|incl\.)\s+|\b(?:trusted|used|loved|chosen|relied on|backed)\s+by\s+"
    r"(?:teams at\s+|companies like\s+)?|\bjoin(?:ing)?\s+(?!us\b|the\b)|\b(?:teams|companies) at\s+|"
    r"\bjust like\s+",
    regex.IGNORECASE,
)
_PROPER = lazy_regex(r"(?:[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*)")


def name_claims(text: str) -> list[Claim]:
    """Capitalised names right after customer-claim triggers ("trusted by Acme and Globex")."""
    claims: list[Claim] = []
    for trig in _CUSTOMER_TRIGGER.finditer(text):
        pos = trig.end()
        for _ in range(6):
            m = _PROPER.match(text, pos)
            if not m:
                break
            claims.append(Claim(m.group(), m.start()))
            pos = m.end()
            sep = regex.match(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", text[pos:])
            if not sep or not sep.group():
                break
            pos += sep.end()
    return claims


_CAP_RUN = lazy_regex(
    r"(?<![\w'’@#/.-])\p{Lu}[\p{L}'’&-]*(?:[ \t]+(?:(?:of|the|and|&|de|la|van|von|du)[ \t]+)?"
    r"\p{Lu}[\p{L}'’&-]*)*"
)
_OPENERS = frozenset(".!?:;\n\"“(—–•*>-")


def _starts_sentence(text: str, at: int) -> bool:
    """True when only spaces/quotes separate ``at`` from the start or a sentence break."""
    i = at - 1
    while i >= 0 and text[i] in " \t\"“'(":
        i -= 1
    return i < 0 or text[i] in _OPENERS
COMMON_CAPITALS = frozenset(
    """i i'm i'll i've i'd mr mrs ms mx dr prof st sr jr ps pps hi hello hey dear thanks thank
    cheers regards best warm warmly sincerely team yes no ok okay please note new free
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec christmas thanksgiving easter
    halloween hanukkah diwali ramadan eid new year year's eve day black cyber weekend
    am pm utc gmt internet wi-fi wifi bluetooth app store google play ios android iphone ipad
    mac windows settings home profile account dashboard inbox help center faq pdf csv
    english spanish french german italian portuguese japanese chinese korean dutch
    north south east west street st road rd avenue ave""".split()
)


_NAME_WORD_BEFORE = lazy_regex(r"(\p{Lu}[\p{L}'’&.-]*)[ \t]+(?:&[ \t]+)?$")
_NAME_WORD_AFTER = lazy_regex(r"[ \t]+(?:&[ \t]+)?(\p{Lu}[\p{L}'’&.-]*)")
_NOT_NAME_STARTS = frozenset("a an the your our my his her their this that these new".split())


@functools.lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    """A lexicon term (``"side effect"``, ``"supplement*"``) as it can be written in text."""
    parts = words(term.rstrip("*"))
    tail = r"\w*" if term.endswith("*") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + r"\W*".join(map(re.escape, parts)) + tail, re.IGNORECASE)


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word(s) at ``text[start:end]`` belong to a multi-word name such
    as "Riverbend Physiotherapy" or "Harbor Therapy Group" (a neighbour is capitalised too,
    and is not merely a sentence's first word like "Your")."""
    if not text[start].isupper() or text[start:end].isupper():
        return False  # lower case, or shouted: not a name
    window = text[max(0, start - 40):start]
    before = _NAME_WORD_BEFORE.search(window)
    if before is not None:
        word = before.group(1).lower()
        if not before.group(1).isupper() and (
                not _starts_sentence(text, start - len(window) + before.start(1))
                or (word not in _NOT_NAME_STARTS and word not in COMMON_CAPITALS)):
            return True
        if word in _NOT_NAME_STARTS:
            return False  # "Your Medication Schedule": a title-cased heading, not a name
    after = _NAME_WORD_AFTER.match(text, end)
    return (after is not None and not after.group(1).isupper()
            and after.group(1).lower() not in COMMON_CAPITALS
            and not _starts_sentence(text, start))


def outside_names(text: str, term: str) -> bool:
    """Whether ``term`` (a lexicon term) occurs in ``text`` other than inside a multi-word
    proper name: "physiotherapy" in "delivered to Riverbend Physiotherapy" is a customer's
    name, not a medical topic. True when the term cannot be located at all."""
    found = False
    for m in _term_pattern(term).finditer(text):
        if not _in_proper_name(text, m.start(), m.end()):
            return True
        found = True
    return not found


def _known(token: str, known: Container[str]) -> bool:
    word = strip_accents(token).lower().strip(".'’-")
    return word not in COMMON_CAPITALS and (
        word in known or word.removesuffix("'s").removesuffix("’s") in known)


def _distinctive(token: str, known: Container[str]) -> bool:
    if token.isupper() or len(token) < 2 or not token[0].isupper():
        return False
    word = strip_accents(token).lower().strip(".'’-")
    for form in (word, word.removesuffix("'s").removesuffix("’s"), word.removesuffix("s")):
        if form in COMMON_CAPITALS or form in known:
            return False
    return True


_CLAIM_AFTER = lazy_regex(
    r"(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*)*)*\s+(?:already\s+|now\s+|also\s+)?"
    r"(?:use[sd]?|rel(?:y|ies)\s+on|switched|chose|choose|love[sd]?|trust(?:s|ed)?|saved?|grew|cut|"
    r"increased|reduced|doubled|tripled|achieved|reported|swear\s+by|rave|recommend(?:s|ed)?|"
    r"moved\s+to|signed\s+up|run\s+on|runs\s+on|built\s+on)\b",
    regex.IGNORECASE,
)
_CLAIM_BEFORE = lazy_regex(
    r"(?:like|such\s+as|including|trusted\s+by|used\s+by|loved\s+by|chosen\s+by|backed\s+by|"
    r"join|joining|teams\s+at|customers?\s+(?:like|at))\s+(?:\p{Lu}[\p{L}'’&-]*[\s,&]+(?:and\s+)?)*$",
    regex.IGNORECASE,
)


_BEFORE_WORDS = ("like", "such", "including", "by", "join", "teams", "customer")
"""A word every ``_CLAIM_BEFORE`` match contains: a substring test skips most regex searches."""


def _claim_before(window: str) -> bool:
    low = window.lower()
    return any(w in low for w in _BEFORE_WORDS) and _CLAIM_BEFORE.search(window) is not None


_CLAIM_HINT = lazy_regex(
    r"\b(?:use[sd]?|rel(?:y|ies)|switched|cho(?:o)?se|love[sd]?|trust(?:s|ed)?|saved?|grew|cut|"
    r"increased|reduced|doubled|tripled|achieved|reported|swear|rave|recommend\w*|moved|signed|"
    r"runs?|built|like|such|including|by|join\w*|at)\b",
    regex.IGNORECASE,
)


CLAIM_WORDS = frozenset(
    """use uses used rely relies switched chose choose love loves loved trust trusts trusted save
    saved grew cut increased reduced doubled tripled achieved reported swear rave recommend
    recommends recommended moved signed run runs built like such including by join joins joined
    joining""".split())
"""Words one of which any customer claim needs ("X uses", "trusted by X"): a cheap prefilter."""


AFTER_VERBS = frozenset(
    """use uses used rely relies switched chose choose love loves loved trust trusts trusted save
    saved grew cut increased reduced doubled tripled achieved reported swear rave recommend
    recommends recommended moved signed run runs built""".split())
"""First words of the ``_CLAIM_AFTER`` verbs ("X uses", "X switched", "X runs on")."""


_CONTROL = lazy_re(r"[\x00-\x08\x0e-\x1f\x7f]")
"""Characters that are neither word nor separator for :func:`match_words`."""


_RUN_BACK = lazy_regex(r"(?r)[\p{L}'’& \t-]*")
"""Read backwards: the characters a capitalised run (or the gap between its words) holds."""
_CHAIN_BACK = lazy_regex(r"(?r)[\p{L}\s,'’&-]*")
"""Read backwards: what may stand between a name and its verb ("Acme, Globex and Ana now use")."""


def _runs_in_claim_places(text: str, triggers: list[tuple[int, int]],
                          verbs: list[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """The ``_CAP_RUN`` matches of ``text`` that start where a claim can: within 40 characters
    after a trigger, or in the stretch of names, commas and words right before a verb.

    A run cannot cross a character it does not hold, so a scan started just after one finds
    the same runs as a scan of the whole text; scanning only these places skips the ~35 runs
    (greetings, product names) of a typical email body that no claim shape can reach.
    """
    places = [(b, a + 40) for a, b in triggers]
    for at, _ in verbs:
        back = _CHAIN_BACK.search(text, 0, at)
        places.append((back.start() if back is not None else at, at))
    places.sort()
    done = 0
    for lo, hi in places:
        if hi < done:
            continue
        back = _RUN_BACK.search(text, 0, lo)
        pos = max(back.start() if back is not None else lo, done)
        for m in _CAP_RUN.finditer(text, pos):
            if m.start() > hi:
                break
            done = m.end()
            if m.start() >= lo:
                yield m


def unknown_names(text: str, known: Container[str] | Callable[[], Container[str]], *,
                  claim_context: bool = True, vocab: Collection[str] | None = None,
                  lowered: str | None = None) -> list[Claim]:
    """Capitalised names the facts never mention (mid-sentence, or 2+ words at a sentence start).

    ``known`` holds lower-cased, accent-free words from the facts, goal and governance (a set
    or a :class:`FactBase`, or a function returning one: then it is called only once a
    candidate name needs it). ``lowered``: ``text.lower()``, when the caller has it.
    """
    claims: list[Claim] = []
    if claim_context and vocab is not None and CLAIM_WORDS.isdisjoint(vocab):
        return claims
    if claim_context and not _CLAIM_HINT.search(text):
        return claims
    # Per-text prefilters for the two claim shapes, so most capitalised runs cost no regex:
    # "X uses" needs one of the verbs among the words; "trusted by X" needs a trigger word
    # ending within the 40 characters before X (positions from one lower-cased copy).
    after_ok = vocab is None or not AFTER_VERBS.isdisjoint(vocab)
    low = text.lower() if lowered is None else lowered
    triggers: list[tuple[int, int]] | None = None
    if len(low) == len(text):
        triggers = sorted(occurrences(low, _BEFORE_WORDS))
    if claim_context and not after_ok and triggers == []:
        return claims  # neither claim shape can occur
    starts = [a for a, _ in triggers] if triggers is not None else []
    # "X uses" needs one of those verbs after X. In plain ASCII text every such verb is one of
    # the field's words, so past the last place one of them occurs no run can be followed by it.
    verbs_from = len(text)
    verbs: list[tuple[int, int]] | None = None
    if after_ok and vocab is not None and triggers is not None and text.isascii() and (
            _CONTROL.search(text) is None):
        verbs = sorted(occurrences(low, tuple(AFTER_VERBS.intersection(vocab))))
        verbs_from = verbs[-1][0] if verbs else -1
    runs: Iterable[regex.Match[str]] = _CAP_RUN.finditer(text)
    if claim_context and triggers is not None and (verbs is not None or not after_ok):
        runs = _runs_in_claim_places(text, triggers, verbs or [])
    for m in runs:
        if claim_context:
            start = m.start()
            if not (after_ok and m.end() < verbs_from and _CLAIM_AFTER.match(text, m.end())):
                window = max(0, start - 40)
                if triggers is not None and not span_inside(triggers, starts, window, start):
                    continue
                if not _claim_before(text[window:start]):
                    continue
        if callable(known):
            known = known()  # only now: most texts have no run in a claim's place
        tokens = [t for t in m.group().split() if t[0].isupper()]
        if any(_known(t, known) for t in tokens):
            continue  # part of a name the facts use ("Thistle Vets" for "Thistle Veterinary")
        at_start = _starts_sentence(text, m.start())
        if at_start:
            # A sentence's first word is capitalised anyway: judge only the rest of the run.
            tokens = tokens[1:]
        distinctive = [t for t in tokens if _distinctive(t, known)]
        if distinctive:
            claims.append(Claim(m.group(), m.start()))
    return claims
