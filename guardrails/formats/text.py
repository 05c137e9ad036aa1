"""Plain-text measures shared by every channel: grapheme clusters, words, safe truncation."""

from __future__ import annotations

import functools
import re
import unicodedata

import regex

__all__ = [
    "WordIndex", "drop_cut_link", "grapheme_count", "graphemes", "match_words", "normalize_space", "strip_accents",
    "truncate_graphemes", "word_count",
]

_GRAPHEME = regex.compile(r"\X")
_SPACE = regex.compile(r"\s+")


def graphemes(text: str) -> list[str]:
    """Split text into user-perceived characters (an emoji with modifiers is one)."""
    found: list[str] = _GRAPHEME.findall(text)
    return found


def grapheme_count(text: str) -> int:
    """Number of grapheme clusters; equals ``len()`` for text without combining sequences."""
    if text.isascii():
        # CRLF is the only ASCII grapheme made of two code points.
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


def word_count(text: str) -> int:
    """Words as ``str.split()`` counts them (how every channel limit in words is defined)."""
    return len(text.split())


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    collapsed: str = _SPACE.sub(" ", text)
    return collapsed.strip()


def truncate_graphemes(text: str, limit: int, *, ellipsis: str = "…") -> str:
    """Cut ``text`` to at most ``limit`` graphemes, at a word boundary when one is near.

    Never splits a grapheme cluster; appends ``ellipsis`` (counted in the limit) when it cuts.
    Idempotent: text already within the limit is returned unchanged.
    """
    if limit < 0:
        raise ValueError("limit must be >= 0")
    clusters = graphemes(text)
    if len(clusters) <= limit:
        return text
    room = limit - len(graphemes(ellipsis))
    if room <= 0:
        return "".join(clusters[:limit])
    head = clusters[:room]
    # Prefer the last whitespace boundary in the second half of the kept text.
    cut = room
    for i in range(room - 1, room // 2 - 1, -1):
        if head[i].isspace():
            cut = i
            break
    kept = "".join(head[:cut]).rstrip()
    if not kept:
        kept = "".join(head).rstrip()
    return drop_cut_link(kept, text) + ellipsis


def drop_cut_link(kept: str, text: str) -> str:
    """``kept`` (a cut prefix of ``text``) without a URL at its end.

    Part of a link is a link to another page, and an ellipsis written right after a whole URL
    reads as part of it (``https://acme.com…``): a cut drops a URL it ends on.
    """
    if len(kept) >= len(text):
        return kept
    while kept:
        start = max(kept.rfind(ch) for ch in " \t\n") + 1
        token = kept[start:].lower()
        if not ("://" in token or token.startswith("www.") or token.endswith((":", ":/", "www"))):
            break
        kept = kept[:start].rstrip()
    return kept


_KEEP = "$€£%#+"
_SEPARATORS = "!\"&'()*,-./:;<=>?@[\\]^_`{|}~‘’‚‛“”„‟–—―‐‑‒−…•·«»¡¿\u00a0\u2009\u202f"
_PUNCT = str.maketrans(_SEPARATORS, " " * len(_SEPARATORS))
_WIDE_SEPARATORS = tuple(ch for ch in _SEPARATORS if not ch.isascii())
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TOKEN = re.compile(r"[^\W_]+|[$€£%#+]")


def match_words(text: str) -> list[str]:
    """Lower-cased words of ``text``; punctuation separates words (``award-winning`` → 2 words).

    ``$ € £ % # +`` stay as words of their own, so lexicons can say "% off" or "#1".
    """
    lowered = text.lower()
    if not lowered.isascii():
        # Typographic punctuation (’ — “ …) is what usually makes model text non-ASCII: blank
        # it with replace (a C scan each), so most text still takes the fast ASCII path.
        for ch in _WIDE_SEPARATORS:
            if ch in lowered:
                lowered = lowered.replace(ch, " ")
        if not lowered.isascii():
            # str.translate is only fast on ASCII; a C regex scan beats it on everything else.
            return _TOKEN.findall(lowered)
    spaced = lowered.translate(_PUNCT)
    for ch in _KEEP:
        if ch in spaced:
            spaced = spaced.replace(ch, f" {ch} ")
    return spaced.split()


def strip_accents(text: str) -> str:
    """``Lucía`` → ``Lucia`` (used to compare names written with and without accents)."""
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


class WordIndex:
    """A field's words, their set, and (on demand) where a word occurs; shared by every lexicon.

    Positions are found with ``list.index`` (a C scan) only for words a lexicon asks about,
    which is much cheaper than indexing every word of a 2 KB body up front.
    """

    __slots__ = ("__dict__", "_at", "tokens", "vocab")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.vocab = frozenset(tokens)
        self._at: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """Indexes of ``word`` in ``tokens`` (empty when absent)."""
        found = self._at.get(word)
        if found is None:
            found = []
            if word in self.vocab:
                tokens, i = self.tokens, -1
                try:
                    while True:
                        i = tokens.index(word, i + 1)
                        found.append(i)
                except ValueError:
                    pass
            self._at[word] = found
        return found

    @functools.cached_property
    def sorted_vocab(self) -> list[str]:
        """Distinct words in order (for prefix lookups)."""
        return sorted(self.vocab)
