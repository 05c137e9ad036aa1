"""Wrap an existing ``send_welcome_email()`` with ``generate()``.

Personize writes the email, guardrails check it (re-asking once), and the old template goes
out whenever Personize is down, slow, or the draft still breaks a MUST rule.

    PERSONIZE_SECRET_KEY=sk_live_... python docs/generate_example.py ana@example.com Ana

Without a key it sends the template, exactly as before.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from guardrails.errors import ConfigurationError
from guardrails.personize import Personize


@dataclass
class User:
    name: str
    email: str


def welcome_template(user: User) -> dict[str, str | None]:
    """The template you send today: the fallback."""
    return {"subject": f"Welcome to Roomly, {user.name}",
            "body_html": f"<p>Hi {user.name},</p><p>Your Roomly workspace is ready.</p>",
            "body_text": f"Hi {user.name},\n\nYour Roomly workspace is ready."}


def deliver(to: str, fields: dict[str, str | None]) -> None:
    """Your email provider call (SendGrid, SES, ...); here it prints."""
    print(f"To: {to}\nSubject: {fields.get('subject')}\n\n{fields.get('body_text') or ''}\n")


def send_welcome_email(user: User, client: Personize | None = None) -> None:
    fallback = welcome_template(user)
    if client is None:  # no Personize configured: the old behaviour
        deliver(user.email, fallback)
        return
    result = client.generate(
        "email", f"Welcome {user.name} to Roomly and point them to their new workspace",
        email=user.email, context={"facts": ["The Roomly workspace is ready."]},
        fallback=fallback)  # never raises on an outage: fields are the fallback then
    deliver(user.email, result.fields)
    if result.sendable:
        result.record_sent(client)  # "[GENERATED] … via email" in the contact's memory


def main(argv: list[str]) -> int:
    user = User(email=argv[1] if len(argv) > 1 else "ana@example.com",
                name=argv[2] if len(argv) > 2 else "Ana")
    try:
        client = Personize(deadline=20.0)  # the whole generate() gets 20 s, retries included
    except ConfigurationError:  # PERSONIZE_SECRET_KEY not set
        send_welcome_email(user)
        return 0
    with client:
        send_welcome_email(user, client)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
