"""Relations per actor pair and month, from a hand-built document (no spaCy), and the CLI over JSON."""
import csv
import io
import json
import sys

import pytest

from cliograph.layers.events.lexicon import CATEGORIES, lexicon
from cliograph.layers.events.relations import month_of, relations
from cliograph.layers.events.utterance import Utterances
from cliograph.model import Actor, Document, Event, Quote, Source, Span, document_to_dict

from .conftest import cli

TEXT = "x" * 400


def span(a, z):
    return Span(start=a, end=z, source_start=a, source_end=z, text=TEXT[a:z])


def ev(i, agent, patient, category, date, negated=False, modality=None, at=None):
    at = at if at is not None else i * 10
    return Event(id=f"e{i}", trigger=span(at, at + 3), sentence=span(at, at + 8), predicate="p", agent=agent,
                 patient=patient, date=date, category=category, quad=lexicon().quad_of(category), negated=negated,
                 modality=modality)


def document():
    actors = [Actor(id="a1", name="Ruritania", type="GPE"), Actor(id="a2", name="Freedonia", type="GPE"),
              Actor(id="a3", name="Anna Berg", type="PERSON", affiliation="a1"),
              Actor(id="a4", name="Karl Ost", type="PERSON", affiliation="Freedonia"),
              Actor(id="a5", name="Olga Lind", type="PERSON", affiliation="a1")]
    events = [
        ev(1, "a1", "a2", "DISAPPROVE", "1960-06"),
        ev(2, "a2", "a1", "SANCTION", "1960-07-16"),
        ev(3, "a3", "a4", "CONSULT", "1960-11"),
        ev(4, "a4", "a3", "AGREE", "1960-11-20"),
        ev(5, "a1", "a2", "ASSAULT", "1960-11", negated=True),  # did not happen
        ev(6, "a1", "a2", "ASSAULT", "1960-11", modality="attempt"),  # only tried
        ev(7, "a1", "a2", None, "1960-11"),  # no type: not counted
        ev(8, "a1", None, "PROTEST", "1960-11"),  # no recipient
        ev(9, "a3", "a5", "CONSULT", "1960-12"),  # inside one side
        ev(10, "a1", "a2", "CONSULT", "PAST_REF"),  # undated
        ev(11, "a3", "a4", "DISAPPROVE", "1960-12", modality="reported", at=200),
    ]
    quotes = [Quote(id="q1", start=202, end=230, source_start=202, source_end=230, text=TEXT[202:230], kind="speech",
                    speaker="a3", addressee="a4"),
              Quote(id="q2", start=300, end=310, source_start=300, source_end=310, text=TEXT[300:310], kind="phrase")]
    return Document(source=Source(name="t", sha256="0", chars=len(TEXT)), text=TEXT, actors=actors, events=events,
                    quotes=quotes)


def table(rows):
    return {(r.a, r.b, r.month): (r.cooperation, r.conflict, r.quotes) for r in rows}


def test_month_of():
    cases = [("1960-07-16", "1960-07", "day"), ("1960-11", "1960-11", "month"), ("1960", None, "year only"),
             ("PAST_REF", None, "not a calendar date"), (None, None, "no date"), ("1959-WI", None, "season")]
    assert len({c[0] for c in cases}) == len(cases)
    for value, want, reason in cases:
        assert month_of(value) == want, reason


def test_pairs_by_month():
    t = table(relations(document()))
    assert t[("a1", "a2", "1960-06")] == (0, 1, 0)
    assert t[("a1", "a2", "1960-07")] == (0, 1, 0)
    assert t[("a3", "a4", "1960-11")] == (2, 0, 0)
    assert t[("a1", "a2", None)] == (1, 0, 0)
    assert t[("a3", "a4", "1960-12")] == (0, 1, 1)  # the reported disapproval and the quote beside it
    assert ("a1", "a2", "1960-11") not in t  # negated, attempted and untyped events do not count
    assert ("a3", "a5", "1960-12") in t


