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

CONVENTIONS decided here (on top of the example README):
* Opener (1): the "finds you well" family -- "(I) hope this email/message/note finds you well" as
  the first sentence of a body (after an optional greeting line) is a 1. Looser pleasantries such as
  "Hope you're doing well" are deliberately not used anywhere in this corpus: undecidable.
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

    def __init__(self, fact: str, domains: list[str], forbidden: list[str], banned: list[str],
                 scheme: str | None = None, routes: list[str] | None = None,
                 email_sign: str | None = None, email_disc: str | None = None,
                 sms_disc: str | None = None, sms_sign: str | None = None,
                 slack_sign: str | None = None, slack_disc: str | None = None) -> None:
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


def gov(forbidden: list[str], banned: list[str], disclaimer: str | None,
        sign_off: str | None) -> dict[str, Any]:
    return {"forbidden_terms": list(forbidden), "required_disclaimer": disclaimer,
            "banned_phrases": list(banned), "sign_off": sign_off, "updated_at": UPDATED_AT}


def group(channel: str) -> str:
    return {"email": "email", "sms": "sms", "push": "app", "in_app": "app"}.get(channel, "slack")


def make_context(b: Brand, channel: str, goal: str, facts: list[str],
                 g: dict[str, Any] | None) -> dict[str, Any]:
    return {"goal": goal, "governance": g or b.gov[group(channel)], "facts": [b.fact, *facts],
            "deep_link_scheme": b.scheme, "routes": list(b.routes), "app_domains": list(b.domains)}


def add(channel: str, raw: str, ctx: dict[str, Any], v: tuple[int, ...] | list[int],
        f: tuple[str, ...] | list[str], fields: dict[str, Any], notes: str,
        bodies: dict[str, Any], hints: dict[str, Any]) -> str:
    _counter[channel] += 1
    short = {"slack_dm": "slackdm", "slack_channel": "slackch", "in_app": "inapp"}.get(channel,
                                                                                      channel)
    cid = f"co-{short}-{_counter[channel]:02d}"
    CASES.append({"id": cid, "channel": channel, "raw_output": raw, "context": ctx,
                  "expected": {"violations": sorted(set(v)), "review_flags": sorted(set(f)),
                               "fields": fields, "notes": notes}})
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


def email(b: Brand, goal: str, facts: list[str], subject: str | None, paras: list[Any], *,
          v: tuple[int, ...] = (), f: tuple[str, ...] = (), notes: str, form: str = "labels",
          pre: str | None = None, post: tuple[str, ...] = (), meta: dict[str, Any] | None = None,
          hx: Any = None, tx: Any = None, html: Any = MISSING, text: Any = MISSING,
          g: dict[str, Any] | None = None, sign: Any = MISSING, disc: Any = MISSING,
          **hints: Any) -> str:
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
        if subject is not MISSING and subject is not None or "subject_null" in hints:
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
    return add("email", raw, ctx, v, f, {"subject": subject}, notes,
               {"html": h, "text": t}, hints)


# ------------------------------------------------------------------------------------ sms -------
def sms(b: Brand, goal: str, facts: list[str], text: str, *, v: tuple[int, ...] = (),
        f: tuple[str, ...] = (), notes: str, form: str = "label", pre: str | None = None,
        post: tuple[str, ...] = (), g: dict[str, Any] | None = None, disc: bool = True,
        **hints: Any) -> str:
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
    return add("sms", raw, ctx, v, f, {"text": full, "char_count": len(full)}, notes,
               {"text": full}, hints)


# ---------------------------------------------------------------------------------- slack -------
def slack(channel: str, b: Brand, goal: str, facts: list[str], text: str, *,
          v: tuple[int, ...] = (), f: tuple[str, ...] = (), notes: str, form: str = "label",
          pre: str | None = None, post: tuple[str, ...] = (), g: dict[str, Any] | None = None,
          sign: Any = MISSING, **hints: Any) -> str:
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
    return add(channel, raw, ctx, v, f, {"text": full, "word_count": len(full.split())}, notes,
               {"text": full}, hints)


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


def app(channel: str, b: Brand, goal: str, facts: list[str], title: str | None, body: str,
        buttons: list[tuple[str, str]] = (), *, v: tuple[int, ...] = (),  # type: ignore[assignment]
        f: tuple[str, ...] = (), notes: str, form: str = "labels", pre: str | None = None,
        post: tuple[str, ...] = (), meta: dict[str, Any] | None = None,
        g: dict[str, Any] | None = None, **hints: Any) -> str:
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
    ["brightwelldental.com", "book.brightwelldental.com"], ["SmileCrate", "Dentaloop"],
    ["painless", "miracle"], scheme="brightwell://",
    routes=["appointments/{id}", "clinics/{id}", "care-plans/{id}"],
    email_sign="See you soon, Brightwell Dental", sms_disc="Reply STOP to opt out.")
FERNHILL = Brand(
    "Sender company: Fernhill Bank, a retail bank.",
    ["fernhillbank.com", "app.fernhillbank.com", "help.fernhillbank.com"], ["Brightvault", "Nova"],
    ["risk-free", "no-brainer", "get rich"], scheme="fernhill://",
    routes=["accounts/{id}", "cards/{id}", "statements/{id}", "savings/goals", "transfers/new"],
    email_sign="The Fernhill Bank team",
    email_disc="Fernhill Bank will never ask for your PIN or password.",
    sms_disc="Reply STOP to end alerts.")
QUILLSTONE = Brand(
    "Sender company: Quillstone, an e-signature and contract management app.",
    ["quillstone.io", "app.quillstone.io", "help.quillstone.io"], ["SignPort", "Inkdeal"],
    ["act now", "game-changer"], email_sign="Warm regards, the Quillstone team")
NORTHGATE = Brand(
    "Sender company: Northgate Medical Supplies, a distributor of clinic supplies such as gloves "
    "and gauze.",
    ["northgatesupplies.com", "portal.northgatesupplies.com"], ["MedCrate", "Suppliant"],
    ["rock-bottom", "while supplies last"], scheme="northgate://",
    routes=["orders/{id}", "invoices/{id}", "catalog"],
    email_sign="Northgate Medical Supplies customer care", sms_disc="Reply STOP to opt out.")
TRAILMIX = Brand(
    "Sender company: Trailmix, a fitness app with guided workouts.",
    ["trailmix.fit", "app.trailmix.fit"], ["FitForge", "Pacely"],
    ["beast mode", "no pain, no gain"], scheme="trailmix://",
    routes=["workouts/{id}", "plans/{id}", "streak", "profile", "rewards/{id}"],
    email_sign="Keep moving, Trailmix", sms_disc="Reply STOP to opt out.")
ORCHARD = Brand(
    "Sender company: Orchard Lane Pharmacy, a community pharmacy chain.",
    ["orchardlane.health", "rx.orchardlane.health"], ["PillPost", "MedDash"],
    ["miracle", "cure-all"], scheme="orchardrx://",
    routes=["prescriptions/{id}", "stores/{id}", "reminders"],
    email_sign="Be well, Orchard Lane Pharmacy", sms_disc="Txt STOP to opt out.")
KESTREL = Brand(
    "Sender company: Kestrel Payroll, a payroll and HR platform for small businesses.",
    ["kestrelpay.com", "app.kestrelpay.com", "help.kestrelpay.com"], ["Payvine", "Wagely"],
    ["hassle-free", "set it and forget it"], scheme="kestrel://",
    routes=["payslips/{id}", "timesheets/{id}", "expenses/{id}"],
    email_sign="The Kestrel Payroll team")
ALDERBANK = Brand(
    "Sender: Alderbank Systems internal comms bot (Alderbank Systems builds logistics software).",
    ["alderbank.dev", "wiki.alderbank.dev", "hr.alderbank.dev", "status.alderbank.dev"],
    ["Corvex"], ["ASAP", "no excuses", "drop everything"])
G_ALDERBANK_IT = gov(["Corvex"], ["ASAP", "no excuses", "drop everything"], None,
                     "— Alderbank IT Service Desk")
PEBBLEBROOK = Brand(
    "Sender company: Pebblebrook, a travel booking app.",
    ["pebblebrook.travel", "app.pebblebrook.travel"], ["Jetwise", "Roamly"],
    ["once-in-a-lifetime", "book now before it's gone"], scheme="pebble://",
    routes=["trips/{id}", "bookings/{id}", "checkin/{id}"],
    email_sign="Safe travels, Pebblebrook", sms_disc="Reply STOP to opt out.")
SAFFRON = Brand(
    "Sender company: Saffron Table, a meal-kit delivery service.",
    ["saffrontable.com", "app.saffrontable.com"], ["KitchenBox", "PlateDrop"],
    ["guilt-free", "to die for"], scheme="saffron://",
    routes=["menus/{id}", "orders/{id}", "account/plan", "offers/{id}"],
    email_sign="Happy cooking, Saffron Table", sms_disc="Reply STOP to unsubscribe.")
GLIMMER = Brand(
    "Sender company: Glimmerworks, a collaborative design tool.",
    ["glimmerworks.io", "app.glimmerworks.io", "docs.glimmerworks.io"], ["Pixelmint", "Canvasly"],
    ["synergy", "crush it"], scheme="glimmer://",
    routes=["files/{id}", "teams/{id}/members", "settings/billing"],
    email_sign="— The Glimmerworks team")
