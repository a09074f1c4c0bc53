"""The actors layer on the shared specimen, against the issue's bounds (skipped without ../shared)."""
import pytest

from .conftest import GOLD, SCORE, SPECIMEN, cli, need_shared, score

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_specimen_actor_scores(tmp_path):
    need_shared(SPECIMEN, GOLD, SCORE)
    out = tmp_path / "specimen.json"
    r = cli("analyze", str(SPECIMEN), "--layers", "actors", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    s = score(out)
    assert s["contract.offsets"]["ok"]
    assert s["actors.mentions"]["f1"] >= 0.95
    assert s["actors.aliases"]["acc"] >= 0.95
    assert s["actors.names"]["acc"] >= 0.9
