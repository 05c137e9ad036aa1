"""Tolerant structured-output parser: a raw LLM reply becomes a typed channel `Draft`.

Reads label lines, code fences, JSON objects, preambles and trailing chatter. It never raises
on content; only an unknown channel name raises `ConfigurationError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from guardrails.lazy_pattern import lazy_re
from guardrails.models import (
    DRAFT_TYPES,
    Button,
    Draft,
    ReviewMarker,
    normalize_channel,
    trusted_draft,
)
from guardrails.profiles import profile

__all__ = ["parse_output"]

# Label names, compared lowercased with all but letters and digits removed ("Body (HTML)" ->
# "bodyhtml"). `*` marks an ordinary word: it needs a colon and, unless written in capitals or
# bold, must start a paragraph. `:url` makes a link label the URL half of a button.
_VOCAB = """
subject: subject subjectline emailsubject
preheader: preheader preheadertext previewtext preview* inboxpreview
html: bodyhtml htmlbody html* htmlversion emailhtml htmlemail htmlcontent
plain: bodytext textbody plaintext plaintextbody plaintextversion textversion bodyplaintext
 bodyplain plainbody plaintextfallback textfallback fallbacktext plainversion
body: body* emailbody messagebody bodycopy pushbody notificationbody inappbody copy*
main: text* message* messagetext content*
sms: sms smstext smsmessage textmessage smsbody smscopy
slack: slack slackmessage slacktext slackdm slackpost dm* directmessage
title: title headline pushtitle notificationtitle inapptitle heading*
buttons: buttons ctas actions*
button: link*:url url*:url deeplink:url deeplinkurl:url
notes: channelnotes notes* internalnotes reviewernotes notesforreviewer rationale* reasoning*
note: note*
sensitive: sensitive sensitivity sensitivecontent sensitivetopics
review: review* needsreview humanreview reviewneeded reviewrequired requiresreview manualreview
 reviewstatus humanreviewneeded humanreviewrequired
meta: channel* wordcount words* charcount charactercount characters* chars* length* segments*
 segmentcount encoding* tone* audience* goal* language* format* to* from* recipient* variant*
