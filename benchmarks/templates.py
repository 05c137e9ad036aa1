"""``guardrails check`` over a repository of template files: wall time and cold start.

Writes N template files (fixed seed: same files every run) and a guardrails.toml into a
temporary folder, then times the installed console script, as pre-commit and CI run it:

* ``guardrails check templates/ --jobs 1`` and ``--jobs 2`` over all N files,
* the same over N plain message files (no merge tags) to show what the template layer costs,
* ``guardrails check one.sms.txt`` (cold start) for one plain and one template file.

Each row is the median wall time of ``--runs`` runs. Usage::

    .venv/bin/python benchmarks/templates.py              # 1,000 files, 3 runs per row
    .venv/bin/python benchmarks/templates.py --n 200 --runs 1 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONFIG = """\
app_domains = ["shop.retail-demo.com"]
deep_link_scheme = "retail://"
routes = ["orders/{id}", "offers/{id}", "settings"]

[variables]
first_name = { type = "text", max = 20 }
city = { type = "text", max = 24 }
order_id = { type = "number", max = 8 }
order_url = { type = "url", max = 60 }
delivery_date = { type = "date", max = 12 }
"""
NAMES = ("reminder", "pickup", "welcome", "shipped", "offer", "survey", "renewal", "digest")
SMS = ("Hi {{ first_name }}, order {{ order_id }} arrives {{ delivery_date }}. Track: "
       "{{ order_url }} Reply STOP to opt out.",
       "{{ first_name }}, your order is ready for pickup in {{ city }}. Reply STOP to opt out.",
       "Hi {{ first_name }}{% if vip %}, as a member you skip the line{% endif %}. Your order "
       "{{ order_id }} is ready. Reply STOP to opt out.")
PUSH_TITLES = ("Order {{ order_id }} is on its way", "{{ first_name }}, it ships today",
               "Ready in {{ city }}")
SLACK = ("Hi {{ first_name }}, order *{{ order_id }}* ships {{ delivery_date }}. "
         "<{{ order_url }}|Details>",
         "{% for item in items %}• {{ item.name }}\n{% endfor %}All ready, {{ first_name }}.")


def _sms(rng: random.Random, i: int) -> tuple[str, str]:
    body = rng.choice(SMS)
    if i % 9 == 0:  # a few break the 160-character limit in the worst case
        body = body.replace("Reply STOP", "Bring your receipt and a photo ID to the counter "
                                          "and ask for the pickup desk at the back of the store. "
                                          "Reply STOP")
    return f"{rng.choice(NAMES)}{i}.sms.txt", f"SMS: {body}\n"


def _email(rng: random.Random, i: int) -> tuple[str, str]:
    html = ("<p>Hi {{ first_name }},</p>\n<p>Your order {{ order_id }} arrives "
            "{{ delivery_date }}.</p>\n<p><a href=\"{{ order_url }}\">Track your order</a></p>\n"
            "<p>Thanks,<br>The shop team</p>")
    text = ("Hi {{ first_name }},\n\nYour order {{ order_id }} arrives {{ delivery_date }}.\n"
            "Track it: {{ order_url }}\n\nThanks,\nThe shop team")
    subject = rng.choice(("Your order {{ order_id }} is on its way",
                          "{{ first_name }}, your order ships {{ delivery_date }}"))
    return (f"{rng.choice(NAMES)}{i}.email.html",
            f"---\nsubject: {subject}\npreheader: Tracking inside\n---\nBODY_HTML:\n{html}\n"
            f"BODY_TEXT:\n{text}\n")


def _push(rng: random.Random, i: int) -> tuple[str, str]:
    title = rng.choice(PUSH_TITLES).replace('"', "")
    return (f"{rng.choice(NAMES)}{i}.push.toml",
            f'title = "{title}"\nbody = "Hi {{{{ first_name }}}}, it arrives '
            f'{{{{ delivery_date }}}}."\n'
            'buttons = [{ label = "Track order", url = "retail://orders/{{ order_id }}" }]\n')


def _in_app(rng: random.Random, i: int) -> tuple[str, str]:
    doc = {"channel": "in_app", "title": "New in {{ city }}",
           "body": "{{ first_name }}, save a cart today and order it later in one tap.",
           "buttons": [{"label": "Try it", "url": "retail://settings"}]}
    return f"{rng.choice(NAMES)}{i}.json", json.dumps(doc, indent=1) + "\n"


def _slack(rng: random.Random, i: int) -> tuple[str, str]:
    return f"{rng.choice(NAMES)}{i}.slack.md", "---\nchannel: slack\n---\n" + rng.choice(SLACK)


KINDS = ((_sms, 30), (_email, 25), (_push, 20), (_in_app, 15), (_slack, 10))


def generate(root: Path, n: int, seed: int) -> dict[str, int]:
    """Write ``n`` template files under ``root/templates`` and ``root/guardrails.toml``."""
    rng = random.Random(seed)
    (root / "templates").mkdir(parents=True, exist_ok=True)
    (root / "guardrails.toml").write_text(CONFIG, encoding="utf-8")
    makers = [maker for maker, weight in KINDS for _ in range(weight)]
    counts: dict[str, int] = {}
    for i in range(n):
        maker = rng.choice(makers)
        name, text = maker(rng, i)
        folder = root / "templates" / f"group{i % 20:02}"
        folder.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        counts[maker.__name__.strip("_")] = counts.get(maker.__name__.strip("_"), 0) + 1
    return counts


def generate_plain(root: Path, n: int) -> None:
    """``n`` plain SMS message files (no merge tags) under ``root/plain``."""
    (root / "plain").mkdir(parents=True, exist_ok=True)
    names = ("Ana", "Mateo", "Jordan", "Priya", "Sam", "Lea", "Kofi", "Mina")
    for i in range(n):
        (root / "plain" / f"m{i:04}.sms.txt").write_text(
            f"SMS: Hi {names[i % len(names)]}, your order is ready for pickup at the front desk."
            " Reply STOP to opt out.\n", encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds (the command and its workers) of ``runs`` runs of ``cmd``,
    and the last exit code. CPU time separates real overhead from waiting for a busy CPU."""
    times: list[float] = []
    cpus: list[float] = []
    code = 0
    for _ in range(runs):
        cpu = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
        code = proc.returncode
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}: {proc.stderr.strip()[:300]}")
    return statistics.median(times), statistics.median(cpus), code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="template files (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per row; the median is shown")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    ns = parser.parse_args(argv)
    script = Path(sys.executable).parent / "guardrails"
    if not script.exists():
        raise SystemExit(f"console script not found at {script}; pip install -e . first")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(ns.keep) if ns.keep else Path(tmp)
        counts = generate(root, ns.n, ns.seed)
        generate_plain(root, ns.n)
        one = next((root / "templates").rglob("*.sms.txt"))
        rows: list[tuple[str, float, float, int]] = []
        load = os.getloadavg()[0]
        for label, args in (
            (f"check templates/ ({ns.n} files) --jobs 1", ["templates", "--jobs", "1"]),
            (f"check templates/ ({ns.n} files) --jobs 2", ["templates", "--jobs", "2"]),
            (f"check plain/ ({ns.n} files, no merge tags) --jobs 1", ["plain", "--jobs", "1"]),
            (f"check plain/ ({ns.n} files, no merge tags) --jobs 2", ["plain", "--jobs", "2"]),
            ("cold start: check one template (.sms.txt)", [str(one.relative_to(root))]),
            ("cold start: check one plain file (.sms.txt)", ["plain/m0000.sms.txt"]),
        ):
            seconds, cpu, code = wall([str(script), "check", *args], root,
                                      ns.runs if "cold" not in label else max(ns.runs, 5))
            rows.append((label, seconds, cpu, code))
    print(f"templates: {ns.n} files ({', '.join(f'{k} {v}' for k, v in counts.items())}); "
          f"median of {ns.runs} runs (cold start: {max(ns.runs, 5)}); load average at start "
          f"{load:.2f} on {os.cpu_count()} CPUs")
    width = max(len(label) for label, _, _, _ in rows)
    for label, seconds, cpu, code in rows:
        per_file = ""
        if "cold" not in label:
            per_file = f"  ({seconds / ns.n * 1000:.2f} ms/file)"
        print(f"{label:<{width}}  {seconds:6.2f} s wall  {cpu:6.2f} s CPU  exit {code}{per_file}")
    if ns.json:
        Path(ns.json).write_text(json.dumps({
            "n": ns.n, "runs": ns.runs, "counts": counts, "load": load,
            "rows": [{"label": label, "seconds": s, "cpu_seconds": cpu, "exit": c}
                     for label, s, cpu, c in rows],
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
