"""``personal_details``: personal-life details (family, travel, health...) the goal doesn't need."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from guardrails.engine.base import Hit, Params, Runner, RunState
from guardrails.engine.grounding import outside_names
from guardrails.engine.lexicon import Lexicon, strip_accents, words
from guardrails.engine.required_text import PhraseFilter, field_text

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["PersonalParams", "compile_personal"]


class PersonalParams(Params):
    categories: dict[str, tuple[str, ...]]
    """Category → terms (phrases; trailing * = prefix). A goal naming any term of a category
    makes that category relevant."""
    goal_terms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Category → more words that make it relevant when the goal names one (a goal about a
    flight or a hotel makes travel details relevant)."""


def compile_personal(params: Params) -> Runner:
    assert isinstance(params, PersonalParams)
    lexicon = Lexicon((term, cat) for cat, terms in params.categories.items() for term in terms)
    # A goal that names a category's key word ("knee injury", "birthday offer") makes it relevant.
    heads = {cat: frozenset(_head(t) for t in terms) - {""}
             for cat, terms in params.categories.items()}
    for cat, extra in params.goal_terms.items():
        heads[cat] = heads.get(cat, frozenset()) | {w for t in extra for w in words(t)}

    # A required disclaimer or sign-off is the governance's text, not a detail the model chose.
    required = PhraseFilter(lambda phrase: bool(lexicon.find(words(phrase))))

    # A pipeline sends one goal to many recipients: what it makes relevant is worked out once.
    goals: dict[str, frozenset[str]] = {}

    def relevant(goal: str) -> frozenset[str]:
        found = goals.get(goal)
        if found is None:
            goal_words = words(strip_accents(goal))
            goal_set = set(goal_words) | {w.removesuffix("s") for w in goal_words}
            hits = {t.key for t, _ in lexicon.find(goal_words)}
            hits.update(cat for cat, head in heads.items() if head & goal_set)
            found = frozenset(hits)
            if len(goals) >= 256:
                goals.clear()
            goals[goal] = found
        return found

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        goal_hits: frozenset[str] | None = None
        reported: set[str] = set()
        phrases = required(context)
        for name in message.distinct(fields):
            text, _, tokens = field_text(message, name, phrases, state)
            for term, _index in lexicon.find(tokens):
                if goal_hits is None:
                    goal_hits = relevant(context.goal or "")
                if term.key in goal_hits or term.key in reported:
                    continue
                if not outside_names(text, term.source):
                    continue  # "Summit Surgery Center" is a place of business, not a detail
                reported.add(term.key)
                phrase = term.source.rstrip("*")
                at = text.lower().find(phrase.split()[0])
                yield Hit(name, detail=f"{term.key} detail {_around(text, at)!r}", evidence=phrase,
                          offset=None)

    return run


def _head(term: str) -> str:
    """The key word of a term: itself when one word, else its last word of 5+ letters."""
    toks = words(term.rstrip("*"))
    if len(toks) == 1:
        return toks[0]
    return toks[-1] if toks and len(toks[-1]) >= 5 else ""


def _around(text: str, at: int) -> str:
    if at < 0:
        return ""
    start = max(text.rfind(". ", 0, at) + 1, text.rfind("\n", 0, at) + 1, at - 60)
    end_candidates = [i for i in (text.find(". ", at), text.find("\n", at)) if i != -1]
    end = min([*end_candidates, at + 80, len(text)])
    return " ".join(text[start:end + 1].split())