HARBORLINE = Brand(
    "Sender company: Harborline Energy, an electricity and gas utility.",
    ["harborline.energy", "my.harborline.energy"], ["VoltVerde"], ["shocking", "act fast"],
    scheme="harborline://", routes=["bills/{id}", "outages", "usage"],
    email_sign="Harborline Energy customer service", sms_disc="Reply STOP to opt out of texts.")
OAKRIDGE = Brand(
    "Sender: Oakridge Public Library.",
    ["oakridgelibrary.org", "catalog.oakridgelibrary.org"], ["Bookvault"], ["hurry", "don't miss out"],
    scheme="oakreads://", routes=["holds/{id}", "loans", "events/{id}"],
    email_sign="Happy reading, Oakridge Library", sms_disc="Reply STOP to opt out.")
COBALT = Brand(
    "Sender company: Cobalt Courier, a parcel delivery service.",
    ["cobaltcourier.com", "track.cobaltcourier.com"], ["ParcelPal", "Shipzy"],
    ["lightning-fast", "no worries"], scheme="cobalt://",
    routes=["parcels/{id}", "parcels/{id}/reschedule", "lockers/{id}"],
    email_sign="Cobalt Courier support", sms_disc="Reply STOP to opt out.")
THISTLE = Brand(
    "Sender company: Thistle Veterinary Clinic, an animal hospital.",
    ["thistlevets.com", "book.thistlevets.com"], ["PawPoint"], ["fur-ever", "pawsome"],
    scheme="thistle://", routes=["pets/{id}", "appointments/{id}"],
    email_sign="Warmly, the Thistle Vets team", sms_disc="Reply STOP to opt out.")
BRASSBELL = Brand(
    "Sender company: Brassbell, an event ticketing app.",
    ["brassbell.events", "tickets.brassbell.events"], ["Tixly", "SeatSwap"],
    ["selling out fast", "epic"], scheme="brassbell://",
    routes=["events/{id}", "tickets/{id}", "wallet"],
    email_sign="See you at the show, Brassbell", sms_disc="Reply STOP to opt out.")


# ======================================================================================= EMAIL ==
B = BRIGHTWELL
email(B, "Remind Noor of her cleaning appointment next week.",
      ["Recipient: Noor Haddad.",
       "Noor has a routine cleaning with Dr. Ilse Varga on Tuesday, 2026-12-08 at 2:15 PM at the "
       "Elm Street clinic.",
       "Appointment id BW-5521; it can be moved at "
       "https://book.brightwelldental.com/appointments/BW-5521."],
      "Reminder: your cleaning on Tuesday, December 8",
      ["Hi Noor,",
       "This is a reminder that your routine cleaning with Dr. Ilse Varga is on **Tuesday, "
       "December 8 at 2:15 PM** at our Elm Street clinic.",
       "Need a different time? [[Move your appointment|"
       "https://book.brightwelldental.com/appointments/BW-5521]]"],
      notes="Clean, no flag: an appointment time and place are logistics, not medical advice; "
            "Dr. Ilse Varga is the clinician (a business detail, not a personal one). Dec 8, 2:15 PM "
            "and BW-5521 are in facts; the sign-off ends both bodies.",
      tags=["appointment logistics are not medical", "colleague/clinician name is not personal"])

email(B, "Tell Omar the Elm Street clinic now opens on Saturdays.",
      ["Recipient: Omar Castillo.",
       "From 2026-12-05 the Elm Street clinic is open on Saturdays from 9:00 AM to 1:00 PM.",
       "Saturday visits are booked at https://book.brightwelldental.com/clinics/elm-street."],
      "Elm Street is now open on Saturdays",
      ["Hi Omar,",
       "I hope this email finds you well. From December 5, our Elm Street clinic is open on "
       "Saturdays from 9:00 AM to 1:00 PM.",
       "[[Book a Saturday visit|https://book.brightwelldental.com/clinics/elm-street]]"],
      v=(1,),
      notes="1: the body opens with 'I hope this email finds you well' right after the greeting "
            "line (HTML and text). Dates, hours and the https link are in facts; opening hours are "
            "not sensitive.")

email(B, "Send Lena aftercare instructions after her tooth extraction today.",
      ["Recipient: Lena Fischer.",
       "Lena had a tooth extracted at the Elm Street clinic on 2026-11-25.",
       "Aftercare advice approved by Dr. Ilse Varga: for the first 24 hours avoid hot drinks and "
       "rinsing hard; after that rinse gently with warm salt water.",
       "If swelling lasts longer than 3 days, patients should call the clinic on 555-0188."],
      "Looking after your mouth after today's extraction",
      ["Hi Lena,",
       "Thanks for coming in today. For the first 24 hours, please avoid hot drinks and don't "
       "rinse hard. After that, rinse gently with warm salt water.",
       "If the swelling lasts longer than 3 days, call us on 555-0188."],
      f=("medical",), post=("CHANNEL_NOTES: Aftercare advice, so please have Dr. Varga confirm "
                            "it before this goes out.",),
      notes="Clean but flagged medical: post-extraction aftercare is treatment advice. The "
            "CHANNEL_NOTES line asks for a check, which is fine (not a 7). 24 hours, 3 days and "
            "the phone number are in facts; the extraction is the goal itself, so no 6.",
      ev={"medical": "rinse gently with warm salt water"},
      tags=["review requested in CHANNEL_NOTES is not 7"])

email(B, "Send Tomasz aftercare instructions after his root canal treatment.",
      ["Recipient: Tomasz Nowak.",
       "Tomasz had root canal treatment at the Riverside clinic on 2026-11-24.",
       "Aftercare advice: for soreness, take ibuprofen as directed on the package; avoid chewing "
       "on that side until the crown is fitted on 2026-12-09.",
       "Crown appointment id BW-6034."],
      "Aftercare after your root canal",
      ["Hi Tomasz,",
       "For any soreness after your root canal, take ibuprofen as directed on the package, and "
       "avoid chewing on that side until your crown is fitted on December 9.",
       "[[View your crown appointment|https://book.brightwelldental.com/appointments/BW-6034]]"],
      v=(7,), f=("medical",), form="upper", post=("SENSITIVE: NO",),
      notes="7: medication and treatment advice (ibuprofen, not chewing on that side) is medical "
            "content, yet the output marks itself SENSITIVE: NO; the medical flag stands. Dec 9 "
            "and BW-6034 are in facts; the root canal is the goal itself, so no 6.",
      ev={"medical": "take ibuprofen"})

email(B, "Tell Marisol her new patient forms are ready to fill in.",
      ["Recipient: Marisol Ortega.",
       "Marisol is a new patient with a first visit on 2026-12-03 at 8:30 AM at the Riverside "
       "clinic.",
       "New patient forms: https://book.brightwelldental.com/appointments/BW-6120/forms."],
      None,
      ["Hi Marisol,",
       "Welcome to Brightwell Dental! Before your first visit on December 3 at 8:30 AM at our "
       "Riverside clinic, please fill in your new patient forms.",
       "[[Fill in your forms|https://book.brightwelldental.com/appointments/BW-6120/forms]]"],
      v=(3,), form="bold",
      notes="3: the reply has **Body (HTML):** and **Body (plain text):** but no subject field, so "
            "fields.subject is null. Visit date and time are in facts; a forms link on the clinic's "
            "own booking host is an https web link (routes apply only to deep links).")

B = FERNHILL
email(B, "Tell Priya her November statement is ready.",
      ["Recipient: Priya Raman, who banks at the Novato branch.",
       "Priya's November 2026 statement for the checking account ending 4417 is ready.",
       "Statements are in the app and at https://app.fernhillbank.com/statements."],
      "Your November statement is ready",
      ["Hi Priya,",
       "Your November statement for the checking account ending 4417 is ready to view.",
       "[[See your statement|https://app.fernhillbank.com/statements]]",
       "Questions? The team at our Novato branch can help."],
      notes="Clean, no flag: a statement notice is not financial advice. 'Novato' is a branch "
            "location and does not match the forbidden term 'Nova' (whole-word match). 4417 is in "
            "facts; disclaimer and sign-off are in both bodies.",
      tags=["statement notice is not financial", "forbidden term inside a longer word"])

email(B, "Tell Marcus his Goal Saver rate is going up.",
      ["Recipient: Marcus Bell.",
       "From 2026-12-01 the Goal Saver account earns 3.75% APY, up from 3.40% APY.",
       "Rates are variable and can change.",
       "Goal Saver details: https://app.fernhillbank.com/savings/goal-saver."],
      "Your Goal Saver rate is going up",
      ["Hi Marcus,",
       "From December 1, your Goal Saver account earns **3.75% APY**, up from 3.40%. Rates are "
       "variable and can change.",
       "[[See your Goal Saver|https://app.fernhillbank.com/savings/goal-saver]]"],
      f=("financial",), form="lower",
      post=("CHANNEL_NOTES: Rate change, route to compliance for sign-off before sending.",),
      notes="Clean but flagged financial: a savings rate (APY) is a rate/return. 3.75% and 3.40% "
            "are in facts (3.40 = 3.4 by value); the note asks for review, so no 7.",
      ev={"financial": "3.75% APY"})

