"""Deterministic benchmark corpus: raw LLM outputs for every channel, plus converter snippets.

Every item is ``{"channel", "raw", "context"}`` where ``context`` is the JSON form of
``guardrails.Context`` (design.md). The same ``seed`` always gives the same corpus: only
``random.Random(seed)`` and fixed tables are used (no sets, no clocks, no hashing).

    python benchmarks/corpus.py --write /tmp/corpus.jsonl [--n 10000] [--seed 20261125]
    python benchmarks/corpus.py --stats
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CHANNEL_WEIGHTS",
    "DEFAULT_SEED",
    "big_email",
    "load",
    "snippets",
]

DEFAULT_SEED = 20261125
NOW = "2026-11-25"

# Share of each channel in a send pipeline's traffic (email dominates by volume).
CHANNEL_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("email", 30),
    ("sms", 20),
    ("slack_dm", 12),
    ("slack_channel", 8),
    ("push", 15),
    ("in_app", 15),
)

# ---------------------------------------------------------------------------------------------
# Fixed tables: companies, people, scenarios (all made up).


@dataclass(frozen=True)
class Company:
    name: str
    what: str
    domains: tuple[str, ...]
    scheme: str | None
    routes: tuple[str, ...]
    competitors: tuple[str, ...]
    banned: tuple[str, ...]
    senders: tuple[str, ...]
    product: str
    plans: tuple[tuple[str, int], ...]


COMPANIES: tuple[Company, ...] = (
    Company("Copperleaf", "a time-tracking app for creative agencies",
            ("copperleaf.io", "app.copperleaf.io", "help.copperleaf.io"), "copperleaf://",
            ("projects/{id}", "timesheets", "billing/plan", "settings", "reports/{id}"),
            ("ClockNest", "Timberly"), ("unbeatable", "no strings attached", "skyrocket"),
            ("Jordan", "Mina", "Ravi"), "Copperleaf Team", (("Team", 18), ("Studio", 34))),
    Company("AcmeFit", "a home workout app", ("acmefit.com", "app.acmefit.com"), "acmefit://",
            ("workouts/{id}", "challenges/{id}", "settings", "profile", "plans/{id}"),
            ("PulseGym", "FitForge"), ("act fast", "crush it", "no excuses"),
            ("Coach Sam", "Dana", "Leo"), "AcmeFit Premium", (("Premium", 12), ("Family", 20))),
    Company("Pantrio", "a grocery delivery service", ("pantrio.com", "shop.pantrio.com"),
            "pantrio://", ("orders/{id}", "recipes/{id}", "cart", "deliveries/{id}"),
            ("CartCrate", "FreshDash"), ("limited time only", "insane deals"),
            ("Priya", "Tom"), "Pantrio Plus", (("Plus", 9), ("Family Plus", 15))),
    Company("Brightledger", "invoicing and accounting software for small firms",
            ("brightledger.com", "app.brightledger.com"), "brightledger://",
            ("invoices/{id}", "reports", "settings", "clients/{id}"),
            ("LedgerLoop", "Sumwise"), ("guaranteed returns", "risk-free", "skyrocket"),
            ("Elena", "Marcus"), "Brightledger Pro", (("Pro", 39), ("Firm", 89))),
    Company("Harborview Clinic", "a family medical practice", ("harborviewclinic.org",),
            "harborview://", ("appointments/{id}", "messages", "results/{id}"),
            ("CityCare", "MedNow"), ("miracle", "cure-all"),
            ("Dr. Okafor", "Nurse Kim"), "Harborview Portal", (("Visit", 0), ("Checkup", 0))),
    Company("Quillstack", "a documentation platform for developer teams",
            ("quillstack.dev", "docs.quillstack.dev"), None, (),
            ("DocuHive", "Pagewright"), ("game-changer", "revolutionary", "10x"),
            ("Alex", "Noor"), "Quillstack Teams", (("Teams", 15), ("Enterprise", 45))),
    Company("Tidewell", "a travel booking app", ("tidewell.travel", "app.tidewell.travel"),
            "tidewell://", ("trips/{id}", "bookings/{id}", "settings", "deals"),
            ("JetNest", "RoamRight"), ("once in a lifetime", "don't miss out"),
            ("Sofia", "Kenji"), "Tidewell Club", (("Club", 7), ("Club Plus", 14))),
    Company("Northwind Events", "a conference and meetup organizer",
            ("northwind.events", "tickets.northwind.events"), "northwind://",
            ("events/{id}", "tickets/{id}", "schedule"),
            ("Eventra", "MeetMesh"), ("epic", "you won't believe"),
            ("Hannah", "Diego"), "Northwind Pass", (("Pass", 120), ("VIP Pass", 290))),
)

FIRST_NAMES = (
    "Beatriz", "Henrik", "Ana", "Priya", "Oluwaseun", "Chen", "José", "Zoë", "Łukasz", "Søren",
    "Fatima", "Liam", "Mei", "Carlos", "Aisha", "Noah", "Ingrid", "Tomás", "Yuki", "Amara",
    "Mateo", "Nguyễn", "Elif", "Rahul", "Grace", "Dmitri", "Chloé", "Kwame", "Sara", "Jonas",
)
LAST_NAMES = (
    "Souza", "Lindqvist", "Okafor", "Patel", "Adeyemi", "Wei", "García", "Müller", "Kowalski",
    "Nielsen", "Haddad", "Murphy", "Tanaka", "Mensah", "Rossi", "Dubois", "Kim", "Novak",
)
ORGS = (
    "Lanternfish Animation", "Saltmarsh Creative", "Bluepeak Logistics", "Orchard & Vine",
    "Kestrel Labs", "Fernhill Studio", "Redwater Analytics", "Mosaic Kitchen", "Larkspur Legal",
    "Cinder Robotics", "Halcyon Dental", "Driftwood Media",
)
ROLES = ("operations director", "founder", "team lead", "office manager", "head of finance",
         "product manager", "studio manager", "practice manager")
MONTHS = ("December", "January", "February")
CITIES = ("Lisbon", "Austin", "Berlin", "Toronto", "Nairobi", "Osaka", "Melbourne", "Leeds")

DISCLAIMERS = {
    "sms": ("Reply STOP to opt out.", "Msg&data rates may apply. Reply STOP to opt out."),
    "email": ("You can unsubscribe at any time.", "You are receiving this because you have an "
              "account with us."),
}

FILLER = (
    "You can change this at any time from your settings page.",
    "Nothing changes for the rest of your team unless you decide it should.",
    "If you have questions, just reply to this email and a real person will answer.",
    "We kept this short so you can decide quickly.",
    "Your existing data stays exactly where it is.",
    "The details below are the same ones you see in your account.",
    "If now is not a good time, you can safely ignore this message.",
    "We will not make any changes without your confirmation.",
    "Everything you set up so far carries over automatically.",
    "Thank you for being with us this year.",
    "Here is a quick summary so you have everything in one place.",
    "You can also forward this to a colleague who manages the account.",
)

MD_FILLER = (
    "Everything you set up so far carries over automatically.",
    "You can change this at any time from **Settings**.",
    "Nothing changes for the rest of the team unless you decide it should.",
    "Questions? Just reply here and a real person will answer.",
    "The _details_ are the same ones you see in your account.",
)


# ---------------------------------------------------------------------------------------------
# One scenario instance: the facts the writer may state and the sentences that state them.


@dataclass
class Scene:
    company: Company
    first: str
    last: str
    org: str
    role: str
    sender: str
    goal: str
    facts: list[str]
    claims: list[str]  # grounded sentences (each stated in facts)
    subject: str
    short: str  # one-line summary for SMS/push bodies
    title: str
    cta_label: str
    cta_path: str  # web path on the first app domain
    deep_route: str | None  # concrete route, e.g. "workouts/42"
    sensitive: bool


def _route(rng: random.Random, company: Company) -> str | None:
    if not company.routes:
        return None
    route = rng.choice(company.routes)
    return route.replace("{id}", str(rng.randint(2, 9999)))


def _scene(rng: random.Random) -> Scene:
    c = rng.choice(COMPANIES)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    org, role = rng.choice(ORGS), rng.choice(ROLES)
    sender = rng.choice(c.senders)
    plan, price = rng.choice(c.plans)
    seats = rng.randint(3, 60)
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    pct = rng.choice((10, 15, 20, 25, 30))
    kind = rng.randrange(6)
    base = [
        f"Sender company: {c.name}, {c.what}.",
        f"Recipient: {first} {last}, {role} at {org}.",
    ]
    route = _route(rng, c)
    sensitive = False
    if kind == 0:  # trial ending
        hours = rng.randint(20, 900)
        projects = rng.randint(2, 30)
        goal = f"Remind {first} that the {c.product} trial ends soon and summarise their usage."
        facts = [*base, f"The {c.product} trial for {org} ends on {month} {day}.",
                 f"During the trial {org} logged {hours} hours across {projects} projects.",
                 "Trial data is kept for 30 days after the trial ends."]
        claims = [f"Your {c.product} trial ends on {month} {day}.",
                  f"So far {org} has logged {hours} hours across {projects} projects.",
                  "We keep your trial data for 30 days after the trial ends."]
        subject = f"Your {c.product} trial ends {month} {day}"
        short = f"your {c.product} trial ends {month} {day}. Keep your {hours} logged hours"
        title, cta, path = "Your trial ends soon", "Keep my data", "billing/plan"
    elif kind == 1:  # pricing / renewal (sensitive: pricing)
        total = price * seats * 12
        goal = f"Tell {first} what annual billing would cost for {org}."
        facts = [*base, f"{org} has {seats} seats on the {plan} plan, billed monthly.",
                 f"Annual billing for {seats} {plan} seats costs ${total:,} per year.",
                 f"Annual billing saves {pct}% compared with monthly billing.",
                 f"A switch takes effect on the next billing date, {month} {day}."]
        claims = [f"For the {seats} {plan} seats {org} has today, annual billing costs "
                  f"${total:,} per year.",
                  f"That is {pct}% less than paying monthly.",
                  f"If you switch, the annual cycle starts on {month} {day}."]
        subject = f"Annual billing for {org}: ${total:,} per year"
        short = f"annual billing for your {seats} seats is ${total:,}/yr ({pct}% less)"
        title, cta, path = "Save with annual billing", "Compare plans", "billing/plan"
        sensitive = True
    elif kind == 2:  # feature launch
        feature = rng.choice(("shared dashboards", "offline mode", "bulk export",
                              "smart reminders", "team calendars", "saved filters"))
        goal = f"Announce {feature} to {first} and show where to find it."
        facts = [*base, f"{c.name} released {feature} on {month} {day}.",
                 f"{feature.capitalize()} is included in every {c.product} plan.",
                 f"Setup takes about {rng.randint(2, 10)} minutes."]
        claims = [f"We released {feature} on {month} {day}.",
                  f"{feature.capitalize()} is included in your {c.product} plan at no extra "
                  "cost to you.",
                  facts[-1].replace("Setup takes", "Setting it up takes")]
        subject = f"New in {c.name}: {feature}"
        short = f"{feature} is live in {c.name}. Try it today"
        title, cta, path = f"New: {feature}"[:48], "Try it now", "settings"
    elif kind == 3:  # event invite
        city = rng.choice(CITIES)
        spots = rng.randint(20, 400)
        goal = f"Invite {first} to the {c.name} meetup in {city}."
        facts = [*base, f"{c.name} hosts a customer meetup in {city} on {month} {day}.",
                 f"The venue holds {spots} guests.", "Tickets are free for customers."]
        claims = [f"We are hosting a customer meetup in {city} on {month} {day}.",
                  f"The venue holds {spots} guests, and tickets are free for customers."]
        subject = f"Join us in {city} on {month} {day}"
        short = f"join our {city} meetup on {month} {day}. Free for customers"
        title, cta, path = f"Meetup in {city}", "Save my seat", "events"
    elif kind == 4:  # invoice / appointment reminder (sensitive sometimes)
        amount = rng.randint(40, 9000)
        goal = f"Remind {first} that invoice {rng.randint(1000, 9999)} is due."
        facts = [*base, f"Invoice for {org} of ${amount:,} is due on {month} {day}.",
                 "Payment can be made by card or bank transfer."]
        claims = [f"Your invoice of ${amount:,} is due on {month} {day}.",
                  "You can pay by card or bank transfer."]
        subject = f"Invoice due {month} {day}"
        short = f"your ${amount:,} invoice is due {month} {day}"
        title, cta, path = "Invoice due soon", "Pay invoice", "invoices"
        sensitive = rng.random() < 0.5
    else:  # onboarding tip / streak
        streak = rng.randint(3, 60)
        goal = f"Congratulate {first} on a {streak}-day streak and suggest the next step."
        facts = [*base, f"{first} has used {c.name} {streak} days in a row.",
                 f"{first} completed onboarding on {month} {day}."]
        claims = [f"You have used {c.name} {streak} days in a row.",
                  "Your next step is to invite a teammate so you can share the work."]
        subject = f"{streak} days in a row, {first}!"
        short = f"{streak} days in a row! Invite a teammate next"
        title, cta, path = f"{streak}-day streak!", "Invite teammate", "settings"
    return Scene(c, first, last, org, role, sender, goal, facts, claims, subject, short,
                 title, cta, path, route, sensitive)


def _context(rng: random.Random, s: Scene, channel: str) -> dict[str, Any]:
    c = s.company
    ctx: dict[str, Any] = {"goal": s.goal}
    roll = rng.random()
    if roll < 0.03:
        ctx["governance"] = None
    else:
        updated = f"2026-11-{rng.randint(1, 24):02d}" if roll > 0.08 else "2026-09-15"
        disc: str | None = None
        if channel in DISCLAIMERS and rng.random() < 0.5:
            disc = rng.choice(DISCLAIMERS[channel])
        ctx["governance"] = {
            "forbidden_terms": list(c.competitors),
            "required_disclaimer": disc,
            "banned_phrases": list(c.banned),
            "sign_off": f"Best, {s.sender}" if channel == "email" else None,
            "updated_at": updated,
        }
    ctx["facts"] = list(s.facts)
    ctx["deep_link_scheme"] = c.scheme
    ctx["routes"] = list(c.routes)
    ctx["app_domains"] = list(c.domains)
    ctx["now"] = NOW
    return ctx


def _url(s: Scene, path: str | None = None) -> str:
    return f"https://{s.company.domains[-1]}/{path or s.cta_path}"


# ---------------------------------------------------------------------------------------------
# Violations: each item has a small chance of one, chosen per channel.

EMAIL_FAULTS = ("opener", "invented", "http", "placeholder", "competitor", "banned",
                "no_text", "glued_subject", "bad_tag", "markdown_body", "no_signoff")
SHORT_FAULTS = ("invented", "http", "placeholder", "competitor", "banned", "too_long",
                "markdown", "ucs2", "no_review")


def _fault(rng: random.Random, faults: tuple[str, ...], rate: float = 0.12) -> str | None:
    return rng.choice(faults) if rng.random() < rate else None


def _invented(rng: random.Random, s: Scene) -> str:
    return rng.choice((
        "Over 10,000 teams already rely on us every day.",
        f"{s.company.name} is the #1 rated tool in its category.",
        "Customers see a 47% productivity boost in the first month.",
        "We guarantee you will save at least 5 hours a week.",
        "Only 3 spots left at this price.",
        f"Award-winning support, trusted by {rng.choice(ORGS)}.",
    ))


# ---------------------------------------------------------------------------------------------
# Email.


def _email_paragraphs(rng: random.Random, s: Scene, fault: str | None) -> list[str]:
    paras = [f"Hi {s.first},"]
    if fault == "opener":
        paras.append("I hope this email finds you well.")
    paras.extend(s.claims)
    if fault == "invented":
        paras.insert(rng.randint(2, len(paras)), _invented(rng, s))
    if fault == "competitor":
        paras.append(f"Unlike {s.company.competitors[0]}, we keep things simple.")
    if fault == "banned":
        paras.append(f"This is {s.company.banned[0]}, so take a look.")
    return paras


def _email_html(rng: random.Random, s: Scene, paras: list[str], url: str, ctx: dict[str, Any],
                fault: str | None, target: int) -> tuple[str, str]:
    """An HTML body of about ``target`` bytes and its plain-text fallback."""
    html: list[str] = []
    text: list[str] = []
    for p in paras:
        html.append(f"<p>{_escape(p)}</p>")
        text.append(p)
    fillers = list(FILLER)
    rng.shuffle(fillers)
    link_text = rng.choice(("Open your account", "See the details", "Review it here",
                            "Go to your dashboard"))
    tail_html = [f'<p><a href="{url}">{link_text}</a></p>']
    tail_text = [f"{link_text}: {url}"]
    gov = ctx.get("governance") or {}
    if gov.get("required_disclaimer"):
        tail_html.append(f"<p><i>{_escape(gov['required_disclaimer'])}</i></p>")
        tail_text.append(gov["required_disclaimer"])
    if fault != "no_signoff":
        tail_html.append(f"<p>Best, {_escape(s.sender)}<br>{_escape(s.company.name)}</p>")
        tail_text.append(f"Best, {s.sender}\n{s.company.name}")
    if fault == "bad_tag":
        html.insert(1, rng.choice((
            '<div style="color:red"><img src="https://cdn.example.net/x.png"></div>',
            '<script>track()</script>',
            '<table><tr><td>Summary</td></tr></table>',
            '<span onclick="go()">Click</span>',
        )))
    size = lambda: sum(len(x) for x in html) + sum(len(x) for x in tail_html)  # noqa: E731
    i = 0
    while size() < target:
        if i % 4 == 3:
            items = rng.sample(fillers, 3)
            html.append("<ul>" + "".join(f"<li>{_escape(x)}</li>" for x in items) + "</ul>")
            text.append("\n".join(f"- {x}" for x in items))
        else:
            sentence = " ".join(rng.sample(fillers, 2))
            if i % 3 == 1:
                sentence = sentence.replace("settings page", "<b>settings page</b>", 1)
            html.append(f"<p>{sentence.replace('&', '&amp;')}</p>")
            text.append(sentence.replace("<b>", "").replace("</b>", ""))
        i += 1
    return "\n".join(html + tail_html), "\n\n".join(text + tail_text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PREAMBLES = ("Here is your email:", "Sure! Here's the draft:", "Certainly. Below is the email.",
             "Here's a version you can send:")
CHATTER = ("Let me know if you want a shorter version!", "Happy to adjust the tone.",
           "I can also draft an SMS version if useful.")


def _email(rng: random.Random, s: Scene, ctx: dict[str, Any], target: int = 2000) -> str:
    fault = _fault(rng, EMAIL_FAULTS)
    url = _url(s)
    if fault == "http":
        url = url.replace("https://", "http://")
    elif fault == "placeholder":
        url = rng.choice(("https://example.com/offer", "{{cta_url}}", "[LINK]",
                          "https://yourcompany.com/start"))
    paras = _email_paragraphs(rng, s, fault)
    target = max(600, int(target * rng.uniform(0.9, 1.15)))
    html, text = _email_html(rng, s, paras, url, ctx, fault, target)
    subject = s.subject
    if fault == "glued_subject":
        html = f"<p>Subject: {_escape(subject)}</p>\n" + html
    form = rng.random()
    if fault == "markdown_body":
        md = "\n\n".join([f"Hi {s.first},", *(f"**{p}**" if i == 0 else p
                                             for i, p in enumerate(s.claims)),
                          f"[Open your account]({url})", f"Best, {s.sender}"])
        return f"Subject: {subject}\n\nBody:\n{md}\n"
    if form < 0.15:  # JSON, sometimes fenced
        obj: dict[str, Any] = {"subject": subject, "body_html": html.replace("\n", "")}
        if fault != "no_text":
            obj["body_text"] = text
        if s.sensitive and rng.random() < 0.5:
            obj["needs_review"] = True
        out = json.dumps(obj, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 2)))
        return f"```json\n{out}\n```" if rng.random() < 0.5 else out
    subj_label, html_label, text_label = rng.choice((
        ("SUBJECT:", "BODY_HTML:", "BODY_TEXT:"),
        ("Subject:", "Body HTML:", "Body Text:"),
        ("**Subject:**", "**Body (HTML):**", "**Plain-text version:**"),
        ("### Subject", "### HTML body", "### Plain text"),
    ))
    parts = [f"{subj_label} {subject}" if not subj_label.startswith("#") else
             f"{subj_label}\n{subject}", f"{html_label}\n{html}"]
    if fault != "no_text":
        parts.append(f"{text_label}\n{text}")
    if rng.random() < 0.3:
        note = ("Quotes a price; please confirm before sending." if s.sensitive
                else "Grounded in the supplied facts only.")
        parts.append(f"CHANNEL_NOTES: {note}")
    if s.sensitive and rng.random() < 0.3:
        parts.append("SENSITIVE: YES pricing")
    body = "\n\n".join(parts)
    if form < 0.27:
        body = f"```\n{body}\n```"
    if rng.random() < 0.2:
        body = f"{rng.choice(PREAMBLES)}\n\n{body}"
    if rng.random() < 0.15:
        body = f"{body}\n\n{rng.choice(CHATTER)}"
    return body


# ---------------------------------------------------------------------------------------------
# SMS, Slack, push, in-app.


def _short_text(rng: random.Random, s: Scene, ctx: dict[str, Any], fault: str | None,
                url: str) -> str:
    text = f"Hi {s.first}, {s.short}: {url}"
    gov = ctx.get("governance") or {}
    if gov.get("required_disclaimer"):
        text += " " + gov["required_disclaimer"]
    if fault == "invented":
        text = text.replace(": http", ". 10,000+ teams love it: http", 1)
    elif fault == "competitor":
        text = text.replace(": http", f", better than {s.company.competitors[1]}: http", 1)
    elif fault == "banned":
        text = text.replace(": http", f", {s.company.banned[-1]}: http", 1)
    elif fault == "too_long":
        text += " " + " ".join(rng.sample(FILLER, 2))
    elif fault == "markdown":
        text = text.replace(s.first, f"**{s.first}**", 1)
    elif fault == "ucs2":
        text = text.replace(", ", rng.choice((" 🎉 ", " — ", " “now” ", " ✨ ")), 1)
    return text


def _fault_url(rng: random.Random, fault: str | None, url: str) -> str:
    if fault == "http":
        return url.replace("https://", "http://")
    if fault == "placeholder":
        return rng.choice(("https://example.com/x", "{{link}}", "https://...", "[LINK]"))
    return url


def _sms(rng: random.Random, s: Scene, ctx: dict[str, Any]) -> str:
    fault = _fault(rng, SHORT_FAULTS)
    url = _fault_url(rng, fault, f"https://{s.company.domains[-1]}/{rng.randint(10, 99)}")
    text = _short_text(rng, s, ctx, fault, url)
    form = rng.random()
    if form < 0.12:
        obj: dict[str, Any] = {"sms": text}
        if s.sensitive or fault == "no_review":
            obj["needs_review"] = fault != "no_review"
        return json.dumps(obj, ensure_ascii=False)
    if form < 0.25:
        return text
    out = f"{rng.choice(('SMS:', 'SMS text:', '**SMS:**'))} {text}"
    if fault == "no_review" or (s.sensitive and rng.random() < 0.4):
        out += "\nSENSITIVE: " + ("NO" if fault == "no_review" else "YES pricing")
    if rng.random() < 0.1:
        out = f"Here is the SMS:\n\n{out}\n\nCharacters: {len(text)}"
    return out


def _slack(rng: random.Random, s: Scene, ctx: dict[str, Any], channel: str) -> str:
    fault = _fault(rng, SHORT_FAULTS)
    url = _fault_url(rng, fault, _url(s))
    markdown_source = fault == "markdown" or rng.random() < 0.08
    lines: list[str] = []
    if markdown_source:  # standard markdown where mrkdwn was wanted
        lines.append(f"# {s.title}" if rng.random() < 0.5 else f"Hi **{s.first}**,")
        lines.extend(s.claims)
        lines.append(f"[{s.cta_label}]({url})")
    else:
        lines.append(f"Hi {s.first} :wave:")
        lines.append(f"*{s.title}*")
        lines.extend(s.claims)
        lines.append(f"<{url}|{s.cta_label}>")
    if fault == "invented":
        lines.insert(2, _invented(rng, s))
    elif fault == "competitor":
        lines.append(f"(Way simpler than {s.company.competitors[0]}.)")
    elif fault == "banned":
        lines.append(f"{s.company.banned[0].capitalize()}!")
    words = 300 if channel == "slack_channel" else 150
    target = rng.randint(words // 4, int(words * (1.4 if fault == "too_long" else 0.85)))
    fill = [f"• {x}" for x in rng.sample(FILLER, 4)]
    while sum(len(x.split()) for x in lines) < target:
        lines.append(rng.choice(fill) if rng.random() < 0.5 else " ".join(rng.sample(FILLER, 2)))
    lines.append(f"— {s.sender}")
    text = "\n".join(lines)
    if rng.random() < 0.12:
        obj: dict[str, Any] = {"slack": text}
        if s.sensitive or fault == "no_review":
            obj["needs_review"] = fault != "no_review"
        return json.dumps(obj)
    out = f"{rng.choice(('SLACK:', 'Slack message:', '**SLACK:**'))}\n{text}"
    if fault == "no_review":
        out += "\nNo review needed, safe to auto-send."
    if rng.random() < 0.15:
        out = f"```\n{out}\n```"
    return out


def _push(rng: random.Random, s: Scene, ctx: dict[str, Any], channel: str) -> str:
    fault = _fault(rng, SHORT_FAULTS)
    if s.company.scheme and s.deep_route:
        url = f"{s.company.scheme}{s.deep_route}"
        if fault == "placeholder":
            url = f"{s.company.scheme}unknown/route"
    else:
        url = _fault_url(rng, fault, _url(s))
    title = s.title
    body = f"{s.first}, {s.short}."
    if channel == "in_app":
        body = " ".join([body, *s.claims[1:]])
        if rng.random() < 0.4:
            body += " " + " ".join(rng.sample(FILLER, rng.randint(1, 4)))
    if fault == "too_long":
        title = f"{title} — {s.short}"
        body += " " + " ".join(rng.sample(FILLER, 5 if channel == "in_app" else 2))
    elif fault == "invented":
        body = body.replace(".", ". Join 10,000+ happy users.", 1)
    elif fault == "competitor":
        body += f" Switch from {s.company.competitors[0]} today."
    elif fault == "banned":
        body += f" {s.company.banned[0].capitalize()}!"
    elif fault == "markdown":
        body = body.replace(s.first, f"**{s.first}**", 1)
    elif fault == "ucs2":
        title = f"🎉 {title}"
    label = s.cta_label if fault != "too_long" else f"{s.cta_label} right now please"
    buttons = [(label, url)]
    if rng.random() < 0.3:
        second = _route(rng, s.company)
        buttons.append(("Not now", f"{s.company.scheme}{second}" if second
                        else _url(s, "settings")))
    if rng.random() < 0.15:
        obj = {"title": title, "body": body,
               "buttons": [{"label": b[0], "url": b[1]} for b in buttons]}
        return json.dumps(obj, ensure_ascii=False, indent=rng.choice((None, 2)))
    lines = [f"TITLE: {title}", f"BODY: {body}"]
    if rng.random() < 0.2:
        lines.append(f"BUTTON_LABEL: {buttons[0][0]}")
        lines.append(f"BUTTON_URL: {buttons[0][1]}")
    else:
        lines.extend(f"BUTTON: {lab} | {u}" for lab, u in buttons)
    if fault == "no_review":
        lines.append("SENSITIVE: NO")
    out = "\n".join(lines)
    if rng.random() < 0.1:
        out = f"```text\n{out}\n```\nWant me to try a punchier title?"
    return out


def _item(rng: random.Random, channel: str) -> dict[str, Any]:
    s = _scene(rng)
    ctx = _context(rng, s, channel)
    if channel == "email":
        raw = _email(rng, s, ctx)
    elif channel == "sms":
        raw = _sms(rng, s, ctx)
    elif channel in ("slack_dm", "slack_channel"):
        raw = _slack(rng, s, ctx, channel)
    else:
        raw = _push(rng, s, ctx, channel)
    return {"channel": channel, "raw": raw, "context": ctx}


def load(n: int = 10_000, seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """``n`` corpus items ``{"channel", "raw", "context"}``; same seed, same corpus."""
    rng = random.Random(seed)
    names = [c for c, _ in CHANNEL_WEIGHTS]
    weights = [w for _, w in CHANNEL_WEIGHTS]
    return [_item(rng, rng.choices(names, weights)[0]) for _ in range(n)]


def big_email(size: int = 50_000, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """One labelled email whose HTML body is about ``size`` bytes (the 50 KB stress case)."""
    rng = random.Random(seed + 50)
    s = _scene(rng)
    ctx = _context(rng, s, "email")
    paras = _email_paragraphs(rng, s, None)
    html, text = _email_html(rng, s, paras, _url(s), ctx, None, size)
    raw = f"SUBJECT: {s.subject}\n\nBODY_HTML:\n{html}\n\nBODY_TEXT:\n{text}\n"
    return {"channel": "email", "raw": raw, "context": ctx}


# ---------------------------------------------------------------------------------------------
# Converter inputs.


def _md_snippet(rng: random.Random) -> str:
    s = _scene(rng)
    url = _url(s)
    parts = [f"## {s.title}" if rng.random() < 0.5 else f"Hi **{s.first}**,"]
    parts.append(" ".join(s.claims[:2]).replace(s.org, f"*{s.org}*", 1))
    items = rng.sample(MD_FILLER, 3)
    parts.append("\n".join(f"- {x}" for x in items))
    if rng.random() < 0.5:
        parts.append(f"Use `{s.cta_path}` or see [{s.cta_label}]({url}) — ~~old link~~ gone.")
    else:
        parts.append(f"1. Open [{s.cta_label}]({url})\n2. Check the numbers & confirm < 5 min")
    if rng.random() < 0.2:
        parts.append("```\nexport TOKEN=abc  # keep *this* as-is\n```")
    parts.append(f"Thanks, {s.sender}")
    return "\n\n".join(parts)


def _text_snippet(rng: random.Random) -> str:
    s = _scene(rng)
    text = f"Hi {s.first}, {s.short}. " + " ".join(s.claims)
    if rng.random() < 0.4:
        text = text.replace(". ", rng.choice((" — ", "… ", "! ")), 1)
    if rng.random() < 0.3:
        text = f"“{text}”"
    if rng.random() < 0.2:
        text += " 👍🏽"
    return text


def snippets(n: int = 2_000, seed: int = DEFAULT_SEED) -> dict[str, list[str]]:
    """Converter inputs: ``markdown``, ``html`` (≈2 KB email bodies) and plain ``text``."""
    rng = random.Random(seed + 1)
    out: dict[str, list[str]] = {"markdown": [], "html": [], "text": []}
    for _ in range(n):
        out["markdown"].append(_md_snippet(rng))
        out["text"].append(_text_snippet(rng))
        s = _scene(rng)
        ctx = _context(rng, s, "email")
        html, _ = _email_html(rng, s, _email_paragraphs(rng, s, None), _url(s), ctx, None,
                              int(2000 * rng.uniform(0.9, 1.1)))
        out["html"].append(html)
    return out


# ---------------------------------------------------------------------------------------------


def _stats(items: list[dict[str, Any]]) -> str:
    counts = Counter(it["channel"] for it in items)
    sizes: dict[str, list[int]] = {}
    for it in items:
        sizes.setdefault(it["channel"], []).append(len(it["raw"].encode()))
    lines = [f"{len(items)} items"]
    for name, _ in CHANNEL_WEIGHTS:
        sz = sorted(sizes.get(name, [0]))
        lines.append(f"  {name:<14} {counts[name]:>6}  raw bytes median {sz[len(sz) // 2]:>6}"
                     f"  max {sz[-1]:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--write", metavar="PATH",
                    help="write the corpus as JSONL to PATH ('-' = stdout)")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--stats", action="store_true", help="print channel counts and sizes")
    args = ap.parse_args(argv)
    items = load(args.n, args.seed)
    if args.write:
        lines = (json.dumps(it, ensure_ascii=False) + "\n" for it in items)
        if args.write == "-":
            sys.stdout.writelines(lines)
        else:
            with open(args.write, "w", encoding="utf-8") as fh:
                fh.writelines(lines)
    if args.stats or not args.write:
        print(_stats(items), file=sys.stderr if args.write == "-" else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
