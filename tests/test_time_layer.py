"""The time layer as a whole: calendar arithmetic, ids and spans, anchors, the narrative time
(`time_at`), notes apart from the main flow, the specimen score, and the timeline command."""
import datetime as dt
import json

import pytest

from cliograph.ingest import ingest_bytes
from cliograph.layers import run_layers
from cliograph.layers.time.sem import duration
from cliograph.layers.time.timeline import date_key
from cliograph.layers.time.values import When, nearest_year, shift, weekday_near

from .conftest import GOLD, SPECIMEN, cli, need_shared, score

VALUE_CASES = [
    (When("D", y=1960, m=7, d=16), "1960-07-16", "day"),
    (When("M", y=1960, m=8), "1960-08", "month"),
    (When("S", y=1959, season="WI"), "1959-WI", "season"),
    (When("Y", y=-43), "-0043", "44 B.C. in astronomical years"),
    (When("Y", y=800), "0800", "a year below 1000 has four digits"),
    (When("E", y=1960), "196", "decade"),
    (When("C", y=1800), "18", "nineteenth century"),
    (When("C", y=-400), "-04", "fifth century B.C."),
    (When("W", y=2013, week=11), "2013-W11", "ISO week"),
    (When("W", y=2013, week=12, weekend=True), "2013-W12-WE", "weekend"),
    (When("Q", y=2013, q=1), "2013-Q1", "quarter"),
    (When("H", y=2012, h=2), "2012-H2", "half"),
    (When("Y", y=2014, fy=True), "FY2014", "fiscal year"),
    (When("M", m=7), "XXXX-07", "unknown year"),
    (When("W", weekday=5), "XXXX-WXX-5", "a weekday of no known week"),
    (When("D", y=2013, m=3, d=22, pod="NI"), "2013-03-22TNI", "part of day"),
    (When("D", y=2013, m=3, d=22, hm=(15, 0)), "2013-03-22T15:00", "clock time"),
]


@pytest.mark.parametrize("when,value,reason", VALUE_CASES, ids=[c[2] for c in VALUE_CASES])
def test_value(when, value, reason):
    assert when.value() == value, reason


SHIFT_CASES = [
    (When("D", y=1960, m=7, d=16), "W", 3, "1960-W31", "three weeks from a day"),
    (When("D", y=2013, m=3, d=22), "D", -1, "2013-03-21", "yesterday"),
    (When("D", y=2013, m=3, d=22), "M", -3, "2012-12", "months across a year"),
    (When("M", y=1960, m=11), "M", 2, "1961-01", "months into the next year"),
    (When("Y", y=1956), "Y", 1, "1957", "the following year"),
    (When("D", y=2013, m=3, d=22), "DE", -1, "200", "a decade ago"),
    (When("S", y=1959, season="WI"), "S", 1, "1960-SP", "the next season after winter"),
    (When("D", y=2013, m=3, d=22), "Q", -1, "2012-Q4", "the previous quarter"),
]


@pytest.mark.parametrize("base,unit,n,value,reason", SHIFT_CASES, ids=[c[4] for c in SHIFT_CASES])
def test_shift(base, unit, n, value, reason):
    assert shift(base, unit, n)[0].value() == value, reason


def test_shift_too_coarse_keeps_the_base():
    w, exact = shift(When("Y", y=1960), "D", 1)
    assert (w.value(), exact) == ("1960", False)


NEAREST_CASES = [
    (When("M", m=2), When("M", y=1960, m=11), "forward", 1961, "narrative moves on"),
    (When("M", m=6), When("M", y=1960, m=7), "forward", 1960, "a flashback of a month"),
    (When("M", m=3), When("M", y=1960, m=7), "forward", 1961, "four months back: the narrative moves on"),
    (When("M", m=12), When("M", y=1960, m=11), "before", 1959, "read back from a later date"),
    (When("S", season="WI"), When("D", y=1960, m=7, d=16), "before", 1959, "the winter before July"),
    (When("M", m=12), When("D", y=2013, m=3, d=22), "past", 2012, "a past December"),
    (When("M", m=4), When("D", y=2013, m=3, d=22), "future", 2013, "a coming April"),
    (When("M", m=3), When("D", y=2013, m=3, d=22), "prev", 2012, "last March"),
    (When("M", m=3), When("D", y=2013, m=3, d=22), "after", 2014, "next March"),
    (When("S", season="SP"), When("Y", y=1956), "after", 1957, "the following spring after a year"),
]