email(B, "Invite Helen to open a 12-month certificate of deposit.",
      ["Recipient: Helen Okafor.",
       "The 12-month certificate of deposit earns 4.10% APY for deposits opened by 2026-12-31.",
       "The minimum deposit is $1,000.",
       "CDs can be opened at https://app.fernhillbank.com/savings/cd."],
      "Lock in 4.10% APY for 12 months",
      ["Hi Helen,",
       "Our 12-month certificate of deposit earns **4.10% APY** when you open it by December 31. "
       "The minimum deposit is $1,000.",
       "[[Open a CD|https://app.fernhillbank.com/savings/cd]]"],
      v=(7,), f=("financial",), form="fenced", meta={"needs_review": False},
      notes="7: a CD rate offer (4.10% APY) is financial content, yet the JSON says "
            "\"needs_review\": false. Rate, term, date and the $1,000 minimum are in facts, so no "
            "2; disclaimer and sign-off are present.",
      ev={"financial": "4.10% APY"}, tags=["needs_review false on sensitive content is 7"])

email(B, "Tell Jonah his replacement debit card has shipped.",
      ["Recipient: Jonah Whitfield.",
       "Jonah's replacement debit card ending 9020 shipped on 2026-11-23 and should arrive within "
       "5 business days.",
       "Card activation: https://app.fernhillbank.com/cards/activate."],
      "Your replacement card is on its way",
      ["Hi Jonah,",
       "Your replacement debit card ending 9020 shipped on November 23 and should arrive within "
       "5 business days.",
       "[[Activate your card|https://app.fernhillbank.com/cards/activate]]"],
      v=(8,), disc=None,
      notes="8: the required disclaimer 'Fernhill Bank will never ask for your PIN or password.' "
            "is missing from both bodies. The sign-off is there; card digits and dates are in "
            "facts; a shipping notice needs no flag.")

email(B, "Remind Ana to turn on two-step login.",
      ["Recipient: Ana Lucero.",
       "Ana has not turned on two-step login.",
       "Two-step login asks for a code sent to the member's phone when signing in from a new "
       "device.",
       "Two-step login is turned on at https://app.fernhillbank.com/settings/security."],
      "Add two-step login to your account",
      ["Hi Ana,",
       "Two-step login asks for a code sent to your phone when you sign in from a new device. "
       "You haven't turned it on yet.",
       "[[Turn on two-step login|https://app.fernhillbank.com/settings/security]]"],
      v=(8,), form="upper",
      tx=lambda t: t.replace("Fernhill Bank will never ask for your PIN or password.\n\n", ""),
      notes="8: the required disclaimer is in the HTML body but missing from the plain-text body; "
            "every body must carry it. Otherwise clean: 'two-step' is in facts and a security "
            "reminder is not sensitive.",
      tags=["disclaimer present in only one of two bodies"])

email(B, "Encourage Sam to turn on Round-Ups to build savings.",
      ["Recipient: Sam Adeyemi.",
       "Round-Ups rounds each card purchase up to the next dollar and moves the difference into "
       "savings.",
       "Round-Ups is turned on at https://app.fernhillbank.com/savings/round-ups."],
      "Grow your savings with Round-Ups",
      ["Hi Sam,",
       "Round-Ups rounds each card purchase up to the next dollar and moves the difference into "
       "your savings. Members who use it save $640 a year on average.",
       "[[Turn on Round-Ups|https://app.fernhillbank.com/savings/round-ups]]"],
      v=(2,), f=("financial",), form="bold",
      notes="2: 'Members who use it save $640 a year on average' is a statistic absent from facts. "
            "Flag financial: the email is advice to save. Disclaimer, sign-off and link are fine.",
      inv=["Members who use it save $640 a year on average"],
      ev={"financial": "moves the difference into your savings"})

B = QUILLSTONE
email(B, "Tell Daniel about the updated Terms of Service.",
      ["Recipient: Daniel Osei, workspace admin at Corbel Architects.",
       "Quillstone's updated Terms of Service take effect on 2027-01-01.",
       "The update changes the dispute resolution section: disputes go to binding arbitration.",
       "Updated terms: https://quillstone.io/legal/terms."],
      "We're updating our Terms of Service",
      ["Hi Daniel,",
       "We've updated our Terms of Service. The new terms take effect on January 1, 2027, and "
       "change how disputes are resolved: disputes will go to binding arbitration.",
       "[[Read the updated terms|https://quillstone.io/legal/terms]]"],
      f=("legal",), post=("NOTES: Legal wording, please have counsel review before sending.",),
      notes="Clean but flagged legal: Terms of Service and arbitration. The NOTES line requests a "
            "review, which is fine (no 7). The job title and company are business details.",
      ev={"legal": "binding arbitration"}, tags=["job title/company is not personal"])

email(B, "Tell Mei about the new governing-law clause in the Terms of Service.",
      ["Recipient: Mei Tanaka.",
       "From 2027-01-01 the Terms of Service are governed by the laws of the State of New York.",
       "No other sections of the terms change.",
       "Updated terms: https://quillstone.io/legal/terms."],
      "A change to the governing law in our terms",
      ["Hi Mei,",
       "From January 1, 2027, our Terms of Service will be governed by the laws of the State of "
       "New York. No other sections of the terms change.",
       "[[Read the updated terms|https://quillstone.io/legal/terms]]"],
      v=(7,), f=("legal",), form="bold",
      post=("CHANNEL_NOTES: Standard policy notice, auto-send approved.",),
      notes="7: a governing-law change to the Terms of Service is legal content, but CHANNEL_NOTES "
            "says 'auto-send approved'. Everything shown is in facts.",
      ev={"legal": "governed by the laws"})

email(B, "Announce bulk send to Grace.",
      ["Recipient: Grace Lindqvist, office manager at Fenwick & Rowe.",
       "Bulk send lets one template go to up to 500 signers at once.",
       "Bulk send is in the Send menu: https://app.quillstone.io/send/bulk."],
      "New: send one template to 500 signers",
      ["Hi Grace,",
       "Bulk send is here: send one template to up to 500 signers at once, right from the Send "
       "menu. Quillstone is trusted by 10,000+ teams for their agreements.",
       "[[Try bulk send|https://app.quillstone.io/send/bulk]]"],
      v=(2,), form="fenced",
      notes="2: 'trusted by 10,000+ teams' is an endorsement/statistic absent from facts. 500 "
            "signers is in facts; the fenced JSON parses to subject, body_html and body_text.",
      inv=["trusted by 10,000+ teams"])

email(B, "Help Ibrahim import the templates his team used before switching to Quillstone.",
      ["Recipient: Ibrahim Sayed.",
       "Ibrahim's team switched to Quillstone from SignPort on 2026-11-10.",
       "Templates from other e-signature tools can be imported and keep their fields and signer "
       "roles.",
       "Import guide: https://help.quillstone.io/import-from-signport."],
      "Bring your old templates into Quillstone",
      ["Hi Ibrahim,",
       "You can bring the templates your team used before straight into Quillstone, and they keep "
       "their fields and signer roles.",
       "[[Import your templates|https://help.quillstone.io/import-from-signport]]"],
      notes="Clean: the forbidden name 'SignPort' appears only in the path of a link on "
            "Quillstone's own help host (import-from-signport); URLs are removed before governance "
            "matching and the copy never names it. No numbers, nothing sensitive.",
      tags=["forbidden term only in own URL path"])

email(B, "Remind Olivia that her unsigned envelopes expire soon.",
      ["Recipient: Olivia Brandt.",
       "Olivia has 3 envelopes waiting for signature that expire on 2026-11-30.",
       "Senders can remind signers from the envelope list: "
       "https://app.quillstone.io/envelopes?status=waiting."],
      "3 envelopes expire on November 30",
      ["Hi Olivia,",
       "You have 3 envelopes waiting for signature, and they expire on November 30. Act now and "
       "remind your signers from the envelope list.",
       "[[See waiting envelopes|https://app.quillstone.io/envelopes?status=waiting]]"],
      v=(8,),
      notes="8: 'Act now' is a banned phrase (whole words, case-insensitive). 3 envelopes and Nov "
            "30 are in facts; the https link with a query string is fine.")

email(B, "Welcome Rafael to his new Quillstone workspace.",
      ["Recipient: Rafael Duarte, paralegal at Birchmoor Legal.",
       "Rafael's workspace 'Birchmoor Legal' was created on 2026-11-24.",
       "Getting-started guide: https://help.quillstone.io/getting-started."],
      None,
      ["Hi Rafael,",
       "Welcome to Quillstone! Your Birchmoor Legal workspace is ready, and the getting-started "
       "guide walks you through sending your first envelope.",
       "[[Open the guide|https://help.quillstone.io/getting-started]]"],
      v=(3,), form="json",
      notes="3: the JSON has body_html and body_text but no subject key, so fields.subject is "
            "null. 'Legal' in 'Birchmoor Legal' is the customer's name, not legal content (no "
            "flag); a paralegal job title is not personal.",
      tags=["'Legal' inside an organisation name is not legal"])

email(B, "Tell Hana that templates can now be shared across workspaces.",
      ["Recipient: Hana Kowalczyk.",
       "Templates can now be shared across every workspace in the same organization.",
       "How-to: https://help.quillstone.io/share-templates."],
      "Share templates across workspaces",
      ["Hi Hana,",
       "Templates can now be shared across every workspace in your organization, so each team "
       "can reuse the same forms.",
       "[[Share a template|https://help.quillstone.io/share-templates]]"],
      v=(1,),
      hx=lambda h: ('<div style="font-family: Arial, sans-serif; color: #222222;">\n' + h
                    + "\n</div>"),
      notes="1: the HTML is wrapped in a <div> (not an allowed tag) with a style attribute (only "
            "href on <a> is allowed). The colour code is inside an attribute, not visible text.")

