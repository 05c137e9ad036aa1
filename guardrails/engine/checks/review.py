"""``flag`` raises review flags (never violations); ``review_claim`` catches a false "no review"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from guardrails.engine.base import (
    Hit,
    Params,
    Regexes,
    Runner,
    RunState,
    alternation,
    finditer,
    occurrences,
    prefilter_allows,
    search,
)
from guardrails.engine.lexicon import Lexicon, WordIndex, words
from guardrails.formats.text import lowered_words

if TYPE_CHECKING:
    import regex

    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["FlagParams", "ReviewClaimParams", "compile_flag", "compile_review_claim"]

# One sentence and its end (a decimal point such as "$214.75" is not one). ``findall`` with
# this is ~5x faster than splitting on a look-behind; the pieces still join back to the text.
_SENTENCE = re.compile(r"[^!?\n.]*(?:\.(?=\d)[^!?\n.]*)*(?:[!?\n]|\.(?!\d)|$)")
SENSITIVE_CATEGORIES = ("pricing", "legal", "medical", "financial", "compliance")


class FlagParams(Params):
    category: Literal["pricing", "legal", "medical", "financial", "compliance", "governance",
                      "evaluation", "first_send", "sensitive"]
    source: Literal["text", "evaluation", "first_send", "sensitive_marker"] = "text"
    terms: tuple[str, ...] = ()
    patterns: Regexes = ()
    requires: tuple[str, ...] = ()
    """Cheap prefilter: ``patterns`` run only when one of these lower-case strings occurs."""
    exclude: Regexes = ()
    """Regexes: a sentence matching one is not this topic (statements, refunds, "at no cost")."""
    exclude_requires: tuple[str, ...] = ()
    """Cheap prefilter: ``exclude`` searches only sentences holding one of these lower-case
    strings (every sentence when empty)."""


class ReviewClaimParams(Params):
    terms: tuple[str, ...] = ()
    """Phrases claiming review is unnecessary ("no review needed", "auto-send")."""
    patterns: Regexes = ()


def _normalize_score(raw: object) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    score = float(raw)
    if score < 0:
        return None
    if score <= 1:
        return score
    if score <= 10:
        return score / 10
    if score <= 100:
        return score / 100
    return None


def _drop_sentences(text: str, lowered: str, requires: tuple[str, ...],
                    exclude: regex.Pattern[str]) -> tuple[str, int]:
    """``text`` without the sentences ``exclude`` matches (``text`` itself when none is), and
    where the first dropped one starts (0 when none is).

    A sentence is searched only when one of ``requires`` occurs inside it (every sentence
    when there are none); the occurrences are found once in ``lowered`` (not once per
    sentence), which is exact whenever lowering kept every character's position (it almost
    always does).
    """
    if len(lowered) != len(text) or not requires:
        kept: list[str] = []
        first = -1
        for part in _SENTENCE.findall(text):
            if prefilter_allows(part.lower(), requires) and search(exclude, part):
                if first < 0:
                    first = len("".join(kept))
                continue
            kept.append(part)
        return (text, 0) if first < 0 else ("".join(kept), first)
    spans: dict[tuple[int, int], None] = {}
    for a, b in sorted(occurrences(lowered, requires)):
        lo, hi = _sentence_around(text, a)
        if b <= hi:  # a needle across a sentence break is inside no sentence
            spans[lo, hi] = None
    if not spans:
        return text, 0
    pieces: list[str] = []
    last = 0
    for lo, hi in spans:  # in text order, each sentence once
        sentence = text[lo:hi]
        if search(exclude, sentence):
            pieces.append(text[last:lo])
            last = hi
    if not pieces:
        return text, 0
    first = len(pieces[0])
    pieces.append(text[last:])
    return "".join(pieces), first


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """Bounds of the ``_SENTENCE`` piece holding position ``at``: a piece ends with its
    ``!``, ``?``, newline or full stop (a ``.`` before a digit is a decimal point)."""
    lo = max(text.rfind("!", 0, at), text.rfind("?", 0, at), text.rfind("\n", 0, at))
    stop = text.rfind(".", lo + 1, at)
    while stop >= 0 and stop + 1 < len(text) and text[stop + 1].isdecimal():
        stop = text.rfind(".", lo + 1, stop)
    lo = max(lo, stop) + 1
    ends = [i for i in (text.find("!", at), text.find("?", at), text.find("\n", at)) if i >= 0]
    hi = min(ends) if ends else len(text)
    stop = text.find(".", at, hi)
    while stop >= 0 and stop + 1 < len(text) and text[stop + 1].isdecimal():
        stop = text.find(".", stop + 1, hi)
    if stop >= 0:
        hi = stop
    return lo, min(hi + 1, len(text))


def compile_flag(params: Params) -> Runner:
    assert isinstance(params, FlagParams)
    p = params
    lexicon = Lexicon((t, p.category) for t in p.terms)
    has_terms = bool(lexicon)
    pattern = alternation(p.patterns)
    exclude = alternation(p.exclude)

    def _evidence(text: str, lowered: str, tokens: WordIndex | list[str]) -> str | None:
        if has_terms:
            hits = lexicon.find(tokens)
            if hits:
                return hits[0][0].source.rstrip("*")
        if pattern is not None and prefilter_allows(lowered, p.requires):
            m = next(finditer(pattern, text), None)
            if m is not None:
                found: str = m.group().strip()
                return found
        return None

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        if p.source == "evaluation":
            ev = context.evaluation or {}
            raw = ev.get("score", ev.get("finalScore"))
            score = _normalize_score(raw)
            if score is not None and score < context.review_threshold:
                yield Hit(None, detail=f"evaluation score {score:.2f} is below "
                          f"{context.review_threshold:.2f}", category=p.category)
            return
        if p.source == "first_send":
            if context.first_send:
                yield Hit(None, detail="first send to a new channel or segment",
                          category=p.category)
            return
        if p.source == "sensitive_marker":
            marker = message.draft.sensitive
            if marker is not None and marker.needs_review:
                yield Hit(None, detail=f"the output marks itself sensitive: {marker.value[:80]}",
                          evidence=marker.value[:120], category=p.category)
            return
        for name in message.distinct(fields):
            text = message.visible_without_urls(name)
            lowered = message.lowered(name)
            evidence = _evidence(text, lowered, message.words(name))
            if evidence is not None and exclude is not None:
                # Only the sentences holding an exclude needle are searched (a search of the
                # whole body costs ~45 µs); the whole-text match that gates dropping is then
                # looked for from the first dropped sentence, where it almost always is.
                kept, first = _drop_sentences(text, lowered, p.exclude_requires, exclude)
                if kept is not text and (search(exclude, text, first) is not None
                                         or search(exclude, text) is not None):
                    low = kept.lower()
                    evidence = _evidence(kept, low, lowered_words(low))
            if evidence is not None:
                yield Hit(name, detail=f"{p.category} content ({evidence!r})", evidence=evidence,
                          category=p.category)
                return

    return run


def compile_review_claim(params: Params) -> Runner:
    assert isinstance(params, ReviewClaimParams)
    p = params
    lexicon = Lexicon((t, "claim") for t in p.terms)
    pattern = alternation(p.patterns)

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        sensitive = [f for f in state.flags if f.category in SENSITIVE_CATEGORIES]
        if not sensitive:
            return
        claim: str | None = None
        for marker in message.draft.review_markers:
            if marker.needs_review is False:
                claim = f"{marker.source}: {marker.value}"
                break
        if claim is None:
            raw = message.draft.raw
            hits = lexicon.find(words(raw)) if lexicon and lexicon.may_occur_in(
                raw.lower()) else []
            if hits:
                claim = hits[0][0].source
            elif pattern is not None:
                m = next(finditer(pattern, raw), None)
                claim = m.group().strip() if m else None
        if claim is not None:
            topics = ", ".join(dict.fromkeys(f.category for f in sensitive))
            yield Hit(None, detail=f"{claim!r} while the message has {topics} content",
                      evidence=claim)

    return run
