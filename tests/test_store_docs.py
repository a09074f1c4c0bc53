"""Documents built by hand for the store, export and viewer tests (no trained model needed).

The texts are written for these tests; the records are placed with `make_span` so the tests do not
depend on how well the analysis layers read them.
"""
import pytest

from cliograph.ingest import ingest_bytes
from cliograph.model import Actor, Event, Mention, Quote, Span, TimeExpr, make_span

OSTEND = """The conference at Ostend opened in a cold spring. The delegates of Arland and Vessany met in the old customs house. 1
On March 3, 1921 Foreign Minister Anna Keller told the Vessanian envoy Pavel Orlov, "We came to settle the border, not to bury it." 2
page_12
Page 12
"There is nothing left to settle," said Orlov; "the river settled it for us."
3
Keller broke off the talks on April 9, 1921. Arland recalled its delegation in May 1921 and the border stayed closed. 4

Notes

1. Minutes of the first session, kept by the Arland delegation.

2. Keller's own diary; the minutes give no words.

3. Orlov's report to his cabinet.

4. Cabinet minutes of Arland.
"""

LETTERS = """In a letter of June 1922 Anna Keller wrote to the press that Ostend had been "a lesson in patience." The editor Marta Vos answered her in print.
"""

HOSTILE = """The envoy read the note aloud: "<script>window.__xss = 1</script> is not a treaty." The minister replied, '"><img src=x onerror=window.__xss=2> will not do either.'
"""


def at(doc, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `needle` in the clean text."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return pos, pos + len(needle)


def span(doc, needle: str, cls=Span, nth: int = 0, **extra):
    a, z = at(doc, needle, nth)
    return make_span(doc, a, z, cls, **extra)


def actor(doc, id_, name, type_, *needles, **extra) -> Actor:
    mentions = [span(doc, n, Mention, nth=k, label=type_) for n, k in needles]
    mentions.sort(key=lambda m: m.start)
    return Actor(id=id_, name=name, type=type_, mentions=mentions, **extra)


def event(doc, id_, trigger, sentence, predicate, **extra) -> Event:
    return Event(id=id_, trigger=span(doc, trigger), sentence=span(doc, sentence), predicate=predicate, **extra)


def ostend():
    doc = ingest_bytes(OSTEND.encode(), "ostend.txt")
    doc.source.title = "The Ostend talks"
    doc.actors = [
        actor(doc, "a1", "Anna Keller", "PERSON", ("Anna Keller", 0), ("Keller", 1), ("Keller", 2),
              titles=["Foreign Minister"]),
        actor(doc, "a2", "Pavel Orlov", "PERSON", ("Pavel Orlov", 0), ("Orlov", 1), ("Orlov", 2)),
        actor(doc, "a3", "Arland", "GPE", ("Arland", 0), ("Arland", 1)),
        actor(doc, "a4", "Vessany", "GPE", ("Vessany", 0)),
    ]
    doc.actors.sort(key=lambda a: a.mentions[0].start)
    doc.quotes = [
        span(doc, "We came to settle the border, not to bury it.", Quote, id="q1", speaker="a1", addressee="a2",
             speaker_text="Foreign Minister Anna Keller", page="11", notes=["2"]),
        span(doc, "There is nothing left to settle,", Quote, id="q2", speaker="a2", addressee=None,
             speaker_text="Orlov", page="12", notes=["3"]),
        span(doc, "the river settled it for us.", Quote, id="q3", speaker="a2", speaker_text="Orlov", page="12",
             notes=["3"], part_of="q2"),
    ]
    doc.timex = [
        span(doc, "March 3, 1921", TimeExpr, id="t1", value="1921-03-03"),
        span(doc, "April 9, 1921", TimeExpr, id="t2", value="1921-04-09"),
        span(doc, "May 1921", TimeExpr, id="t3", value="1921-05"),
    ]
    doc.events = [
        event(doc, "e1", "told", "On March 3, 1921 Foreign Minister Anna Keller told", "tell", agent="a1",
              patient="a2", date="1921-03-03", time="t1", category="CONSULT", page="11", notes=["2"]),
        event(doc, "e2", "broke off", "Keller broke off the talks on April 9, 1921.", "break off", agent="a1",
              patient="a4", date="1921-04-09", time="t2", category="REJECT", page="12", notes=["4"]),
        event(doc, "e3", "recalled", "Arland recalled its delegation in May 1921", "recall", agent="a3",
              patient="a4", date="1921-05", time="t3", category="RETREAT", page="12", notes=["4"]),
    ]
    return doc


def letters():
    doc = ingest_bytes(LETTERS.encode(), "letters.txt")
    doc.actors = [
        actor(doc, "a1", "Anna Keller", "PERSON", ("Anna Keller", 0), ("her", 0)),
        actor(doc, "a2", "Ostend", "GPE", ("Ostend", 0)),
        actor(doc, "a3", "Marta Vos", "PERSON", ("Marta Vos", 0)),
    ]
    doc.quotes = [span(doc, "a lesson in patience.", Quote, id="q1", speaker="a1", speaker_text="Anna Keller")]
    doc.timex = [span(doc, "June 1922", TimeExpr, id="t1", value="1922-06")]
    doc.events = [event(doc, "e1", "answered", "The editor Marta Vos answered her in print.", "answer", agent="a3",
                        patient="a1", category="DISAPPROVE")]
    return doc


def hostile():
    doc = ingest_bytes(HOSTILE.encode(), "hostile.txt")
    script = "<script>window.__xss = 1</script> is not a treaty."
    img = '"><img src=x onerror=window.__xss=2> will not do either.'
    doc.actors = [actor(doc, "a1", "<b>The envoy</b>", "PERSON", ("envoy", 0))]
    doc.quotes = [span(doc, script, Quote, id="q1", speaker="a1", speaker_text="The envoy"),
                  span(doc, img, Quote, id="q2", speaker_text="The minister")]
    return doc


BUILDERS = [ostend, letters, hostile]


@pytest.mark.parametrize("build", BUILDERS)
def test_fixture_spans_match_text(build):
    doc = build()
    spans = [m for a in doc.actors for m in a.mentions] + doc.quotes + doc.timex
    spans += [e.trigger for e in doc.events] + [e.sentence for e in doc.events]
    for s in spans:
        assert s.text == doc.text[s.start:s.end] and s.source_end >= s.source_start
    for lst in (doc.quotes, doc.timex):
        assert [x.start for x in lst] == sorted(x.start for x in lst)


def test_fixture_structure():
    doc = ostend()
    assert [p.label for p in doc.pages] == ["11", "12"]
    assert [r.label for r in doc.note_refs] == ["1", "2", "3", "4"]
    assert len(doc.notes) == 4 and all(r.note for r in doc.note_refs)
