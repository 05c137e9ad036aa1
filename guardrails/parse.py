"""Tolerant structured-output parser: a raw LLM reply becomes a typed channel `Draft`.

Reads label lines, code fences, JSON objects, preambles and trailing chatter. It never raises
on content; only an unknown channel name raises `ConfigurationError`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from guardrails.models import DRAFT_TYPES, Button, Draft, ReviewMarker, normalize_channel
from guardrails.profiles import profile

__all__ = ["parse_output"]

# --- label vocabulary: normalized name (lowercase alphanumerics) -> (kind, prose, button part).
# "prose" names are ordinary words: they need a colon and, undecorated, a paragraph start.
_ALIASES: dict[str, tuple[str, bool, str]] = {}
for _kind, _names in {
    "subject": "subject subjectline emailsubject",
    "preheader": "preheader preheadertext previewtext preview* inboxpreview",
    "html": "bodyhtml htmlbody html* htmlversion emailhtml htmlemail htmlcontent",
    "plain": "bodytext textbody plaintext plaintextbody plaintextversion textversion bodyplaintext"
    " bodyplain plainbody plaintextfallback textfallback fallbacktext plainversion",
    "body": "body* emailbody messagebody bodycopy pushbody notificationbody inappbody copy*",
    "main": "text* message* messagetext content*",
    "sms": "sms smstext smsmessage textmessage smsbody smscopy",
    "slack": "slack slackmessage slacktext slackdm slackpost dm* directmessage",
    "title": "title headline pushtitle notificationtitle inapptitle heading*",
    "buttons": "buttons ctas actions*",
    "button": "link*:url url*:url deeplink:url deeplinkurl:url",
    "notes": "channelnotes notes* internalnotes reviewernotes notesforreviewer rationale* reasoning*",
    "note": "note*",
    "sensitive": "sensitive sensitivity sensitivecontent sensitivetopics",
    "review": "review* needsreview humanreview reviewneeded reviewrequired requiresreview"
    " manualreview reviewstatus humanreviewneeded humanreviewrequired",
    "meta": "channel* wordcount words* charcount charactercount characters* chars* length*"
    " segments* segmentcount encoding* tone* audience* goal* language* format* to* from*"
    " recipient* personalization* personalisation* variant*",
}.items():
    for _entry in _names.split():
        _name, _, _part = _entry.partition(":")
        _ALIASES[_name.rstrip("*")] = (_kind, _name.endswith("*"), _part)

_FAMILY = {
    "email": "email",
    "sms": "sms",
    "slack_dm": "slack",
    "slack_channel": "slack",
    "push": "push",
    "in_app": "push",
}
# kind -> draft field per channel family; "?" = email body, HTML or plain by content.
_ROUTES: dict[str, dict[str, str]] = {
    "email": {
        "subject": "subject",
        "preheader": "preheader",
        "html": "body_html",
        "plain": "body_text",
        "body": "?",
        "main": "body_text",
    },
    "sms": {"sms": "text", "main": "text", "body": "text"},
    "slack": {"slack": "text", "main": "text", "body": "text"},
    "push": {
        "title": "title",
        "body": "body",
        "main": "body",
        "button": "buttons",
        "buttons": "buttons",
    },
}
_MAIN = {"email": "?", "sms": "text", "slack": "text", "push": "body"}
_SINGLE = frozenset({"subject", "preheader", "title", "button", "sensitive", "review", "meta"})
_META_KINDS = frozenset({"notes", "note", "sensitive", "review", "meta"})
_BOLD = ("**", "__")
_URL_PARTS = frozenset({"url", "link", "href", "deeplink"})
_LABEL_KEYS = frozenset({"label", "text", "title", "name", "cta", "buttonlabel", "buttontext"})
_URL_KEYS = frozenset(
    {"url", "link", "href", "deeplink", "deeplinkurl", "uri", "action", "target", "buttonurl"}
)

# --- patterns (compiled once; every one is linear-time: possessive or bounded).
_LABEL = re.compile(
    r"[ \t]*+(?:[-+•][ \t]++|\*[ \t]++|\d{1,2}[.)][ \t]++)?+(?P<hash>#{1,6}[ \t]*+)?+"
    r"(?P<q>[\"'])?+(?P<open>\*\*|__|\*|_)?+"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*+(?:(?:[ _\-/]|[ _]?\()[A-Za-z0-9]++\)?+){0,4}+)"
    r"(?(q)(?P=q))(?P<close>\*\*|__|\*|_)?+[ \t]*+"
    r"(?:(?P<colon>:)|(?P<dash>[-–—](?=[ \t]))|(?=[*_ \t]*+$))"
    r"(?(close)|(?(open)(?:\*\*|__|\*|_)?+))[ \t]*+"
)
_BUTTON_KEY = re.compile(
    r"(?:primary|secondary)?(?:button|cta)(\d{0,2})(label|text|title|name|url|link|href|deeplink)?"
)
_NONALNUM = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_FENCE = re.compile(r"(`{3,}+|~{3,}+)[ \t]*+([^`\n]*+)")
_HR = re.compile(r"[ \t]*+(?:[-*_][ \t]*+){3,}+")
_JUNK = re.compile(r"[ \t]*+[\]\[{}],?[ \t]*+")
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9]*+(?:\s[^<>]*+)?/?)>")
_ESC = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
_LEAD = re.compile(r"[\s*_>#(\[-]*+")
_COURTESY = re.compile(
    r"(?:sure|certainly|of course|absolutely|okay|ok|great|got it|no problem)\b[!.,:]*+\s*+"
)
_HERE_START = re.compile(
    r"(?:here(?:'s|’s| is| are)|below (?:is|are)|the following|this is (?:a|the|your)"
    r"|i(?:'ve|’ve| have) (?:drafted|written|created|prepared|put together))\b"
)
_HERE_GO = re.compile(r"(?:here (?:you go|it is|you are)|below)[:.!]*+")
_TARGET = re.compile(
    r"\b(?:drafts?|e-?mails?|messages?|texts?|dms?|sms|versions?|notifications?|posts?|push"
    r"|slack|replies|reply|subject(?: lines?)?|announcements?|options?|variants?|templates?"
    r"|json|output|html|in-app)\b"
)
_OPENER = re.compile(
    r"(?:(?:sure|certainly|of course|absolutely|okay|ok|great)\W++)?(?:(?P<strong>want me to"
    r"|do you want me to|would you like me to|shall i|should i|i can also|i could also"
    r"|i can (?:make|adjust|tweak|shorten|rewrite|add|create|draft|write)|i hope this helps"
    r"|hope this helps|happy to (?:adjust|tweak|revise|make|change|shorten|rewrite)"
    r"|i(?:'ve|’ve| have)? (?:kept|added|included|used|made|written|drafted|tailored"
    r"|personali[sz]ed|adjusted|removed|avoided|focused|aimed))"
    r"|(?P<weak>let me know|feel free|would you like|do you want|if you(?:'d| would)? "
    r"(?:like|want|need|prefer)|need any|any (?:changes|tweaks|feedback|edits)"
    r"|this (?:email|message|sms|text|version|draft|dm|post|notification|push|one)"
    r"|(?:word|character|char) count|notes?:|note\b|why this works))\b"
)
_META_WORDS = (
    r"\b(?:versions?|variants?|variations?|drafts?|tone|formal|casual|friendlier|shorter|longer"
    r"|punchier|adjust\w*+|tweak\w*+|(?:any|other|further|more) changes|changes to (?:the|this|it)"
    r"|edits?|revis\w*+|rewrites?|alternatives?|subject lines?|wording|personali[sz]\w*+"
    r"|characters?|chars|word count|placeholders?|this helps)\b"
)
_META = re.compile(_META_WORDS)
_REQUESTER = re.compile(_META_WORDS + r"|\bme\b|\bhelps\b")
_NOTE_META = re.compile(_META_WORDS + r"|\bi\b|\bi'\w+|\breview|\bsensitive|\bsend")
_LOOSE = re.compile(r"(?:note|notes|why|tone|rationale|reasoning|word count|char|length)\b")
_REVIEW_NO = re.compile(
    r"(?:no|none|false|nope|n/?a|0|not (?:needed|required|necessary|applicable|sensitive)"
    r"|unnecessary|skip(?:ped)?|auto[- ]?sen[dt])\b"
)
_REVIEW_YES = re.compile(
    r"(?:yes|true|y|1|required|needed|recommended|suggested|advised|mandatory|must|please"
    r"|pending|requested)\b"
)
_UNSURE = re.compile(r"(?:maybe|unsure|unknown|unclear|possibly|perhaps)\b")
_SAYS_NO = re.compile(
    r"\b(?:no (?:human |manual |further |additional )?review|review (?:is )?(?:not (?:needed"
    r"|required|necessary)|unnecessary)|(?:skip|bypass)(?:ped)? (?:the )?(?:human |manual )?"
    r"review|auto[- ]?sen[dt]|safe to (?:auto[- ]?)?send|(?:does not|doesn't|doesn’t) need "
    r"(?:a |any |human |manual )*review|no need (?:for|to) (?:a |any |human |manual )*"
    r"(?:review|check))"
)
_SAYS_YES = re.compile(
    r"\b(?:(?:needs?|requires?|should (?:get|have|go through)|recommend(?:ed)?|suggest(?:ed)?)"
    r" (?:a |an |some |human |manual |legal |compliance |quick )*(?:review|check|sign-?off"
    r"|approval)|review (?:is )?(?:required|needed|recommended|suggested|advised)|should "
    r"(?:confirm|check|verify|review|double-check|approve)|please (?:confirm|check|verify"
    r"|review|double-check)|before sending)"
)
_BTN_MD = re.compile(r"\[([^\]\n]*+)\]\(\s*+([^)\s]*+)\s*+\)")
_BTN_ARROW = re.compile(r"\s*+(?:->|→|=>|\s[-–—]\s|:\s)\s*+")
_BTN_PAREN = re.compile(r"(.*?)\s*+\(\s*+(\S+?)\s*+\)")
_BULLET = re.compile(r"[ \t]*+(?:[-*+•][ \t]++|\d{1,2}[.)][ \t]++)?+")
_JTOK = re.compile(
    r"\s*+(?:([{}\[\]:,])|\"((?:[^\"\\]++|\\.)*+)(?:\"|\Z)|'((?:[^'\\]++|\\.)*+)(?:'|\Z)"
    r"|([^\s{}\[\]:,\"']++)|(\Z))",
    re.S,
)
_JDEC = json.JSONDecoder(strict=False)
_ATOMS: dict[str, Any] = {"true": True, "false": False, "null": None, "none": None}
_REQUIRED: dict[str, tuple[str, ...]] = {}


@dataclass(slots=True)
class _Hit:
    """One recognised label line (0-based line index)."""

    line: int
    kind: str
    key: str
    inline: str
    quoted: bool
    num: str
    part: str


@dataclass(slots=True)
class _Out:
    """Everything found so far, in draft terms."""

    fam: str
    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    markers: list[ReviewMarker] = field(default_factory=list)
    extras: dict[str, str] = field(default_factory=dict)
    buttons: list[list[Any]] = field(default_factory=list)  # [label, url, line, number]

    def put(self, kind: str, value: str, line: int) -> None:
        """Store a message field (first one wins) or, for another channel's field, an extra."""
        target = _ROUTES[self.fam].get(kind)
        if target == "?":
            target = "body_html" if _TAG.search(value) else "body_text"
        if value and target and target not in self.fields:
            self.fields[target] = value
            self.lines[target] = line + 1

    def extra(self, key: str, value: str) -> None:
        if value:
            old = self.extras.get(key)
            self.extras[key] = value if old is None else f"{old}\n{value}"

    def note(self, value: str, line: int, source: str) -> None:
        if value:
            self.lines.setdefault("channel_notes", line + 1)
            self.notes.append(value)
            self.mark(source, value, "notes", line)

    def mark(self, source: str, value: Any, kind: str, line: int) -> None:
        verdict = _verdict(value, kind)
        if kind != "notes" or verdict is not None:
            text = json.dumps(value) if isinstance(value, bool) or value is None else str(value)
            self.markers.append(
                ReviewMarker(source=source, value=text, needs_review=verdict, line=line + 1)
            )

    def button(self, label: str | None, url: str | None, line: int, num: str = "") -> None:
        """Add a button, or complete an earlier one from a separate label or URL line."""
        label, url = label or None, url or None
        target = (
            next((b for b in self.buttons if b[3] == num), None)
            if num
            else (self.buttons[-1] if self.buttons and not self.buttons[-1][3] else None)
        )
        if target is not None and url is None and target[0] is None:
            target[0], target[2] = label, line + 1
        elif target is not None and label is None and target[1] is None:
            target[1] = url
        elif label or url:
            self.buttons.append([label, url, line + 1, num])