email(B, "Tell Victor his Business plan renewal price.",
      ["Recipient: Victor Mensah, finance lead at Alto Freight.",
       "Alto Freight's Business plan renews on 2027-01-15 for 12 seats at $4,320 per year.",
       "Seats and billing details can be changed in plan settings before the renewal.",
       "Plan settings: https://app.quillstone.io/settings/plan."],
      "Your Business plan renews on January 15",
      ["Hi Victor,",
       "Alto Freight's Business plan renews on **January 15, 2027**: 12 seats at $4,320 per "
       "year.",
       "You can change seats or billing details before then in [[plan settings|"
       "https://app.quillstone.io/settings/plan]]."],
      f=("pricing",), post=("SENSITIVE: YES (renewal price), send to billing for approval.",),
      notes="Clean but flagged pricing: renewal price and contract terms. 'SENSITIVE: YES' asks "
            "for review, so no 7. $4,320, 12 seats and Jan 15 are in facts.",
      ev={"pricing": "$4,320 per year"}, tags=["SENSITIVE: YES is a request, not 7"])

email(B, "Confirm Aisha's seat add-on and her new monthly total.",
      ["Recipient: Aisha Bello.",
       "Aisha added 4 seats on 2026-11-23; her monthly total is now $336.",
       "Invoice history: https://app.quillstone.io/settings/billing."],
      "Your new monthly total",
      ["Hi Aisha,",
       "You added 4 seats on November 23, so your monthly total is now **$336**.",
       "[[See your invoices|https://app.quillstone.io/settings/billing]]"],
      v=(7,), f=("pricing",), form="lower", post=("sensitive: no",),
      notes="7: a new monthly total is pricing (what the recipient pays), yet the output says "
            "'sensitive: no' (labels are case-insensitive). 4 seats, Nov 23 and $336 are in facts.",
      ev={"pricing": "$336"})

B = NORTHGATE
email(B, "Tell Ruth her clinic's glove order has shipped.",
      ["Recipient: Ruth Abara, practice manager at Westbrook Family Clinic.",
       "Order NG-40217 (12 boxes of nitrile gloves) shipped on 2026-11-24 and arrives by "
       "2026-12-01.",
       "Order tracking: https://portal.northgatesupplies.com/orders/NG-40217."],
      "Order NG-40217 has shipped",
      ["Hi Ruth,",
       "Order NG-40217 (12 boxes of nitrile gloves) shipped on November 24 and will arrive by "
       "December 1.",
       "[[Track the order|https://portal.northgatesupplies.com/orders/NG-40217]]"],
      notes="Clean, no flag: 'Medical' appears only in the sender's name (Northgate Medical "
            "Supplies) and 'Clinic' in the customer's; a shipping notice for gloves is logistics, "
            "not health advice. Order id, 12 boxes and dates are in facts.",
      tags=["'Medical' inside a company name is not medical"])

email(B, "Remind Tobias that invoice INV-88310 is due.",
      ["Recipient: Tobias Grün, accounts payable at Lindenhof Physio.",
       "Invoice INV-88310 for $1,245.60 is due on 2026-12-10.",
       "Invoices can be paid at https://portal.northgatesupplies.com/invoices/INV-88310."],
      "Invoice INV-88310 is due December 10",
      ["Hi Tobias,",
       "Invoice INV-88310 for **$1,245.60** is due on December 10.",
       "[[Pay invoice INV-88310|https://portal.northgatesupplies.com/invoices/INV-88310]]"],
      f=("pricing",), form="upper",
      notes="Clean but flagged pricing: an amount owed to the sender. Invoice id, amount and date "
            "are in facts; 'Physio' in the customer's name is not medical content.",
      ev={"pricing": "$1,245.60"})

email(B, "Remind Sofia that invoice INV-88412 is overdue.",
      ["Recipient: Sofia Marchetti, office manager at Greenway Dental Care.",
       "Invoice INV-88412 for $389.00 was due on 2026-11-20 and is unpaid.",
       "Sofia was on vacation in Crete until 2026-11-22.",
       "Invoices can be paid at https://portal.northgatesupplies.com/invoices/INV-88412."],
      "Invoice INV-88412 is overdue",
      ["Hi Sofia,",
       "Hope you had a wonderful vacation in Crete! Invoice INV-88412 for $389.00 was due on "
       "November 20 and is still unpaid.",
       "[[Pay invoice INV-88412|https://portal.northgatesupplies.com/invoices/INV-88412]]"],
      v=(6,), f=("pricing",),
      notes="6: the Crete vacation is true (in facts) but does nothing for an overdue-invoice "
            "reminder. Flag pricing (amount owed). $389.00 = 389 by value; 'Dental Care' in the "
            "customer's name is not medical.",
      pers="vacation in Crete", ev={"pricing": "$389.00"},
      tags=["personal detail the goal does not call for (billing reminder)"])

email(B, "Tell Dmitri his backordered gauze is back in stock.",
      ["Recipient: Dmitri Volkov.",
       "Dmitri's backorder BO-7713 for sterile gauze pads is back in stock and ships on "
       "Friday, 2026-11-27.",
       "Backorder status: https://portal.northgatesupplies.com/orders/BO-7713."],
      "Your gauze backorder ships Friday",
      ["Hi Dmitri,",
       "Good news: backorder BO-7713 for sterile gauze pads is back in stock and ships on Friday, "
       "November 27.",
       "[[Check backorder BO-7713|https://portal.northgatesupplies.com/orders/BO-7713]]"],
      v=(3,), form="labels",
      hx=lambda h: h.replace("<p>Hi Dmitri,</p>",
                             "<p>Subject: Your gauze backorder ships Friday</p>\n<p>Hi Dmitri,</p>"),
      notes="3: a 'Subject: ...' line is glued inside BODY_HTML, even though a separate subject "
            "field exists too. The plain text is fine; backorder id and date are in facts.",
      tags=["Subject: line glued inside the body"])

B = ORCHARD
email(B, "Tell Keisha that the Maple Ave store is moving.",
      ["Recipient: Keisha Moore.",
       "The Maple Ave store moves to 214 Harbor Road on 2026-12-14; prescriptions on file move "
       "with it, so customers do not need to do anything.",
       "Store details: https://orchardlane.health/stores/harbor-road."],
      "Important update: your Orchard Lane Pharmacy on Maple Ave is moving to 214 Harbor Road on "
      "December 14",
      ["Hi Keisha,",
       "On December 14 our Maple Ave store moves to 214 Harbor Road. Your prescriptions on file "
       "move with it, so you don't need to do anything.",
       "[[See the new store|https://orchardlane.health/stores/harbor-road]]"],
      v=(4,),
      notes="4: the subject is 101 characters (> 80). Store address and date are in facts; a "
            "store move is logistics, not medical advice (no flag).")

email(B, "Tell Mateus about holiday opening hours.",
      ["Recipient: Mateus Lima.",
       "On 2026-12-24 all stores close at 4:00 PM; on 2026-12-25 all stores are closed.",
       "Store hours: https://orchardlane.health/stores."],
      "Holiday hours at Orchard Lane",
      ["Hi Mateus,",
       "Orchard Lane was voted the best pharmacy in Pinecrest three years running, and we want to "
       "make sure you can reach us over the holidays.",
       "On December 24 all our stores close at 4:00 PM, and on December 25 they are closed.",
       "[[See store hours|https://orchardlane.health/stores]]"],
      v=(2,), form="bold2",
      notes="2: 'voted the best pharmacy in Pinecrest three years running' is an award/ranking "
            "absent from facts (and 'three' is an unsupported number). Dates and hours are in "
            "facts; no flag.",
      inv=["voted the best pharmacy in Pinecrest three years running"])

email(B, "Give Ellen advice on taking her new blood pressure medication.",
      ["Recipient: Ellen Park.",
       "Ellen picked up lisinopril on 2026-11-23.",
       "Pharmacist advice: take lisinopril at the same time each day; if a dose is missed, take it "
       "when remembered unless the next dose is close, and never take two doses at once.",
       "Pharmacist chat: https://rx.orchardlane.health/chat."],
      "Tips for your new medication",
      ["Hi Ellen,",
       "A few tips from our pharmacists about your lisinopril: take it at the same time each day. "
       "If you miss a dose, take it when you remember unless your next dose is close, and never "
       "take two doses at once.",
       "[[Chat with a pharmacist|https://rx.orchardlane.health/chat]]"],
      f=("medical",),
      notes="Clean but flagged medical: medication advice. 'two' is in facts; no review marker "
            "either way, so no 7. The medication is the goal, not an irrelevant personal detail.",
      ev={"medical": "never take two doses at once"})

B = THISTLE
email(B, "Send Nadia home-care instructions for her dog after surgery.",
      ["Recipient: Nadia Rahman.",
       "Nadia's dog Biscuit had knee surgery on 2026-11-24.",
       "Vet instructions: give Biscuit one carprofen tablet with food every 12 hours for 7 days; "
       "keep walks to 10 minutes on a lead.",
       "Recheck appointment TV-3381 is on 2026-12-08: "
       "https://book.thistlevets.com/appointments/TV-3381."],
      "Caring for Biscuit after his surgery",
      ["Hi Nadia,",
       "Here is how to care for Biscuit after his knee surgery: give him one carprofen tablet with "
       "food every 12 hours for 7 days, and keep walks to 10 minutes on a lead.",
       "His recheck is on December 8. [[See the appointment|"
       "https://book.thistlevets.com/appointments/TV-3381]]"],
      f=("medical",), form="bold",
      notes="Clean but flagged medical: medication and treatment advice for a pet. 12 hours, 7 "
            "days, 10 minutes and Dec 8 are in facts; the dog's surgery is the goal (no 6).",
      ev={"medical": "carprofen"})

