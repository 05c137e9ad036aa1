"""Text the governance requires (its disclaimer and sign-off) is not content the model chose.

The topic rules (review flags) and the personal-detail rule read a field with that text
blanked out: a clinic's required "This email is general information, not a diagnosis." must
neither raise a medical flag nor count as a health detail about the recipient.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from guardrails.formats.text import WordIndex, lowered_words

if TYPE_CHECKING:
    from guardrails.analyze import Message
    from guardrails.context import Context
    from guardrails.engine.base import RunState

__all__ = ["FieldText", "PhraseFilter", "field_text", "required_texts"]


class FieldText(NamedTuple):
    """A field as the topic rules read it: visible URL-free text, lower-cased, and its words."""

    text: str
    lowered: str
    words: WordIndex


def required_texts(context: Context) -> tuple[str, ...]:
    """The governance's required disclaimer and sign-off (whichever are set)."""
    gov = context.governance
    if gov is None:
        return ()
    return tuple(t for t in (gov.required_disclaimer, gov.sign_off) if t and not t.isspace())


@functools.lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    """``phrase`` as written in a message: any case, any run of whitespace between its words,
    either apostrophe (how the governance rules compare it too)."""
    words = phrase.replace("’", "'").split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(body, re.IGNORECASE)


def _first_word(phrase: str) -> str:
    return phrase.split()[0].lower().replace("’", "'").strip("'")


class PhraseFilter:
    """Which required texts hold something a rule group looks for (worked out once per
    phrase): only those are blanked, so a disclaimer such as "Reply STOP to opt out." costs
    the group nothing per message."""

    __slots__ = ("_known", "_lock", "_touches")

    def __init__(self, touches: Callable[[str], bool]) -> None:
        self._touches = touches
        self._known: dict[str, bool] = {}
        self._lock = threading.Lock()

    def __call__(self, context: Context) -> tuple[str, ...]:
        texts = required_texts(context)
        if not texts:
            return ()
        known = self._known
        out: list[str] = []
        for text in texts:
            hit = known.get(text)
            if hit is None:
                hit = self._touches(text)
                with self._lock:
                    if len(known) >= 256:
                        known.clear()
                    known[text] = hit
            if hit:
                out.append(text)
        return tuple(out)


def field_text(message: Message, name: str, phrases: tuple[str, ...],
               state: RunState) -> FieldText:
    """Field ``name`` with every occurrence of ``phrases`` blanked by spaces (same length, so
    offsets into it are offsets into the visible text); the message's own cached views when
    no phrase occurs."""
    if phrases:
        key = "required_text:" + "\x00".join((name, *phrases))
        cached = state.cache.get(key)
        if isinstance(cached, FieldText):
            return cached
        text = message.visible_without_urls(name)
        lowered = message.lowered(name)
        blanked = text
        plain = lowered.replace("’", "'")
        for phrase in phrases:
            pattern = _pattern(phrase)
            if pattern is not None and _first_word(phrase) in plain:
                blanked = pattern.sub(lambda m: " " * len(m.group()), blanked)
        if blanked != text:
            low = blanked.lower()
            view = FieldText(blanked, low, WordIndex(lowered_words(low)))
        else:
            view = FieldText(text, lowered, message.words(name))
        state.cache[key] = view
        return view
    return FieldText(message.visible_without_urls(name), message.lowered(name),
                     message.words(name))
