"""The specimen and the Wells book from ../shared, scored with the shared tools."""
import importlib.util
import json

import pytest

from cliograph.ingest import ingest_bytes, ingest_file
from cliograph.model import document_to_dict

from .conftest import EVALSET, SHARED, SPECIMEN, need_shared, score

pytestmark = pytest.mark.shared


def test_specimen_structure_perfect(tmp_path):
    need_shared(SPECIMEN)
    out = tmp_path / "s.json"
    out.write_text(json.dumps(document_to_dict(ingest_file(str(SPECIMEN)))))
    s = score(out)
    assert s["contract.offsets"]["ok"]
    assert s["structure.note_refs"]["f1"] == 1.0
    for key in ("structure.pages", "structure.paragraphs", "structure.repairs", "structure.markers_removed"):
        assert s[key]["acc"] == 1.0, key
    assert s["structure.partial_flags"]["correct"] == 2


def _evalset():
    spec = importlib.util.spec_from_file_location("evalset", EVALSET)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_wells_structure():
    path = SHARED / "eval" / "structure" / "wells.jsonl"
    need_shared(path, EVALSET)
    ev = _evalset()
    docs = ev.load("structure-wells", str(SHARED / "eval"))
    out = {d["id"]: document_to_dict(ingest_bytes(d["text"].encode("utf-8"), "wells.txt")) for d in docs}
    res = ev.score_structure(docs, out)
    assert res["pages_acc"] >= 0.98
    assert res["markers_left_in_text"] == 0
    assert res["note_ref_f1"] == 1.0
    assert res["note_links_acc"] == 1.0