@pytest.mark.parametrize("item,ref,direction,year,reason", NEAREST_CASES, ids=[c[4] for c in NEAREST_CASES])
def test_nearest_year(item, ref, direction, year, reason):
    assert nearest_year(item, ref, direction) == year, reason


WEEKDAY_CASES = [
    ("past", 1, "2013-03-18", "Monday before a Friday"),
    ("past", 5, "2013-03-22", "the same weekday in the past is the day itself"),
    ("future", 2, "2013-03-26", "the coming Tuesday"),
    ("forward", 5, "2013-03-29", "a narrative moving on reaches the next Friday"),
    ("nearest", 6, "2013-03-23", "Saturday is nearer ahead"),
]


@pytest.mark.parametrize("direction,weekday,value,reason", WEEKDAY_CASES, ids=[c[3] for c in WEEKDAY_CASES])
def test_weekday_near(direction, weekday, value, reason):
    assert weekday_near(dt.date(2013, 3, 22), weekday, direction).isoformat() == value, reason


DURATION_CASES = [
    ([(1.5, "Y")], "P18M", "a year and a half"),
    ([(0.5, "H")], "PT30M", "half an hour"),
    ([(None, "Y")], "PXY", "years"),
    ([(2, "Y"), (3, "M")], "P2Y3M", "compound"),
    ([(1, "D"), (12, "H")], "P1DT12H", "date and time parts"),
    ([(1, "DE")], "P1DE", "a decade"),
    ([(2, "FN")], "P4W", "fortnights as weeks"),
]


@pytest.mark.parametrize("parts,value,reason", DURATION_CASES, ids=[c[2] for c in DURATION_CASES])
def test_duration(parts, value, reason):
    assert duration(parts) == value, reason


DATE_KEYS = [("1960-08-04", (1960, 8, 4)), ("1959-WI", (1959, 12, 0)), ("196", (1960, 0, 0)),
             ("-0043", (-43, 0, 0)), ("2013-W11", (2013, 3, 0)), ("PAST_REF", None), ("XXXX-07-16", None),
             ("P18M", None)]


@pytest.mark.parametrize("value,key", DATE_KEYS)
def test_date_key(value, key):
    assert date_key(value) == key


def types(text: str, nlp, reference=None) -> list[tuple[str, str]]:
    doc, _ = analyzed(text, nlp, reference)
    return [(t.text, t.type) for t in doc.timex]


@pytest.mark.model
def test_types_of_rates_and_durations(nlp):
    assert types("The bank buys $85 billion of bonds a month.", nlp) == [("a month", "SET")]
    assert types("The three envoys stayed a week.", nlp) == [("a week", "DURATION")]
    assert types("He paid $5 for a day.", nlp) == [("a day", "DURATION")]
    assert types("He arrived at 3 p.m. and left the next day.", nlp, "2013-03-22") == [
        ("3 p.m.", "TIME"), ("the next day", "DATE")]


# ---------------------------------------------------------------- the layer on a document

STORY = (
    "The winter had been hard. On July 16 the order came, as the envoy had warned that winter.[1]\n\n"
    "The next day the embassy protested. Veterans of the 1964 reform kept quiet. In November 1960 the "
    "delegates met in Moscow.\n\n"
    "Three weeks later the talks ended.\n\n"
    "[1] Telegram of 4 August 1960, file 12. Reply sent two days later.\n"
)


def analyzed(text: str, nlp, reference=None, hint=None):
    doc = ingest_bytes(text.encode(), "story.txt", reference)
    doc.source.year_hint = hint
    ctx = run_layers(doc, nlp=nlp, layers=("timex",))
    return doc, ctx


