"""Model-free rules of the actors layer: name order, alias compatibility, vocabulary, gazetteer, look-ups."""
import pytest

from cliograph.errors import InputError
from cliograph.layers.entities.build import ActorIndex
from cliograph.layers.entities.casing import recase
from cliograph.layers.entities.gazetteer import Entry, Gazetteer, load_gazetteer
from cliograph.layers.entities.lexicon import lexicon, name_key
from cliograph.layers.entities.names import compatible, parse_person, same_person

LEX = lexicon()


def no_duplicates(rows):
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate inputs in the case table"


# (name, family name, family name first, reason)
FAMILY = [
    ("Liu Shaoqi", "liu", True, "Chinese family name first"),
    ("Deng Xiaoping", "deng", True, "Chinese family name first"),
    ("Chen Yi", "chen", True, "two syllables, family first"),
    ("Kim Il-sung", "kim", True, "Korean, hyphenated given name"),
    ("Nguyen Van Thieu", "nguyen", True, "Vietnamese, three parts"),
    ("Nikita Khrushchev", "khrushchev", False, "Western order"),
    ("Stepan Chervonenko", "chervonenko", False, "Western order with a Russian given name"),
    ("John F. Kennedy", "kennedy", False, "middle initial"),
    ("Charles de Gaulle", "gaulle", False, "particle before the family name"),
    ("Robert Lee", "lee", False, "negative: Lee after an English given name is a Western family name"),
    ("Lee Kuan Yew", "lee", True, "Lee first with Chinese given names"),
    ("Mr. Bennet", "bennet", False, "title dropped"),
    ("Benjamin Disraeli, Esq.", "disraeli", False, "postnominal dropped"),
    ("Mao", "mao", False, "one word: the word itself"),
]


def test_family_table_has_no_duplicates():
    no_duplicates(FAMILY)


@pytest.mark.parametrize("name,family,first,reason", FAMILY, ids=[r[0] for r in FAMILY])
def test_family_name(name, family, first, reason):
    p = parse_person(name, LEX)
    assert (p.family, p.family_first) == (family, first), reason


# (one word, full name, score: 2 family, 1 given, 0 none, reason)
ALIAS = [
    ("Liu", "Liu Shaoqi", 2, "family name first"),
    ("Shaoqi", "Liu Shaoqi", 0, "negative: a Chinese given name alone is not an alias"),
    ("Chen", "Chen Yi", 2, "family name first"),
    ("Yi", "Chen Yi", 0, "negative: given name of a family-first name"),
    ("Khrushchev", "Nikita Khrushchev", 2, "Western family name"),
    ("Nikita", "Nikita Khrushchev", 1, "Western given name, weaker"),
    ("Brezhnev", "Nikita Khrushchev", 0, "negative: another person"),
    ("Washington", "George Washington", 2, "family name"),
    ("Gaulle", "Charles de Gaulle", 2, "family name after a particle"),
]


def test_alias_table_has_no_duplicates():
    no_duplicates([(a + "|" + b,) for a, b, _, _ in ALIAS])


@pytest.mark.parametrize("word,full,score,reason", ALIAS, ids=[f"{r[0]}-{r[1]}" for r in ALIAS])
def test_alias_compatibility(word, full, score, reason):
    assert compatible(parse_person(word, LEX), parse_person(full, LEX)) == score, reason


# (name a, name b, one person, reason)
SAME = [
    ("John Smith", "J. Smith", True, "initial agrees"),
    ("John Smith", "John F. Smith", True, "middle initial"),
    ("Liu Shaoqi", "Liu Bocheng", False, "negative: two different people named Liu"),
    ("John Smith", "James Smith", False, "negative: different given names"),
    ("J. Smith", "K. Smith", False, "negative: different initials"),
]


def test_same_table_has_no_duplicates():
    no_duplicates([(a + "|" + b,) for a, b, _, _ in SAME])


@pytest.mark.parametrize("a,b,same,reason", SAME, ids=[f"{r[0]}-{r[1]}" for r in SAME])
def test_same_person(a, b, same, reason):
    assert same_person(parse_person(a, LEX), parse_person(b, LEX)) == same, reason


# (text, state id or None, reason): demonyms and names of states, historical ones included
STATES = [
    ("Soviets", "ussr", "plural demonym"),
    ("Soviet", "ussr", "adjective"),
    ("Chinese", "china", "demonym"),
    ("East German", "gdr", "two-word demonym"),
    ("Yugoslav", "yugoslavia", "historical state"),
    ("Ottoman", "ottoman_empire", "historical empire"),
    ("Austro-Hungarian", "austria_hungary", "historical empire"),
    ("Communist", None, "negative: an ideology, not a state"),
]


def test_states_table_has_no_duplicates():
    no_duplicates(STATES)


@pytest.mark.parametrize("text,state,reason", STATES, ids=[r[0] for r in STATES])
def test_demonyms(text, state, reason):
    st = LEX.demonym(text)
    assert (st.id if st else None) == state, reason