def test_side_level_folds_people_into_their_state():
    rows = relations(document(), level="side")
    t = table(rows)
    assert t[("a1", "a2", "1960-11")] == (2, 0, 0)  # Berg (a1) and Ost (affiliation given by name)
    assert not any(r.a == r.b for r in rows)
    assert ("a1", "a1", "1960-12") not in t  # inside one side


def test_actor_filter_and_order():
    rows = relations(document(), actor="berg")
    assert rows and all("a3" in (r.a, r.b) for r in rows)
    months = [r.month for r in rows if (r.a, r.b) == ("a3", "a4")]
    assert months == ["1960-11", "1960-12"]
    assert relations(document(), actor="nobody") == []


def test_bad_level():
    with pytest.raises(ValueError, match="actor or side"):
        relations(document(), level="country")


def test_tone_and_score():
    rows = {(r.a, r.b, r.month): r for r in relations(document())}
    r = rows[("a3", "a4", "1960-11")]
    assert r.tone == "cooperation" and r.categories == {"CONSULT": 1, "AGREE": 1}
    assert r.score == pytest.approx(lexicon().score["CONSULT"] + lexicon().score["AGREE"])
    assert rows[("a1", "a2", "1960-07")].tone == "conflict"


def test_relations_module_needs_no_spacy():
    code = ("import sys; import cliograph.layers.events.relations; import cliograph.cli.relations; "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    import subprocess

    subprocess.run([sys.executable, "-c", code], check=True)


def test_lexicon_is_consistent():
    lex = lexicon()
    assert set(lex.quad) == set(CATEGORIES) and set(lex.score) == set(CATEGORIES)
    assert set(lex.verb_category.values()) <= set(CATEGORIES)
    for noun, entry in lex.nouns.items():
        assert entry["category"] in (None, *CATEGORIES), noun
        assert entry["of"] in ("agent", "patient", "theme"), noun
    for pats in lex.patterns.values():
        for p in pats:
            for ref in p.object + p.subject + p.pobj + p.naming:
                assert ref == "*" or not ref.startswith("@") or ref[1:] in lex.classes or ref[1:] in (
                    "person", "place"), ref
    assert set(lex.content_cues.values()) <= set(CATEGORIES)


def test_cli_relations_on_json(tmp_path):
    p = tmp_path / "doc.json"
    p.write_text(json.dumps(document_to_dict(document())))
    r = cli("relations", str(p))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Ruritania -- Freedonia" in out and "1960-06" in out and "conflict" in out
    r = cli("relations", str(p), "--csv", "--actor", "Ost")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert rows and all("a4" in (x["a"], x["b"]) for x in rows)
    assert {x["month"] for x in rows} == {"1960-11", "1960-12"}
    r = cli("relations", str(p), "--json", "--level", "side")
    got = json.loads(r.stdout)
    assert any(x["a"] == "a1" and x["b"] == "a2" and x["month"] == "1960-11" for x in got)


def test_cli_relations_bad_input(tmp_path):
    p = tmp_path / "other.json"
    p.write_text('{"schema": "something/2"}')
    r = cli("relations", str(p))
    assert r.returncode == 2 and b"other.json" in r.stderr and b"cliograph/1" in r.stderr
    p.write_text("{not json")
    r = cli("relations", str(p))
    assert r.returncode == 2 and b"not JSON" in r.stderr
    r = cli("relations", str(tmp_path / "missing.json"))
    assert r.returncode == 2 and b"missing.json" in r.stderr


def quote(i, a, z, speaker, addressee, part_of=None, kind="speech"):
    return Quote(id=f"q{i}", start=a, end=z, source_start=a, source_end=z, text=TEXT[a:z], kind=kind,
                 speaker=speaker, addressee=addressee, part_of=part_of)


# (quotations, utterance index of each, reason)
UTTERANCES = [
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 40, 60, "a3", None, part_of="q1")), [0, 0],
     "a split quotation is one utterance"),
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 90, 120, "a3", "a4")), [0, 0],
     "the next quotation of the same speaker to the same addressee, a sentence later"),
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 40, 60, "a4", "a3"), quote(3, 70, 90, "a3", "a4")), [0, 1, 2],
     "the other party speaks between them"),
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 340, 360, "a3", "a4")), [0, 1], "too much narrative between them"),
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 40, 60, "a3", "a5")), [0, 1], "another addressee"),
    ((quote(1, 10, 30, None, None), quote(2, 40, 60, None, None)), [0, 1], "no known speaker joins nothing"),
    ((quote(1, 10, 30, "a3", "a4"), quote(2, 35, 38, None, None, kind="phrase"), quote(3, 40, 60, "a3", "a4")),
     [0, None, 0], "scare quotes are no speech"),
]


