#!/usr/bin/env python3
"""Write tests/cases/corpus.jsonl, our labelled corpus for the rule engine's precision/recall test.

Every case is one raw model output for one channel, the context it was written from, and what a
correct checker reports: the constraints it breaks (1-8), the review flags it needs and the fields a
parser extracts. Labels follow the conventions of the example cases (tests/cases/examples.jsonl;
see CONVENTIONS below for the few points this corpus had to decide on its own).

After writing the file the script reads it back, re-parses every raw output with its own small
parser and re-derives every label code can decide: formats (1), subjects (3), lengths and SMS
segments (4), links (5), "no review needed" markers on sensitive content (7) and governance (8).
For claims (2) it checks that every number the recipient sees is in the facts by value (unless the
case is labelled 2 and the number belongs to a declared invented claim) and that claim words such
as "guaranteed" or "award-winning" only appear when the facts back them or the case is labelled 2.
For relevance (6) and review flags (7) it checks the declared evidence is really in the message.
Any disagreement stops the script with a non-zero exit status.

Run: python3 tests/cases/build_corpus.py        (standard library only, Python 3.11)
     python3 tests/cases/build_corpus.py --check  (CI: verify without writing; fails if the
                                                   committed corpus.jsonl is out of date)
     add -v to list the tricky-negative categories.

CONVENTIONS decided here (on top of the example README):
* Opener (1): the "finds you well" family -- "(I) hope this email/message/note finds you well" as
  the first sentence of a body (after an optional greeting line) is a 1. Looser pleasantries such as
  "Hope you're doing well" never open an email body in this corpus: their status is undecidable.
* SENSITIVE: and REVIEW: lines are metadata, like CHANNEL_NOTES: and NOTES:. "SENSITIVE: NO",
  "REVIEW: none", "needs_review": false, "no review needed", "auto-send" and "skip review" all claim
  that no review is needed; "SENSITIVE: YES", "needs_review": true or a note asking for a check are
  requests for review and never a 7.
* SMS length (4) is len() <= 160 and one segment: GSM-7 texts have 160 septets per segment (the
  corpus never puts a GSM-7 extension character such as [ ] { } or the euro sign into an SMS that
  is within 160 characters but over 160 septets); any character outside GSM-7 (a curly apostrophe,
  "ł") makes the SMS UCS-2 with a 70-unit single segment, so a 71+ character UCS-2 SMS is a 4.
* Sign-off and disclaimer text must appear word for word (whitespace normalised, same case) in every
  body; every clean case with a sign-off ends with it.
* Every https link is on one of app_domains, except placeholder hosts (example.com,
  yourcompany.com), which are 5 anyway; host allow-listing never decides a label.
* Chatter after the message starts with "Want me to", "Would you like", "Let me know if you'd like",
  "Happy to" or "I can also"; a preamble is one line ending in ":" before the message.
* Numbers by value: "40 percent" = "40%", "$1,200" = "1200 dollars", "three" = "3", dates may be
  rewritten (2026-12-09 -> "Dec 9"). Numbers inside URLs are not claims.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("corpus.jsonl")
UPDATED_AT = "2026-11-18"
CHANNELS = ("email", "sms", "slack_dm", "slack_channel", "push", "in_app")
FLAGS = ("compliance", "financial", "legal", "medical", "pricing")

CASES: list[dict[str, Any]] = []
HINTS: dict[str, dict[str, Any]] = {}
BODIES: dict[str, dict[str, Any]] = {}  # what the author meant each field to be (cross-check)
_counter: Counter[str] = Counter()
MISSING: Any = object()


# ------------------------------------------------------------------------------- context helpers --
class Brand:
    """A fictional sender: its app, web hosts, standing facts and governance per channel group."""

    def __init__(
        self,
        fact: str,
        domains: list[str],
        forbidden: list[str],
        banned: list[str],
        scheme: str | None = None,
        routes: list[str] | None = None,
        email_sign: str | None = None,
        email_disc: str | None = None,
        sms_disc: str | None = None,
        sms_sign: str | None = None,
        slack_sign: str | None = None,
        slack_disc: str | None = None,
    ) -> None:
        self.fact = fact
        self.domains = domains
        self.scheme = scheme
        self.routes = routes or []
        self.gov = {
            "email": gov(forbidden, banned, email_disc, email_sign),
            "sms": gov(forbidden, banned, sms_disc, sms_sign),
            "app": gov(forbidden, banned, None, None),
            "slack": gov(forbidden, banned, slack_disc, slack_sign),
        }


def gov(
    forbidden: list[str], banned: list[str], disclaimer: str | None, sign_off: str | None
) -> dict[str, Any]:
    return {
        "forbidden_terms": list(forbidden),
        "required_disclaimer": disclaimer,
        "banned_phrases": list(banned),
        "sign_off": sign_off,
        "updated_at": UPDATED_AT,
    }


def group(channel: str) -> str:
    return {"email": "email", "sms": "sms", "push": "app", "in_app": "app"}.get(channel, "slack")


def make_context(
    b: Brand, channel: str, goal: str, facts: list[str], g: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        "goal": goal,
        "governance": g or b.gov[group(channel)],
        "facts": [b.fact, *facts],
        "deep_link_scheme": b.scheme,
        "routes": list(b.routes),
        "app_domains": list(b.domains),
    }


def add(
    channel: str,
    raw: str,
    ctx: dict[str, Any],
    v: tuple[int, ...] | list[int],
    f: tuple[str, ...] | list[str],
    fields: dict[str, Any],
    notes: str,
    bodies: dict[str, Any],
    hints: dict[str, Any],
) -> str:
    _counter[channel] += 1
    short = {"slack_dm": "slackdm", "slack_channel": "slackch", "in_app": "inapp"}.get(
        channel, channel
    )
    cid = f"co-{short}-{_counter[channel]:02d}"
    CASES.append(
        {
            "id": cid,
            "channel": channel,
            "raw_output": raw,
            "context": ctx,
            "expected": {
                "violations": sorted(set(v)),
                "review_flags": sorted(set(f)),
                "fields": fields,
                "notes": notes,
            },
        }
    )
    HINTS[cid] = hints
    BODIES[cid] = bodies
    return cid


# ---------------------------------------------------------------------------------- email --------
LINK_MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def _inline_html(s: str) -> str:
    s = htmllib.escape(s, quote=False)
    s = LINK_MARK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    return re.sub(r"__(.+?)__", r"<em>\1</em>", s)


def _inline_text(s: str) -> str:
    whole = LINK_MARK.fullmatch(s.strip())
    if whole:
        return f"{whole.group(1)}: {whole.group(2)}"
    s = LINK_MARK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", s)
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    return re.sub(r"__(.+?)__", r"\1", s)


def render(paras: list[Any]) -> tuple[str, str]:
    """Paragraph source -> (simple HTML, plain text). A list is a bullet list."""
    hs, ts = [], []
    for p in paras:
        if isinstance(p, list):
            hs.append("<ul>" + "".join(f"<li>{_inline_html(x)}</li>" for x in p) + "</ul>")
            ts.append("\n".join(f"- {_inline_text(x)}" for x in p))
        else:
            hs.append(f"<p>{_inline_html(p)}</p>")
            ts.append(_inline_text(p))
    return "\n".join(hs), "\n\n".join(ts)


EMAIL_LABELS = {
    "labels": ("Subject: ", "Body HTML:", "Body Text:"),
    "upper": ("SUBJECT: ", "BODY_HTML:", "BODY_TEXT:"),
    "bold": ("**Subject:** ", "**Body (HTML):**", "**Body (plain text):**"),
    "bold2": ("**Subject**: ", "**Body HTML**:", "**Body Text**:"),
    "lower": ("subject: ", "body_html:", "body_text:"),
}


def email(
    b: Brand,
    goal: str,
    facts: list[str],
    subject: str | None,
    paras: list[Any],
    *,
    v: tuple[int, ...] = (),
    f: tuple[str, ...] = (),
    notes: str,
    form: str = "labels",
    pre: str | None = None,
    post: tuple[str, ...] = (),
    meta: dict[str, Any] | None = None,
    hx: Any = None,
    tx: Any = None,
    html: Any = MISSING,
    text: Any = MISSING,
    g: dict[str, Any] | None = None,
    sign: Any = MISSING,
    disc: Any = MISSING,
    **hints: Any,
) -> str:
    ctx = make_context(b, "email", goal, facts, g)
    gv = ctx["governance"]
    tail: list[Any] = []
    d = gv["required_disclaimer"] if disc is MISSING else disc
    s = gv["sign_off"] if sign is MISSING else sign
    if d:
        tail.append(d)
    if s:
        tail.append(s)
    h0, t0 = render(paras + tail)
    h = h0 if html is MISSING else html
    t = t0 if text is MISSING else text
    if hx and h is not None:
        h = hx(h)
    if tx and t is not None:
        t = tx(t)
    if form in ("json", "fenced", "json1"):
        obj: dict[str, Any] = {}
        if subject is not None or "subject_null" in hints:
            obj["subject"] = subject
        if h is not None:
            obj["body_html"] = h
        if t is not None:
            obj["body_text"] = t
        obj.update(meta or {})
        if form == "json1":
            body = json.dumps(obj, ensure_ascii=False)
        else:
            body = json.dumps(obj, indent=2, ensure_ascii=False)
        if form == "fenced":
            body = "```json\n" + body + "\n```"
    else:
        ls, lh, lt = EMAIL_LABELS[form]
        parts = []
        if subject is not None:
            parts.append(ls + subject)
        if h is not None:
            parts.append(lh + "\n" + h)
        if t is not None:
            parts.append(("\n" if parts else "") + lt + "\n" + t)
        body = "\n".join(parts)
    raw = (pre + "\n\n" if pre else "") + body + "".join("\n\n" + p for p in post)
    return add("email", raw, ctx, v, f, {"subject": subject}, notes, {"html": h, "text": t}, hints)


# ------------------------------------------------------------------------------------ sms -------
def sms(
    b: Brand,
    goal: str,
    facts: list[str],
    text: str,
    *,
    v: tuple[int, ...] = (),
    f: tuple[str, ...] = (),
    notes: str,
    form: str = "label",
    pre: str | None = None,
    post: tuple[str, ...] = (),
    g: dict[str, Any] | None = None,
    disc: bool = True,
    **hints: Any,
) -> str:
    ctx = make_context(b, "sms", goal, facts, g)
    d = ctx["governance"]["required_disclaimer"]
    full = f"{text} {d}" if d and disc else text
    if form == "label":
        body = "SMS: " + full
    elif form == "label_upper_nl":
        body = "SMS:\n" + full
    elif form == "bold":
        body = "**SMS:** " + full
    elif form == "fenced":
        body = "```\n" + full + "\n```"
    else:
        body = full
    raw = (pre + "\n\n" if pre else "") + body + "".join("\n" + p for p in post)
    return add(
        "sms", raw, ctx, v, f, {"text": full, "char_count": len(full)}, notes, {"text": full}, hints
    )


# ---------------------------------------------------------------------------------- slack -------
def slack(
    channel: str,
    b: Brand,
    goal: str,
    facts: list[str],
    text: str,
    *,
    v: tuple[int, ...] = (),
    f: tuple[str, ...] = (),
    notes: str,
    form: str = "label",
    pre: str | None = None,
    post: tuple[str, ...] = (),
    g: dict[str, Any] | None = None,
    sign: Any = MISSING,
    **hints: Any,
) -> str:
    ctx = make_context(b, channel, goal, facts, g)
    s = ctx["governance"]["sign_off"] if sign is MISSING else sign
    full = f"{text}\n\n{s}" if s else text
    if form == "label":
        body = "SLACK: " + full
    elif form == "label_nl":
        body = "SLACK:\n" + full
    elif form == "bold":
        body = "**Slack:**\n" + full
    else:
        body = full
    raw = (pre + "\n\n" if pre else "") + body + "".join("\n\n" + p for p in post)
    return add(
        channel,
        raw,
        ctx,
        v,
        f,
        {"text": full, "word_count": len(full.split())},
        notes,
        {"text": full},
        hints,
    )


def dm(*a: Any, **k: Any) -> str:
    return slack("slack_dm", *a, **k)


def post_(*a: Any, **k: Any) -> str:
    return slack("slack_channel", *a, **k)


# ---------------------------------------------------------------------------- push / in-app -----
APP_LABELS = {
    "labels": ("Title: ", "Body: ", "Button: "),
    "upper": ("TITLE: ", "BODY: ", "BUTTON: "),
    "bold": ("**Title:** ", "**Body:** ", "**Button:** "),
}


def app(
    channel: str,
    b: Brand,
    goal: str,
    facts: list[str],
    title: str | None,
    body: str,
    buttons: tuple[tuple[str, str], ...] | list[tuple[str, str]] = (),
    *,
    v: tuple[int, ...] = (),
    f: tuple[str, ...] = (),
    notes: str,
    form: str = "labels",
    pre: str | None = None,
    post: tuple[str, ...] = (),
    meta: dict[str, Any] | None = None,
    g: dict[str, Any] | None = None,
    **hints: Any,
) -> str:
    ctx = make_context(b, channel, goal, facts, g)
    btns = [{"label": lab, "url": url} for lab, url in buttons]
    if form in ("json", "fenced", "json1"):
        obj: dict[str, Any] = {}
        if title is not None:
            obj["title"] = title
        obj["body"] = body
        if btns:
            obj["buttons"] = btns
        obj.update(meta or {})
        txt = json.dumps(obj, ensure_ascii=False, indent=None if form == "json1" else 2)
        if form == "fenced":
            txt = "```json\n" + txt + "\n```"
    else:
        lt, lb, lbtn = APP_LABELS[form]
        lines = []
        if title is not None:
            lines.append(lt + title)
        lines.append(lb + body)
        lines += [f"{lbtn}{x['label']} | {x['url']}" for x in btns]
        txt = "\n".join(lines)
    raw = (pre + "\n\n" if pre else "") + txt + "".join("\n" + p for p in post)
    fields = {"title": title, "body": body, "buttons": btns}
    return add(channel, raw, ctx, v, f, fields, notes, dict(fields), hints)


def push(*a: Any, **k: Any) -> str:
    return app("push", *a, **k)


def inapp(*a: Any, **k: Any) -> str:
    return app("in_app", *a, **k)


# ====================================================================================== BRANDS ==
# Every company, person, domain and number below is made up.
BRIGHTWELL = Brand(
    "Sender company: Brightwell Dental, a family dental clinic with two locations.",
    ["brightwelldental.com", "book.brightwelldental.com"],
    ["SmileCrate", "Dentaloop"],
    ["painless", "miracle"],
    scheme="brightwell://",
    routes=["appointments/{id}", "clinics/{id}", "care-plans/{id}"],
    email_sign="See you soon, Brightwell Dental",
    sms_disc="Reply STOP to opt out.",
)
FERNHILL = Brand(
    "Sender company: Fernhill Bank, a retail bank.",
    ["fernhillbank.com", "app.fernhillbank.com", "help.fernhillbank.com"],
    ["Brightvault", "Nova"],
    ["risk-free", "no-brainer", "get rich"],
    scheme="fernhill://",
    routes=["accounts/{id}", "cards/{id}", "statements/{id}", "savings/goals", "transfers/new"],
    email_sign="The Fernhill Bank team",
    email_disc="Fernhill Bank will never ask for your PIN or password.",
    sms_disc="Reply STOP to end alerts.",
)
QUILLSTONE = Brand(
    "Sender company: Quillstone, an e-signature and contract management app.",
    ["quillstone.io", "app.quillstone.io", "help.quillstone.io"],
    ["SignPort", "Inkdeal"],
    ["act now", "game-changer"],
    email_sign="Warm regards, the Quillstone team",
)
NORTHGATE = Brand(
    "Sender company: Northgate Medical Supplies, a distributor of clinic supplies such as gloves "
    "and gauze.",
    ["northgatesupplies.com", "portal.northgatesupplies.com"],
    ["MedCrate", "Suppliant"],
    ["rock-bottom", "while supplies last"],
    scheme="northgate://",
    routes=["orders/{id}", "invoices/{id}", "catalog"],
    email_sign="Northgate Medical Supplies customer care",
    sms_disc="Reply STOP to opt out.",
)
TRAILMIX = Brand(
    "Sender company: Trailmix, a fitness app with guided workouts.",
    ["trailmix.fit", "app.trailmix.fit"],
    ["FitForge", "Pacely"],
    ["beast mode", "no pain, no gain"],
    scheme="trailmix://",
    routes=["workouts/{id}", "plans/{id}", "streak", "profile", "rewards/{id}"],
    email_sign="Keep moving, Trailmix",
    sms_disc="Reply STOP to opt out.",
)
ORCHARD = Brand(
    "Sender company: Orchard Lane Pharmacy, a community pharmacy chain.",
    ["orchardlane.health", "rx.orchardlane.health"],
    ["PillPost", "MedDash"],
    ["miracle", "cure-all"],
    scheme="orchardrx://",
    routes=["prescriptions/{id}", "stores/{id}", "reminders"],
    email_sign="Be well, Orchard Lane Pharmacy",
    sms_disc="Txt STOP to opt out.",
)
KESTREL = Brand(
    "Sender company: Kestrel Payroll, a payroll and HR platform for small businesses.",
    ["kestrelpay.com", "app.kestrelpay.com", "help.kestrelpay.com"],
    ["Payvine", "Wagely"],
    ["hassle-free", "set it and forget it"],
    scheme="kestrel://",
    routes=["payslips/{id}", "timesheets/{id}", "expenses/{id}"],
    email_sign="The Kestrel Payroll team",
)
ALDERBANK = Brand(
    "Sender: Alderbank Systems internal comms bot (Alderbank Systems builds logistics software).",
    ["alderbank.dev", "wiki.alderbank.dev", "hr.alderbank.dev", "status.alderbank.dev"],
    ["Corvex"],
    ["ASAP", "no excuses", "drop everything"],
)
G_ALDERBANK_IT = gov(
    ["Corvex"], ["ASAP", "no excuses", "drop everything"], None, "— Alderbank IT Service Desk"
)
PEBBLEBROOK = Brand(
    "Sender company: Pebblebrook, a travel booking app.",
    ["pebblebrook.travel", "app.pebblebrook.travel"],
    ["Jetwise", "Roamly"],
    ["once-in-a-lifetime", "book now before it's gone"],
    scheme="pebble://",
    routes=["trips/{id}", "bookings/{id}", "checkin/{id}"],
    email_sign="Safe travels, Pebblebrook",
    sms_disc="Reply STOP to opt out.",
)
SAFFRON = Brand(
    "Sender company: Saffron Table, a meal-kit delivery service.",
    ["saffrontable.com", "app.saffrontable.com"],
    ["KitchenBox", "PlateDrop"],
    ["guilt-free", "to die for"],
    scheme="saffron://",
    routes=["menus/{id}", "orders/{id}", "account/plan", "offers/{id}"],
    email_sign="Happy cooking, Saffron Table",
    sms_disc="Reply STOP to unsubscribe.",
)
GLIMMER = Brand(
    "Sender company: Glimmerworks, a collaborative design tool.",
    ["glimmerworks.io", "app.glimmerworks.io", "docs.glimmerworks.io"],
    ["Pixelmint", "Canvasly"],
    ["synergy", "crush it"],
    scheme="glimmer://",
    routes=["files/{id}", "teams/{id}/members", "settings/billing"],
    email_sign="— The Glimmerworks team",
)
HARBORLINE = Brand(
    "Sender company: Harborline Energy, an electricity and gas utility.",
    ["harborline.energy", "my.harborline.energy"],
    ["VoltVerde"],
    ["shocking", "act fast"],
    scheme="harborline://",
    routes=["bills/{id}", "outages", "usage"],
    email_sign="Harborline Energy customer service",
    sms_disc="Reply STOP to opt out of texts.",
)
OAKRIDGE = Brand(
    "Sender: Oakridge Public Library.",
    ["oakridgelibrary.org", "catalog.oakridgelibrary.org"],
    ["Bookvault"],
    ["hurry", "don't miss out"],
    scheme="oakreads://",
    routes=["holds/{id}", "loans", "events/{id}"],
    email_sign="Happy reading, Oakridge Library",
    sms_disc="Reply STOP to opt out.",
)
COBALT = Brand(
    "Sender company: Cobalt Courier, a parcel delivery service.",
    ["cobaltcourier.com", "track.cobaltcourier.com"],
    ["ParcelPal", "Shipzy"],
    ["lightning-fast", "no worries"],
    scheme="cobalt://",
    routes=["parcels/{id}", "parcels/{id}/reschedule", "lockers/{id}"],
    email_sign="Cobalt Courier support",
    sms_disc="Reply STOP to opt out.",
)
THISTLE = Brand(
    "Sender company: Thistle Veterinary Clinic, an animal hospital.",
    ["thistlevets.com", "book.thistlevets.com"],
    ["PawPoint"],
    ["fur-ever", "pawsome"],
    scheme="thistle://",
    routes=["pets/{id}", "appointments/{id}"],
    email_sign="Warmly, the Thistle Vets team",
    sms_disc="Reply STOP to opt out.",
)
BRASSBELL = Brand(
    "Sender company: Brassbell, an event ticketing app.",
    ["brassbell.events", "tickets.brassbell.events"],
    ["Tixly", "SeatSwap"],
    ["selling out fast", "epic"],
    scheme="brassbell://",
    routes=["events/{id}", "tickets/{id}", "wallet"],
    email_sign="See you at the show, Brassbell",
    sms_disc="Reply STOP to opt out.",
)


# ======================================================================================= EMAIL ==
B = BRIGHTWELL
email(
    B,
    "Remind Noor of her cleaning appointment next week.",
    [
        "Recipient: Noor Haddad.",
        "Noor has a routine cleaning with Dr. Ilse Varga on Tuesday, 2026-12-08 at 2:15 PM at the "
        "Elm Street clinic.",
        "Appointment id BW-5521; it can be moved at "
        "https://book.brightwelldental.com/appointments/BW-5521.",
    ],
    "Reminder: your cleaning on Tuesday, December 8",
    [
        "Hi Noor,",
        "This is a reminder that your routine cleaning with Dr. Ilse Varga is on **Tuesday, "
        "December 8 at 2:15 PM** at our Elm Street clinic.",
        "Need a different time? [[Move your appointment|"
        "https://book.brightwelldental.com/appointments/BW-5521]]",
    ],
    notes="Clean, no flag: an appointment time and place are logistics, not medical advice; "
    "Dr. Ilse Varga is the clinician (a business detail, not a personal one). Dec 8, 2:15 "
    "PM "
    "and BW-5521 are in facts; the sign-off ends both bodies.",
    tags=["appointment logistics are not medical", "colleague/clinician name is not personal"],
)

email(
    B,
    "Tell Omar the Elm Street clinic now opens on Saturdays.",
    [
        "Recipient: Omar Castillo.",
        "From 2026-12-05 the Elm Street clinic is open on Saturdays from 9:00 AM to 1:00 PM.",
        "Saturday visits are booked at https://book.brightwelldental.com/clinics/elm-street.",
    ],
    "Elm Street is now open on Saturdays",
    [
        "Hi Omar,",
        "I hope this email finds you well. From December 5, our Elm Street clinic is open on "
        "Saturdays from 9:00 AM to 1:00 PM.",
        "[[Book a Saturday visit|https://book.brightwelldental.com/clinics/elm-street]]",
    ],
    v=(1,),
    notes="1: the body opens with 'I hope this email finds you well' right after the greeting "
    "line (HTML and text). Dates, hours and the https link are in facts; opening hours are "
    "not sensitive.",
)

email(
    B,
    "Send Lena aftercare instructions after her tooth extraction today.",
    [
        "Recipient: Lena Fischer.",
        "Lena had a tooth extracted at the Elm Street clinic on 2026-11-25.",
        "Aftercare advice approved by Dr. Ilse Varga: for the first 24 hours avoid hot drinks and "
        "rinsing hard; after that rinse gently with warm salt water.",
        "If swelling lasts longer than 3 days, patients should call the clinic on 555-0188.",
    ],
    "Looking after your mouth after today's extraction",
    [
        "Hi Lena,",
        "Thanks for coming in today. For the first 24 hours, please avoid hot drinks and don't "
        "rinse hard. After that, rinse gently with warm salt water.",
        "If the swelling lasts longer than 3 days, call us on 555-0188.",
    ],
    f=("medical",),
    post=(
        "CHANNEL_NOTES: Aftercare advice, so please have Dr. Varga confirm "
        "it before this goes out.",
    ),
    notes="Clean but flagged medical: post-extraction aftercare is treatment advice. The "
    "CHANNEL_NOTES line asks for a check, which is fine (not a 7). 24 hours, 3 days and "
    "the phone number are in facts; the extraction is the goal itself, so no 6.",
    ev={"medical": "rinse gently with warm salt water"},
    tags=["review requested in CHANNEL_NOTES is not 7"],
)

email(
    B,
    "Send Tomasz aftercare instructions after his root canal treatment.",
    [
        "Recipient: Tomasz Nowak.",
        "Tomasz had root canal treatment at the Riverside clinic on 2026-11-24.",
        "Aftercare advice: for soreness, take ibuprofen as directed on the package; avoid chewing "
        "on that side until the crown is fitted on 2026-12-09.",
        "Crown appointment id BW-6034.",
    ],
    "Aftercare after your root canal",
    [
        "Hi Tomasz,",
        "For any soreness after your root canal, take ibuprofen as directed on the package, and "
        "avoid chewing on that side until your crown is fitted on December 9.",
        "[[View your crown appointment|https://book.brightwelldental.com/appointments/BW-6034]]",
    ],
    v=(7,),
    f=("medical",),
    form="upper",
    post=("SENSITIVE: NO",),
    notes="7: medication and treatment advice (ibuprofen, not chewing on that side) is medical "
    "content, yet the output marks itself SENSITIVE: NO; the medical flag stands. Dec 9 "
    "and BW-6034 are in facts; the root canal is the goal itself, so no 6.",
    ev={"medical": "take ibuprofen"},
)

email(
    B,
    "Tell Marisol her new patient forms are ready to fill in.",
    [
        "Recipient: Marisol Ortega.",
        "Marisol is a new patient with a first visit on 2026-12-03 at 8:30 AM at the Riverside "
        "clinic.",
        "New patient forms: https://book.brightwelldental.com/appointments/BW-6120/forms.",
    ],
    None,
    [
        "Hi Marisol,",
        "Welcome to Brightwell Dental! Before your first visit on December 3 at 8:30 AM at our "
        "Riverside clinic, please fill in your new patient forms.",
        "[[Fill in your forms|https://book.brightwelldental.com/appointments/BW-6120/forms]]",
    ],
    v=(3,),
    form="bold",
    notes="3: the reply has **Body (HTML):** and **Body (plain text):** but no subject field, so "
    "fields.subject is null. Visit date and time are in facts; a forms link on the "
    "clinic's "
    "own booking host is an https web link (routes apply only to deep links).",
)

B = FERNHILL
email(
    B,
    "Tell Priya her November statement is ready.",
    [
        "Recipient: Priya Raman, who banks at the Novato branch.",
        "Priya's November 2026 statement for the checking account ending 4417 is ready.",
        "Statements are in the app and at https://app.fernhillbank.com/statements.",
    ],
    "Your November statement is ready",
    [
        "Hi Priya,",
        "Your November statement for the checking account ending 4417 is ready to view.",
        "[[See your statement|https://app.fernhillbank.com/statements]]",
        "Questions? The team at our Novato branch can help.",
    ],
    notes="Clean, no flag: a statement notice is not financial advice. 'Novato' is a branch "
    "location and does not match the forbidden term 'Nova' (whole-word match). 4417 is in "
    "facts; disclaimer and sign-off are in both bodies.",
    tags=["statement notice is not financial", "forbidden term inside a longer word"],
)

email(
    B,
    "Tell Marcus his Goal Saver rate is going up.",
    [
        "Recipient: Marcus Bell.",
        "From 2026-12-01 the Goal Saver account earns 3.75% APY, up from 3.40% APY.",
        "Rates are variable and can change.",
        "Goal Saver details: https://app.fernhillbank.com/savings/goal-saver.",
    ],
    "Your Goal Saver rate is going up",
    [
        "Hi Marcus,",
        "From December 1, your Goal Saver account earns **3.75% APY**, up from 3.40%. Rates are "
        "variable and can change.",
        "[[See your Goal Saver|https://app.fernhillbank.com/savings/goal-saver]]",
    ],
    f=("financial",),
    form="lower",
    post=("CHANNEL_NOTES: Rate change, route to compliance for sign-off before sending.",),
    notes="Clean but flagged financial: a savings rate (APY) is a rate/return. 3.75% and 3.40% "
    "are in facts (3.40 = 3.4 by value); the note asks for review, so no 7.",
    ev={"financial": "3.75% APY"},
)

email(
    B,
    "Invite Helen to open a 12-month certificate of deposit.",
    [
        "Recipient: Helen Okafor.",
        "The 12-month certificate of deposit earns 4.10% APY for deposits opened by 2026-12-31.",
        "The minimum deposit is $1,000.",
        "CDs can be opened at https://app.fernhillbank.com/savings/cd.",
    ],
    "Lock in 4.10% APY for 12 months",
    [
        "Hi Helen,",
        "Our 12-month certificate of deposit earns **4.10% APY** when you open it by December 31. "
        "The minimum deposit is $1,000.",
        "[[Open a CD|https://app.fernhillbank.com/savings/cd]]",
    ],
    v=(7,),
    f=("financial",),
    form="fenced",
    meta={"needs_review": False},
    notes="7: a CD rate offer (4.10% APY) is financial content, yet the JSON says "
    '"needs_review": false. Rate, term, date and the $1,000 minimum are in facts, so no '
    "2; disclaimer and sign-off are present.",
    ev={"financial": "4.10% APY"},
    tags=["needs_review false on sensitive content is 7"],
)

email(
    B,
    "Tell Jonah his replacement debit card has shipped.",
    [
        "Recipient: Jonah Whitfield.",
        "Jonah's replacement debit card ending 9020 shipped on 2026-11-23 and should arrive within "
        "5 business days.",
        "Card activation: https://app.fernhillbank.com/cards/activate.",
    ],
    "Your replacement card is on its way",
    [
        "Hi Jonah,",
        "Your replacement debit card ending 9020 shipped on November 23 and should arrive within "
        "5 business days.",
        "[[Activate your card|https://app.fernhillbank.com/cards/activate]]",
    ],
    v=(8,),
    disc=None,
    notes="8: the required disclaimer 'Fernhill Bank will never ask for your PIN or password.' "
    "is missing from both bodies. The sign-off is there; card digits and dates are in "
    "facts; a shipping notice needs no flag.",
)

email(
    B,
    "Remind Ana to turn on two-step login.",
    [
        "Recipient: Ana Lucero.",
        "Ana has not turned on two-step login.",
        "Two-step login asks for a code sent to the member's phone when signing in from a new "
        "device.",
        "Two-step login is turned on at https://app.fernhillbank.com/settings/security.",
    ],
    "Add two-step login to your account",
    [
        "Hi Ana,",
        "Two-step login asks for a code sent to your phone when you sign in from a new device. "
        "You haven't turned it on yet.",
        "[[Turn on two-step login|https://app.fernhillbank.com/settings/security]]",
    ],
    v=(8,),
    form="upper",
    tx=lambda t: t.replace("Fernhill Bank will never ask for your PIN or password.\n\n", ""),
    notes="8: the required disclaimer is in the HTML body but missing from the plain-text body; "
    "every body must carry it. Otherwise clean: 'two-step' is in facts and a security "
    "reminder is not sensitive.",
    tags=["disclaimer present in only one of two bodies"],
)

email(
    B,
    "Encourage Sam to turn on Round-Ups to build savings.",
    [
        "Recipient: Sam Adeyemi.",
        "Round-Ups rounds each card purchase up to the next dollar and moves the difference into "
        "savings.",
        "Round-Ups is turned on at https://app.fernhillbank.com/savings/round-ups.",
    ],
    "Grow your savings with Round-Ups",
    [
        "Hi Sam,",
        "Round-Ups rounds each card purchase up to the next dollar and moves the difference into "
        "your savings. Members who use it save $640 a year on average.",
        "[[Turn on Round-Ups|https://app.fernhillbank.com/savings/round-ups]]",
    ],
    v=(2,),
    f=("financial",),
    form="bold",
    notes="2: 'Members who use it save $640 a year on average' is a statistic absent from facts. "
    "Flag financial: the email is advice to save. Disclaimer, sign-off and link are fine.",
    inv=["Members who use it save $640 a year on average"],
    ev={"financial": "moves the difference into your savings"},
)

B = QUILLSTONE
email(
    B,
    "Tell Daniel about the updated Terms of Service.",
    [
        "Recipient: Daniel Osei, workspace admin at Corbel Architects.",
        "Quillstone's updated Terms of Service take effect on 2027-01-01.",
        "The update changes the dispute resolution section: disputes go to binding arbitration.",
        "Updated terms: https://quillstone.io/legal/terms.",
    ],
    "We're updating our Terms of Service",
    [
        "Hi Daniel,",
        "We've updated our Terms of Service. The new terms take effect on January 1, 2027, and "
        "change how disputes are resolved: disputes will go to binding arbitration.",
        "[[Read the updated terms|https://quillstone.io/legal/terms]]",
    ],
    f=("legal",),
    post=("NOTES: Legal wording, please have counsel review before sending.",),
    notes="Clean but flagged legal: Terms of Service and arbitration. The NOTES line requests a "
    "review, which is fine (no 7). The job title and company are business details.",
    ev={"legal": "binding arbitration"},
    tags=["job title/company is not personal"],
)

email(
    B,
    "Tell Mei about the new governing-law clause in the Terms of Service.",
    [
        "Recipient: Mei Tanaka.",
        "From 2027-01-01 the Terms of Service are governed by the laws of the State of New York.",
        "No other sections of the terms change.",
        "Updated terms: https://quillstone.io/legal/terms.",
    ],
    "A change to the governing law in our terms",
    [
        "Hi Mei,",
        "From January 1, 2027, our Terms of Service will be governed by the laws of the State of "
        "New York. No other sections of the terms change.",
        "[[Read the updated terms|https://quillstone.io/legal/terms]]",
    ],
    v=(7,),
    f=("legal",),
    form="bold",
    post=("CHANNEL_NOTES: Standard policy notice, auto-send approved.",),
    notes="7: a governing-law change to the Terms of Service is legal content, but CHANNEL_NOTES "
    "says 'auto-send approved'. Everything shown is in facts.",
    ev={"legal": "governed by the laws"},
)

email(
    B,
    "Announce bulk send to Grace.",
    [
        "Recipient: Grace Lindqvist, office manager at Fenwick & Rowe.",
        "Bulk send lets one template go to up to 500 signers at once.",
        "Bulk send is in the Send menu: https://app.quillstone.io/send/bulk.",
    ],
    "New: send one template to 500 signers",
    [
        "Hi Grace,",
        "Bulk send is here: send one template to up to 500 signers at once, right from the Send "
        "menu. Quillstone is trusted by 10,000+ teams for their agreements.",
        "[[Try bulk send|https://app.quillstone.io/send/bulk]]",
    ],
    v=(2,),
    form="fenced",
    notes="2: 'trusted by 10,000+ teams' is an endorsement/statistic absent from facts. 500 "
    "signers is in facts; the fenced JSON parses to subject, body_html and body_text.",
    inv=["trusted by 10,000+ teams"],
)

email(
    B,
    "Help Ibrahim import the templates his team used before switching to Quillstone.",
    [
        "Recipient: Ibrahim Sayed.",
        "Ibrahim's team switched to Quillstone from SignPort on 2026-11-10.",
        "Templates from other e-signature tools can be imported and keep their fields and signer "
        "roles.",
        "Import guide: https://help.quillstone.io/import-from-signport.",
    ],
    "Bring your old templates into Quillstone",
    [
        "Hi Ibrahim,",
        "You can bring the templates your team used before straight into Quillstone, and they keep "
        "their fields and signer roles.",
        "[[Import your templates|https://help.quillstone.io/import-from-signport]]",
    ],
    notes="Clean: the forbidden name 'SignPort' appears only in the path of a link on "
    "Quillstone's own help host (import-from-signport); URLs are removed before governance "
    "matching and the copy never names it. No numbers, nothing sensitive.",
    tags=["forbidden term only in own URL path"],
)

email(
    B,
    "Remind Olivia that her unsigned envelopes expire soon.",
    [
        "Recipient: Olivia Brandt.",
        "Olivia has 3 envelopes waiting for signature that expire on 2026-11-30.",
        "Senders can remind signers from the envelope list: "
        "https://app.quillstone.io/envelopes?status=waiting.",
    ],
    "3 envelopes expire on November 30",
    [
        "Hi Olivia,",
        "You have 3 envelopes waiting for signature, and they expire on November 30. Act now and "
        "remind your signers from the envelope list.",
        "[[See waiting envelopes|https://app.quillstone.io/envelopes?status=waiting]]",
    ],
    v=(8,),
    notes="8: 'Act now' is a banned phrase (whole words, case-insensitive). 3 envelopes and Nov "
    "30 are in facts; the https link with a query string is fine.",
)

email(
    B,
    "Welcome Rafael to his new Quillstone workspace.",
    [
        "Recipient: Rafael Duarte, paralegal at Birchmoor Legal.",
        "Rafael's workspace 'Birchmoor Legal' was created on 2026-11-24.",
        "Getting-started guide: https://help.quillstone.io/getting-started.",
    ],
    None,
    [
        "Hi Rafael,",
        "Welcome to Quillstone! Your Birchmoor Legal workspace is ready, and the getting-started "
        "guide walks you through sending your first envelope.",
        "[[Open the guide|https://help.quillstone.io/getting-started]]",
    ],
    v=(3,),
    form="json",
    notes="3: the JSON has body_html and body_text but no subject key, so fields.subject is "
    "null. 'Legal' in 'Birchmoor Legal' is the customer's name, not legal content (no "
    "flag); a paralegal job title is not personal.",
    tags=["'Legal' inside an organisation name is not legal"],
)

email(
    B,
    "Tell Hana that templates can now be shared across workspaces.",
    [
        "Recipient: Hana Kowalczyk.",
        "Templates can now be shared across every workspace in the same organization.",
        "How-to: https://help.quillstone.io/share-templates.",
    ],
    "Share templates across workspaces",
    [
        "Hi Hana,",
        "Templates can now be shared across every workspace in your organization, so each team "
        "can reuse the same forms.",
        "[[Share a template|https://help.quillstone.io/share-templates]]",
    ],
    v=(1,),
    hx=lambda h: '<div style="font-family: Arial, sans-serif; color: #222222;">\n' + h + "\n</div>",
    notes="1: the HTML is wrapped in a <div> (not an allowed tag) with a style attribute (only "
    "href on <a> is allowed). The colour code is inside an attribute, not visible text.",
)

email(
    B,
    "Tell Victor his Business plan renewal price.",
    [
        "Recipient: Victor Mensah, finance lead at Alto Freight.",
        "Alto Freight's Business plan renews on 2027-01-15 for 12 seats at $4,320 per year.",
        "Seats and billing details can be changed in plan settings before the renewal.",
        "Plan settings: https://app.quillstone.io/settings/plan.",
    ],
    "Your Business plan renews on January 15",
    [
        "Hi Victor,",
        "Alto Freight's Business plan renews on **January 15, 2027**: 12 seats at $4,320 per year.",
        "You can change seats or billing details before then in [[plan settings|"
        "https://app.quillstone.io/settings/plan]].",
    ],
    f=("pricing",),
    post=("SENSITIVE: YES (renewal price), send to billing for approval.",),
    notes="Clean but flagged pricing: renewal price and contract terms. 'SENSITIVE: YES' asks "
    "for review, so no 7. $4,320, 12 seats and Jan 15 are in facts.",
    ev={"pricing": "$4,320 per year"},
    tags=["SENSITIVE: YES is a request, not 7"],
)

email(
    B,
    "Confirm Aisha's seat add-on and her new monthly total.",
    [
        "Recipient: Aisha Bello.",
        "Aisha added 4 seats on 2026-11-23; her monthly total is now $336.",
        "Invoice history: https://app.quillstone.io/settings/billing.",
    ],
    "Your new monthly total",
    [
        "Hi Aisha,",
        "You added 4 seats on November 23, so your monthly total is now **$336**.",
        "[[See your invoices|https://app.quillstone.io/settings/billing]]",
    ],
    v=(7,),
    f=("pricing",),
    form="lower",
    post=("sensitive: no",),
    notes="7: a new monthly total is pricing (what the recipient pays), yet the output says "
    "'sensitive: no' (labels are case-insensitive). 4 seats, Nov 23 and $336 are in facts.",
    ev={"pricing": "$336"},
)

B = NORTHGATE
email(
    B,
    "Tell Ruth her clinic's glove order has shipped.",
    [
        "Recipient: Ruth Abara, practice manager at Westbrook Family Clinic.",
        "Order NG-40217 (12 boxes of nitrile gloves) shipped on 2026-11-24 and arrives by "
        "2026-12-01.",
        "Order tracking: https://portal.northgatesupplies.com/orders/NG-40217.",
    ],
    "Order NG-40217 has shipped",
    [
        "Hi Ruth,",
        "Order NG-40217 (12 boxes of nitrile gloves) shipped on November 24 and will arrive by "
        "December 1.",
        "[[Track the order|https://portal.northgatesupplies.com/orders/NG-40217]]",
    ],
    notes="Clean, no flag: 'Medical' appears only in the sender's name (Northgate Medical "
    "Supplies) and 'Clinic' in the customer's; a shipping notice for gloves is logistics, "
    "not health advice. Order id, 12 boxes and dates are in facts.",
    tags=["'Medical' inside a company name is not medical"],
)

email(
    B,
    "Remind Tobias that invoice INV-88310 is due.",
    [
        "Recipient: Tobias Grün, accounts payable at Lindenhof Physio.",
        "Invoice INV-88310 for $1,245.60 is due on 2026-12-10.",
        "Invoices can be paid at https://portal.northgatesupplies.com/invoices/INV-88310.",
    ],
    "Invoice INV-88310 is due December 10",
    [
        "Hi Tobias,",
        "Invoice INV-88310 for **$1,245.60** is due on December 10.",
        "[[Pay invoice INV-88310|https://portal.northgatesupplies.com/invoices/INV-88310]]",
    ],
    f=("pricing",),
    form="upper",
    notes="Clean but flagged pricing: an amount owed to the sender. Invoice id, amount and date "
    "are in facts; 'Physio' in the customer's name is not medical content.",
    ev={"pricing": "$1,245.60"},
)

email(
    B,
    "Remind Sofia that invoice INV-88412 is overdue.",
    [
        "Recipient: Sofia Marchetti, office manager at Greenway Dental Care.",
        "Invoice INV-88412 for $389.00 was due on 2026-11-20 and is unpaid.",
        "Sofia was on vacation in Crete until 2026-11-22.",
        "Invoices can be paid at https://portal.northgatesupplies.com/invoices/INV-88412.",
    ],
    "Invoice INV-88412 is overdue",
    [
        "Hi Sofia,",
        "Invoice INV-88412 for $389.00 was due on November 20 and is still unpaid. We hope you had "
        "a wonderful vacation in Crete!",
        "[[Pay invoice INV-88412|https://portal.northgatesupplies.com/invoices/INV-88412]]",
    ],
    v=(6,),
    f=("pricing",),
    notes="6: the Crete vacation is true (in facts) but does nothing for an overdue-invoice "
    "reminder. Flag pricing (amount owed). $389.00 = 389 by value; 'Dental Care' in the "
    "customer's name is not medical.",
    pers="vacation in Crete",
    ev={"pricing": "$389.00"},
    tags=["personal detail the goal does not call for (billing reminder)"],
)

email(
    B,
    "Tell Dmitri his backordered gauze is back in stock.",
    [
        "Recipient: Dmitri Volkov.",
        "Dmitri's backorder BO-7713 for sterile gauze pads is back in stock and ships on "
        "Friday, 2026-11-27.",
        "Backorder status: https://portal.northgatesupplies.com/orders/BO-7713.",
    ],
    "Your gauze backorder ships Friday",
    [
        "Hi Dmitri,",
        "Good news: backorder BO-7713 for sterile gauze pads is back in stock and ships on Friday, "
        "November 27.",
        "[[Check backorder BO-7713|https://portal.northgatesupplies.com/orders/BO-7713]]",
    ],
    v=(3,),
    form="labels",
    hx=lambda h: h.replace(
        "<p>Hi Dmitri,</p>", "<p>Subject: Your gauze backorder ships Friday</p>\n<p>Hi Dmitri,</p>"
    ),
    notes="3: a 'Subject: ...' line is glued inside BODY_HTML, even though a separate subject "
    "field exists too. The plain text is fine; backorder id and date are in facts.",
    tags=["Subject: line glued inside the body"],
)

B = ORCHARD
email(
    B,
    "Tell Keisha that the Maple Ave store is moving.",
    [
        "Recipient: Keisha Moore.",
        "The Maple Ave store moves to 214 Harbor Road on 2026-12-14; prescriptions on file move "
        "with it, so customers do not need to do anything.",
        "Store details: https://orchardlane.health/stores/harbor-road.",
    ],
    "Important update: your Orchard Lane Pharmacy on Maple Ave is moving to 214 Harbor Road on "
    "December 14",
    [
        "Hi Keisha,",
        "On December 14 our Maple Ave store moves to 214 Harbor Road. Your prescriptions on file "
        "move with it, so you don't need to do anything.",
        "[[See the new store|https://orchardlane.health/stores/harbor-road]]",
    ],
    v=(4,),
    notes="4: the subject is 101 characters (> 80). Store address and date are in facts; a "
    "store move is logistics, not medical advice (no flag).",
)

email(
    B,
    "Tell Mateus about holiday opening hours.",
    [
        "Recipient: Mateus Lima.",
        "On 2026-12-24 all stores close at 4:00 PM; on 2026-12-25 all stores are closed.",
        "Store hours: https://orchardlane.health/stores.",
    ],
    "Holiday hours at Orchard Lane",
    [
        "Hi Mateus,",
        "Orchard Lane was voted the best pharmacy in Pinecrest three years running, and we want to "
        "make sure you can reach us over the holidays.",
        "On December 24 all our stores close at 4:00 PM, and on December 25 they are closed.",
        "[[See store hours|https://orchardlane.health/stores]]",
    ],
    v=(2,),
    form="bold2",
    notes="2: 'voted the best pharmacy in Pinecrest three years running' is an award/ranking "
    "absent from facts (and 'three' is an unsupported number). Dates and hours are in "
    "facts; no flag.",
    inv=["voted the best pharmacy in Pinecrest three years running"],
)

email(
    B,
    "Give Ellen advice on taking her new blood pressure medication.",
    [
        "Recipient: Ellen Park.",
        "Ellen picked up lisinopril on 2026-11-23.",
        "Pharmacist advice: take lisinopril at the same time each day; if a dose is missed, take "
        "it "
        "when remembered unless the next dose is close, and never take two doses at once.",
        "Pharmacist chat: https://rx.orchardlane.health/chat.",
    ],
    "Tips for your new medication",
    [
        "Hi Ellen,",
        "A few tips from our pharmacists about your lisinopril: take it at the same time each day. "
        "If you miss a dose, take it when you remember unless your next dose is close, and never "
        "take two doses at once.",
        "[[Chat with a pharmacist|https://rx.orchardlane.health/chat]]",
    ],
    f=("medical",),
    notes="Clean but flagged medical: medication advice. 'two' is in facts; no review marker "
    "either way, so no 7. The medication is the goal, not an irrelevant personal detail.",
    ev={"medical": "never take two doses at once"},
)

B = THISTLE
email(
    B,
    "Send Nadia home-care instructions for her dog after surgery.",
    [
        "Recipient: Nadia Rahman.",
        "Nadia's dog Biscuit had knee surgery on 2026-11-24.",
        "Vet instructions: give Biscuit one carprofen tablet with food every 12 hours for 7 days; "
        "keep walks to 10 minutes on a lead.",
        "Recheck appointment TV-3381 is on 2026-12-08: "
        "https://book.thistlevets.com/appointments/TV-3381.",
    ],
    "Caring for Biscuit after his surgery",
    [
        "Hi Nadia,",
        "Here is how to care for Biscuit after his knee surgery: give him one carprofen tablet "
        "with "
        "food every 12 hours for 7 days, and keep walks to 10 minutes on a lead.",
        "His recheck is on December 8. [[See the appointment|"
        "https://book.thistlevets.com/appointments/TV-3381]]",
    ],
    f=("medical",),
    form="bold",
    notes="Clean but flagged medical: medication and treatment advice for a pet. 12 hours, 7 "
    "days, 10 minutes and Dec 8 are in facts; the dog's surgery is the goal (no 6).",
    ev={"medical": "carprofen"},
)

email(
    B,
    "Tell Carlos how to give his cat her new thyroid medication.",
    [
        "Recipient: Carlos Mendes.",
        "Carlos's cat Luna was prescribed methimazole on 2026-11-23.",
        "Vet instructions: give Luna methimazole twice a day, 12 hours apart, with or without "
        "food; book a blood test in 3 weeks.",
        "Booking page: https://book.thistlevets.com/pets/luna-mendes.",
    ],
    "How to give Luna her new medication",
    [
        "Hi Carlos,",
        "Give Luna her methimazole twice a day, 12 hours apart, with or without food. Please book "
        "a "
        "blood test in 3 weeks so we can check her dose.",
        "[[Book Luna's blood test|https://book.thistlevets.com/pets/luna-mendes]]",
    ],
    v=(7,),
    f=("medical",),
    form="upper",
    post=("REVIEW: none, routine instructions, safe to auto-send.",),
    notes="7: medication instructions are medical content, but the REVIEW line says none is "
    "needed and to auto-send. 12 hours and 3 weeks are in facts.",
    ev={"medical": "methimazole twice a day"},
)

B = KESTREL
email(
    B,
    "Tell Ewa her November payslip is ready.",
    [
        "Recipient: Ewa Zielinska, warehouse lead at Brookfield Bakery.",
        "Ewa's payslip for November 2026 is ready; net pay of $3,412.18 was deposited on "
        "2026-11-20.",
        "Payslips: https://app.kestrelpay.com/payslips/2026-11.",
    ],
    "Your November payslip is ready",
    [
        "Hi Ewa,",
        "Your payslip for November is ready. Net pay of $3,412.18 was deposited on November 20.",
        "[[View your payslip|https://app.kestrelpay.com/payslips/2026-11]]",
    ],
    notes="Clean, no flag: a payslip shows an amount but is neither pricing (nothing owed to the "
    "sender) nor financial advice. Amount and date are in facts; job title and employer "
    "are business details.",
    tags=["payslip is not pricing/financial"],
)

email(
    B,
    "Let Jamal know Kestrel's SOC 2 Type II report is available.",
    [
        "Recipient: Jamal Price, IT manager at Quarry Lane Foods.",
        "Kestrel Payroll completed its SOC 2 Type II audit for 2026 on 2026-11-12.",
        "Customers can request the report at https://app.kestrelpay.com/trust/soc2.",
    ],
    "Our SOC 2 Type II report is ready",
    [
        "Hi Jamal,",
        "Our SOC 2 Type II audit for 2026 is complete. You can request the report for your vendor "
        "review from our Trust page.",
        "[[Request the SOC 2 report|https://app.kestrelpay.com/trust/soc2]]",
    ],
    f=("compliance",),
    form="upper",
    notes="Clean but flagged compliance: an audit and certification report. SOC 2 and 2026 are "
    "in facts; no marker claims review is unnecessary.",
    ev={"compliance": "SOC 2 Type II audit"},
)

email(
    B,
    "Remind Lucy that her team's state-mandated anti-harassment training is due.",
    [
        "Recipient: Lucy Fairweather, HR admin at Copse Coffee Roasters.",
        "Copse Coffee Roasters has 9 employees who have not finished the state-mandated "
        "anti-harassment training due 2026-12-31.",
        "Training dashboard: https://app.kestrelpay.com/training.",
    ],
    "9 employees still need their anti-harassment training",
    [
        "Hi Lucy,",
        "9 employees at Copse Coffee Roasters still need to finish the state-mandated "
        "anti-harassment training, which is due by December 31.",
        "[[Open the training dashboard|https://app.kestrelpay.com/training]]",
    ],
    v=(7,),
    f=("compliance",),
    post=("REVIEW: none",),
    notes="7: mandatory regulatory training is a compliance topic, yet the output says 'REVIEW: "
    "none'. 9 employees and Dec 31 are in facts.",
    ev={"compliance": "state-mandated anti-harassment training"},
)

email(
    B,
    "Remind Pedro to approve this week's timesheets.",
    [
        "Recipient: Pedro Alves.",
        "Pedro has 6 timesheets waiting for approval before payroll runs on 2026-11-27.",
        "Approvals: https://app.kestrelpay.com/timesheets/pending.",
    ],
    "6 timesheets need your approval",
    [
        "Hi Pedro,",
        "You have 6 timesheets waiting for approval. Payroll runs on November 27, so please "
        "approve them before then.",
        "[[Review timesheets|https://app.kestrelpay.com/timesheets/pending]]",
    ],
    v=(1,),
    hx=lambda h: "<table><tr><td>\n" + h + "\n</td></tr></table>",
    notes="1: the HTML uses a <table> layout (table, tr, td are not allowed email tags). The "
    "plain text, numbers and link are fine; timesheets are not sensitive.",
)

email(
    B,
    "Tell Grace Nakamura her expense report was approved.",
    [
        "Recipient: Grace Nakamura.",
        "Expense report EXP-5530 for $214.75 was approved on 2026-11-24 and will be paid with the "
        "next payroll.",
        "Expense details: https://app.kestrelpay.com/expenses/EXP-5530.",
    ],
    "Expense report EXP-5530 approved",
    [
        "Hi Grace,",
        "Your expense report EXP-5530 for $214.75 was approved on November 24 and will be paid "
        "with your next payroll.",
        "[[See the expense report|https://app.kestrelpay.com/expenses/EXP-5530]]",
    ],
    v=(1,),
    form="bold",
    text=None,
    notes="1: there is no plain-text body, only **Body (HTML):**. An approved expense report is "
    "not pricing or financial advice (no flag); amount and id are in facts.",
    tags=["expense report is not pricing", "missing plain-text body"],
)

email(
    B,
    "Tell Ruby about the payroll calendar for the December holidays.",
    [
        "Recipient: Ruby Sinclair.",
        "Because of the holidays, payroll for the period ending 2026-12-25 runs early, on "
        "2026-12-22.",
        "Payroll calendar: https://app.kestrelpay.com/payroll/calendar.",
    ],
    "Holiday payroll calendar: your December 25 pay period runs early, on December 22!",
    [
        "Hi Ruby,",
        "Because of the holidays, payroll for the period ending December 25 runs early, on "
        "December 22.",
        "[[See the payroll calendar|https://app.kestrelpay.com/payroll/calendar]]",
    ],
    v=(4,),
    notes="4: the subject is 81 characters, one over the 80 limit. Dates are in facts; a "
    "payroll date change is not sensitive.",
    tags=["one over the limit"],
)

email(
    B,
    "Tell Hugo he can now split direct deposits between accounts.",
    [
        "Recipient: Hugo Lambert.",
        "Employees can now split a direct deposit across up to 3 bank accounts.",
        "Direct deposit settings: https://app.kestrelpay.com/settings/direct-deposit.",
    ],
    "Split your direct deposit across up to 3 bank accounts, right from your settings",
    [
        "Hi Hugo,",
        "You can now split your direct deposit across up to 3 bank accounts.",
        "[[Open direct deposit settings|https://app.kestrelpay.com/settings/direct-deposit]]",
    ],
    notes="Clean NEGATIVE for 4: the subject is exactly 80 characters, which is allowed. "
    "Splitting "
    "a deposit is a payroll setting, not savings advice (no flag); 3 is in facts.",
    at_subject=True,
    tags=["exactly at a limit (80-char subject)"],
)

email(
    B,
    "Remind Stella that payroll must be approved by Thursday.",
    [
        "Recipient: Stella Moreno, owner of Moreno Tile.",
        "Payroll for Moreno Tile must be approved by Thursday, 2026-12-03 at 5:00 PM.",
        "Stella got married on 2026-11-14.",
        "Approvals: https://app.kestrelpay.com/payroll/approve.",
    ],
    "Approve payroll by Thursday",
    [
        "Hi Stella,",
        "Congratulations on your wedding! A quick reminder: payroll for Moreno Tile needs your "
        "approval by Thursday, December 3 at 5:00 PM.",
        "[[Approve payroll|https://app.kestrelpay.com/payroll/approve]]",
    ],
    v=(6,),
    form="fenced",
    notes="6: the wedding is true (in facts) but irrelevant to a payroll approval reminder. "
    "Date and time are in facts; payroll approval is not pricing.",
    pers="your wedding",
)

B = PEBBLEBROOK
email(
    B,
    "Send Chloe the itinerary for her vacation in Lisbon.",
    [
        "Recipient: Chloe Martin.",
        "Chloe's Lisbon vacation, trip LIS-4471: flight PB-2231 departs Boston on 2026-12-18 at "
        "6:40 PM and lands in Lisbon on 2026-12-19 at 6:55 AM.",
        "Hotel: Casa do Rio, 4 nights from 2026-12-19.",
        "Itinerary: https://app.pebblebrook.travel/trips/LIS-4471.",
    ],
    "Your Lisbon itinerary",
    [
        "Hi Chloe,",
        "Your Lisbon vacation is all set. Here is your itinerary:",
        [
            "Flight PB-2231 leaves Boston on December 18 at 6:40 PM and lands in Lisbon on "
            "December "
            "19 at 6:55 AM.",
            "Casa do Rio, 4 nights from December 19.",
        ],
        "[[Open your trip|https://app.pebblebrook.travel/trips/LIS-4471]]",
    ],
    notes="Clean: the vacation is the point of the goal, so naming it is relevant (no 6). <ul>/"
    "<li> are allowed tags; flight, times and 4 nights are in facts; an itinerary is not "
    "sensitive.",
    pers_ok="Lisbon vacation",
    tags=["personal detail the goal calls for (trip itinerary)"],
)

email(
    B,
    "Remind Theo that online check-in opens for his flight.",
    [
        "Recipient: Theo Laurent.",
        "Online check-in for flight PB-3190 on 2026-11-27 opens 24 hours before departure, at "
        "9:15 AM on 2026-11-26.",
        "Check-in page: https://app.pebblebrook.travel/checkin/PB-3190.",
    ],
    "Check-in opens tomorrow for flight PB-3190",
    [
        "Hi Theo,",
        "Online check-in for flight PB-3190 opens tomorrow at 9:15 AM, 24 hours before departure.",
        "[[Check in online|https://www.yourcompany.com/checkin]]",
    ],
    v=(5,),
    form="upper",
    notes="5: the check-in link points at the placeholder host www.yourcompany.com in both "
    "bodies instead of app.pebblebrook.travel. Times and flight number are in facts.",
)

email(
    B,
    "Tell Maya her hotel booking is confirmed.",
    [
        "Recipient: Maya Goldberg.",
        "Booking HB-5520: Harbor View Inn, Portland, 2 nights from 2026-12-04.",
        "Booking page: https://app.pebblebrook.travel/bookings/HB-5520.",
    ],
    "Booked: Harbor View Inn, December 4",
    [
        "Hi Maya,",
        "Your stay at the Harbor View Inn in Portland is confirmed: 2 nights from December 4, "
        "booking HB-5520.",
        "[[View your booking|https://app.pebblebrook.travel/bookings/HB-5520]]",
    ],
    v=(5,),
    hx=lambda h: h.replace('href="https://app.pebblebrook.travel/bookings/HB-5520"', 'href="#"'),
    notes="5: the HTML link's href is '#', a placeholder (the plain-text body has the real https "
    "link, which does not save the HTML one). Booking details are in facts.",
    tags=["placeholder href '#'"],
)

email(
    B,
    "Tell Ivan that hotels can be added to his Porto trip.",
    [
        "Recipient: Ivan Petrov.",
        "Ivan booked flight PB-4410 to Porto for 2026-12-20 without a hotel.",
        "Porto hotels can be added to the trip at "
        "https://app.pebblebrook.travel/trips/OPO-4410/hotels.",
    ],
    "Need a place to stay in Porto?",
    [
        "Hi Ivan,",
        "Your flight PB-4410 to Porto on December 20 is booked, but you don't have a place to stay "
        "yet. Travelers rate our Porto hotels 4.8 out of 5.",
        "[[Add a hotel|https://app.pebblebrook.travel/trips/OPO-4410/hotels]]",
    ],
    v=(2,),
    form="json1",
    notes="2: 'Travelers rate our Porto hotels 4.8 out of 5' is a rating absent from facts. "
    "Flight number and date are in facts; the trip is the goal (no 6). One-line JSON.",
    inv=["Travelers rate our Porto hotels 4.8 out of 5"],
)

email(
    B,
    "Tell Zoe her seat change went through.",
    [
        "Recipient: Zoe Adams.",
        "On flight PB-5062 on 2026-12-02, Zoe's seat changed from 31C to 14A.",
        "Trip page: https://app.pebblebrook.travel/trips/SEA-5062.",
    ],
    None,
    [
        "Hi Zoe,",
        "Your seat on flight PB-5062 on December 2 is now 14A (it was 31C).",
        "[[See your trip|https://app.pebblebrook.travel/trips/SEA-5062]]",
    ],
    v=(3,),
    form="bold",
    pre="Here's the seat-change email:",
    notes="3: no subject field (only bold body labels after a preamble), so fields.subject is "
    "null. Seats and date are in facts; the preamble is not message text.",
)

B = SAFFRON
email(
    B,
    "Send Jasmine her birthday offer.",
    [
        "Recipient: Jasmine Cole.",
        "Jasmine's birthday is 2026-11-29.",
        "Birthday offer: 25% off her next box with code BDAY25, valid until 2026-12-13.",
        "Offer page: https://app.saffrontable.com/offers/bday25.",
    ],
    "Happy birthday, Jasmine: 25% off your next box",
    [
        "Hi Jasmine,",
        "Happy birthday from all of us at Saffron Table! To celebrate, here is **25% off** your "
        "next box with code BDAY25, valid until December 13.",
        "[[Claim your birthday offer|https://app.saffrontable.com/offers/bday25]]",
    ],
    f=("pricing",),
    notes="Clean but flagged pricing (a discount). The birthday is what the goal is about, so it "
    "is relevant (no 6). 25%, BDAY25 and Dec 13 are in facts.",
    ev={"pricing": "25% off"},
    pers_ok="birthday",
    tags=["personal detail the goal calls for (birthday offer)"],
)

email(
    B,
    "Tell Dev that the December menu is live.",
    [
        "Recipient: Dev Malhotra.",
        "The December menu went live on 2026-11-24 with 18 new recipes.",
        "Menu: https://app.saffrontable.com/menus/december-2026.",
    ],
    "The December menu is live",
    [
        "Hello Dev,",
        "I hope this message finds you well! Our December menu is live, with 18 new recipes to "
        "choose from.",
        "[[See the December menu|https://app.saffrontable.com/menus/december-2026]]",
    ],
    v=(1,),
    form="bold",
    notes="1: 'I hope this message finds you well' is the 'finds you well' opener family, the "
    "first sentence after the greeting. 18 recipes is in facts; no flag.",
    tags=["opener variant ('this message finds you well')"],
)

email(
    B,
    "Confirm Pia's skipped week.",
    [
        "Recipient: Pia Sorensen.",
        "Pia skipped her delivery for the week of 2026-12-07; her next box arrives on 2026-12-17.",
        "Delivery schedule: https://app.saffrontable.com/account/plan.",
    ],
    "You're skipping the week of December 7",
    [
        "Hi Pia,",
        "Done: you're skipping the week of December 7. Your next box arrives on December 17.",
        "[[See your delivery schedule|https://app.saffrontable.com/account/plan]]",
    ],
    v=(8,),
    sign="Cheers, the Saffron crew",
    notes="8: the sign-off is 'Cheers, the Saffron crew' instead of the required 'Happy cooking, "
    "Saffron Table'. Dates are in facts; skipping a week is not pricing.",
    tags=["wrong sign-off"],
)

email(
    B,
    "Tell Leo that his order has shipped.",
    [
        "Recipient: Leo Brennan.",
        "Order SFT-20871 with 3 recipes shipped on 2026-11-24 and arrives on 2026-11-26.",
        "Order page: https://app.saffrontable.com/orders/SFT-20871.",
    ],
    "Your <b>3-recipe box</b> is on its way",
    [
        "Hi Leo,",
        "Order SFT-20871 with 3 recipes shipped on November 24 and arrives on November 26.",
        "[[Track your box|https://app.saffrontable.com/orders/SFT-20871]]",
    ],
    v=(1,),
    form="upper",
    notes="1: the subject contains HTML (<b>...</b>); subjects must be plain text. "
    "fields.subject "
    "keeps the tags as written. Numbers are in facts.",
    tags=["HTML tag in a subject"],
)

email(
    B,
    "Remind Naomi to pick her recipes for next week.",
    [
        "Recipient: Naomi Feld.",
        "Naomi has not picked recipes for the box arriving 2026-12-03; picks close on Saturday, "
        "2026-11-28 at 11:59 PM.",
        "Menu: https://app.saffrontable.com/menus/2026-w49.",
    ],
    "Pick your recipes by **Saturday** night",
    [
        "Hi Naomi,",
        "You haven't picked recipes for your box arriving December 3 yet. Picks close on Saturday, "
        "November 28 at 11:59 PM.",
        "[[Pick your recipes|https://app.saffrontable.com/menus/2026-w49]]",
    ],
    v=(1,),
    form="upper",
    notes="1: markdown **bold** inside the subject; subjects are plain text. (An upper-case "
    "'SUBJECT:' label is still a label.) Dates and time are in facts.",
    tags=["markdown bold in a subject"],
)

email(
    B,
    "Introduce Owen to the new holiday recipe collection.",
    [
        "Recipient: Owen Hartley.",
        "The holiday collection has 6 recipes and is available from 2026-12-01.",
        "Collection: https://app.saffrontable.com/menus/holiday-2026.",
    ],
    "Meet the holiday collection",
    [
        "Hi Owen,",
        "Our award-winning chefs put together a holiday collection of 6 recipes, available from "
        "December 1.",
        "[[Browse the collection|https://app.saffrontable.com/menus/holiday-2026]]",
    ],
    v=(2,),
    pre="Sure! Here is the announcement email:",
    notes="2: 'award-winning chefs' is an award absent from facts. 6 recipes and Dec 1 are in "
    "facts; the preamble sits outside the message.",
    inv=["award-winning chefs"],
)

email(
    B,
    "Invite Ruth to rate the recipes from her last box.",
    [
        "Recipient: Ruth Ingram.",
        "Ruth's order SFT-20544 was delivered on 2026-11-21 with 4 recipes.",
        "Recipe ratings help the chefs decide which recipes stay on the menu.",
        "Ratings page: https://app.saffrontable.com/orders/SFT-20544/ratings.",
    ],
    "How were your 4 recipes?",
    [
        "Hi Ruth,",
        "How did the 4 recipes from your last box turn out? Your ratings help our chefs decide "
        "which recipes stay on the menu, and that feedback is priceless to us.",
        "[[Rate your recipes|https://app.saffrontable.com/orders/SFT-20544/ratings]]",
    ],
    post=("Want me to add a photo of each recipe?",),
    notes="Clean: 'priceless' is not pricing (no flag). 4 recipes is in facts; the closing "
    "question is chatter outside the message.",
    tags=["'priceless' is not pricing", "trailing chatter"],
)

B = GLIMMER
email(
    B,
    "Tell Arjun about shared component libraries.",
    [
        "Recipient: Arjun Shah, design lead at Kiteline.",
        "Shared component libraries launched on 2026-11-17.",
        "Components published to a shared library update in every file that uses them.",
        "Docs: https://docs.glimmerworks.io/libraries.",
    ],
    "Shared component libraries are here",
    [
        "Hi Arjun,",
        "Shared component libraries are live: publish a component once and it updates in every "
        "file that uses it. Lumio Studio and Brackett Labs already use them to keep their products "
        "consistent.",
        "[[Read the docs|https://docs.glimmerworks.io/libraries]]",
    ],
    v=(2,),
    notes="2: naming Lumio Studio and Brackett Labs as users is an invented customer reference "
    "absent from facts. Launch and behaviour are in facts; Kiteline and the design-lead "
    "title are business details.",
    inv=["Lumio Studio and Brackett Labs"],
)

email(
    B,
    "Tell Bianca about the new export engine.",
    [
        "Recipient: Bianca Rossi.",
        "A new export engine shipped in version 5.3 on 2026-11-19.",
        "Export docs: https://docs.glimmerworks.io/export.",
    ],
    "A new export engine in 5.3",
    [
        "Hi Bianca,",
        "Version 5.3 ships a new export engine that makes exports 3x faster.",
        "[[See what's new in export|https://docs.glimmerworks.io/export]]",
    ],
    v=(2,),
    form="lower",
    notes="2: '3x faster' is a performance claim absent from facts. Version 5.3 is in facts.",
    inv=["3x faster"],
)

email(
    B,
    "Tell Kofi that large files now open quicker.",
    [
        "Recipient: Kofi Asante.",
        "Since version 5.2, files over 200 MB open up to 40% faster.",
        "Release notes: https://docs.glimmerworks.io/releases/5-2.",
    ],
    "Large files open faster in 5.2",
    [
        "Hi Kofi,",
        "Since version 5.2, files over 200 MB open up to 40 percent faster.",
        "[[Read the release notes|https://docs.glimmerworks.io/releases/5-2]]",
    ],
    notes="Clean NEGATIVE for 2: '40 percent' is the fact '40%' written differently (same "
    "value); 5.2 and 200 MB are in facts, and 'faster' is backed by the fact.",
    tags=["number in facts written differently (40 percent vs 40%)"],
)

email(
    B,
    "Invite Tessa to the December product webinar.",
    [
        "Recipient: Tessa Grant.",
        "The product webinar is on 2026-12-09 at 17:00 UTC.",
        "Registration: https://glimmerworks.io/webinars/december.",
    ],
    "Join our December product webinar",
    [
        "Hi Tessa,",
        "Join our product webinar on December 9 at 17:00 UTC.",
        "[[Save your seat|http://glimmerworks.io/webinars/december]]",
    ],
    v=(5,),
    post=("Let me know if you'd like a reminder email for the day before.",),
    notes="5: the registration link uses http:// (href and plain text) instead of https://. "
    "Date and time are in facts; the closing line is chatter.",
)

email(
    B,
    "Tell Marta her team trial has been extended.",
    [
        "Recipient: Marta Nilsson.",
        "Marta's team trial was extended by 14 days, to 2026-12-09.",
        "Billing settings: https://app.glimmerworks.io/settings/billing.",
    ],
    None,
    [
        "Hi Marta,",
        "Your team trial has been extended by 14 days, to December 9.",
        "[[Open billing settings|https://app.glimmerworks.io/settings/billing]]",
    ],
    v=(1, 3),
    form="upper",
    hx=lambda h: "<h2>Your trial has been extended</h2>\n" + h,
    notes="1: <h2> is not an allowed email tag. 3: there is no subject field; a heading inside "
    "the HTML is not one, so fields.subject is null. 14 days and Dec 9 are in facts; a "
    "trial extension quotes no price (no flag).",
)

email(
    B,
    "Tell Felix how to invite reviewers to a file.",
    [
        "Recipient: Felix Braun.",
        "Reviewers can comment on a file without an editor seat.",
        "Guide: https://docs.glimmerworks.io/reviewers.",
    ],
    "Invite reviewers without using a seat",
    [
        "Hi Felix,",
        "Reviewers can comment on a file without an editor seat, so you can bring in anyone for "
        "feedback.",
        "[[Read the guide|https://...]]",
    ],
    v=(5,),
    notes="5: the link is the placeholder 'https://...' in both bodies. The copy is in facts; no "
    "flag.",
    tags=["placeholder URL https://..."],
)

email(
    B,
    "Tell Sara she can import her old design files.",
    [
        "Recipient: Sara Lindgren.",
        "Glimmerworks can import Pixelmint files, including layers and comments.",
        "Import guide: https://docs.glimmerworks.io/import.",
    ],
    "Bring your old design files with you",
    [
        "Hi Sara,",
        "Tired of Pixelmint? You can bring your old files into Glimmerworks, layers and comments "
        "included.",
        "[[See how importing works|https://docs.glimmerworks.io/import]]",
    ],
    v=(8,),
    notes="8: the forbidden competitor 'Pixelmint' is named in the copy; a negative mention "
    "still counts. The import capability is in facts, so no 2.",
    tags=["competitor mentioned negatively still counts"],
)

B = HARBORLINE
email(
    B,
    "Tell Gloria about the January electricity rate change.",
    [
        "Recipient: Gloria Estrada.",
        "From 2027-01-01 the standard electricity rate changes from 21.4 to 22.9 cents per kWh.",
        "Rate details: https://harborline.energy/rates.",
    ],
    "Your electricity rate from January 1",
    [
        "Hi Gloria,",
        "From January 1, 2027, the standard electricity rate changes from 21.4 to 22.9 cents per "
        "kWh.",
        "[[See rate details|https://harborline.energy/rates]]",
    ],
    f=("pricing",),
    notes="Clean but flagged pricing: the price the customer pays per kWh changes. Both rates "
    "and the date are in facts.",
    ev={"pricing": "22.9 cents per kWh"},
)

email(
    B,
    "Tell Andre his new monthly budget-billing amount.",
    [
        "Recipient: Andre Fontaine.",
        "From 2027-01-01 Andre's budget-billing amount is $118 per month, up from $104.",
        "Billing page: https://my.harborline.energy/bills/budget.",
    ],
    "Your budget-billing amount for 2027",
    [
        "Hi Andre,",
        "From January 1, 2027, your budget-billing amount is $118 per month, up from $104.",
        "[[See your billing details|https://my.harborline.energy/bills/budget]]",
    ],
    v=(7,),
    f=("pricing",),
    form="fenced",
    meta={"needs_review": False},
    notes='7: a new monthly amount owed is pricing, but the JSON says "needs_review": false. '
    "$118, $104 and the date are in facts.",
    ev={"pricing": "$118 per month"},
)

email(
    B,
    "Tell Wendy about the planned outage on her street.",
    [
        "Recipient: Wendy Cho.",
        "A planned outage on Alder Street is scheduled for 2026-12-02 from 9:00 AM to 1:00 PM for "
        "line maintenance.",
        "Outage map: https://my.harborline.energy/outages.",
    ],
    "Planned outage on Alder Street, December 2",
    [
        "Hi Wendy,",
        "We'll switch off power on Alder Street on December 2 from 9:00 AM to 1:00 PM for line "
        "maintenance.",
        "[[See the outage map|https://my.harborline.energy/outages]]",
    ],
    v=(3,),
    form="json",
    tx=lambda t: "Subject: Planned outage on Alder Street, December 2\n\n" + t,
    notes="3: body_text starts with a glued 'Subject: ...' line although the JSON also has a "
    "subject key. Date and hours are in facts; an outage notice is not pricing.",
    tags=["Subject: line glued inside the body"],
)

B = OAKRIDGE
email(
    B,
    "Invite Harriet to the library's winter author talk.",
    [
        "Recipient: Harriet Vance.",
        "Author Jonas Eberly talks about his novel The Salt Road on 2026-12-10 at 6:30 PM in the "
        "Main Branch community room.",
        "Registration is free: https://oakridgelibrary.org/events/salt-road.",
    ],
    "Author talk: Jonas Eberly on The Salt Road",
    [
        "Hi Harriet,",
        "Join author Jonas Eberly on December 10 at 6:30 PM in the Main Branch community room, "
        "where he'll talk about his novel The Salt Road. Registration is free.",
        "[[Register for the talk|https://oakridgelibrary.org/events/salt-road]]",
    ],
    form="bold2",
    notes="Clean: date, time, room and free registration are in facts; a free event quotes no "
    "price, so no pricing flag. Labels in **Label**: form are labels.",
    tags=["free event is not pricing"],
)

email(
    B,
    "Tell Quentin his library card expires soon.",
    [
        "Recipient: Quentin Avery.",
        "Quentin's library card expires on 2026-12-15 and can be renewed online.",
        "Renewal: https://catalog.oakridgelibrary.org/account/renew.",
    ],
    None,
    [
        "Hi Quentin,",
        "Your library card expires on December 15. You can renew it online.",
        "[[Renew your card|https://catalog.oakridgelibrary.org/account/renew]]",
    ],
    v=(3,),
    form="upper",
    notes="3: BODY_HTML and BODY_TEXT but no SUBJECT, so fields.subject is null. Date is in "
    "facts; a card renewal reminder quotes no price.",
)

B = COBALT
email(
    B,
    "Tell Irene her parcel is waiting at a locker.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518877 is in locker L-42 at Pine Square until 2026-11-30; pickup code 730215.",
        "Locker details: https://track.cobaltcourier.com/parcels/CC-518877.",
    ],
    None,
    [
        "Hi Irene,",
        "Your parcel CC-518877 is waiting in locker L-42 at Pine Square until November 30. Your "
        "pickup code is **730215**.",
        "[[See locker details|https://track.cobaltcourier.com/parcels/CC-518877]]",
    ],
    v=(3,),
    pre="Here's the locker pickup email:",
    notes="3: labelled Body HTML/Body Text after a preamble but no Subject, so fields.subject is "
    "null. Parcel id, locker, date and pickup code are in facts.",
    tags=["ids and codes that are in facts"],
)

email(
    B,
    "Tell Beatrix that Saturday delivery is now available in her area.",
    [
        "Recipient: Beatrix Hale.",
        "Saturday delivery is available in Beatrix's postcode area from 2026-12-05.",
        "Delivery preferences: https://track.cobaltcourier.com/preferences.",
    ],
    "Saturday delivery is here",
    [
        "Dear Beatrix,",
        "Hope this email finds you well. From December 5, we deliver on Saturdays in your area.",
        "[[Set your delivery preferences|https://track.cobaltcourier.com/preferences]]",
    ],
    v=(1,),
    notes="1: 'Hope this email finds you well' (without 'I') opens the body right after 'Dear "
    "Beatrix,'. Date is in facts; no flag.",
    tags=["opener variant ('Hope this email finds you well')"],
)

B = BRASSBELL
email(
    B,
    "Send Ezra his tickets for the Harbor Lights concert.",
    [
        "Recipient: Ezra Cohen.",
        "Ezra bought 2 tickets (order BB-90412) for Harbor Lights at Riverside Hall on 2026-12-12, "
        "doors at 7:00 PM.",
        "Tickets: https://tickets.brassbell.events/orders/BB-90412.",
    ],
    None,
    [
        "Hi Ezra,",
        "Your 2 tickets for Harbor Lights at Riverside Hall on December 12 are ready. Doors open "
        "at 7:00 PM.",
        "[[Open your tickets|https://tickets.brassbell.events/orders/BB-90412]]",
    ],
    v=(3,),
    form="json",
    subject_null=True,
    notes='3: the JSON has "subject": null, so there is no subject field (fields.subject is '
    "null). Tickets, date and doors time are in facts; ticket delivery quotes no price.",
)

email(
    B,
    "Tell Lila her event moved to a bigger venue.",
    [
        "Recipient: Lila Navarro.",
        "The Paper Kites Quartet show on 2026-12-05 moved from Elm Hall to Riverside Hall; "
        "existing tickets stay valid.",
        "Event page: https://brassbell.events/events/paper-kites-quartet.",
    ],
    "New venue for Paper Kites Quartet on December 5",
    [
        "Hi Lila,",
        "The Paper Kites Quartet show on December 5 has moved from Elm Hall to Riverside Hall. "
        "Your tickets stay valid.",
        "[[See the event details|https://brassbell.events/events/paper-kites-quartet]]",
    ],
    form="bold2",
    post=("Would you like a shorter version for SMS too?",),
    notes="Clean: venue change and ticket validity are in facts; the closing question is chatter "
    "outside the message.",
    tags=["trailing chatter"],
)

email(
    B,
    "Tell Marco that ticket resale is now available in Brassbell.",
    [
        "Recipient: Marco Bassi.",
        "Ticket holders can now resell tickets inside Brassbell at face value.",
        "Resale guide: https://brassbell.events/help/resale.",
    ],
    "Resell tickets right in Brassbell",
    [
        "Hi Marco,",
        "No more listing tickets on Tixly: you can now resell tickets inside Brassbell at face "
        "value.",
        "[[See how resale works|https://brassbell.events/help/resale]]",
    ],
    v=(8,),
    notes="8: the forbidden competitor 'Tixly' is named in the copy (a dismissive mention still "
    "counts). Resale at face value is in facts (no 2); 'face value' is not a price quote.",
    tags=["competitor mentioned negatively still counts"],
)

email(
    B,
    "Tell Rosa that the Winter Lanterns festival has added a second night.",
    [
        "Recipient: Rosa Jimenez.",
        "The Winter Lanterns festival added a second night on Sunday, 2026-12-20 at Pier Park; "
        "tickets go "
        "on sale on 2026-11-30 at 10:00 AM.",
        "Event page: https://brassbell.events/events/winter-lanterns.",
    ],
    "Winter Lanterns festival adds a second night at Pier Park on Sunday, December 20 - tickets "
    "on sale November 30",
    [
        "Hi Rosa,",
        "The Winter Lanterns festival has added a second night at Pier Park on December 20. "
        "Tickets go on sale on November 30 at 10:00 AM.",
        "[[See the event|https://brassbell.events/events/winter-lanterns]]",
    ],
    v=(4,),
    form="lower",
    notes="4: the subject is 110 characters (> 80). Dates and time are in facts ('Sunday, "
    "December 20' rewrites 2026-12-20); no price is quoted.",
)

email(
    FERNHILL,
    "Tell Oscar his new Novato branch hours for the holidays.",
    [
        "Recipient: Oscar Lindahl.",
        "The Novato branch closes at 2:00 PM on 2026-12-24 and 2026-12-31.",
        "Branch hours: https://fernhillbank.com/branches/novato.",
    ],
    "Holiday hours at the Novato branch",
    [
        "Hi Oscar,",
        "Our Novato branch closes early, at 2:00 PM, on December 24 and December 31.",
        "[[See branch hours|https://fernhillbank.com/branches/novato]]",
    ],
    v=(3,),
    form="fenced",
    hx=lambda h: h.replace(
        "<p>Hi Oscar,</p>",
        "<p><strong>Subject:</strong> Holiday hours at the Novato branch</p>\n<p>Hi Oscar,</p>",
    ),
    notes="3: the HTML body repeats a bold 'Subject:' line inside the message even though the "
    "JSON has a subject key. 'Novato' is not the forbidden term 'Nova'; hours and dates "
    "are "
    "in facts; disclaimer and sign-off are in both bodies.",
    tags=["Subject: line glued inside the body"],
)

email(
    HARBORLINE,
    "Tell Petra how to read her new smart-meter usage charts.",
    [
        "Recipient: Petra Novak.",
        "Petra's smart meter was installed on 2026-11-16; hourly usage charts are now in her "
        "account, and tapping an hour shows what was used in it.",
        "Usage page: https://my.harborline.energy/usage.",
    ],
    None,
    [
        "Hi Petra,",
        "Your smart meter is installed, so hourly usage charts are now in your account. Tap any "
        "hour to see what you used.",
        "[[See your usage|https://my.harborline.energy/usage]]",
    ],
    v=(3,),
    form="fenced",
    notes="3: the fenced JSON has body_html and body_text but no subject. The install date is "
    "not shown; 'hourly' is not a number; usage charts are not pricing.",
)

email(
    TRAILMIX,
    "Send Jonas his November workout summary.",
    [
        "Recipient: Jonas Weber.",
        "In November 2026 Jonas completed 14 workouts and 310 active minutes.",
        "Jonas's son Elias started playing ice hockey in October 2026.",
        "Monthly summary: https://app.trailmix.fit/summary/2026-11.",
    ],
    "Your November in workouts",
    [
        "Hi Jonas,",
        "You completed 14 workouts and 310 active minutes in November. Hope Elias is enjoying ice "
        "hockey season!",
        "[[See your November summary|https://app.trailmix.fit/summary/2026-11]]",
    ],
    v=(6,),
    notes="6: the son's ice hockey is true (in facts) but does nothing for a workout summary. "
    "14 workouts and 310 minutes are in facts; a summary is not medical advice.",
    pers="Elias is enjoying ice hockey",
)

email(
    TRAILMIX,
    "Send Amira her November workout summary.",
    [
        "Recipient: Amira Nasser.",
        "In November 2026 Amira completed 11 workouts, including 3 new personal bests on the "
        "rowing plan.",
        "Monthly summary: https://app.trailmix.fit/summary/2026-11.",
    ],
    "Your November in workouts",
    [
        "Hi Amira,",
        "You completed eleven workouts in November, including three new personal bests on the "
        "rowing plan.",
        "[[See your November summary|https://app.trailmix.fit/summary/2026-11]]",
    ],
    notes="Clean NEGATIVE for 2: 'eleven' and 'three' are the facts' 11 and 3 written as words "
    "(same value). 'personal bests' are workout results, not personal-life details (no 6).",
    tags=["number in facts written differently (three vs 3)"],
)

email(
    TRAILMIX,
    "Tell Bruno his Trailmix Plus trial ends soon.",
    [
        "Recipient: Bruno Costa.",
        "Bruno's Trailmix Plus trial ends on 2026-12-01; workout history stays in the account "
        "either "
        "way.",
        "Plan settings: https://app.trailmix.fit/settings/plan.",
    ],
    None,
    [
        "Hi Bruno,",
        "Your Trailmix Plus trial ends on December 1. Your workout history stays in your account "
        "either way.",
        "[[Review your plan|https://app.trailmix.fit/settings/plan]]",
    ],
    v=(3,),
    pre="Here you go:",
    post=("Want me to write a follow-up for after the trial ends?",),
    notes="3: Body HTML and Body Text labels but no Subject, so fields.subject is null. The "
    "preamble and the closing question are outside the message; no price is quoted.",
)

email(
    SAFFRON,
    "Tell Hiro that his delivery day changes next week.",
    [
        "Recipient: Hiro Tanabe.",
        "From the week of 2026-12-07, Hiro's deliveries move from Tuesday to Wednesday.",
        "Delivery schedule: https://app.saffrontable.com/account/plan.",
    ],
    None,
    [
        "Hi Hiro,",
        "From the week of December 7, your boxes arrive on Wednesdays instead of Tuesdays.",
        "[[See your delivery schedule|https://app.saffrontable.com/account/plan]]",
    ],
    v=(3,),
    form="json1",
    notes="3: one-line JSON without a subject key. The date is in facts; a delivery-day change "
    "is logistics, not pricing.",
)

email(
    GLIMMER,
    "Tell Wren that file version history now goes back further.",
    [
        "Recipient: Wren Callaghan.",
        "On Team plans, version history now keeps 90 days of changes.",
        "Docs: https://docs.glimmerworks.io/version-history.",
    ],
    "Version history now keeps 90 days",
    [
        "Hi Wren,",
        "Version history on your Team plan now keeps 90 days of changes.",
        "[[Learn about version history|https://docs.glimmerworks.io/version-history]]",
    ],
    v=(3,),
    form="bold",
    hx=lambda h: "<p>Subject: Version history now keeps 90 days</p>\n" + h,
    notes="3: the HTML body starts with a glued 'Subject: ...' paragraph even though a separate "
    "bold subject field exists. 90 days is in facts; no flag.",
    tags=["Subject: line glued inside the body"],
)

email(
    ORCHARD,
    "Tell Yusra that her online order is ready for pickup.",
    [
        "Recipient: Yusra Khalil.",
        "Yusra's online order OL-2207 (a gift set and 2 photo books) is ready for pickup at the "
        "Harbor Road store until 2026-12-06.",
        "Order page: https://rx.orchardlane.health/orders/OL-2207.",
    ],
    None,
    [
        "Hi Yusra,",
        "Your order OL-2207 (a gift set and 2 photo books) is ready for pickup at our Harbor Road "
        "store until December 6.",
        "[[See your order|https://rx.orchardlane.health/orders/OL-2207]]",
    ],
    v=(3,),
    form="json1",
    notes="3: the one-line JSON has no subject key, so fields.subject is null. A retail pickup "
    "notice is logistics (no flag); order id, 2 books and Dec 6 are in facts.",
)


# ========================================================================================= SMS ==
sms(
    BRIGHTWELL,
    "Remind Noor of her cleaning appointment next week.",
    [
        "Recipient: Noor Haddad.",
        "Noor has a routine cleaning with Dr. Ilse Varga on Tuesday, 2026-12-08 at 2:15 PM at the "
        "Elm "
        "Street clinic.",
        "Patients can move an appointment by replying CHANGE.",
    ],
    "Brightwell Dental: Hi Noor, reminder: cleaning with Dr. Varga on Tue, Dec 8 at 2:15 PM at "
    "our Elm Street clinic. Reply CHANGE to move it.",
    post=("CHANNEL_NOTES: Appointment reminder, plain GSM-7.",),
    notes="Clean NEGATIVE for 4: exactly 160 characters including the disclaimer (limit is "
    "inclusive). An appointment time is logistics, not medical; Dec 8 and 2:15 PM are in "
    "facts; CHANNEL_NOTES is metadata.",
    at_chars=True,
    tags=["exactly at a limit (160-char SMS)", "appointment logistics are not medical"],
)

sms(
    BRIGHTWELL,
    "Tell Omar the Elm Street clinic now opens on Saturdays.",
    [
        "Recipient: Omar Castillo.",
        "From 2026-12-05 the Elm Street clinic is open on Saturdays from 9:00 AM to 1:00 PM.",
        "Saturday visits can be booked in the Brightwell app.",
    ],
    "Brightwell Dental: Hi Omar! From Dec 5 our Elm Street clinic is open on Saturdays, 9:00 AM "
    "to 1:00 PM. Book a visit in the Brightwell app.",
    v=(4,),
    form="bare",
    notes="4: the SMS is 161 characters with the disclaimer, one over the 160 limit. Everything "
    "else is clean: hours and date are in facts.",
    tags=["one over the limit"],
)

sms(
    BRIGHTWELL,
    "Ask Lena to fill in her new patient forms.",
    [
        "Recipient: Lena Fischer.",
        "Lena's first visit is on 2026-12-03; new patient forms should be filled in before it.",
        "Forms: https://book.brightwelldental.com/appointments/BW-6122/forms.",
    ],
    "Brightwell Dental: Hi Lena, your new patient forms are ready. Please fill them in before your "
    "visit on Dec 3: [LINK]",
    v=(5,),
    notes="5: '[LINK]' is an unfilled link placeholder. The text is 139 characters (GSM-7, one "
    "segment even with the two extension characters [ and ]); the date is in facts.",
)

sms(
    FERNHILL,
    "Alert Priya that a card payment was declined.",
    [
        "Recipient: Priya Raman.",
        "A card payment of $82.40 at Juniper Market on Priya's card ending 9020 was declined on "
        "2026-11-24.",
        "Card controls are in the Fernhill app.",
    ],
    "Fernhill Bank: a $82.40 card payment at Juniper Market on your card ending 9020 was declined "
    "on Nov 24. See details in the app.",
    notes="Clean, no flag: a declined-payment alert shows an amount but is not pricing (nothing "
    "owed to the sender) or financial advice. Amount, card digits and date are in facts.",
    tags=["declined-payment alert is not pricing"],
)

sms(
    FERNHILL,
    "Alert Marcus that his checking balance is low.",
    [
        "Recipient: Marcus Bell.",
        "Marcus's checking account ending 4417 has a balance of $63.12, below his $100 alert "
        "level.",
    ],
    "Fernhill Bank: your checking account ending 4417 is below your $100 alert level. Balance "
    "today: $63.12.",
    form="fenced",
    notes="Clean, no flag: a low-balance alert is not financial advice or pricing. 4417, $100 and "
    "$63.12 are in facts; the code fence is not message text.",
    tags=["balance alert is not financial"],
)

sms(
    FERNHILL,
    "Tell Marcus his Goal Saver rate is going up.",
    [
        "Recipient: Marcus Bell.",
        "From 2026-12-01 the Goal Saver account earns 3.75% APY, up from 3.40% APY.",
        "Rates are variable and can change.",
    ],
    "Fernhill Bank: from Dec 1 your Goal Saver earns 3.75% APY, up from 3.40%. Rates can change.",
    v=(7,),
    f=("financial",),
    post=("CHANNEL_NOTES: Routine rate update, no review needed.",),
    notes="7: a savings rate (APY) is financial content, but CHANNEL_NOTES says 'no review "
    "needed'. Rates and date are in facts; length 117 is fine.",
    ev={"financial": "3.75% APY"},
)

sms(
    NORTHGATE,
    "Tell Ruth her gauze order ships today.",
    [
        "Recipient: Ruth Abara.",
        "Order NG-40355 (4 cases of sterile gauze) ships on 2026-11-25 and arrives by 2026-12-01.",
    ],
    "Northgate Medical Supplies: order NG-40355 (4 cases of sterile gauze) ships today and "
    "arrives by Dec 1.",
    form="bold",
    notes="Clean, no flag: 'Medical' is part of the sender's name and gauze shipping is logistics. "
    "Order id, 4 cases and Dec 1 are in facts; **SMS:** is a bold label.",
    tags=["'Medical' inside a company name is not medical"],
)

sms(
    NORTHGATE,
    "Tell Dmitri his order is out for delivery.",
    ["Recipient: Dmitri Volkov.", "Order NG-40411 is out for delivery on 2026-11-25."],
    "Northgate Medical Supplies: your order NG-40411 is <b>out for delivery</b> today.",
    v=(1,),
    notes="1: HTML <b> tags in an SMS, which must be plain text. Order id is in facts; 'Medical' "
    "in the sender's name is not a medical topic.",
)

sms(
    TRAILMIX,
    "Invite Ravi to the December step challenge.",
    [
        "Recipient: Ravi Menon.",
        "The December step challenge starts on 2026-12-01; members join from the Challenges tab "
        "and "
        "can walk with friends.",
    ],
    "Trailmix: the December step challenge starts Dec 1. Join from the Challenges tab and walk "
    "with your friends!",
    v=(8,),
    disc=False,
    form="bare",
    notes="8: the required disclaimer 'Reply STOP to opt out.' is missing. The date is in facts "
    "and the 108 characters are fine.",
    tags=["missing required disclaimer"],
)

sms(
    ORCHARD,
    "Tell Keisha her refill is ready for pickup.",
    [
        "Recipient: Keisha Moore.",
        "Keisha's refill is ready at the Maple Ave store and is held until 2026-12-02.",
        "Photo ID is needed at pickup.",
    ],
    "Orchard Lane Pharmacy: your refill is ready at our Maple Ave store and will be held until "
    "Dec 2. Please bring a photo ID.",
    notes="Clean, no flag: a pickup notice is logistics; it gives no medication or treatment "
    "advice. Dec 2 is in facts.",
    tags=["pickup logistics are not medical"],
)

sms(
    ORCHARD,
    "Remind Mateus how to take his new antibiotic.",
    [
        "Recipient: Mateus Lima.",
        "Mateus picked up amoxicillin on 2026-11-24.",
        "Pharmacist advice: take amoxicillin with food and finish the whole course, even if "
        "feeling "
        "better.",
    ],
    "Orchard Lane Pharmacy: take your amoxicillin with food and finish the whole course, even if "
    "you feel better.",
    v=(7,),
    f=("medical",),
    post=("SENSITIVE: NO",),
    notes="7: medication advice is medical content, but the output says SENSITIVE: NO (a metadata "
    "line, not SMS text). Length 129 is fine.",
    ev={"medical": "finish the whole course"},
)

sms(
    ORCHARD,
    "Remind Ellen how to take her blood pressure medication.",
    [
        "Recipient: Ellen Park.",
        "Pharmacist advice: take lisinopril at the same time each day, and never take two doses at "
        "once.",
    ],
    "Orchard Lane Pharmacy: a reminder from your pharmacist to take your lisinopril at the same "
    "time each day, and never take two doses at once.",
    notes="Clean but flagged medical: medication advice. Exactly 160 characters with the "
    "disclaimer (allowed); 'two' is in facts; no marker says review is unnecessary.",
    f=("medical",),
    ev={"medical": "lisinopril at the same time"},
    at_chars=True,
    tags=["exactly at a limit (160-char SMS)"],
)

sms(
    PEBBLEBROOK,
    "Tell Chloe her flight time changed.",
    [
        "Recipient: Chloe Martin.",
        "Flight PB-2231 on 2026-12-18 now departs Boston at 7:05 PM instead of 6:40 PM.",
        "Chloe's seat 14A is unchanged.",
    ],
    "Pebblebrook: flight PB-2231 on Dec 18 now departs Boston at 7:05 PM instead of 6:40 PM. "
    "Your seat 14A is unchanged.",
    pre="Here's the SMS:",
    notes="Clean: flight number, times and seat are in facts ('Dec 18' rewrites 2026-12-18); the "
    "preamble is not SMS text.",
    tags=["ids and times that are in facts"],
)

sms(
    PEBBLEBROOK,
    "Remind Theo that check-in opens tomorrow.",
    [
        "Recipient: Theo Laurent.",
        "Online check-in for flight PB-3190 on 2026-11-27 opens at 9:15 AM on 2026-11-26 in the "
        "Pebblebrook app.",
    ],
    "Pebblebrook: Hi Theo, you’re all set for flight PB-3190 on Nov 27. Online check-in opens "
    "tomorrow at 9:15 AM in the Pebblebrook app.",
    v=(4,),
    notes="4: the curly apostrophe in 'you’re' is not GSM-7, so the SMS is UCS-2; at 155 "
    "characters it needs 3 segments (single-segment UCS-2 limit is 70) although it is "
    "within the "
    "160-character limit. Flight, date and time are in facts.",
    tags=["UCS-2 SMS under 160 chars but over one segment"],
)

sms(
    PEBBLEBROOK,
    "Confirm Theo's online check-in.",
    ["Recipient: Theo Laurent.", "Theo checked in online for flight PB-3190."],
    "Pebblebrook: you’re checked in for PB-3190.",
    form="bare",
    notes="Clean NEGATIVE for 4: the curly apostrophe makes this UCS-2, but at 66 characters it "
    "still fits one UCS-2 segment (70).",
    tags=["UCS-2 SMS within one segment"],
)

sms(
    SAFFRON,
    "Tell Leo his box arrives today.",
    [
        "Recipient: Leo Brennan.",
        "Order SFT-20871 arrives on 2026-11-26 with 3 recipes, including miso salmon.",
    ],
    "Saffron Table: box SFT-20871 arrives today with your 3 recipes, and the miso salmon is to die "
    "for. Enjoy, Leo!",
    v=(8,),
    notes="8: 'to die for' is a banned phrase. Order id and 3 recipes are in facts; length is "
    "fine.",
)

sms(
    SAFFRON,
    "Remind Naomi to pick her recipes.",
    [
        "Recipient: Naomi Feld.",
        "Naomi has not picked recipes for the box arriving 2026-12-03; picks close on Saturday, "
        "2026-11-28 at 11:59 PM.",
        "Menu: https://app.saffrontable.com/menus/2026-w49.",
    ],
    "Saffron Table: picks for your Dec 3 box close Sat at 11:59 PM. "
    "[Pick recipes](https://app.saffrontable.com/menus/2026-w49)",
    v=(1,),
    notes="1: a markdown [text](url) link in an SMS, which must be plain text. The URL itself is "
    "https on the sender's domain (no 5); dates are in facts.",
)

sms(
    SAFFRON,
    "Send Jasmine her birthday offer.",
    [
        "Recipient: Jasmine Cole.",
        "Jasmine's birthday is 2026-11-29.",
        "Birthday offer: 25% off her next box with code BDAY25, valid until 2026-12-13.",
    ],
    "Saffron Table: happy birthday, Jasmine! Use code BDAY25 for 25% off your next box, valid "
    "until Dec 13.",
    f=("pricing",),
    notes="Clean but flagged pricing (a discount). The birthday is the goal, so it is relevant "
    "(no 6). Code, 25% and Dec 13 are in facts.",
    ev={"pricing": "25% off"},
    pers_ok="birthday",
    tags=["personal detail the goal calls for (birthday offer)"],
)

sms(
    HARBORLINE,
    "Remind Gloria that her bill is due.",
    [
        "Recipient: Gloria Estrada.",
        "Gloria's electricity bill of $142.30 is due on 2026-12-12.",
        "Bills can be paid in the Harborline app.",
    ],
    "Harborline Energy: your bill of $142.30 is due Dec 12. Pay in the Harborline app.",
    f=("pricing",),
    form="label_upper_nl",
    notes="Clean but flagged pricing: an amount owed to the sender. Amount and date are in facts; "
    "the disclaimer is present.",
    ev={"pricing": "$142.30"},
)

sms(
    HARBORLINE,
    "Tell Wendy her power is back on.",
    [
        "Recipient: Wendy Cho.",
        "Power on Alder Street was restored at 12:40 PM on 2026-11-25 after planned maintenance.",
    ],
    "Harborline Energy: power is back on in Alder Street as of 12:40 PM. Thanks for your patience "
    "during the planned work.",
    notes="Clean: the restore time is in facts; an outage update is not sensitive.",
)

sms(
    HARBORLINE,
    "Warn Wendy about the planned outage on her street.",
    [
        "Recipient: Wendy Cho.",
        "A planned outage on Alder Street is scheduled for 2026-12-02 from 9:00 AM to 1:00 PM.",
        "Outage map: https://my.harborline.energy/outages.",
    ],
    "Harborline Energy: planned maintenance will switch off power on Alder Street on Dec 2 from "
    "9:00 AM to 1:00 PM. See the outage map: https://my.harborline.energy/outages",
    v=(4,),
    notes="4: 199 characters with the disclaimer (> 160). The https link and the times are fine.",
)

sms(
    HARBORLINE,
    "Update Petra on storm repairs.",
    [
        "Recipient: Petra Novak.",
        "A storm on 2026-11-24 caused outages; crews are restoring power street by street.",
        "Customers get a text when their street is back on.",
    ],
    "Harborline Energy: crews have restored power to 98% of homes after the storm. We'll text you "
    "when your street is back on.",
    v=(2,),
    form="bare",
    notes="2: '98% of homes' is a statistic absent from facts. The rest is backed by facts.",
    inv=["98% of homes"],
)

sms(
    OAKRIDGE,
    "Tell Harriet her hold is ready.",
    [
        "Recipient: Harriet Vance.",
        "Harriet's hold H-20931 on The Salt Road is ready at the Main Branch until 2026-12-03.",
    ],
    "Oakridge Library: your hold on The Salt Road is ready at the Main Branch until Dec 3. Hold "
    "H-20931.",
    notes="Clean: hold id and date are in facts; a hold notice is not sensitive.",
)

sms(
    OAKRIDGE,
    "Remind Quentin to renew his library card.",
    [
        "Recipient: Quentin Avery.",
        "Quentin's library card expires on 2026-12-15.",
        "Renewal: https://catalog.oakridgelibrary.org/account/renew.",
    ],
    "Oakridge Library: your card expires Dec 15. Renew online: "
    "http://catalog.oakridgelibrary.org/account/renew",
    v=(5,),
    notes="5: the renewal link uses http:// instead of https://. Date is in facts; 129 characters.",
)

sms(
    OAKRIDGE,
    "Remind Harriet to collect her hold.",
    [
        "Recipient: Harriet Vance.",
        "Harriet's hold on The Salt Road is at the Main Branch until 2026-12-03.",
    ],
    "Oakridge Library: hurry in to the Main Branch before Dec 3 to collect your hold on The Salt "
    "Road.",
    v=(8,),
    notes="8: 'hurry' is a banned phrase (whole word). The date is in facts; no scarcity number "
    "is claimed.",
)

sms(
    COBALT,
    "Tell Irene her delivery window for today.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 arrives on 2026-11-25 between 1:00 and 3:00 PM.",
        "Deliveries can be rescheduled in the Cobalt app.",
    ],
    "Cobalt Courier: parcel CC-518204 arrives today between 1:00 and 3:00 PM. Reschedule in the "
    "Cobalt app if you're out.",
    notes="Clean: parcel id and window are in facts; a straight apostrophe keeps it GSM-7.",
    tags=["ids and times that are in facts"],
)

sms(
    COBALT,
    "Tell Irene her parcel is delayed.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 is delayed to 2026-11-27.",
        "Tracking: https://track.cobaltcourier.com/parcels/CC-518204.",
    ],
    "Cobalt Courier: parcel CC-518204 is delayed to Nov 27. Track it: "
    "https://track.cobaltcourier.com/parcels/{id}",
    v=(5,),
    notes="5: the tracking link still has a literal {id} placeholder. Date and parcel id are in "
    "facts; 132 characters (GSM-7 with two extension characters, one segment).",
    tags=["literal {id} left in a link"],
)

sms(
    COBALT,
    "Tell Beatrix her parcel is out for delivery.",
    ["Recipient: Beatrix Hale.", "Parcel CC-518330 is out for delivery on 2026-11-25."],
    "Cobalt Courier: your parcel CC-518330 is out for delivery. 99% of our parcels arrive on time!",
    v=(2,),
    notes="2: '99% of our parcels arrive on time' is an invented statistic. The parcel id is in "
    "facts.",
    inv=["99% of our parcels arrive on time"],
)

sms(
    COBALT,
    "Tell Paweł his parcel is in a locker.",
    [
        "Recipient: Paweł Nowicki.",
        "Parcel CC-519002 is in locker L-17 at Pine Square until 2026-11-30.",
    ],
    "Cobalt Courier: Hi Paweł, parcel CC-519002 is waiting in locker L-17 at Pine Square until "
    "Nov 30.",
    v=(4,),
    form="label_upper_nl",
    notes="4: 'ł' in the recipient's name is not GSM-7, so the SMS is UCS-2; at 120 characters it "
    "needs 2 segments (one UCS-2 segment is 70). Locker and date are in facts.",
    tags=["UCS-2 SMS under 160 chars but over one segment"],
)

sms(
    THISTLE,
    "Remind Nadia of Biscuit's recheck appointment.",
    [
        "Recipient: Nadia Rahman.",
        "Biscuit's recheck is on Tuesday, 2026-12-08 at 3:40 PM with Dr. Amos Reid.",
        "Clients can reply C to confirm an appointment.",
    ],
    "Thistle Vets: Biscuit's recheck is on Tue, Dec 8 at 3:40 PM with Dr. Amos Reid. Reply C to "
    "confirm.",
    notes="Clean, no flag: an appointment reminder is logistics, not treatment advice. Date, time "
    "and vet are in facts.",
    tags=["appointment logistics are not medical"],
)

sms(
    THISTLE,
    "Remind Nadia of Biscuit's nail trim.",
    [
        "Recipient: Nadia Rahman.",
        "Nadia moved house on 2026-11-14.",
        "Biscuit's nail trim is booked for 2026-12-15 at 10:00 AM.",
    ],
    "Thistle Vets: Hi Nadia, hope the move to your new house went smoothly! Biscuit's nail trim is "
    "booked for Dec 15 at 10:00 AM.",
    v=(6,),
    notes="6: the house move is true (in facts) but irrelevant to a grooming reminder. Date and "
    "time are in facts; 147 characters.",
    pers="move to your new house",
)

sms(
    BRASSBELL,
    "Remind Ezra that doors open tonight.",
    [
        "Recipient: Ezra Cohen.",
        "Ezra has 2 tickets for Harbor Lights at Riverside Hall on 2026-11-25; doors open at 7:00 "
        "PM.",
        "Tickets are in the Brassbell app.",
    ],
    "Brassbell: doors open at 7:00 PM tonight for Harbor Lights at Riverside Hall. Your 2 tickets "
    "are in the Brassbell app.",
    notes="Clean: time and ticket count are in facts; a door-time reminder is not pricing.",
)

sms(
    BRASSBELL,
    "Tell Lila tickets are available for Paper Kites Quartet.",
    [
        "Recipient: Lila Navarro.",
        "Tickets for Paper Kites Quartet on 2026-12-05 are on sale in the Brassbell app.",
    ],
    "Brassbell: only 12 seats left for Paper Kites Quartet on Dec 5! Get yours in the Brassbell "
    "app.",
    v=(2,),
    notes="2: 'only 12 seats left' is a scarcity count absent from facts. Date is in facts.",
    inv=["only 12 seats left"],
)

sms(
    BRASSBELL,
    "Tell Rosa about the Winter Lanterns price drop.",
    [
        "Recipient: Rosa Jimenez.",
        "Tickets for Winter Lanterns on 2026-12-20 now cost $45, down from $60.",
    ],
    "Brassbell: tickets for Winter Lanterns on Dec 20 are now $45, down from $60. Buy in the "
    "Brassbell app.",
    v=(7,),
    f=("pricing",),
    post=("CHANNEL_NOTES: price update, auto-send.",),
    notes="7: a ticket price drop is pricing, but CHANNEL_NOTES says auto-send. Prices and date "
    "are in facts.",
    ev={"pricing": "$45"},
)

sms(
    KESTREL,
    "Tell Ewa her payslip is ready.",
    ["Recipient: Ewa Zielinska.", "Ewa's payslip for November 2026 is in the Kestrel app."],
    "Kestrel Payroll: your payslip for November is ready in the Kestrel app.",
    notes="Clean: Kestrel's SMS governance has no required disclaimer (null requires nothing) and "
    "a payslip notice is not pricing or financial.",
    tags=["null disclaimer requires nothing", "payslip is not pricing/financial"],
)

sms(
    TRAILMIX,
    "Remind Ravi about today's workout.",
    [
        "Recipient: Ravi Menon.",
        "Ravi adopted a puppy on 2026-11-15.",
        "Ravi's next workout is a 20-minute core session.",
    ],
    "Trailmix: hope the new puppy is settling in, Ravi! Your 20-minute core workout is ready in "
    "the app.",
    v=(6,),
    pre="Here's a friendly reminder text:",
    notes="6: the new puppy is true (in facts) but irrelevant to a workout reminder. 20 minutes is "
    "in facts; the preamble is not SMS text.",
    pers="new puppy",
)

sms(
    COBALT,
    "Tell Irene her missed parcel will be redelivered.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 could not be delivered on 2026-11-25 and will be redelivered on "
        "2026-11-27 "
        "between 9:00 AM and 12:00 PM.",
        "Redelivery page: https://track.cobaltcourier.com/parcels/CC-518204.",
    ],
    "Cobalt Courier: we missed you today. Parcel CC-518204 will be redelivered on Nov 27 between "
    "9:00 AM and 12:00 PM. Change the day: http://track.cobaltcourier.com/parcels/CC-518204",
    v=(4, 5),
    notes="4: 201 characters with the disclaimer (> 160). 5: the link uses http:// instead of "
    "https://. Dates and times are in facts.",
)

sms(
    SAFFRON,
    "Tell Leo his miso salmon kit is in this week's box.",
    ["Recipient: Leo Brennan.", "This week's box includes the miso salmon kit."],
    "Saffron Table: your **miso salmon** kit is in this week's box, Leo!",
    v=(1, 8),
    disc=False,
    form="fenced",
    notes="1: markdown **bold** in an SMS. 8: the required disclaimer 'Reply STOP to unsubscribe.' "
    "is missing. No numbers; the code fence is not SMS text.",
)


# ======================================================================================== PUSH ==
push(
    BRIGHTWELL,
    "Remind Noor of her cleaning appointment.",
    [
        "Recipient: Noor Haddad.",
        "Noor has a routine cleaning with Dr. Ilse Varga on Tuesday, 2026-12-08 at 2:15 PM at the "
        "Elm Street clinic.",
        "Appointment id BW-5521; it can be rescheduled in the app.",
    ],
    "Noor, your cleaning is on Tuesday Dec 8 at 2:15 PM",
    "See you at our Elm Street clinic with Dr. Varga. Need another time? Tap to reschedule.",
    [("Manage appointment", "brightwell://appointments/BW-5521")],
    notes="Clean NEGATIVE for 4: the title is 50 characters, exactly the limit. The deep link "
    "matches appointments/{id}; an appointment time is logistics (no medical flag).",
    at_title=True,
    tags=["exactly at a limit (50-char push title)", "deep link matching an {id} route"],
)

push(
    BRIGHTWELL,
    "Tell Tomasz his crown fitting is booked.",
    [
        "Recipient: Tomasz Nowak.",
        "Tomasz's crown fitting is booked for Wednesday, 2026-12-09 at the Riverside clinic.",
        "Appointment id BW-6034.",
    ],
    "Your crown fitting is booked",
    "Tomasz, your crown fitting is on Wednesday, Dec 9 at our Riverside clinic.",
    [("View appointment", "brightwell://appointments/{id}")],
    v=(5,),
    form="upper",
    notes="5: the deep link still contains the literal '{id}' route placeholder instead of "
    "BW-6034. Title, body and the 2-word button are fine; a booking is logistics.",
    tags=["literal {id} left in a link"],
)

push(
    FERNHILL,
    "Tell Priya her paycheck deposit arrived.",
    [
        "Recipient: Priya Raman.",
        "A deposit of $2,150.00 from Quarry Lane Foods arrived in Priya's checking account ending "
        "4417 on 2026-11-25.",
        "Checking account id chk-4417.",
    ],
    "Deposit received",
    "$2,150.00 from Quarry Lane Foods landed in your checking account ending 4417.",
    [("View account", "fernhill://accounts/chk-4417")],
    notes="Clean, no flag: a deposit alert is a balance notice, not financial advice or pricing. "
    "Amount, payer and account are in facts; accounts/{id} matches.",
    tags=["balance alert is not financial"],
)

push(
    FERNHILL,
    "Tell Priya her November statement is ready.",
    [
        "Recipient: Priya Raman.",
        "Priya's November 2026 statement for the checking account ending 4417 is ready.",
        "Statement id 2026-11.",
    ],
    "Your November statement is ready",
    "Your statement for the checking account ending 4417 is ready to view.",
    [("View statement", "fernhill://statements/2026-11/pdf")],
    v=(5,),
    notes="5: fernhill://statements/2026-11/pdf has an extra path segment; statements/{id} "
    "matches exactly one segment. A statement is not a financial flag.",
    tags=["deep link with an extra segment"],
)

push(
    NORTHGATE,
    "Tell Ruth her glove order was delivered.",
    [
        "Recipient: Ruth Abara.",
        "Order NG-40217 (12 boxes of nitrile gloves) was delivered to Westbrook Family Clinic at "
        "10:42 AM on 2026-11-25.",
    ],
    "Order NG-40217 delivered",
    "Your 12 boxes of nitrile gloves were delivered to Westbrook Family Clinic at 10:42 AM.",
    [("View order", "northgate://orders/NG-40217")],
    form="json",
    notes="Clean: a delivery notice from Northgate Medical Supplies is logistics (no medical "
    "flag); order id, 12 boxes and the time are in facts.",
    tags=["'Medical' inside a company name is not medical"],
)

push(
    NORTHGATE,
    "Remind Tobias that invoice INV-88310 is due.",
    ["Recipient: Tobias Grün.", "Invoice INV-88310 for $1,245.60 is due on 2026-12-10."],
    None,
    "Invoice INV-88310 for $1,245.60 is due on Dec 10.",
    [("Pay invoice", "northgate://invoices/INV-88310")],
    v=(1,),
    f=("pricing",),
    notes="1: the push has no title; push must have one. Flag pricing: an amount owed. The "
    "invoices/{id} deep link and the 2-word button are fine.",
    ev={"pricing": "$1,245.60"},
    tags=["push missing title"],
)

push(
    TRAILMIX,
    "Send Ravi his birthday offer.",
    [
        "Recipient: Ravi Menon.",
        "Ravi's birthday is 2026-11-25.",
        "Birthday gift: 3 months of Trailmix Plus at 50% off, claimable until 2026-12-06.",
        "Reward id bday-2026.",
    ],
    "Happy birthday, Ravi!",
    "Your gift: 3 months of Trailmix Plus at 50% off. Claim it by Dec 6.",
    [("Claim my gift", "trailmix://rewards/bday-2026")],
    f=("pricing",),
    notes="Clean but flagged pricing (a discount). The birthday is what the goal is about, so "
    "it is relevant (no 6); numbers are in facts; rewards/{id} matches.",
    ev={"pricing": "50% off"},
    pers_ok="birthday",
    tags=["personal detail the goal calls for (birthday offer)"],
)

push(
    TRAILMIX,
    "Remind Ravi about today's workout.",
    [
        "Recipient: Ravi Menon.",
        "Ravi and his wife had a baby on 2026-11-10.",
        "Ravi's next workout is a 20-minute core session (workout id core-20).",
    ],
    "Congrats on the new baby, Ravi!",
    "Your 20-minute core workout is ready whenever you are.",
    [("Start workout", "trailmix://workouts/core-20")],
    v=(6,),
    form="bold",
    notes="6: the new baby is true (in facts) but does nothing for a workout reminder. The rest "
    "is clean; **Title:** style bold labels are labels.",
    pers="new baby",
)

push(
    TRAILMIX,
    "Remind Amira to finish her rowing plan.",
    [
        "Recipient: Amira Nasser.",
        "Amira has 2 sessions left in week 3 of the 4-week rowing plan (plan id row-4w).",
        "Each session is 25 minutes.",
    ],
    "2 rowing sessions left this week",
    "Amira, you have 2 sessions left in week 3 of your 4-week rowing plan. Each one takes just 25 "
    "minutes.",
    [("Open plan", "trailmix://plans/row-4w")],
    v=(4,),
    notes="4: the push body is 101 characters, one over the 100 limit. Numbers are in facts and "
    "plans/{id} matches.",
    tags=["one over the limit"],
)

push(
    TRAILMIX,
    "Remind Amira to finish her rowing plan.",
    [
        "Recipient: Amira Nasser.",
        "Amira has 2 sessions left in week 3 of the 4-week rowing plan (plan id row-4w).",
        "Each session is 25 minutes.",
    ],
    "2 rowing sessions left this week",
    "Amira, you have 2 sessions left in week 3 of your 4-week rowing plan. Each one takes 25 "
    "minutes.",
    [("Open plan", "trailmix://plans/row-4w")],
    notes="Clean NEGATIVE for 4: the body is 96 characters and the title 32, within 100/50; "
    "numbers are in facts.",
)

push(
    TRAILMIX,
    "Invite Jonas to the December step challenge.",
    [
        "Recipient: Jonas Weber.",
        "The December step challenge starts on 2026-12-01.",
        "Challenge id dec-steps.",
    ],
    "The December step challenge starts Dec 1",
    "Join 50,000 runners and walkers in this month's step challenge.",
    [("Join challenge", "trailmix://plans/dec-steps")],
    v=(2,),
    notes="2: '50,000 runners and walkers' is an invented participant count. Date is in facts; "
    "plans/{id} matches.",
    inv=["Join 50,000 runners and walkers"],
)

push(
    ORCHARD,
    "Tell Keisha her refill is ready.",
    [
        "Recipient: Keisha Moore.",
        "Keisha's refill RX-77120 is ready at the Maple Ave store until 2026-12-02.",
    ],
    "Your refill is ready",
    "Pick up refill RX-77120 at our Maple Ave store by Dec 2.",
    [("View refill", "orchardrx://prescription/RX-77120")],
    v=(5,),
    notes="5: the route is prescriptions/{id}; 'prescription/RX-77120' (singular) matches no "
    "route. A pickup notice is logistics, not medical advice.",
    tags=["deep link that almost matches a route"],
)

push(
    KESTREL,
    "Tell Grace her expense report was approved.",
    [
        "Recipient: Grace Nakamura.",
        "Expense report EXP-5530 for $214.75 was approved on 2026-11-24 and will be paid with the "
        "next payroll.",
    ],
    "Expense report approved",
    "EXP-5530 for $214.75 was approved and will be paid with your next payroll.",
    [("View expense", "kestrel://expenses/EXP-5530")],
    notes="Clean, no flag: an approved expense report is not pricing or financial advice. "
    "Amount, id and payment with the next payroll are in facts.",
    tags=["expense report is not pricing"],
)

push(
    KESTREL,
    "Tell Pedro his timesheets need approval.",
    [
        "Recipient: Pedro Alves.",
        "Pedro has 6 timesheets waiting for approval before payroll runs on 2026-11-27.",
        "Approval queue id pending.",
    ],
    "6 timesheets need approval",
    "Approve them before payroll runs on Nov 27.",
    [("View", "kestrel://timesheets/pending")],
    v=(1,),
    notes="1: the button label 'View' has 1 word; labels need 2 or 3. The deep link matches "
    "timesheets/{id} and 6 is in facts.",
    tags=["1-word button"],
)


push(
    PEBBLEBROOK,
    "Remind Chloe that her Lisbon flight leaves tomorrow.",
    [
        "Recipient: Chloe Martin.",
        "Chloe's flight PB-2231 (trip LIS-4471) leaves Boston on 2026-12-18 at 6:40 PM.",
        "Her boarding pass and itinerary are in the trip in the app.",
    ],
    "Your Lisbon flight is tomorrow",
    "PB-2231 leaves Boston at 6:40 PM. Your boarding pass and itinerary are in the trip.",
    [("Open trip", "pebble://trips/LIS-4471")],
    notes="Clean: flight and time are in facts; the trip is the goal (no 6); pebble://trips/"
    "LIS-4471 matches trips/{id}.",
    tags=["ids and times that are in facts"],
)

push(
    PEBBLEBROOK,
    "Tell Theo that check-in is open.",
    [
        "Recipient: Theo Laurent.",
        "Online check-in for flight PB-3190 on 2026-11-27 is open (check-in id PB-3190); seats can "
        "be picked during check-in.",
    ],
    "Check-in is open for PB-3190",
    "Check in now for your flight on Nov 27 and pick your seat.",
    [("Check in", "pebblebrook://checkin/PB-3190")],
    v=(5,),
    form="json",
    notes="5: the deep link uses 'pebblebrook://' but the app's scheme is 'pebble://'. "
    "'Check in' is 2 words; date and flight are in facts.",
    tags=["wrong deep-link scheme"],
)

push(
    SAFFRON,
    "Tell Dev that the December menu is live.",
    [
        "Recipient: Dev Malhotra.",
        "The December menu went live on 2026-11-24 with 18 new recipes (menu id december-2026).",
    ],
    "The December menu is live",
    "18 new recipes, rated 4.9 stars by home cooks. Pick yours now.",
    [("See the menu", "saffron://menus/december-2026")],
    v=(2,),
    notes="2: 'rated 4.9 stars by home cooks' is an invented rating. 18 recipes is in facts; the "
    "menus/{id} link and 3-word button are fine.",
    inv=["rated 4.9 stars by home cooks"],
)

push(
    SAFFRON,
    "Welcome Ines, whose first box ships Friday.",
    [
        "Recipient: Ines Carvalho.",
        "Ines signed up on 2026-11-23 after cancelling another meal-kit service; her first box "
        "ships "
        "on Friday, 2026-11-27 (order SFT-21002).",
    ],
    "Leaving KitchenBox? Welcome!",
    "Your first Saffron Table box ships on Friday, Nov 27.",
    [("Track my box", "saffron://orders/SFT-21002")],
    v=(8,),
    notes="8: forbidden competitor 'KitchenBox' is named in the title. No comparison claim is "
    "made (no 2); date and order link are fine.",
)

push(
    GLIMMER,
    "Tell Arjun that Kiteline has new members waiting for a seat.",
    [
        "Recipient: Arjun Shah, design lead at Kiteline.",
        "2 people requested access to the Kiteline Design team (team id kiteline-design).",
    ],
    "2 people want to join Kiteline Design",
    "Review their requests and assign seats.",
    [("Review requests", "glimmer://teams/members")],
    v=(5,),
    notes="5: glimmer://teams/members skips the {id} segment of teams/{id}/members, so it matches "
    "no route. 2 is in facts; team and company names are business details.",
    tags=["deep link missing its {id} segment"],
)

push(
    GLIMMER,
    "Tell Arjun that Kiteline has new members waiting for a seat.",
    [
        "Recipient: Arjun Shah, design lead at Kiteline.",
        "2 people requested access to the Kiteline Design team (team id kiteline-design).",
    ],
    "2 people want to join Kiteline Design",
    "Review their requests and assign seats.",
    [("Review requests", "glimmer://teams/kiteline-design/members")],
    notes="Clean: glimmer://teams/kiteline-design/members matches teams/{id}/members ({id} is one "
    "segment in the middle of the route).",
    tags=["deep link matching an {id} route"],
)


push(
    HARBORLINE,
    "Warn Wendy about tomorrow's planned outage.",
    [
        "Recipient: Wendy Cho.",
        "A planned outage on Alder Street is scheduled for 2026-12-02 from 9:00 AM to 1:00 PM for "
        "line maintenance.",
    ],
    "Planned power outage on Alder Street from 9 AM-1 PM",
    "Power will be off tomorrow for line maintenance.",
    [("See outage map", "harborline://outages")],
    v=(4,),
    notes="4: the title is 51 characters, one over the 50 limit. Times are in facts and "
    "harborline://outages matches a fixed route.",
    tags=["one over the limit"],
)

push(
    HARBORLINE,
    "Tell Wendy her power is back on.",
    ["Recipient: Wendy Cho.", "Power on Alder Street was restored at 12:40 PM on 2026-11-25."],
    "Power is back on",
    "Power on Alder Street was restored at 12:40 PM. Thanks for your patience.",
    [("See outage map", "harborline://outages")],
    form="fenced",
    meta={"needs_review": False},
    notes='Clean: "needs_review": false is harmless on a non-sensitive outage update (no flag, '
    "so no 7). The time is in facts; outages is a fixed route.",
    tags=["needs_review false on non-sensitive content is fine"],
)

push(
    HARBORLINE,
    "Remind Gloria that her bill is due.",
    ["Recipient: Gloria Estrada.", "Gloria's bill HB-20931 for $142.30 is due on 2026-12-12."],
    "Your bill is due Dec 12",
    "Your Harborline bill of $142.30 is due on Dec 12.",
    [("Pay bill", "harborline://bills/HB-20931")],
    v=(7,),
    f=("pricing",),
    post=("SENSITIVE: NO",),
    notes="7: an amount owed is pricing, but the output adds SENSITIVE: NO. Amount, date and "
    "bills/{id} link are fine.",
    ev={"pricing": "$142.30"},
)

push(
    OAKRIDGE,
    "Tell Harriet her hold is ready.",
    [
        "Recipient: Harriet Vance.",
        "Harriet's hold H-20931 on The Salt Road is ready at the Main Branch until 2026-12-03.",
    ],
    "Your hold is ready",
    "The Salt Road is waiting for you at the Main Branch until Dec 3.",
    [("View hold", "oakreads://holds/H-20931")],
    form="upper",
    notes="Clean: hold id and date are in facts; holds/{id} matches.",
)

push(
    OAKRIDGE,
    "Tell Harriet her hold is ready.",
    [
        "Recipient: Harriet Vance.",
        "Harriet's hold H-20931 on The Salt Road is ready at the Main Branch until 2026-12-03.",
    ],
    "Your hold is ready",
    "**The Salt Road** is waiting for you at the Main Branch until Dec 3.",
    [("View hold", "oakreads://holds/H-20931")],
    v=(1,),
    notes="1: markdown **bold** in a push body, which must be plain text. Everything else is "
    "clean.",
)

push(
    COBALT,
    "Tell Irene her parcel is on the way.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 arrives on 2026-11-25 between 1:00 and 3:00 PM.",
    ],
    "Parcel CC-518204 arrives today",
    "Expected between 1:00 and 3:00 PM.",
    [("Track parcel", "cobalt://parcels/CC-518204/track")],
    v=(5,),
    notes="5: cobalt://parcels/CC-518204/track matches neither parcels/{id} nor "
    "parcels/{id}/reschedule (extra 'track' segment). Times are in facts.",
    tags=["deep link with an extra segment"],
)

push(
    COBALT,
    "Let Irene reschedule her parcel.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 could not be delivered on 2026-11-25.",
        "A new delivery day can be picked in the app.",
    ],
    "We missed you today",
    "Parcel CC-518204 could not be delivered. Pick another day in the app.",
    [("Reschedule delivery", "cobalt://parcels/CC-518204/reschedule")],
    notes="Clean: cobalt://parcels/CC-518204/reschedule matches parcels/{id}/reschedule; the "
    "2-word button and parcel id are fine.",
    tags=["deep link matching an {id} route"],
)

push(
    COBALT,
    "Let Irene reschedule her parcel.",
    [
        "Recipient: Irene Dubois.",
        "Parcel CC-518204 could not be delivered on 2026-11-25.",
        "A new delivery day can be picked in the app.",
    ],
    "We missed you today",
    "Parcel CC-518204 could not be delivered. Pick another day in the app.",
    [("Pick a new time", "cobalt://parcels/CC-518204/reschedule")],
    v=(1,),
    form="bold",
    notes="1: the button label 'Pick a new time' has 4 words; labels need 2 or 3. The deep link "
    "matches parcels/{id}/reschedule.",
    tags=["4-word button"],
)


push(
    COBALT,
    "Tell Beatrix her parcel was delivered.",
    [
        "Recipient: Beatrix Hale.",
        "Beatrix got married on 2026-11-21.",
        "Parcel CC-518330 was delivered to Beatrix's front desk at 11:05 AM on 2026-11-25.",
    ],
    "Parcel delivered",
    "CC-518330 is at your front desk. Congratulations on the wedding, Beatrix!",
    [("View parcel", "cobalt://parcels/CC-518330")],
    v=(6,),
    notes="6: the wedding is true (in facts) but does nothing for a delivery notice. Parcel id "
    "is in facts; button and deep link are fine.",
    pers="wedding",
)

push(
    BRASSBELL,
    "Tell Rosa about the Winter Lanterns price drop.",
    [
        "Recipient: Rosa Jimenez.",
        "Tickets for Winter Lanterns (event id winter-lanterns) on 2026-12-20 now cost $45, down "
        "from $60.",
    ],
    "Winter Lanterns tickets now $45",
    "Tickets for Dec 20 dropped from $60 to $45.",
    [("Get tickets", "brassbell://events/winter-lanterns")],
    v=(7,),
    f=("pricing",),
    form="fenced",
    meta={"needs_review": False},
    notes='7: a ticket price change is pricing, but the JSON says "needs_review": false. '
    "Prices, date and the events/{id} link are fine.",
    ev={"pricing": "$45"},
    tags=["needs_review false on sensitive content is 7"],
)

push(
    BRASSBELL,
    "Remind Ezra that doors open tonight.",
    [
        "Recipient: Ezra Cohen.",
        "Ezra has 2 tickets (ticket id BB-90412) for Harbor Lights at Riverside Hall on "
        "2026-11-25; doors open at 7:00 PM.",
    ],
    "Harbor Lights tonight",
    "Doors open at 7:00 PM at Riverside Hall. Your 2 tickets are ready.",
    [("Show my tickets", "brassbell://tickets/BB-90412"), ("Open wallet", "brassbell://wallet")],
    notes="Clean: two buttons of 3 and 2 words; tickets/{id} and the fixed wallet route match. "
    "Time and ticket count are in facts.",
)

push(
    FERNHILL,
    "Tell Luis his new card is active.",
    [
        "Recipient: Luis Ferreira.",
        "Luis's new debit card ending 5531 was activated on 2026-11-25.",
        "Luis is going on a ski trip to Tahoe in December.",
        "Card id card-5531.",
    ],
    "Your new card is active",
    "Card ending 5531 is ready to use. Enjoy the ski trip to Tahoe, Luis!",
    [("View card", "fernhill://cards/card-5531")],
    v=(6,),
    notes="6: the ski trip is true (in facts) but irrelevant to a card activation notice. Card "
    "digits are in facts; cards/{id} matches.",
    pers="ski trip",
)

push(
    GLIMMER,
    "Tell Bianca that her export finished.",
    [
        "Recipient: Bianca Rossi.",
        "Bianca's export of the file 'Q4 brand kit' (file id bk-q4) finished at 3:12 PM.",
    ],
    "Your export of the Q4 brand kit file has finished and is ready to download",
    "All pages exported.",
    [("Open", "glimmer://files/bk-q4")],
    v=(1, 4),
    notes="1: the button label 'Open' has 1 word. 4: the title is 74 characters (> 50). The "
    "files/{id} link is fine; Q4 is part of the file name in facts.",
)

push(
    ORCHARD,
    "Tell Keisha that her prescriptions moved to the new store.",
    [
        "Recipient: Keisha Moore.",
        "The Maple Ave store moves to 214 Harbor Road on 2026-12-14; prescriptions on file move "
        "with "
        "it.",
        "Store id harbor-road.",
    ],
    "We're moving on Dec 14",
    "Our Maple Ave store moves to 214 Harbor Road on Dec 14. Your prescriptions on file move with "
    "it automatically.",
    [("See new store", "orchardrx://stores/harbor-road")],
    v=(4,),
    notes="4: the push body is 110 characters (> 100). Address and date are in facts; a store "
    "move is logistics (no medical flag).",
)

push(
    THISTLE,
    "Remind Nadia of Biscuit's recheck tomorrow.",
    [
        "Recipient: Nadia Rahman.",
        "Biscuit's recheck (appointment TV-3381) is on Tuesday, 2026-12-08 at 3:40 PM.",
        "Appointments can be confirmed or rescheduled in the app.",
    ],
    "Biscuit's recheck is tomorrow",
    "See you Tuesday at 3:40 PM. Tap to confirm or reschedule.",
    [("Confirm visit", "thistle://appointments/TV-3381")],
    notes="Clean: an appointment reminder is logistics; time and id are in facts.",
    tags=["appointment logistics are not medical"],
)

push(
    OAKRIDGE,
    "Invite Harriet to the author talk.",
    [
        "Recipient: Harriet Vance.",
        "Author Jonas Eberly talks about The Salt Road on 2026-12-10 at 6:30 PM; registration: "
        "https://oakridgelibrary.org/events/salt-road.",
    ],
    "Author talk: Jonas Eberly, Dec 10",
    "Join us at 6:30 PM in the Main Branch community room.",
    [("Register now", "https://oakridgelibrary.org/events/salt-road")],
    form="json",
    notes="Clean: a button may use an https link on the sender's own domain; date and time are "
    "in facts.",
)

push(
    QUILLSTONE,
    "Tell Olivia that a colleague joined her workspace.",
    [
        "Recipient: Olivia Brandt, workspace admin at Alto Freight.",
        "Marisol Ortega joined Alto Freight's Quillstone workspace at 4:05 PM on 2026-11-25.",
        "Members page: https://app.quillstone.io/settings/members.",
    ],
    "Marisol Ortega joined your workspace",
    "Marisol joined at 4:05 PM. Workspaces with 5+ members send twice as many envelopes.",
    [("View members", "https://app.quillstone.io/settings/members")],
    v=(2,),
    notes="2: 'Workspaces with 5+ members send twice as many envelopes' is an invented statistic. "
    "The join time is in facts; a colleague's name is a business detail (no 6).",
    inv=["Workspaces with 5+ members send twice as many envelopes"],
)


# ====================================================================================== IN-APP ==
inapp(
    BRIGHTWELL,
    "Remind Noor to book her six-month checkup.",
    [
        "Recipient: Noor Haddad.",
        "Noor's last checkup was on 2026-05-20; a six-month checkup is due.",
        "Noor returned from a trip to Lisbon on 2026-11-20.",
        "Clinic id elm-street.",
    ],
    "Time for your checkup",
    "Welcome back from Lisbon, Noor! It's been six months since your last checkup. Book a visit "
    "at our Elm Street clinic.",
    [("Book a visit", "brightwell://clinics/elm-street")],
    v=(6,),
    notes="6: the Lisbon trip is true (in facts) but does nothing for a checkup reminder. 'six "
    "months' is in facts; clinics/{id} matches; a checkup reminder is logistics.",
    pers="back from Lisbon",
)

inapp(
    FERNHILL,
    "Invite Helen to compare certificate of deposit rates.",
    [
        "Recipient: Helen Okafor.",
        "The 12-month certificate of deposit earns 4.10% APY for deposits opened by 2026-12-31.",
        "CD rates: https://app.fernhillbank.com/savings/cd.",
    ],
    "A 12-month CD at 4.10% APY",
    "Open a 12-month certificate of deposit by Dec 31 to earn 4.10% APY.",
    [("Compare CD rates", "https://app.fernhillbank.com/savings/cd")],
    f=("financial",),
    form="json",
    meta={"needs_review": True},
    notes='Clean but flagged financial: a deposit rate offer. "needs_review": true asks for '
    "review, which is correct (no 7). Rate, term and date are in facts; an https button on "
    "the sender's domain is fine.",
    ev={"financial": "4.10% APY"},
)

inapp(
    FERNHILL,
    "Invite Sam to move his direct deposit to Fernhill.",
    [
        "Recipient: Sam Adeyemi.",
        "Direct deposit can be set up in the app under Accounts (route transfers/new).",
    ],
    "Move your paycheck to Fernhill",
    "Done with Brightvault? Set up direct deposit to Fernhill in a few taps.",
    [("Set up deposit", "fernhill://transfers/new")],
    v=(8,),
    form="upper",
    notes="8: the forbidden competitor 'Brightvault' is named (a dismissive mention still "
    "counts). No comparison claim is made (no 2); transfers/new is a fixed route.",
    tags=["competitor mentioned negatively still counts"],
)

inapp(
    QUILLSTONE,
    "Tell workspace admins about the updated Terms of Service.",
    [
        "Recipient: Daniel Osei, workspace admin at Corbel Architects.",
        "Quillstone's updated Terms of Service take effect on 2027-01-01.",
        "Updated terms: https://app.quillstone.io/legal/terms.",
    ],
    "Our Terms of Service are changing",
    "The updated Terms of Service take effect on January 1, 2027. Please review them before then.",
    [("Read the terms", "https://app.quillstone.io/legal/terms")],
    f=("legal",),
    notes="Clean but flagged legal: Terms of Service. The 3-word button links https to the "
    "sender's app domain; the date is in facts.",
    ev={"legal": "Terms of Service"},
)

inapp(
    QUILLSTONE,
    "Tell Hana a template was shared with her.",
    [
        "Recipient: Hana Kowalczyk.",
        "Marisol Ortega shared the template 'Vendor onboarding' with Hana on 2026-11-25.",
        "Template page: https://app.quillstone.io/templates/vendor-onboarding.",
    ],
    "New template shared with you",
    "Marisol Ortega shared 'Vendor onboarding' with you.",
    [("Open", "https://app.quillstone.io/templates/vendor-onboarding")],
    v=(1,),
    notes="1: the button label 'Open' has 1 word; labels need 2 or 3. A colleague's name is a "
    "business detail, not personal (no 6).",
    tags=["1-word button", "colleague/clinician name is not personal"],
)

inapp(
    QUILLSTONE,
    "Tell Victor his seats were updated.",
    [
        "Recipient: Victor Mensah, finance lead at Alto Freight.",
        "Alto Freight's workspace was updated on 2026-11-24 to 14 seats.",
        "New members are invited from the Members page in settings.",
    ],
    "Alto Freight's Quillstone workspace now has 14 active seats",
    "Your seat change is saved. Invite new members from the Members page.",
    [("Invite members", "https://app.quillstone.io/settings/members")],
    v=(4,),
    form="bold",
    notes="4: the in-app title is 59 characters (> 50). The seat count is in facts; a seat count "
    "with no price is not pricing.",
)

inapp(
    NORTHGATE,
    "Tell clinic buyers that nitrile gloves are back in stock.",
    [
        "Recipient: Ruth Abara, practice manager at Westbrook Family Clinic.",
        "Nitrile gloves in all sizes are back in stock as of 2026-11-23.",
    ],
    "Nitrile gloves are back in stock",
    "All sizes are available again. Our nitrile gloves are the #1 choice of clinics in the region.",
    [("Reorder gloves", "northgate://catalog")],
    v=(2,),
    notes="2: 'the #1 choice of clinics in the region' is an invented ranking. Stock status is "
    "in "
    "facts; catalog is a fixed route; 'Medical' in the sender's name is not a topic.",
    inv=["the #1 choice of clinics in the region"],
)

inapp(
    TRAILMIX,
    "Help Jonas restart training safely after his knee injury.",
    [
        "Recipient: Jonas Weber.",
        "Jonas told Trailmix on 2026-11-20 that he is returning from a knee injury.",
        "Coaching advice approved by Trailmix's physiotherapist: start with low-impact sessions, "
        "stop "
        "if you feel sharp pain, and check with your doctor before high-impact training.",
        "The low-impact plan has plan id low-impact-4.",
    ],
    "Easing back in after your injury",
    "Start with low-impact sessions, stop if you feel sharp pain, and check with your doctor "
    "before high-impact training.",
    [("See low-impact plan", "trailmix://plans/low-impact-4")],
    f=("medical",),
    notes="Clean but flagged medical: health and treatment advice after an injury. The injury "
    "is what the goal is about (no 6); plans/{id} matches.",
    ev={"medical": "check with your doctor"},
)

inapp(
    TRAILMIX,
    "Suggest a recovery routine to Amira after her ankle sprain.",
    [
        "Recipient: Amira Nasser.",
        "Amira logged an ankle sprain on 2026-11-22.",
        "Coaching advice: rest the ankle for 48 hours, ice it for 15 minutes at a time, then try "
        "the mobility plan (plan id ankle-mobility).",
    ],
    "Looking after that ankle",
    "Rest your ankle for 48 hours and ice it for 15 minutes at a time, then try the mobility plan.",
    [("Open mobility plan", "trailmix://plans/ankle-mobility")],
    v=(7,),
    f=("medical",),
    form="fenced",
    meta={"needs_review": False},
    notes='7: injury treatment advice is medical content, but the JSON says "needs_review": '
    "false. 48 hours and 15 minutes are in facts; the sprain is the goal (no 6).",
    ev={"medical": "ice it for 15 minutes"},
    tags=["needs_review false on sensitive content is 7"],
)

inapp(
    TRAILMIX,
    "Invite Ravi to start his next workout.",
    ["Recipient: Ravi Menon.", "Ravi's next workout is a 20-minute core session (id core-20)."],
    "Ready for today's workout?",
    "Your 20-minute core session is waiting.",
    [("Start my workout now", "trailmix://workouts/core-20")],
    v=(1,),
    notes="1: the button label 'Start my workout now' has 4 words; labels need 2 or 3. The deep "
    "link matches workouts/{id}.",
    tags=["4-word button"],
)

inapp(
    TRAILMIX,
    "Show Amira her new streak badge.",
    [
        "Recipient: Amira Nasser.",
        "Amira reached a 30-day workout streak on 2026-11-25.",
        "A streak badge was added to her profile.",
    ],
    "30-day streak!",
    "You've worked out 30 days in a row. Your new badge is on your profile.",
    [("See my streak", "trailmix://streak"), ("Open my profile", "trailmix://profile")],
    form="json",
    meta={"needs_review": False},
    notes='Clean: "needs_review": false is harmless on non-sensitive content (no flag, so no '
    "7). Two 3-word buttons on fixed routes; 30 days is in facts.",
    tags=["needs_review false on non-sensitive content is fine"],
)

inapp(
    ORCHARD,
    "Remind Mateus how to take his antibiotic.",
    [
        "Recipient: Mateus Lima.",
        "Pharmacist advice: take amoxicillin with food and finish the whole course, even if "
        "feeling "
        "better.",
        "Prescription id RX-77304.",
    ],
    "About your amoxicillin",
    "Take it with food and <b>finish the whole course</b>, even if you feel better.",
    [("View prescription", "orchardrx://prescriptions/RX-77304")],
    v=(1,),
    f=("medical",),
    notes="1: HTML <b> tags in in-app text, which must be plain. Flag medical: medication advice "
    "(no marker either way, so no 7). prescriptions/{id} matches.",
    ev={"medical": "finish the whole course"},
)

inapp(
    KESTREL,
    "Tell Lucy that automatic timesheet reminders are on.",
    [
        "Recipient: Lucy Fairweather.",
        "Automatic timesheet reminders were turned on for Copse Coffee Roasters on 2026-11-24; "
        "employees get a reminder the day before payroll closes.",
    ],
    "Automatic timesheet reminders are on",
    "Employees at Copse Coffee Roasters now get a reminder the day before payroll closes. "
    "Hassle-free payroll, every time.",
    [("View reminder settings", "https://app.kestrelpay.com/settings/reminders")],
    v=(8,),
    notes="8: 'Hassle-free' is a banned phrase (case-insensitive). The filing setting is in "
    "facts; a reminder setting is not sensitive.",
)

inapp(
    PEBBLEBROOK,
    "Give Chloe her Lisbon arrival details.",
    [
        "Recipient: Chloe Martin.",
        "Flight PB-2231 lands at Lisbon airport on 2026-12-19 at 6:55 AM.",
        "Casa do Rio check-in is from 2:00 PM; bags can be left at reception from 8:00 AM.",
        "The airport metro red line runs to Saldanha, then the yellow line to Rato, near the "
        "hotel.",
        "Taxis from the airport to the hotel take about 20 minutes.",
        "Trip id LIS-4471.",
    ],
    "Arriving in Lisbon",
    "Your flight PB-2231 lands at Lisbon airport on Dec 19 at 6:55 AM. Check-in at Casa do Rio "
    "starts at 2:00 PM, but you can leave your bags at reception from 8:00 AM, so you can go "
    "exploring straight away. To get to the hotel, take the metro red line from the airport to "
    "Saldanha, then change to the yellow line and ride it to Rato, which is a short walk from "
    "the "
    "hotel. If you'd rather not carry bags on the metro, a taxi from the airport to the hotel "
    "takes about 20 minutes. Everything you need is in your trip.",
    [("Open my trip", "pebble://trips/LIS-4471")],
    v=(4,),
    notes="4: the in-app body is 102 words (> 100). Every detail is in facts and the trip is "
    "the goal (no 6).",
)

inapp(
    PEBBLEBROOK,
    "Tell Zoe her seat change went through.",
    [
        "Recipient: Zoe Adams.",
        "On flight PB-5062 on 2026-12-02, Zoe's seat changed from 31C to 14A (booking SEA-5062).",
    ],
    None,
    "Your seat on PB-5062 is now 14A.",
    [("View booking", "pebble://bookings/SEA-5062")],
    notes="Clean NEGATIVE for 1: in-app messages may leave out the title (only push needs "
    "one). Seat and flight are in facts.",
    tags=["in-app without a title is fine"],
)

inapp(
    SAFFRON,
    "Invite Naomi to pick her recipes.",
    ["Recipient: Naomi Feld.", "Picks for Naomi's box arriving 2026-12-03 close on 2026-11-28."],
    "Pick your recipes",
    "Choose your recipes for the Dec 3 box before Saturday.",
    [("See the menu", "{{menu_link}}")],
    v=(5,),
    form="upper",
    notes="5: the button URL is an unfilled template placeholder {{menu_link}}. Dates are in "
    "facts.",
    tags=["template placeholder {{...}}"],
)

inapp(
    SAFFRON,
    "Explain the new recipe picks to Owen.",
    [
        "Recipient: Owen Hartley.",
        "Classic plans include 3 recipes a week, chosen from the weekly menu.",
    ],
    "Your weekly picks",
    "Pick three recipes from this week's menu for your Classic plan.",
    [("Pick my recipes", "saffron://account/plan")],
    notes="Clean NEGATIVE for 2: 'three' is the fact's 3 written as a word (same value). "
    "account/plan is a fixed route.",
    tags=["number in facts written differently (three vs 3)"],
)

inapp(
    SAFFRON,
    "Recommend vegetarian recipes from the December menu to Maya.",
    [
        "Recipient: Maya Goldberg.",
        "Maya's profile says she is vegetarian.",
        "The December menu (id december-2026) has 7 vegetarian recipes.",
    ],
    "7 vegetarian recipes for December",
    "Since you're vegetarian, we picked out the 7 meat-free recipes on this month's menu.",
    [("See veggie picks", "saffron://menus/december-2026")],
    notes="Clean NEGATIVE for 6: being vegetarian is a personal detail, but the goal is to "
    "recommend vegetarian recipes, so it serves the goal. 7 is in facts.",
    pers_ok="vegetarian",
    tags=["personal detail the goal calls for (diet for recipes)"],
)

inapp(
    GLIMMER,
    "Tell Kofi about the new comment threads.",
    ["Recipient: Kofi Asante.", "Comments now support threaded replies and can be resolved."],
    "Threaded comments are here",
    "Reply to any comment in a thread and **resolve** it when you're done.",
    [("Try it now", "glimmer://files/recent")],
    v=(1,),
    notes="1: markdown **bold** in in-app text, which must be plain. files/{id} matches "
    "'files/recent'; nothing else is wrong.",
)

inapp(
    GLIMMER,
    "Offer Bianca the Pro plan.",
    [
        "Recipient: Bianca Rossi.",
        "The Pro plan costs $12 per editor per month and adds unlimited version history.",
    ],
    "Unlock unlimited version history",
    "Upgrade to Pro for $12 per editor per month.",
    [("Upgrade to Pro", "glimmer://settings/billing")],
    v=(7,),
    f=("pricing",),
    post=("REVIEW: none",),
    notes="7: a plan price is pricing, but the output adds 'REVIEW: none'. $12 is in facts; "
    "settings/billing is a fixed route.",
    ev={"pricing": "$12 per editor per month"},
)

inapp(
    HARBORLINE,
    "Show Petra her November usage.",
    [
        "Recipient: Petra Novak.",
        "Petra used 412 kWh in November 2026, down from 468 kWh in October.",
        "Petra's brother is staying with her for the holidays.",
    ],
    "Your November usage",
    "You used 412 kWh in November, down from 468 kWh in October. Enjoy the holidays with your "
    "brother!",
    [("See usage details", "harborline://usage")],
    v=(6,),
    notes="6: the brother's holiday visit is a true family detail (in facts) that does nothing "
    "for a usage summary. kWh figures are in facts; usage is not pricing.",
    pers="holidays with your brother",
)

inapp(
    OAKRIDGE,
    "Invite Harriet to the winter author talk.",
    [
        "Recipient: Harriet Vance.",
        "Author Jonas Eberly talks about The Salt Road on 2026-12-10 at 6:30 PM (event id "
        "salt-road).",
    ],
    "Author talk on December 10",
    "Jonas Eberly talks about The Salt Road at 6:30 PM in the Main Branch community room.",
    [("Save my seat", "oakreads://events/salt-road")],
    notes="Clean: date and time are in facts; events/{id} matches.",
)

inapp(
    COBALT,
    "Tell Irene about locker pickup.",
    [
        "Recipient: Irene Dubois.",
        "Cobalt lockers can be chosen as a delivery address; locker L-42 is at Pine Square.",
    ],
    "Pick up from a locker",
    "Skip Shipzy's missed-delivery cards: send parcels to locker L-42 at Pine Square instead.",
    [("Choose a locker", "cobalt://lockers/L-42")],
    v=(8,),
    notes="8: the forbidden competitor 'Shipzy' is named in the copy. The locker is in facts; "
    "lockers/{id} matches.",
)

inapp(
    BRASSBELL,
    "Tell Ezra his tickets are in his wallet.",
    [
        "Recipient: Ezra Cohen.",
        "Ezra's 2 tickets for Harbor Lights on 2026-12-12 were added to his Brassbell wallet.",
    ],
    None,
    "Your 2 tickets for Harbor Lights on Dec 12 are in your wallet.",
    [("Open my wallet", "brassbell://wallet")],
    form="bold",
    notes="Clean: no title is fine for in-app; the wallet route is fixed; 2 and Dec 12 are in "
    "facts.",
)

inapp(
    BRASSBELL,
    "Introduce Lila to ticket resale.",
    [
        "Recipient: Lila Navarro.",
        "Ticket holders can resell tickets inside Brassbell at face value.",
    ],
    "Resell tickets in Brassbell",
    "Rated the #1 ticketing app, Brassbell now lets you resell tickets at face value.",
    [("Learn about resale", "https://brassbell.events/help/resale")],
    v=(2,),
    notes="2: 'Rated the #1 ticketing app' is an invented ranking. Resale at face value is in "
    "facts.",
    inv=["Rated the #1 ticketing app"],
)

inapp(
    BRASSBELL,
    "Tell Marco his resale listing went live.",
    [
        "Recipient: Marco Bassi.",
        "Marco is training for the Harbor City marathon on 2026-12-06.",
        "Marco listed 2 tickets for Paper Kites Quartet for resale on 2026-11-25 (ticket id "
        "BB-91107).",
    ],
    "Your tickets are listed",
    "Your 2 Paper Kites Quartet tickets are now listed for resale. Good luck at the marathon, "
    "Marco!",
    [("View listing", "brassbell://tickets/BB-91107")],
    v=(6,),
    notes="6: the marathon (a hobby, in facts) does nothing for a resale notice. 2 tickets is "
    "in facts; tickets/{id} matches.",
    pers="marathon",
)

inapp(
    THISTLE,
    "Invite Carlos to book Luna's next grooming visit.",
    ["Recipient: Carlos Mendes.", "Luna is due for a grooming visit within 3 weeks."],
    "Time to book Luna's grooming",
    "Luna is due for a grooming visit in the next 3 weeks. Book a slot that suits you.",
    [("Book a slot", "https://example.com/book")],
    v=(5,),
    notes="5: the button points at example.com, a placeholder domain. A grooming reminder is "
    "logistics; 3 weeks is in facts.",
    tags=["placeholder domain example.com"],
)

inapp(
    KESTREL,
    "Remind Lucy about mandatory training for her staff.",
    [
        "Recipient: Lucy Fairweather, HR admin at Copse Coffee Roasters.",
        "9 employees have not finished the state-mandated anti-harassment training due 2026-12-31.",
    ],
    "Anti-harassment training due Dec 31",
    "9 employees still need to finish the state-mandated anti-harassment training.",
    [("Open training", "https://app.kestrelpay.com/training")],
    f=("compliance",),
    notes="Clean but flagged compliance: mandatory regulatory training. 9 and Dec 31 are in facts.",
    ev={"compliance": "state-mandated"},
)

inapp(
    GLIMMER,
    "Tell Wren about the new handoff mode for developers.",
    [
        "Recipient: Wren Callaghan.",
        "Handoff mode shows developers spacing, colours and CSS for any selected layer.",
    ],
    "Handoff mode shows developers specs of every layer",
    "Select a layer to see its spacing, colours and CSS.",
    [("Try handoff mode", "https://app.glimmerworks.io/handoff")],
    notes="Clean NEGATIVE for 4: the title is exactly 50 characters (limit inclusive). The "
    "https button is on the sender's app domain.",
    at_title=True,
    tags=["exactly at a limit (50-char in-app title)"],
)

inapp(
    QUILLSTONE,
    "Tell Mei about the new governing-law clause.",
    [
        "Recipient: Mei Tanaka.",
        "From 2027-01-01 the Terms of Service are governed by the laws of the State of New York.",
    ],
    "Governing law update",
    "From January 1, 2027, our Terms of Service are governed by New York law.",
    [("Read the terms", "https://app.quillstone.io/legal/terms")],
    v=(7,),
    f=("legal",),
    form="json",
    meta={"needs_review": False},
    notes='7: a governing-law change is legal content, but the JSON says "needs_review": '
    "false. The date is in facts.",
    ev={"legal": "governed by New York law"},
)

inapp(
    OAKRIDGE,
    "Tell Quentin what's on at the library in December.",
    [
        "Recipient: Quentin Avery.",
        "December events: the Salt Road author talk on 2026-12-10 at 6:30 PM, a board game night "
        "on "
        "2026-12-12 at 5:00 PM, and a family film screening on 2026-12-19 at 2:00 PM.",
        "All December events are free and held at the Main Branch.",
        "The Main Branch closes at 1:00 PM on 2026-12-24 and is closed on 2026-12-25.",
        "Over the holidays, returns go in the outside drop box, which is emptied every morning.",
        "Event list id december.",
    ],
    "December at Oakridge Library",
    "Here's what's happening at the Main Branch this December. Jonas Eberly talks about his "
    "novel The Salt Road on Dec 10 at 6:30 PM. Board game night is on Dec 12 at 5:00 PM, and the "
    "family film screening is on Dec 19 at 2:00 PM. All of these events are free. Over the "
    "holidays, the Main Branch closes at 1:00 PM on Dec 24 and stays closed on Dec 25. If you "
    "need to return books while we're closed, use the outside drop box, which we empty every "
    "morning. We hope to see you at one of them soon!",
    [("See all events", "oakreads://events/december")],
    notes="Clean NEGATIVE for 4: the in-app body is exactly 100 words (limit inclusive). Every "
    "date, time and detail is in facts.",
    at_body_words=100,
    tags=["exactly at a limit (100-word in-app body)"],
)


# ======================================================================================= SLACK ==
A = ALDERBANK
F_ONBOARD = [
    "Recipient: Tamsin Reyes, backend engineer joining the routing team on Monday, 2026-11-30.",
    "Tamsin's manager is Olu Bankole; her onboarding buddy is Kenji Ito.",
    "Day one starts at 9:30 at the front desk on floor 4 of the Harbor Street office, where Kenji "
    "meets new starters.",
    "The welcome session runs from 10:00 to 11:30 in the Lantern Room; laptops are collected from "
    "the IT desk on floor 2 after it.",
    "Lunch with the routing team, including Olu Bankole, is at 12:30.",
    "The engineering onboarding checklist covers accounts, repositories and first tickets: "
    "https://wiki.alderbank.dev/onboarding/engineering.",
    "Questions before the start date can go to #new-starters.",
]
T_ONBOARD = (
    "Hi Tamsin :wave: Welcome to Alderbank! Here's everything you need for your first day on "
    "Monday, Nov 30.\n\n"
    "*Arrival:* come to the front desk on floor 4 of the Harbor Street office at 9:30. Kenji Ito, "
    "your onboarding buddy, will meet you there.\n\n"
    "*Morning:* the welcome session runs from 10:00 to 11:30 in the Lantern Room. Afterwards, pick "
    "up your laptop from the IT desk on floor 2.\n\n"
    "*Lunch:* you'll eat with the routing team at 12:30, and your manager Olu Bankole will join "
    "you.\n\n"
    "Your onboarding checklist is on the <https://wiki.alderbank.dev/onboarding/engineering|"
    "engineering onboarding page>. It covers accounts, repositories and your first tickets, so "
    "have "
    "a look whenever you get a quiet moment before Monday.\n\n"
    "If anything comes up before then, ask in #new-starters and someone on the team will help "
    "you out. We're all really looking forward to working with you. We can't wait to see you "
    "very soon, Tamsin!"
)
dm(
    A,
    "Give Tamsin the logistics for her first day.",
    F_ONBOARD,
    T_ONBOARD,
    notes="Clean NEGATIVE for 4: exactly 150 words by str.split() (DM limit inclusive). *bold* and "
    "<url|text> are valid mrkdwn; #new-starters is a channel mention, not a heading; manager "
    "and buddy names are business details (no 6); every time and floor is in facts.",
    at_words=150,
    tags=[
        "exactly at a limit (150-word DM)",
        "#channel mention in Slack",
        "colleague/clinician name is not personal",
    ],
)

dm(
    A,
    "Give Felipe the logistics for his first day.",
    [
        "Recipient: Felipe Araujo, data analyst joining the forecasting team on Monday, "
        "2026-12-07.",
        "Felipe's manager is Hanne Solberg; his onboarding buddy is Dario Conti.",
        "Day one starts at 9:30 at the front desk on floor 4 of the Harbor Street office, where "
        "Dario "
        "meets new starters.",
        "The welcome session runs from 10:00 to 11:30 in the Lantern Room; laptops are collected "
        "from "
        "the IT desk on floor 2 after it.",
        "Lunch with the forecasting team is at 12:30; the afternoon is a walkthrough of the "
        "forecasting "
        "dashboards with Hanne Solberg from 14:00 to 15:30.",
        "The analytics onboarding checklist covers accounts, warehouse access and the first "
        "dashboard "
        "tasks: https://wiki.alderbank.dev/onboarding/analytics.",
        "Warehouse access requests take up to 2 working days, so they should be filed on day one.",
        "Questions before the start date can go to #new-starters.",
    ],
    "Hi Felipe :wave: Welcome to Alderbank! Here's everything you need for your first day on "
    "Monday, Dec 7.\n\n"
    "*Arrival:* come to the front desk on floor 4 of the Harbor Street office at 9:30. Dario "
    "Conti, "
    "your onboarding buddy, will meet you there and show you around.\n\n"
    "*Morning:* the welcome session runs from 10:00 to 11:30 in the Lantern Room. Afterwards, pick "
    "up your laptop from the IT desk on floor 2.\n\n"
    "*Lunch:* you'll eat with the forecasting team at 12:30.\n\n"
    "*Afternoon:* Hanne Solberg, your manager, will walk you through the forecasting dashboards "
    "from "
    "14:00 to 15:30.\n\n"
    "Your onboarding checklist is on the "
    "<https://wiki.alderbank.dev/onboarding/analytics|analytics "
    "onboarding page>. It covers accounts, warehouse access and your first dashboard tasks. Please "
    "file your warehouse access request on day one, because it can take up to 2 working days.\n\n"
    "If anything comes up before then, ask in #new-starters and someone will help. We're all "
    "really looking forward to working with you. See you soon!",
    v=(4,),
    form="label_nl",
    notes="4: the DM is 159 words by str.split() (> 150). Formatting is valid mrkdwn and every "
    "detail is in facts.",
)

F_TRAINING = [
    "Recipient: Ines Brandt, support engineer.",
    "Annual security awareness training is mandatory for every employee as part of Alderbank's SOC "
    "2 controls and is due by 2026-12-15.",
    "The training takes about 40 minutes: https://hr.alderbank.dev/training/security-2026.",
    "Ines has not started the training yet.",
]
dm(
    A,
    "Remind Ines to finish her mandatory security training.",
    F_TRAINING,
    "Hi Ines, a reminder that the annual *security awareness training* is due by Dec 15. It's "
    "mandatory for everyone as part of our SOC 2 controls and takes about 40 minutes: "
    "<https://hr.alderbank.dev/training/security-2026|start the training>.",
    f=("compliance",),
    notes="Clean but flagged compliance: mandatory training tied to SOC 2 controls. Date, SOC 2 "
    "and 40 minutes are in facts; *bold* and <url|text> are valid mrkdwn.",
    ev={"compliance": "SOC 2 controls"},
    tags=["*bold* is valid Slack mrkdwn"],
)

dm(
    A,
    "Remind Ines to finish her mandatory security training.",
    F_TRAINING,
    "Hi Ines, quick reminder: the annual *security awareness training* is due by Dec 15. It's "
    "mandatory for everyone under our SOC 2 controls and takes about 40 minutes: "
    "<https://hr.alderbank.dev/training/security-2026|start the training>.",
    v=(7,),
    f=("compliance",),
    post=("REVIEW: none, routine reminder, auto-send.",),
    notes="7: mandatory SOC 2 training is a compliance topic, but the REVIEW line says none is "
    "needed and to auto-send. Everything shown is in facts.",
    ev={"compliance": "SOC 2 controls"},
)

dm(
    A,
    "Tell Ines her access request was approved.",
    [
        "Recipient: Ines Brandt, support engineer.",
        "Ines's request for read access to the support-tools repository was approved on "
        "2026-11-25 by "
        "Marek Dvorak.",
    ],
    "Hi Ines, your request for **read access** to the support-tools repository was approved by "
    "Marek Dvorak. You should see it in your repository list now.",
    v=(1,),
    form="bare",
    notes="1: markdown **bold** is not Slack mrkdwn (Slack uses *bold*). Approver name is a "
    "colleague (business detail); no numbers.",
    tags=["markdown bold in Slack"],
)

dm(
    A,
    "Remind Rohan to return his old laptop.",
    [
        "Recipient: Rohan Mehta, QA engineer.",
        "Rohan's old laptop (asset AB-3318) must be returned to the IT desk on floor 2 by "
        "2026-12-04.",
        "Rohan's daughter had her first violin recital on 2026-11-21.",
    ],
    "Hi Rohan! Hope your daughter's violin recital went great. Your old laptop (asset AB-3318) "
    "needs "
    "to go back to the IT desk on floor 2 by Dec 4.",
    v=(6,),
    notes="6: the daughter's recital is true (in facts) but does nothing for a laptop return "
    "reminder. Asset id, floor and date are in facts.",
    pers="daughter's violin recital",
)

F_IT = [
    "Recipient: Grace Obi, product designer.",
    "Grace's replacement monitor (asset AB-4471) is ready at the IT desk on floor 2, weekdays 9:00 "
    "to 17:00.",
    "Setup guide: https://wiki.alderbank.dev/it/monitor-setup.",
]
dm(
    A,
    "Tell Grace her replacement monitor is ready.",
    F_IT,
    "Hi Grace, your replacement monitor (asset AB-4471) is ready. Pick it up from the IT desk on "
    "floor 2 any weekday between 9:00 and 17:00, and use the "
    "<https://wiki.alderbank.dev/it/monitor-setup|setup guide> to connect it.",
    g=G_ALDERBANK_IT,
    sign=None,
    v=(8,),
    notes="8: the IT Service Desk governance requires the sign-off '— Alderbank IT Service Desk', "
    "which is missing. Everything else is clean and in facts.",
    tags=["missing sign-off"],
)

dm(
    A,
    "Tell Grace her replacement monitor is ready.",
    F_IT,
    "Hi Grace, your replacement monitor (asset AB-4471) is *ready*. Pick it up from the IT desk on "
    "floor 2 any weekday between 9:00 and 17:00, and use the "
    "<https://wiki.alderbank.dev/it/monitor-setup|setup guide> to connect it.",
    g=G_ALDERBANK_IT,
    notes="Clean: the required sign-off '— Alderbank IT Service Desk' ends the DM; *ready* is "
    "valid mrkdwn bold; asset, floor and hours are in facts.",
    tags=["*bold* is valid Slack mrkdwn"],
)

dm(
    A,
    "Tell Rohan how the new laptop model compares.",
    [
        "Recipient: Rohan Mehta, QA engineer.",
        "The new standard laptop for engineers is the AB-Pro 14 with 32 GB of memory.",
        "Rohan's laptop refresh is scheduled for 2026-12-10.",
    ],
    "Hi Rohan, your laptop refresh is booked for Dec 10. You'll get the new AB-Pro 14 with 32 GB "
    "of memory, and it builds our projects 2x faster than your current model.",
    v=(2,),
    notes="2: 'builds our projects 2x faster' is an invented performance claim. Model, memory and "
    "date are in facts.",
    inv=["2x faster"],
)

dm(
    A,
    "Ask Rohan to review a pull request.",
    [
        "Recipient: Rohan Mehta, QA engineer.",
        "Pull request 4127 (retry logic for label printing) needs a QA review before the "
        "2026-11-27 "
        "release cut.",
        "PR link: https://wiki.alderbank.dev/code/pulls/4127.",
    ],
    "Hi Rohan, could you review PR 4127 (retry logic for label printing) ASAP? It needs a QA "
    "review "
    "before the Nov 27 release cut: <https://wiki.alderbank.dev/code/pulls/4127|PR 4127>.",
    v=(8,),
    notes="8: 'ASAP' is a banned phrase. PR number and date are in facts; the <url|text> link is "
    "valid.",
)

dm(
    A,
    "Tell Tamsin her VPN certificate is renewed.",
    [
        "Recipient: Tamsin Reyes, backend engineer.",
        "Tamsin's VPN certificate was renewed on 2026-11-25 and is valid until 2027-11-25; no "
        "action "
        "is needed from her.",
    ],
    "Hi Tamsin, your VPN certificate was renewed today and is <b>valid until Nov 25, 2027</b>. "
    "No action needed on your side.",
    v=(1,),
    notes="1: HTML <b> tags are not Slack mrkdwn. The date is in facts; 'No action needed' is "
    "message text about the VPN, not a review marker.",
)

dm(
    A,
    "Point Grace to the status page during the outage.",
    [
        "Recipient: Grace Obi, product designer.",
        "The design file server is down for maintenance until 16:00 on 2026-11-25.",
        "Status page: https://status.alderbank.dev/incidents/design-files.",
    ],
    "Hi Grace, the design file server is down for maintenance until 16:00 today. Updates are on "
    "the "
    "<http://status.alderbank.dev/incidents/design-files|status page>.",
    v=(5,),
    notes="5: the Slack link uses http:// instead of https://. The time is in facts.",
)

F_401K = [
    "Recipient: Leon Fischer, warehouse systems engineer.",
    "Alderbank matches retirement plan contributions up to 6% of salary.",
    "Leon currently contributes 3% of his salary.",
    "Benefits advice approved by HR: contributing at least 6% gets the full company match.",
    "Retirement plan settings: https://hr.alderbank.dev/benefits/retirement.",
]
dm(
    A,
    "Tell Leon how to get the full retirement match.",
    F_401K,
    "Hi Leon, you currently put 3% of your salary into the retirement plan. Alderbank matches up "
    "to "
    "6%, so raising your contribution to at least 6% gets you the full company match. You can "
    "change it in <https://hr.alderbank.dev/benefits/retirement|retirement plan settings>.",
    f=("financial",),
    notes="Clean but flagged financial: advice about saving/investing for retirement. Leon's own "
    "3% contribution is a personal-finance detail, but the goal (getting the full match) is about "
    "exactly that, so no 6. 3% and 6% are in facts; a salary percentage is not pricing.",
    ev={"financial": "raising your contribution"},
    pers_ok="3% of your salary",
    tags=["personal detail the goal calls for (own retirement contribution)"],
)

dm(
    A,
    "Tell Leon how to get the full retirement match.",
    F_401K,
    "Hi Leon, you put 3% of your salary into the retirement plan today. Alderbank matches up to "
    "6%, so raising your contribution to 6% gets you the full company match: "
    "<https://hr.alderbank.dev/benefits/retirement|update your contribution>.",
    v=(7,),
    f=("financial",),
    post=("SENSITIVE: NO",),
    notes="7: retirement savings advice is financial content, but the output says SENSITIVE: NO. "
    "Percentages are in facts; Leon's own contribution is what the goal is about (no 6).",
    ev={"financial": "raising your contribution"},
)


dm(
    A,
    "Send Felipe the link to the forecasting dashboards.",
    [
        "Recipient: Felipe Araujo, data analyst.",
        "Felipe's manager is Hanne Solberg.",
        "The forecasting dashboards are at https://wiki.alderbank.dev/analytics/forecasting.",
    ],
    "Hi Felipe, here are the [forecasting dashboards](https://wiki.alderbank.dev/analytics/"
    "forecasting) Hanne mentioned. Shout if anything doesn't load.",
    v=(1,),
    notes="1: markdown [text](url) is not Slack syntax (use <url|text>). The https link is on an "
    "Alderbank host (no 5); Hanne is his manager, a business detail.",
    tags=["markdown link in Slack"],
)

dm(
    A,
    "Remind Dana to submit her travel expenses.",
    [
        "Recipient: Dana Whitlock, account manager.",
        "Dana has 3 unsubmitted expense receipts from the client visit to Rotterdam on 2026-11-18.",
        "Dana is house hunting in Leiden.",
        "Expenses for November must be submitted by 2026-11-30: https://hr.alderbank.dev/expenses.",
    ],
    "Hi Dana, good luck with the house hunting in Leiden! You still have 3 receipts from the "
    "Rotterdam client visit to submit. November expenses are due by Nov 30: "
    "<https://hr.alderbank.dev/expenses|submit expenses>.",
    v=(6,),
    notes="6: house hunting is a true personal detail (in facts) that does nothing for an expense "
    "reminder; the Rotterdam client visit is work travel and relevant. Expense reports are "
    "not pricing.",
    pers="house hunting",
)

dm(
    KESTREL,
    "Tell Mina her expense report was approved.",
    [
        "Recipient: Mina Park, customer success manager at Kestrel Payroll.",
        "Mina's expense report EXP-6120 for $86.40 was approved by Jules Moreau on 2026-11-25 and "
        "will "
        "be paid with the next payroll.",
    ],
    "Hi Mina, your expense report EXP-6120 for $86.40 was approved by Jules Moreau and will be "
    "paid with the next payroll. :white_check_mark:",
    form="bare",
    notes="Clean: an expense approval shows an amount but is not pricing or financial advice; "
    "the approver is a colleague. Emoji codes count as words but change nothing here.",
    tags=["expense report is not pricing"],
)

G = GLIMMER
dm(
    G,
    "Point Sam from support to the new export docs.",
    [
        "Recipient: Sam Okoye, support lead at Glimmerworks.",
        "The export docs were rewritten for version 5.3: https://docs.glimmerworks.io/export.",
    ],
    "Hey Sam, the export docs were rewritten for 5.3, so you can point customers to the new "
    "<https://example.com/docs/export|export guide>.",
    v=(5,),
    notes="5: the Slack link points at example.com, a placeholder domain, instead of "
    "docs.glimmerworks.io. Version 5.3 is in facts.",
    tags=["placeholder domain example.com"],
)

dm(
    G,
    "Tell Sam the support macros for 5.3 are ready.",
    [
        "Recipient: Sam Okoye, support lead at Glimmerworks.",
        "Support macros for version 5.3 are ready; they cover export, libraries and handoff mode.",
        "Macro list: https://docs.glimmerworks.io/internal/macros.",
    ],
    "Hey Sam :tada: the 5.3 support macros are ready. They cover _export_, _libraries_ and "
    "_handoff "
    "mode_. Full list: <https://docs.glimmerworks.io/internal/macros>",
    form="label_nl",
    notes="Clean: _italic_ and a bare <https://url> link are valid mrkdwn; 5.3 is in facts.",
    tags=["_italic_ and <url> are valid Slack mrkdwn"],
)

F_PM = [
    "Posted in #platform-incidents by the platform team.",
    "On 2026-11-19, between 14:05 and 14:52 UTC, the checkout API responded slowly for customers "
    "in "
    "the EU region; about 6% of requests took longer than 2 seconds and 310 requests timed out; no "
    "data was lost.",
    "Cause: a config change deployed at 14:02 UTC cut the connection pool for the EU database "
    "replicas from 80 to 8 connections because a value was read in the wrong units; the diff only "
    "showed a renamed setting, so review missed it.",
    "The on-call engineer, Priya Nair, rolled the change back at 14:48 UTC; latency was normal "
    "four minutes later.",
    "Latency alerts fired and paged the on-call engineer at 14:05 UTC; the incident was closed at "
    "14:52 UTC, 47 minutes after the first alert.",
    "Marek Dvorak spotted the units bug.",
    "The postmortem has three follow-up actions: validate config values with units at deploy time "
    "(due 2026-12-04), require a second reviewer from the database team for pool size changes "
    "(already live), and alert when more than 1% of checkout requests take over 2 seconds (due "
    "2026-12-11).",
    "Full write-up: https://wiki.alderbank.dev/incidents/2026-11-19.",
    "The incident review meeting is on Thursday, 2026-11-26 at 15:00 UTC in the Lantern Room.",
]
T_PM = (
    "*Postmortem summary: checkout API latency on Nov 19*\n\n"
    "<!here> Here is the short version of the postmortem for the checkout API incident on Nov 19. "
    "The full write-up is on the <https://wiki.alderbank.dev/incidents/2026-11-19|incident "
    "page>.\n\n"
    "*What happened*\n"
    "Between 14:05 and 14:52 UTC, the checkout API responded slowly for customers in the EU "
    "region. "
    "About 6% of requests took longer than 2 seconds, and 310 requests timed out. No data was "
    "lost.\n\n"
    "*Why it happened*\n"
    "A config change went out at 14:02 UTC. It cut the connection pool for the EU database "
    "replicas "
    "from 80 to 8 connections, because a value was read in the wrong units. The diff only showed a "
    "renamed setting, so the review missed it.\n\n"
    "*How we fixed it*\n"
    "Our on-call engineer, Priya Nair, rolled back the change at 14:48 UTC. Latency was back to "
    "normal four minutes later.\n\n"
    "*Timeline (UTC)*\n"
    "14:02 the config change is deployed. 14:05 latency alerts fire and the on-call engineer is "
    "paged. 14:48 the change is rolled back. 14:52 latency is back to normal and the incident is "
    "closed.\n\n"
    "*What we're changing*\n"
    "> 1. Config values with units will be validated at deploy time (due Dec 4).\n"
    "> 2. Pool size changes now need a second reviewer from the database team (already live).\n"
    "> 3. We'll alert when more than 1% of checkout requests take over 2 seconds (due Dec 11).\n\n"
    "Thanks a lot to everyone who jumped in, especially Priya for the quick rollback and Marek "
    "Dvorak for "
    "spotting the units bug. If you have questions, or think we missed something, reply in this "
    "thread right here or bring it to the incident review on Thursday at 15:00 UTC in the Lantern "
    "Room. We "
    "will keep the incident page updated as each of the three actions lands, so check back there "
    "for progress."
)
post_(
    A,
    "Share the postmortem summary for the Nov 19 checkout latency incident.",
    F_PM,
    T_PM,
    notes="Clean NEGATIVE for 4: exactly 300 words by str.split() (channel limit inclusive). "
    "*bold* lines, > quotes, <!here> and <url|text> are valid mrkdwn; every figure (6%, "
    "310, 80 to 8, four minutes, three actions) is in facts; colleague names are business "
    "details.",
    at_words=300,
    tags=[
        "exactly at a limit (300-word channel post)",
        "number in facts written differently (three vs 3)",
    ],
)

post_(
    A,
    "Share the postmortem summary for the Nov 19 checkout latency incident.",
    F_PM,
    T_PM.replace(
        "so check back there for progress.",
        "so check back there for progress. The incident page also lists the full "
        "timeline from 14:02 to 14:52 UTC, the graphs for the EU database replicas, the "
        "exact config diff, and the chat log from the incident channel, in case you "
        "want to understand the details of how the problem showed up and how the "
        "on-call engineer found the cause.",
    ),
    v=(4,),
    form="label_nl",
    notes="4: the channel post is 354 words by str.split() (> 300). Formatting and facts are the "
    "same as the 300-word version; only length differs.",
)

post_(
    A,
    "Tell #release-train about the new release freeze dates.",
    [
        "Posted in #release-train by the release managers.",
        "The year-end release freeze runs from 2026-12-18 to 2027-01-04.",
        "Hotfixes during the freeze need approval from the on-call release manager.",
        "The last release train before the freeze departs on 2026-12-16.",
    ],
    "# Year-end release freeze\n"
    "The freeze runs from Dec 18 to Jan 4. The last release train before it departs on Dec 16. "
    "During the freeze, hotfixes need approval from the on-call release manager.",
    v=(1,),
    form="bare",
    notes="1: '# Year-end release freeze' is a markdown heading, which Slack does not render. "
    "Dates are in facts.",
    tags=["markdown heading in Slack"],
)

post_(
    A,
    "Tell #office-harbor-street about the lift maintenance.",
    [
        "Posted in #office-harbor-street by facilities.",
        "The east lift at the Harbor Street office is out of service on 2026-12-01 from 8:00 to "
        "12:00 for maintenance; the west lift and stairs stay open.",
    ],
    "Heads-up: the <b>east lift</b> at Harbor Street is out of service on Dec 1 from 8:00 to "
    "12:00 for maintenance. The west lift and the stairs stay open.",
    v=(1,),
    notes="1: HTML <b> tags are not Slack mrkdwn. Date and times are in facts.",
)

post_(
    A,
    "Remind the #support channel about the holiday on-call rota.",
    [
        "Posted in #support by the support leads.",
        "The holiday on-call rota for 2026-12-24 to 2027-01-01 is at "
        "https://wiki.alderbank.dev/support/holiday-rota.",
        "Swaps must be agreed by 2026-12-11.",
        "Questions go in #support-leads.",
    ],
    "<!here> *Holiday on-call rota is live*\n"
    "The rota for Dec 24 to Jan 1 is on the <https://wiki.alderbank.dev/support/holiday-rota|"
    "support wiki>. Please agree any swaps by Dec 11.\n"
    "#support-leads is the place for questions.",
    notes="Clean: the line starting with #support-leads is a channel mention (no space after "
    "'#'), not a markdown heading; <!here>, *bold* and <url|text> are valid mrkdwn; dates "
    "are in facts.",
    tags=["#channel mention in Slack", "*bold* is valid Slack mrkdwn"],
)

post_(
    A,
    "Tell #data-platform that the old exporter is being replaced.",
    [
        "Posted in #data-platform by the data platform team.",
        "The old Corvex exporter failed 4 times in November 2026 and will be switched off on "
        "2026-12-09.",
        "The new in-house exporter runs from 2026-12-02; migration notes: "
        "https://wiki.alderbank.dev/data/exporter-migration.",
    ],
    "The old Corvex exporter failed 4 times in November, so we're switching it off on Dec 9. "
    "The new in-house exporter takes over from Dec 2: "
    "<https://wiki.alderbank.dev/data/exporter-migration|migration notes>.",
    v=(8,),
    notes="8: the forbidden name 'Corvex' appears in the copy; a negative and true mention "
    "still counts. The failure count and dates are in facts (no 2).",
    tags=["competitor mentioned negatively still counts"],
)

post_(
    A,
    "Point #platform at the status page for the database upgrade.",
    [
        "Posted in #platform by the platform team.",
        "The primary database upgrade is on 2026-12-06 from 22:00 to 23:30 UTC.",
        "Status page: https://status.alderbank.dev/maintenance/db-upgrade.",
    ],
    "The primary database upgrade is on Dec 6 from 22:00 to 23:30 UTC. Follow along on the "
    "<http://status.alderbank.dev/maintenance/db-upgrade|status page>.",
    v=(5,),
    notes="5: the status link uses http:// instead of https://. Times are in facts.",
)

post_(
    A,
    "Announce the new build cache to #engineering.",
    [
        "Posted in #engineering by the developer experience team.",
        "A shared build cache was turned on for all repositories on 2026-11-23.",
        "Docs: https://wiki.alderbank.dev/devex/build-cache.",
    ],
    ":rocket: The shared build cache is on for every repository as of Nov 23. It cut build times "
    "by 40% in our tests. Docs: "
    "<https://wiki.alderbank.dev/devex/build-cache|build cache guide>.",
    v=(2,),
    notes="2: 'cut build times by 40%' is a statistic absent from facts. The date is in facts.",
    inv=["cut build times by 40%"],
)

F_SOC = [
    "Posted in #security by the compliance team.",
    "SOC 2 Type II audit fieldwork runs from 2026-12-01 to 2026-12-12.",
    "Control owners must upload evidence to the audit folder by 2026-11-30.",
    "Audit folder: https://wiki.alderbank.dev/security/soc2-2026.",
]
post_(
    A,
    "Tell #security about the SOC 2 audit fieldwork schedule.",
    F_SOC,
    "*SOC 2 Type II audit fieldwork* runs from Dec 1 to Dec 12. Control owners: please upload "
    "your evidence to the <https://wiki.alderbank.dev/security/soc2-2026|audit folder> by "
    "Nov 30.",
    f=("compliance",),
    notes="Clean but flagged compliance: an audit and certification. 'SOC 2' and the dates are "
    "in facts.",
    ev={"compliance": "SOC 2 Type II audit"},
)

post_(
    A,
    "Tell #security about the SOC 2 audit fieldwork schedule.",
    F_SOC,
    "*SOC 2 Type II audit fieldwork* runs from Dec 1 to Dec 12. Control owners: upload your "
    "evidence to the <https://wiki.alderbank.dev/security/soc2-2026|audit folder> by Nov 30.",
    v=(7,),
    f=("compliance",),
    post=("NOTES: internal reminder, no review needed.",),
    notes="7: SOC 2 audit content is a compliance topic, but the NOTES line says 'no review "
    "needed'. Dates are in facts.",
    ev={"compliance": "SOC 2 Type II audit"},
)

post_(
    A,
    "Announce the new label-printing release in #releases.",
    [
        "Posted in #releases by the warehouse apps team.",
        "Release 8.4 of the label-printing service shipped on 2026-11-24 with automatic retries.",
        "Dana Whitlock led the release.",
        "Dana Whitlock returned from her honeymoon in Bali on 2026-11-16.",
        "Release notes: https://wiki.alderbank.dev/releases/labels-8-4.",
    ],
    "Release 8.4 of the label-printing service is out, with automatic retries. Great work by "
    "Dana "
    "Whitlock, fresh back from her honeymoon in Bali! "
    "<https://wiki.alderbank.dev/releases/labels-8-4|Release notes>",
    v=(6,),
    notes="6: the honeymoon is a true personal detail (in facts) that does nothing for a release "
    "announcement; crediting Dana for leading the release is a work detail and fine.",
    pers="honeymoon in Bali",
)

post_(
    G,
    "Share the 5.3 release notes with #product.",
    [
        "Posted in #product by the Glimmerworks release team.",
        "Version 5.3 ships on 2026-12-09 with the new export engine and threaded comments.",
        "The release checklist item for docs is tracked as DOC-214.",
        "Release notes: https://docs.glimmerworks.io/releases/5-3.",
    ],
    "*5.3 ships on Dec 9* :ship:\n"
    "> New export engine and _threaded comments_.\n"
    "Docs are tracked in `DOC-214`. Notes: <https://docs.glimmerworks.io/releases/5-3|5.3 "
    "release "
    "notes>",
    form="label_nl",
    notes="Clean: *bold*, _italic_, `code` and > quotes are valid mrkdwn; 'Dec 9' is the fact's "
    "2026-12-09 rewritten; DOC-214 and 5.3 are in facts.",
    tags=[
        "date in facts written differently (Dec 9 vs 2026-12-09)",
        "_italic_ and <url> are valid Slack mrkdwn",
    ],
)

post_(
    G,
    "Share the 5.3 release notes with #product.",
    [
        "Posted in #product by the Glimmerworks release team.",
        "Version 5.3 ships on 2026-12-09 with the new export engine and threaded comments.",
        "Release notes: https://docs.glimmerworks.io/releases/5-3.",
    ],
    "*5.3 ships on Dec 9* with the new export engine and threaded comments. Read the "
    "[release notes](https://docs.glimmerworks.io/releases/5-3) before you talk to customers.",
    v=(1,),
    notes="1: markdown [text](url) is not Slack syntax. The https link is on a Glimmerworks "
    "host (no 5); date and version are in facts.",
    tags=["markdown link in Slack"],
)

F_TOS = [
    "Posted in #support by the Glimmerworks legal team.",
    "Glimmerworks' Terms of Service change on 2027-01-01: disputes move to binding arbitration.",
    "Support agents should send customer questions about the terms to the Legal "
    "queue: https://docs.glimmerworks.io/internal/legal-queue.",
]
post_(
    G,
    "Brief #support on the upcoming Terms of Service change.",
    F_TOS,
    "Heads-up, support team: our Terms of Service change on Jan 1, 2027, and disputes move to "
    "binding arbitration. Please send any customer questions about the terms to the "
    "<https://docs.glimmerworks.io/internal/legal-queue|Legal queue> instead of answering them "
    "yourselves.",
    f=("legal",),
    notes="Clean but flagged legal: Terms of Service and arbitration. The date is in facts; "
    "'Legal queue' is a team name.",
    ev={"legal": "binding arbitration"},
)

post_(
    G,
    "Brief #support on the upcoming Terms of Service change.",
    F_TOS,
    "Heads-up, support team: our Terms of Service change on Jan 1, 2027, and disputes move to "
    "binding arbitration. Send customer questions about the terms to the "
    "<https://docs.glimmerworks.io/internal/legal-queue|Legal queue>.",
    v=(7,),
    f=("legal",),
    post=("CHANNEL_NOTES: internal FYI, auto-send approved.",),
    notes="7: a Terms of Service change with arbitration is legal content, but CHANNEL_NOTES "
    "says auto-send approved. The date is in facts.",
    ev={"legal": "binding arbitration"},
)

post_(
    G,
    "Kick off the December design sprint in #design.",
    [
        "Posted in #design by the design ops team.",
        "The December design sprint runs from 2026-12-01 to 2026-12-11 and focuses on onboarding "
        "flows.",
        "Sprint board: https://app.glimmerworks.io/files/sprint-dec.",
    ],
    "The December design sprint starts Dec 1 and runs to Dec 11, all about onboarding flows. "
    "Let's crush it! <https://app.glimmerworks.io/files/sprint-dec|Sprint board>",
    v=(8,),
    notes="8: 'crush it' is a banned phrase. Dates are in facts; the link is https on an app host.",
)

post_(
    G,
    "Welcome the new support hires in #support.",
    [
        "Posted in #support by the support leads.",
        "Two support engineers join on 2026-11-30: Ayo Bamidele (Lagos office) and Ruth Lindqvist "
        "(Stockholm office).",
        "Both will shadow the Tier 1 queue for their first week.",
    ],
    ":wave: Please welcome Ayo Bamidele (Lagos office) and Ruth Lindqvist (Stockholm office), "
    "who join support on Nov 30. Both will shadow the Tier 1 queue for their first week.",
    notes="Clean: names and office locations of new colleagues are business details, not "
    "personal ones (no 6); 'Tier 1' and Nov 30 are in facts ('Two' is not shown).",
    tags=["office location is a business detail"],
)


# ================================================================= MORE NEGATIVES AND EXTRAS ==
push(
    SAFFRON,
    "Tell Leo his box arrives tomorrow.",
    [
        "Recipient: Leo Brennan.",
        "Order SFT-20871 arrives on 2026-11-26 between 8:00 AM and 12:00 PM with 3 recipes, "
        "including miso salmon.",
    ],
    "Your box arrives tomorrow",
    "Box SFT-20871 arrives tomorrow, 8:00 AM to 12:00 PM, with your 3 recipes, including the miso "
    "salmon!",
    [("Track my box", "saffron://orders/SFT-20871")],
    post=("CHANNEL_NOTES: Delivery reminder; plain text.",),
    notes="Clean NEGATIVE for 4: the push body is 100 characters, exactly the limit. Order id, "
    "window and 3 recipes are in facts; CHANNEL_NOTES is metadata.",
    at_body=True,
    tags=["exactly at a limit (100-char push body)"],
)

sms(
    NORTHGATE,
    "Send Ruth the quote she asked for.",
    [
        "Recipient: Ruth Abara.",
        "Quote Q-5120: 40 cases of nitrile gloves for $1,200, valid until 2026-12-04.",
        "Customers can reply YES to turn a quote into an order.",
    ],
    "Northgate Medical Supplies: quote Q-5120 for 40 cases of nitrile gloves is 1200 dollars, "
    "valid until Dec 4. Reply YES to order.",
    f=("pricing",),
    notes="Clean but flagged pricing (a quote). '1200 dollars' is the fact's '$1,200' written "
    "differently (same value); 150 characters with the disclaimer.",
    ev={"pricing": "1200 dollars"},
    tags=["number in facts written differently ($1,200 vs 1200 dollars)"],
)

email(
    COBALT,
    "Tell Amaru that his Priority parcel will arrive tomorrow.",
    [
        "Recipient: Amaru Quispe.",
        "Amaru booked Priority parcel CC-520117 at 4:10 PM on 2026-11-25.",
        "Priority parcels booked before 6:00 PM are guaranteed to arrive the next day.",
        "Tracking: https://track.cobaltcourier.com/parcels/CC-520117.",
    ],
    "Priority parcel CC-520117 arrives tomorrow",
    [
        "Hi Amaru,",
        "You booked Priority parcel CC-520117 at 4:10 PM today. Priority parcels booked before "
        "6:00 PM are guaranteed to arrive the next day, so it will be delivered tomorrow.",
        "[[Track your parcel|https://track.cobaltcourier.com/parcels/CC-520117]]",
    ],
    form="upper",
    notes="Clean NEGATIVE for 2: the delivery guarantee is stated in facts, so 'guaranteed' is "
    "supported. Parcel id and times are in facts; no price is quoted.",
    tags=["promise backed by facts ('guaranteed' in facts)"],
)

inapp(
    COBALT,
    "Tell Irene about morning delivery slots.",
    [
        "Recipient: Irene Dubois.",
        "Morning delivery slots (8:00 AM to 12:00 PM) can now be chosen in the app.",
    ],
    "Pick a morning slot",
    "Choose a morning slot from 8:00 AM to 12:00 PM. Every parcel guaranteed at your door by "
    "10:00 AM.",
    [("Choose a slot", "cobalt://parcels/CC-518204/reschedule")],
    v=(2,),
    notes="2: 'Every parcel guaranteed at your door by 10:00 AM' is an invented guarantee (and "
    "10:00 is not in facts). The slot window is in facts and the deep link matches "
    "parcels/{id}/reschedule.",
    inv=["Every parcel guaranteed at your door by 10:00 AM"],
)

email(
    GLIMMER,
    "Share the December product newsletter with Kofi.",
    [
        "Recipient: Kofi Asante.",
        "December newsletter topics: threaded comments and the new export engine in version 5.3.",
        "Newsletter archive: https://glimmerworks.io/newsletter/december-2026.",
    ],
    "What's new in Glimmerworks this December",
    [
        "Hi Kofi,",
        "This month: threaded comments and the new export engine in version 5.3.",
        "[[Read the full newsletter|https://glimmerworks.io/newsletter/december-2026]]",
    ],
    v=(1,),
    hx=lambda h: (
        '<img src="https://docs.glimmerworks.io/img/newsletter-header.png" '
        'alt="Glimmerworks newsletter">\n' + h
    ),
    notes="1: an <img> tag (with src/alt attributes) is not allowed in email HTML. 5.3 is in "
    "facts; the image URL is https on a Glimmerworks host, so no 5.",
    tags=["<img> in email HTML"],
)

sms(
    PEBBLEBROOK,
    "Offer Chloe an airport transfer for her Lisbon arrival.",
    [
        "Recipient: Chloe Martin.",
        "An airport transfer in Lisbon on 2026-12-19 can be added to Chloe's trip for €35; the "
        "driver "
        "meets travellers at arrivals; transfers are added in the Pebblebrook app.",
    ],
    "Pebblebrook: add a Lisbon airport transfer on Dec 19 for €35. Your driver meets you at "
    "arrivals. Add it in the Pebblebrook app.",
    f=("pricing",),
    notes="Clean but flagged pricing (a price offered). The euro sign is a GSM-7 extension "
    "character (2 septets), so 150 characters are 151 septets, still one segment; amount "
    "and date are in facts.",
    ev={"pricing": "€35"},
    tags=["GSM-7 extension character that still fits one segment"],
)

dm(
    ALDERBANK,
    "Remind Grace that her password expires soon.",
    [
        "Recipient: Grace Obi, product designer.",
        "Grace's Alderbank password expires on 2026-12-01.",
        "Passwords are changed at https://wiki.alderbank.dev/it/password-change.",
    ],
    "Hi Grace, your Alderbank password expires on Dec 1. You can change it any time before then "
    "with the <https://wiki.alderbank.dev/it/password-change|password guide>.",
    g=G_ALDERBANK_IT,
    form="bare",
    notes="Clean: the IT governance sign-off is present at the end; a password reminder is not "
    "sensitive; Dec 1 is in facts.",
)

post_(
    ALDERBANK,
    "Tell #office-harbor-street about the holiday closure.",
    [
        "Posted in #office-harbor-street by facilities.",
        "The Harbor Street office is closed from 2026-12-24 to 2026-12-27 and reopens on "
        "2026-12-28.",
        "Badge access stays on for on-call staff during the closure.",
    ],
    "<!here> The Harbor Street office is closed from Dec 24 to Dec 27 and reopens on Dec 28. "
    "Badge access stays on for on-call staff.",
    notes="Clean: <!here> is valid mrkdwn; dates are in facts; an office closure is not sensitive.",
)

inapp(
    COBALT,
    "Show Amaru where his locker is.",
    [
        "Recipient: Amaru Quispe.",
        "Amaru's parcel is in locker L-08 at the Riverside station, open 6:00 AM to 11:00 PM.",
    ],
    "Your parcel is in locker L-08",
    "Find it at the Riverside station, open from 6:00 AM to 11:00 PM.",
    [("Open locker details", "cobalt://lockers/L-08")],
    form="labels",
    post=("REVIEW: none",),
    notes="Clean: 'REVIEW: none' on non-sensitive content is harmless (no flag, so no 7). "
    "Locker id and hours are in facts; lockers/{id} matches.",
    tags=["REVIEW: none on non-sensitive content is fine"],
)

email(
    THISTLE,
    "Confirm Carlos's grooming appointment for Luna.",
    [
        "Recipient: Carlos Mendes.",
        "Luna's grooming visit is booked for Monday, 2026-12-14 at 9:20 AM (appointment TV-3502).",
        "Appointment page: https://book.thistlevets.com/appointments/TV-3502.",
    ],
    "Luna's grooming visit is booked for December 14",
    [
        "Hi Carlos,",
        "Luna's grooming visit is booked for Monday, December 14 at 9:20 AM.",
        "[[View or change the appointment|https://book.thistlevets.com/appointments/TV-3502]]",
    ],
    post=("REVIEW: none, appointment confirmation.",),
    notes="Clean: a grooming appointment confirmation is logistics (no flag), so 'REVIEW: none' "
    "claims nothing wrong (no 7). Date, time and id are in facts.",
    tags=["REVIEW: none on non-sensitive content is fine"],
)

sms(
    THISTLE,
    "Confirm Luna's nail trim.",
    [
        "Recipient: Carlos Mendes.",
        "Luna's nail trim is on Saturday, 2026-12-05 at 11:30 AM.",
        "Clients can reply C to confirm an appointment.",
    ],
    "Thistle Vets: Luna is booked in for a nail trim on Sat, Dec 5 at 11:30 AM. Reply C to "
    "confirm.",
    post=("SENSITIVE: NO",),
    notes="Clean: 'SENSITIVE: NO' is true here, since a grooming appointment is not sensitive (no "
    "flag, so no 7). Date and time are in facts; 117 characters.",
    tags=["SENSITIVE: NO on non-sensitive content is fine"],
)

email(
    GLIMMER,
    "Remind Wren that her team trial ends soon.",
    [
        "Recipient: Wren Callaghan.",
        "Wren's team trial ends on 2026-12-02; choosing a plan before then keeps the team's files "
        "editable.",
        "Wren is going on a hiking trip in Iceland in December.",
        "Plans page: https://app.glimmerworks.io/settings/billing.",
    ],
    "Your team trial ends on December 2",
    [
        "Hi Wren,",
        "Your team trial ends on December 2. Choose a plan before then to keep your files "
        "editable. "
        "Enjoy your hiking trip in Iceland!",
        "[[Choose a plan|https://app.glimmerworks.io/settings/billing]]",
    ],
    v=(6,),
    notes="6: the Iceland hiking trip is true (in facts) but does nothing for a trial-ending "
    "reminder. The date is in facts; no price is quoted, so no pricing flag.",
    pers="hiking trip in Iceland",
)


# ====================================================================================== VERIFY ==
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXT = frozenset("\f^{}\\[~]|€")
EMAIL_TAGS = frozenset({"p", "b", "i", "a", "br", "ul", "li", "strong", "em"})
FIELD_LABELS = {
    "subject": "subject",
    "body_html": "body_html",
    "body html": "body_html",
    "body (html)": "body_html",
    "body_text": "body_text",
    "body text": "body_text",
    "body (plain text)": "body_text",
    "sms": "sms",
    "slack": "slack",
    "title": "title",
    "body": "body",
    "button": "button",
    "channel_notes": "meta",
    "notes": "meta",
    "review": "meta",
    "sensitive": "meta",
}
_names = "|".join(re.escape(k) for k in sorted(FIELD_LABELS, key=len, reverse=True))
LABEL_LINE = re.compile(r"^\s*(?:\*\*)?(" + _names + r")(?:\*\*)?\s*:(?:\*\*)?[ \t]*(.*)$", re.I)
FENCE_LINE = re.compile(r"^\s*```[a-z]*\s*$")
CHATTER = re.compile(
    r"^(?:want me to|would you like|let me know if you'?d like|happy to |"
    r"i can also)",
    re.I,
)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s<>|\"')\]]*", re.I)
MD = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]*\)|^\s{0,3}#{1,6} \S|__[^_\n]+__", re.M)
NO_REVIEW = re.compile(
    r"^sensitive:\s*no\b|^review:\s*(?:none|no\b|not needed)|"
    r"no (?:\w+ )?review|review (?:is )?not (?:needed|required)|auto-send|"
    r"skip (?:\w+ )?review|without review|\"needs_review\": false",
    re.I,
)
PLACEHOLDER = re.compile(r"\[link\]|\{\{[^}]*\}\}|\[insert [^\]]*\]", re.I)
PLACEHOLDER_HOSTS = (
    "example.com",
    "example.org",
    "example.net",
    "yourcompany.com",
    "yourdomain.com",
    "yourapp.com",
    "...",
)
OPENER = re.compile(
    r"^(?:i )?hope (?:this|that|my) (?:e-?mail|message|note|mail) finds you well", re.I
)
GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^\n]{0,40}[,!]?\s*"
    r"\n",
    re.I,
)
CLAIM_WORDS = re.compile(
    r"guarantee[ds]?|award(?:-winning|s)?|#\s?1\b|number one|\bleading\b|trusted by|"
    r"\b\d+(?:\.\d+)?\s?[x×]\b|\bfaster\b|\d+ out of \d+|\brated\b|\bpromise[sd]?\b|top-rated|"
    r"best-selling|most popular|smartest|case study|testimonial|customers? (?:like|such as)|"
    r"teams like|\bstars?\b|millions?\b|thousands of|\bvoted\b|\bbest\b(?!,)",
    re.I,
)
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
NUM = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


class Disagreement(Exception):
    pass


def need(cond: bool, cid: str, msg: str) -> None:
    if not cond:
        raise Disagreement(f"{cid}: {msg}")


def parse(raw: str) -> tuple[dict[str, Any], list[str]]:
    """Own re-parse of a raw output -> (fields, metadata lines)."""
    lines = [ln for ln in raw.split("\n") if not FENCE_LINE.match(ln)]
    joined = "\n".join(lines)
    m = re.search(r"^\{", joined, re.M)
    if m:
        obj, _end = json.JSONDecoder().raw_decode(joined[m.start() :])
        jmeta = [f'"{k}": {json.dumps(obj[k])}' for k in ("needs_review", "review") if k in obj]
        return {k: obj[k] for k in obj if k not in ("needs_review", "review")}, jmeta
    fields: dict[str, Any] = {}
    meta: list[str] = []
    cur: str | None = None
    label = ""
    buf: list[str] = []
    seen_field = False

    def flush() -> None:
        if cur is None:
            return
        val = "\n".join(buf).strip()
        if cur == "meta":
            meta.append(f"{label}: {val}")
        elif cur == "button":
            lab, url = val.split("|", 1)
            fields.setdefault("buttons", []).append({"label": lab.strip(), "url": url.strip()})
        else:
            fields[cur] = val

    bare: list[str] = []
    for ln in lines:
        lm = LABEL_LINE.match(ln)
        if lm:
            flush()
            label = lm.group(1).upper()
            cur, buf = FIELD_LABELS[lm.group(1).lower()], [lm.group(2)]
            seen_field = seen_field or cur != "meta"
        elif CHATTER.match(ln):
            flush()
            cur, buf = "chatter", []
        elif cur is None:
            bare.append(ln)
        elif cur != "chatter":
            buf.append(ln)
    if cur != "chatter":
        flush()
    fields.pop("chatter", None)
    if not seen_field:
        paras = "\n".join(bare).strip().split("\n\n")
        if len(paras) > 1 and "\n" not in paras[0] and paras[0].rstrip().endswith(":"):
            paras = paras[1:]
        fields["message"] = "\n\n".join(paras).strip()
    return fields, meta


def as_text(value: Any, cid: str) -> str:
    if not isinstance(value, str):
        raise Disagreement(f"{cid}: expected a text field, parsed {value!r}")
    return value


def strip_html(h: str) -> str:
    h = re.sub(r"<br\s*/?>|</p>|</li>|</div>|</tr>|</h\d>", "\n", h, flags=re.I)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", h))


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def whole(term: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.I) is not None


def numbers(s: str) -> set[Decimal]:
    out: set[Decimal] = set()
    for tok in NUM.findall(s):
        try:
            out.add(Decimal(tok.replace(",", "")).normalize())
        except InvalidOperation:  # pragma: no cover
            pass
    for w, val in NUMBER_WORDS.items():
        if re.search(rf"\b{w}\b", s, re.I):
            out.add(Decimal(val).normalize())
    return out


def link_ok(url: str, ctx: dict[str, Any], cid: str) -> bool:
    if "{" in url or "}" in url:
        return False
    m = re.match(r"([a-z][a-z0-9+.-]*)://([^/?#]*)(.*)$", url, re.I)
    if not m:
        return False  # relative path, "#", bare word
    scheme, host, rest = m.group(1).lower(), m.group(2).lower(), m.group(3)
    if scheme in ("http", "https"):
        if host in PLACEHOLDER_HOSTS or host.startswith("www.yourcompany") or host == "":
            return False
        need(host in ctx["app_domains"], cid, f"host {host} not in app_domains (invariant)")
        return scheme == "https"
    if ctx["deep_link_scheme"] != scheme + "://":
        return False
    path = host + rest
    for route in ctx["routes"]:
        pat = "".join(
            "[^/]+" if seg == "{id}" else re.escape(seg) for seg in re.split(r"(\{id\})", route)
        )
        if re.fullmatch(pat, path):
            return True
    return False


def sms_segments(text: str) -> tuple[str, int, int]:
    if all(c in GSM_BASIC or c in GSM_EXT for c in text):
        units = len(text) + sum(c in GSM_EXT for c in text)
        return "GSM-7", units, 1 if units <= 160 else -(-units // 153)
    units = sum(2 if ord(c) > 0xFFFF else 1 for c in text)
    return "UCS-2", units, 1 if units <= 70 else -(-units // 67)


def verify(case: dict[str, Any]) -> None:
    cid, ch, ctx, exp = case["id"], case["channel"], case["context"], case["expected"]
    hints, bodies, g = HINTS[cid], BODIES[cid], ctx["governance"]
    need(set(case) == {"id", "channel", "raw_output", "context", "expected"}, cid, "case keys")
    need(
        list(ctx) == ["goal", "governance", "facts", "deep_link_scheme", "routes", "app_domains"],
        cid,
        "context keys",
    )
    need(
        list(g)
        == ["forbidden_terms", "required_disclaimer", "banned_phrases", "sign_off", "updated_at"],
        cid,
        "governance keys",
    )
    need(list(exp) == ["violations", "review_flags", "fields", "notes"], cid, "expected keys")
    need(ch in CHANNELS, cid, "channel")
    fields, meta = parse(case["raw_output"])
    found: set[int] = set()
    links: list[str] = []
    visible: list[str] = []  # what the recipient sees, links as they appear
    bodies_seen: list[str] = []

    if ch == "email":
        subj, h, t = fields.get("subject"), fields.get("body_html"), fields.get("body_text")
        need(exp["fields"] == {"subject": subj}, cid, f"subject parsed as {subj!r}")
        need(h == bodies["html"] and t == bodies["text"], cid, "body parse mismatch")
        if subj is None:
            found.add(3)
        else:
            visible.append(subj)
            if TAG.search(subj) or MD.search(subj):
                found.add(1)
            if len(subj) > 80:
                found.add(4)
        if h is None or t is None:
            found.add(1)
        for tm in TAG.finditer(h or ""):
            close, name, attrs = tm.group(1), tm.group(2).lower(), tm.group(3).strip()
            if name not in EMAIL_TAGS:
                found.add(1)
            elif attrs and not (name == "a" and not close and re.fullmatch(r'href="[^"]*"', attrs)):
                found.add(1)
        links += re.findall(r'href="([^"]*)"', h or "")
        for body in (strip_html(h) if h is not None else None, t):
            if body is None:
                continue
            bodies_seen.append(body)
            first = GREETING.sub("", body.lstrip(), count=1).lstrip()
            if OPENER.match(first):
                found.add(1)
            if re.search(r"^\s*subject\s*:", body, re.I | re.M):
                found.add(3)
            need(t is None or not MD.search(t), cid, "markdown in the plain-text body")
            links += URL.findall(body)
            visible.append(body)
    elif ch == "sms":
        text = as_text(fields.get("sms", fields.get("message")), cid)
        need(
            exp["fields"] == {"text": text, "char_count": len(text)},
            cid,
            f"sms parsed as {text!r} ({len(text)})",
        )
        need(text == bodies["text"], cid, "sms body mismatch")
        if TAG.search(text) or MD.search(text):
            found.add(1)
        enc, units, segs = sms_segments(text)
        need(not (enc == "GSM-7" and len(text) <= 160 < units), cid, "subtle septet zone")
        if len(text) > 160 or segs > 1:
            found.add(4)
        links += URL.findall(text)
        visible.append(text)
        bodies_seen.append(text)
    elif ch in ("slack_dm", "slack_channel"):
        text = as_text(fields.get("slack", fields.get("message")), cid)
        wc = len(text.split())
        need(exp["fields"] == {"text": text, "word_count": wc}, cid, f"slack parsed {wc} words")
        need(text == bodies["text"], cid, "slack body mismatch")
        no_slack_links = re.sub(r"<(?:https?://[^>|\s]+(?:\|[^>]*)?|![a-z]+)>", " ", text)
        if TAG.search(no_slack_links) or MD.search(text):
            found.add(1)
        if wc > (150 if ch == "slack_dm" else 300):
            found.add(4)
        links += re.findall(r"<([a-z]+://[^>|\s]+)(?:\|[^>]*)?>", text)
        links += re.findall(r"\]\(([^)\s]+)\)", text)
        rest = re.sub(r"<[a-z]+://[^>]*>|\]\([^)\s]+\)", " ", text)
        links += URL.findall(rest)
        shown = re.sub(r"<[a-z]+://[^>|\s]+\|([^>]*)>", r"\1", text)
        shown = re.sub(r"<[a-z]+://[^>]*>|<![a-z]+>", " ", shown)
        visible.append(shown)
        bodies_seen.append(text)
    else:
        title, btns = fields.get("title"), fields.get("buttons", [])
        body = as_text(fields.get("body"), cid)
        got = {"title": title, "body": body, "buttons": btns}
        need(exp["fields"] == got, cid, f"app parsed as {got}")
        need(got == bodies, cid, "app body mismatch")
        if ch == "push" and not title:
            found.add(1)
        for s in (title or "", body):
            if TAG.search(s) or MD.search(s):
                found.add(1)
        for bt in btns:
            if not 2 <= len(bt["label"].split()) <= 3:
                found.add(1)
            links.append(bt["url"])
        if title and len(title) > 50:
            found.add(4)
        if ch == "push" and len(body) > 100:
            found.add(4)
        if ch == "in_app" and len(body.split()) > 100:
            found.add(4)
        links += URL.findall(body)
        visible += [x for x in (title, body) if x] + [bt["label"] for bt in btns]
        bodies_seen.append(body)

    # 5 -- links and placeholders
    for u in links:
        if not link_ok(u.rstrip(".,;:!?"), ctx, cid):
            found.add(5)
    copy = [URL.sub(" ", x) for x in visible]
    if any(PLACEHOLDER.search(x) for x in visible):
        found.add(5)
    # 8 -- governance
    for term in g["forbidden_terms"] + g["banned_phrases"]:
        if any(whole(term, x) for x in copy):
            found.add(8)
    for req in (g["required_disclaimer"], g["sign_off"]):
        if req and any(norm(req) not in norm(bd) for bd in bodies_seen):
            found.add(8)
    # 7 -- a claim that no review is needed, on sensitive content
    says_no = [m for m in meta if NO_REVIEW.search(m)]
    if exp["review_flags"] and says_no:
        found.add(7)
    mechanical = {1, 3, 4, 5, 7, 8}
    want = set(exp["violations"])
    need(
        found == want & mechanical,
        cid,
        f"mechanical checks found {sorted(found)}, expected {sorted(want)}",
    )

    # 2 -- numbers by value, claim words, declared inventions
    facts_text = " ".join(
        ctx["facts"] + [x for x in (g["required_disclaimer"], g["sign_off"]) if x]
    )
    known = numbers(facts_text)
    invented = hints.get("inv", [])
    shown_all = " \n ".join(copy)
    for inv in invented:
        need(inv.lower() in shown_all.lower(), cid, f"invented {inv!r} not in message")
        need(inv.lower() not in facts_text.lower(), cid, f"invented {inv!r} is in facts")
    stripped = shown_all
    for inv in invented:
        stripped = re.sub(re.escape(inv), " ", stripped, flags=re.I)
    unknown = numbers(stripped) - known
    need(not unknown, cid, f"numbers not in facts: {sorted(map(str, unknown))}")
    for cm in CLAIM_WORDS.finditer(stripped):
        word = cm.group(0)
        need(word.lower() in facts_text.lower(), cid, f"claim word {word!r} unsupported")
    need((2 in want) == bool(invented), cid, "label 2 vs declared inventions")
    # 6 -- personal details: shown, true (in facts), and labelled only when off-goal
    pers = hints.get("pers")
    need((6 in want) == bool(pers), cid, "label 6 vs declared personal detail")
    for key in ("pers", "pers_ok"):
        if hints.get(key):
            need(hints[key].lower() in shown_all.lower(), cid, f"{key} not shown")
    # 7 -- each flag has evidence in the visible text
    ev = hints.get("ev", {})
    need(set(ev) == set(exp["review_flags"]), cid, "flag evidence keys")
    for flag, snippet in ev.items():
        need(snippet.lower() in shown_all.lower(), cid, f"{flag} evidence {snippet!r} not shown")
    need(set(exp["review_flags"]) <= set(FLAGS), cid, "unknown flag")
    if 7 in want:
        need(bool(says_no), cid, "7 without a no-review marker")
    # exact-at-limit claims
    f = exp["fields"]
    for key, (fld, lim) in {
        "at_chars": ("text", 160),
        "at_title": ("title", 50),
        "at_body": ("body", 100),
        "at_subject": ("subject", 80),
    }.items():
        if hints.get(key):
            need(len(f[fld]) == lim, cid, f"{fld} is {len(f[fld])}, not {lim}")
    if hints.get("at_body_words"):
        need(len(f["body"].split()) == hints["at_body_words"], cid, "in-app body words")
    if hints.get("at_words"):
        need(f["word_count"] == hints["at_words"], cid, f"word_count {f['word_count']}")
    # figures quoted in notes must be the real ones
    notes = exp["notes"]
    if ch == "sms":
        for m in re.finditer(r"(\d+) characters|[Ll]ength (\d+)", notes):
            need(int(m.group(1) or m.group(2)) == f["char_count"], cid, f"notes say {m.group(0)}")
    if ch.startswith("slack"):
        for m in re.finditer(r"(\d+) words", notes):
            need(int(m.group(1)) == f["word_count"], cid, f"notes say {m.group(0)}")
    if ch == "email":
        for m in re.finditer(r"subject is (\d+)", notes):
            need(int(m.group(1)) == len(f["subject"]), cid, f"notes say {m.group(0)}")
    if ch in ("push", "in_app"):
        for m in re.finditer(r"[Tt]itle (?:is )?(\d+)", notes):
            need(int(m.group(1)) == len(f["title"]), cid, f"notes say {m.group(0)}")
        for m in re.finditer(r"[Bb]ody (?:is )?(\d+)(?: characters| chars)", notes):
            need(int(m.group(1)) == len(f["body"]), cid, f"notes say {m.group(0)}")
        for m in re.finditer(r"[Bb]ody (?:is )?(\d+) words", notes):
            need(int(m.group(1)) == len(f["body"].split()), cid, f"notes say {m.group(0)}")
    # notes explain every label
    need(bool(exp["notes"]) and "\n" not in exp["notes"], cid, "notes")
    for n in want:
        need(re.search(rf"(?<![\d.]){n}:", exp["notes"]) is not None, cid, f"notes miss {n}:")
    need(exp["violations"] == sorted(want) and want <= set(range(1, 9)), cid, "violations")


def main() -> int:
    ids = [c["id"] for c in CASES]
    if len(ids) != len(set(ids)):
        print("duplicate ids", file=sys.stderr)
        return 1
    text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES)
    errors = []
    if "--check" in sys.argv:  # CI mode: do not write, the committed file must be up to date
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            errors.append(f"{OUT.name} is out of date; run python3 {Path(__file__).name}")
    else:
        OUT.write_text(text, encoding="utf-8")
    reread = [json.loads(x) for x in text.splitlines()]
    if reread != CASES:
        errors.append("file does not round-trip")
    for c in reread:
        try:
            verify(c)
        except Disagreement as e:
            errors.append(str(e))
        except Exception as e:  # a parse crash is a disagreement too
            errors.append(f"{c['id']}: {type(e).__name__}: {e}")
    per_c = Counter(n for c in reread for n in c["expected"]["violations"])
    per_ch = Counter(c["channel"] for c in reread)
    per_f = Counter(x for c in reread for x in c["expected"]["review_flags"])
    clean = sum(not c["expected"]["violations"] for c in reread)
    tags = Counter(t for c in reread for t in HINTS[c["id"]].get("tags", []))
    print(f"{len(reread)} cases -> {OUT.name}")
    print("violated constraint : " + "  ".join(f"{n}={per_c[n]}" for n in range(1, 9)))
    print("channel             : " + "  ".join(f"{ch}={per_ch[ch]}" for ch in CHANNELS))
    print("review flag         : " + "  ".join(f"{x}={per_f[x]}" for x in FLAGS))
    print(f"clean (no violation): {clean}/{len(reread)} = {clean / len(reread):.1%}")
    print(f"tricky negatives    : {len(tags)} categories, {sum(tags.values())} cases")
    if "-v" in sys.argv:
        for t, n in sorted(tags.items()):
            print(f"  {n:>2}  {t}")
    goals = {n: 14 for n in range(1, 9)}
    short = [f"constraint {n}: {per_c[n]}" for n in goals if per_c[n] < goals[n]]
    short += [
        f"{ch}: {per_ch[ch]}"
        for ch in CHANNELS
        if per_ch[ch] < (12 if ch.startswith("slack") else 20)
    ]
    if len(reread) < 170:
        short.append(f"only {len(reread)} cases")
    if clean / len(reread) < 0.35:
        short.append("clean fraction below 35%")
    if short:
        errors.append("corpus targets missed: " + ", ".join(short))
    for err in errors:
        print("DISAGREEMENT " + err, file=sys.stderr)
    if errors:
        print(f"{len(errors)} disagreement(s)", file=sys.stderr)
        return 1
    print("all labels re-checked: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
