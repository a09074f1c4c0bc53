"""The actors layer with the trained model, on short texts written for these tests."""
import json

import pytest

from cliograph.ingest import ingest_bytes
from cliograph.layers import run_layers

from .conftest import cli

pytestmark = pytest.mark.model


def analyze(nlp, text: str):
    doc = ingest_bytes(text.encode("utf-8"), "case.txt")
    ctx = run_layers(doc, nlp=nlp, layers=("actors",))
    return doc, ctx


def actor_of(doc, ctx, phrase: str, nth: int = 0):
    """The actor the nth occurrence of `phrase` names (via the layer's own look-up), or None."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(phrase, pos + 1)
    aid = ctx.actor_at(pos, pos + len(phrase))
    return next((a for a in doc.actors if a.id == aid), None)


# (text, phrase, occurrence, expected actor name or None, reason)
ALIASES = [
    ("Liu Shaoqi met Liu Bocheng in Beijing. Liu Bocheng had just come back from the south. Liu told him the "
     "army would stay.", "Liu", 3, "Liu Bocheng", "two men named Liu stay apart; Liu alone is the one named last"),
    ("Liu Shaoqi met Liu Bocheng in Beijing. Liu Bocheng had just come back from the south. Liu told him the "
     "army would stay.", "Liu Shaoqi", 0, "Liu Shaoqi", "negative: Liu Shaoqi is not merged into Liu Bocheng"),
    ("Deng Xiaoping flew to Moscow in July. There Deng spoke for two hours.", "Deng", 1, "Deng Xiaoping",
     "family name first: Deng is Deng Xiaoping"),
    ("Foreign Minister Chen Yi received the delegation. Later that evening Chen said the talks had failed.", "Chen",
     1, "Chen Yi", "Chen is Chen Yi"),
    ("Nikita Khrushchev arrived on Monday. On Tuesday Khrushchev left again.", "Khrushchev", 1, "Nikita Khrushchev",
     "Western family name"),
    ("George Washington crossed the river in 1776. Decades later Congress met in Washington for the first time. "
     "Washington himself never lived in the city.", "Washington", 1, "Washington",
     "the city: a place after a place preposition is not the general"),
    ("George Washington crossed the river in 1776. Decades later Congress met in Washington for the first time. "
     "Washington himself never lived in the city.", "Washington", 2, "George Washington",
     "the person: a reflexive marks a person"),
    ("Mr. Bennet read the paper while Mrs. Bennet talked. Mr. Bennet said nothing.", "Mrs. Bennet", 0, "Bennet",
     "a title makes a mention"),
    ("Soviet Ambassador Pavel Yudin arrived in Beijing in March. Mao Zedong received the Soviet ambassador at "
     "once.", "the Soviet ambassador", 0, "Pavel Yudin", "a description resolved to the titled actor"),
    ("Mao Zedong's plan worked better than the chairman had expected.", "the chairman", 0, "Mao Zedong",
     "an office named just before in another clause"),
    ("The chairman opened the meeting at noon.", "The chairman", 0, None,
     "negative: no one in the text to be the chairman"),
    ("Crowds waited for the King all morning. At noon the King came out.", "the King", 1, "the King",
     "a capitalized title no one in the text holds: one unnamed actor"),
    ("Moscow protested at once. The Soviets recalled their experts and the Soviet government cancelled the "
     "treaty.", "Moscow", 0, "Soviet Union", "a capital as the subject of a protest is the government"),
    ("Moscow protested at once. The Soviets recalled their experts and the Soviet government cancelled the "
     "treaty.", "The Soviets", 0, "Soviet Union", "a demonym as a noun is the state"),
    ("Moscow protested at once. The Soviets recalled their experts and the Soviet government cancelled the "
     "treaty.", "the Soviet government", 0, "Soviet Union", "a demonym's government is the state"),
    ("The delegates flew from Moscow to Minsk.", "Moscow", 0, "Moscow", "negative: a place one flies from is a place"),
    ("The CPSU and the CCP exchanged letters all summer.", "CCP", 0, "Chinese Communist Party",
     "party acronym named in full"),
    ("The CPSU and the CCP exchanged letters all summer.", "CPSU", 0, "Communist Party of the Soviet Union",
     "party acronym the model does not tag"),
    ("The East Germans agreed.", "East Germans", 0, "East Germany", "historical state by its two-word demonym"),
    ("General Vo Nguyen Giap commanded the army. Giap chose the valley.", "Giap", 1, "Vo Nguyen Giap",
     "Vietnamese use: the last part of the name alone"),
    ("Later Ngo Dinh Diem ruled in Saigon. Diem distrusted his allies.", "Diem", 0, "Ngo Dinh Diem",
     "a family-first name the model read as an organisation"),
    ("Truman met Secretary of State Dean Acheson that evening. The Kremlin did not answer.", "Kremlin", 0,
     "Soviet Union", "the seat of a government as the subject of an act"),
    ("Truman met Secretary of State Dean Acheson that evening. The Kremlin did not answer.", "State", 0, None,
     "negative: the department inside an office's title is no actor"),
    ("The government of Imre Nagy fell in November. Nagy took refuge in an embassy.", "Nagy", 1, "Imre Nagy",
     "a given name makes a person of what the model read as an organisation"),
    ("Moscow sent a letter to the CCP Central Committee in June.", "CCP Central Committee", 0,
     "Chinese Communist Party", "a party's organ acts for the party"),
]


def test_alias_table_has_no_duplicates():
    keys = [(t, p, n) for t, p, n, _, _ in ALIASES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("text,phrase,nth,name,reason", ALIASES, ids=[f"{r[1]}-{r[2]}-{i}" for i, r in
                                                                       enumerate(ALIASES)])
def test_alias_rules(nlp, text, phrase, nth, name, reason):
    doc, ctx = analyze(nlp, text)
    a = actor_of(doc, ctx, phrase, nth)
    assert (a.name if a else None) == name, reason


def test_two_bennets_are_two_people(nlp):
    doc, _ = analyze(nlp, "Mr. Bennet read the paper while Mrs. Bennet talked. Mr. Bennet said nothing; "
                          "Mrs. Bennet went on.")
    people = [a for a in doc.actors if a.type == "PERSON"]
    assert sorted(a.titles[0] for a in people) == ["Mr.", "Mrs."]
    assert all(len(a.mentions) == 2 for a in people)


def test_titles_affiliation_and_fullest_name(nlp):
    doc, _ = analyze(nlp, "Chinese President Liu Shaoqi spoke first. Liu Shaoqi was brief. Then Liu sat down.")
    liu = next(a for a in doc.actors if a.name == "Liu Shaoqi")
    assert liu.titles == ["President"] and liu.affiliation == "China"
    assert len(liu.mentions) == 3 and liu.aliases == ["Liu"]


def test_mentions_and_lookup_for_later_layers(nlp):
    doc, ctx = analyze(nlp, "Soviet Ambassador Pavel Yudin met Chairman Mao Zedong in Beijing. The Soviet ambassador "
                            "spoke first.")
    mentions = ctx.data["mentions"]
    assert mentions == sorted(mentions)
    ids = {a.id for a in doc.actors}
    assert all(m[2] in ids for m in mentions)
    for a in doc.actors:
        for m in a.mentions:
            assert m.text == doc.text[m.start:m.end]
    yudin = next(a for a in doc.actors if a.name == "Pavel Yudin")
    desc = doc.text.index("The Soviet ambassador")
    assert (desc, desc + len("The Soviet ambassador"), yudin.id, "PERSON") in mentions
    assert [a.id for a in doc.actors] == [f"a{i}" for i in range(1, len(doc.actors) + 1)]


def test_names_read_in_capitals(nlp):
    doc, _ = analyze(nlp, "The notice was signed by ROBERT HAMILTON and sent to the printer.")
    assert any(a.name == "ROBERT HAMILTON" and a.type == "PERSON" for a in doc.actors)


def test_gazetteer_pins_the_register_name(nlp, tmp_path):
    from cliograph.layers.entities import make_layer

    reg = tmp_path / "register.csv"
    reg.write_text("id,name,type,aliases\nQ35054,Nikita Khrushchev,PERSON,\n", encoding="utf-8")
    doc = ingest_bytes(b"Khrushchev lost his temper. Later Khrushchev left.", "g.txt")
    layer = make_layer(str(reg))
    from cliograph.layers import Context
    from cliograph.nlp import parse_paragraphs

    ctx = Context(doc=doc, nlp=nlp)
    for off, parsed in parse_paragraphs(doc, nlp):
        layer.paragraph(ctx, off, parsed)
    layer.finish(ctx)
    k = next(a for a in doc.actors if a.type == "PERSON")
    assert (k.name, k.gazetteer_id, len(k.mentions)) == ("Nikita Khrushchev", "Q35054", 2)


def test_cli_actors_lists_types_counts_and_pages(tmp_path):
    src = tmp_path / "chapter.txt"
    src.write_text("Page 12\nMao Zedong wrote to Nikita Khrushchev in May.\n\nPage 13\nKhrushchev did not answer "
                   "Mao until the autumn.\n", encoding="utf-8")
    r = cli("actors", str(src), "--json")
    assert r.returncode == 0, r.stderr
    rows = {x["name"]: x for x in json.loads(r.stdout)}
    assert rows["Nikita Khrushchev"]["mentions"] == 2 and rows["Nikita Khrushchev"]["pages"] == ["12", "13"]
    assert rows["Mao Zedong"]["type"] == "PERSON"
    r = cli("actors", str(src))
    assert r.returncode == 0 and "Nikita Khrushchev" in r.stdout.decode() and "pp. 12, 13" in r.stdout.decode()


def test_cli_bad_gazetteer_exits_2(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Mao spoke.\n", encoding="utf-8")
    bad = tmp_path / "reg.csv"
    bad.write_text("name\nX\n", encoding="utf-8")
    r = cli("actors", str(src), "--gazetteer", str(bad))
    assert r.returncode == 2 and b"reg.csv" in r.stderr
    r = cli("analyze", str(src), "--gazetteer", str(bad))
    assert r.returncode == 2 and b"reg.csv" in r.stderr


# (text, word that must not be an actor, reason)
NOT_ACTORS = [
    ("The members met in the hall. Resolved, That the meeting adjourn until May.", "Resolved",
     "a capitalized past participle opening a resolution"),
    ("A silver cup will be sailed for by Yachts not exceeding ten tons.", "Yachts", "a capitalized plural noun"),
    ("The boats must be the property of Gentlemen. Entrance one pound.", "Gentlemen",
     "a plural noun after `of` is no place"),
    ("In 331 B.C. Alexander marched out of Egypt upon Babylon.", "B.C. Alexander", "an era marker is no name"),
    ("Courier arrived late. The courier was tired.", "Courier", "a common word opening a sentence"),
]


def test_not_actors_table_has_no_duplicates():
    assert len({r[0] for r in NOT_ACTORS}) == len(NOT_ACTORS)


@pytest.mark.parametrize("text,word,reason", NOT_ACTORS, ids=[r[1] for r in NOT_ACTORS])
def test_not_actors(nlp, text, word, reason):
    doc, _ = analyze(nlp, text)
    assert word not in {a.name for a in doc.actors}, reason
    assert not any(m.text == word for a in doc.actors for m in a.mentions), reason


def test_places_after_place_prepositions(nlp):
    doc, _ = analyze(nlp, "Mr. John Pickstone, of Hyde, spoke first, and Mr. Rowe, ironfounder, of Yeovil, replied.")
    types = {a.name: a.type for a in doc.actors}
    assert types.get("Hyde") == "GPE" and types.get("Yeovil") == "GPE"
    assert types.get("John Pickstone") == "PERSON"


def test_office_with_its_department_is_a_title(nlp):
    doc, _ = analyze(nlp, "Truman met Secretary of State Dean Acheson that evening.")
    acheson = next(a for a in doc.actors if a.name == "Dean Acheson")
    assert acheson.titles == ["Secretary of State"] and acheson.mentions[0].text == "Dean Acheson"


# (text, word, expected type of its actor, reason)
TYPES = [
    ("Creditors: Berrisford, ironfounder, Manchester, dividend paid.", "Manchester", "GPE",
     "a town's ending makes a place"),
    ("Mr. Manchester rose to speak.", "Manchester", "PERSON", "negative: a title says person, whatever the ending"),
    ("The delegates travelled between Leningrad and Minsk.", "Minsk", "GPE", "coordinated with a place"),
]


def test_types_table_has_no_duplicates():
    assert len({r[0] for r in TYPES}) == len(TYPES)


@pytest.mark.parametrize("text,word,typ,reason", TYPES, ids=[f"{r[1]}-{r[2]}" for r in TYPES])
def test_actor_types(nlp, text, word, typ, reason):
    doc, ctx = analyze(nlp, text)
    a = actor_of(doc, ctx, word)
    assert a is not None and a.type == typ, reason