# (text, canonical name or None, reason)
CANON = [
    ("the Soviet Union", "Soviet Union", "article dropped"),
    ("USSR", "Soviet Union", "acronym"),
    ("U.S.S.R.", "Soviet Union", "acronym with periods"),
    ("GDR", "East Germany", "historical state by acronym"),
    ("CCP", "Chinese Communist Party", "party acronym"),
    ("CPSU", "Communist Party of the Soviet Union", "party acronym"),
    ("US", "United States", "acronym in capitals"),
    ("us", None, "negative: the pronoun is no acronym"),
    ("Peking", None, "negative: a capital is a place, not the state's name"),
]


def test_canon_table_has_no_duplicates():
    no_duplicates(CANON)


@pytest.mark.parametrize("text,name,reason", CANON, ids=[r[0] for r in CANON])
def test_canonical_names(text, name, reason):
    c = LEX.canonical(text)
    assert (c.name if c else None) == name, reason


def test_capitals_name_every_state_they_served():
    assert {c.id for c in LEX.capitals[name_key("Moscow")]} == {"russia", "ussr"}
    assert {c.id for c in LEX.capitals[name_key("Peking")]} == {"china"}


def test_titles_have_kinds_and_genders():
    assert LEX.title("Mrs.")["gender"] == "f"
    assert LEX.title("Chairman")["kind"] == "office"
    assert LEX.title("Capt.")["kind"] == "rank"
    assert LEX.title("Foreign") is None


def test_gazetteer_matches_names_aliases_and_unique_family_names(tmp_path):
    p = tmp_path / "people.csv"
    p.write_text("id,name,type,aliases\nQ1,Nikita Khrushchev,PERSON,N. S. Khrushchev\n"
                 "Q2,Liu Shaoqi,PERSON,\nQ3,Liu Bocheng,PERSON,\nQ4,Soviet Union,GPE,USSR|Soviets\n",
                 encoding="utf-8")
    g = load_gazetteer(str(p))
    assert g.match("Khrushchev", "PERSON").id == "Q1"
    assert g.match("N. S. Khrushchev").id == "Q1"
    assert g.match("USSR", "GPE").id == "Q4"
    assert g.match("Liu", "PERSON") is None  # two Lius in the register: not pinned
    assert g.match("Liu Bocheng", "PERSON").id == "Q3"
    assert g.match("Khrushchev", "GPE") is None  # the type must agree


@pytest.mark.parametrize("content,problem", [
    ("name,type\nX,PERSON\n", "missing id"),
    ("id,name,type\nq1,X,ALIEN\n", "type 'ALIEN'"),
    ("id,name,type\nq1,X,PERSON\nq1,Y,PERSON\n", "appears twice"),
    ("id,name,type\n,X,PERSON\n", "must not be empty"),
])
def test_gazetteer_errors_name_the_file_and_the_problem(tmp_path, content, problem):
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_gazetteer(str(p))
    assert "bad.csv" in str(e.value) and problem in str(e.value)


def test_gazetteer_entries_keep_aliases():
    g = Gazetteer()
    g.add(Entry("x", "Zhou Enlai", "PERSON", ("Chou En-lai",)))
    assert g.match("Chou En-lai").id == "x"
    assert g.match("Zhou").id == "x"


# (query span, actor, reason) over mentions a1 [0,3) a2 [10,20) a3 [12,15) (nested) a4 [30,33)
INDEX_ROWS = [
    ((0, 3), "a1", "exact"),
    ((1, 2), "a1", "inside"),
    ((12, 15), "a3", "the narrowest of two mentions that overlap it equally"),
    ((10, 20), "a2", "the one it overlaps most"),
    ((4, 9), None, "negative: between mentions"),
    ((25, 31), "a4", "partial overlap"),
    ((40, 50), None, "negative: after the last mention"),
]


def test_index_table_has_no_duplicates():
    no_duplicates(INDEX_ROWS)


@pytest.mark.parametrize("span,actor,reason", INDEX_ROWS, ids=[str(r[0]) for r in INDEX_ROWS])
def test_actor_index(span, actor, reason):
    idx = ActorIndex([(0, 3, "a1", "PERSON"), (10, 20, "a2", "ORG"), (12, 15, "a3", "ORG"), (30, 33, "a4", "GPE")])
    assert idx(*span) == actor, reason


def test_recase_keeps_length_and_leaves_other_words():
    text = "Signed ROBERT HAMILTON, of DORCHESTER."
    out = recase(text, [(7, 22), (27, 37)])
    assert out == "Signed Robert Hamilton, of Dorchester."
    assert len(out) == len(text)


def test_layer_runs_without_a_trained_model(blank_nlp):
    """Titles, given names and known acronyms need no statistical model; nothing crashes without a parser."""
    from cliograph.ingest import ingest_bytes
    from cliograph.layers import run_layers

    doc = ingest_bytes(b"Mr. Brooke met Robert Hamilton and the CPSU envoy.\n\nLater Mr. Brooke left.\n", "blank.txt")
    ctx = run_layers(doc, nlp=blank_nlp, layers=("actors",))
    by_name = {a.name: a for a in doc.actors}
    assert len(by_name["Brooke"].mentions) == 2 and by_name["Brooke"].titles == ["Mr."]
    assert by_name["Robert Hamilton"].type == "PERSON"
    assert by_name["Communist Party of the Soviet Union"].type == "ORG"
    assert ctx.data["mentions"] == sorted(ctx.data["mentions"])
    pos = doc.text.index("Hamilton")
    assert ctx.actor_at(pos, pos + 3) == by_name["Robert Hamilton"].id
