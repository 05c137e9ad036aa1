"""``grounded``: every figure, customer name and lexicon claim must be backed by the facts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
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
    parts_of,
    prefilter_allows,
)
from guardrails.engine.grounding import FactBase, name_claims, number_claims, unknown_names
from guardrails.engine.lexicon import Lexicon, TermsByRule

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["GroundedParams", "compile_grounded", "fact_base", "group_grounded"]


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


class _Grounded:
    """One compiled ``grounded`` rule: a Runner, and a part of :func:`group_grounded` passes."""

    __slots__ = ("has_terms", "lexicon", "p", "pattern")

    def __init__(self, params: GroundedParams) -> None:
        self.p = params
        self.lexicon = Lexicon((t, t) for t in params.terms)
        self.has_terms = bool(self.lexicon)
        self.pattern = alternation(params.patterns)

    def __call__(self, message: Message, context: Context, state: RunState,
                 fields: tuple[str, ...]) -> list[Hit]:
        return _run_grounded((self,), None, message, context, state, fields)[0]

    def in_field(self, message: Message, name: str, text: str, facts: FactBase,
                 seen: set[str], terms: Sequence[str] | None, out: list[Hit]) -> None:
        """This rule's unsupported claims in field ``name``, added to ``out`` (``text``: its
        URL-free visible text; ``terms``: the rule's terms found there, in text order, when
        already known)."""
        p = self.p
        if p.claims == "numbers":
            for claim in number_claims(text, message.words(name).vocab):
                if facts.supports_number(claim, text):
                    continue
                sentence = _sentence(text, claim.offset)
                if sentence in seen:
                    continue
                seen.add(sentence)
                out.append(Hit(name, detail=repr(sentence), evidence=claim.text))
        elif p.claims == "names":
            claims = name_claims(text) if p.mode == "triggers" else unknown_names(
                text, facts, vocab=message.words(name).vocab, lowered=message.lowered(name))
            for claim in claims:
                if claim.text not in seen:
                    seen.add(claim.text)
                    out.append(Hit(name, detail=f"{claim.text!r} in "
                                   f"{_sentence(text, claim.offset)!r}", evidence=claim.text))
        else:
            found: list[tuple[str, int | None]] = []
            if terms is None and self.has_terms:
                terms = [term.source for term, _ in self.lexicon.find(message.words(name))]
            if terms:
                found.extend((source.rstrip("*"), None) for source in terms)
            pattern = self.pattern
            if pattern is not None and prefilter_allows(message.lowered(name), p.requires):
                found.extend((m.group(), m.start()) for m in finditer(pattern, text))
            reported: list[str] = []
            for phrase, offset in sorted(found, key=lambda f: -len(f[0])):  # longest first
                key = phrase.lower()
                spaced = f" {key.replace('-', ' ')} "
                if key in seen or any(spaced in r for r in reported) or facts.supports_words(
                        phrase):
                    continue  # one report for "award-winning", not also "award winning", "award"
                seen.add(key)
                reported.append(spaced)
                at = offset if offset is not None else _find_phrase(text.lower(), key)
                out.append(Hit(name, detail=repr(_sentence(text, at)), evidence=phrase))


def _run_grounded(rules: Sequence[_Grounded], terms: TermsByRule | None, message: Message,
                  context: Context, state: RunState, fields: tuple[str, ...]
                  ) -> list[list[Hit]]:
    """Each rule's hits, field by field. ``terms`` (the phrase rules' terms) finds them for
    all the rules with one lookup of each field's words."""
    facts = fact_base(context, state)
    out: list[list[Hit]] = [[] for _ in rules]
    seen: list[set[str]] = [set() for _ in rules]
    for name in message.distinct(fields):
        text = message.visible_without_urls(name)
        found = terms.find(message.words(name)) if terms is not None else None
        for k, rule in enumerate(rules):
            rule.in_field(message, name, text, facts, seen[k],
                          found.get(k, ()) if found is not None else None, out[k])
    return out


def compile_grounded(params: Params) -> Runner:
    assert isinstance(params, GroundedParams)
    return _Grounded(params)


def group_grounded(runners: Sequence[Runner]) -> GroupRunner:
    """Grounded rules that follow each other in a pack, on the same fields, in one pass: the
    phrase rules' terms are found with one lexicon of them all."""
    rules = parts_of(runners, _Grounded)
    terms: TermsByRule | None = TermsByRule(
        rule.p.terms if rule.p.claims == "phrases" else () for rule in rules)
    if not terms:
        terms = None  # no phrase terms: each field's words are never looked up for them

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> list[list[Hit]]:
        return _run_grounded(rules, terms, message, context, state, fields)

    return run


def _sentence(text: str, offset: int) -> str:
    """The sentence around ``offset``, trimmed to a readable quote."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    ends = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    quote = " ".join(text[start:end].split())
    return quote if len(quote) <= 160 else quote[:157] + "..."


def _find_phrase(lowered: str, phrase: str) -> int:
    """Where ``phrase`` (a lexicon term, words joined by spaces) occurs in ``lowered``, its
    words joined by spaces or hyphens ("award winning" in "award-winning"); 0 if nowhere."""
    at = lowered.find(phrase)
    if at < 0 and " " in phrase:
        at = lowered.find(phrase.replace(" ", "-"))
    return max(at, 0)
