import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLIOGRAPH_SHARED", ROOT.parent / "shared"))
SPECIMEN = SHARED / "specimens" / "000_41c13daea03242c1.txt"
GOLD = SHARED / "gold" / "000_41c13daea03242c1.gold.json"
SCORE = SHARED / "tools" / "score.py"
EVALSET = SHARED / "tools" / "evalset.py"


def need_shared(*paths: Path) -> None:
    for p in paths or (SPECIMEN,):
        if not p.exists():
            pytest.skip(f"{p} is absent: the shared specimen and evaluation sets live in ../shared beside the checkout")


def has_model() -> bool:
    try:
        from cliograph.nlp import load_model

        load_model()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def nlp():
    from cliograph.nlp import load_model

    try:
        return load_model()
    except Exception as e:  # pragma: no cover
        pytest.skip(f"trained spaCy model not installed: {e}")


@pytest.fixture(scope="session")
def blank_nlp():
    import spacy

    return spacy.blank("en")


def cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cliograph", *args], capture_output=True, input=input,
                          cwd=ROOT)


def score(system_json: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORE), str(GOLD), str(system_json), "--source", str(SPECIMEN),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)
