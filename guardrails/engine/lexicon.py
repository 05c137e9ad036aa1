"""Fast whole-word term matching: text is split into words once, terms are looked up in a dict.

A regex alternation of hundreds of terms costs ~100 µs per 2 KB; a word list built with
``str.translate`` + ``split`` and a first-word index costs a few µs, so every keyword
lexicon of a pack shares one index and one pass over the message.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from guardrails.formats.text import WordIndex, strip_accents
from guardrails.formats.text import match_words as words

__all__ = ["Lexicon", "Term", "TermsByRule", "WordIndex", "strip_accents", "words"]

# Every first word of every lexicon built so far. A field's words are intersected with it once
# (``_hot``); each lexicon then intersects its own first words with that short list instead of
# the field's whole vocabulary (a 2 KB body has ~200 distinct words, a pack ~25 lexicons).
_ALL_FIRSTS: frozenset[str] = frozenset()
_REGISTRY_LOCK = threading.Lock()


def _register(firsts: frozenset[str]) -> None:
    global _ALL_FIRSTS
    with _REGISTRY_LOCK:
        if not firsts <= _ALL_FIRSTS:
            _ALL_FIRSTS = _ALL_FIRSTS | firsts


def _hot(index: WordIndex) -> frozenset[str]:
    """The words of ``index`` that some lexicon starts with (cached on the index)."""
    known = _ALL_FIRSTS
    cached = index.hot
    if cached is not None and cached[0] is known:
        return cached[1]
    hot = index.vocab & known
    index.hot = (known, hot)
    return hot


_Plan = tuple["list[Term] | None", "dict[str, list[tuple[Term, str, tuple[str, ...]]]] | None",
              frozenset[str], "list[tuple[Term, str]]"]
"""What one first word leads to: single-word terms, phrases by second word, the second words,
two-word prefix terms."""


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: its words, a key (category or rule id), and whether it is a prefix."""

    words: tuple[str, ...]
    key: str
    source: str
    prefix: bool = False


