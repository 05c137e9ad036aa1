"""The closed set of check kinds. A rule names one; its params are validated by the kind's model.

Adding behaviour means writing data (a rule in a pack), not code, unless no kind fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guardrails.engine.base import GroupRunner, Params, Runner
from guardrails.engine.checks import (
    fields,
    format,
    governance,
    grounded,
    length,
    patterns,
    personal,
    review,
    urls,
)

__all__ = ["KINDS", "Kind"]


@dataclass(frozen=True)
class Kind:
    """A check kind: its params model, a factory compiling params into a runner, and (for
    kinds whose rules share a loop) one fusing neighbouring rules' runners into one pass."""

    name: str
    params: type[Params]
    compile: Callable[[Params], Runner]
    summary: str
    group: Callable[[Sequence[Runner]], GroupRunner] | None = None


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("max_length", length.MaxLengthParams, length.compile_max_length,
             "length of a field in chars, graphemes, words, bytes or SMS segments"),
        Kind("forbidden", patterns.PatternParams, patterns.compile_forbidden,
             "terms or regexes that must not appear"),
        Kind("required", patterns.PatternParams, patterns.compile_required,
             "terms or regexes that must appear"),
        Kind("format", format.FormatParams, format.compile_format,
             "markup allowed by the channel's format"),
        Kind("fields_present", fields.FieldsParams, fields.compile_fields_present,
             "fields that must exist"),
        Kind("urls", urls.UrlParams, urls.compile_urls,
             "https, placeholders, syntax, hosts and deep-link routes", urls.group_urls),
        Kind("grounded", grounded.GroundedParams, grounded.compile_grounded,
             "claims supported by the context's facts", grounded.group_grounded),
        Kind("personal_details", personal.PersonalParams, personal.compile_personal,
             "personal-life details the goal does not call for"),
        Kind("governance", governance.GovernanceParams, governance.compile_governance,
             "forbidden terms, banned phrases, disclaimer and sign-off from governance"),
        Kind("flag", review.FlagParams, review.compile_flag,
             "topics that need human review (raises review flags, not violations)",
             review.group_flags),
        Kind("review_claim", review.ReviewClaimParams, review.compile_review_claim,
             "output claims no review is needed while the content is sensitive"),
    )
}
