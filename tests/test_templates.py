"""Templates with merge tags: tokenizing, worst/best-case lengths, links, syntax, file formats.

Library-level: ``load_template`` + ``check_template`` with the public ``Checker``. The command
line (config files, suppressions, exit codes) is in test_config.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardrails.api import Checker
from guardrails.report import Report
from guardrails.templates import TemplateSettings, Variable, check_template, load_template
from guardrails.templates.blocks import build
from guardrails.templates.placeholders import tokenize
from guardrails.templates.render import render
from guardrails.templates.rules import TEMPLATE_RULES

CHECKER = Checker()
STOP = " Reply STOP to opt out."


def check(text: str, channel: str, *, suffix: str = ".txt", variables: Sequence[Variable] = (),
          context: dict[str, Any] | None = None, default_length: int = 20) -> Report:
    from guardrails.api import to_context

    template = load_template(text, suffix)
    options = TemplateSettings(variables={v.name: v for v in variables},
                               default_length=default_length)
    return check_template(template, channel, CHECKER, to_context(context), options)


def found(report: Report) -> list[tuple[str, int | None, str]]:
    return [(v.rule, v.line, v.message) for v in report.violations]


def rules(report: Report) -> list[str]:
    return [v.rule for v in report.violations]


# ---------------------------------------------------------------------------- tokenizer


def test_every_placeholder_syntax_is_recognized() -> None:
    text = ("Hi {{ first_name }}, {{name|upper}} {{ city | default('there') | truncate(12) }} "
            "{first} {{{raw_html}}} {% if vip %}x{% endif %} {# note #} {{#if a}}b{{/if}}")
    tokens, problems = tokenize(text)
    assert problems == []
    outputs = [(t.name, [(f.name, f.arg) for f in t.filters], t.style)
               for t in tokens if t.kind == "output"]
    assert outputs == [
        ("first_name", [], "jinja"), ("name", [("upper", None)], "jinja"),
        ("city", [("default", "there"), ("truncate", "12")], "jinja"),
        ("first", [], "brace"), ("raw_html", [], "jinja"),
    ]
    assert [(t.kind, t.name) for t in tokens if t.kind != "output"] == [
        ("tag", "if"), ("tag", "endif"), ("comment", None), ("tag", "if"), ("tag", "endif"),
    ]


def test_literals_locals_and_plain_braces() -> None:
    tokens, _ = tokenize('{{ "Hi" }} {% for item in items %}{{ item.name }}{% endfor %} '
                         'p { color: red } {a b} {{ 42 }}')
    outputs = [(t.name, t.literal) for t in tokens if t.kind == "output"]
    assert outputs == [(None, "Hi"), ("item.name", None), (None, "42")]
    assert [t.local for t in tokens if t.name == "for"] == ["item"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("SMS: Hi {{ first_name,\nsee you", 1, "unclosed '{{' (no matching '}}')"),
        ("SMS: Hi\n\nthere {{ name", 3, "unclosed '{{' (no matching '}}')"),
        ("SMS: Hi {% if vip\n", 1, "unclosed '{%' (no matching '%}')"),
        ("SMS: Hi\n{# note\n", 2, "unclosed '{#' comment (no matching '#}')"),
        ("{% if vip %}\nSMS: Hi\n", 1, "'{% if %}' is never closed (expected '{% endif %}')"),
        ("SMS: Hi\n{% endif %}\n", 2, "'{% endif %}' without an open '{% if %}'"),
        ("SMS:\n{% for x in y %}{% endif %}{% endfor %}", 2,
         "'{% endif %}' without an open '{% if %}'"),
        ("SMS: {{#if vip}}Hi\n", 1, "'{{#if}}' is never closed (expected '{{/if}}')"),
        ("SMS: Hi\n{% else %}", 2,
         "'{% else %}' outside a block it belongs to ({% if %}, {% unless %}, {% case %}, "
         "{% for %}, {% tablerow %}, {% each %})"),
        ("SMS: Hi {{ }}", 1, "empty placeholder '{{ }}'"),
    ],
)
def test_template_syntax_errors_are_violations_with_lines(text: str, line: int,
                                                          message: str) -> None:
    report = check(text, "sms")
    assert ("GR001", line, f"Template syntax: {message}") in found(report)
    assert not report.ok


def test_an_unclosed_block_still_checks_the_rest() -> None:
    report = check("{% if vip %}\nSMS: Go to http://acme.com/x now.\n", "sms")
    assert [(v.rule, v.line) for v in report.violations] == [
        ("GR107", None), ("GR001", 1), ("GR501", 2)]
    assert report.violations[0].message == ("Message has no text in the best case: every "
                                            "variable at its minimum length")


# ---------------------------------------------------------------------------- worst / best case

NAME_40 = Variable("first_name", type="text", max=40)
ORDER = Variable("order_id", type="number", max=10)


def test_worst_case_length_names_the_case_and_the_variables() -> None:
    literal = "Hi , your order  is ready for pickup at the Riverside shop on Main Street." + STOP
    text = "SMS: Hi {{ first_name }}, your order {{ order_id }} is ready for pickup at the " \
           "Riverside shop on Main Street." + STOP
    report = check(text, "sms", variables=[Variable("first_name", type="text", max=60), ORDER])
    worst = len(literal) + 60 + 10
    assert worst > 160 > len(literal) + 0 + 1
    assert found(report) == [
        ("GR402", 1, f"SMS is {worst} characters (limit 160) in the worst case: every variable "
                     "at its maximum length (first_name 60, order_id 10)"),
        ("GR403", 1, "SMS needs 2 segments (limit 1) in the worst case: every variable at its "
                     "maximum length (first_name 60, order_id 10)"),
    ]


def test_too_long_even_in_the_best_case() -> None:
    filler = "Your order is ready for pickup at the Riverside shop on Main Street, open " \
             "every weekday from nine in the morning until six in the evening."
    text = f"SMS: Hi {{{{ first_name }}}}, {filler}{STOP}"
    best = len(f"Hi , {filler}{STOP}")
    assert best > 160
    report = check(text, "sms", variables=[NAME_40])
    assert (f"SMS is {best} characters (limit 160) even in the best case: every variable at "
            "its minimum length") in [m for _, _, m in found(report)]


def test_declared_lengths_decide() -> None:
    text = "SMS: Hi {{ first_name }}, your order is ready for pickup at the Riverside shop." \
           + STOP
    assert check(text, "sms", variables=[NAME_40]).violations == []
    assert rules(check(text, "sms", variables=[Variable("first_name", type="text", max=80)])) == \
        ["GR402", "GR403"]


def test_undeclared_variable_gets_the_default_length_and_a_warning() -> None:
    text = "SMS: Hi {{ first_name }}, your order is ready for pickup at the Riverside shop." \
           + STOP
    report = check(text, "sms")
    assert found(report) == [("GR002", 1, "Undeclared variable: 'first_name' is not in "
                                          "[tool.guardrails.variables]; assumed 20 characters")]
    assert report.ok  # a warning
    longer = check(text, "sms", default_length=80)
    assert rules(longer) == ["GR002", "GR402", "GR403"]
    assert "assumed 80 characters" in longer.violations[0].message


def test_best_case_only_violation_a_button_that_can_shrink() -> None:
    text = "TITLE: Hi\nBODY: Hello there.\nBUTTON: Open {{ thing }} | https://acme.com/x\n"
    report = check(text, "push", variables=[Variable("thing", type="text", max=19)])
    assert found(report) == [("GR132", 3, "Button label is 1 words (minimum 2) in the best "
                                          "case: every variable at its minimum length")]


def test_worst_case_picks_the_longest_branch_and_best_case_the_shortest() -> None:
    long_branch = " ".join(["word"] * 30)
    text = f"SMS: Hi.{{% if vip %}} {long_branch}{{% else %}} short{{% endif %}}{STOP}"
    messages = [m for _, _, m in found(check(text, "sms"))]
    assert messages[0].endswith("in the worst case: every variable at its maximum length, "
                                "longest branch of each block")
    optional = f"SMS: Hi.{{% if vip %}} {long_branch} {long_branch}{{% endif %}}{STOP}"
    assert "in the worst case" in found(check(optional, "sms"))[0][2]  # best: the if is empty


def test_truncate_and_default_filters_bound_the_value() -> None:
    base = "SMS: Hi {{ first_name | truncate(10) }}, your order is ready at the Riverside shop."
    assert check(base + STOP, "sms", variables=[Variable("first_name", type="text", max=500)]).ok
    text = "SMS: Hi {{ first_name | default('" + "x" * 150 + "') }}, ready." + STOP
    assert rules(check(text, "sms", variables=[Variable("first_name", type="text", max=5)])) == \
        ["GR402", "GR403"]


def test_number_and_date_values_are_not_invented_figures() -> None:
    text = "SMS: Order {{ order_id }} arrives {{ day }}." + STOP
    report = check(text, "sms", variables=[ORDER, Variable("day", type="date", max=20)])
    assert report.violations == []
    literal = check("SMS: Order {{ order_id }} arrives with 40% off." + STOP, "sms",
                    variables=[ORDER])
    assert rules(literal) == ["GR201"]
    assert "{{order_id}}" in literal.violations[0].message  # quotes the template, not a stand-in


def test_lines_point_into_the_template() -> None:
    text = ("SUBJECT: Hi {{ first_name }}\nBODY_HTML:\n<p>Hi {{ first_name }},</p>\n"
            "{% if vip %}\n<p>VIP <a href=\"https://acme.com\">offer</a></p>\n{% endif %}\n"
            "BODY_TEXT:\nHi {{ first_name }},\nsee http://acme.com/x\n")
    report = check(text, "email", variables=[NAME_40])
    assert [(v.rule, v.line) for v in report.violations] == [("GR501", 8)]


# ---------------------------------------------------------------------------- links


def test_url_variable_in_href_is_accepted() -> None:
    text = ('SUBJECT: Your order\nBODY_HTML: <p>Track it <a href="{{ order_url }}">here</a>.'
            '</p>\nBODY_TEXT: Track it: {{ order_url }}\n')
    report = check(text, "email", variables=[Variable("order_url", type="url", max=80)],
                   context={"app_domains": ["acme.com"]})
    assert report.violations == []


def test_url_variable_in_a_button_and_a_deep_link_path() -> None:
    text = ("TITLE: Order {{ order_id }}\nBODY: It ships today.\n"
            "BUTTON: Track order | acme://orders/{{ order_id }}\n"
            "BUTTON: Open receipt | {{ receipt_url }}\n")
    context = {"deep_link_scheme": "acme://", "routes": ["orders/{id}"],
               "app_domains": ["acme.com"]}
    report = check(text, "push", variables=[ORDER, Variable("receipt_url", type="url", max=50)],
                   context=context)
    assert report.violations == []


def test_undeclared_placeholder_in_a_link_is_a_placeholder_link() -> None:
    report = check("SMS: Go to https://{{domain}}/x now." + STOP, "sms")
    assert found(report) == [
        ("GR502", 1, "Placeholder link: 'https://{{domain}}/x' (placeholder text '{{'), "
                     "undeclared variable 'domain' (declare it with type = \"url\")"),
    ]


def test_undeclared_placeholder_in_an_href_points_at_its_line() -> None:
    text = ('SUBJECT: Hi\nBODY_HTML:\n<p>Hi,</p>\n<p><a href="{{ cta }}">Go</a></p>\n'
            "BODY_TEXT: Go\n")
    assert [(v.rule, v.line) for v in check(text, "email").violations] == [("GR502", 4)]


def test_text_variable_as_a_link_host_is_reported() -> None:
    report = check("SMS: Go to https://{{ domain }}/x now." + STOP, "sms",
                   variables=[Variable("domain", type="text", max=20)])
    assert [m for _, _, m in found(report)] == [
        "Placeholder link: 'https://{{domain}}/x' (placeholder text '{{'), 'domain' is a text "
        "variable at the link's host (declare it with type = \"url\")"]


def test_literal_placeholder_link_still_fails() -> None:
    report = check("SMS: Hi {{ first_name }}, read https://example.com/offer today." + STOP,
                   "sms", variables=[NAME_40])
    assert rules(report) == ["GR502"]
    assert "example.com" in report.violations[0].message


def test_url_variable_host_must_be_allowed_when_written_literally() -> None:
    report = check("SMS: See https://bit.ly/{{ code }} now." + STOP, "sms",
                   variables=[Variable("code", type="text", max=8)], context={"app_domains": ["acme.com"]})
    assert rules(report) == ["GR504"]


# ---------------------------------------------------------------------------- file formats


def test_yaml_front_matter_sets_fields_and_lines() -> None:
    text = ("---\nchannel: email\nsubject: Welcome {{ first_name }}, your account is ready and "
            "waiting for you to explore\ncontext: ctx.json\n---\nBODY_HTML: <p>Hi</p>\n"
            "BODY_TEXT: Hi\n")
    template = load_template(text, ".md")
    assert (template.channel, template.context) == ("email", "ctx.json")
    report = check(text, "email", variables=[NAME_40])
    assert [(v.rule, v.line) for v in report.violations] == [("GR401", 3)]
    assert report.fields["subject"] == ("Welcome {{ first_name }}, your account is ready and "
                                        "waiting for you to explore")


def test_toml_front_matter_with_buttons() -> None:
    text = ('+++\ntitle = "Order {{ order_id }} shipped"\n'
            'buttons = [{ label = "Track order", url = "http://acme.com/o" }]\n+++\nIt ships.\n')
    report = check(text, "push", variables=[ORDER])
    assert [(v.rule, v.line, v.field) for v in report.violations] == [
        ("GR501", 3, "buttons[0].url")]
    assert report.fields == {"title": "Order {{ order_id }} shipped", "body": "It ships.",
                             "buttons[0].label": "Track order",
                             "buttons[0].url": "http://acme.com/o"}


def test_yaml_block_list_buttons() -> None:
    text = ("---\ntitle: Hi\nbuttons:\n  - Track order | https://acme.com/o\n"
            "  - label: View receipt\n    url: http://acme.com/r\n---\nIt ships.\n")
    report = check(text, "push")
    assert [(v.rule, v.line, v.field) for v in report.violations] == [
        ("GR501", 5, "buttons[1].url")]


def test_front_matter_body_without_labels_is_the_main_field_verbatim() -> None:
    report = check("---\nchannel: sms\n---\nHi {{ first_name }}.\nNote: bring your ID.\n",
                   "sms", variables=[NAME_40])
    assert report.fields == {"text": "Hi {{ first_name }}.\nNote: bring your ID."}
    assert report.violations == []


def test_unknown_front_matter_key_is_a_warning() -> None:
    report = check("---\nsubjct: Hi\n---\nBODY_HTML: <p>Hi</p>\nBODY_TEXT: Hi\n", "email")
    assert ("GR004", 2, "Unknown key: 'subjct' is not a field of email (expected channel, "
                        "context, subject, preheader, body_html, body_text)") in found(report)
    assert "GR301" in rules(report)  # and the email has no subject


def test_front_matter_that_is_never_closed() -> None:
    report = check("---\nchannel: sms\nSMS: Hi\n", "sms")
    assert ("GR001", 1, "Template syntax: front matter opened with '---' is never closed "
                        "(expected a '---' line)") in found(report)


def test_json_template_file() -> None:
    text = ('{"channel": "sms",\n "text": "Hi {{ first_name }}, see http://acme.com/x\\n'
            'today"}\n')
    template = load_template(text, ".json")
    assert (template.kind, template.channel) == ("structured", "sms")
    report = check(text, "sms", suffix=".json", variables=[NAME_40])
    assert [(v.rule, v.line) for v in report.violations] == [("GR501", 2)]


def test_json_without_template_features_stays_an_llm_output() -> None:
    assert load_template('{"sms": "Hi there"}', ".json").is_plain


def test_toml_template_file_with_a_multiline_value() -> None:
    text = ('channel = "sms"\ntext = """\nHi {{ first_name }},\nsee http://acme.com/x\n"""\n'
            'bogus = 1\n')
    report = check(text, "sms", suffix=".toml", variables=[NAME_40])
    assert [(v.rule, v.line) for v in report.violations] == [("GR501", 3), ("GR004", 6)]