"""
_ALIASES: dict[str, tuple[str, bool, str]] = {}
for _row in _VOCAB.replace("\n ", " ").strip().splitlines():
    _kind, _, _names = _row.partition(": ")
    for _entry in _names.split():
        _name, _, _part = _entry.partition(":")
        _ALIASES[_name.rstrip("*")] = (_kind, _name.endswith("*"), _part)

# fmt: off
_FAMILY = {"email": "email", "sms": "sms", "slack_dm": "slack", "slack_channel": "slack",
           "push": "push", "in_app": "push"}
# kind -> draft field per channel family ("?": the email body, HTML or plain by its content)
_ROUTES: dict[str, dict[str, str]] = {
    "email": {"subject": "subject", "preheader": "preheader", "html": "body_html",
              "plain": "body_text", "body": "?", "main": "body_text"},
    "sms": {"sms": "text", "main": "text", "body": "text"},
    "slack": {"slack": "text", "main": "text", "body": "text"},
    "push": {"title": "title", "body": "body", "main": "body", "button": "buttons",
             "buttons": "buttons"},
}
# fmt: on
_EMAIL_BODY = frozenset({"html", "plain", "body", "main"})
_SINGLE = frozenset({"subject", "preheader", "title", "button", "sensitive", "review", "meta"})
_META_KINDS = frozenset({"notes", "note", "sensitive", "review", "meta"})
_LABEL_KEYS = frozenset({"label", "text", "title", "name", "cta", "buttonlabel", "buttontext"})
_URL_KEYS = frozenset({"url", "link", "href", "deeplink", "uri", "action", "buttonurl"})
_REQUIRED: dict[str, tuple[str, ...]] = {}
_MAX_MARKS, _MAX_ITEMS = 2000, 1000  # bounds on per-line and per-JSON-item Python work
_EDGE = " \t*_>#([-—–"  # decoration stripped before matching a remark's opening words

# Patterns are compiled once; all are linear-time (possessive or bounded repetition).
# One scan over "\n" + text finds, per line: a code fence, a horizontal rule, the start of a
# JSON object, or a label candidate (bullet, heading, bold, name, then ":", " - " or end).
# The lookahead names every character the alternatives can start with: a line starting with
# anything else (an HTML tag, a blank line) is refused before the alternatives are tried.
_SCAN = lazy_re(
    r"\n[ \t]*+(?=[-`~*_{+•0-9#A-Za-z])"
    r"(?:(?P<fence>`{3,}+|~{3,}+)[ \t]*+(?P<info>[^`\n]*+)$|(?P<rule>(?:[-*_][ \t]*+){3,}+$)"
    r"|(?P<json>\{)|(?:[-+•][ \t]++|\*[ \t]++|\d{1,2}[.)][ \t]++)?+(?P<hash>#{1,6}[ \t]*+)?+"
    r"(?P<open>\*\*|__|\*|_)?+(?P<name>[A-Za-z][A-Za-z0-9]*+(?:(?:[ _\-/]|[ _]?\()[A-Za-z0-9]++"
    r"\)?+){0,4}+)(?P<close>\*\*|__|\*|_)?+[ \t]*+(?:(?P<colon>:)|(?P<dash>[-–—](?=[ \t]))"
    r"|(?=[*_ \t]*+$))(?(close)|(?(open)(?:\*\*|__|\*|_)?+))[ \t]*+)",
    re.M,
)
_FENCE = lazy_re(r"(?:`{3,}+|~{3,}+)[^`\n]*+")
_JSONISH = lazy_re(r"[ \t]*+\{[ \t]*+(?:[\"']|$)")
_BUTTON_KEY = lazy_re(
    r"(?:primary|secondary)?(?:button|cta)(\d{0,2})(label|text|title|name|url|link|href|deeplink)?"
)
_NONALNUM = lazy_re(r"[^A-Za-z0-9]+")
_CAMEL = lazy_re(r"(?<=[a-z0-9])(?=[A-Z])")
_TAG = lazy_re(r"<(?:/?[A-Za-z][A-Za-z0-9]*+(?:\s[^<>]*+)?/?)>")
_ESC = lazy_re(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_COURTESY = lazy_re(r"(?:sure|certainly|of course|absolutely|okay|ok|great|got it)\b[!.,:]*+ *+")
_HERE = lazy_re(
    r"(?P<go>(?:here (?:you go|it is|you are)|below)[:.!]*+$)|here(?:'s|’s| is| are)\b|below "
    r"(?:is|are)\b|the following\b|this is (?:a|the|your)\b|i(?:'ve|’ve| have) (?:drafted|written"
    r"|created|prepared|put together)\b"
)
_TARGET = lazy_re(
    r"\b(?:drafts?|e-?mails?|messages?|texts?|dms?|sms|versions?|notifications?|posts?|push"
    r"|slack|repl(?:y|ies)|subject(?: lines?)?|announcements?|options?|variants?|templates?"
    r"|json|output|html|in-app)\b"
)
_SHORTCODE_END = lazy_re(r":[a-z0-9_+\-]++:$")
_OPENER = lazy_re(
    r"(?:(?:sure|certainly|of course|absolutely|okay|ok|great)\W++)?(?:(?P<strong>want me to"
    r"|(?:want|need|prefer|how about) (?:a|an|another) (?:\w+ ){0,2}(?:versions?|variants?|drafts?"
    r"|tone|rewrites?|take)"
    r"|do you want me to|would you like me to|shall i|should i|i can also|i could also"
    r"|i can (?:make|adjust|tweak|shorten|rewrite|add|create|draft|write)|i hope this helps"
    r"|hope (?:this|that|it) (?:helps|works)|happy to (?:adjust|tweak|revise|make|change|shorten|rewrite)"
    r"|i(?:'ve|’ve| have)? (?:kept|added|included|used|made|written|drafted|tailored"
    r"|personali[sz]ed|adjusted|removed|avoided|focused|aimed))|let me know|feel free"
    r"|would you like|do you want|if you(?:'d| would)? (?:like|want|need|prefer)|need any"
    r"|any (?:changes|tweaks|feedback|edits)|this (?:email|message|sms|text|version|draft|dm"
    r"|post|notification|push|one)|(?:word|character|char) count|notes?:|note\b|why this works)\b"
)
_META_WORDS = (
    r"\b(?:versions?|variants?|variations?|drafts?|tone|formal|casual|friendlier|shorter|longer"
    r"|punchier|adjust\w*+|tweak\w*+|(?:any|other|further|more) (?:changes|edits)(?! to your)"
    r"|changes to (?:the|this|it)|edits?|revis\w*+|rewrites?|alternatives?|subject lines?"
    r"|wording|personali[sz]\w*+|characters?|chars|word count|placeholders?|this helps)\b"
)
_META = lazy_re(_META_WORDS)
_REQUESTER = lazy_re(_META_WORDS + r"|\bme\b|\bhelps\b")
_NOTE_META = lazy_re(_META_WORDS + r"|\bi\b|\bi'\w|\breview|\bsensitive|\bsend")
_LOOSE = lazy_re(r"(?:note|notes|why|tone|rationale|reasoning|word count|char|length)\b")
# A closing remark that only counts the draft: "(148 characters)", "— 44 chars", "Fits in one
# SMS segment."
_COUNT_REMARK = lazy_re(
    r"(?:(?:~|about |approx\.? |approximately |under |exactly )?\d[\d,]*+ ?(?:characters?|chars?"
    r"|words?|graphemes?|segments?)\b|(?:this |it )?fits (?:in(?:to)?|within) (?:one|a single|1) "
    r"(?:sms |text )?(?:segment|message)\b)[^\n]{0,60}+$"
)
# A closing paragraph that only tells the requester whether the draft needs review
# ("Auto-send approved: routine reminder, no review needed."): metadata, kept as a note.
_REMARK = lazy_re(
    r"(?:auto[- ]?sen[dt]|approved for|cleared for|safe to|ok(?:ay)? to|fine to|no (?:\w+ )?review"
    r"|no need for|review (?:is )?not|(?:skip|bypass)(?:ped)? |needs? |requires? |recommend"
    r"|suggest|flag(?:ged)? for|(?:human|manual|legal|compliance) review)"
)
_NO_WORD = lazy_re(
    r"(?:no|none|false|nope|n/?a|0|not (?:needed|required|necessary|applicable|sensitive)"
    r"|unnecessary|skip(?:ped)?|auto[- ]?sen[dt])\b"
)
_SAYS_NO = lazy_re(
    r"\b(?:no (?:human |manual |further )?review|review (?:is )?(?:not (?:needed|required"
    r"|necessary)|unnecessary)|(?:skip|bypass)(?:ped)? (?:the )?(?:human |manual )?review"
    r"|auto[- ]?sen[dt]|safe to (?:auto[- ]?)?send|(?:does not|doesn't|doesn’t) need (?:a |any "
    r"|human |manual )*review|sensitive\W{0,3}(?:no|false)\b|send (?:it )?as[- ]is)"
)
_YES_WORD = lazy_re(
    r"(?:yes|true|y|1|required|needed|recommended|suggested|advised|mandatory|must|please"
    r"|pending|requested)\b"
)
_SAYS_YES = lazy_re(
    r"\b(?:(?:needs?|requires?|should (?:get|have|go through)|recommend(?:ed)?|suggest(?:ed)?)"
    r" (?:a |an |human |manual |legal |compliance )*(?:review|check|sign-?off|approval)|review "
    r"(?:is )?(?:required|needed|recommended|suggested)|should (?:confirm|check|verify|review"
    r"|double-check|approve)|please (?:confirm|check|verify|review|double-check)|before sending)"
)
_REVIEWISH = ("review", "check", "confirm", "verif", "sign", "approv", "sending")
_UNSURE = lazy_re(r"(?:maybe|unsure|unknown|unclear|possibly|perhaps)\b")
_BTN_MD = lazy_re(r"\[([^\]\n]*+)\]\(\s*+([^)\s]*+)\s*+\)")
_BTN_ARROW = lazy_re(r"\s*+(?:->|→|=>|\s[-–—]\s|:\s)\s*+")
_BULLET = lazy_re(r"[ \t]*+(?:[-*+•][ \t]++|\d{1,2}[.)][ \t]++)?+")
_JTOK = lazy_re(
    r"\s*+(?:([{}\[\]:,])|\"((?:[^\"\\]++|\\.)*+)(?:\"|\Z)|'((?:[^'\\]++|\\.)*+)(?:'|\Z)"
    r"|([^\s{}\[\]:,\"']++)|(\Z))",
    re.S,
)
_JDEC = json.JSONDecoder(strict=False)
_ATOMS: dict[str, Any] = {"true": True, "false": False, "null": None, "none": None}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


@dataclass(slots=True)
class _Hit:
    """One label line: where, what it names, and the value written on the same line."""

    line: int
    kind: str
    name: str
    inline: str
    num: str = ""
    part: str = ""


@dataclass(slots=True)
class _Doc:
    """One parse: the lines with their fences and rules, and everything found so far."""

    text: str
    lines: list[str]
    fam: str
    fences: dict[int, int] = field(default_factory=dict)  # line -> partner line (-1: unclosed)
    rules: set[int] = field(default_factory=set)  # horizontal-rule lines
    fields: dict[str, str] = field(default_factory=dict)
    where: dict[str, int] = field(default_factory=dict)  # 1-based line of each found field
    notes: list[str] = field(default_factory=list)
    markers: list[ReviewMarker] = field(default_factory=list)
    extras: dict[str, list[str]] = field(default_factory=dict)
    buttons: list[list[Any]] = field(default_factory=list)  # [label, url, line, number]
    dropped: list[tuple[int, str]] = field(default_factory=list)  # remarks cut from values
    seen: set[str] = field(default_factory=set)  # fields already given a label
    cursor: tuple[int, int] = (0, 0)  # (offset, line) of the last line_of() answer

    def line_of(self, pos: int) -> int:
        """0-based line of offset ``pos`` (linear over calls with growing offsets)."""
        at, line = self.cursor if pos >= self.cursor[0] else (0, 0)
        self.cursor = (pos, line + self.text.count("\n", at, pos))
        return self.cursor[1]

    def put(self, kind: str, value: str, line: int) -> None:
        target = _ROUTES[self.fam].get(kind)
        if target == "?":
            target = "body_html" if _TAG.search(value) else "body_text"
        if value and target and target not in self.fields:
            self.fields[target], self.where[target] = value, line + 1

    def extra(self, key: str, value: str) -> None:
        if value:
            self.extras.setdefault(key, []).append(value)

    def note(self, value: str, line: int, source: str) -> None:
        if value:
            self.where.setdefault("channel_notes", line + 1)
            self.notes.append(value)
            self.mark(source, value, "notes", line)

    def keep_dropped(self) -> None:
        """Remarks cut from the end of values become notes (their review verdicts count)."""
        for line, remark in self.dropped:
            self.note(remark, line, "NOTE")
        self.dropped.clear()

    def mark(self, source: str, value: Any, kind: str, line: int) -> None:
        args: dict[str, Any]
        verdict = _verdict(value, kind)
        if kind != "notes" or verdict is not None:
            text = json.dumps(value) if isinstance(value, bool) or value is None else str(value)
            args = {"source": source, "value": text, "needs_review": verdict, "line": line + 1}
            self.markers.append(ReviewMarker.model_construct(**args))

    def button(self, label: str | None, url: str | None, line: int, num: str = "") -> None:
        """Add a button, or complete an earlier one from a separate label or URL line."""
        label, url, buttons = label or None, url or None, self.buttons
        if num:
            last = next((b for b in buttons if b[3] == num), None)
        else:
            last = buttons[-1] if buttons and not buttons[-1][3] else None
        if last is not None and url is None and last[0] is None:
            last[0], last[2] = label, line + 1
        elif last is not None and label is None and last[1] is None:
            last[1] = url
        elif label or url:
            buttons.append([label, url, line + 1, num])


def _verdict(value: Any, kind: str) -> bool | None:
    """What a review or sensitive marker, or a note, says about human review."""
    if isinstance(value, bool):
        return value
    low = str(value).lower().lstrip(_EDGE).strip()
    no = _SAYS_NO.search(low) if "review" in low or "send" in low or "sensitive" in low else None
    yes = _SAYS_YES.search(low) if any(w in low for w in _REVIEWISH) else None
    if kind == "notes":
        return False if no else True if yes else None
    if not low or no or _NO_WORD.match(low):
        return None if not low else False
    if kind == "sensitive":
        return None if _UNSURE.match(low) else True
    return True if yes or _YES_WORD.match(low) else None


def _norm(name: str) -> str:
    """Lowercase letters and digits only: ``Body (HTML)`` -> ``bodyhtml``."""
    key = name.replace(" ", "").replace("_", "").lower()
    return key if key.isalnum() else _NONALNUM.sub("", key)


def _snake(name: str) -> str:
    return _NONALNUM.sub("_", _CAMEL.sub("_", name)).strip("_").lower() or "label"


def _kind_of(norm: str) -> tuple[str | None, bool, str, str]:
    """(kind, prose, button number, button part) of a normalized label name."""
    if (hit := _ALIASES.get(norm)) is not None:
        return hit[0], hit[1], "", hit[2]
    if (m := _BUTTON_KEY.fullmatch(norm)) is None:
        return None, False, "", ""
    part = "" if not m[2] else "url" if m[2] in ("url", "link", "href", "deeplink") else "label"
    return "button", False, m[1], part


def _button_spec(spec: str) -> tuple[str, str]:
    """``label | url``, ``label -> url``, ``[label](url)`` or ``label: url`` → (label, url)."""
    spec = spec[_BULLET.match(spec).end() :].strip()  # type: ignore[union-attr]
    label, url = spec, ""
    if len(spec) > 500:
        pass
    elif m := _BTN_MD.search(spec):
        label, url = m[1], m[2]
    elif "|" in spec:
        label, _, url = spec.partition("|")
    elif len(parts := _BTN_ARROW.split(spec, maxsplit=1)) == 2 and (
        "://" in parts[1] or any(arrow in spec for arrow in ("->", "→", "=>"))
    ):
        label, url = parts
    elif "://" in spec and " " not in spec:
        label, url = "", spec
    return label.strip(" \"'`*“”"), url.strip().strip("<>\"'`")


# Tolerant JSON: trailing commas, single quotes, raw newlines, bare words and truncation.
class _Obj(list[tuple[str, int, Any, int, int]]):
    """JSON object members: key, key offset, value, value start and end offsets."""


class _Arr(list[tuple[int, Any]]):
    """JSON array items with their offsets."""


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    try:
        return str(_JDEC.decode(f'"{text}"'))
    except ValueError:
        return _ESC.sub(lambda m: _ESCAPES.get(m[1], m[1]) if len(m[1]) == 1 else chr(
            int(m[1][1:], 16)), text)  # fmt: skip


def _jvalue(text: str, pos: int, depth: int) -> tuple[Any, int, int]:
    """(value, start, end) of the JSON value at ``pos``; ValueError when there is none."""
    m = _JTOK.match(text, pos)
    if m is None or depth > 40 or m[1] in ("}", "]", ":", ","):
        raise ValueError(pos)
    start, end = m.start(m.lastindex or 0), m.end()
    if m[1] is None:  # a string, a bare word or number (kept as written), or truncation
        value = m[2] if m[2] is not None else m[3] if m[3] is not None else m[4]
        if m[4] is not None:
            return _ATOMS.get(value.lower(), value), start, end
        return (None if value is None else _unescape(value)), start, end
    box: _Obj | _Arr = _Obj() if m[1] == "{" else _Arr()
    while (t := _JTOK.match(text, end)) is not None and len(box) < _MAX_ITEMS:
        if t[5] is not None or t[1] in ("}", "]"):
            return box, start, t.end()
        if t[1] == ",":
            end = t.end()
        elif isinstance(box, _Arr):
            value, vstart, end = _jvalue(text, end, depth + 1)
            box.append((vstart, value))
        elif t[1] is None and (c := _JTOK.match(text, t.end())) is not None and c[1] == ":":
            value, vstart, end = _jvalue(text, c.end(), depth + 1)
            key = t[2] if t[2] is not None else t[3] if t[3] is not None else t[4]
            box.append((_unescape(key), t.start(t.lastindex or 0), value, vstart, end))
        else:
            break
    raise ValueError(end)


def _text(value: Any) -> str:
    """A JSON value as message text ('' for null, booleans and containers)."""
    return value.strip() if isinstance(value, str) else ""


def _json_button(doc: _Doc, item: Any, line: int, located: bool = True) -> None:
    if isinstance(item, _Obj):
        label = url = None
        for key, kpos, value, _, _ in item:
            if (norm := _norm(key)) in _LABEL_KEYS and label is None:
                label, line = _text(value), doc.line_of(kpos) if located else line
            elif norm in _URL_KEYS and url is None:
                url = _text(value)
        doc.button(label or "", url or "", line)
    elif isinstance(item, str):
        for spec in item.strip().split("\n"):
            doc.button(*_button_spec(spec), line)


def _from_json(doc: _Doc, obj: _Obj, depth: int = 0) -> bool:
    """Map JSON members onto the draft; True when any known key was found."""
    known = False
    for key, kpos, value, vstart, vend in obj:
        kind, _, num, part = _kind_of(_norm(key))
        line, raw = doc.line_of(kpos), value if isinstance(value, str) else doc.text[vstart:vend]
        if kind is None and isinstance(value, _Obj) and depth < 3:
            known |= _from_json(doc, value, depth + 1)  # a wrapper such as {"email": {...}}
        elif kind in (None, "meta"):
            doc.extra(_snake(key), raw)
        elif kind in ("button", "buttons") and doc.fam == "push":
            for ipos, item in value if isinstance(value, _Arr) else [(vstart, value)]:
                if part and not isinstance(item, _Obj):
                    url = _text(item) if part == "url" else None
                    doc.button(None if url else _text(item), url, doc.line_of(ipos), num)
                else:
                    _json_button(doc, item, doc.line_of(ipos))
        elif kind in ("review", "sensitive"):
            doc.mark(key, value, kind, line)
        elif kind in ("notes", "note"):
            doc.note(_text(value), line, key)
        elif isinstance(value, _Obj):
            _from_json(doc, value, depth + 1)
        elif kind in _ROUTES[doc.fam]:
            doc.put(kind, _text(value), line)
        else:
            doc.extra(_snake(key), raw)
        known = known or kind not in (None, "meta")
    return known


def _label(doc: _Doc, m: re.Match[str], i: int, prev_hit: int) -> _Hit | None:
    """The label matched on line ``i``, if the match really is one."""
    name = m["name"]
    kind, prose, num, part = _kind_of(_norm(name))
    target = _ROUTES[doc.fam].get(kind or "")
    if kind is None or (kind == "button" and prose and target is None):
        return None
    deco = bool(m["hash"]) or not {"**", "__"}.isdisjoint((m["open"], m["close"]))
    strong = deco or "_" in name or (name.isupper() and len(name) > 1)
    line = doc.lines[i]
    inline = line[m.end() - m.start() - 1 :]
    if m["dash"] is not None:  # "Subject - Hi": only distinctive labels, never prose words
        if (
            prose
            or kind in _META_KINDS
            or not inline.strip()
            or line[m.start("dash") - m.start() - 2] == "-"
        ):
            return None
    elif m["colon"] is None:
        if prose and not strong:
            return None
        inline = ""
    p = i - 1
    brk = p < 0 or p == prev_hit or p in doc.fences or p in doc.rules or not doc.lines[p].strip()
    if kind == "note":  # message text unless bold, or a paragraph of remarks about the draft
        context = " ".join([inline, *doc.lines[i + 1 : i + 4]]).lower()
        if not (deco or (brk and _NOTE_META.search(context))):
            return None
    elif (prose or target is None or kind in _META_KINDS) and not strong and not brk:
        return None
    if target is not None and "button" not in kind:
        if target in doc.seen:
            return None  # a repeated field label stays in the text of the field before it
        doc.seen.add(target)
    return _Hit(i, kind, name, inline, num, part)


def _is_chatter(text: str, *, first: bool = False, loose: bool = False) -> bool:
    """A paragraph addressed to the requester ("Want me to…", "Let me know if you'd like…")."""
    low = text[:601].lower().lstrip(_EDGE)
    if len(text) > 600 or (loose and _LOOSE.match(low)):
        return len(text) <= 600
    if (m := _OPENER.match(low)) is None:
        return not first and len(low) <= 100 and _COUNT_REMARK.match(low) is not None
    if first:  # all the value has: only an offer about the draft itself is chatter
        return _META.search(low, m.end()) is not None
    return m["strong"] is not None or _REQUESTER.search(low, m.end()) is not None


def _is_review_remark(text: str) -> bool:
    """A paragraph saying only whether the draft needs human review, not addressed to the
    recipient ("No review needed.", "Auto-send approved.", "Needs a compliance review.")."""
    if len(text) > 300:
        return False
    low = text.lower().lstrip(_EDGE)
    if _REMARK.match(low) is None or "you" in low:
        return False
    return _verdict(low, "notes") is not None


def _is_preamble(line: str, alone: bool = False) -> bool:
    """A first line that introduces the output to the requester ("Here's the SMS:"); when it
    is a paragraph of its own, any "Here's …:" line ("Here's the weekly update for #ops:")."""
    low = line.strip().strip("*_#> ").lower()
    if (m := _COURTESY.match(low)) and not (low := low[m.end() :]):
        return True
    if not low or len(low) > 200:
        return False
    if (here := _HERE.match(low)) and here["go"]:
        return True
    if low.endswith(":"):  # "Here's the email:", not a message line ending in an emoji ":tada:"
        return _SHORTCODE_END.search(low) is None and "://" not in low and (
            _TARGET.search(low) is not None or (alone and here is not None))
    return bool(here and _TARGET.search(low)) and low[-1] in ".!"


def _clean(doc: _Doc, first: int, texts: list[str], multi: bool, inline: bool) -> tuple[int, int]:
    """Bounds of a value (lines ``first``…) without blank edges, wrapping fences and chatter."""
    lo, hi, rules = 0, len(texts), doc.rules
    for k in range(hi - 1, max(0, hi - 40), -1) if multi and rules else ():
        if first + k in rules:  # "---" then only remarks: cut, keeping notes as notes
            paras = "\n".join(texts[k + 1 :]).strip().split("\n\n")
            if paras[0] and all(_is_chatter(p, loose=True) for p in paras):
                notes = (p for p in paras if _LOOSE.match(p.lower().lstrip(_EDGE)))
                doc.dropped.extend((first + k + 1, p) for p in notes)
                hi = k
            break
    fenced = bool(doc.fences) or (inline and texts[0][:1] in "`~")
    for _ in range(64):
        while lo < hi and (not texts[lo] or texts[lo].isspace() or first + lo in rules):
            lo += 1
        while hi > lo and (not texts[hi - 1] or texts[hi - 1].isspace() or first + hi - 1 in rules):
            hi -= 1
        if lo >= hi:
            break
        if fenced and _wraps(doc, first, texts, lo, lo, hi, inline):
            lo += 1
        elif fenced and _wraps(doc, first, texts, hi - 1, lo, hi, inline):
            hi -= 1
        elif multi and not (lo == 0 and inline) and _is_preamble(
                texts[lo], lo + 1 < hi and not texts[lo + 1].strip()):
            lo += 1
        elif multi and (cut := _chatter_cut(doc, first, texts, lo, hi)) < hi:
            hi = cut
        else:
            break
    return lo, hi


def _wraps(doc: _Doc, first: int, texts: list[str], k: int, lo: int, hi: int, inline: bool) -> bool:
    """Line ``k`` is a code fence whose partner is not inside the value: unwrap it."""
    n = first + k
    if n not in doc.fences and not (k == 0 and inline and _FENCE.fullmatch(texts[0].strip())):
        return False
    return not first + lo < doc.fences.get(n, -1) < first + hi - 1


def _chatter_cut(doc: _Doc, first: int, texts: list[str], lo: int, hi: int) -> int:
    """New end of a value once a trailing chatter paragraph (or last line) is dropped."""
    k = hi - 1
    while k > lo and hi - k < 30 and texts[k - 1].strip():
        k -= 1
    for start in (k,) if k == hi - 1 else (k, hi - 1):
        para = "\n".join(texts[start:hi])
        if start > lo and not texts[start - 1].strip() and _is_review_remark(para):
            doc.dropped.append((first + start, para.strip()))
            return start
        if (start == lo or not texts[start - 1].strip() or start == hi - 1) and _is_chatter(
            para, first=start == lo
        ):
            if _LOOSE.match(para.lower().lstrip(_EDGE)):
                doc.dropped.append((first + start, para.strip()))
            return start
    return hi


def _apply(doc: _Doc, hits: list[_Hit], stop: int, *, meta_only: bool, orphans: bool) -> None:
    """Store every label's value; unlabelled text may then fill the channel's main field."""
    loose: list[tuple[int, list[str]]] = []
    for k, h in enumerate(hits):
        end = hits[k + 1].line if k + 1 < len(hits) else len(doc.lines)
        end = stop if h.line < stop < end else end
        texts = [h.inline, *doc.lines[h.line + 1 : end]]
        if h.kind in _SINGLE:
            a, b = (0, 1) if h.inline.strip() else _clean(doc, h.line, texts, False, False)
            loose.append((h.line + a + 1, texts[a + 1 :]))
            b = min(b, a + 1)
        else:
            a, b = _clean(doc, h.line, texts, h.kind not in _META_KINDS, bool(h.inline.strip()))
        value, line = "\n".join(texts[a:b]).strip(), h.line + a if a < b else h.line
        if meta_only and h.kind not in _META_KINDS:
            continue
        if h.kind == "buttons" and doc.fam == "push":
            try:
                items = _jvalue(value, 0, 0)[0] if value[:1] in "[{" else None
            except ValueError:
                items = None
            rows = enumerate(texts[a:b], h.line + a) if items is None else [(line, items)]
            for n, item in items if isinstance(items, _Arr) else rows:
                _json_button(doc, item, line if items else n, located=False)
        elif h.kind == "button" and doc.fam == "push":
            label, url = (value, None) if h.part == "label" else (None, value)
            if not h.part:
                label, url = _button_spec(value)
            doc.button(label, url, line, h.num)
        elif h.kind in ("notes", "note"):
            doc.note(value, line, _snake(h.name).upper())
        elif h.kind in ("sensitive", "review"):
            if value:
                doc.mark(_snake(h.name).upper(), value, h.kind, line)
        elif h.kind in _ROUTES[doc.fam]:
            doc.put(h.kind, value, line)
        else:
            doc.extra(_snake(h.name), value)
    doc.keep_dropped()
    wanted = ("body_html", "body_text") if doc.fam == "email" else (_ROUTES[doc.fam]["body"],)
    if not orphans or (doc.fam == "email" and any(h.kind in _EMAIL_BODY for h in hits)):
        return  # an email's unlabelled text is never a body once any body label exists
    first = hits[0].line if hits else len(doc.lines)
    loose.append((0, doc.lines[:first]))  # text before the first label is tried last
    for start, texts in loose:
        if all(f in doc.fields for f in wanted):
            break
        a, b = _clean(doc, start, texts, True, False)
        if a < b:
            doc.put("body", "\n".join(texts[a:b]).strip(), start + a)
    doc.keep_dropped()


def _build(raw: str, channel: str, doc: _Doc) -> Draft:
    fields: dict[str, Any] = dict(doc.fields)
    if doc.fam == "push":
        fields["buttons"] = [
            Button(label=b[0] or "", url=b[1] or "", line=b[2]) for b in doc.buttons
        ]
        doc.where.update({f"buttons[{i}]": b[2] for i, b in enumerate(doc.buttons)})
    if (required := _REQUIRED.get(channel)) is None:
        required = _REQUIRED[channel] = tuple(profile(channel).required)
    # Every value above is built with its declared type, so this hot path skips validation
    # (tests re-validate parsed drafts).
    return trusted_draft(DRAFT_TYPES[channel], {
        "channel": channel,
        "raw": raw,
        "lines": doc.where,
        "missing": [f for f in required if f not in doc.fields],
        "channel_notes": "\n\n".join(doc.notes) or None,
        "review_markers": doc.markers,
        "extra_labels": {k: "\n".join(v) for k, v in doc.extras.items()},
        "structure_ok": bool(fields.get("buttons") or doc.fields),
        **fields,
    })


def _parse(raw: str, channel: str) -> Draft:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    doc = _Doc(text, text.split("\n"), _FAMILY[channel])
    if not text.strip():
        return _build(raw, channel, doc)
    hits: list[_Hit] = []
    opened, run, js, line, pos, src = -1, "", -1, 0, 0, "\n" + text
    for count, m in enumerate(_SCAN.finditer(src)):
        if count == _MAX_MARKS:
            break  # no real reply has this many label, fence or rule lines: the rest is text
        line, pos = line + src.count("\n", pos + 1, m.start() + 1), m.start()
        if m["name"] is not None:
            hit = _label(doc, m, line, hits[-1].line if hits else -1)
            hits += [hit] if hit else []
        elif m["rule"] is not None:
            doc.rules.add(line)
        elif m["json"] is not None:
            js = m.end() - 2 if js < 0 else js
        elif opened < 0:
            opened, run, doc.fences[line] = line, m["fence"], -1
        elif not m["info"].strip() and m["fence"][0] == run[0] and len(m["fence"]) >= len(run):
            doc.fences[opened], doc.fences[line], opened = line, opened, -1
    jsonish, first = False, doc.line_of(js) if js >= 0 else len(doc.lines)
    if first < next((h.line for h in hits if h.kind not in _META_KINDS), len(doc.lines)):
        alt = _Doc(text, doc.lines, doc.fam, doc.fences, doc.rules)  # JSON before any field label
        try:
            obj, _, end = _jvalue(text, js, 0)
            found = isinstance(obj, _Obj) and _from_json(alt, obj)
        except ValueError:
            found, end = False, js
        if found:
            last = alt.line_of(end)
            meta = [h for h in hits if h.kind in _META_KINDS and not first <= h.line <= last]
            _apply(alt, meta, first, meta_only=True, orphans=False)
            return _build(raw, channel, alt)
        jsonish = _JSONISH.match(doc.lines[first]) is not None
    _apply(doc, hits, len(doc.lines), meta_only=False, orphans=not jsonish)
    return _build(raw, channel, doc)


def parse_output(raw: str, channel: str) -> Draft:
    """Parse a raw model reply for ``channel`` into its typed Draft.

    Never raises on content; an unknown channel name raises ConfigurationError.
    """
    name = normalize_channel(channel)
    try:
        return _parse(raw, name)
    except Exception:  # last resort: unparseable content is a violation, never an exception
        return _build(raw if isinstance(raw, str) else "", name, _Doc("", [], _FAMILY[name]))
