"""Plain-text measures shared by every channel: grapheme clusters, words, safe truncation."""

from __future__ import annotations

import re
import unicodedata

import regex

__all__ = [
    "WordIndex", "drop_cut_link", "grapheme_count", "graphemes", "lowered_words", "match_words",
    "normalize_space", "strip_accents", "truncate_graphemes", "word_count",
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
_WIDE_SEPARATORS = tuple(ch for ch in _SEPARATORS if not ch.isascii())
_PUNCT_BYTES = bytes.maketrans(
    "".join(ch for ch in _SEPARATORS if ch.isascii()).encode(),
    b" " * sum(ch.isascii() for ch in _SEPARATORS))
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TOKEN = re.compile(r"[^\W_]+|[$€£%#+]")


def match_words(text: str) -> list[str]:
    """Lower-cased words of ``text``; punctuation separates words (``award-winning`` → 2 words).

    ``$ € £ % # +`` stay as words of their own, so lexicons can say "% off" or "#1".
    """
    return lowered_words(text.lower())


def lowered_words(lowered: str) -> list[str]:
    """:func:`match_words` of text already lower-cased (a message lower-cases each field once)."""
    if not lowered.isascii():
        # Typographic punctuation (’ — “ …) is what usually makes model text non-ASCII: blank
        # it with replace (a C scan each), so most text still takes the fast ASCII path.
        for ch in _WIDE_SEPARATORS:
            if ch in lowered:
                lowered = lowered.replace(ch, " ")
        if not lowered.isascii():
            return _non_ascii_words(lowered)
    # bytes.translate is a plain table lookup: ~3x faster than str.translate, even on ASCII.
    spaced = lowered.encode("ascii").translate(_PUNCT_BYTES).decode("ascii")
    for ch in _KEEP:
        if ch in spaced:
            spaced = spaced.replace(ch, f" {ch} ")
    return spaced.split()


def _non_ascii_words(lowered: str) -> list[str]:
    """:data:`_TOKEN` words of non-ASCII text, without running the regex over all of it.

    ``str.translate`` is slow on non-ASCII text, so ASCII punctuation is blanked in the UTF-8
    bytes (multi-byte sequences never hold an ASCII byte); only a word that still holds a
    character that is not alphanumeric (an emoji, ``©``, a combining mark) is re-split by the
    regex, which separates exactly at such characters.
    """
    spaced = lowered.encode("utf-8", "surrogatepass").translate(_PUNCT_BYTES).decode(
        "utf-8", "surrogatepass")
    for ch in _KEEP:
        if ch in spaced:
            spaced = spaced.replace(ch, f" {ch} ")
    tokens = spaced.split()
    # Usually every token is a word (accented letters only) or a lone $ € £ % # +: one C test
    # of all of them together then replaces the per-token loop.
    probe = "".join(tokens)
    for ch in _KEEP:
        if ch in probe:
            probe = probe.replace(ch, "")
    if probe.isalnum():
        return tokens
    out: list[str] = []
    for token in tokens:
        if token.isalnum() or (len(token) == 1 and token in _KEEP):
            out.append(token)
        else:
            out.extend(_TOKEN.findall(token))
    return out


def strip_accents(text: str) -> str:
    """``Lucía`` → ``Lucia`` (used to compare names written with and without accents)."""
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


class WordIndex:
    """A field's words, their set, and (on demand) where a word or phrase occurs; shared by
    every lexicon.

    Positions come from substring scans of :attr:`joined` (C speed) for the words and phrases
    a lexicon asks about, which is much cheaper than indexing every word of a 2 KB body.
    """

    __slots__ = ("_at", "hot", "joined", "tokens", "vocab")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.vocab = frozenset(tokens)
        self.joined = " " + " ".join(tokens) + " "
        """The words joined by single spaces, with a space at each end."""
        self.hot: tuple[object, frozenset[str]] | None = None
        """Cache slot for the lexicon module (the words some lexicon starts with)."""
        self._at: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """Indexes of ``word`` in ``tokens`` (empty when absent)."""
        found = self._at.get(word)
        if found is None:
            found = self._at[word] = self.find_all(f" {word} ") if word in self.vocab else []
        return found

    def find_all(self, needle: str) -> list[int]:
        """Word indexes where ``needle`` (words with a space before each, and one after a
        whole last word) occurs in :attr:`joined`: C substring scans, no per-word loop."""
        joined = self.joined
        at = joined.find(needle)
        if at < 0:
            return []
        found: list[int] = []
        count = last = 0
        while at >= 0:
            count += joined.count(" ", last, at)
            found.append(count)
            last = at
            at = joined.find(needle, at + 1)
        return found