class Lexicon:
    """A set of terms (phrases; a trailing ``*`` makes the last word a prefix) keyed by category."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._single: dict[str, list[Term]] = {}
        self._prefix_terms: dict[str, list[Term]] = {}
        phrases: list[Term] = []
        pair_prefixes: list[Term] = []
        for source, key in entries:
            prefix = source.endswith("*")
            toks = tuple(words(source.rstrip("*")))
            if not toks:
                continue
            term = Term(toks, key, source, prefix)
            if len(toks) == 1:
                target = self._prefix_terms if prefix else self._single
                target.setdefault(toks[0], []).append(term)
            else:
                (pair_prefixes if prefix and len(toks) == 2 else phrases).append(term)
        # A phrase is found by a substring search for its words, space-separated, in the
        # field's joined words: one C scan, where walking every position of a common first word
        # ("the best", "per month") costs a Python loop. Phrases are grouped by first and second
        # word, so a field's vocabulary selects the few worth searching with set intersections.
        # Within one first word the order (phrases, then two-word prefixes) is the order hits
        # at one position are reported in.
        self._multi: dict[str, dict[str, list[tuple[Term, str, tuple[str, ...]]]]] = {}
        for term in phrases:
            needle = " " + " ".join(term.words) + ("" if term.prefix else " ")
            rest = term.words[2:-1] if term.prefix else term.words[2:]
            by_second = self._multi.setdefault(term.words[0], {})
            by_second.setdefault(term.words[1], []).append((term, needle, rest))
        self._seconds = {first: frozenset(group) for first, group in self._multi.items()}
        self._multi_prefix: dict[str, list[tuple[Term, str]]] = {}
        for term in pair_prefixes:
            needle = " " + " ".join(term.words)
            self._multi_prefix.setdefault(term.words[0], []).append((term, needle))
        self._prefix_needles = [(" " + stem, terms) for stem, terms in self._prefix_terms.items()]
        # Each term needs all its words as substrings. A word many terms share ("review") is
        # tested first and once per call: when it is absent, all of those terms fail on one
        # scan. Otherwise the longest word first: it is the rarest.
        shared: dict[str, int] = {}
        for needed in {term.words for term in self._terms()}:
            for word in set(needed):
                shared[word] = shared.get(word, 0) + 1
        self._anchors = tuple(dict.fromkeys(
            tuple(sorted(set(term.words), key=lambda w: (-shared[w], -len(w), w)))
            for term in self._terms()))
        self._firsts = frozenset([*self._single, *self._multi, *self._multi_prefix])
        _register(self._firsts)
        # Everything a first word leads to, behind one lookup per word of a field.
        self._plans: dict[str, _Plan] = {word: (
            self._single.get(word), self._multi.get(word), self._seconds.get(word, frozenset()),
            self._multi_prefix.get(word, [])) for word in self._firsts}

    def may_occur_in(self, lowered: str) -> bool:
        """False when no term can occur in ``lowered`` (lower-cased text): each term needs every
        word as a substring, and a few ``in`` tests are far cheaper than splitting the text."""
        seen: dict[str, bool] = {}
        for needed in self._anchors:
            for word in needed:
                found = seen.get(word)
                if found is None:
                    found = seen[word] = word in lowered
                if not found:
                    break
            else:
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self._firsts or self._prefix_terms)

    def find(self, text: WordIndex | list[str]) -> list[tuple[Term, int]]:
        """Every (term, index of its first word), in text order.

        Pass a message field's cached :class:`WordIndex`: lookups then cost one set
        intersection plus the candidate positions, not a pass over every word.
        """
        index = text if isinstance(text, WordIndex) else WordIndex(text)
        cached = index.hot
        firsts = self._firsts & (cached[1] if cached is not None and cached[0] is _ALL_FIRSTS
                                 else _hot(index))
        if not firsts and not self._prefix_needles:
            return []  # most lexicons, most fields: none of their first words occurs
        hits: list[tuple[Term, int]] = []
        add = hits.append
        vocab = index.vocab
        plans = self._plans
        for word in firsts:
            single, by_second, seconds, pair_prefixes = plans[word]
            if single is not None:
                for i in index.positions(word):
                    for term in single:
                        add((term, i))
            if by_second is not None:
                for second in seconds & vocab:
                    for term, needle, rest in by_second[second]:
                        if not rest or all(w in vocab for w in rest):
                            for i in index.find_all(needle):
                                add((term, i))
            for term, needle in pair_prefixes:
                for i in index.find_all(needle):
                    add((term, i))
        for needle, terms in self._prefix_needles:
            for i in index.find_all(needle):
                for term in terms:
                    add((term, i))
        if len(hits) > 1:
            hits.sort(key=lambda hit: hit[1])
        return hits

    def _terms(self) -> list[Term]:
        singles = [term for group in (self._single, self._prefix_terms)
                   for terms in group.values() for term in terms]
        phrases = [term for group in self._multi.values() for terms in group.values()
                   for term, _, _ in terms]
        return singles + phrases + [term for terms in self._multi_prefix.values()
                                    for term, _ in terms]


class TermsByRule:
    """Several rules' terms in one :class:`Lexicon`: one lookup of a field's words gives each
    rule's terms found there, in text order (what that rule's own lexicon finds)."""

    def __init__(self, terms: Iterable[Iterable[str]]) -> None:
        rules = [tuple(group) for group in terms]
        self._rule = {str(k): k for k in range(len(rules))}
        self._lexicon = Lexicon((t, str(k)) for k, group in enumerate(rules) for t in group)

    def __bool__(self) -> bool:
        return bool(self._lexicon)

    def find(self, text: WordIndex) -> dict[int, list[str]]:
        """By rule index, the sources of its terms in ``text``, in text order (only rules
        with a term there: most fields hold none, and an empty list per rule costs)."""
        out: dict[int, list[str]] = {}
        rule = self._rule
        for term, _ in self._lexicon.find(text):
            out.setdefault(rule[term.key], []).append(term.source)
        return out