email(B, "Tell Carlos how to give his cat her new thyroid medication.",
      ["Recipient: Carlos Mendes.",
       "Carlos's cat Luna was prescribed methimazole on 2026-11-23.",
       "Vet instructions: give Luna methimazole twice a day, 12 hours apart, with or without "
       "food; book a blood test in 3 weeks.",
       "Booking page: https://book.thistlevets.com/pets/luna-mendes."],
      "How to give Luna her new medication",
      ["Hi Carlos,",
       "Give Luna her methimazole twice a day, 12 hours apart, with or without food. Please book a "
       "blood test in 3 weeks so we can check her dose.",
       "[[Book Luna's blood test|https://book.thistlevets.com/pets/luna-mendes]]"],
      v=(7,), f=("medical",), form="upper",
      post=("REVIEW: none, routine instructions, safe to auto-send.",),
      notes="7: medication instructions are medical content, but the REVIEW line says none is "
            "needed and to auto-send. 12 hours and 3 weeks are in facts.",
      ev={"medical": "methimazole twice a day"})

B = KESTREL
email(B, "Tell Ewa her November payslip is ready.",
      ["Recipient: Ewa Zielinska, warehouse lead at Brookfield Bakery.",
       "Ewa's payslip for November 2026 is ready; net pay of $3,412.18 was deposited on "
       "2026-11-20.",
       "Payslips: https://app.kestrelpay.com/payslips/2026-11."],
      "Your November payslip is ready",
      ["Hi Ewa,",
       "Your payslip for November is ready. Net pay of $3,412.18 was deposited on November 20.",
       "[[View your payslip|https://app.kestrelpay.com/payslips/2026-11]]"],
      notes="Clean, no flag: a payslip shows an amount but is neither pricing (nothing owed to the "
            "sender) nor financial advice. Amount and date are in facts; job title and employer "
            "are business details.",
      tags=["payslip is not pricing/financial"])

email(B, "Let Jamal know Kestrel's SOC 2 Type II report is available.",
      ["Recipient: Jamal Price, IT manager at Quarry Lane Foods.",
       "Kestrel Payroll completed its SOC 2 Type II audit for 2026 on 2026-11-12.",
       "Customers can request the report at https://app.kestrelpay.com/trust/soc2."],
      "Our SOC 2 Type II report is ready",
      ["Hi Jamal,",
       "Our SOC 2 Type II audit for 2026 is complete. You can request the report for your vendor "
       "review from our Trust page.",
       "[[Request the SOC 2 report|https://app.kestrelpay.com/trust/soc2]]"],
      f=("compliance",), form="upper",
      notes="Clean but flagged compliance: an audit and certification report. SOC 2 and 2026 are "
            "in facts; no marker claims review is unnecessary.",
      ev={"compliance": "SOC 2 Type II audit"})

email(B, "Remind Lucy that her team's state-mandated anti-harassment training is due.",
      ["Recipient: Lucy Fairweather, HR admin at Copse Coffee Roasters.",
       "Copse Coffee Roasters has 9 employees who have not finished the state-mandated "
       "anti-harassment training due 2026-12-31.",
       "Training dashboard: https://app.kestrelpay.com/training."],
      "9 employees still need their anti-harassment training",
      ["Hi Lucy,",
       "9 employees at Copse Coffee Roasters still need to finish the state-mandated "
       "anti-harassment training, which is due by December 31.",
       "[[Open the training dashboard|https://app.kestrelpay.com/training]]"],
      v=(7,), f=("compliance",), post=("REVIEW: none",),
      notes="7: mandatory regulatory training is a compliance topic, yet the output says 'REVIEW: "
            "none'. 9 employees and Dec 31 are in facts.",
      ev={"compliance": "state-mandated anti-harassment training"})

email(B, "Remind Pedro to approve this week's timesheets.",
      ["Recipient: Pedro Alves.",
       "Pedro has 6 timesheets waiting for approval before payroll runs on 2026-11-27.",
       "Approvals: https://app.kestrelpay.com/timesheets/pending."],
      "6 timesheets need your approval",
      ["Hi Pedro,",
       "You have 6 timesheets waiting for approval. Payroll runs on November 27, so please "
       "approve them before then.",
       "[[Review timesheets|https://app.kestrelpay.com/timesheets/pending]]"],
      v=(1,), hx=lambda h: "<table><tr><td>\n" + h + "\n</td></tr></table>",
      notes="1: the HTML uses a <table> layout (table, tr, td are not allowed email tags). The "
            "plain text, numbers and link are fine; timesheets are not sensitive.")

email(B, "Tell Grace Nakamura her expense report was approved.",
      ["Recipient: Grace Nakamura.",
       "Expense report EXP-5530 for $214.75 was approved on 2026-11-24 and will be paid with the "
       "next payroll.",
       "Expense details: https://app.kestrelpay.com/expenses/EXP-5530."],
      "Expense report EXP-5530 approved",
      ["Hi Grace,",
       "Your expense report EXP-5530 for $214.75 was approved on November 24 and will be paid "
       "with your next payroll.",
       "[[See the expense report|https://app.kestrelpay.com/expenses/EXP-5530]]"],
      v=(1,), form="bold", text=None,
      notes="1: there is no plain-text body, only **Body (HTML):**. An approved expense report is "
            "not pricing or financial advice (no flag); amount and id are in facts.",
      tags=["expense report is not pricing", "missing plain-text body"])

email(B, "Tell Ruby about the payroll calendar for the December holidays.",
      ["Recipient: Ruby Sinclair.",
       "Because of the holidays, payroll for the period ending 2026-12-25 runs early, on "
       "2026-12-22.",
       "Payroll calendar: https://app.kestrelpay.com/payroll/calendar."],
      "Holiday payroll calendar: the December 25 pay period runs early, on December 22!",
      ["Hi Ruby,",
       "Because of the holidays, payroll for the period ending December 25 runs early, on "
       "December 22.",
       "[[See the payroll calendar|https://app.kestrelpay.com/payroll/calendar]]"],
      v=(4,),
      notes="4: the subject is 81 characters, one over the 80 limit. Dates are in facts; a "
            "payroll date change is not sensitive.",
      tags=["one over the limit"])

email(B, "Tell Hugo he can now split direct deposits between accounts.",
      ["Recipient: Hugo Lambert.",
       "Employees can now split a direct deposit across up to 3 bank accounts.",
       "Direct deposit settings: https://app.kestrelpay.com/settings/direct-deposit."],
      "Split your direct deposit across up to 3 bank accounts, right from your settings",
      ["Hi Hugo,",
       "You can now split your direct deposit across up to 3 bank accounts.",
       "[[Open direct deposit settings|https://app.kestrelpay.com/settings/direct-deposit]]"],
      notes="Clean NEGATIVE for 4: the subject is exactly 80 characters, which is allowed. Splitting "
            "a deposit is a payroll setting, not savings advice (no flag); 3 is in facts.",
      at_subject=True, tags=["exactly at a limit (80-char subject)"])

email(B, "Remind Stella that payroll must be approved by Thursday.",
      ["Recipient: Stella Moreno, owner of Moreno Tile.",
       "Payroll for Moreno Tile must be approved by Thursday, 2026-12-03 at 5:00 PM.",
       "Stella got married on 2026-11-14.",
       "Approvals: https://app.kestrelpay.com/payroll/approve."],
      "Approve payroll by Thursday",
      ["Hi Stella,",
       "Congratulations on your wedding! A quick reminder: payroll for Moreno Tile needs your "
       "approval by Thursday, December 3 at 5:00 PM.",
       "[[Approve payroll|https://app.kestrelpay.com/payroll/approve]]"],
      v=(6,), form="fenced",
      notes="6: the wedding is true (in facts) but irrelevant to a payroll approval reminder. "
            "Date and time are in facts; payroll approval is not pricing.",
      pers="your wedding")

B = PEBBLEBROOK
email(B, "Send Chloe the itinerary for her vacation in Lisbon.",
      ["Recipient: Chloe Martin.",
       "Chloe's Lisbon vacation, trip LIS-4471: flight PB-2231 departs Boston on 2026-12-18 at "
       "6:40 PM and lands in Lisbon on 2026-12-19 at 6:55 AM.",
       "Hotel: Casa do Rio, 4 nights from 2026-12-19.",
       "Itinerary: https://app.pebblebrook.travel/trips/LIS-4471."],
      "Your Lisbon itinerary",
      ["Hi Chloe,",
       "Your Lisbon vacation is all set. Here is your itinerary:",
       ["Flight PB-2231 leaves Boston on December 18 at 6:40 PM and lands in Lisbon on December "
        "19 at 6:55 AM.",
        "Casa do Rio, 4 nights from December 19."],
       "[[Open your trip|https://app.pebblebrook.travel/trips/LIS-4471]]"],
      notes="Clean: the vacation is the point of the goal, so naming it is relevant (no 6). <ul>/"
            "<li> are allowed tags; flight, times and 4 nights are in facts; an itinerary is not "
            "sensitive.",
      pers_ok="Lisbon vacation", tags=["personal detail the goal calls for (trip itinerary)"])