def _verdict(value: Any, kind: str) -> bool | None:
    """What a review/sensitive marker or a note says about human review."""
    if isinstance(value, bool):
        return value
    low = _LEAD.sub("", str(value).lower(), count=1).strip()
    if kind == "notes":
        return False if _SAYS_NO.search(low) else True if _SAYS_YES.search(low) else None
    if not low:
        return None
    if _REVIEW_NO.match(low) or _SAYS_NO.search(low):
        return False
    if kind == "sensitive":
        return None if _UNSURE.match(low) else True
    return True if _REVIEW_YES.match(low) or _SAYS_YES.search(low) else None


def _snake(name: str) -> str:
    return _NONALNUM.sub("_", _CAMEL.sub("_", name)).strip("_").lower() or "label"


def _kind_of(norm: str) -> tuple[str | None, bool, str, str]:
    """(kind, prose, button number, button part) of a normalized label name."""
    hit = _ALIASES.get(norm)
    if hit is not None:
        return hit[0], hit[1], "", hit[2]
    m = _BUTTON_KEY.fullmatch(norm)
    if m is None:
        return None, False, "", ""
    part = m[2] or ""
    return "button", False, m[1], ("url" if part in _URL_PARTS else "label" if part else "")


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    try:
        return str(_JDEC.decode(f'"{text}"'))
    except ValueError:
        return _ESC.sub(
            lambda m: (
                chr(int(m[1][1:], 16))
                if len(m[1]) == 5 and m[1][0] == "u"
                else _ESCAPES.get(m[1], m[1])
            ),
            text,
        )


