"""Instructions per ``check()``, counted by valgrind's callgrind: an A/B measure that holds still.

    .venv/bin/python benchmarks/instructions.py                      # sms and email, this tree
    .venv/bin/python benchmarks/instructions.py --ref HEAD~3         # against an older commit
    .venv/bin/python benchmarks/instructions.py --channels push --n 200

Wall-clock medians on this VM drift by 5-40 % within minutes, which hides a 3 % change. The
number of instructions executed does not drift: each channel is run twice under callgrind (a
warm-up only, then the warm-up plus ``--n`` messages) and the difference is divided by ``--n``.
The work is the same corpus items as ``run.py`` (same seed), contexts built before the checks.
``--ref`` checks out that commit into a temporary git worktree and runs its ``guardrails`` on
the same items. Needs ``valgrind``; about a minute per channel and tree on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WARMUP = 100


def child(channel: str, n: int, checked: int, seed: int) -> None:
    """Build the items for WARMUP + ``n`` checks, then check WARMUP + ``checked`` of them (run
    inside callgrind: both runs of a pair load the same corpus, so only the checks differ)."""
    sys.path.insert(0, str(HERE))
    import corpus

    import guardrails

    items = [it for it in corpus.load(max(4000, 20 * (WARMUP + n)), seed=seed)
             if it["channel"] == channel][: WARMUP + n]
    if len(items) < WARMUP + n:
        raise SystemExit(f"the corpus has only {len(items)} {channel} items; lower --n")
    ctxs = [guardrails.Context.model_validate(it["context"] or {}) for it in items]
    for it, ctx in list(zip(items, ctxs, strict=True))[: WARMUP + checked]:
        guardrails.check(it["raw"], channel, ctx)


def count(channel: str, n: int, checked: int, seed: int, pythonpath: str | None) -> int:
    """Instructions callgrind collects for one child run."""
    env = dict(os.environ, PYTHONHASHSEED="0")  # set and dict orders fixed: same work per run
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
           __file__, "--child", channel, str(n), str(checked), str(seed)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    marker = "Collected : "
    if done.returncode != 0 or marker not in done.stderr:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"callgrind run failed for {channel}: {tail}")
    return int(done.stderr.split(marker)[1].split()[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--channels", default="sms,email")
    ap.add_argument("--n", type=int, default=300, help="messages per channel (after warm-up)")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--ref", help="also count a git revision (e.g. HEAD~1) for comparison")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], *map(int, args.child[1:]))
        return 0
    if shutil.which("valgrind") is None:
        print("instructions.py: valgrind is not installed (apt-get install valgrind)")
        return 2
    trees: dict[str, str | None] = {"this tree": None}
    worktree = None
    if args.ref:
        worktree = tempfile.mkdtemp(prefix="gr-ref-")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", worktree,
                        args.ref], check=True)
        trees = {args.ref: worktree, **trees}
    channels = [c.strip() for c in args.channels.split(",") if c.strip()]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = {(t, ch, k): pool.submit(count, ch, args.n, k, args.seed, path)
                    for t, path in trees.items() for ch in channels for k in (0, args.n)}
            totals = {key: job.result() for key, job in jobs.items()}
    finally:
        if worktree is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", worktree],
                           check=False)
    print(f"instructions per check() (callgrind; {args.n} messages after {WARMUP} warm-up)")
    for ch in channels:
        per = {t: (totals[(t, ch, args.n)] - totals[(t, ch, 0)]) / args.n for t in trees}
        row = "  ".join(f"{t}: {v / 1000:,.0f}k" for t, v in per.items())
        if args.ref:
            base, new = per[args.ref], per["this tree"]
            row += f"  ({(new - base) / base:+.1%})"
        print(f"  {ch:<14} {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
