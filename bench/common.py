"""Shared helpers for benchmarks: texts to measure on, timers, peak memory."""
from __future__ import annotations

import json
import os
import platform
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLIOGRAPH_SHARED", ROOT.parent / "shared"))
WELLS = SHARED / "eval" / "structure" / "wells.jsonl"
DEMO = ROOT / "samples" / "demo.txt"


def wells_bytes() -> bytes | None:
    if not WELLS.exists():
        return None
    with open(WELLS, encoding="utf-8") as f:
        return json.loads(f.readline())["text"].encode("utf-8")


def demo_scaled(times: int) -> bytes:
    """The demo text repeated with page markers so that each copy is a new page."""
    text = DEMO.read_text(encoding="utf-8")
    parts = []
    for i in range(times):
        parts.append(text.replace("page_58\nPage 58", f"page_{100 + 2 * i}\nPage {100 + 2 * i}"))
        parts.append(f"\npage_{101 + 2 * i}\nPage {101 + 2 * i}\n")
    return "".join(parts).encode("utf-8")


def best_of(fn, repeat: int = 3) -> float:
    """Least CPU-seconds of `repeat` runs (CPU time: the machine is shared)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child
    started by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