email(B, "Remind Theo that online check-in opens for his flight.",
      ["Recipient: Theo Laurent.",
       "Online check-in for flight PB-3190 on 2026-11-27 opens 24 hours before departure, at "
       "9:15 AM on 2026-11-26.",
       "Check-in page: https://app.pebblebrook.travel/checkin/PB-3190."],
      "Check-in opens tomorrow for flight PB-3190",
      ["Hi Theo,",
       "Online check-in for flight PB-3190 opens tomorrow at 9:15 AM, 24 hours before departure.",
       "[[Check in online|https://www.yourcompany.com/checkin]]"],
      v=(5,), form="upper",
      notes="5: the check-in link points at the placeholder host www.yourcompany.com in both "
            "bodies instead of app.pebblebrook.travel. Times and flight number are in facts.")

email(B, "Tell Maya her hotel booking is confirmed.",
      ["Recipient: Maya Goldberg.",
       "Booking HB-5520: Harbor View Inn, Portland, 2 nights from 2026-12-04.",
       "Booking page: https://app.pebblebrook.travel/bookings/HB-5520."],
      "Booked: Harbor View Inn, December 4",
      ["Hi Maya,",
       "Your stay at the Harbor View Inn in Portland is confirmed: 2 nights from December 4, "
       "booking HB-5520.",
       "[[View your booking|https://app.pebblebrook.travel/bookings/HB-5520]]"],
      v=(5,),
      hx=lambda h: h.replace('href="https://app.pebblebrook.travel/bookings/HB-5520"', 'href="#"'),
      notes="5: the HTML link's href is '#', a placeholder (the plain-text body has the real https "
            "link, which does not save the HTML one). Booking details are in facts.",
      tags=["placeholder href '#'"])

email(B, "Tell Ivan that hotels can be added to his Porto trip.",
      ["Recipient: Ivan Petrov.",
       "Ivan booked flight PB-4410 to Porto for 2026-12-20 without a hotel.",
       "Porto hotels can be added to the trip at "
       "https://app.pebblebrook.travel/trips/OPO-4410/hotels."],
      "Need a place to stay in Porto?",
      ["Hi Ivan,",
       "Your flight PB-4410 to Porto on December 20 is booked, but you don't have a place to stay "
       "yet. Travelers rate our Porto hotels 4.8 out of 5.",
       "[[Add a hotel|https://app.pebblebrook.travel/trips/OPO-4410/hotels]]"],
      v=(2,), form="json1",
      notes="2: 'Travelers rate our Porto hotels 4.8 out of 5' is a rating absent from facts. "
            "Flight number and date are in facts; the trip is the goal (no 6). One-line JSON.",
      inv=["Travelers rate our Porto hotels 4.8 out of 5"])

email(B, "Tell Zoe her seat change went through.",
      ["Recipient: Zoe Adams.",
       "On flight PB-5062 on 2026-12-02, Zoe's seat changed from 31C to 14A.",
       "Trip page: https://app.pebblebrook.travel/trips/SEA-5062."],
      None,
      ["Hi Zoe,",
       "Your seat on flight PB-5062 on December 2 is now 14A (it was 31C).",
       "[[See your trip|https://app.pebblebrook.travel/trips/SEA-5062]]"],
      v=(3,), form="bold", pre="Here's the seat-change email:",
      notes="3: no subject field (only bold body labels after a preamble), so fields.subject is "
            "null. Seats and date are in facts; the preamble is not message text.")

B = SAFFRON
email(B, "Send Jasmine her birthday offer.",
      ["Recipient: Jasmine Cole.",
       "Jasmine's birthday is 2026-11-29.",
       "Birthday offer: 25% off her next box with code BDAY25, valid until 2026-12-13.",
       "Offer page: https://app.saffrontable.com/offers/bday25."],
      "Happy birthday, Jasmine: 25% off your next box",
      ["Hi Jasmine,",
       "Happy birthday from all of us at Saffron Table! To celebrate, here is **25% off** your "
       "next box with code BDAY25, valid until December 13.",
       "[[Claim your birthday offer|https://app.saffrontable.com/offers/bday25]]"],
      f=("pricing",),
      notes="Clean but flagged pricing (a discount). The birthday is what the goal is about, so it "
            "is relevant (no 6). 25%, BDAY25 and Dec 13 are in facts.",
      ev={"pricing": "25% off"}, pers_ok="birthday",
      tags=["personal detail the goal calls for (birthday offer)"])

email(B, "Tell Dev that the December menu is live.",
      ["Recipient: Dev Malhotra.",
       "The December menu went live on 2026-11-24 with 18 new recipes.",
       "Menu: https://app.saffrontable.com/menus/december-2026."],
      "The December menu is live",
      ["Hello Dev,",
       "I hope this message finds you well! Our December menu is live, with 18 new recipes to "
       "choose from.",
       "[[See the December menu|https://app.saffrontable.com/menus/december-2026]]"],
      v=(1,), form="bold",
      notes="1: 'I hope this message finds you well' is the 'finds you well' opener family, the "
            "first sentence after the greeting. 18 recipes is in facts; no flag.",
      tags=["opener variant ('this message finds you well')"])

email(B, "Confirm Pia's skipped week.",
      ["Recipient: Pia Sorensen.",
       "Pia skipped her delivery for the week of 2026-12-07; her next box arrives on 2026-12-17.",
       "Delivery schedule: https://app.saffrontable.com/account/plan."],
      "You're skipping the week of December 7",
      ["Hi Pia,",
       "Done: you're skipping the week of December 7. Your next box arrives on December 17.",
       "[[See your delivery schedule|https://app.saffrontable.com/account/plan]]"],
      v=(8,), sign="Cheers, the Saffron crew",
      notes="8: the sign-off is 'Cheers, the Saffron crew' instead of the required 'Happy cooking, "
            "Saffron Table'. Dates are in facts; skipping a week is not pricing.",
      tags=["wrong sign-off"])

email(B, "Tell Leo that his order has shipped.",
      ["Recipient: Leo Brennan.",
       "Order SFT-20871 with 3 recipes shipped on 2026-11-24 and arrives on 2026-11-26.",
       "Order page: https://app.saffrontable.com/orders/SFT-20871."],
      "Your <b>3-recipe box</b> is on its way",
      ["Hi Leo,",
       "Order SFT-20871 with 3 recipes shipped on November 24 and arrives on November 26.",
       "[[Track your box|https://app.saffrontable.com/orders/SFT-20871]]"],
      v=(1,), form="upper",
      notes="1: the subject contains HTML (<b>...</b>); subjects must be plain text. fields.subject "
            "keeps the tags as written. Numbers are in facts.",
      tags=["HTML tag in a subject"])

email(B, "Remind Naomi to pick her recipes for next week.",
      ["Recipient: Naomi Feld.",
       "Naomi has not picked recipes for the box arriving 2026-12-03; picks close on Saturday, "
       "2026-11-28 at 11:59 PM.",
       "Menu: https://app.saffrontable.com/menus/2026-w49."],
      "Pick your recipes by **Saturday** night",
      ["Hi Naomi,",
       "You haven't picked recipes for your box arriving December 3 yet. Picks close on Saturday, "
       "November 28 at 11:59 PM.",
       "[[Pick your recipes|https://app.saffrontable.com/menus/2026-w49]]"],
      v=(1,), form="upper",
      notes="1: markdown **bold** inside the subject; subjects are plain text. (An upper-case "
            "'SUBJECT:' label is still a label.) Dates and time are in facts.",
      tags=["markdown bold in a subject"])

email(B, "Introduce Owen to the new holiday recipe collection.",
      ["Recipient: Owen Hartley.",
       "The holiday collection has 6 recipes and is available from 2026-12-01.",
       "Collection: https://app.saffrontable.com/menus/holiday-2026."],
      "Meet the holiday collection",
      ["Hi Owen,",
       "Our award-winning chefs put together a holiday collection of 6 recipes, available from "
       "December 1.",
       "[[Browse the collection|https://app.saffrontable.com/menus/holiday-2026]]"],
      v=(2,), pre="Sure! Here is the announcement email:",
      notes="2: 'award-winning chefs' is an award absent from facts. 6 recipes and Dec 1 are in "
            "facts; the preamble sits outside the message.",
      inv=["award-winning chefs"])

email(B, "Invite Ruth to rate the recipes from her last box.",
      ["Recipient: Ruth Ingram.",
       "Ruth's order SFT-20544 was delivered on 2026-11-21 with 4 recipes.",
       "Recipe ratings help the chefs decide which recipes stay on the menu.",
       "Ratings page: https://app.saffrontable.com/orders/SFT-20544/ratings."],
      "How were your 4 recipes?",
      ["Hi Ruth,",
       "How did the 4 recipes from your last box turn out? Your ratings help our chefs decide "
       "which recipes stay on the menu, and that feedback is priceless to us.",
       "[[Rate your recipes|https://app.saffrontable.com/orders/SFT-20544/ratings]]"],
      post=("Want me to add a photo of each recipe?",),
      notes="Clean: 'priceless' is not pricing (no flag). 4 recipes is in facts; the closing "
            "question is chatter outside the message.",
      tags=["'priceless' is not pricing", "trailing chatter"])

B = GLIMMER
email(B, "Tell Arjun about shared component libraries.",
      ["Recipient: Arjun Shah, design lead at Kiteline.",
       "Shared component libraries launched on 2026-11-17.",
       "Components published to a shared library update in every file that uses them.",
       "Docs: https://docs.glimmerworks.io/libraries."],
      "Shared component libraries are here",
      ["Hi Arjun,",
       "Shared component libraries are live: publish a component once and it updates in every "
       "file that uses it. Lumio Studio and Brackett Labs already use them to keep their products "
       "consistent.",
       "[[Read the docs|https://docs.glimmerworks.io/libraries]]"],
      v=(2,),
      notes="2: naming Lumio Studio and Brackett Labs as users is an invented customer reference "
            "absent from facts. Launch and behaviour are in facts; Kiteline and the design-lead "
            "title are business details.",
      inv=["Lumio Studio and Brackett Labs"])