@pytest.mark.model
def test_ids_spans_and_anchors(nlp):
    doc, _ = analyzed(STORY, nlp)
    assert [t.id for t in doc.timex] == [f"t{k}" for k in range(1, len(doc.timex) + 1)]
    assert [t.start for t in doc.timex] == sorted(t.start for t in doc.timex)
    for t in doc.timex:
        assert t.text == doc.text[t.start:t.end]
        assert STORY[t.source_start:t.source_end] == t.text
        assert 0 < t.confidence <= 1
    by_text = {t.text: t for t in doc.timex}
    nov = by_text["November 1960"]
    assert by_text["July 16"].value == "1960-07-16" and by_text["July 16"].anchor == nov.id
    assert by_text["The next day"].value == "1960-07-17"
    assert by_text["1964"].value == "1964"
    later = by_text["Three weeks later"]
    assert later.value == "1960-11" and later.anchor == nov.id, "weeks from a month: that month, less sure"
    assert later.confidence < nov.confidence
    assert nov.anchor is None and nov.confidence > by_text["July 16"].confidence


@pytest.mark.model
def test_time_at_follows_the_narrative(nlp):
    doc, ctx = analyzed(STORY, nlp)
    time_at = ctx.data["time_at"]
    text = doc.text
    assert time_at(0) is None, "nothing anchors the first sentence"
    assert time_at(text.index("the order came")).value == "1960-07-16"
    assert time_at(text.index("embassy protested")).value == "1960-07-17"
    assert time_at(text.index("kept quiet")).value == "1960-07-17", "an attributive year is no narrative time"
    assert time_at(text.index("the talks ended")).value == "1960-11"
    note = text.index("Telegram")
    assert note >= doc.main_end
    assert time_at(note) is None, "the main flow's time does not reach into the notes"
    assert time_at(text.index("file 12")).value == "1960-08-04"
    assert time_at(len(text) - 2).value == "1960-08-06", "the note has its own narrative"


@pytest.mark.model
def test_reference_date_and_year_hint_anchors(nlp):
    doc, _ = analyzed("The minister resigned yesterday.", nlp, reference="2013-03-22")
    assert [(t.value, t.anchor) for t in doc.timex] == [("2013-03-21", "reference_date")]
    doc, _ = analyzed("On July 16 the order came.", nlp, hint=1960)
    assert [(t.value, t.anchor) for t in doc.timex] == [("1960-07-16", "year_hint")]


@pytest.mark.model
def test_sections_restart_the_lookahead(nlp):
    text = ("In 1956 the congress met.\n\nChapter Two\n\nOn July 16 the order came. In November 1960 they met.\n")
    doc, _ = analyzed(text, nlp)
    assert [t.value for t in doc.timex] == ["1956", "1960-07-16", "1960-11"]
    text = ("In 1956 the congress met.\n\nChapter Two\n\nOn July 16 the order came.\n")
    doc, _ = analyzed(text, nlp)
    assert [t.value for t in doc.timex] == ["1956", "1956-07-16"], "no later year: the last anchor serves"


@pytest.mark.model
def test_long_text_is_resolved_in_one_pass(nlp):
    par = "On July 16 the order came. Two days later the envoy left. In November 1960 they met. "
    doc, ctx = analyzed("\n\n".join([par] * 300), nlp)
    assert len(doc.timex) == 900
    assert {t.value for t in doc.timex[:3]} == {"1960-07-16", "1960-07-18", "1960-11"}
    assert doc.timex[-3].value == "1961-07-16", "the narrative keeps moving forward from November 1960"


# ---------------------------------------------------------------- specimen and commands

@pytest.mark.model
@pytest.mark.shared
def test_specimen_timex_score(tmp_path):
    need_shared(SPECIMEN, GOLD)
    out = tmp_path / "spec.json"
    r = cli("analyze", str(SPECIMEN), "-o", str(out), "--layers", "timex")
    assert r.returncode == 0, r.stderr
    s = score(out)
    assert s["timex.spans"]["f1"] >= 0.95
    assert s["timex.values"]["acc"] == 1.0


@pytest.mark.model
def test_year_hint_option_is_recorded(tmp_path):
    src = tmp_path / "yearless.txt"
    src.write_text("On July 16 the order came.\n", encoding="utf-8")
    r = cli("analyze", str(src), "--layers", "timex", "--year-hint", "1960")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["source"]["year_hint"] == 1960
    assert data["timex"][0]["value"] == "1960-07-16"


