"""Batch runner: bad files reported and skipped, known hashes skipped, processes and Dask equal to one process."""
import pytest

from cliograph.corpus import expand_inputs, run_batch

GOOD = [
    "The envoy reached Vienna in March. 1\nHe left again in May.\n",
    "The council met twice.\npage_4\nPage 4\nIt agreed on nothing. 2\n",
    "A short note on the treaty of 1878, signed in Berlin.\n",
]
BAD = [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\x00\xd8", "undecodable")]


def make_batch(tmp_path):
    paths = []
    for i, text in enumerate(GOOD):
        p = tmp_path / f"good{i}.txt"
        p.write_text(text)
        paths.append(str(p))
    for i, (data, _) in enumerate(BAD):
        p = tmp_path / f"bad{i}.txt"
        p.write_bytes(data)
        paths.append(str(p))
    return paths


def structure_only(paths, **kw):
    stored = {}
    res = run_batch(paths, write=lambda d: stored.__setitem__(d["source"]["sha256"], d), layers=(), **kw)
    return res, stored


def test_bad_files_reported_and_skipped(tmp_path):
    paths = make_batch(tmp_path)
    res, stored = structure_only(paths)
    assert res.stored == 3 and len(stored) == 3
    reasons = {p.rsplit("/", 1)[1]: why for p, why in res.failed}
    assert set(reasons) == {"bad0.txt", "bad1.txt", "bad2.txt"}
    for (_, word), name in zip(BAD, ("bad0.txt", "bad1.txt", "bad2.txt"), strict=True):
        assert word in reasons[name] and name in reasons[name]


def test_known_hashes_skipped(tmp_path):
    paths = make_batch(tmp_path)
    _, first = structure_only(paths)
    res, again = structure_only(paths, known=lambda h: h in first)
    assert res.skipped == 3 and res.stored == 0 and again == {}


def test_two_processes_equal_one(tmp_path):
    paths = make_batch(tmp_path)
    _, one = structure_only(paths)
    res, two = structure_only(paths, jobs=2)
    assert res.stored == 3 and two == one


def test_dask_local_cluster_equal_local(tmp_path):
    pytest.importorskip("distributed")
    paths = make_batch(tmp_path)
    _, local = structure_only(paths)
    res, remote = structure_only(paths, dask_local=2)
    assert res.stored == 3 and len(res.failed) == 3
    assert remote == local


def test_expand_inputs(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.html", "notes.bin"):
        (tmp_path / name).write_text("x")
    got = expand_inputs([str(tmp_path), str(tmp_path / "*.txt")])
    names = [p[len(str(tmp_path)) + 1:] for p in got]
    assert names == ["a.txt", "b.txt", "sub/c.html"]


def test_document_the_store_cannot_take_is_reported_and_skipped(tmp_path, monkeypatch):
    """A document whose rows cannot be made (a fault on one odd file) is one failure, not the batch's end."""
    import cliograph.store.write as write

    real = write.prepare_document

    def fussy(doc):
        if "council" in (doc.text if hasattr(doc, "text") else doc["text"]):
            raise RuntimeError("odd table")
        return real(doc)

    monkeypatch.setattr(write, "prepare_document", fussy)
    paths = make_batch(tmp_path)[:3]
    got = []
    res = run_batch(paths, write=got.append, layers=(), prepare=True)
    assert res.stored == 2 and len(got) == 2 and all(isinstance(g, write.Prepared) for g in got)
    assert len(res.failed) == 1
    path, why = res.failed[0]
    assert path.endswith("good1.txt") and "good1.txt" in why and "RuntimeError: odd table" in why