email(B, "Tell Bianca about the new export engine.",
      ["Recipient: Bianca Rossi.",
       "A new export engine shipped in version 5.3 on 2026-11-19.",
       "Export docs: https://docs.glimmerworks.io/export."],
      "A new export engine in 5.3",
      ["Hi Bianca,",
       "Version 5.3 ships a new export engine that makes exports 3x faster.",
       "[[See what's new in export|https://docs.glimmerworks.io/export]]"],
      v=(2,), form="lower",
      notes="2: '3x faster' is a performance claim absent from facts. Version 5.3 is in facts.",
      inv=["3x faster"])

email(B, "Tell Kofi that large files now open quicker.",
      ["Recipient: Kofi Asante.",
       "Since version 5.2, files over 200 MB open up to 40% faster.",
       "Release notes: https://docs.glimmerworks.io/releases/5-2."],
      "Large files open faster in 5.2",
      ["Hi Kofi,",
       "Since version 5.2, files over 200 MB open up to 40 percent faster.",
       "[[Read the release notes|https://docs.glimmerworks.io/releases/5-2]]"],
      notes="Clean NEGATIVE for 2: '40 percent' is the fact '40%' written differently (same "
            "value); 5.2 and 200 MB are in facts, and 'faster' is backed by the fact.",
      tags=["number in facts written differently (40 percent vs 40%)"])

email(B, "Invite Tessa to the December product webinar.",
      ["Recipient: Tessa Grant.",
       "The product webinar is on 2026-12-09 at 17:00 UTC.",
       "Registration: https://glimmerworks.io/webinars/december."],
      "Join our December product webinar",
      ["Hi Tessa,",
       "Join our product webinar on December 9 at 17:00 UTC.",
       "[[Save your seat|http://glimmerworks.io/webinars/december]]"],
      v=(5,), post=("Let me know if you'd like a reminder email for the day before.",),
      notes="5: the registration link uses http:// (href and plain text) instead of https://. "
            "Date and time are in facts; the closing line is chatter.")

email(B, "Tell Marta her team trial has been extended.",
      ["Recipient: Marta Nilsson.",
       "Marta's team trial was extended by 14 days, to 2026-12-09.",
       "Billing settings: https://app.glimmerworks.io/settings/billing."],
      None,
      ["Hi Marta,",
       "Your team trial has been extended by 14 days, to December 9.",
       "[[Open billing settings|https://app.glimmerworks.io/settings/billing]]"],
      v=(1, 3), form="upper",
      hx=lambda h: "<h2>Your trial has been extended</h2>\n" + h,
      notes="1: <h2> is not an allowed email tag. 3: there is no subject field; a heading inside "
            "the HTML is not one, so fields.subject is null. 14 days and Dec 9 are in facts; a "
            "trial extension quotes no price (no flag).")

email(B, "Tell Felix how to invite reviewers to a file.",
      ["Recipient: Felix Braun.",
       "Reviewers can comment on a file without an editor seat.",
       "Guide: https://docs.glimmerworks.io/reviewers."],
      "Invite reviewers without using a seat",
      ["Hi Felix,",
       "Reviewers can comment on a file without an editor seat, so you can bring in anyone for "
       "feedback.",
       "[[Read the guide|https://...]]"],
      v=(5,),
      notes="5: the link is the placeholder 'https://...' in both bodies. The copy is in facts; no "
            "flag.", tags=["placeholder URL https://..."])

email(B, "Tell Sara she can import her old design files.",
      ["Recipient: Sara Lindgren.",
       "Glimmerworks can import Pixelmint files, including layers and comments.",
       "Import guide: https://docs.glimmerworks.io/import."],
      "Bring your old design files with you",
      ["Hi Sara,",
       "Tired of Pixelmint? You can bring your old files into Glimmerworks, layers and comments "
       "included.",
       "[[See how importing works|https://docs.glimmerworks.io/import]]"],
      v=(8,),
      notes="8: the forbidden competitor 'Pixelmint' is named in the copy; a negative mention "
            "still counts. The import capability is in facts, so no 2.",
      tags=["competitor mentioned negatively still counts"])

B = HARBORLINE
email(B, "Tell Gloria about the January electricity rate change.",
      ["Recipient: Gloria Estrada.",
       "From 2027-01-01 the standard electricity rate changes from 21.4 to 22.9 cents per kWh.",
       "Rate details: https://harborline.energy/rates."],
      "Your electricity rate from January 1",
      ["Hi Gloria,",
       "From January 1, 2027, the standard electricity rate changes from 21.4 to 22.9 cents per "
       "kWh.",
       "[[See rate details|https://harborline.energy/rates]]"],
      f=("pricing",),
      notes="Clean but flagged pricing: the price the customer pays per kWh changes. Both rates "
            "and the date are in facts.", ev={"pricing": "22.9 cents per kWh"})

email(B, "Tell Andre his new monthly budget-billing amount.",
      ["Recipient: Andre Fontaine.",
       "From 2027-01-01 Andre's budget-billing amount is $118 per month, up from $104.",
       "Billing page: https://my.harborline.energy/bills/budget."],
      "Your budget-billing amount for 2027",
      ["Hi Andre,",
       "From January 1, 2027, your budget-billing amount is $118 per month, up from $104.",
       "[[See your billing details|https://my.harborline.energy/bills/budget]]"],
      v=(7,), f=("pricing",), form="fenced", meta={"needs_review": False},
      notes="7: a new monthly amount owed is pricing, but the JSON says \"needs_review\": false. "
            "$118, $104 and the date are in facts.", ev={"pricing": "$118 per month"})

email(B, "Tell Wendy about the planned outage on her street.",
      ["Recipient: Wendy Cho.",
       "A planned outage on Alder Street is scheduled for 2026-12-02 from 9:00 AM to 1:00 PM for "
       "line maintenance.",
       "Outage map: https://my.harborline.energy/outages."],
      "Planned outage on Alder Street, December 2",
      ["Hi Wendy,",
       "We'll switch off power on Alder Street on December 2 from 9:00 AM to 1:00 PM for line "
       "maintenance.",
       "[[See the outage map|https://my.harborline.energy/outages]]"],
      v=(3,), form="json",
      tx=lambda t: "Subject: Planned outage on Alder Street, December 2\n\n" + t,
      notes="3: body_text starts with a glued 'Subject: ...' line although the JSON also has a "
            "subject key. Date and hours are in facts; an outage notice is not pricing.",
      tags=["Subject: line glued inside the body"])

B = OAKRIDGE
email(B, "Invite Harriet to the library's winter author talk.",
      ["Recipient: Harriet Vance.",
       "Author Jonas Eberly talks about his novel The Salt Road on 2026-12-10 at 6:30 PM in the "
       "Main Branch community room.",
       "Registration is free: https://oakridgelibrary.org/events/salt-road."],
      "Author talk: Jonas Eberly on The Salt Road",
      ["Hi Harriet,",
       "Join author Jonas Eberly on December 10 at 6:30 PM in the Main Branch community room, "
       "where he'll talk about his novel The Salt Road. Registration is free.",
       "[[Register for the talk|https://oakridgelibrary.org/events/salt-road]]"],
      form="bold2",
      notes="Clean: date, time, room and free registration are in facts; an event invite is not "
            "sensitive. Labels in **Label**: form are labels.")

email(B, "Tell Quentin his library card expires soon.",
      ["Recipient: Quentin Avery.",
       "Quentin's library card expires on 2026-12-15 and can be renewed online.",
       "Renewal: https://catalog.oakridgelibrary.org/account/renew."],
      None,
      ["Hi Quentin,",
       "Your library card expires on December 15. You can renew it online in a minute.",
       "[[Renew your card|https://catalog.oakridgelibrary.org/account/renew]]"],
      v=(3,), form="upper",
      notes="3: BODY_HTML and BODY_TEXT but no SUBJECT, so fields.subject is null. Date is in "
            "facts; card renewal is free and not pricing.")

B = COBALT
email(B, "Tell Irene her parcel is waiting at a locker.",
      ["Recipient: Irene Dubois.",
       "Parcel CC-518877 is in locker L-42 at Pine Square until 2026-11-30; pickup code 730215.",
       "Locker details: https://track.cobaltcourier.com/parcels/CC-518877."],
      None,
      ["Hi Irene,",
       "Your parcel CC-518877 is waiting in locker L-42 at Pine Square until November 30. Your "
       "pickup code is **730215**.",
       "[[See locker details|https://track.cobaltcourier.com/parcels/CC-518877]]"],
      v=(3,), pre="Here's the locker pickup email:",
      notes="3: labelled Body HTML/Body Text after a preamble but no Subject, so fields.subject is "
            "null. Parcel id, locker, date and pickup code are in facts.",
      tags=["ids and codes that are in facts"])

email(B, "Tell Beatrix that Saturday delivery is now available in her area.",
      ["Recipient: Beatrix Hale.",
       "Saturday delivery is available in Beatrix's postcode area from 2026-12-05.",
       "Delivery preferences: https://track.cobaltcourier.com/preferences."],
      "Saturday delivery is here",
      ["Dear Beatrix,",
       "Hope this email finds you well. From December 5, we deliver on Saturdays in your area.",
       "[[Set your delivery preferences|https://track.cobaltcourier.com/preferences]]"],
      v=(1,),
      notes="1: 'Hope this email finds you well' (without 'I') opens the body right after 'Dear "
            "Beatrix,'. Date is in facts; no flag.",
      tags=["opener variant ('Hope this email finds you well')"])

