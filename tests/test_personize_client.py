"""The Personize client against a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from guardrails.errors import ConfigurationError, GuardrailsError
from guardrails.personize import (
    APIConnectionError,
    AsyncPersonize,
    AuthenticationError,
    GenerationFailedError,
    MalformedResponseError,
    Personize,
    PersonizeError,
    PersonizeTimeout,
    RateLimiter,
    RateLimitError,
    ServerError,
    ValidationError,
)
from guardrails.personize._base import mask_key
from guardrails.personize._responses import map_transport_error, parse_retry_after

KEY = "sk_live_4f9Qz7TtW2mXc8LbR1vN6yHa3KeU"
SMS = "SMS: Hi Ana, your order 1234 ships today. Reply STOP to opt out."
PROMPT = "/api/v1/prompt"
FAST: dict[str, Any] = {"timeout": 0.5, "max_retries": 3, "poll_interval": 0.01,
                        "poll_timeout": 2.0, "backoff_base": 0.01, "backoff_cap": 0.05}


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture
def client(httpserver: HTTPServer) -> Iterator[Personize]:
    with Personize(KEY, httpserver.url_for(""), **FAST) as c:
        yield c


def ok(data: Any, status: int = 200) -> dict[str, Any]:
    return {"success": True, "data": data}


def prompt_data(text: str = SMS, evaluation: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = {"text": text, "outputs": {}, "metadata": {"model": "pz-pro-1"}}
    if evaluation is not None:
        data["evaluation"] = evaluation
    return data


def sequence(*responses: Response) -> Callable[[Request], Response]:
    """A handler answering each request with the next response (the last one repeats)."""
    queue = list(responses)

    def handler(request: Request) -> Response:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers,
                    content_type="application/json")


def requests_to(httpserver: HTTPServer, path: str) -> list[Request]:
    return [req for req, _ in httpserver.log if req.path == path]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# -- construction -----------------------------------------------------------------------------


def test_missing_key_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERSONIZE_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="PERSONIZE_SECRET_KEY"):
        Personize()


def test_key_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                               httpserver: HTTPServer) -> None:
    monkeypatch.setenv("PERSONIZE_SECRET_KEY", KEY)
    monkeypatch.setenv("PERSONIZE_BASE_URL", httpserver.url_for("/"))
    httpserver.expect_request("/api/v1/me", headers={"Authorization": f"Bearer {KEY}"}) \
        .respond_with_json(ok({"plan": {"name": "Pro", "limits": {
            "maxApiCallsPerMinute": 60, "maxApiCallsPerMonth": 100000}}}))
    with Personize(**FAST) as client:
        account = client.me()
    assert (account.plan, account.max_api_calls_per_minute, account.max_api_calls_per_month) \
        == ("Pro", 60, 100000)


@pytest.mark.parametrize("kwargs", [{"timeout": 0}, {"max_retries": -1}, {"deadline": 0},
                                    {"base_url": "agent.personize.ai"}])
def test_bad_settings_are_configuration_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        Personize(KEY, **kwargs)


# -- success paths ----------------------------------------------------------------------------


def test_prompt_success_sends_the_documented_body(client: Personize,
                                                   httpserver: HTTPServer) -> None:
    evaluation = {"finalScore": 0.91, "criteriaScores": [
        {"name": "format", "score": 0.95, "maxScore": 1, "reason": "plain SMS"}],
        "explanation": "fits one segment"}
    httpserver.expect_request(PROMPT, method="POST").respond_with_json(
        ok(prompt_data(evaluation=evaluation)))
    result = client.prompt(context="## Goal\nTell Ana her order ships",
                           instructions=[{"prompt": "Write the SMS", "maxSteps": 3}],
                           evaluate=True, evaluation_criteria="1. Format", outputs=["sms"],
                           tier="pro", session_id="s-1")
    assert result.text == SMS
    assert result.evaluation is not None and result.evaluation.score == pytest.approx(0.91)
    assert result.evaluation.criteria_scores[0].reason == "plain SMS"
    body = requests_to(httpserver, PROMPT)[0].get_json()
    assert body == {"context": "## Goal\nTell Ana her order ships",
                    "instructions": [{"prompt": "Write the SMS", "maxSteps": 3}],
                    "evaluate": True, "evaluationCriteria": "1. Format",
                    "outputs": [{"name": "sms"}], "tier": "pro", "sessionId": "s-1"}


def test_prompt_202_polls_the_event_until_completed(client: Personize,
                                                    httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT, method="POST").respond_with_json(
        ok({"eventId": "evt_42", "status": "queued"}), status=202)
    httpserver.expect_request("/api/v1/events/evt_42", method="GET").respond_with_handler(
        sequence(json_response(ok({"status": "running"})),
                 json_response(ok({"status": "running"})),
                 json_response(ok({"status": "completed",
                                   "responsePayload": ok(prompt_data())}))))
    result = client.prompt("Write the SMS", evaluate=True)
    assert (result.text, result.event_id, result.status) == (SMS, "evt_42", "completed")
    assert len(requests_to(httpserver, "/api/v1/events/evt_42")) == 3


def test_a_failed_event_raises_generation_failed(client: Personize,
                                                 httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(ok({"eventId": "evt_7"}), status=202)
    httpserver.expect_request("/api/v1/events/evt_7").respond_with_json(
        ok({"status": "failed_stale", "error": "worker lost"}))
    with pytest.raises(GenerationFailedError, match="failed_stale: worker lost") as info:
        client.prompt("Write the SMS")
    assert info.value.event_id == "evt_7"


def test_polling_gives_up_after_poll_timeout(httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(ok({"eventId": "evt_9"}), status=202)
    httpserver.expect_request("/api/v1/events/evt_9").respond_with_json(ok({"status": "running"}))
    started = time.monotonic()
    with Personize(KEY, httpserver.url_for(""), poll_interval=0.05, poll_timeout=0.3) as client, \
            pytest.raises(PersonizeTimeout, match="did not finish"):
        client.prompt("Write the SMS")
    assert time.monotonic() - started < 1.5


def test_data_as_a_string_is_the_text(client: Personize, httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(ok(SMS))
    result = client.prompt("Write the SMS")
    assert result.text == SMS and result.evaluation is None


@pytest.mark.parametrize(("evaluation", "score"), [
    (None, None),
    ({"finalScore": 0.91}, 0.91),
    ({"finalScore": 7.5, "criteriaScores": [{"name": "format", "score": 8, "maxScore": 10}]}, 0.75),
    ({"finalScore": 62}, 0.62),
    ({"criteriaScores": [{"name": "a", "score": 4, "maxScore": 5},
                         {"name": "b", "score": 5, "maxScore": 5}]}, 0.9),
])
def test_evaluation_is_normalized_to_0_1(client: Personize, httpserver: HTTPServer,
                                         evaluation: Any, score: float | None) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(ok(prompt_data(evaluation=evaluation)))
    result = client.prompt("Write the SMS", evaluate=True)
    got = result.evaluation.score if result.evaluation else None
    assert got == (pytest.approx(score) if score is not None else None)


def test_guidelines_digest_and_memorize_bodies(client: Personize, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v1/ai/smart-guidelines", json={
        "message": "SMS order update", "mode": "fast", "tags": ["sms"]}).respond_with_json(
        ok({"compiledContext": "- End with: Reply STOP to opt out.", "selection": [{"id": "g1"}]}))
    httpserver.expect_request("/api/v1/smart-memory-digest", json={
        "email": "ana@example.com", "token_budget": 500, "include_properties": True,
        "include_memories": True, "type": "Contact"}).respond_with_json(
        ok({"compiledContext": "Ana, order 1234", "properties": {"first_name": "Ana"},
            "memories": [{"text": "asked about delivery"}]}))
    httpserver.expect_request("/api/v1/memorize", json={
        "content": "[GENERATED] x via sms", "email": "ana@example.com", "tags": ["generated"]}) \
        .respond_with_json(ok({"memoryId": "m1"}))
    guidelines = client.smart_guidelines("SMS order update", tags=["sms"])
    assert guidelines.selection == [{"id": "g1"}] and not guidelines.empty
    digest = client.smart_digest(email="ana@example.com", type="Contact", token_budget=500)
    assert digest.properties == {"first_name": "Ana"} and digest.memories
    assert client.memorize("[GENERATED] x via sms", email="ana@example.com",
                           tags=["generated"]) == {"memoryId": "m1"}
    with pytest.raises(ConfigurationError, match="email="):
        client.smart_digest()


# -- errors -----------------------------------------------------------------------------------


def test_401_is_an_authentication_error_and_not_retried(client: Personize,
                                                        httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(
        {"success": False, "error": "Invalid API key"}, status=401)
    with pytest.raises(AuthenticationError, match="PERSONIZE_SECRET_KEY") as info:
        client.prompt("Write the SMS")
    assert info.value.status_code == 401 and isinstance(info.value, GuardrailsError)
    assert len(requests_to(httpserver, PROMPT)) == 1


def test_400_carries_the_details(client: Personize, httpserver: HTTPServer) -> None:
    details = [{"path": "instructions[0].maxSteps", "message": "must be <= 10"}]
    httpserver.expect_request(PROMPT).respond_with_json(
        {"success": False, "error": "Validation failed", "details": details}, status=400)
    with pytest.raises(ValidationError, match="maxSteps") as info:
        client.prompt(instructions=[{"prompt": "x", "maxSteps": 99}])
    assert info.value.details == details
    assert len(requests_to(httpserver, PROMPT)) == 1


def test_429_waits_retry_after_seconds_from_the_body(client: Personize,
                                                     httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_handler(sequence(
        json_response({"success": False, "error": "Too many requests",
                       "retryAfterSeconds": 0.3}, 429, {"Retry-After": "30"}),
        json_response(ok(prompt_data()))))
    started = time.monotonic()
    assert client.prompt("Write the SMS").text == SMS
    assert 0.3 <= time.monotonic() - started < 2  # the body's 0.3 s, not the header's 30 s
    assert len(requests_to(httpserver, PROMPT)) == 2


def test_429_honours_the_retry_after_header(client: Personize, httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_handler(sequence(
        json_response({"success": False, "error": "Too many requests"}, 429, {"Retry-After": "1"}),
        json_response(ok(prompt_data()))))
    started = time.monotonic()
    assert client.prompt("Write the SMS").text == SMS
    assert 1.0 <= time.monotonic() - started < 3


def test_429_past_the_deadline_fails_fast_with_retry_after(httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json(
        {"success": False, "error": "Too many requests", "retryAfterSeconds": 20}, status=429)
    with Personize(KEY, httpserver.url_for(""), deadline=2.0) as client, \
            pytest.raises(RateLimitError) as info:
        client.prompt("Write the SMS")
    assert info.value.retry_after == 20


def test_500_twice_then_success(client: Personize, httpserver: HTTPServer) -> None:
    failure = json_response({"success": False, "error": "Internal error"}, 500)
    httpserver.expect_request(PROMPT).respond_with_handler(
        sequence(failure, failure, json_response(ok(prompt_data()))))
    assert client.prompt("Write the SMS").text == SMS
    assert len(requests_to(httpserver, PROMPT)) == 3


def test_5xx_gives_up_after_max_retries(client: Personize, httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_data("<html>Bad gateway</html>", status=502,
                                                        content_type="text/html")
    with pytest.raises(ServerError) as info:
        client.prompt("Write the SMS")
    assert info.value.status_code == 502
    assert len(requests_to(httpserver, PROMPT)) == 1 + client.max_retries


def test_connection_refused_is_a_connection_error() -> None:
    started = time.monotonic()
    with Personize(KEY, f"http://127.0.0.1:{closed_port()}", **FAST) as client, \
            pytest.raises(APIConnectionError, match="could not reach Personize") as info:
        client.me()
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert time.monotonic() - started < 2


def test_a_response_slower_than_the_timeout(httpserver: HTTPServer) -> None:
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(2.0)  # far longer than the client's 0.2 s timeout
        return json_response(ok(prompt_data()))

    httpserver.expect_request(PROMPT).respond_with_handler(slow)
    started = time.monotonic()
    with Personize(KEY, httpserver.url_for(""), timeout=0.2, backoff_base=0.01) as client, \
            pytest.raises(PersonizeTimeout, match="did not answer in time") as info:
        client.prompt("Write the SMS")
    elapsed = time.monotonic() - started
    release.set()
    while not httpserver.log and time.monotonic() - started < 3:  # let the handler finish
        time.sleep(0.01)
    assert elapsed < 0.55  # a sent POST is not resent after a read timeout
    assert isinstance(info.value, TimeoutError)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


def test_malformed_json_is_a_malformed_response(client: Personize,
                                                httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_data('{"success": true, "data": {"text": ',
                                                        content_type="application/json")
    with pytest.raises(MalformedResponseError, match="not JSON"):
        client.prompt("Write the SMS")
    assert len(requests_to(httpserver, PROMPT)) == 1


def test_success_false_with_200_is_an_error(client: Personize, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v1/me").respond_with_json(
        {"success": False, "message": "organization suspended"})
    with pytest.raises(PersonizeError, match="organization suspended"):
        client.me()


def test_deadline_bounds_retries_across_a_whole_call(httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_json({"success": False}, status=503)
    started = time.monotonic()
    with Personize(KEY, httpserver.url_for(""), max_retries=50, backoff_base=0.1,
                   backoff_cap=0.2, deadline=0.6) as client, pytest.raises(ServerError):
        client.prompt("Write the SMS")
    assert time.monotonic() - started < 0.9


def _httpx_errors() -> list[type[httpx.HTTPError]]:
    found: list[type[httpx.HTTPError]] = []
    todo: list[type[httpx.HTTPError]] = [httpx.RequestError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _httpx_errors(), ids=lambda c: c.__name__)
def test_every_httpx_request_error_maps_to_a_personize_error(cls: type[httpx.HTTPError]) -> None:
    error = map_transport_error(cls("boom"), "POST", PROMPT)
    assert isinstance(error, PersonizeError) and type(error) is not PersonizeError
    assert isinstance(error, PersonizeTimeout) == issubclass(cls, httpx.TimeoutException)


# -- the key never leaks ----------------------------------------------------------------------


def test_the_key_never_appears_in_logs_errors_or_reprs(httpserver: HTTPServer,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    def echo(request: Request) -> Response:  # a careless server echoing the Authorization header
        auth = request.headers["Authorization"]
        return json_response({"success": False, "error": f"bad token {auth}",
                              "details": {"auth": auth}}, 401)

    httpserver.expect_request("/api/v1/me").respond_with_handler(echo)
    httpserver.expect_request(PROMPT).respond_with_json({"success": False}, status=500)
    texts: list[str] = []
    with Personize(KEY, httpserver.url_for(""), **FAST) as client:
        texts += [repr(client), str(client), repr(client._http), repr(client._auth)]
        for call in (client.me, lambda: client.prompt("x")):
            with pytest.raises(PersonizeError) as info:
                call()
            texts += [str(info.value), repr(info.value), json.dumps(
                getattr(info.value, "body", None)), repr(info.value.__cause__)]
    with Personize(KEY, f"http://127.0.0.1:{closed_port()}", **FAST) as client:
        result = client.generate("sms", "Tell Ana her order ships today",
                                 email="ana@example.com")
        texts += [repr(result), str(result.error)]
    assert caplog.records, "DEBUG logging should have captured the client's requests"
    texts += [r.getMessage() for r in caplog.records] + [caplog.text]
    assert mask_key(KEY) in repr(client)
    leaks = [t for t in texts if KEY in t]
    assert not leaks


# -- client-side rate limit -------------------------------------------------------------------


def test_limit_rate_reads_the_plan_and_holds_calls(client: Personize,
                                                   httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v1/me").respond_with_json(
        ok({"plan": {"limits": {"maxApiCallsPerMinute": 600}}}))
    limiter = client.limit_rate(window=0.1)  # 600/min spread evenly: one call per 0.1 s
    assert limiter is not None and (limiter.per_minute, limiter.calls) == (600, 1)
    started = time.monotonic()
    for _ in range(4):
        client.me()
    assert time.monotonic() - started >= 0.28


# -- async ------------------------------------------------------------------------------------


def test_async_prompt_polls_and_retries(httpserver: HTTPServer) -> None:
    httpserver.expect_request(PROMPT).respond_with_handler(sequence(
        json_response({"success": False, "error": "busy", "retryAfterSeconds": 0.05}, 429),
        json_response(ok({"eventId": "evt_a"}), 202)))
    httpserver.expect_request("/api/v1/events/evt_a").respond_with_handler(sequence(
        json_response(ok({"status": "running"})),
        json_response(ok({"status": "partial_completed", "responsePayload": prompt_data(
            evaluation={"finalScore": 8.8})}))))

    async def main() -> tuple[str, float | None, str | None]:
        async with AsyncPersonize(KEY, httpserver.url_for(""), **FAST) as client:
            result = await client.prompt("Write the SMS", evaluate=True)
        score = result.evaluation.score if result.evaluation else None
        return result.text, score, result.status

    text, score, status = asyncio.run(main())
    assert (text, status) == (SMS, "partial_completed") and score == pytest.approx(0.88)


def test_async_errors_are_typed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v1/me").respond_with_json({"error": "nope"}, status=401)

    async def main() -> None:
        async with AsyncPersonize(KEY, httpserver.url_for(""), **FAST) as client:
            await client.me()

    with pytest.raises(AuthenticationError):
        asyncio.run(main())


# -- pure pieces ------------------------------------------------------------------------------


def test_rate_limiter_never_exceeds_its_window() -> None:
    now = [0.0]
    limiter = RateLimiter(3, window=60.0, clock=lambda: now[0])
    waits = [limiter.reserve()[1] for _ in range(7)]
    assert waits == [0, 0, 0, 60, 60, 60, 120]
    assert limiter == RateLimiter(3) and "per_minute=3" in repr(limiter)
    with pytest.raises(ConfigurationError):
        RateLimiter(0)


def test_retry_after_header_forms() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_package_exports_are_sorted_and_httpx_stays_lazy() -> None:
    import guardrails.personize as pkg

    assert pkg.__all__ == sorted(pkg.__all__, key=lambda n: (not n.isupper(), n))
    assert all(hasattr(pkg, name) for name in pkg.__all__)
    code = "import sys, guardrails; guardrails.check; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