def test_utterance_table_has_no_duplicates():
    keys = [tuple((q.start, q.end, q.speaker, q.addressee, q.part_of, q.kind) for q in qs) for qs, _, _ in UTTERANCES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("quotes,want,reason", UTTERANCES, ids=[u[2] for u in UTTERANCES])
def test_utterances(quotes, want, reason):
    utt = Utterances(TEXT, quotes)
    assert [utt.at(q.start + 1) for q in quotes] == want, reason
    assert utt.at(5) is None


def test_speech_verb_finds_its_utterance_in_or_beside_its_sentence():
    text = '"We will not." Anna told Karl so. Later Anna left. "No," Karl said.'
    no = text.index("No")
    qs = [Quote(id=f"q{i + 1}", start=a, end=z, source_start=a, source_end=z, text=text[a:z], kind="speech",
                speaker=who, addressee=to) for i, (a, z, who, to) in enumerate([(1, 13, "a3", "a4"),
                                                                                 (no, no + 3, "a4", "a3")])]
    assert [q.text for q in qs] == ["We will not.", "No,"]
    utt = Utterances(text, qs)
    told = (text.index("Anna told"), text.index("Later"))
    assert utt.spoken_in(told, {"a3"}) == 0  # the quotation just before the sentence
    assert utt.spoken_in(told, {"a4"}) is None  # Karl did not say it
    left = (text.index("Later"), text.index('"No'))
    assert utt.spoken_in(left, {"a3"}) is None  # words between: the quotation is not beside it
    assert utt.spoken_in((text.index("Karl said"), len(text)), {"a4"}) == 1


def voiced_document():
    """Berg tells Ost one sentence, then refuses in the next quotation; a threat of war hangs on a condition."""
    actors = [Actor(id="a3", name="Anna Berg", type="PERSON"), Actor(id="a4", name="Karl Ost", type="PERSON")]
    quotes = [quote(1, 10, 40, "a3", "a4"), quote(2, 60, 100, "a3", "a4")]
    events = [
        ev(1, "a3", "a4", "REJECT", "1960-08-04", at=45),  # `told`, typed by the refusal in q2
        ev(2, "a3", "a4", "REJECT", "1960-08-04", at=80),  # the refusal inside q2
        ev(3, "a3", "a4", "FIGHT", "1960-08-04", modality="conditional", at=90),  # `if you..., we will fight`
        ev(4, "a3", "a4", "REJECT", "1960-08-05", at=200),  # another refusal, outside any quotation
    ]
    events[0].sentence = span(0, 50)
    return Document(source=Source(name="t", sha256="0", chars=len(TEXT)), text=TEXT, actors=actors, events=events,
                    quotes=quotes)


def test_one_utterance_is_one_act_and_conditions_do_not_count():
    rows = relations(voiced_document())
    assert len(rows) == 1
    r = rows[0]
    assert (r.conflict, r.cooperation, r.quotes) == (2, 0, 2)
    assert r.categories == {"REJECT": 2} and r.events == ["e1", "e4"]