# --- tolerant JSON: trailing commas, single quotes, raw newlines, bare words, truncation.
class _Obj(list[tuple[str, int, Any, int, int]]):
    """JSON object members: key, key offset, value, value start and end offsets."""


class _Arr(list[tuple[int, Any]]):
    """JSON array items with their offsets."""


def _jvalue(text: str, pos: int, depth: int) -> tuple[Any, int, int]:
    """Parse one value at ``pos``: (value, start, end); raises ValueError when it is not JSON."""
    m = _JTOK.match(text, pos)
    if m is None or depth > 40:
        raise ValueError
    start, end = m.start(m.lastindex or 5), m.end()
    if m[1] is None:
        if m[2] is not None or m[3] is not None:
            return _unescape(m[2] if m[2] is not None else m[3]), start, end
        if m[4] is not None:
            word = m[4]
            if word.lower() in _ATOMS:
                return _ATOMS[word.lower()], start, end
            try:
                return (
                    (float(word) if "." in word or "e" in word.lower() else int(word)),
                    start,
                    end,
                )
            except ValueError:
                return word, start, end
        return None, start, end
    if m[1] not in "[{":
        raise ValueError
    container: _Obj | _Arr = _Obj() if m[1] == "{" else _Arr()
    closer = "}" if m[1] == "{" else "]"
    while True:
        t = _JTOK.match(text, end)
        if t is None:
            raise ValueError
        if t[5] is not None or t[1] == closer:
            return container, start, t.end()
        if t[1] == ",":
            end = t.end()
            continue
        if isinstance(container, _Arr):
            value, vstart, end = _jvalue(text, end, depth + 1)
            container.append((vstart, value))
            continue
        key = t[2] if t[2] is not None else t[3] if t[3] is not None else t[4]
        colon = _JTOK.match(text, t.end())
        if key is None or colon is None or colon[1] != ":":
            raise ValueError
        value, vstart, end = _jvalue(text, colon.end(), depth + 1)
        container.append((_unescape(key), t.start(t.lastindex or 5), value, vstart, end))


