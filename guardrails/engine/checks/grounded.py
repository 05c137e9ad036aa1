"""``grounded``: every figure, customer name and lexicon claim must be backed by the facts."""

from __future__ import annotations

import functools
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
    prefilter_allows,
)
from guardrails.engine.grounding import FactBase, name_claims, number_claims, unknown_names
from guardrails.engine.lexicon import Lexicon

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["GroundedParams", "compile_grounded", "fact_base"]


class GroundedParams(Params):
    claims: Literal["numbers", "names", "phrases"]
    mode: Literal["triggers", "all"] = "all"
    """For ``names``: only names after customer triggers ("trusted by X"), or every capitalised
    name the facts never mention."""
    terms: tuple[str, ...] = ()
    """For ``phrases``: claim phrases ("award-winning", "guarantee*"); a trailing * is a prefix."""
    patterns: Regexes = ()
    """For ``phrases``: regexes for claims with a shape ("you'll get paid faster")."""
    requires: tuple[str, ...] = ()
    """Cheap prefilter: ``patterns`` run only when one of these lower-case strings occurs."""


def fact_base(context: Context, state: RunState) -> FactBase:
    """The context's facts, governance text and goal, indexed once per run."""
    cached = state.cache.get("facts")
    if isinstance(cached, FactBase):
        return cached
    texts = list(context.facts)
    if context.goal:
        texts.append(context.goal)
    gov = context.governance
    if gov is not None:
        texts.extend(t for t in (gov.text, gov.required_disclaimer, gov.sign_off) if t)
        # Competitor names are governance's business (constraint 8), not invented facts.
        texts.extend(gov.forbidden_terms)
    base = _fact_base(tuple(texts))
    state.cache["facts"] = base
    return base


@functools.lru_cache(maxsize=256)
def _fact_base(texts: tuple[str, ...]) -> FactBase:
    """A pipeline reuses one context for many messages: index its facts once."""
    return FactBase(list(texts))


def compile_grounded(params: Params) -> Runner:
    assert isinstance(params, GroundedParams)
    p = params
    lexicon = Lexicon((t, t) for t in p.terms)
    has_terms = bool(lexicon)
    pattern = alternation(p.patterns)

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        facts = fact_base(context, state)
        seen: set[str] = set()
        for name in message.distinct(fields):
            text = message.visible_without_urls(name)
            if p.claims == "numbers":
                for claim in number_claims(text, message.words(name).vocab):
                    if facts.supports_number(claim, text):
                        continue
                    sentence = _sentence(text, claim.offset)
                    if sentence in seen:
                        continue
                    seen.add(sentence)
                    yield Hit(name, detail=repr(sentence), evidence=claim.text)
            elif p.claims == "names":
                claims = name_claims(text) if p.mode == "triggers" else unknown_names(
                    text, facts, vocab=message.words(name).vocab,
                    lowered=message.lowered(name))
                for claim in claims:
                    if claim.text not in seen:
                        seen.add(claim.text)
                        yield Hit(name, detail=f"{claim.text!r} in "
                                  f"{_sentence(text, claim.offset)!r}", evidence=claim.text)
            else:
                found: list[tuple[str, int | None]] = []
                if has_terms:
                    for term, _index in lexicon.find(message.words(name)):
                        found.append((term.source.rstrip("*"), None))
                if pattern is not None and prefilter_allows(message.lowered(name), p.requires):
                    found.extend((m.group(), m.start()) for m in finditer(pattern, text))
                for phrase, offset in found:
                    key = phrase.lower()
                    if key in seen or facts.supports_words(phrase):
                        continue
                    seen.add(key)
                    at = offset if offset is not None else max(text.lower().find(key), 0)
                    yield Hit(name, detail=repr(_sentence(text, at)), evidence=phrase)

    return run


def _sentence(text: str, offset: int) -> str:
    """The sentence around ``offset``, trimmed to a readable quote."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    ends = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    quote = " ".join(text[start:end].split())
    return quote if len(quote) <= 160 else quote[:157] + "..."
