"""Lexicon.find (substring scans of the joined words) against a naive word-by-word reference."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guardrails.engine.lexicon import Lexicon, Term, WordIndex

# A small alphabet of words makes repeats, shared prefixes and overlapping phrases common.
WORDS = ["the", "best", "per", "month", "you", "your", "kids", "kid", "a", "an", "price", "pri"]
word = st.sampled_from(WORDS)
term_text = st.lists(word, min_size=1, max_size=3).map(" ".join).flatmap(
    lambda t: st.sampled_from([t, t + "*"]))


def reference(terms: list[str], tokens: list[str]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for i in range(len(tokens)):
        for source in terms:
            prefix = source.endswith("*")
            parts = source.rstrip("*").split()
            window = tokens[i:i + len(parts)]
            if len(window) < len(parts) or window[:-1] != parts[:-1]:
                continue
            last = window[-1]
            if last.startswith(parts[-1]) if prefix else last == parts[-1]:
                found.append((source, i))
    return found


@given(st.lists(term_text, min_size=1, max_size=8, unique=True),
       st.lists(word, max_size=40))
def test_find_matches_the_naive_scan(terms: list[str], tokens: list[str]) -> None:
    lexicon = Lexicon((t, "k") for t in terms)
    got = sorted((term.source, i) for term, i in lexicon.find(WordIndex(tokens)))
    assert got == sorted(reference(terms, tokens))


@given(st.lists(term_text, min_size=1, max_size=8, unique=True),
       st.lists(word, max_size=40))
def test_hits_come_in_text_order(terms: list[str], tokens: list[str]) -> None:
    hits: list[tuple[Term, int]] = Lexicon((t, "k") for t in terms).find(tokens)
    assert [i for _, i in hits] == sorted(i for _, i in hits)


def test_phrase_positions_are_word_indexes() -> None:
    index = WordIndex("see the best price the best".split())
    assert index.find_all(" the best ") == [1, 4]
    assert index.positions("best") == [2, 5]
    assert index.positions("absent") == []
    hits = Lexicon([("the best", "claim"), ("pri*", "stem")]).find(index)
    assert [(t.source, i) for t, i in hits] == [("the best", 1), ("pri*", 3), ("the best", 4)]


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("é’—…€£$%#+_-. "),
               min_size=1))
def test_non_ascii_words_equal_the_token_regex(text: str) -> None:
    from guardrails.formats.text import _TOKEN, _WIDE_SEPARATORS, match_words

    lowered = text.lower()
    for ch in _WIDE_SEPARATORS:
        lowered = lowered.replace(ch, " ")
    if lowered.isascii():
        return  # the ASCII path has its own (translate) tokenizer
    assert match_words(text) == _TOKEN.findall(lowered)
