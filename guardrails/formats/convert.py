"""``convert``: one entry point that detects the source format and renders a channel format."""

from __future__ import annotations

from typing import Any, Literal

import regex

from guardrails.errors import ConfigurationError

__all__ = ["convert_text", "detect_source"]

Source = Literal["markdown", "html", "text"]
_TARGETS = ("email", "text", "sms", "slack", "push", "in_app")
_HTML = regex.compile(
    r"<(?:p|br|div|span|a\s|b|strong|i|em|u|ul|ol|li|h[1-6]|table|tr|td|img|html|body|head|"
    r"blockquote|pre|code|hr|font|center|section|article|header|footer)\b[^<>]{0,500}/?>",
    regex.IGNORECASE,
)


def detect_source(text: str) -> Source:
    """``html`` when the text has HTML block/inline tags, ``markdown`` when it looks like markdown."""
    if "<" in text and _HTML.search(text):
        return "html"
    from guardrails.formats.markdown import looks_like_markdown

    return "markdown" if looks_like_markdown(text) else "text"


def _plain(text: str, source: Source) -> str:
    if source == "html":
        from guardrails.formats.email import html_to_text

        return html_to_text(text)
    if source == "markdown":
        from guardrails.formats.markdown import markdown_to_text

        return markdown_to_text(text)
    return text.strip()


def _check_options(to: str, options: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ConfigurationError(
            f"convert(to={to!r}) got unknown option(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(allowed) or 'none'}"
        )


def _positive(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{name} must be a positive integer, got {value!r}")
    return value


def convert_text(text: str, *, to: str, source: str | None = None, **options: Any) -> str:
    """Convert ``text`` to the format of channel ``to``; see :func:`guardrails.convert`."""
    target = to.strip().lower().replace("-", "_")
    if target not in _TARGETS:
        raise ConfigurationError(f"unknown target {to!r}; expected one of: {', '.join(_TARGETS)}")
    if source is not None and source not in ("markdown", "html", "text"):
        raise ConfigurationError(f"unknown source {source!r}; expected markdown, html or text")
    if not isinstance(text, str):
        raise ConfigurationError(f"convert() takes str, not {type(text).__name__}")
    src: Source = source if source is not None else detect_source(text)  # type: ignore[assignment]
    if target == "email":
        _check_options(target, options, ())
        from guardrails.formats.email import sanitize_html, text_to_html
        from guardrails.profiles import profile

        policy = profile("email").html
        assert policy is not None
        if src == "html":
            return sanitize_html(text, policy)
        if src == "markdown":
            from guardrails.formats.markdown import markdown_to_html

            return sanitize_html(markdown_to_html(text), policy)
        return sanitize_html(text_to_html(text), policy)
    if target == "text":
        _check_options(target, options, ())
        return _plain(text, src)
    if target == "sms":
        _check_options(target, options, ("segments",))
        from guardrails.formats.sms import fit_sms
        from guardrails.profiles import profile

        default = profile("sms").limit("text", "sms_segments")
        segments = _positive("segments", options.get("segments", default.max if default else 1))
        return fit_sms(_plain(text, src), segments)
    if target == "slack":
        _check_options(target, options, ())
        from guardrails.formats.slack import html_to_mrkdwn, markdown_to_mrkdwn

        return html_to_mrkdwn(text) if src == "html" else markdown_to_mrkdwn(text)
    _check_options(target, options, ("limit",))
    from guardrails.formats.text import normalize_space, truncate_graphemes
    from guardrails.profiles import profile

    lim = profile(target).limit("body", "graphemes")
    limit = _positive("limit", options.get("limit", lim.max if lim else 100))
    return truncate_graphemes(normalize_space(_plain(text, src)), limit)
