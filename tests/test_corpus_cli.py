"""`cliograph add` over a batch: killed mid-way and rerun, bad files among good ones, Dask equal to processes."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

DEMO = (ROOT / "samples" / "demo.txt").read_text(encoding="utf-8")


def write_batch(folder, n, bad=True):
    folder.mkdir()
    hashes = set()
    for i in range(n):
        data = (DEMO + f"\nCopy number {i} of the chapter.\n").encode()
        (folder / f"doc{i:02d}.txt").write_bytes(data)
        hashes.add(hashlib.sha256(data).hexdigest())
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
        (folder / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
        (folder / "oneline.txt").write_bytes(b"word " * 10_000_000)
    return hashes


def stored(db):
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM documents")]


def add(*args, **kw):
    return subprocess.run([sys.executable, "-m", "cliograph", "add", *args], capture_output=True, cwd=ROOT, **kw)


def test_bad_files_in_a_batch_are_reported_and_skipped(tmp_path):
    hashes = write_batch(tmp_path / "in", 3)
    db = tmp_path / "kb.sqlite"
    r = add(str(tmp_path / "in"), "--db", str(db), "--jobs", "2", "--structure-only")
    err = r.stderr.decode()
    assert r.returncode == 2
    for name, why in (("empty.txt", "empty"), ("binary.txt", "binary"), ("latin.txt", "undecodable"),
                      ("oneline.txt", "line")):
        line = next(x for x in err.splitlines() if name in x)
        assert why in line
    assert "Traceback" not in err
    assert set(stored(db)) == hashes
    assert "3 added" in r.stdout.decode() and "4 failed" in r.stdout.decode()


@pytest.mark.model
def test_sigkill_mid_batch_then_rerun_stores_each_document_once(tmp_path, nlp):
    hashes = write_batch(tmp_path / "in", 8, bad=False)
    db = tmp_path / "kb.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "cliograph", "add", str(tmp_path / "in"), "--db", str(db),
                             "--jobs", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 240
    try:
        while time.time() < deadline:
            if db.exists():
                try:
                    if len(stored(db)) >= 2:
                        break
                except sqlite3.OperationalError:
                    pass
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    first = stored(db)
    assert 0 < len(first) < 8, "the batch was not stopped mid-way"
    r = add(str(tmp_path / "in"), "--db", str(db), "--jobs", "2")
    assert r.returncode == 0, r.stderr.decode()[-500:]
    ids = stored(db)
    assert len(ids) == len(set(ids)) == 8
    assert set(ids) == hashes
    assert f"{len(first)} already stored" in r.stdout.decode()


def test_dask_local_cluster_stores_the_same_as_processes(tmp_path):
    pytest.importorskip("distributed")
    write_batch(tmp_path / "in", 3, bad=False)
    dumps = []
    for flag in (["--jobs", "2"], ["--dask-local", "2"]):
        db = tmp_path / f"kb{len(dumps)}.sqlite"
        r = add(str(tmp_path / "in"), "--db", str(db), "--structure-only", *flag)
        assert r.returncode == 0, r.stderr.decode()[-500:]
        with sqlite3.connect(db) as conn:
            dumps.append(sorted(conn.execute("SELECT id, name, text, main_end FROM documents")))
    assert dumps[0] == dumps[1] and len(dumps[0]) == 3
