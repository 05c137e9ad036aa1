"""``flag`` raises review flags (never violations); ``review_claim`` catches a false "no review"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from guardrails.engine.base import (
    GroupRunner,
    Hit,
    Params,
    Regexes,
    Runner,
    RunState,
    alternation,
    finditer,
    occurrences,
    parts_of,
    prefilter_allows,
    search,
)
from guardrails.engine.grounding import outside_names
from guardrails.engine.lexicon import Lexicon, TermsByRule, WordIndex, words
from guardrails.engine.required_text import PhraseFilter, field_text
from guardrails.formats.text import lowered_words

if TYPE_CHECKING:
    import regex

    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = [
    "FlagParams", "ReviewClaimParams", "compile_flag", "compile_review_claim", "group_flags",
]

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


class _Flag:
    """One compiled ``flag`` rule: a Runner, and a part of :func:`group_flags` passes."""

    __slots__ = ("exclude", "has_terms", "lexicon", "p", "pattern", "required")

    def __init__(self, params: FlagParams) -> None:
        self.p = params
        self.lexicon = Lexicon((t, params.category) for t in params.terms)
        self.has_terms = bool(self.lexicon)
        self.pattern = alternation(params.patterns)
        self.exclude = alternation(params.exclude)
        self.required = PhraseFilter(self.touches)

    def __call__(self, message: Message, context: Context, state: RunState,
                 fields: tuple[str, ...]) -> list[Hit]:
        return _run_flags((self,), None, self.required, message, context, state, fields)[0]

    def touches(self, phrase: str) -> bool:
        """Whether ``phrase`` (a required disclaimer or sign-off) holds this topic."""
        if self.p.source != "text":
            return False
        term = self.first_term(phrase, self.terms_in(words(phrase)))
        return self.evidence(phrase, phrase.lower(), term) is not None

    def terms_in(self, tokens: WordIndex | list[str]) -> list[str]:
        """This topic's terms (sources) in a field's words, in text order."""
        if self.has_terms:
            return [term.source for term, _ in self.lexicon.find(tokens)]
        return []

    @staticmethod
    def first_term(text: str, terms: Sequence[str]) -> str | None:
        """The first of ``terms`` (found in ``text``'s words) that ``text`` uses other than
        inside a proper name ("Riverbend Physiotherapy" is a customer, not a topic)."""
        for source in terms:
            if outside_names(text, source):
                return source.rstrip("*")
        return None

    def evidence(self, text: str, lowered: str, term: str | None) -> str | None:
        """The first term (``term``, found by the caller) else pattern match of this topic."""
        if term is not None:
            return term
        pattern = self.pattern
        if pattern is not None and prefilter_allows(lowered, self.p.requires):
            m = next(finditer(pattern, text), None)
            if m is not None:
                found: str = m.group().strip()
                return found
        return None

    def in_field(self, name: str, text: str, lowered: str, terms: Sequence[str]) -> Hit | None:
        """This topic's hit in field ``name`` (``terms``: its terms there, in text order), once
        its exclude sentences are left out."""
        p = self.p
        evidence = self.evidence(text, lowered, self.first_term(text, terms) if terms else None)
        exclude = self.exclude
        if evidence is not None and exclude is not None:
            # Only the sentences holding an exclude needle are searched (a search of the
            # whole body costs ~45 µs); the whole-text match that gates dropping is then
            # looked for from the first dropped sentence, where it almost always is.
            kept, first = _drop_sentences(text, lowered, p.exclude_requires, exclude)
            if kept is not text and (search(exclude, text, first) is not None
                                     or search(exclude, text) is not None):
                low = kept.lower()
                evidence = self.evidence(
                    kept, low, self.first_term(kept, self.terms_in(lowered_words(low))))
        if evidence is None:
            return None
        return Hit(name, detail=f"{p.category} content ({evidence!r})", evidence=evidence,
                   category=p.category)

    def from_context(self, message: Message, context: Context) -> Hit | None:
        """The hit of a rule whose ``source`` is not the text (evaluation, first send, marker)."""
        p = self.p
        if p.source == "evaluation":
            ev = context.evaluation or {}
            raw = ev.get("score", ev.get("finalScore"))
            score = _normalize_score(raw)
            if score is not None and score < context.review_threshold:
                return Hit(None, detail=f"evaluation score {score:.2f} is below "
                           f"{context.review_threshold:.2f}", category=p.category)
            return None
        if p.source == "first_send":
            if context.first_send:
                return Hit(None, detail="first send to a new channel or segment",
                           category=p.category)
            return None
        marker = message.draft.sensitive
        if marker is not None and marker.needs_review:
            return Hit(None, detail=f"the output marks itself sensitive: {marker.value[:80]}",
                       evidence=marker.value[:120], category=p.category)
        return None


def _run_flags(rules: Sequence[_Flag], terms: TermsByRule | None, required: PhraseFilter,
               message: Message, context: Context, state: RunState, fields: tuple[str, ...]
               ) -> list[list[Hit]]:
    """Each flag rule's hits: at most one, in the first field (in field order) holding its
    topic. The fields' text, lower-cased text and words are read once for all the rules, and
    ``terms`` (every rule's terms) finds their terms in one lookup. Required governance text
    holding a topic (``required``) is not read: the model did not choose it."""
    out: list[list[Hit]] = []
    pending: list[int] = []
    for k, rule in enumerate(rules):
        if rule.p.source == "text":
            out.append([])
            pending.append(k)
        else:
            hit = rule.from_context(message, context)
            out.append([] if hit is None else [hit])
    if not pending:
        return out
    phrases = required(context)
    for name in message.distinct(fields):
        text, lowered, tokens = field_text(message, name, phrases, state)
        found = terms.find(tokens) if terms is not None else None
        left: list[int] = []
        for k in pending:
            rule = rules[k]
            mine = rule.terms_in(tokens) if found is None else found.get(k, ())
            hit = rule.in_field(name, text, lowered, mine)
            if hit is None:
                left.append(k)
            else:
                out[k].append(hit)
        if not left:
            break
        pending = left
    return out


def compile_flag(params: Params) -> Runner:
    assert isinstance(params, FlagParams)
    return _Flag(params)


def group_flags(runners: Sequence[Runner]) -> GroupRunner:
    """Flag rules that follow each other in a pack, on the same fields, in one pass: one
    lexicon of all their terms, so each field's words are looked up once, not once a rule."""
    rules = parts_of(runners, _Flag)
    terms = TermsByRule(rule.p.terms if rule.p.source == "text" else () for rule in rules)
    required = PhraseFilter(lambda phrase: any(rule.touches(phrase) for rule in rules))

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> list[list[Hit]]:
        return _run_flags(rules, terms, required, message, context, state, fields)

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
