"""The time layer's case table (tests/time_cases.py): every row with the trained model, and again with a
blank pipeline (no tags: the text-only reading must agree)."""
import pytest

from cliograph.ingest import ingest_bytes
from cliograph.layers import run_layers

from .time_cases import CASES, HINTED, HISTORY, NEWS


def found(text: str, reference: str, nlp) -> str:
    hint = int(reference[5:]) if reference.startswith("year:") else None
    doc = ingest_bytes(text.encode(), "case.txt", None if hint or not reference else reference)
    doc.source.year_hint = hint
    run_layers(doc, nlp=nlp, layers=("timex",))
    for t in doc.timex:
        assert t.text == doc.text[t.start:t.end]
    return "; ".join(f"{t.text}={t.value}" + (f"/{t.mod}" if t.mod else "") for t in doc.timex)


def test_table_shape():
    inputs = [(text, ref) for text, ref, _, _ in CASES]
    assert len(inputs) == len(set(inputs)), "duplicate inputs in the case table"
    assert len(CASES) >= 150
    assert sum(1 for _, _, exp, _ in CASES if exp == "") >= 20, "too few negative rows"
    assert len(NEWS) >= 50 and len(HISTORY) >= 80 and HINTED
    assert all(reason for *_, reason in CASES)


@pytest.mark.model
@pytest.mark.parametrize("text,reference,expected,reason", CASES, ids=[c[3][:40] for c in CASES])
def test_case_model(nlp, text, reference, expected, reason):
    assert found(text, reference, nlp) == expected, reason


# rows whose reading needs the tagger (a noun after the word): known misses of the text-only reading
NEEDS_TAGS = {"His father had been a day labourer.", "They read the Sunday papers.",
              "The country raced to raise the money by Monday.", "The 2012's crisis is over."}
BLANK = [pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason="needs part-of-speech tags"))
         if c[0] in NEEDS_TAGS else c for c in CASES]


@pytest.mark.parametrize("text,reference,expected,reason", BLANK, ids=[c[3][:40] for c in CASES])
def test_case_blank(blank_nlp, text, reference, expected, reason):
    assert found(text, reference, blank_nlp) == expected, reason
