"""Text sent to Personize: the prompt context, the three instruction steps, the re-ask and the
evaluation criteria. Channel formats and limits come from ``channels/*.toml``; criteria from the
active rule pack. Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guardrails.context import Context
    from guardrails.engine.pack import RulePack
    from guardrails.personize._models import Digest
    from guardrails.profiles import ChannelProfile
    from guardrails.report import Violation

__all__ = [
    "channel_rules",
    "evaluation_criteria",
    "instructions",
    "label_of",
    "prompt_context",
    "reask_instruction",
    "render_fields",
]

_LABELS = {"subject": "SUBJECT", "preheader": "PREHEADER", "body_html": "BODY_HTML",
           "body_text": "BODY_TEXT", "title": "TITLE", "body": "BODY"}
_TEXT_LABELS = {"sms": "SMS", "slack_dm": "SLACK", "slack_channel": "SLACK"}
_UNITS = {
    "chars": "characters",
    "graphemes": "characters (an emoji counts as one)",
    "words": "words",
    "bytes": "bytes of UTF-8",
    "sms_segments": "SMS segment(s); use only GSM-7 characters (no emoji, curly quotes, "
                    "em dashes or ellipsis characters) so nothing forces UCS-2",
}
_SHORT_UNITS = {"chars": "characters", "graphemes": "characters", "words": "words",
                "bytes": "bytes", "sms_segments": "SMS segment(s)"}
_FORMATS = {
    "plain": "plain text: no HTML tags, entities or markdown",
    "mrkdwn": "Slack mrkdwn: *bold*, _italic_, <https://url|label>; never **bold**, "
              "[text](url), # headings or HTML",
}
_CONSTRAINTS = {
    1: "Format matches the channel",
    2: "No invented claims or facts (numbers, names, awards, promises, testimonials)",
    3: "Subject and body are separate fields",
    4: "Within the channel's length limits",
    5: "Links are real https URLs (no placeholders; deep links match the app)",
    6: "Personal details serve the goal",
    7: "Sensitive content is marked for human review, never waived",
    8: "Governance obeyed (forbidden terms, banned phrases, disclaimer, sign-off)",
}
_BUTTON_KEY = re.compile(r"^buttons\[(\d+)\]\.(label|url)$")


def label_of(channel: str, field: str) -> str:
    """The output label the parser reads for ``field`` on ``channel`` (``text`` → ``SMS``)."""
    if field == "text":
        return _TEXT_LABELS.get(channel, "TEXT")
    return _LABELS.get(field, field.upper())


def channel_rules(profile: ChannelProfile) -> str:
    """The labeled-output format, field formats and hard limits of one channel profile."""
    lines = [f"Write the {profile.description}.",
             "Output only these labeled fields, each label at the start of its own line, with "
             "nothing before or after them:"]
    for field in profile.fields:
        need = "required" if field in profile.required else "optional"
        lines.append(f"{label_of(profile.name, field)}: <{field.replace('_', ' ')}> ({need})")
    if profile.buttons is not None and profile.buttons.max_buttons:
        b = profile.buttons
        lines.append(f"BUTTON: <label> | <https URL> (optional, at most {b.max_buttons}, "
                     f"labels of {b.min_words}–{b.max_words} words)")
    lines.append("Format of each field:")
    for field in profile.fields:
        fmt = profile.formats.get(field, "plain")
        if fmt == "html" and profile.html is not None:
            tags = ", ".join(f"<{t}>" for t in sorted(profile.html.allowed_tags))
            attrs = "; ".join(f"{t}[{', '.join(sorted(a))}]"
                              for t, a in sorted(profile.html.allowed_attributes.items()))
            schemes = ", ".join(sorted(profile.html.url_schemes))
            desc = (f"simple HTML using only {tags}; attributes only {attrs or 'none'}; "
                    f"link schemes {schemes}; no style, classes or scripts")
        else:
            desc = _FORMATS.get(fmt, fmt)
        lines.append(f"- {label_of(profile.name, field)}: {desc}")
    if profile.limits:
        lines.append("Hard length limits (count carefully):")
        for lim in profile.limits:
            strength = "must" if lim.level == "error" else "should"
            lines.append(f"- {label_of(profile.name, lim.field)} {strength} be at most "
                         f"{lim.max} {_UNITS.get(lim.unit, lim.unit)}")
    return "\n".join(lines)


def _common_rules(channel: str) -> str:
    rules = [
        "Use only facts stated in the context: no invented numbers, customers, awards, "
        "rankings, guarantees or testimonials.",
        "Links: https only, copied from the context; never placeholders (example.com, [link]).",
        "Mention a personal detail only if it serves the goal.",
        "Obey every governance rule from step 2; include any required disclaimer and sign-off "
        "word for word.",
        "If the message touches pricing, legal, medical, financial or compliance topics, add a "
        "final line 'SENSITIVE: YES <topic>'; never state that no review is needed.",
    ]
    if channel == "email":
        rules.insert(0, "Keep the subject in SUBJECT only; never repeat 'Subject:' in the body. "
                        "Do not open with 'I hope this email finds you well' or similar.")
    return "Rules:\n" + "\n".join(f"- {r}" for r in rules)


def instructions(profile: ChannelProfile, goal: str) -> list[dict[str, object]]:
    """The three steps: analyze recipient and goal → list governance → write the fields."""
    return [
        {"prompt": f"Step 1 of 3. Goal: {goal}\nRead the recipient context and the facts. Note "
                   "which one or two details about the recipient serve this goal and which "
                   "facts the message may state. Do not write the message yet.", "maxSteps": 3},
        {"prompt": "Step 2 of 3. From the governance section of the context, list every rule "
                   "the message must obey: forbidden terms and competitors, banned phrases, the "
                   "required disclaimer, the sign-off and tone. If there is no governance, say "
                   "so.", "maxSteps": 2},
        {"prompt": f"Step 3 of 3. {channel_rules(profile)}\n{_common_rules(profile.name)}",
         "maxSteps": 3},
    ]


def render_fields(channel: str, fields: Mapping[str, str | None]) -> str:
    """Fields back as labeled output (``SMS: …``), buttons as ``BUTTON: label | url``."""
    lines: list[str] = []
    buttons: dict[int, dict[str, str]] = {}
    for name, value in fields.items():
        match = _BUTTON_KEY.match(name)
        if match:
            buttons.setdefault(int(match[1]), {})[match[2]] = value or ""
        elif value is not None:
            lines.append(f"{label_of(channel, name)}: {value}")
    for _, button in sorted(buttons.items()):
        url = button.get("url", "")
        lines.append(f"BUTTON: {button.get('label', '')}" + (f" | {url}" if url else ""))
    return "\n".join(lines)


def reask_instruction(profile: ChannelProfile, previous: Mapping[str, str | None],
                      violations: Sequence[Violation]) -> str:
    """Ask again, listing only the MUST violations that remain after the safe fixes."""
    seen: list[str] = []
    for v in violations:
        where = f" ({v.field})" if v.field else ""
        line = f"- {v.rule} [{v.constraint}]{where}: {v.message}"
        if line not in seen:
            seen.append(line)
    return ("Your previous draft broke these rules:\n" + "\n".join(seen)
            + "\n\nPrevious draft:\n" + render_fields(profile.name, previous)
            + "\n\nRewrite it so that it fixes exactly these problems and keeps everything else."
            + f"\n{channel_rules(profile)}\n{_common_rules(profile.name)}")


def evaluation_criteria(pack: RulePack, profile: ChannelProfile) -> str:
    """One criterion per constraint the active pack checks on this channel (MUST before SHOULD)."""
    names: dict[int, list[str]] = {}
    must: set[int] = set()
    for rule in sorted(pack.for_channel(profile.name), key=lambda r: r.spec.level != "error"):
        names.setdefault(rule.spec.constraint, []).append(rule.spec.name.replace("-", " "))
        if rule.spec.level == "error":
            must.add(rule.spec.constraint)
    lines = ["Score each criterion from 0 to 10 (10 = fully met)."]
    for number in sorted(names):
        title = _CONSTRAINTS.get(number, f"Constraint {number}")
        detail = ""
        if number == 4 and profile.limits:
            detail = "; limits: " + ", ".join(
                f"{label_of(profile.name, lim.field)} ≤ {lim.max} {_SHORT_UNITS[lim.unit]}"
                for lim in profile.limits)
        level = "MUST" if number in must else "SHOULD"
        lines.append(f"{number}. [{level}] {title} (checks: {', '.join(names[number][:6])})"
                     f"{detail}")
    return "\n".join(lines)


def prompt_context(context: Context, digest: Digest | None, guidelines_text: str) -> str:
    """The ``context`` sent with the prompt: goal, governance, recipient, facts, link rules."""
    parts = [f"## Goal\n{context.goal or ''}".rstrip()]
    gov = context.governance
    rules: list[str] = []
    if guidelines_text.strip():
        rules.append(guidelines_text.strip())
    if gov is not None:
        if gov.forbidden_terms:
            rules.append("Never mention: " + ", ".join(gov.forbidden_terms))
        if gov.banned_phrases:
            rules.append("Banned phrases: " + ", ".join(f"'{p}'" for p in gov.banned_phrases))
        if gov.required_disclaimer:
            rules.append(f"Required disclaimer (verbatim): {gov.required_disclaimer}")
        if gov.sign_off:
            rules.append(f"Required sign-off (verbatim): {gov.sign_off}")
        if gov.text and gov.text.strip() not in guidelines_text:
            rules.append(gov.text.strip())
    parts.append("## Governance\n" + ("\n".join(rules) if rules else "(none found)"))
    if digest is not None and digest.compiled_context.strip():
        parts.append("## Recipient\n" + digest.compiled_context.strip())
    own = [f for f in context.facts if digest is None or f != digest.compiled_context]
    if own:
        parts.append("## Facts you may state (and nothing else)\n"
                     + "\n".join(f"- {f}" for f in own))
    links: list[str] = []
    if context.app_domains:
        links.append("Allowed link domains: " + ", ".join(context.app_domains))
    if context.deep_link_scheme:
        routes = ", ".join(context.routes) or "any"
        links.append(f"Deep links: {context.deep_link_scheme} with routes {routes}")
    if links:
        parts.append("## Links\n" + "\n".join(links))
    return "\n\n".join(parts)
