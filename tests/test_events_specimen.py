"""The specimen, measured: events scored by ../shared/tools/score.py, and the relations it shows.

Needs ../shared (skips with a reason otherwise) and the trained model; runs every layer.
"""
import json
import os
import subprocess
import sys

import pytest

from .conftest import GOLD, ROOT, SCORE, SPECIMEN, need_shared, score

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def specimen_json(tmp_path_factory):
    need_shared(SPECIMEN, GOLD, SCORE)
    out = tmp_path_factory.mktemp("events") / "specimen.json"
    env = {k: v for k, v in os.environ.items() if k != "CLIOGRAPH_LAYERS"}  # every layer
    r = subprocess.run([sys.executable, "-m", "cliograph", "analyze", str(SPECIMEN), "-o", str(out)],
                       capture_output=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    return out


def test_event_scores(specimen_json):
    s = score(specimen_json)
    assert s["events.arguments"]["acc"] >= 0.75, s["events.arguments"]
    assert s["events.dates"]["acc"] >= 0.8, s["events.dates"]
    assert s["events.categories"]["acc"] >= 0.6, s["events.categories"]


def test_relations_move_from_conflict_to_cooperation(specimen_json):
    from cliograph.layers.events.relations import relations
    from cliograph.model import loads

    doc = loads(specimen_json.read_text())
    names = {a.id: a.name for a in doc.actors}
    soviet = {a.id for a in doc.actors if "Soviet" in a.name or a.affiliation in ("Soviet Union",)}
    soviet |= {a.id for a in doc.actors if a.name in ("Khrushchev", "Nikita Khrushchev", "Leonid Brezhnev")}
    chinese = {a.id for a in doc.actors if a.name in ("China", "Mao Zedong", "Chen Yi", "Liu Shaoqi", "Zhou Enlai",
                                                       "Deng Xiaoping", "Chinese Communist Party")}
    by_month = {}
    for r in relations(doc):
        if (r.a in soviet and r.b in chinese) or (r.b in soviet and r.a in chinese):
            c = by_month.setdefault(r.month, [0, 0])
            c[0] += r.cooperation
            c[1] += r.conflict
    assert by_month, f"no Soviet-Chinese relation among {sorted(names.values())}"
    for month in ("1960-07", "1960-08"):
        coop, conflict = by_month.get(month, (0, 0))
        assert conflict > coop, (month, by_month)
    for month in ("1960-11", "1960-12"):
        coop, conflict = by_month.get(month, (0, 0))
        assert coop > conflict, (month, by_month)


def test_relations_cli_on_specimen(specimen_json):
    r = subprocess.run([sys.executable, "-m", "cliograph", "relations", str(specimen_json), "--json"],
                       capture_output=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr.decode()
    rows = json.loads(r.stdout)
    assert {x["tone"] for x in rows} >= {"conflict", "cooperation"}
