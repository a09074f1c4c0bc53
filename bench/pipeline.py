"""Whole-pipeline benchmark, every figure a ratio measured in this one run.

    .venv/bin/python bench/pipeline.py [--quick]

- spaCy alone (`nlp.pipe` over the same paragraphs, same model and batch size) vs cliograph, words/s;
- ingest MB/s; peak RSS of analyzing a ~200,000-word book (in a fresh process);
- 1 vs 2 worker processes, and a Dask LocalCluster, on the same batch;
- time at 1x, 2x and 4x text length.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, best_of, demo_scaled, machine, wells_bytes

from cliograph.ingest import ingest_bytes
from cliograph.nlp import load_model
from cliograph.nlp.bridge import paragraph_ranges
from cliograph.pipeline import analyze_document


def spacy_alone(doc, nlp) -> None:
    texts = (doc.text[a:z] for a, z in paragraph_ranges(doc))
    for _ in nlp.pipe(texts, batch_size=64):
        pass


def words(doc) -> int:
    return len(doc.text.split())


def ratio_run(data: bytes, nlp, name: str) -> dict:
    base = ingest_bytes(data, name)
    t_spacy = best_of(lambda: spacy_alone(base, nlp), repeat=2)
    t_full = best_of(lambda: analyze_document(ingest_bytes(data, name), nlp=nlp), repeat=2)
    t_ingest = best_of(lambda: ingest_bytes(data, name), repeat=3)
    n = words(base)
    return {"text": name, "words": n, "spacy_wps": n / t_spacy, "cliograph_wps": n / t_full,
            "ratio": t_spacy / t_full, "ingest_MBps": len(data) / t_ingest / 1e6}


def scaling(nlp) -> list[tuple[int, float]]:
    out = []
    for k in (1, 2, 4):
        data = demo_scaled(40 * k)
        out.append((k, best_of(lambda data=data: analyze_document(ingest_bytes(data, "s"), nlp=nlp), repeat=2)))
    return out


def peak_rss_book(words_target: int) -> tuple[int, float]:
    """Analyze a ~words_target book in a fresh process; returns (words, peak RSS MB)."""
    reps = max(1, words_target // len(demo_scaled(1).split()))
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(demo_scaled(reps))
        path = f.name
    code = ("import sys,json;from common import peak_rss_mb;from cliograph.pipeline import analyze_file;"
            "d=analyze_file(sys.argv[1]);"
            "print(json.dumps([len(d.text.split()), peak_rss_mb()]))")
    try:
        out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True,
                             env=dict(os.environ, PYTHONPATH=str(ROOT / "bench")))
    finally:
        os.unlink(path)
    n, rss = json.loads(out.stdout)
    return n, rss


def batch_times(n_docs: int, reps: int = 30) -> dict:
    """`cliograph add` over the same batch in a fresh process per mode (model loads counted in every mode)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i in range(n_docs):
            (folder / f"d{i}.txt").write_bytes(demo_scaled(reps) + f"\nCopy {i}.\n".encode())
        res = {}
        for label, flags in (("1 process", ["--jobs", "1"]), ("2 processes", ["--jobs", "2"]),
                             ("LocalCluster 2", ["--dask-local", "2"])):
            db = Path(tmp) / f"{len(res)}.sqlite"
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cliograph", "add", str(folder), "--db", str(db), *flags],
                           check=True, capture_output=True)
            res[label] = time.perf_counter() - t
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller texts, no batch or RSS runs")
    a = ap.parse_args()
    print(machine())
    nlp = load_model()
    texts = {"demo x40": demo_scaled(40)}
    wells = wells_bytes()
    if wells is not None and not a.quick:
        texts["wells"] = wells
    for name, data in texts.items():
        r = ratio_run(data, nlp, name)
        print(f"{name:10} {r['words']:7d} words  spaCy {r['spacy_wps']:8.0f} w/s  cliograph {r['cliograph_wps']:8.0f}"
              f" w/s  ratio {r['ratio']:.2f}x  ingest {r['ingest_MBps']:.2f} MB/s")
    base = None
    for k, t in scaling(nlp):
        base = base or t
        print(f"length {k}x: {t:.2f} s ({t / base:.2f}x the 1x time)")
    if not a.quick:
        n, rss = peak_rss_book(200_000)
        print(f"peak RSS analyzing {n} words: {rss:.0f} MB")
        times = batch_times(8)
        one = times["1 process"]
        for label, t in times.items():
            print(f"{label:15} {t:6.2f} s  speed-up {one / t:.2f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    sys.exit(main())
