"""Throughput/latency harness for personize-guardrails; prints a table with targets.

    .venv/bin/python benchmarks/run.py            # full run: 10,000-item corpus
    .venv/bin/python benchmarks/run.py --quick    # smoke run: 1,000 items
    .venv/bin/python benchmarks/run.py --profile  # also cProfile check() for email and sms

Latency is ``time.perf_counter_ns`` around each call, after a warm-up pass; the rows give the
median and p99 in µs per message. Contexts are validated into ``guardrails.Context`` before
timing (one row also times the dict form). A failing call is counted and reported, never hidden.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import multiprocessing
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

CHANNELS = tuple(name for name, _ in corpus.CHANNEL_WEIGHTS)

# Targets from issue 3 (benchmark acceptance).
EMAIL_MEDIAN_US = 1_000.0
SHORT_MEDIAN_US = 100.0
BASELINE_RATIO = 6.0
BIG_EMAIL_MS = 25.0
COLD_START_MS = 300.0

SMS_FILE = ("SMS: Hi Ana, your Pantrio order 4512 ships today. Track it: "
            "https://shop.pantrio.com/orders/4512 Reply STOP to opt out.\n")


# ---------------------------------------------------------------------------------------------
# Bookkeeping


@dataclass
class Row:
    name: str
    n: int
    median_us: float | None
    p99_us: float | None
    target: str = ""
    ok: bool | None = None
    failures: int = 0
    cpu_median_us: float | None = None
    """Median thread CPU time per call (immune to other processes; check rows only)."""


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    metrics: list[tuple[str, str, str, bool | None]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def fail(self, where: str, exc: BaseException) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        frame = tb[-1] if tb else None
        loc = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
        self.failures.append(f"{where}: {type(exc).__name__}: {str(exc)[:300]}{loc}")


def pct(sorted_ns: Sequence[int], q: float) -> float:
    """Nearest-rank percentile of sorted nanoseconds, in µs."""
    if not sorted_ns:
        return float("nan")
    k = max(0, min(len(sorted_ns) - 1, math.ceil(q * len(sorted_ns)) - 1))
    return sorted_ns[k] / 1_000


def median_us(ns: Sequence[int]) -> float:
    return statistics.median(ns) / 1_000 if ns else float("nan")


def status(ok: bool | None) -> str:
    return "" if ok is None else ("PASS" if ok else "MISS")


def timed(res: Results, name: str, fn: Callable[..., Any], args: Sequence[tuple[Any, ...]],
          *, warmup: int = 200, target_us: float | None = None, target: str = "",
          cpu: bool = False) -> list[int]:
    """Time ``fn(*a)`` for every ``a`` (after a warm-up pass) and add a row; return the ns."""
    gc.collect()
    fails = 0
    first: BaseException | None = None
    for a in args[:warmup]:
        try:
            fn(*a)
        except Exception:  # reported below from the timed pass
            pass
    out: list[int] = []
    cpu_ns: list[int] = []
    pc = time.perf_counter_ns
    tt = time.thread_time_ns if cpu else _zero
    for a in args:
        try:
            c0 = tt()
            t0 = pc()
            fn(*a)
            out.append(pc() - t0)
            cpu_ns.append(tt() - c0)
        except Exception as exc:
            fails += 1
            if first is None:
                first = exc
    if first is not None:
        res.fail(f"{name} ({fails}/{len(args)} calls failed)", first)
    out.sort()
    med = median_us(out) if out else None
    row = Row(name, len(out), med, pct(out, 0.99) if out else None, target, None, fails,
              median_us(cpu_ns) if cpu and cpu_ns else None)
    if target_us is not None:
        row.target = target or f"median ≤ {target_us:g} µs"
        row.ok = med is not None and med <= target_us and fails == 0
    res.rows.append(row)
    return out


def _zero() -> int:
    return 0


def public(name: str) -> Callable[..., Any]:
    """``guardrails.<name>``; falls back to ``guardrails.api.<name>`` if shadowed (reported)."""
    import guardrails
    import guardrails.api

    value = getattr(guardrails, name)
    if not callable(value):
        _SHADOWED.add(name)
        _NOTES.append(f"guardrails.{name} is {value!r}, not a function (a submodule shadows the "
                      f"lazy export); benchmarked guardrails.api.{name} instead")
        value = getattr(guardrails.api, name)
    return value  # type: ignore[no-any-return]


_NOTES: list[str] = []
_SHADOWED: set[str] = set()


# ---------------------------------------------------------------------------------------------
# Sections


def bench_parse(res: Results, items: list[dict[str, Any]], warmup: int) -> None:
    parse = public("parse")
    args = [(it["raw"], it["channel"]) for it in items]
    timed(res, "parse(raw, channel)  [all channels]", parse, args, warmup=warmup)
    for ch in CHANNELS:
        sub = [a for a in args if a[1] == ch]
        timed(res, f"  parse {ch}", parse, sub, warmup=min(warmup, 50))


def bench_convert(res: Results, snips: dict[str, list[str]], sms_texts: list[str],
                  warmup: int) -> None:
    convert = public("convert")
    sms_info = public("sms_info")
    md = [(x,) for x in snips["markdown"]]
    html = [(x,) for x in snips["html"]]
    text = [(x,) for x in snips["text"]]
    cases: list[tuple[str, list[tuple[str]], dict[str, Any]]] = [
        ('convert(markdown, to="email")', md, {"to": "email"}),
        ('convert(html 2KB, to="text")', html, {"to": "text"}),
        ('convert(markdown, to="text")', md, {"to": "text"}),
        ('convert(markdown, to="sms")', md, {"to": "sms"}),
        ('convert(text, to="sms")', text, {"to": "sms"}),
        ('convert(markdown, to="slack")', md, {"to": "slack"}),
        ('convert(html 2KB, to="slack")', html, {"to": "slack"}),
        ('convert(text, to="push")', text, {"to": "push"}),
        ('convert(markdown, to="push")', md, {"to": "push"}),
    ]
    for name, args, kw in cases:
        try:
            timed(res, name, lambda x, kw=kw: convert(x, **kw), args, warmup=warmup)
        except Exception as exc:  # pragma: no cover - setup failure
            res.fail(name, exc)
    timed(res, "sms_info(sms text)", sms_info, [(t,) for t in sms_texts], warmup=warmup)


def build_contexts(res: Results, items: list[dict[str, Any]]) -> list[Any]:
    import guardrails

    ctxs: list[Any] = []
    bad = 0
    for it in items:
        try:
            ctxs.append(guardrails.Context.model_validate(it["context"]))
        except Exception as exc:
            if bad == 0:
                res.fail("Context.model_validate(corpus context)", exc)
            bad += 1
            ctxs.append(None)
    return ctxs


def bench_check(res: Results, items: list[dict[str, Any]], ctxs: list[Any],
                warmup: int) -> tuple[float, float]:
    """Per-channel check() latency with prebuilt Contexts; returns messages/s (wall, CPU)."""
    check = public("check")
    gc.collect()
    for it, ctx in zip(items[:warmup], ctxs[:warmup], strict=True):
        try:
            check(it["raw"], it["channel"], ctx)
        except Exception:
            pass
    per: dict[str, list[int]] = {ch: [] for ch in CHANNELS}
    per_cpu: dict[str, list[int]] = {ch: [] for ch in CHANNELS}
    fails: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    pc = time.perf_counter_ns
    tt = time.thread_time_ns
    cpu0 = time.process_time()
    start = pc()
    for it, ctx in zip(items, ctxs, strict=True):
        ch = it["channel"]
        try:
            c0 = tt()
            t0 = pc()
            check(it["raw"], ch, ctx)
            per[ch].append(pc() - t0)
            per_cpu[ch].append(tt() - c0)
        except Exception as exc:
            if fails[ch] == 0:
                res.fail(f"check {ch}", exc)
            fails[ch] += 1
    wall = (pc() - start) / 1e9
    cpu = time.process_time() - cpu0
    everything = sorted(x for v in per.values() for x in v)
    res.rows.append(Row("check(raw, ch, Context)  [all]", len(everything),
                        median_us(everything), pct(everything, 0.99),
                        failures=sum(fails.values()),
                        cpu_median_us=median_us([x for v in per_cpu.values() for x in v])))
    for ch in CHANNELS:
        ns = sorted(per[ch])
        limit = EMAIL_MEDIAN_US if ch == "email" else SHORT_MEDIAN_US
        med = median_us(ns) if ns else None
        ok = med is not None and med <= limit and fails[ch] == 0
        res.rows.append(Row(f"  check {ch}", len(ns), med, pct(ns, 0.99) if ns else None,
                            f"median ≤ {limit:g} µs", ok, fails[ch],
                            median_us(per_cpu[ch]) if per_cpu[ch] else None))
    done = len(everything)
    return (done / wall if wall > 0 else float("nan"), done / cpu if cpu > 0 else float("nan"))


def bench_check_dict(res: Results, items: list[dict[str, Any]], warmup: int) -> None:
    check = public("check")
    args = [(it["raw"], it["channel"], it["context"]) for it in items]
    timed(res, "check(raw, ch, dict)  [all, dict ctx]", check, args, warmup=warmup, cpu=True)


# --- two worker processes -------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _worker_init(n: int, seed: int) -> None:
    if "items" not in _STATE:  # spawn: build the state; fork: inherited from the parent
        import guardrails

        items = corpus.load(n, seed)
        _STATE["items"] = items
        _STATE["ctxs"] = [guardrails.Context.model_validate(it["context"]) for it in items]
    import guardrails.api

    _STATE["check"] = guardrails.api.check
    for it, ctx in list(zip(_STATE["items"], _STATE["ctxs"], strict=True))[:100]:
        try:
            _STATE["check"](it["raw"], it["channel"], ctx)
        except Exception:
            pass


def _worker_ready(delay: float) -> int:
    time.sleep(delay)
    return os.getpid()


def _worker_share(share: tuple[int, int]) -> tuple[int, int, int, float]:
    index, step = share
    cpu0 = time.process_time()
    check = _STATE["check"]
    done = fails = 0
    for it, ctx in zip(_STATE["items"][index::step], _STATE["ctxs"][index::step], strict=True):
        try:
            check(it["raw"], it["channel"], ctx)
            done += 1
        except Exception:
            fails += 1
    return done, fails, os.getpid(), time.process_time() - cpu0


def bench_pool(res: Results, items: list[dict[str, Any]], ctxs: list[Any], n: int, seed: int,
               workers: int = 2) -> tuple[float, float]:
    """Messages/s of ``workers`` processes, each checking an interleaved share: wall-clock,
    and CPU-bound (done / slowest worker's CPU seconds: the rate with a free core each)."""
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _STATE["items"], _STATE["ctxs"] = items, ctxs  # inherited by forked workers
    gc.collect()
    gc.freeze()  # forked workers share the corpus pages instead of copying them on first GC
    try:
        pool = mp.Pool(workers, initializer=_worker_init, initargs=(n, seed))
    finally:
        gc.unfreeze()
    with pool:
        pids = set(pool.map(_worker_ready, [0.5] * workers, chunksize=1))
        if len(pids) < workers:
            res.notes.append(f"pool warm-up reached {len(pids)} of {workers} workers")
        t0 = time.perf_counter()
        out = pool.map(_worker_share, [(i, workers) for i in range(workers)], chunksize=1)
        wall = time.perf_counter() - t0
    done = sum(o[0] for o in out)
    fails = sum(o[1] for o in out)
    if fails:
        res.failures.append(f"pool check: {fails} calls raised in workers")
    res.extra["pool_workers_used"] = len({o[2] for o in out})
    cpu = max(o[3] for o in out)
    return done / wall, (done / cpu if cpu > 0 else float("nan"))


# --- side by side with the raw libraries ----------------------------------------------------


def bench_baseline(res: Results, items: list[dict[str, Any]], ctxs: list[Any],
                   limit: int) -> None:
    import lxml.html
    import nh3

    import guardrails.api

    check = public("check")
    picked: list[tuple[str, str, Any]] = []
    for it, ctx in zip(items, ctxs, strict=True):
        if it["channel"] != "email" or ctx is None:
            continue
        try:
            body = guardrails.api.parse(it["raw"], "email").body_html or ""  # type: ignore[attr-defined]
        except Exception as exc:
            res.fail("parse for baseline", exc)
            return
        if 1_600 <= len(body.encode()) <= 2_600:
            picked.append((body, it["raw"], ctx))
        if len(picked) >= limit:
            break
    if not picked:
        res.failures.append("baseline: no ~2 KB email bodies found in the corpus")
        return

    def base(body: str) -> None:
        nh3.clean(body)
        lxml.html.fromstring(body)

    for body, raw, ctx in picked[:50]:  # warm-up both sides
        base(body)
        try:
            check(raw, "email", ctx)
        except Exception:
            pass
    gc.collect()
    pc = time.perf_counter_ns
    tt = time.thread_time_ns
    b_ns: list[int] = []
    c_ns: list[int] = []
    b_cpu: list[int] = []
    c_cpu: list[int] = []
    fails = 0
    for body, raw, ctx in picked:  # interleaved: same bodies, same moment
        c0 = tt()
        t0 = pc()
        base(body)
        b_ns.append(pc() - t0)
        b_cpu.append(tt() - c0)
        try:
            c0 = tt()
            t0 = pc()
            check(raw, "email", ctx)
            c_ns.append(pc() - t0)
            c_cpu.append(tt() - c0)
        except Exception as exc:
            if fails == 0:
                res.fail("baseline email check", exc)
            fails += 1
    b_ns.sort()
    c_ns.sort()
    b_med, c_med = median_us(b_ns), median_us(c_ns)
    size = statistics.median(len(p[0].encode()) for p in picked)
    b_cmed, c_cmed = median_us(b_cpu), median_us(c_cpu)
    res.rows.append(Row(f"nh3.clean + lxml.html.fromstring ({size / 1000:.1f} KB)", len(b_ns),
                        b_med, pct(b_ns, 0.99), cpu_median_us=b_cmed))
    res.rows.append(Row("check(email) same messages", len(c_ns), c_med, pct(c_ns, 0.99),
                        f"median ≤ {EMAIL_MEDIAN_US:g} µs", c_med <= EMAIL_MEDIAN_US and not fails,
                        fails, c_cmed))
    ratio = c_med / b_med if b_med else float("nan")
    cpu_ratio = c_cmed / b_cmed if b_cmed else float("nan")
    res.metrics.append(("email check / (nh3.clean + lxml parse), wall medians", f"{ratio:.1f}×",
                        f"≤ {BASELINE_RATIO:g}×", ratio <= BASELINE_RATIO))
    res.metrics.append(("  same, CPU-time medians", f"{cpu_ratio:.1f}×", "", None))
    res.extra["baseline"] = {"nh3_lxml_us": b_med, "check_us": c_med, "ratio": ratio,
                             "nh3_lxml_cpu_us": b_cmed, "check_cpu_us": c_cmed,
                             "cpu_ratio": cpu_ratio}


def bench_big_email(res: Results, runs: int) -> None:
    import guardrails

    check = public("check")
    item = corpus.big_email(50_000)
    ctx = guardrails.Context.model_validate(item["context"])
    size = len(item["raw"].encode())
    ns = timed(res, f"check(email {size / 1000:.0f} KB raw, 50 KB HTML)", check,
               [(item["raw"], "email", ctx)] * runs, warmup=2, cpu=True)
    if ns:
        ms = median_us(ns) / 1000
        res.rows[-1].target = f"median ≤ {BIG_EMAIL_MS:g} ms"
        res.rows[-1].ok = ms <= BIG_EMAIL_MS and res.rows[-1].failures == 0


# --- cold start -----------------------------------------------------------------------------


def _wall_ms(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return (time.perf_counter() - t0) * 1000, proc.returncode, proc.stdout + proc.stderr


def bench_cold_start(res: Results, runs: int) -> None:
    script = Path(sys.executable).parent / "guardrails"
    if not script.exists():
        res.failures.append(f"cold start: console script not found at {script}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.sms.txt"
        path.write_text(SMS_FILE, encoding="utf-8")
        cmd = [str(script), "check", str(path)]
        package = Path(__file__).resolve().parent.parent / "guardrails"
        uncached: list[float] = []
        if os.environ.get("PYTHONDONTWRITEBYTECODE") and not (package / "__pycache__").exists():
            # This shell forbids writing bytecode, so every run would compile our ~45 modules
            # from source. An installed package has its .pyc (pip compiles them at install):
            # time this case for reference, then let one run write the cache (reading .pyc
            # files is allowed under PYTHONDONTWRITEBYTECODE) and time the target case.
            _wall_ms(cmd)
            uncached = [_wall_ms(cmd)[0] for _ in range(runs)]
        writable = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        _, code, out = _wall_ms(cmd, writable)  # warm the page cache and the bytecode cache
        if code not in (0, 1):
            res.failures.append(f"cold start: `guardrails check one.sms.txt` exited {code}: "
                                f"{out.strip()[:300]}")
        walls = [_wall_ms(cmd)[0] for _ in range(runs)]
        bare = [_wall_ms([sys.executable, "-c", "pass"])[0] for _ in range(5)]
        env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    med = statistics.median(walls)
    res.metrics.append(("cold start `guardrails check one.sms.txt`", f"{med:.0f} ms",
                        f"≤ {COLD_START_MS:g} ms", med <= COLD_START_MS))
    res.metrics.append(("  (reference: `python -c pass`)", f"{statistics.median(bare):.0f} ms",
                        "", None))
    if uncached:
        res.metrics.append(("  (reference: no bytecode cache, PYTHONDONTWRITEBYTECODE=1)",
                            f"{statistics.median(uncached):.0f} ms", "", None))
    res.extra["cold_start_ms"] = {"median": med, "min": min(walls), "max": max(walls),
                                  "exit_code": code, "python_bare_ms": statistics.median(bare),
                                  "no_bytecode_cache_ms": statistics.median(uncached) if uncached
                                  else None}
    res.extra["importtime"] = _importtime(proc.stderr)


def _importtime(stderr: str) -> dict[str, Any]:
    rows: list[tuple[int, int, str]] = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line[len("import time:"):].split("|")
        if len(parts) != 3:
            continue
        try:
            rows.append((int(parts[0]), int(parts[1]), parts[2].rstrip()))
        except ValueError:
            continue
    top = sorted(rows, key=lambda r: r[1], reverse=True)[:10]
    top_self = sorted(rows, key=lambda r: r[0], reverse=True)[:5]
    names = {r[2].strip() for r in rows}
    heavy = [m for m in ("lxml", "lxml.html", "nh3", "pydantic", "regex", "validators",
                         "guardrails.analyze", "guardrails.engine.pack", "hypothesis", "httpx")
             if m in names]
    return {"total_self_us": sum(r[0] for r in rows), "modules": len(rows),
            "top_cumulative": [{"module": r[2], "self_us": r[0], "cumulative_us": r[1]}
                               for r in top],
            "top_self": [{"module": r[2].strip(), "self_us": r[0]} for r in top_self],
            "heavy_imported": heavy}


# --- profile --------------------------------------------------------------------------------


def profile_check(items: list[dict[str, Any]], ctxs: list[Any], channel: str, limit: int,
                  top: int = 15) -> str:
    check = public("check")
    pairs = [(it, c) for it, c in zip(items, ctxs, strict=True)
             if it["channel"] == channel and c is not None][:limit]
    for it, ctx in pairs[:20]:
        check(it["raw"], channel, ctx)
    prof = cProfile.Profile()
    prof.enable()
    for it, ctx in pairs:
        try:
            check(it["raw"], channel, ctx)
        except Exception:
            pass
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top // 2)
    return (f"--- cProfile: check() on {len(pairs)} {channel} messages "
            f"(by cumulative, then by own time) ---\n" + buf.getvalue())


def by_rule(items: list[dict[str, Any]], ctxs: list[Any], channel: str, limit: int,
            top: int = 12) -> str:
    """Mean µs per message of parse, shared analysis, and each rule of the default pack.

    Reaches into library internals (``guardrails.analyze.Message``, ``engine.run.run_pack``,
    ``RulePack.for_channel`` and ``plan``: a fused step is one entry); the shared views are
    computed before the rules run, so a rule is not charged for analysis that the first
    reader of a view would otherwise pay.
    """
    from guardrails.analyze import Message
    from guardrails.api import _default_checker
    from guardrails.api import parse as parse_fn
    from guardrails.engine.run import run_pack
    from guardrails.profiles import profile

    pack = _default_checker().pack
    rules = pack.for_channel(channel)
    totals: dict[str, int] = {}
    originals = [(rule, rule.runner) for rule in rules]
    pc = time.perf_counter_ns

    def wrap(rule_id: str, runner: Callable[..., Any]) -> Callable[..., Any]:
        def timed_runner(*a: Any) -> list[Any]:
            t0 = pc()
            try:
                return list(runner(*a))
            finally:
                totals[rule_id] = totals.get(rule_id, 0) + pc() - t0
        return timed_runner

    plan = pack.plan
    timed_groups: dict[tuple[Any, ...], Any] = {}

    def timed_plan(*args: Any) -> tuple[Any, ...]:
        """The pack's steps, a fused step's one pass timed as one entry."""
        steps = []
        for step in plan(*args):
            if step.group is not None:
                group = timed_groups.get(step.rules)
                if group is None:
                    ids = [rule.id for rule in step.rules]
                    group = timed_groups[step.rules] = wrap(
                        f"{ids[0]}-{ids[-1]} {step.rules[0].spec.check} (fused)", step.group)
                step = step._replace(group=group)
            steps.append(step)
        return tuple(steps)

    pairs = [(it, c) for it, c in zip(items, ctxs, strict=True)
             if it["channel"] == channel and c is not None][:limit]
    for rule, runner in originals:
        object.__setattr__(rule, "runner", wrap(f"{rule.id} {rule.spec.check}", runner))
    object.__setattr__(pack, "plan", timed_plan)
    try:
        for it, ctx in pairs[:20]:
            run_pack(Message(parse_fn(it["raw"], channel), profile(channel)), ctx, pack)
        totals.clear()
        for it, ctx in pairs:
            t0 = pc()
            draft = parse_fn(it["raw"], channel)
            t1 = pc()
            msg = Message(draft, profile(channel))
            for name in msg.fields:
                msg.visible_without_urls(name)
                words = getattr(msg, "words", None)
                if callable(words):
                    words(name)
            _ = msg.links
            t2 = pc()
            run_pack(msg, ctx, pack)
            t3 = pc()
            for key, ns in (("(parse)", t1 - t0), ("(analyze: text, URLs, words, links)", t2 - t1),
                            ("(run_pack, all rules)", t3 - t2)):
                totals[key] = totals.get(key, 0) + ns
    finally:
        object.__delattr__(pack, "plan")
        for rule, runner in originals:
            object.__setattr__(rule, "runner", runner)
    n = max(1, len(pairs))
    phases = [k for k in totals if k.startswith("(")]
    ranked = sorted((k for k in totals if not k.startswith("(")), key=lambda k: -totals[k])
    lines = [f"--- where check() spends its time: {len(pairs)} {channel} messages, "
             f"{len(rules)} rules (mean µs per message) ---"]
    for key in phases + ranked[:top]:
        lines.append(f"  {totals[key] / n / 1000:>9.1f}  {key}")
    rest = sum(totals[k] for k in ranked[top:])
    lines.append(f"  {rest / n / 1000:>9.1f}  ({len(ranked) - top} other rules)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Output


def fmt(x: float | None) -> str:
    if x is None or math.isnan(x):
        return "-"
    return f"{x:,.1f}" if x < 10_000 else f"{x:,.0f}"


def render(res: Results, header: str) -> str:
    out = [header, ""]
    w = max(len(r.name) for r in res.rows) if res.rows else 30
    out.append(f"{'benchmark':<{w}}  {'n':>6}  {'median µs':>10}  {'p99 µs':>10}  "
               f"{'CPU med µs':>10}  {'target':<22} result")
    out.append("-" * (w + 78))
    for r in res.rows:
        fail = f"  ({r.failures} failed)" if r.failures else ""
        cpu = fmt(r.cpu_median_us) if r.cpu_median_us is not None else ""
        out.append(f"{r.name:<{w}}  {r.n:>6}  {fmt(r.median_us):>10}  {fmt(r.p99_us):>10}  "
                   f"{cpu:>10}  {r.target:<22} {status(r.ok)}{fail}")
    out.append("")
    mw = max(len(m[0]) for m in res.metrics) if res.metrics else 30
    for name, value, target, ok in res.metrics:
        out.append(f"{name:<{mw}}  {value:>12}  {target:<12} {status(ok)}")
    imp = res.extra.get("importtime")
    if imp:
        out.append("")
        out.append(f"python -X importtime, `guardrails check one.sms.txt`: {imp['modules']} "
                   f"modules, {imp['total_self_us'] / 1000:.0f} ms self total; "
                   f"heavy modules imported: {', '.join(imp['heavy_imported']) or 'none'}")
        out.append(f"  {'cumulative ms':>13}  {'self ms':>8}  module (top 10 cumulative)")
        for t in imp["top_cumulative"]:
            out.append(f"  {t['cumulative_us'] / 1000:>13.1f}  {t['self_us'] / 1000:>8.1f}  "
                       f"{t['module']}")
        out.append("  largest self: " + ", ".join(
            f"{t['module']} {t['self_us'] / 1000:.0f} ms" for t in imp["top_self"]))
    targets = [(r.name.strip(), r.ok) for r in res.rows if r.ok is not None]
    targets += [(m[0].strip(), m[3]) for m in res.metrics if m[3] is not None]
    if targets:
        passed = sum(1 for _, ok in targets if ok)
        out.append("")
        out.append(f"targets: {passed}/{len(targets)} PASS" + (
            "; MISS: " + "; ".join(n for n, ok in targets if not ok) if passed < len(targets)
            else ""))
    for note in [*_NOTES, *res.notes]:
        out.append(f"note: {note}")
    if res.failures:
        out.append("")
        out.append("FAILURES (library raised; benchmarks above exclude failed calls):")
        out.extend(f"  - {f}" for f in res.failures)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="personize-guardrails benchmarks")
    ap.add_argument("--quick", action="store_true", help="1,000 items: a fast smoke run")
    ap.add_argument("--n", type=int, default=None, help="corpus size (default 10,000)")
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    ap.add_argument("--profile", action="store_true",
                    help="also print cProfile (cumulative) of check() for email and sms")
    ap.add_argument("--by-rule", action="store_true",
                    help="also print mean µs per message of parse, analysis and each rule "
                         "(email and sms)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    ap.add_argument("--skip", default="",
                    help="comma list of sections to skip: parse,convert,check,dict,pool,"
                         "baseline,big,cold")
    args = ap.parse_args(argv)
    n = args.n or (1_000 if args.quick else 10_000)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    warmup = 100 if args.quick else 200
    res = Results()

    t_start = time.perf_counter()
    load_start = os.getloadavg()[0]
    items = corpus.load(n, args.seed)
    snips = corpus.snippets(max(200, n // 5), args.seed)
    counts = {ch: sum(1 for it in items if it["channel"] == ch) for ch in CHANNELS}

    def section(name: str, fn: Callable[[], Any]) -> Any:
        if name in skip:
            return None
        try:
            return fn()
        except Exception as exc:
            res.fail(f"section {name}", exc)
            return None

    section("parse", lambda: bench_parse(res, items, warmup))
    sms_texts = section("convert-prep", lambda: _sms_texts(items))
    section("convert", lambda: bench_convert(res, snips, sms_texts or snips["text"], warmup))
    ctxs = section("contexts", lambda: build_contexts(res, items)) or [None] * len(items)
    mps1 = section("check", lambda: bench_check(res, items, ctxs, warmup))
    section("dict", lambda: bench_check_dict(res, items, warmup))
    section("baseline", lambda: bench_baseline(res, items, ctxs, 200 if args.quick else 1_000))
    section("big", lambda: bench_big_email(res, 5 if args.quick else 20))
    mps2 = section("pool", lambda: bench_pool(res, items, ctxs, n, args.seed))
    if mps1:
        res.metrics.append(("check() messages/s, 1 process (wall clock)", f"{mps1[0]:,.0f}", "",
                            None))
    if mps2:
        speed = f" ({mps2[0] / mps1[0]:.2f}× of 1 process)" if mps1 else ""
        res.metrics.append((f"check() messages/s, 2 worker processes (wall clock){speed}",
                            f"{mps2[0]:,.0f}", "", None))
    if mps1:
        res.metrics.append(("  CPU-bound rate, 1 process (messages per CPU-second)",
                            f"{mps1[1]:,.0f}", "", None))
    if mps2:
        res.metrics.append(("  CPU-bound rate, 2 workers (done / slowest worker's CPU s)",
                            f"{mps2[1]:,.0f}", "", None))
    section("cold", lambda: bench_cold_start(res, 10))
    res.extra["messages_per_s"] = {"one_process_wall_cpu": mps1, "two_workers_wall_cpu": mps2}

    import guardrails

    for name in ("parse", "check", "convert", "sms_info"):  # after use: still the functions?
        if name not in _SHADOWED and not callable(getattr(guardrails, name, None)):
            _NOTES.append(f"after use, guardrails.{name} is {getattr(guardrails, name)!r}, not "
                          "the function: importing the submodule rebinds the package attribute "
                          "(library bug)")
    load_end = os.getloadavg()[0]
    if max(load_start, load_end) > (os.cpu_count() or 1):
        res.notes.append("load average above the CPU count: other processes competed for the "
                         "CPUs, so absolute timings are inflated (the interleaved ratio less so)")
    header = (f"personize-guardrails {guardrails.__version__} benchmarks — Python "
              f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load_start:.1f} "
              f"at start / {load_end:.1f} at end, corpus n={n} seed={args.seed} "
              f"({', '.join(f'{c} {k}' for c, k in counts.items())}), "
              f"converter snippets {len(snips['markdown'])} each")
    print(render(res, header))
    if args.profile and "check" not in skip:
        for ch, lim in (("email", 300), ("sms", 1_000)):
            try:
                print()
                print(profile_check(items, ctxs, ch, lim))
            except Exception as exc:
                print(f"profile {ch} failed: {exc!r}")
    if args.by_rule and "check" not in skip:
        for ch, lim in (("email", 500), ("sms", 1_000)):
            try:
                print()
                print(by_rule(items, ctxs, ch, lim))
            except Exception as exc:
                print(f"by-rule breakdown for {ch} failed: {exc!r}")
    print(f"\n(total benchmark time {time.perf_counter() - t_start:.0f} s)")
    if args.json:
        payload = {"header": header, "rows": [r.__dict__ for r in res.rows],
                   "metrics": res.metrics, "failures": res.failures,
                   "notes": [*_NOTES, *res.notes], **res.extra}
        Path(args.json).write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    return 1 if res.failures else 0


def _sms_texts(items: list[dict[str, Any]]) -> list[str]:
    import guardrails.api

    out: list[str] = []
    for it in items:
        if it["channel"] == "sms":
            try:
                out.append(guardrails.api.parse(it["raw"], "sms").text)  # type: ignore[attr-defined]
            except Exception:
                out.append(it["raw"])
    return out


if __name__ == "__main__":
    raise SystemExit(main())