def test_invalid_toml_template_is_a_syntax_violation() -> None:
    report = check('channel = "sms"\ntext = "Hi\n', "sms", suffix=".toml")
    assert found(report) == [("GR001", 2, "Template syntax: not valid TOML: Illegal character "
                                          "'\\n'")]


def test_plain_files_are_plain() -> None:
    assert load_template("SMS: Your kit is ready. Reply STOP.\n", ".txt").is_plain
    assert not load_template("SMS: Hi {name}.\n", ".txt").is_plain
    assert not load_template("SMS: Hi. {# guardrails: ignore GR402 #}\n", ".txt").is_plain


# ---------------------------------------------------------------------------- rules registry


def test_template_rules_are_documented_and_do_not_clash() -> None:
    from guardrails.engine.pack import builtin_pack

    builtin = {r.id for r in builtin_pack().rules}
    for rule in TEMPLATE_RULES:
        assert rule.id not in builtin and rule.id.startswith("GR0")
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert section in rule.explain, (rule.id, section)


# ---------------------------------------------------------------------------- properties

FRAGMENTS = st.sampled_from([
    "{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "x", " ", "\n", "|", "'", '"', "-", "#",
    "{{ a }}", "{{b|upper}}", "{c}", "{% if a %}", "{% elif b %}", "{% else %}", "{% endif %}",
    "{% for i in xs %}", "{% endfor %}", "{{#if a}}", "{{/if}}", "{{else}}", "{% raw %}",
    "{% endraw %}", "{% case a %}", "{% when 1 %}", "{% endcase %}", "https://", "{{{h}}}",
])
TEMPLATES = st.one_of(st.text(), st.lists(FRAGMENTS, max_size=40).map("".join))


