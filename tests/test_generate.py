"""``generate()`` end to end against a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import asyncio
import json
import runpy
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from guardrails.context import Context, Governance
from guardrails.errors import ConfigurationError
from guardrails.personize import (
    APIConnectionError,
    AsyncPersonize,
    GenerationResult,
    Personize,
    ServerError,
)
from guardrails.profiles import profile

KEY = "sk_live_8dLq2Vw9ZsX4cTn7RbY1mKe5HfGa"
GOAL = "Tell Ana her order ships today"
GOOD = "SMS: Hi Ana, your order 1234 ships today. Reply STOP to opt out."
INVENTED = "SMS: Hi Ana, your order 5678 ships today, guaranteed!"
FALLBACK = {"text": "Your order ships today. Reply STOP to opt out."}
GUIDELINES = "/api/v1/ai/smart-guidelines"
DIGEST = "/api/v1/smart-memory-digest"
PROMPT = "/api/v1/prompt"
FAST: dict[str, Any] = {"timeout": 0.5, "max_retries": 2, "poll_interval": 0.01,
                        "poll_timeout": 2.0, "backoff_base": 0.01, "backoff_cap": 0.05}
CONTEXT = Context(goal=GOAL, facts=("Order 1234 ships today.",),
                  governance=Governance(required_disclaimer="Reply STOP to opt out.",
                                        forbidden_terms=("ShipFast",)))


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture
def client(httpserver: HTTPServer) -> Iterator[Personize]:
    with Personize(KEY, httpserver.url_for(""), **FAST) as c:
        yield c


def ok(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data}


def reply(text: str, evaluation: Any = None) -> Response:
    data: dict[str, Any] = {"text": text, "outputs": {}, "metadata": {"model": "pz-pro-1"}}
    if evaluation is not None:
        data["evaluation"] = evaluation
    return Response(json.dumps(ok(data)), content_type="application/json")


def sequence(*responses: Response) -> Callable[[Request], Response]:
    queue = list(responses)

    def handler(request: Request) -> Response:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def serve_sources(httpserver: HTTPServer, guidelines: str = "- Always end SMS with: Reply STOP "
                  "to opt out.\n- Never mention ShipFast.") -> None:
    httpserver.expect_request(GUIDELINES, method="POST").respond_with_json(
        ok({"compiledContext": guidelines, "selection": [{"name": "sms-compliance"}]}))
    httpserver.expect_request(DIGEST, method="POST").respond_with_json(ok({
        "compiledContext": "## ana@example.com\n- First name: Ana\n- Last order: 1234",
        "properties": {"first_name": "Ana", "last_order": "1234"}, "memories": []}))


def prompt_bodies(httpserver: HTTPServer) -> list[dict[str, Any]]:
    return [req.get_json() for req, _ in httpserver.log if req.path == PROMPT]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# -- success ----------------------------------------------------------------------------------


def test_success_is_sendable_with_score_and_timings(client: Personize,
                                                     httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(
        reply(GOOD, {"finalScore": 0.91, "explanation": "grounded, one segment"}))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT,
                             fallback=FALLBACK)
    assert result.sendable, result.error
    assert result.fields == {"text": GOOD.removeprefix("SMS: ")}
    assert (result.attempts, result.error, result.raw_text) == (1, None, GOOD)
    assert result.evaluation_score == pytest.approx(0.91) and not result.review_flags
    assert result.report is not None and result.report.ok
    assert {"guidelines", "digest", "prompt_1", "check_1", "total"} <= set(result.timings)
    body = prompt_bodies(httpserver)[0]
    assert body["evaluate"] is True and body["tier"] == "pro" and body["sessionId"]
    assert [s["maxSteps"] for s in body["instructions"]] == [3, 2, 3]
    assert "Never mention ShipFast" in body["context"] and "Last order: 1234" in body["context"]
    assert "No invented claims" in body["evaluationCriteria"]
    digest = next(req.get_json() for req, _ in httpserver.log if req.path == DIGEST)
    assert digest["email"] == "ana@example.com"


def test_channel_rules_come_from_the_channel_profile(client: Personize,
                                                     httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(
        reply("TITLE: Order 1234 ships today\nBODY: It leaves the warehouse this afternoon."))
    result = client.generate("push", "Tell Ana order 1234 ships today",
                             context={"facts": ["Order 1234 ships today."]})
    assert result.sendable, result.error
    step3 = prompt_bodies(httpserver)[0]["instructions"][2]["prompt"]
    push = profile("push")
    for limit in push.limits:
        assert f"at most {limit.max} " in step3
    assert push.buttons is not None
    assert f"labels of {push.buttons.min_words}–{push.buttons.max_words} words" in step3
    assert "TITLE:" in step3 and "BODY:" in step3


@pytest.mark.parametrize(("evaluation", "score", "flagged"), [
    (None, None, False),
    ({"finalScore": 0.93}, 0.93, False),
    ({"finalScore": 6.2, "criteriaScores": [{"name": "format", "score": 6, "maxScore": 10}]},
     0.62, True),
])
def test_evaluation_missing_0_1_and_0_10(client: Personize, httpserver: HTTPServer,
                                         evaluation: Any, score: float | None,
                                         flagged: bool) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(reply(GOOD, evaluation))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT)
    assert result.sendable  # a low score asks for review, it never blocks
    assert result.evaluation_score == (pytest.approx(score) if score is not None else None)
    assert ("evaluation" in {f.category for f in result.review_flags}) is flagged
    assert result.needs_review is flagged


def test_data_as_a_string_from_an_older_deployment(client: Personize,
                                                   httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_json(ok(GOOD))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT)
    assert result.sendable and result.evaluation_score is None


def test_empty_governance_is_a_review_flag(client: Personize, httpserver: HTTPServer) -> None:
    serve_sources(httpserver, guidelines="")
    httpserver.expect_request(PROMPT).respond_with_response(reply(
        "SMS: Hi Ana, your order 1234 ships today."))
    result = client.generate("sms", GOAL, email="ana@example.com",
                             context={"facts": ["Order 1234 ships today."]})
    assert result.sendable
    assert "governance" in {f.category for f in result.review_flags}
    assert result.annotated().startswith("⚠️ REVIEW SUGGESTED")


# -- fixes, re-ask, fallback ------------------------------------------------------------------


def test_safe_fixes_apply_before_any_re_ask(client: Personize, httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    # The em dash and curly apostrophe force UCS-2: two segments. Transliteration fixes it.
    httpserver.expect_request(PROMPT).respond_with_response(reply(
        "SMS: Hi Ana, your order 1234 ships today — we’re on it. Reply STOP to opt out."))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT)
    assert result.sendable and result.attempts == 1
    assert result.fields["text"] == ("Hi Ana, your order 1234 ships today - we're on it. "
                                     "Reply STOP to opt out.")
    assert result.fixes and len(prompt_bodies(httpserver)) == 1


def test_violations_are_fixed_on_the_re_ask(client: Personize, httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_handler(
        sequence(reply(INVENTED, {"finalScore": 0.55}), reply(GOOD, {"finalScore": 0.9})))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT,
                             fallback=FALLBACK)
    assert result.sendable and result.attempts == 2
    assert result.fields == {"text": GOOD.removeprefix("SMS: ")}
    assert result.evaluation_score == pytest.approx(0.9) and not result.review_flags
    first, second = prompt_bodies(httpserver)
    reask = second["instructions"]
    assert len(reask) == 1 and second["sessionId"] == first["sessionId"]
    for rule in ("GR201", "GR204", "GR803"):  # invented figure, promise, missing disclaimer
        assert rule in reask[0]["prompt"]
    assert "GR110" not in reask[0]["prompt"] and INVENTED in reask[0]["prompt"]


def test_still_failing_falls_back(client: Personize, httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(reply(
        "SMS: Hi Ana, order 5678 ships today - 100% guaranteed, unlike ShipFast!"))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT,
                             fallback=FALLBACK)
    assert not result.sendable and result.attempts == 2
    assert result.fields == FALLBACK
    assert result.report is not None and not result.report.ok
    assert result.error is not None and "GR801" in result.error and "MUST" in result.error
    assert result.record_sent(client) is False  # nothing generated was sent


def test_max_attempts_one_never_re_asks(client: Personize, httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(reply(INVENTED))
    result = client.generate("sms", GOAL, context=CONTEXT, max_attempts=1)
    assert not result.sendable and result.fields == {} and len(prompt_bodies(httpserver)) == 1


# -- outages ----------------------------------------------------------------------------------


def test_outage_returns_the_fallback_within_the_budget() -> None:
    started = time.monotonic()
    with Personize(KEY, f"http://127.0.0.1:{closed_port()}", timeout=0.3, max_retries=10,
                   backoff_base=0.05, backoff_cap=0.2, deadline=0.8) as client:
        result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT,
                                 fallback=FALLBACK)
    assert time.monotonic() - started < 0.8 + 0.4  # the deadline, plus scheduling slack
    assert not result.sendable and result.fields == FALLBACK and result.report is None
    assert result.error is not None and result.error.startswith("APIConnectionError")


def test_outage_raises_only_when_asked(httpserver: HTTPServer) -> None:
    httpserver.expect_request(GUIDELINES).respond_with_json({"success": False}, status=503)
    started = time.monotonic()
    with Personize(KEY, httpserver.url_for(""), timeout=0.3, max_retries=20,
                   backoff_base=0.05, backoff_cap=0.1, deadline=0.5) as client:
        result = client.generate("sms", GOAL, context=CONTEXT, fallback=FALLBACK)
        assert not result.sendable and result.fields == FALLBACK
        with pytest.raises(ServerError):
            client.generate("sms", GOAL, context=CONTEXT, raise_on_error=True)
    assert time.monotonic() - started < 1.4


def test_bad_arguments_raise_even_without_raise_on_error(client: Personize) -> None:
    with pytest.raises(ConfigurationError, match="unknown channel"):
        client.generate("fax", GOAL)
    with pytest.raises(ConfigurationError, match="goal"):
        client.generate("sms", " ")


# -- record_sent ------------------------------------------------------------------------------


def test_record_sent_memorizes_the_generated_message(client: Personize,
                                                     httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_response(reply(GOOD))
    httpserver.expect_request("/api/v1/memorize").respond_with_json(ok({"stored": True}))
    result = client.generate("sms", GOAL, email="ana@example.com", context=CONTEXT)
    assert result.record_sent(client, tags=["welcome"]) is True
    body = next(req.get_json() for req, _ in httpserver.log if req.path == "/api/v1/memorize")
    assert body["content"].startswith(f"[GENERATED] {GOAL} via sms")
    assert GOOD in body["content"] and body["email"] == "ana@example.com"
    assert body["tags"] == ["generated", "guardrails", "channel:sms", "welcome"]


# -- async ------------------------------------------------------------------------------------


def test_async_generate_re_asks_and_records(httpserver: HTTPServer) -> None:
    serve_sources(httpserver)
    httpserver.expect_request(PROMPT).respond_with_handler(
        sequence(reply(INVENTED), reply(GOOD, {"finalScore": 9.1})))
    httpserver.expect_request("/api/v1/memorize").respond_with_json(ok({"stored": True}))

    async def main() -> tuple[GenerationResult, bool]:
        async with AsyncPersonize(KEY, httpserver.url_for(""), **FAST) as client:
            result = await client.generate("sms", GOAL, email="ana@example.com",
                                           context=CONTEXT)
            return result, await result.record_sent(client)

    result, recorded = asyncio.run(main())
    assert result.sendable and result.attempts == 2 and recorded
    assert result.evaluation_score == pytest.approx(0.91)


def test_async_outage_falls_back_or_raises() -> None:
    async def main(raise_on_error: bool) -> GenerationResult:
        async with AsyncPersonize(KEY, f"http://127.0.0.1:{closed_port()}", timeout=0.3,
                                  max_retries=5, backoff_base=0.02, deadline=0.5) as client:
            return await client.generate("sms", GOAL, email="ana@example.com",
                                         fallback=FALLBACK, raise_on_error=raise_on_error)

    started = time.monotonic()
    result = asyncio.run(main(False))
    assert not result.sendable and result.fields == FALLBACK
    with pytest.raises(APIConnectionError):
        asyncio.run(main(True))
    assert time.monotonic() - started < 1.5


# -- the README example -----------------------------------------------------------------------


def _example() -> SimpleNamespace:
    path = Path(__file__).resolve().parents[1] / "docs" / "generate_example.py"
    return SimpleNamespace(**runpy.run_path(str(path), run_name="generate_example"))


def test_readme_example_sends_generated_or_template(httpserver: HTTPServer,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    example = _example()
    user = example.User(name="Ana", email="ana@example.com")
    serve_sources(httpserver, guidelines="- Sign off as: The Roomly team")
    httpserver.expect_request(PROMPT).respond_with_response(reply(
        "SUBJECT: Welcome to Roomly, Ana\n"
        "BODY_HTML: <p>Hi Ana,</p><p>Your workspace is ready.</p><p>The Roomly team</p>\n"
        "BODY_TEXT: Hi Ana,\n\nYour workspace is ready.\n\nThe Roomly team"))
    httpserver.expect_request("/api/v1/memorize").respond_with_json(ok({"stored": True}))
    with Personize(KEY, httpserver.url_for(""), **FAST) as client:
        example.send_welcome_email(user, client=client)
    assert "Welcome to Roomly, Ana" in capsys.readouterr().out
    with Personize(KEY, f"http://127.0.0.1:{closed_port()}", **FAST) as down:
        example.send_welcome_email(user, client=down)
    assert example.welcome_template(user)["subject"] in capsys.readouterr().out