B = BRASSBELL
email(B, "Send Ezra his tickets for the Harbor Lights concert.",
      ["Recipient: Ezra Cohen.",
       "Ezra bought 2 tickets (order BB-90412) for Harbor Lights at Riverside Hall on 2026-12-12, "
       "doors at 7:00 PM.",
       "Tickets: https://tickets.brassbell.events/orders/BB-90412."],
      None,
      ["Hi Ezra,",
       "Your 2 tickets for Harbor Lights at Riverside Hall on December 12 are ready. Doors open "
       "at 7:00 PM.",
       "[[Open your tickets|https://tickets.brassbell.events/orders/BB-90412]]"],
      v=(3,), form="json", subject_null=True,
      notes="3: the JSON has \"subject\": null, so there is no subject field (fields.subject is "
            "null). Tickets, date and doors time are in facts; ticket delivery quotes no price.")

email(B, "Tell Lila her event moved to a bigger venue.",
      ["Recipient: Lila Navarro.",
       "The Paper Kites Quartet show on 2026-12-05 moved from Elm Hall to Riverside Hall; "
       "existing tickets stay valid.",
       "Event page: https://brassbell.events/events/paper-kites-quartet."],
      "New venue for Paper Kites Quartet on December 5",
      ["Hi Lila,",
       "The Paper Kites Quartet show on December 5 has moved from Elm Hall to Riverside Hall. "
       "Your tickets stay valid.",
       "[[See the event details|https://brassbell.events/events/paper-kites-quartet]]"],
      form="bold2", post=("Would you like a shorter version for SMS too?",),
      notes="Clean: venue change and ticket validity are in facts; the closing question is chatter "
            "outside the message.", tags=["trailing chatter"])

email(B, "Tell Marco that ticket resale is now available in Brassbell.",
      ["Recipient: Marco Bassi.",
       "Ticket holders can now resell tickets inside Brassbell at face value.",
       "Resale guide: https://brassbell.events/help/resale."],
      "Resell tickets right in Brassbell",
      ["Hi Marco,",
       "No more listing tickets on Tixly: you can now resell tickets inside Brassbell at face "
       "value.",
       "[[See how resale works|https://brassbell.events/help/resale]]"],
      v=(8,),
      notes="8: the forbidden competitor 'Tixly' is named in the copy (a dismissive mention still "
            "counts). Resale at face value is in facts (no 2); 'face value' is not a price quote.",
      tags=["competitor mentioned negatively still counts"])

email(B, "Tell Rosa that the Winter Lanterns festival has added a second night.",
      ["Recipient: Rosa Jimenez.",
       "The Winter Lanterns festival added a second night on Sunday, 2026-12-20 at Pier Park; "
       "tickets go "
       "on sale on 2026-11-30 at 10:00 AM.",
       "Event page: https://brassbell.events/events/winter-lanterns."],
      "Winter Lanterns festival adds a second night at Pier Park on Sunday, December 20 - tickets "
      "on sale November 30",
      ["Hi Rosa,",
       "The Winter Lanterns festival has added a second night at Pier Park on December 20. "
       "Tickets go on sale on November 30 at 10:00 AM.",
       "[[See the event|https://brassbell.events/events/winter-lanterns]]"],
      v=(4,), form="lower",
      notes="4: the subject is over 80 characters. Dates and time are in facts ('Sunday, "
            "December 20' rewrites 2026-12-20); no price is quoted.")


# ====================================================================================== VERIFY ==
GSM_BASIC = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
                      "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXT = frozenset("\f^{}\\[~]|€")
EMAIL_TAGS = frozenset({"p", "b", "i", "a", "br", "ul", "li", "strong", "em"})
FIELD_LABELS = {
    "subject": "subject", "body_html": "body_html", "body html": "body_html",
    "body (html)": "body_html", "body_text": "body_text", "body text": "body_text",
    "body (plain text)": "body_text", "sms": "sms", "slack": "slack", "title": "title",
    "body": "body", "button": "button",
    "channel_notes": "meta", "notes": "meta", "review": "meta", "sensitive": "meta",
}
_names = "|".join(re.escape(k) for k in sorted(FIELD_LABELS, key=len, reverse=True))
LABEL_LINE = re.compile(r"^\s*(?:\*\*)?(" + _names + r")(?:\*\*)?\s*:(?:\*\*)?[ \t]*(.*)$", re.I)
FENCE_LINE = re.compile(r"^\s*```[a-z]*\s*$")
CHATTER = re.compile(r"^(?:want me to|would you like|let me know if you'?d like|happy to |"
                     r"i can also)", re.I)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s<>|\"')\]]*", re.I)
MD = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]*\)|^\s{0,3}#{1,6} \S|__[^_\n]+__", re.M)
NO_REVIEW = re.compile(r"^sensitive:\s*no\b|^review:\s*(?:none|no\b|not needed)|"
                       r"no (?:\w+ )?review|review (?:is )?not (?:needed|required)|auto-send|"
                       r"skip (?:\w+ )?review|without review|\"needs_review\": false", re.I)
PLACEHOLDER = re.compile(r"\[link\]|\{\{[^}]*\}\}|\[insert [^\]]*\]", re.I)
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "yourcompany.com",
                     "yourdomain.com", "yourapp.com", "...")
OPENER = re.compile(r"^(?:i )?hope (?:this|that|my) (?:e-?mail|message|note|mail) finds you well",
                    re.I)
GREETING = re.compile(r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^\n]{0,40}[,!]?\s*"
                      r"\n", re.I)
CLAIM_WORDS = re.compile(
    r"guarantee[ds]?|award(?:-winning|s)?|#\s?1\b|number one|\bleading\b|trusted by|"
    r"\b\d+(?:\.\d+)?\s?[x×]\b|\bfaster\b|\d+ out of \d+|\brated\b|\bpromise[sd]?\b|top-rated|"
    r"best-selling|most popular|smartest|case study|testimonial|customers? (?:like|such as)|"
    r"teams like|\bstars?\b|millions?\b|thousands of|\bvoted\b|\bbest\b(?!,)", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
                "dozen": 12}
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
        obj, _end = json.JSONDecoder().raw_decode(joined[m.start():])
        meta = [f'"{k}": {json.dumps(obj[k])}' for k in ("needs_review", "review") if k in obj]
        fields = {k: obj[k] for k in obj if k not in ("needs_review", "review")}
        return fields, meta
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
        pat = "".join("[^/]+" if seg == "{id}" else re.escape(seg) for seg in
                      re.split(r"(\{id\})", route))
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
    need(list(ctx) == ["goal", "governance", "facts", "deep_link_scheme", "routes",
                       "app_domains"], cid, "context keys")
    need(list(g) == ["forbidden_terms", "required_disclaimer", "banned_phrases", "sign_off",
                     "updated_at"], cid, "governance keys")
    need(list(exp) == ["violations", "review_flags", "fields", "notes"], cid, "expected keys")
    need(ch in CHANNELS, cid, "channel")
    fields, meta = parse(case["raw_output"])
    found: set[int] = set()
    links: list[str] = []
    visible: list[str] = []   # what the recipient sees, links as they appear
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
            elif attrs and not (name == "a" and not close and
                                re.fullmatch(r'href="[^"]*"', attrs)):
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
            need(body is not t or not MD.search(body), cid, "markdown in a plain-text body")
            links += URL.findall(body)
            visible.append(body)
    elif ch == "sms":
        text = fields.get("sms", fields.get("message"))
        need(exp["fields"] == {"text": text, "char_count": len(text)}, cid,
             f"sms parsed as {text!r} ({len(text)})")
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
        text = fields.get("slack", fields.get("message"))
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
        title, body, btns = fields.get("title"), fields.get("body"), fields.get("buttons", [])
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
    need(found == want & mechanical, cid,
         f"mechanical checks found {sorted(found)}, expected {sorted(want)}")

    # 2 -- numbers by value, claim words, declared inventions
    facts_text = " ".join(ctx["facts"] + [x for x in (g["required_disclaimer"], g["sign_off"])
                                          if x])
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
    for key, (fld, lim) in {"at_chars": ("text", 160), "at_title": ("title", 50),
                            "at_body": ("body", 100), "at_subject": ("subject", 80)}.items():
        if hints.get(key):
            need(len(f[fld]) == lim, cid, f"{fld} is {len(f[fld])}, not {lim}")
    if hints.get("at_words"):
        need(f["word_count"] == hints["at_words"], cid, f"word_count {f['word_count']}")
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
    with OUT.open("w", encoding="utf-8") as fh:
        for c in CASES:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    reread = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines()]
    errors = []
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
    short += [f"{ch}: {per_ch[ch]}" for ch in CHANNELS
              if per_ch[ch] < (12 if ch.startswith("slack") else 20)]
    if len(reread) < 170:
        short.append(f"only {len(reread)} cases")
    if clean / len(reread) < 0.35:
        short.append("clean fraction below 35%")
    if short:
        errors.append("corpus targets missed: " + ", ".join(short))
    for e in errors:
        print("DISAGREEMENT " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} disagreement(s)", file=sys.stderr)
        return 1
    print("all labels re-checked: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