def _button_spec(spec: str) -> tuple[str, str]:
    """``label | url``, ``label -> url``, ``[label](url)``, ``label (url)`` → (label, url)."""
    spec = spec[_BULLET.match(spec).end() :].strip()  # type: ignore[union-attr]
    if len(spec) > 500:
        return spec, ""
    label, url = spec, ""
    if m := _BTN_MD.search(spec):
        label, url = m[1], m[2]
    elif "|" in spec:
        label, _, url = spec.partition("|")
    elif (m := _BTN_PAREN.fullmatch(spec)) and ("://" in m[2] or m[2].startswith("/")):
        label, url = m[1], m[2]
    else:
        parts = _BTN_ARROW.split(spec, maxsplit=1)
        if len(parts) == 2 and ("->" in spec or "→" in spec or "=>" in spec or "://" in parts[1]):
            label, url = parts
        elif "://" in spec and " " not in spec:
            label, url = "", spec
    return _strip_quotes(label.strip()), url.strip().strip("<>\"'`")


def _strip_quotes(text: str) -> str:
    for pair in ('""', "''", "``", "“”", "**"):
        if len(text) > len(pair) and text.startswith(pair[0]) and text.endswith(pair[-1]):
            return text[len(pair) // 2 : -(len(pair) // 2)].strip()
    return text


def _text(value: Any) -> str:
    """A JSON scalar as message text ('' for null, booleans and containers)."""
    if isinstance(value, str):
        return value.strip()
    return "" if isinstance(value, bool | _Obj | _Arr) or value is None else str(value)


def _json_button(out: _Out, item: Any, pos: int, line_of: Callable[[int], int]) -> None:
    if isinstance(item, _Obj):
        label = url = None
        line = line_of(pos)
        for key, kpos, value, _, _ in item:
            norm = _NONALNUM.sub("", key).lower()
            if norm in _LABEL_KEYS and label is None:
                label, line = _text(value), line_of(kpos)
            elif norm in _URL_KEYS and url is None:
                url = _text(value)
        out.button(label or "", url or "", line)
    elif isinstance(item, str) and item.strip():
        out.button(*_button_spec(item), line_of(pos))


def _from_json(obj: _Obj, out: _Out, text: str, line_of: Callable[[int], int], depth: int) -> bool:
    """Map JSON members onto the draft; True when any known key was found."""
    known = False
    for key, kpos, value, vstart, vend in obj:
        kind, _, num, part = _kind_of(_NONALNUM.sub("", key).lower())
        line = line_of(kpos)  # 0-based
        if kind is None or kind == "meta":
            if kind is None and isinstance(value, _Obj) and depth < 3:
                known |= _from_json(value, out, text, line_of, depth + 1)
            else:
                out.extra(_snake(key), value if isinstance(value, str) else text[vstart:vend])
            continue
        known = True
        if kind in ("button", "buttons") and out.fam == "push":
            items = value if isinstance(value, _Arr) else [(vstart, value)]
            for ipos, item in items:
                if part and not isinstance(item, _Obj):
                    label, url = (None, _text(item)) if part == "url" else (_text(item), None)
                    out.button(label, url, line_of(ipos), num)
                elif kind == "buttons" and isinstance(item, str):
                    for spec in item.split("\n"):
                        _json_button(out, spec, ipos, line_of)
                else:
                    _json_button(out, item, ipos, line_of)
        elif kind in ("review", "sensitive"):
            out.mark(key, value, kind, line)
        elif kind in ("notes", "note"):
            out.note(_text(value), line, key)
        elif isinstance(value, _Obj):
            known |= _from_json(value, out, text, line_of, depth + 1)
        elif kind in _ROUTES[out.fam]:
            out.put(kind, _text(value), line)
        else:
            out.extra(_snake(key), _text(value) or text[vstart:vend])
    return known


# --- label mode: scan label lines, then cut each value out and clean its edges.
def _label(lines: list[str], i: int, fam: str, brk: bool, seen: set[str]) -> _Hit | None:
    """The label on line ``i``, if it is one (``brk``: the line starts a paragraph)."""
    line = lines[i]
    m = _LABEL.match(line)
    if m is None:
        return None
    name = m["name"]
    kind, prose, num, part = _kind_of(_NONALNUM.sub("", name).lower())
    target = _ROUTES[fam].get(kind or "")
    quoted = m["q"] is not None
    if kind is None or (kind == "button" and prose and (target is None or quoted)):
        return None
    deco = quoted or bool(m["hash"]) or m["open"] in _BOLD or m["close"] in _BOLD
    strong = deco or "_" in name or (name.upper() == name and sum(map(str.isalpha, name)) > 1)
    inline = line[m.end() :]
    if m["dash"] is not None:
        if prose or kind in _META_KINDS or not inline.strip() or line[m.start("dash") - 1] == "-":
            return None
    elif m["colon"] is None:
        if prose and not strong:
            return None
        inline = ""
    if kind == "note":
        context = " ".join([inline, *lines[i + 1 : i + 4]]).lower()
        if not (deco or (brk and _NOTE_META.search(context))):
            return None
    elif (prose or target is None or kind in _META_KINDS) and not strong and not brk:
        return None
    if target is not None and "button" not in kind:
        if target in seen:
            return None  # a repeated field label stays in the text of the field before it
        seen.add(target)
    return _Hit(i, kind, _snake(name), inline, quoted, num, part)


def _fences(lines: list[str]) -> dict[int, int]:
    """Pair code-fence lines: line index -> partner index (-1 when never closed)."""
    pairs: dict[int, int] = {}
    opened, run = -1, ""
    for i, line in enumerate(lines):
        m = _FENCE.fullmatch(line.strip()) if "``" in line or "~~" in line else None
        if m is None:
            continue
        if opened < 0:
            opened, run, pairs[i] = i, m[1], -1
        elif not m[2].strip() and m[1][0] == run[0] and len(m[1]) >= len(run):
            pairs[opened], pairs[i], opened = i, opened, -1
    return pairs


def _is_chatter(text: str, *, first: bool = False, loose: bool = False) -> bool:
    """A paragraph addressed to the requester ("Want me to…", "Let me know if you'd like…")."""
    if len(text) > 600:
        return False
    low = _LEAD.sub("", text.lower(), count=1)
    if loose and _LOOSE.match(low):
        return True
    m = _OPENER.match(low)
    if m is None:
        return False
    if first:  # the whole value: only an unmistakable offer about the draft itself
        return m["strong"] is not None and _META.search(low, m.end()) is not None
    return m["strong"] is not None or _REQUESTER.search(low, m.end()) is not None


def _is_preamble(line: str) -> bool:
    """A first line that introduces the output to the requester ("Here's the SMS:")."""
    low = line.strip().strip("*_#> ").lower()
    if not low or len(low) > 200:
        return False
    if m := _COURTESY.match(low):
        low = low[m.end() :]
        if not low:
            return True
    if _HERE_GO.fullmatch(low):
        return True
    if low.endswith(":"):
        return _TARGET.search(low) is not None
    return bool(_HERE_START.match(low) and _TARGET.search(low)) and low[-1] in ".!"


def _clean(
    nums: list[int],
    texts: list[str],
    fences: dict[int, int],
    notes: list[tuple[int, str]],
    *,
    multi: bool,
    quoted: bool = False,
    inline: bool = False,
) -> tuple[int, int]:
    """Bounds of a value without blank edges, wrapping fences, preamble and trailing chatter."""
    lo, hi = 0, len(texts)
    for k in range(hi - 1, max(0, hi - 40) if multi else hi, -1):
        if _HR.fullmatch(texts[k]):
            tail = "\n".join(texts[k + 1 : hi]).strip()
            if tail and all(_is_chatter(p, loose=True) for p in tail.split("\n\n")):
                notes.extend(
                    (nums[k + 1], p)
                    for p in tail.split("\n\n")
                    if _LOOSE.match(_LEAD.sub("", p.lower(), count=1))
                )
                hi = k
            break
    for _ in range(64):
        while lo < hi and (
            not texts[lo].strip()
            or _HR.fullmatch(texts[lo])
            or (quoted and _JUNK.fullmatch(texts[lo]))
        ):
            lo += 1
        while hi > lo and (
            not texts[hi - 1].strip()
            or _HR.fullmatch(texts[hi - 1])
            or (quoted and _JUNK.fullmatch(texts[hi - 1]))
        ):
            hi -= 1
        if lo >= hi:
            break
        edge = next(
            (
                k
                for k in (lo, hi - 1)
                if _FENCE.fullmatch(texts[k].strip())
                and not nums[lo] < fences.get(nums[k], -1) < nums[hi - 1]
            ),
            None,
        )
        if edge is not None:
            lo, hi = (lo + 1, hi) if edge == lo else (lo, hi - 1)
        elif multi and not (lo == 0 and inline) and _is_preamble(texts[lo]):
            lo += 1
        elif multi and (cut := _chatter_cut(nums, texts, lo, hi, notes)) < hi:
            hi = cut
        else:
            break
    return lo, hi


def _chatter_cut(
    nums: list[int], texts: list[str], lo: int, hi: int, notes: list[tuple[int, str]]
) -> int:
    """New end of a value once a trailing chatter paragraph (or line) is dropped."""
    k = hi - 1
    while k > lo and hi - k < 30 and texts[k - 1].strip():
        k -= 1
    for start in (k, hi - 1):
        if (start == lo or not texts[start - 1].strip() or start == hi - 1) and _is_chatter(
            para := "\n".join(texts[start:hi]), first=start == lo
        ):
            if _LOOSE.match(_LEAD.sub("", para.lower(), count=1)):
                notes.append((nums[start], para.strip()))
            return start
    return hi


def _unquote(value: str) -> str:
    """The value of a quoted, JSON-looking label line (``"subject": "Hi",``)."""
    value = value.rstrip(",").strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return _unescape(value).strip()


def _apply_labels(
    lines: list[str],
    hits: list[_Hit],
    fences: dict[int, int],
    out: _Out,
    stops: list[int],
    *,
    meta_only: bool,
) -> None:
    """Store every label's value; unlabelled text may fill the channel's main field."""
    orphans: list[tuple[list[int], list[str]]] = []
    dropped: list[tuple[int, str]] = []
    for k, h in enumerate(hits):
        end = min(
            s for s in (*stops, hits[k + 1].line if k + 1 < len(hits) else stops[-1]) if s > h.line
        )
        nums, texts = [h.line, *range(h.line + 1, end)], [h.inline, *lines[h.line + 1 : end]]
        if h.kind in _SINGLE:
            a, b = (
                (0, 1)
                if h.inline.strip()
                else _clean(nums, texts, fences, dropped, multi=False, quoted=h.quoted)
            )
            orphans.append((nums[a + 1 :], texts[a + 1 :]))
            b = min(b, a + 1)
        else:
            a, b = _clean(
                nums,
                texts,
                fences,
                dropped,
                multi=True,
                quoted=h.quoted,
                inline=bool(h.inline.strip()),
            )
        value = "\n".join(texts[a:b]).strip()
        value, line = _unquote(value) if h.quoted else value, nums[a] if a < b else h.line
        if meta_only and h.kind not in _META_KINDS:
            continue
        if h.kind in ("button", "buttons") and out.fam == "push":
            if h.kind == "buttons" and value[:1] in "[{":
                _store_json_buttons(out, value, line)
            elif h.kind == "buttons":
                for n, t in zip(nums[a:b], texts[a:b], strict=True):
                    if t.strip():
                        out.button(*_button_spec(t), n)
            elif h.part:
                out.button(
                    None if h.part == "url" else value,
                    value if h.part == "url" else None,
                    line,
                    h.num,
                )
            else:
                out.button(*_button_spec(value), line, h.num)
        elif h.kind in ("notes", "note"):
            out.note(value, line, h.key.upper())
        elif h.kind in ("sensitive", "review"):
            if value:
                out.mark(h.key.upper(), value, h.kind, line)
        elif h.kind in _ROUTES[out.fam]:
            out.put(h.kind, value, line)
        else:
            out.extra(h.key, value)
    for n, note in dropped:
        out.note(note, n, "NOTE")
    if meta_only:
        return
    first = hits[0].line if hits else len(lines)
    orphans.append((list(range(first)), lines[:first]))  # text before the first label comes last
    wanted = ("body_html", "body_text") if out.fam == "email" else (_MAIN[out.fam],)
    if out.fam == "email" and any(h.kind in ("html", "plain", "body", "main") for h in hits):
        return
    for nums, texts in orphans:
        if all(f in out.fields for f in wanted):
            break
        a, b = _clean(nums, texts, fences, [], multi=True)
        if a < b:
            out.put("body", "\n".join(texts[a:b]).strip(), nums[a])


def _store_json_buttons(out: _Out, value: str, line: int) -> None:
    try:
        items, _, _ = _jvalue(value, 0, 0)
    except ValueError:
        return
    for _, item in items if isinstance(items, _Arr) else [(0, items)]:
        _json_button(out, item, 0, lambda _: line)


def _try_json(
    text: str, lines: list[str], start: int, hits: list[_Hit], fences: dict[int, int], fam: str
) -> _Out | None:
    """The draft of a JSON object starting on line ``start``, or None when it is not one."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    try:
        obj, _, end = _jvalue(
            text, starts[start] + len(lines[start]) - len(lines[start].lstrip()), 0
        )
    except ValueError:
        return None
    out = _Out(fam)

    def line_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    if not isinstance(obj, _Obj) or not _from_json(obj, out, text, line_of, 0):
        return None
    last = line_of(max(end - 1, 0))
    meta = [h for h in hits if h.kind in _META_KINDS and not start <= h.line <= last]
    _apply_labels(lines, meta, fences, out, [start, len(lines)], meta_only=True)
    return out


def _build(raw: str, channel: str, out: _Out) -> Draft:
    fields: dict[str, Any] = dict(out.fields)
    if out.fam == "push":
        fields["buttons"] = [
            Button(label=b[0] or "", url=b[1] or "", line=b[2]) for b in out.buttons
        ]
        out.lines.update({f"buttons[{i}]": b[2] for i, b in enumerate(out.buttons)})
    required = _REQUIRED.get(channel)
    if required is None:
        required = _REQUIRED[channel] = tuple(profile(channel).required)
    return DRAFT_TYPES[channel](
        channel=channel,
        raw=raw,
        lines=out.lines,
        review_markers=out.markers,
        missing=[f for f in required if f not in out.fields],
        extra_labels=out.extras,
        channel_notes="\n\n".join(out.notes) or None,
        structure_ok=bool(fields),
        **fields,
    )


def _parse(raw: str, channel: str) -> Draft:
    fam = _FAMILY[channel]
    text = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if not text.strip():
        return _build(raw, channel, _Out(fam))
    lines = text.split("\n")
    fences = _fences(lines)
    hits, seen, brk = [], set[str](), True
    for i, line in enumerate(lines):
        hit = _label(lines, i, fam, brk, seen) if line else None
        if hit is not None:
            hits.append(hit)
        brk = hit is not None or not line.strip() or i in fences or bool(_HR.fullmatch(line))
    start = next((i for i, line in enumerate(lines) if line.lstrip()[:1] == "{"), -1)
    limit = next((h.line for h in hits if h.kind not in _META_KINDS), len(lines))
    out = _try_json(text, lines, start, hits, fences, fam) if 0 <= start < limit else None
    if out is None:
        out = _Out(fam)
        _apply_labels(lines, hits, fences, out, [len(lines)], meta_only=False)
    return _build(raw, channel, out)


def parse_output(raw: str, channel: str) -> Draft:
    """Parse a raw model reply for ``channel`` into its typed Draft.

    Never raises on content; an unknown channel name raises ConfigurationError.
    """
    name = normalize_channel(channel)
    try:
        return _parse(raw, name)
    except Exception:  # last resort: unparseable content is a violation, never an exception
        return _build(raw if isinstance(raw, str) else "", name, _Out(_FAMILY[name]))