@given(TEMPLATES)
def test_tokenizer_never_raises(text: str) -> None:
    tokens, problems = tokenize(text)
    for tok in tokens:
        assert text[tok.start:tok.end] == tok.source
        assert tok.line == text.count("\n", 0, tok.start) + 1
    assert all(1 <= p.line <= text.count("\n") + 1 for p in problems)


@given(TEMPLATES, st.sampled_from(["worst", "best", "all"]))
def test_rendering_keeps_the_number_of_lines(text: str, mode: Any) -> None:
    tokens, _ = tokenize(text)
    nodes, _ = build(text, tokens)
    rendered = render(text, nodes, lambda tok: "value" if tok.name != "a" else None, mode)
    assert rendered.text.count("\n") == text.count("\n")


@settings(max_examples=40)
@given(st.lists(FRAGMENTS, max_size=25).map(lambda parts: "SMS: " + "".join(parts)))
def test_checking_any_template_never_raises(text: str) -> None:
    report = check(text, "sms")
    assert all(v.line is None or v.line >= 1 for v in report.violations)


def test_readme_python_example() -> None:
    text = "SMS: Hi {{ first_name }}, your order is ready." + STOP
    report = check_template(text, "sms", settings=TemplateSettings(variables={
        "first_name": Variable("first_name", type="text", max=20)}, default_length=20),
        context={"app_domains": ["acme.com"]})
    assert report.ok and report.violations == []
    assert report.fields == {"text": "Hi {{ first_name }}, your order is ready." + STOP}