def test_timeline_help_ends_with_an_example():
    from cliograph.cli.main import cli as group

    last = group.commands["timeline"].help.strip().splitlines()[-1]
    assert last.strip().startswith("Example: cliograph timeline")


@pytest.mark.model
def test_timeline_lists_dated_quotes_in_order(tmp_path):
    src = tmp_path / "chapter.txt"
    src.write_text(
        "On August 4, 1960 the foreign minister told the ambassador, \"This will shake the whole country.\"\n\n"
        "Page 31\n\n"
        "Earlier, on July 16, the premier had said, \"We shall not bend.\" In November the delegates met.\n",
        encoding="utf-8")
    r = cli("timeline", str(src))
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.decode().splitlines() if "quote" in x]
    assert len(lines) == 2, r.stdout
    assert lines[0].startswith("1960-07-16") and "We shall not bend" in lines[0] and "p. 31" in lines[0]
    assert lines[1].startswith("1960-08-04") and "shake the whole country" in lines[1]
    out = tmp_path / "chapter.json"
    assert cli("analyze", str(src), "-o", str(out)).returncode == 0
    r = cli("timeline", str(out), "--json")
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    quotes = [x for x in rows if x["kind"] == "quote"]
    assert [q["date"] for q in quotes] == ["1960-07-16", "1960-08-04"]
    assert all(src.read_text()[q["source_start"]:q["source_end"]] == q["text"] for q in quotes)


def test_timeline_refuses_a_bad_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    r = cli("timeline", str(bad))
    assert r.returncode == 2 and b"bad.json" in r.stderr


# ---------------------------------------------------------------- robustness

WORDS = ["the", "a", "of", "in", "on", "last", "next", "that", "following", "early", "late", "mid", "-", "end",
         "year", "years", "day", "week", "month", "winter", "spring", "May", "March", "July", "Friday", "ago",
         "later", "earlier", "before", "every", "about", "almost", "and", "half", "twenty", "second", "1960",
         "1964s", "44", "B.C.", "A.D.", "31", "30th", "February", "3", "p.m.", ",", ".", "\"", "(", ")", "now",
         "the past", "9,1800", "2013-03-22", "'60s", "century", "nineteenth", "Christmas", "Eve", "quarter"]


def test_any_word_salad_gives_valid_spans(blank_nlp):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.sampled_from([None, "2013-03-22"]))
    def check(words, reference):
        text = "So it was: " + " ".join(words) + "\n"  # a line of prose, never a bare folio
        doc = ingest_bytes(text.encode(), "salad.txt", reference)
        ctx = run_layers(doc, nlp=blank_nlp, layers=("timex",))
        for t in doc.timex:
            assert t.text == doc.text[t.start:t.end] and t.value and t.type in ("DATE", "TIME", "DURATION", "SET")
        assert [t.start for t in doc.timex] == sorted(t.start for t in doc.timex)
        for pos in range(0, len(doc.text), 7):
            ctx.data["time_at"](pos)

    check()


@pytest.mark.model
def test_digits_that_are_not_decimal_do_not_break_the_layer(nlp):
    """Superscript note marks (`²`) are digits to `str.isdigit` but not numbers: no crash, no value from them."""
    text = ("The prince received them with more ceremony than warmth.\u00b2 He kept them waiting a week.\n\n"
            "\u00b3 No agreement on the frontier was reached until 1881.\n")
    doc, _ = analyzed(text, nlp)
    assert all("\u00b2" not in t.text and "\u00b3" not in t.text for t in doc.timex)
    assert ("a week", "DURATION") in [(t.text, t.type) for t in doc.timex]


def test_superscript_mark_alone_on_a_line_is_read_as_its_digits():
    doc = ingest_bytes("The envoy came back in May.\n\u00b2\n\nHe left.\n\nNotes\n\n\u00b2 A note on May.\n".encode(),
                       "sup.txt")
    assert [(r.label, r.note is not None) for r in doc.note_refs] == [("2", True)]
