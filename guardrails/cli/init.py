"""``guardrails init``: a commented starter configuration and one example template per channel.

The block goes at the end of an existing pyproject.toml (appended, never rewritten), else into
a new guardrails.toml. Nothing is written when any target already exists (exit 2). Plain
strings only: ``init`` imports neither the engine nor pydantic.
"""

from __future__ import annotations

from pathlib import Path

from guardrails.errors import ConfigurationError

__all__ = ["STARTER", "TEMPLATES", "run_init", "starter_config"]

STARTER = """\
{head}# guardrails: message templates checked like code. Every key is optional; the command line
# beats this file, and `guardrails check --isolated` ignores it. Keys and semantics:
# https://github.com/personize-ai/personize-guardrails#configuration

# Rules by id or prefix, like ruff ("GR4" = every length rule, "ALL" = everything).
# select = ["ALL"]
# ignore = ["GR601"]
# fail-on = "error"              # "warning": warnings fail the run too
# rules = ["rules/house.toml"]   # your own rule packs
# context = "context.json"       # goal, governance, facts (see the README)

# Your links: https hosts, the app's deep-link scheme and routes ({{id}} = one path segment).
# A context file's own app_domains / deep_link_scheme / routes win over these.
app_domains = ["acme.com"]
deep_link_scheme = "acme://"
routes = ["orders/{{id}}", "settings"]

# Length assumed for a merge-tag variable not declared below (GR002 warns about it).
# default-length = 20

# The channel of a file whose name does not say it (x.sms.txt) and that has no front matter.
[{prefix}channels]
# "templates/sms/**" = "sms"

# Rules to skip for some files (globs; a name without "/" matches anywhere).
[{prefix}per-file-ignores]
# "legacy/**" = ["GR4"]

# Merge-tag variables: type text | url | number | date, max (and min) length in characters.
# Length limits are checked with every variable at max (worst case) and at min (best case).
[{prefix}variables]
first_name = {{ type = "text", max = 20 }}
order_id = {{ type = "number", max = 8 }}
order_url = {{ type = "url", max = 60 }}
delivery_date = {{ type = "date", max = 12 }}
"""

TEMPLATES: dict[str, str] = {
    "templates/welcome.email.html": """\
---
subject: Welcome aboard, {{ first_name }}
preheader: Your account is ready
---
BODY_HTML:
<p>Hi {{ first_name }},</p>
<p>Your account is ready. You can follow your first order here:
<a href="{{ order_url }}">your order</a>.</p>
<p>See you soon,<br>The team</p>
BODY_TEXT:
Hi {{ first_name }},

Your account is ready. You can follow your first order here: {{ order_url }}

See you soon,
The team
""",
    "templates/reminder.sms.txt": """\
{# Labelled fields, as an LLM would write them; the file name gives the channel. #}
SMS: Hi {{ first_name }}, order {{ order_id }} arrives {{ delivery_date }}. Track it: \
{{ order_url }} Reply STOP to opt out.
""",
    "templates/shipped.push.txt": """\
+++
title = "Order {{ order_id }} is on its way"
buttons = [{ label = "Track order", url = "acme://orders/{{ order_id }}" }]
+++
Hi {{ first_name }}, it arrives {{ delivery_date }}.
""",
    "templates/update.slack.md": """\
---
channel: slack
---
Hi {{ first_name }}, order *{{ order_id }}* ships {{ delivery_date }}. \
{% if order_url %}Details: <{{ order_url }}|order page>{% endif %}
""",
    "templates/feature.in_app.json": """\
{
  "channel": "in_app",
  "title": "Saved carts are here",
  "body": "{{ first_name }}, save a cart today and order it later in one tap.",
  "buttons": [{"label": "Try it", "url": "acme://settings"}]
}
""",
}


def starter_config(pyproject: bool) -> str:
    """The commented starter block: ``[tool.guardrails]`` tables, or guardrails.toml's top level."""
    if pyproject:
        return STARTER.format(head="[tool.guardrails]\n", prefix="tool.guardrails.")
    return STARTER.format(head="", prefix="")


def run_init(directory: Path) -> int:
    """Write the starter config and templates under ``directory``; exit code 0 (2 on refusal)."""
    if not directory.is_dir():
        raise ConfigurationError(f"{directory}: no such directory")
    pyproject = directory / "pyproject.toml"
    own = directory / "guardrails.toml"
    if own.exists():
        raise ConfigurationError(f"{own}: already exists; guardrails init never overwrites a "
                                 "file")
    text = ""
    if pyproject.is_file():
        try:
            text = pyproject.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigurationError(f"{pyproject}: cannot read: {exc}") from None
        if "[tool.guardrails" in text:
            raise ConfigurationError(f"{pyproject}: already has a [tool.guardrails] table; "
                                     "guardrails init changed nothing")
    for name in TEMPLATES:
        if (directory / name).exists():
            raise ConfigurationError(f"{directory / name}: already exists; guardrails init "
                                     "never overwrites a file")
    written: list[str] = []
    if pyproject.is_file():
        gap = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        with pyproject.open("a", encoding="utf-8") as handle:
            handle.write(gap + starter_config(True))
        written.append(f"appended a [tool.guardrails] block to {pyproject}")
    else:
        own.write_text(starter_config(False), encoding="utf-8")
        written.append(f"wrote {own}")
    for name, body in TEMPLATES.items():
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:  # "x": never clobber, even racing
            handle.write(body)
        written.append(f"wrote {target}")
    for line in written:
        print(line)
    print(f"next: guardrails check {directory / 'templates'}")
    return 0
