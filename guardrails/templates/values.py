"""Which stand-in each placeholder gets, decided once per file from declarations and links.

A placeholder that cannot be given an honest value stays in the text as written, so the URL
rule GR502 reports it ("Placeholder link"): an undeclared variable inside a link, and a
non-url variable that forms a link's start or host.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from guardrails.templates.placeholders import Token
from guardrails.templates.render import Mode
from guardrails.templates.variables import Position, Variable, shortest, stand_in

__all__ = ["Policy", "link_position"]

_LINKISH = re.compile(r"(?:url|link|href|uri)$", re.IGNORECASE)
_ALWAYS_LOCAL = frozenset({"this", "@index", "@key", "@first", "@last", "loop", "forloop"})


def link_position(url: str, at: int) -> Position:
    """Where offset ``at`` of ``url`` is: its start (scheme), host, or path/query."""
    scheme_end = url.find("://")
    if at == 0 or (scheme_end != -1 and at < scheme_end):
        return "start"
    if url[:4].lower() == "www.":
        host_start = 0
    elif scheme_end == -1:
        return "path"
    else:
        host_start = scheme_end + 3
    host = re.split(r"[/?#]", url[host_start:], maxsplit=1)[0]
    return "host" if host_start <= at < host_start + len(host) else "path"


def _root(name: str) -> str:
    return name.split(".")[0].split("[")[0]


@dataclass(slots=True)
class Choice:
    """What one output token is: its variable (if any) and why it stays literal (if it does)."""

    variable: Variable | None
    keep: str | None = None
    undeclared: bool = False


class Policy:
    """The stand-in values of one file for the worst, best and all-branches renderings."""

    def __init__(self, variables: Mapping[str, Variable], default_length: int, domain: str,
                 locals_: Iterable[str], positions: Mapping[int, Position]) -> None:
        self.variables = variables
        self.default_length = default_length
        self.domain = domain
        self.locals = frozenset(locals_) | _ALWAYS_LOCAL
        self.positions = positions
        self._choices: dict[int, Choice] = {}

    def position(self, tok: Token) -> Position:
        return self.positions.get(id(tok), "text")

    def choice(self, tok: Token) -> Choice:
        """Declared or not, and whether ``tok`` must stay literal (reported by GR502)."""
        found = self._choices.get(id(tok))
        if found is not None:
            return found
        choice = self._decide(tok)
        self._choices[id(tok)] = choice
        return choice

    def _decide(self, tok: Token) -> Choice:
        name = tok.name
        if name is None:
            return Choice(None)
        where = self.position(tok)
        var = self.variables.get(name) or self.variables.get(re.sub(r"\[[^\]]*\]", "", name))
        if var is not None:
            if var.type != "url" and where in ("start", "host"):
                part = "start" if where == "start" else "host"
                return Choice(var, keep=f"{name!r} is a {var.type} variable at the link's "
                                        f"{part} (declare it with type = \"url\")")
            return Choice(var)
        if _root(name) in self.locals:
            return Choice(Variable(name))
        if where != "text" or (tok.style != "brace" and _LINKISH.search(name)):
            return Choice(None, keep=f"undeclared variable {name!r} (declare it with "
                                     "type = \"url\")")
        return Choice(Variable(name), undeclared=True)

    def value(self, tok: Token, mode: Mode) -> str | None:
        """The stand-in for ``tok`` in ``mode``; None keeps the placeholder as written."""
        choice = self.choice(tok)
        if choice.keep is not None:
            return None
        truncate = next((f.arg for f in tok.filters if f.name in ("truncate", "truncatechars")
                         and f.arg and f.arg.isdigit()), None)
        default = next((f.arg for f in tok.filters if f.name in ("default", "d")), None)
        if choice.variable is None:
            if tok.literal is not None:
                text = tok.literal
            else:  # an expression we do not evaluate: a text of the default length
                text = stand_in(Variable("expr"), self.default_length if mode != "best" else 0,
                                "text", self.domain)
        else:
            var = choice.variable
            n = var.longest(self.default_length) if mode != "best" else shortest(var)
            if truncate is not None:
                n = min(n, int(truncate))
            text = stand_in(var, n, self.position(tok), self.domain)
        if truncate is not None:
            text = text[:int(truncate)]
        if default is not None and len(default) != len(text):
            if (len(default) > len(text)) == (mode != "best"):  # worst: longer; best: shorter
                text = default
        return text.replace("\n", " ")

    def assumed(self, tok: Token) -> int | None:
        """The longest length assumed for ``tok``'s variable (for the worst-case message)."""
        choice = self.choice(tok)
        if choice.variable is None or choice.keep is not None:
            return None
        return choice.variable.longest(self.default_length)
