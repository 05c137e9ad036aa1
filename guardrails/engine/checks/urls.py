"""``urls``: one link problem per rule: https, placeholder, syntax, host, deep-link scheme/route."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from guardrails.engine.base import GroupRunner, Hit, Params, Runner, RunState, parts_of
from guardrails.engine.urls import (
    SAFE_SCHEMES,
    WEB_SCHEMES,
    UrlFacts,
    classify,
    host_allowed,
    placeholder_tokens,
    route_matches,
    valid_url,
)
from guardrails.report import Fix

if TYPE_CHECKING:
    from guardrails.analyze import Link, Message
    from guardrails.context import Context

__all__ = ["UrlParams", "compile_urls", "group_urls"]


class UrlParams(Params):
    problem: Literal["https", "placeholder", "syntax", "host", "deep_link_scheme", "deep_link_route"]


def _base(field: str) -> str:
    return field.split(".")[0] if field.startswith("buttons[") else field


def _wanted(link: Link, fields: tuple[str, ...]) -> bool:
    base = _base(link.field)
    return base in fields or link.field in fields or (
        link.field.startswith("buttons[") and any(f.startswith("buttons[") for f in fields)
    ) or not fields


def _is_app_link(scheme: str, context: Context) -> bool:
    if not scheme or scheme in WEB_SCHEMES or scheme in SAFE_SCHEMES:
        return False
    return scheme not in ("javascript", "data", "vbscript", "file", "ftp")


class _Urls:
    """One compiled ``urls`` rule (one problem): a Runner, and a part of :func:`group_urls`."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def __call__(self, message: Message, context: Context, state: RunState,
                 fields: tuple[str, ...]) -> list[Hit]:
        return _run_urls((self,), message, context, fields)[0]


def _run_urls(rules: Sequence[_Urls], message: Message, context: Context,
              fields: tuple[str, ...]) -> list[list[Hit]]:
    """Each rule's hits, once per field and URL: every link is picked and classified once for
    all the rules."""
    out: list[list[Hit]] = [[] for _ in rules]
    seen: list[set[tuple[str, str]]] = [set() for _ in rules]
    wants: list[str] = []
    for k, rule in enumerate(rules):
        if rule.problem == "placeholder":
            for name in fields:
                if name.startswith("buttons["):
                    continue
                for token, offset in placeholder_tokens(message.fields[name].raw):
                    key = (name, token)
                    if key not in seen[k]:
                        seen[k].add(key)
                        out[k].append(Hit(name, detail=repr(token), evidence=token, offset=offset))
        wants.append((context.deep_link_scheme or "").lower().removesuffix("://").rstrip(
            ":/") if rule.problem in _DEEP_LINK_PROBLEMS else "")
    for link in message.links:
        if not _wanted(link, fields):
            continue
        facts = classify(link.url)
        key = (link.field, link.url)
        for k, rule in enumerate(rules):
            if key in seen[k]:
                continue
            hit = _check(rule.problem, link, facts, context, wants[k])
            if hit is not None:
                seen[k].add(key)
                out[k].append(hit)
    return out


def compile_urls(params: Params) -> Runner:
    assert isinstance(params, UrlParams)
    return _Urls(params.problem)


def group_urls(runners: Sequence[Runner]) -> GroupRunner:
    """URL rules that follow each other in a pack, on the same fields, in one pass."""
    rules = parts_of(runners, _Urls)

    def run(message: Message, context: Context, state: RunState,
            fields: tuple[str, ...]) -> list[list[Hit]]:
        return _run_urls(rules, message, context, fields)

    return run


_DEEP_LINK_PROBLEMS = frozenset({"deep_link_scheme", "deep_link_route"})


def _check(problem: str, link: Link, facts: UrlFacts, context: Context,
           scheme_want: str) -> Hit | None:
    url, scheme = facts.url, facts.scheme
    ev = url[:200]
    if problem == "placeholder":
        if facts.placeholder:
            return Hit(link.field, detail=f"{url[:80]!r} ({facts.placeholder})", evidence=ev)
        return None
    if facts.placeholder:
        return None  # reported once, by the placeholder rule
    app = _is_app_link(scheme, context)
    if problem == "https":
        if scheme == "http":
            fix = None
            if context.app_domains and host_allowed(facts.host, context.app_domains):
                fix = Fix(field=_base(link.field) if not link.field.endswith(".url") else link.field,
                          find=url, replace="https://" + url[len("http://"):],
                          description=f"rewrote {url} to https")
            return Hit(link.field, detail=f"{url[:80]!r} uses http", evidence=ev, fix=fix)
        if not scheme:
            return Hit(link.field, detail=f"{url[:80]!r} has no https:// scheme", evidence=ev)
        if scheme in ("javascript", "data", "vbscript", "file", "ftp"):
            return Hit(link.field, detail=f"{url[:80]!r} uses {scheme}:", evidence=ev)
        return None
    if problem == "syntax":
        if scheme != "https":
            return None
        if not valid_url(url):
            return Hit(link.field, detail=f"{url[:80]!r} is not a valid URL", evidence=ev)
        return None
    if problem == "host":
        if scheme in WEB_SCHEMES and context.app_domains and facts.host:
            if not host_allowed(facts.host, context.app_domains):
                return Hit(link.field, detail=f"{facts.host!r} is not one of app_domains",
                           evidence=ev)
        return None
    if not app:
        return None
    if problem == "deep_link_scheme":
        if not scheme_want:
            return Hit(link.field, detail=f"{url[:80]!r} is an app link but the context has no "
                       "deep_link_scheme", evidence=ev)
        if scheme != scheme_want:
            return Hit(link.field, detail=f"{url[:80]!r} uses {scheme}:// not {scheme_want}://",
                       evidence=ev)
        if url[len(scheme):len(scheme) + 3] != "://":
            return Hit(link.field, detail=f"{url[:80]!r} is not written {scheme_want}://...",
                       evidence=ev)
        return None
    if problem == "deep_link_route":
        if scheme == scheme_want and context.routes and not route_matches(facts.path,
                                                                           context.routes):
            return Hit(link.field, detail=f"{url[:80]!r} matches no route "
                       f"({', '.join(context.routes[:6])})", evidence=ev)
    return None
