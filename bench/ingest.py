"""Ingest throughput: MB of source per CPU-second on the Wells book and on the demo text scaled up,
beside the least any line-by-line ingest in Python does (`skeleton.py`) in the same run.

    .venv/bin/python bench/ingest.py
"""
from __future__ import annotations

import sys

from common import best_of, demo_scaled, machine, wells_bytes
from skeleton import skeleton_ingest

from cliograph.ingest import ingest_bytes


def main() -> int:
    print(machine())
    texts = {"demo x200": demo_scaled(200)}
    wells = wells_bytes()
    if wells is None:
        print("Wells book absent (../shared/eval/structure/wells.jsonl): measuring the demo text only")
    else:
        texts["wells"] = wells
    for name, data in texts.items():
        secs = best_of(lambda data=data, name=name: ingest_bytes(data, name), repeat=15)
        floor = best_of(lambda data=data: skeleton_ingest(data), repeat=15)
        print(f"{name:10} {len(data) / 1e6:6.2f} MB  {secs:6.3f} s  {len(data) / secs / 1e6:6.2f} MB/s"
              f"   skeleton {len(data) / floor / 1e6:6.2f} MB/s, ingest takes {secs / floor:4.1f}x it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
