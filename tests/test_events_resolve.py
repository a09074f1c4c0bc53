"""The events resolver's bisect lookups agree with the model's own citation helpers (no spaCy)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from cliograph.layers import Context
from cliograph.layers.events.grammar import Arg
from cliograph.layers.events.lexicon import lexicon
from cliograph.layers.events.resolve import Resolver
from cliograph.model import Actor, Document, NoteRef, Page, Paragraph, Source, TimeExpr, make_span
from cliograph.model.spans import notes_citing, page_at

TEXT = "a" * 300


def build(par_cuts, page_cuts, refs):
    doc = Document(source=Source(name="t", sha256="0", chars=len(TEXT)), text=TEXT)
    cuts = sorted({0, *par_cuts, len(TEXT)})
    doc.paragraphs = [Paragraph(start=a, end=z) for a, z in zip(cuts, cuts[1:], strict=False) if z > a]
    pcuts = sorted({0, *page_cuts})
    ends = [*pcuts[1:], len(TEXT)]
    doc.pages = [make_span(doc, a, z, Page, label=str(i + 1)) for i, (a, z) in enumerate(zip(pcuts, ends, strict=True))]
    doc.note_refs = [make_span(doc, p, p, NoteRef, label=str(i + 1)) for i, p in enumerate(sorted(set(refs)))]
    return doc


positions = st.integers(min_value=0, max_value=len(TEXT) - 1)


@settings(max_examples=60, deadline=None)
@given(st.lists(positions, max_size=8), st.lists(positions, max_size=4), st.lists(positions, max_size=8),
       st.lists(st.tuples(positions, st.integers(0, 20)), min_size=1, max_size=10))
def test_pages_and_notes_agree_with_model(par_cuts, page_cuts, refs, spans):
    doc = build(par_cuts, page_cuts, refs)
    res = Resolver(Context(doc=doc), lexicon())
    for start, width in spans:
        end = min(start + width, len(TEXT))
        assert res.notes(start, end) == notes_citing(doc, start, end)
        assert res.page_label(start) == page_at(doc, start).label


def arg(a, z, pron=None, hint=None):
    return Arg(head=(a, z), core=(a, z), span=(a, z), pron=pron, hint=hint)


def test_actor_lookup_prefers_the_head_and_pronouns_point_back():
    doc = Document(source=Source(name="t", sha256="0", chars=len(TEXT)), text=TEXT)
    ctx = Context(doc=doc)
    ctx.data["mentions"] = [(10, 16, "state", "GPE"), (17, 30, "envoy", "PERSON"), (50, 55, "chief", "PERSON")]
    doc.actors = [Actor(id="state", name="S", type="GPE"), Actor(id="envoy", name="E", type="PERSON"),
                  Actor(id="chief", name="C", type="PERSON")]
    res = Resolver(ctx, lexicon())
    both = Arg(head=(20, 30), core=(10, 30), span=(10, 30))
    assert res.named_actor(both) == "envoy"  # the head's mention, not the modifier's
    thing = Arg(head=(31, 40), core=(10, 40), span=(10, 40))
    assert res.named_actor(thing) is None  # a modifier before a thing
    people = Arg(head=(31, 40), core=(10, 40), span=(10, 40), people=True)
    assert res.named_actor(people) == "envoy"  # the nearest modifier before a body of people
    res.learn_subjects([arg(10, 16), arg(50, 55)])
    assert res.actor_of(arg(100, 102, pron="person")) == "chief"
    assert res.actor_of(arg(100, 102, pron="group")) == "state"
    assert res.actor_of(arg(40, 42, pron="person")) is None  # nothing named before it
    assert res.actor_of(arg(100, 102, pron="group", hint=arg(17, 30))) == "state"  # a person cannot be `it`


def test_dates_come_from_the_own_clause_then_the_governing_one_then_the_narrative():
    from cliograph.layers.events.extract import Candidate

    doc = Document(source=Source(name="t", sha256="0", chars=len(TEXT)), text=TEXT)
    t1 = make_span(doc, 10, 20, TimeExpr, id="t1", type="DATE", value="1960-07-16")
    t2 = make_span(doc, 60, 70, TimeExpr, id="t2", type="DURATION", value="P2M")
    t3 = make_span(doc, 90, 95, TimeExpr, id="t3", type="DATE", value="1960-08")
    doc.timex = [t1, t2, t3]
    ctx = Context(doc=doc)
    ctx.data["time_at"] = lambda pos: t3 if pos >= 90 else None
    res = Resolver(ctx, lexicon())

    def cand(times, at=40):
        return Candidate(trigger=(at, at + 3), sentence=(0, 120), predicate="p", category=None, times=times)

    assert res.date_of(cand([[(0, 25)]])) is t1
    assert res.date_of(cand([[(30, 45)], [(0, 25)]])) is t1  # inherited from the governing clause
    assert res.date_of(cand([[(55, 75)]])) is None  # a duration is no date; no narrative time before 90
    assert res.date_of(cand([[(55, 75)]], at=100)) is t3  # the narrative time
