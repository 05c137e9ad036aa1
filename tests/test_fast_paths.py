"""Fast paths against naive references: phrase scans, word splitting, name-claim prefilters,
the allowed-markup proof that spares most email bodies the sanitizer."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from guardrails.engine.lexicon import Lexicon, Term, WordIndex
from guardrails.models import DRAFT_TYPES, Draft, HtmlPolicy

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


@given(st.lists(term_text, min_size=1, max_size=8, unique=True),
       st.lists(st.sampled_from([*WORDS, "-", " ", "pr", "mon"]), max_size=30).map("".join))
def test_may_occur_in_equals_testing_every_word_of_every_term(terms: list[str],
                                                               lowered: str) -> None:
    lexicon = Lexicon((t, "k") for t in terms)
    needed = [t.rstrip("*").split() for t in terms]
    expected = any(all(w in lowered for w in words) for words in needed)
    assert lexicon.may_occur_in(lowered) == expected
    if lexicon.find(WordIndex(lowered.split())):
        assert lexicon.may_occur_in(lowered)  # a prefilter: never False where a term occurs


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


# --- customer-name claims: the prefiltered scan against the plain per-run test -------------

_NAME_WORDS = ["Acme", "Globex", "Initech", "Hi", "Ana", "uses", "used", "trusted", "by", "like",
               "unlike", "teams", "at", "and", ",", ".", "\n", "now", "switched", "to", "the",
               "Kitchen", "join", "customers", "we", "x" * 30, "because", "O'Neil", "&", "-",
               "3", "\t", "relies on", "Now", "AND", "like\nAcme", "Joining"]


@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=30).map(" ".join),
       st.frozensets(st.sampled_from(["acme", "ana", "kitchen"])))
@example("Acme uses it . Globex Kitchen uses it", frozenset())
@example("Hi Ana , Acme used it . Globex Kitchen switched to it .", frozenset({"ana"}))
@example("we hear Globex , Initech and Acme now use it", frozenset())  # names before a verb
@example("we like Joining Acme", frozenset())  # a trigger inside a run: scanned from its start
@example("customers like " + "x" * 30 + " Acme and Initech", frozenset())  # 40 characters on
def test_unknown_names_prefilters_change_nothing(text: str, known: frozenset[str]) -> None:
    from guardrails.engine import grounding as g
    from guardrails.formats.text import match_words

    expected = []
    if not (g.CLAIM_WORDS.isdisjoint(match_words(text)) or not g._CLAIM_HINT.search(text)):
        for m in g._CAP_RUN.finditer(text):
            start = m.start()
            if not (g._CLAIM_AFTER.match(text, m.end())
                    or g._claim_before(text[max(0, start - 40):start])):
                continue
            tokens = [t for t in m.group().split() if t[0].isupper()]
            if any(g._known(t, known) for t in tokens):
                continue
            if g._starts_sentence(text, start):
                tokens = tokens[1:]
            if any(g._distinctive(t, known) for t in tokens):
                expected.append((m.group(), start))
    got = g.unknown_names(text, lambda: known, vocab=frozenset(match_words(text)))
    assert [(c.text, c.offset) for c in got] == expected


def test_name_claims_right_after_a_trigger_or_before_a_verb() -> None:
    from guardrails.engine.grounding import unknown_names
    from guardrails.formats.text import match_words

    for text, name in [("We work with teams like Globex.", "Globex"), ("Ask people like Globex.", "Globex"),
                       ("Ana, we hear Initech switched last week.", "Initech"),
                       ("Brands such as Globex and Initech chose us.", "Globex and Initech")]:
        found = unknown_names(text, frozenset({"ana"}), vocab=frozenset(match_words(text)))
        assert name in [c.text for c in found], text
    assert unknown_names("Hi Ana, see you at Acme.", frozenset({"ana", "acme"})) == []


@given(st.text(alphabet="*_ ab\\\n", max_size=60))
def test_slack_bold_scan_at_candidates_equals_finditer(text: str) -> None:
    from guardrails.formats.slack import _MD_BOLD_RE, _matches_at

    expected = [m.span() for m in _MD_BOLD_RE.finditer(text)]
    assert [m.span() for m in _matches_at(_MD_BOLD_RE, text, ("**", "__"))] == expected


# -- HTML: the allowed-markup fast path never hides what the sanitizer would remove ----------

_FRAGMENTS = [
    "<p>", "</p>", "<P>", "</P >", "<br>", "<br/>", "<br />", "<BR >", "</br>", "<b>", "</b>",
    "<strong>", "<em>", "</em>", "<i>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<a>", "</a>",
    '<a href="https://acme.example/x?a=1&amp;b=2">', "<a href='https://acme.example'>",
    '<a href="javascript:alert(1)">', '<a href="/relative">', '<a href="">', "<a href>",
    '<a HREF = "https://acme.example">', '<a href="https://exa mple.example">',
    '<a href="https://acme.example" target="_blank">', '<a title="t" href="https://a.example">',
    '<a href="https://a.example"title="x">', "<a href=https://a.example>", '<a href="x>y">',
    '<p class="c">', '<p onclick="go()">', '<span>', '</span>', "<div>", "</div>",
    "<table>", "<tr>", "<td>", "<img src=x>", '<img src="https://a.example/i.png">',
    "<script>", "</script>", "<style>", "<title>", "<textarea>", "<svg>", "<math>", "<html>",
    "<body>", "<head>", "<template>", "<image>", "<!-- c -->", "<!--", "-->", "<!DOCTYPE html>",
    "<?php ?>", "</ p>", "</>", "<", ">", "<p\x0bclass=x>", "<p\x00>", "<a/href='x'>",
    "&amp;", "&lt;", "&nbsp;", "&#60;", "&copy;", '"', "'", "=", " ", "\t", "\n", "\r", "\x0c",
    "\x00", "Hi Ana,", "x < y", "café", "\ud800",
]


def _html_policies() -> list[HtmlPolicy]:
    from guardrails.profiles import profile

    email = profile("email").html
    assert email is not None
    wide = HtmlPolicy(
        allowed_tags=frozenset({"p", "a", "b", "span", "div", "br", "table", "img"}),
        allowed_attributes={"a": frozenset({"href", "title"}), "*": frozenset({"class"}),
                            "img": frozenset({"src"})},
        url_schemes=frozenset({"https"}),
    )
    return [email, wide]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=14).map("".join),
       st.sampled_from(_html_policies()))
def test_only_allowed_markup_implies_no_finding(html: str, policy: HtmlPolicy) -> None:
    from guardrails.formats.email import disallowed_markup, only_allowed_markup

    if only_allowed_markup(html, policy):
        found = [f for f in disallowed_markup(html, policy) if not f.endswith("<a href>")]
        assert found == [], html


def test_only_allowed_markup_accepts_typical_bodies_and_refuses_the_rest() -> None:
    from guardrails.formats.email import only_allowed_markup

    policy = _html_policies()[0]
    body = ('<p>Hi Ana,</p>\n<ul><li>One</li><LI>Two</LI></ul><p>See <a href="https://acme.'
            'example/x?a=1&amp;b=2">the plan</a>.<br/>Thanks</p>')
    assert only_allowed_markup(body, policy)
    assert only_allowed_markup("plain text, no markup", policy)
    for bad in ("<div>x</div>", '<p class="c">x</p>', "<p>x<!-- c --></p>", "<p>x</p><p",
                '<a href="x" target="_blank">x</a>', "<table><tr><td>x</td></tr></table>",
                "x < y", "<a href=x>x</a>", "</p class=x>"):
        assert not only_allowed_markup(bad, policy), bad


# Sentence pieces for the flag rules' exclude pass: prefilter words, words that only look
# like them, separators (a decimal point is not one), and a character that lower-cases longer.
_PIECES = ["refund", "Refund", "refunds", "statement", "$12", "$3.50", "costs", "no cost",
           "at no cost", "paid out", "paid", "out", " ", ". ", "! ", "\n", "?", ".", "İ", "x"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("paid out. Refund. $3.50 refund")
@example("statement.5 refund!statement")
@example("refund $3.50 paid. x")  # the decimal point does not end the sentence
@example("paid\nrefund")  # "d\nr" is inside no sentence: "paid\n" is not searched
def test_dropping_excluded_sentences_equals_the_per_sentence_scan(text: str) -> None:
    import regex

    from guardrails.engine.checks.review import _SENTENCE, _drop_sentences

    # "out." ends with a sentence break; "t. r" and "d\nr" span one (inside no sentence).
    requires = ("refund", "statement", "paid out", "no cost", "out.", "t. r", "d\nr")
    exclude = regex.compile(r"\brefunds?\b|\bstatement\b|\bpaid( out)?\b|\bat no cost\b",
                            regex.IGNORECASE | regex.MULTILINE)
    naive = "".join(part for part in _SENTENCE.findall(text) if not (
        any(r in part.lower() for r in requires) and exclude.search(part)))
    assert _drop_sentences(text, text.lower(), requires, exclude)[0] == naive


def test_without_exclude_needles_every_sentence_is_searched() -> None:
    import regex

    from guardrails.engine.checks.review import _drop_sentences

    exclude = regex.compile(r"\brefund\b")
    text = "Your plan is $20. The refund is $5. Thanks"
    assert _drop_sentences(text, text.lower(), (), exclude) == (
        "Your plan is $20. Thanks", len("Your plan is $20."))
    assert _drop_sentences(text, text.lower(), ("statement",), exclude) == (text, 0)


SCHEME_CHARS = "abcxyzKİıſ019+.-:/ \n\té"


@given(st.text(alphabet=st.sampled_from(SCHEME_CHARS), max_size=60))
def test_scheme_start_equals_the_backward_search(text: str) -> None:
    from guardrails import analyze

    at = text.find("://")
    while at != -1:
        back = analyze._SCHEME_BACK.search(text, max(0, at - 31), at)
        assert analyze._scheme_start(text, at) == (back.start() if back is not None else -1)
        at = text.find("://", at + 1)


@given(st.lists(st.sampled_from(["Hi Ana,", "see https://acme.com/a", "www.acme.io", "price:",
                                 "-", "the", "The", "\n", "http://x.y/(a)", "ok."]),
                max_size=12).map(" ".join))
def test_shared_url_matches_give_the_same_views(text: str) -> None:
    from guardrails.analyze import analyze, bare_urls, strip_urls
    from guardrails.models import SmsDraft

    message = analyze(SmsDraft(text=text))
    assert message.visible_without_urls("text") == strip_urls(text)
    assert [(link.url, link.offset) for link in message.links] == bare_urls(text)


def test_distinct_drops_a_field_repeating_earlier_words_without_indexing_it() -> None:
    from guardrails.analyze import analyze
    from guardrails.parser import parse_output

    raw = ("SUBJECT: Your plan\nBODY_HTML: <p>Hi Ana,</p><ul><li>Seats: 4</li></ul>\n"
           "BODY_TEXT: Hi Ana,\n- Seats: 4\n")
    message = analyze(parse_output(raw, "email"))
    assert message.distinct(("body_html", "body_text")) == ("body_html",)
    assert "body_text" not in message._words  # compared by its word list alone
    assert message.words("body_text").tokens == message.words("body_html").tokens
    assert message.distinct(("subject", "body_text")) == ("subject", "body_text")


@given(st.lists(st.sampled_from(["5", "11", "12", "17", ":30", " ", "a", "p", "P", "A", ".",
                                 "m", "M", "at ", "2026-12-09", "x", "\n"]),
                max_size=14).map("".join))
@example("Doors open at 5 p.m. sharp")
@example("11:30PM")
@example("9 P.M")
def test_fact_reading_keeps_every_pm_clock_value(text: str) -> None:
    from guardrails.engine import grounding

    figures = grounding._read_figures((text,))
    expected = {float(int(m.group(1)) + 12) for m in grounding._CLOCK_12.finditer(text)
                if m.group(2).lower() == "p" and int(m.group(1)) < 12}
    if grounding._DIGIT.search(text):
        assert expected <= figures.values["plain"]
    assert figures.every == frozenset().union(*figures.values.values())


@given(st.lists(st.sampled_from(["https://", "http://", "HTTPS://", "acme", ".", "-", "io", "/",
                                 "a", "%20", "?q=1", "#top", ":8080", "@", "[", "(x)", "~",
                                 "é", " ", "www."]), max_size=10).map("".join))
@example("https://tickets.northwind.events/82")
def test_classify_fast_split_equals_urlsplit(url: str) -> None:
    from urllib.parse import urlsplit

    from guardrails.engine import urls

    simple = urls._SIMPLE_WEB.fullmatch(url.strip())
    if simple is None:
        return
    parts = urlsplit(url.strip())
    facts = urls.classify.__wrapped__(url)
    assert (facts.scheme, facts.host, facts.path) == (
        parts.scheme.lower(), (parts.hostname or "").lower(), parts.path)


@given(st.text(alphabet=st.characters(max_codepoint=127), min_size=1),
       st.text(), st.text())
@example("Reply  STOP", "ΑΣ", "Σ")
def test_a_disclaimer_written_verbatim_is_found_normalized(wanted: str, before: str,
                                                           after: str) -> None:
    from guardrails.engine.checks.governance import _norm

    written = wanted.strip()
    visible = before + written + after
    needle = _norm(wanted)
    # What the sign-off/disclaimer rule concludes without its verbatim shortcut:
    assert needle in visible.lower() or needle in _norm(visible.lower())


def _visible_text_by_events(root: object) -> str:
    """The event-walk visible text that the recursive one replaced (the reference)."""
    from lxml import etree

    from guardrails.formats.email import _BREAKS, _SKIP

    parts: list[str] = []
    newline = True
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
                continue
            if tag in _BREAKS and not newline:
                parts.append("\n")
                newline = True
            if el.text:
                parts.append(el.text)
                newline = False
            continue
        if event == "end":
            if tag in _SKIP:
                if el.tail:
                    parts.append(el.tail)
                    newline = False
                continue
            if tag in _BREAKS and not newline:
                parts.append("\n")
                newline = True
        if el.tail and el is not root:
            parts.append(el.tail)
            newline = False
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_HTML_PIECES = ["<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<a href='x'>", "</a>", "<br>",
                "<b>", "</b>", "<div>", "</div>", "<td>", "<table>", "</table>", "<script>",
                "</script>", "<style>", "</style>", "<!-- c -->", "<?pi x?>", "<h2>", "</h2>",
                "Hi", " Ana", "\n", "  ", "see", "&amp;", "é", "<span>", "</span>", "<title>"]


@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40).map("".join))
@example("<p>Hi</p><!-- c -->tail<script>x</script>after<ul><li>a<li>b</ul>end")
def test_recursive_visible_text_equals_the_event_walk(html: str) -> None:
    from guardrails.formats.email import parse_html, visible_text

    root = parse_html(html)
    assert visible_text(root) == _visible_text_by_events(root)


# Fragments of every placeholder hint, in several cases, plus the characters that gate them.
_HINT_PIECES = ["[", "]", "{", "{{", "{%", "%", "<", "<link", "<LiNk", "<url", "<URL",
                "<insert", "(", "(link)", "(LINK)", ":", "://", "://.", "://…", "…", ".",
                "link", "K", "\u212a", "İ", "a", " ", "<li>"]


@given(st.lists(st.sampled_from(_HINT_PIECES) | st.text(max_size=3), max_size=12).map("".join))
@example("<LIN\u212a>")  # Kelvin sign: lower() makes it "k", so the lower-cased path must run
@example("(lin\u212a)")
@example("{%")
def test_placeholder_gate_equals_the_lowered_hint_scan(text: str) -> None:
    from guardrails.engine.urls import (
        _LETTERED_OPENERS,
        _PLACEHOLDER_HINTS,
        _may_hold_placeholder,
    )

    # The gate scans for a lettered hint's first character as written: it must have no case.
    assert all(c.lower() == c.upper() for c in _LETTERED_OPENERS)
    assert _may_hold_placeholder(text) == any(h in text.lower() for h in _PLACEHOLDER_HINTS)


@given(st.lists(st.sampled_from(["12", "1,234", "5", "0", ".", ",", "x", "v", "%", " ", "k",
                                 "th", "1.2.3", "_", "a", "+", "\n", "12345", "\u0663", "é", "\uff11"]),
                max_size=14).map("".join))
@example("1,2345 and 12x3 v5 1.2.3")
def test_number_matches_equal_finditer(text: str) -> None:
    from guardrails.engine import grounding as g

    got = [(m.span(), m.group(1, 2)) for m in g._matches_at_digits(text)]
    assert got == [(m.span(), m.group(1, 2)) for m in g._NUMBER.finditer(text)]


_FIGURE_PIECES = ["12", "3.5", "1,200", " ", "  ", "\n", "\u2003", "times", "fold", "Dollars",
                  "usd", "EUR", "gbp", "pounds", "euros", "x", "%", "k", "hours", "teams", "t",
                  "e", "$", ".", ","]


@given(st.lists(st.sampled_from(_FIGURE_PIECES), max_size=10).map("".join), st.booleans())
@example("40 \u2003times", False)  # two spaces of different kinds before the tail word
@example("3 fold", False)
@example("5 ", True)
def test_figure_tail_gate_equals_matching_at_every_figure(text: str, currency: bool) -> None:
    from guardrails.engine import grounding as g

    for m in g._NUMBER.finditer(text):
        num, suffix, end = m.group(1), m.group(2), m.end()
        got = g._figure(num, suffix, text, end, currency)
        # Reference: the old reading, with the tail regex tried after every figure.
        value = float(num.replace(",", ""))
        values: tuple[float, ...] = (value,)
        low = suffix.strip().lower()
        if low in g._PERCENT:
            assert got == ((value,), "percent")
            continue
        if low in g._MULT:
            values = (value, value * g._MULT[low])
        if low in g._TIMES:
            assert got == (values, "multiplier")
            continue
        tail = g._TAIL_WORDS.match(text, end)
        kind = "multiplier" if tail is not None and tail.group(1) else (
            "currency" if currency or tail is not None else "plain")
        assert got == (values, kind)


def _read_fact_reference(text: str) -> tuple[frozenset[float], tuple[frozenset[float], ...]]:
    """Months and per-kind values of a fact the long way: one set per kind, every claim."""
    from guardrails.engine import grounding as g

    by_kind: dict[str, set[float]] = {kind: set() for kind in g._KINDS}
    months = frozenset(float(m.group(2)) for m in g._ISO_DATE.finditer(text))
    undated = g._ISO_DATE.sub(lambda m: f"{m.group(1)} {int(m.group(3))}", text) if months else (
        text)
    for claim in g.number_claims(undated, g._fact_words(text)):
        by_kind[claim.kind].update(claim.values)
    for m in g._CLOCK_12.finditer(text):
        if m.group(2).lower() == "p" and int(m.group(1)) < 12:
            by_kind["plain"].add(float(int(m.group(1)) + 12))
    for m in g._CLOCK_24.finditer(text):
        if 12 < int(m.group(1)) < 24:
            by_kind["plain"].add(float(int(m.group(1)) - 12))
    return months, tuple(frozenset(by_kind[kind]) for kind in g._KINDS)


_FACT_PIECES = ["5", "40", "1,200", "17:30", "5:30 PM", "2026-12-09", "%", "$", "x", " times",
                " dollars", "three", "twice", " ", "teams", "-", ".", "\x00", "12", "9", "/", "k"]
fact_text = st.lists(st.sampled_from(_FACT_PIECES), max_size=10).map("".join)


def _facts_reference(facts: list[str]) -> tuple[set[float], dict[str, set[float]]]:
    """Months and per-kind values of all facts, each fact read on its own."""
    from guardrails.engine import grounding as g

    months: set[float] = set()
    by_kind: dict[str, set[float]] = {kind: set() for kind in g._KINDS}
    for fact in facts:
        fact_months, values = _read_fact_reference(fact)
        months |= fact_months
        for kind, found in zip(g._KINDS, values, strict=True):
            by_kind[kind] |= found
    return months, by_kind


@given(st.lists(fact_text, max_size=4))
@example(["Save 40% on 3 seats", "17:30 and 12 teams"])
@example(["3\x00", "$ 5", "twice"])  # a fact holding the separator; currency at a fact's start
@example(["5", " dollars"])  # a tail word must not reach into the next fact
@example(["2026-12", "9 seats"])  # nor may a date span two facts
def test_reading_the_facts_at_once_equals_reading_each(facts: list[str]) -> None:
    from guardrails.engine import grounding as g

    months, by_kind = _facts_reference(facts)
    figures = g._read_figures(tuple(facts))
    plain_words, times_words = g._read_number_words(tuple(facts))
    got = {kind: set(values) for kind, values in figures.values.items()}
    got["plain"] |= plain_words
    got["multiplier"] |= times_words
    assert (set(figures.months), got) == (months, by_kind)
    assert figures.every == frozenset().union(*figures.values.values())


@given(st.lists(fact_text, max_size=4), fact_text)
@example(["Doors open 2026-12-09"], "See you 12/9")  # a month backed as part of a date
@example(["three seats left"], "Only 3 seats")
@example(["It is twice as fast"], "2x faster")
def test_fact_base_backs_exactly_what_some_fact_states(facts: list[str], text: str) -> None:
    from guardrails.engine import grounding as g

    months, by_kind = _facts_reference(facts)
    every = set().union(*by_kind.values())
    base = g.FactBase(facts)
    for claim in g.number_claims(text):
        pool = every if claim.kind == "plain" else by_kind[claim.kind]
        dated = bool(g._DATE_TAIL.match(text, claim.offset + len(claim.text)))
        expected = not pool.isdisjoint(claim.values) or (
            dated and not months.isdisjoint(claim.values))
        assert base.supports_number(claim, text) == expected, claim


_FIGURE_PIECES = [*_FACT_PIECES, "(", "+", ",", "€", "'", ":", "\n", "a", "0", "8", "22", "th",
                  " %", "£ ", "_", "“"]
figure_text = st.lists(st.sampled_from(_FIGURE_PIECES), max_size=12).map("".join)


@given(figure_text)
@example("$ 1,200 and 40%")
@example("+822 or 5%822 or 10+822")
@example("v822, 1.822, (822), 1,822")
def test_a_figure_read_where_its_digits_start_is_the_claim_number_claims_reads(text: str) -> None:
    from guardrails.engine import grounding as g

    claims = {(c.offset, c.number): (c.values, c.kind) for c in g.number_claims(text, frozenset())}
    for at in range(len(text)):
        m = g._NUMBER.match(text, at)
        if m is None:
            continue
        figure = g._figure_at(text, at, m.group(1))
        if figure is not None:  # then number_claims read the same figure there
            starts = [o for o in (at, at - 1, at - 2) if (o, m.group(1)) in claims]
            assert starts, (at, m.group(1))
            assert claims[starts[0], m.group(1)] == figure


@given(st.lists(figure_text, max_size=4), figure_text)
@example(["Setup takes 822 hours"], "822 hours")
@example(["Doors open 2026-12-09"], "See you 12/9")
@example(["Save 40 percent"], "40%")
@example(["It costs $40"], "40x")
def test_the_first_claim_is_backed_exactly_as_the_full_reading_backs_it(
        facts: list[str], text: str) -> None:
    from guardrails.engine import grounding as g

    for claim in g.number_claims(text):
        quick = g.FactBase(facts)  # fresh: this claim is the first, so the digits are looked up
        full = g.FactBase(facts)
        full._figures = g._read_figures(full.texts)
        assert quick.supports_number(claim, text) == full.supports_number(claim, text), claim


_WORD_PIECES = ["Ana", "ana", "Lucía", "lucia", "ΟΔΟΣ", "οδος", "İ", "i", "\u0307", "Thistle",
                "Vets", "’s", "'s", " ", "-", ".", "\x00", "é", "e\u0301", "Acme", "acme’s", "x"]
word_text = st.lists(st.sampled_from(_WORD_PIECES), max_size=8).map("".join)


@given(st.lists(word_text, max_size=4), st.lists(word_text, min_size=1, max_size=4))
@example(["Thistle Vets"], ["thistle", "vets", "vet"])
@example(["Lucía"], ["lucia", "lucía"])
@example(["ΟΔΟΣ"], ["οδος", "οδοσ"])  # final sigma
def test_a_word_is_in_the_facts_exactly_when_it_is_one_of_their_words(
        facts: list[str], asked: list[str]) -> None:
    from guardrails.engine import grounding as g

    for word in asked + [w.lower() for w in asked]:
        assert (word in g.FactBase(facts)) == (word in g.FactBase(facts).words), word


_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())


def test_squash_lines_knows_every_whitespace_of_split() -> None:
    from guardrails.formats import email

    assert set(email._ODD_SPACE + email._WIDE_SPACE + " \n") == set(_SPACES)


@given(st.text(alphabet=st.sampled_from([*_SPACES, "a", "b", "é", "Ω"]), max_size=40)
       | st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \n ", "Hi", "Ana,", "é"]),
                  max_size=30).map("".join))
@example(" a \n \n b ")
@example("a\u2009 b")  # a thin space: splitting decides
def test_squash_lines_equals_splitting_each_line(text: str) -> None:
    from guardrails.formats.email import squash_lines

    lines = (" ".join(line.split()) for line in text.split("\n"))
    assert squash_lines(text) == "\n".join(line for line in lines if line)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from(
    ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x1f", "\x7f", "\ufffe", "\uffff", "a"])))
@example("caf\u00e9\x01")
@example("\uffff")
def test_html_control_filter_equals_the_regex(text: str) -> None:
    from guardrails.formats import email

    assert email._without_control(text) == email._CONTROL.sub("", text)


@given(st.lists(st.sampled_from(["\n", " ", "\t", "<p>", "Subject", ":", " - ", "**", "__", "_",
                                 "*", "#", "- ", "1. ", "```", "~~~", "---", "{", "•", "Body",
                                 "(HTML)", "é", "x"]), max_size=30).map("".join))
def test_label_scan_lookahead_changes_no_match(text: str) -> None:
    import re

    from guardrails import parser

    pattern = parser._SCAN.pattern
    lookahead = "(?=[-`~*_{+•0-9#A-Za-z])"
    assert lookahead in pattern
    plain = re.compile(pattern.replace(lookahead, ""), re.M)
    spans = [m.span() for m in parser._SCAN.finditer("\n" + text)]
    assert spans == [m.span() for m in plain.finditer("\n" + text)]


@given(st.lists(st.sampled_from(["w", "W", ".", "www.", "WwW.", "İ", "\u212a", "é", "\ud800", " ",
                                 "ẃ", "ｗ", "x"]), max_size=16).map("".join))
@example("WW\u0130W.")  # İ lower-cases to two characters
def test_www_test_on_bytes_equals_lowering_the_text(text: str) -> None:
    from guardrails.analyze import _has_www

    assert _has_www(text) == ("www." in text.lower())


_DRAFT_VALUES = st.fixed_dictionaries(
    {"raw": st.text(max_size=20), "lines": st.dictionaries(st.sampled_from(["text", "body"]),
                                                           st.integers(1, 9)),
     "missing": st.lists(st.sampled_from(["subject", "text"]), max_size=2),
     "structure_ok": st.booleans()},
    optional={"channel_notes": st.text(max_size=10), "text": st.text(max_size=10),
              "subject": st.text(max_size=10), "body": st.text(max_size=10)})


@given(st.sampled_from(sorted({cls.__name__: cls for cls in DRAFT_TYPES.values()}.items())),
       _DRAFT_VALUES)
def test_trusted_draft_equals_model_construct(named: tuple[str, type[Draft]],
                                              values: dict[str, object]) -> None:
    from guardrails.models import trusted_draft

    cls = named[1]
    values = {k: v for k, v in values.items() if k in cls.model_fields}
    got, want = trusted_draft(cls, values), cls.model_construct(**values)  # type: ignore[arg-type]
    assert got == want
    assert got.model_fields_set == want.model_fields_set
    assert repr(got) == repr(want)
    assert got.model_dump() == want.model_dump()
    assert cls.model_validate(got.model_dump()) == got
    got.channel_notes = "changed"  # a normal, mutable model
    assert got.channel_notes == "changed"


def test_trusted_draft_gives_each_draft_its_own_defaults() -> None:
    from guardrails.models import Button, PushDraft, trusted_draft

    first, second = trusted_draft(PushDraft, {}), trusted_draft(PushDraft, {})
    first.buttons.append(Button(label="Open app"))
    assert second.buttons == [] and first.lines is not second.lines


@given(st.text(alphabet=st.sampled_from(["-", ":", "1", "٣", "\U00010d40", "a", " ", "²"]),
               max_size=12), st.sampled_from(["-", ":"]))
@example("Sender:\U00010d40", ":")  # a digit newer than this Python's Unicode tables
def test_digit_after_a_separator_equals_the_regex(text: str, sep: str) -> None:
    import regex

    from guardrails.engine.grounding import _digit_after

    assert _digit_after(text, sep) == bool(regex.search(regex.escape(sep) + r"\d", text))
