"""``governance``: the context's forbidden terms, banned phrases, disclaimer, sign-off, freshness."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from guardrails.engine.base import Hit, Params, Runner, RunState
from guardrails.engine.lexicon import Lexicon

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context

__all__ = ["GovernanceParams", "compile_governance"]


class GovernanceParams(Params):
    item: Literal["forbidden_terms", "banned_phrases", "required_disclaimer", "sign_off",
                  "freshness"]
    max_age_days: int = Field(default=30, ge=0)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@functools.lru_cache(maxsize=256)
def _lexicon(terms: tuple[str, ...]) -> Lexicon:
    """Governance terms compiled once per distinct governance, not once per message."""
    return Lexicon((t, t) for t in terms)


def compile_governance(params: Params) -> Runner:
    assert isinstance(params, GovernanceParams)
    p = params

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> Iterator[Hit]:
        gov = context.governance
        if p.item == "freshness":
            if context.governance_missing:
                yield Hit(None, detail="generated without governance", category="governance")
            elif gov is not None and gov.updated_at is not None:
                age = (context.today() - gov.updated_at).days
                if age > p.max_age_days:
                    yield Hit(None, detail=f"governance is {age} days old "
                              f"(updated {gov.updated_at.isoformat()}, limit {p.max_age_days})",
                              category="governance")
            return
        if gov is None:
            return
        if p.item in ("forbidden_terms", "banned_phrases"):
            terms = gov.forbidden_terms if p.item == "forbidden_terms" else gov.banned_phrases
            if not terms:
                return
            lexicon = _lexicon(tuple(terms))
            seen: set[str] = set()
            for name in message.distinct(fields):
                for term, _ in lexicon.find(message.words(name)):
                    if term.source not in seen:
                        seen.add(term.source)
                        yield Hit(name, detail=repr(term.source), evidence=term.source)
            return
        wanted = gov.required_disclaimer if p.item == "required_disclaimer" else gov.sign_off
        if not wanted or not wanted.strip():
            return
        needle = _norm(wanted)
        written = wanted.strip()
        verbatim = written.isascii()  # then found as written implies found once normalized
        for name in fields:
            visible = message.visible(name)
            if verbatim and written in visible:
                continue  # the usual case: no copy of the body lower-cased or normalized
            text = visible.lower()
            # Found as written implies found once normalized: pay for normalizing only on a miss.
            if needle not in text and needle not in _norm(text):
                yield Hit(name, detail=repr(wanted.strip()), evidence=wanted.strip())

    return run


