"""Quotations with the trained model: kind, speaker, addressee, parts, page, notes, diagnostics."""
import json

import pytest

from cliograph.cli.quotes import quote_lines
from cliograph.ingest import ingest_bytes
from cliograph.pipeline import analyze_document

from .conftest import GOLD, SPECIMEN, cli, need_shared

pytestmark = pytest.mark.model


def analyze(nlp, text: str):
    doc = ingest_bytes(text.encode("utf-8"), "case.txt")
    return analyze_document(doc, nlp=nlp, layers=("actors", "quotes"))


def rows(doc):
    names = {a.id: a.name for a in doc.actors}
    out = []
    for q in doc.quotes:
        speaker = names.get(q.speaker) or q.speaker_text
        out.append((q.text, q.kind, speaker, names.get(q.addressee)))
    return out


# (text, [(quoted words, kind, speaker (actor name, else speaker_text), addressee)], reason)
CASES = [
    ('The meeting was short. "We will not yield," said Harold Winter.',
     [("We will not yield,", "speech", "Harold Winter", None)], "inverted order after the quotation"),
    ('Margaret Ashby told Thomas Reed: "The bridge must be finished by spring."',
     [("The bridge must be finished by spring.", "speech", "Margaret Ashby", "Thomas Reed")],
     "told X before the quotation"),
    ('"The border is closed," Foreign Minister Lars Berg told Ambassador Ivan Petrov on May 3.',
     [("The border is closed,", "speech", "Lars Berg", "Ivan Petrov")], "title, name, told X after"),
    ('"Go home," Clara Voss said to Martin Hale.',
     [("Go home,", "speech", "Clara Voss", "Martin Hale")], "said to X"),
    ('"Will you sign?" Otto Lenz asked Maria Roth.',
     [("Will you sign?", "speech", "Otto Lenz", "Maria Roth")], "asked X"),
    ('Lars Berg wrote to Ivan Petrov in March: "The treaty is dead."',
     [("The treaty is dead.", "speech", "Lars Berg", "Ivan Petrov")], "wrote to X"),
    ('Ivan Petrov was told by Lars Berg: "The border stays closed."',
     [("The border stays closed.", "speech", "Lars Berg", "Ivan Petrov")], "X was told (passive)"),
    ('In a conversation with Ivan Petrov in June, Lars Berg declared: "We want peace."',
     [("We want peace.", "speech", "Lars Berg", "Ivan Petrov")], "in a conversation with X"),
    ('According to Helen Marsh, "the harvest failed in every province."',
     [("the harvest failed in every province.", "speech", "Helen Marsh", None)], "according to"),
    ('Ramsay lost his temper at the session, calling Duval "a coward, a liar, and a thief."',
     [("a coward, a liar, and a thief.", "speech", "Ramsay", None)], "a participle: the governing subject"),
    ('As Lindqvist had predicted that spring, "the army will not fight for the old regime."',
     [("the army will not fight for the old regime.", "speech", "Lindqvist", None)], "an expectation frame"),
    ('Critics of Arthur Bell in the party saw the treaty as one of the "worst mistakes that ever damaged our '
     'standing."', [("worst mistakes that ever damaged our standing.", "speech", "Critics of Arthur Bell", None)],
     "a group speaker is named by its words"),
    ('Edward Hale returned to the capital in May. "Nothing has changed," he said.',
     [("Nothing has changed,", "speech", "Edward Hale", None)], "a pronoun speaker"),
    ('Anna Keller met Paul Brandt at the station. "You are late," she said. "The train was slow," he replied.',
     [("You are late,", "speech", "Anna Keller", "Paul Brandt"),
      ("The train was slow,", "speech", "Paul Brandt", "Anna Keller")], "pronouns by gender, two-party exchange"),
    ('"We are not beggars," said Ortiz; "if you want our help, ask for it."',
     [("We are not beggars,", "speech", "Ortiz", None), ("if you want our help, ask for it.", "speech", "Ortiz", None)],
     "a continuation after a semicolon"),
    ('"Where were you last night?" asked Mary Lowell.\n\n"At the mill," replied John Carver.\n\n"Alone?"\n\n'
     '"With the foreman."',
     [("Where were you last night?", "speech", "Mary Lowell", "John Carver"),
      ("At the mill,", "speech", "John Carver", "Mary Lowell"),
      ("Alone?", "speech", "Mary Lowell", "John Carver"),
      ("With the foreman.", "speech", "John Carver", "Mary Lowell")], "turn-taking where no verb names the speaker"),
    ('"I shall go," said Anna Keller. "You must not, Paul."',
     [("I shall go,", "speech", "Anna Keller", None), ("You must not, Paul.", "speech", "Anna Keller", "Paul")],
     "a name called inside a quotation is its addressee, not its speaker; in one paragraph the speaker goes on"),
    ('"I am not well, Florence Hale," said John Linden.',
     [("I am not well, Florence Hale,", "speech", "John Linden", "Florence Hale")],
     "a name set off after a clause is called: the addressee"),
    ('"I lost my son, Harvey Linden," said John Linden.',
     [("I lost my son, Harvey Linden,", "speech", "John Linden", None)],
     "negative: a name after a noun is in apposition, not called"),
    ('The so-called "second wave" of reforms failed.', [("second wave", "phrase", None, None)], "a scare quote"),
    ('His article "The Roots of Conflict" appeared in 1950.', [("The Roots of Conflict", "phrase", None, None)],
     "a title in quotes"),
    ('Both men hoped that "ideological quibbles" could be resolved.',
     [("ideological quibbles", "phrase", None, None)], "a term in quotes"),
    ('"Perhaps," thought Alice Grey, "the door is locked."',
     [("Perhaps,", "speech", "Alice Grey", None), ("the door is locked.", "speech", "Alice Grey", None)],
     "words reported as thought are speech with their speaker"),
    ("The board is 12\" wide. Don't touch the boys' toys, O'Brien.", [], "apostrophes and inch marks"),
    ('Lars Berg wrote to the minister:\n\nThe situation on the border is grave and the army is not ready for a war.'
     '\n\nNothing came of it.',
     [("The situation on the border is grave and the army is not ready for a war.", "speech", "Lars Berg", None)],
     "a block quotation introduced by a reporting verb and a colon"),
]


def test_no_duplicate_inputs():
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("text,expected,reason", CASES, ids=[c[2] for c in CASES])
def test_quotes(nlp, text, expected, reason):
    got = rows(analyze(nlp, text))
    assert got == expected, reason


# (text, [(quoted words, speaker (actor name, else speaker_text))], reason): speakers no verb gives
DIALOGUE = [
    ('"Where were you?" asked Paul Brandt.\n\n"Out," said Otto Lenz.\n\n"Where?" he asked.',
     [("Where were you?", "Paul Brandt"), ("Out,", "Otto Lenz"), ("Where?", "Paul Brandt")],
     "a pronoun in a new turn is the party whose turn it is, not the last name"),
    ('"Where is the key?" I asked.\n\n"In the drawer," said Martha Quill.\n\n"Which drawer?"',
     [("Where is the key?", "I (narrator)"), ("In the drawer,", "Martha Quill"), ("Which drawer?", "I (narrator)")],
     "a first-person narrator takes turns like anyone"),
    ('Martha Quill met Henry Dobbs at the gate.\n\n"Is it far?"\n\n"Two miles," said Henry Dobbs.\n\n'
     '"Then we walk."',
     [("Is it far?", None), ("Two miles,", "Henry Dobbs"), ("Then we walk.", "Martha Quill")],
     "the other party of an exchange is the person last named before it; an opening turn stays open"),
    ('Clara Voss sighed. "Not again."', [("Not again.", "Clara Voss")], "the subject of the sentence before"),
    ('The rain kept falling. "Not again."', [("Not again.", None)], "negative: rain is no speaker"),
    ('Clara Voss came in. Her eyes were red. "Not again."', [("Not again.", "Clara Voss")],
     "a body part before a quotation: its owner acts, and speaks"),
    ('Clara Voss put down her cup and said quietly: "Not again."', [("Not again.", "Clara Voss")],
     "the subject of the clause ending in a colon"),
    ('"You are late." Clara Voss smiled. "The train was slow."',
     [("You are late.", "Clara Voss"), ("The train was slow.", "Clara Voss")],
     "a beat after a closed sentence: its subject speaks before and after it in the paragraph"),
    ('"You are late," Clara Voss smiled.', [("You are late,", "Clara Voss")],
     "negative: a manner verb right after a comma attributes"),
    ('"Stop!" cried a voice from the dark.', [("Stop!", None)], "a voice is no speaker"),
    ('"Stop!" cried the voice of Martin Hale.', [("Stop!", "Martin Hale")], "the voice of X: X speaks"),
    ('A girl stood at the door. "Who are you?" she asked.', [("Who are you?", "girl")],
     "a person noun is what a pronoun points back to when nobody is named"),
    ('Henry Dobbs came in with the boy. He looked at the boy for a long time. "You may go," he said.',
     [("You may go,", "Henry Dobbs")], "a chain of subject pronouns leads back to the name, past a nearer object"),
    ('Otto Lenz sat by the fire.\n\n"Where were you?" asked Paul Brandt.\n\n'
     '"You will laugh," he replied, "but I was at the mill."',
     [("Where were you?", "Paul Brandt"), ("You will laugh,", "Otto Lenz"), ("but I was at the mill.", "Otto Lenz")],
     "the words between two parts belong to the first: both parts are the answering party's"),
    ('"My dear Henry Dobbs, the house is let," said his lady to him.\n\n"Is it?" he asked.\n\n'
     '"It is," returned his wife.\n\n"To whom?"',
     [("My dear Henry Dobbs, the house is let,", "his lady"), ("Is it?", "Henry Dobbs"), ("It is,", "his lady"),
      ("To whom?", "Henry Dobbs")],
     "his lady and his wife are one relation; the name called says who him is, the other party"),
    ('Florence sat with John Linden.\n\n"Uncle, you look tired."\n\n"I am not well, Florence."',
     [("Uncle, you look tired.", "Florence"), ("I am not well, Florence.", "John Linden")],
     "the one the answer calls by name spoke first; the answer is the other one's"),
    ('Florence Linden came in with John Linden. "Do not say that," she pleaded.',
     [("Do not say that,", "Florence Linden")],
     "a given name says she, whatever else the actor's mentions say"),
    ('"The letter came this morning," said Otto Lenz.\n\nThe rain went on all afternoon and into the night. The roads '
     'were flooded, the bridges closed, the telegraph down. Nobody came to the house and nobody left it. The dogs slept '
     'by the stove. The clocks ticked on the wall. The candles burned low in their holders and were not replaced. '
     'The wind howled over the roofs until dawn.\n\n"Read it aloud," said he.',
     [("The letter came this morning,", "Otto Lenz"), ("Read it aloud,", "Otto Lenz")],
     "a pronoun with no name near: the last speaker it fits"),
    ('"The story will tell," Anna Keller ventured to reply.', [("The story will tell,", "Anna Keller")],
     "a reporting verb under another (ventured to reply): the subject of both"),
    ('"What is it?" asked Anna Keller, pointing north.', [("What is it?", "Anna Keller")],
     "a participle after the verb is no reported clause"),
]


def test_manner_verb_after_a_closed_sentence_is_no_attribution(nlp):
    doc = analyze(nlp, '"You are late." Clara Voss smiled.')
    assert [q.speaker_text for q in doc.quotes] == [None]  # the speaker comes from the beat, not a verb
    doc = analyze(nlp, '"You are late," Clara Voss smiled.')
    assert [q.speaker_text for q in doc.quotes] == ["Clara Voss"]


def test_reporting_verb_under_another(nlp):
    doc = analyze(nlp, '"The story will tell," Anna Keller ventured to reply.')
    assert [q.speaker_text for q in doc.quotes] == ["Anna Keller"]
    doc = analyze(nlp, '"The story will tell," Anna Keller wanted to go home.')
    assert [q.speaker_text for q in doc.quotes] == [None]  # no verb reports it (the beat may still tell)


def test_no_duplicate_dialogue():
    assert len({c[0] for c in DIALOGUE}) == len(DIALOGUE)


@pytest.mark.parametrize("text,expected,reason", DIALOGUE, ids=[c[2] for c in DIALOGUE])
def test_dialogue(nlp, text, expected, reason):
    got = [(words, speaker) for words, _kind, speaker, _to in rows(analyze(nlp, text))]
    assert got == expected, reason


# (text, mode of each quotation, reason): thought is a mode of speech, never a kind of its own
MODES = [
    ('"The door is locked," thought Alice Grey.', ["thought"], "a thought verb after the quotation"),
    ('Alice Grey thought: "The door is locked."', ["thought"], "a thought verb before the quotation"),
    ('"The door is locked," said Alice Grey.', [None], "a reporting verb: plain speech"),
    ('As Alice Grey had expected, "the door was locked."', [None], "an expectation frame reports words, not thought"),
]


def test_no_duplicate_modes():
    assert len({c[0] for c in MODES}) == len(MODES)


@pytest.mark.parametrize("text,expected,reason", MODES, ids=[c[2] for c in MODES])
def test_modes(nlp, text, expected, reason):
    doc = analyze(nlp, text)
    assert [q.mode for q in doc.quotes] == expected, reason
    assert {q.kind for q in doc.quotes} <= {"speech", "phrase"}


def test_split_quotation_parts_are_linked(nlp):
    doc = analyze(nlp, '"In the present situation," Walter Grey said, "there is no room for doubt."')
    first, second = doc.quotes
    assert (first.id, second.id) == ("q1", "q2")
    assert first.part_of is None and second.part_of == "q1"
    assert first.speaker == second.speaker is not None
    assert second.speaker_span.text == "Walter Grey"


def test_pages_notes_and_offsets(nlp):
    text = ('page_4\nPage 4\nThe talks failed. "We are not beggars," said Ortiz. 12\n'
            'page_5\nPage 5\nLater "nothing changed," Ortiz told Hale in private. 13\n')
    doc = analyze(nlp, text)
    src = text
    got = [(q.page, q.notes) for q in doc.quotes]
    assert got == [("4", ["12"]), ("5", ["13"])]
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        assert src[q.source_start:q.source_end] == q.text


def test_unbalanced_mark_costs_one_paragraph(nlp):
    doc = analyze(nlp, 'He said "this never ends.\n\nThen Hale said, "We will stay."\n\nThe end.')
    assert [q.text for q in doc.quotes] == ["We will stay."]
    assert [d.kind for d in doc.diagnostics if d.kind.startswith("quotes")] == ["quotes.unbalanced"]


def test_quote_lines_format(nlp):
    doc = analyze(nlp, 'page_7\nPage 7\n"The border is closed," Lars Berg told Ivan Petrov. 3\n')
    assert quote_lines(doc) == ['Lars Berg -> Ivan Petrov  p. 7  n. 3  "The border is closed,"']
    assert quote_lines(doc, speaker="petrov") == []
    assert quote_lines(doc, speaker="BERG") == quote_lines(doc)


def test_cli_quotes(tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text('"We are not beggars," said Ortiz to Hale.\n', encoding="utf-8")
    r = cli("quotes", str(path), "--speaker", "ortiz")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip() == 'Ortiz -> Hale  "We are not beggars,"'
    r = cli("quotes", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and b"missing.txt" in r.stderr


@pytest.mark.shared
def test_specimen_quotes(tmp_path):
    need_shared(SPECIMEN, GOLD)
    from .conftest import score

    out = tmp_path / "spec.json"
    r = cli("analyze", str(SPECIMEN), "--layers", "actors,quotes", "-o", str(out))
    assert r.returncode == 0, r.stderr
    s = score(out)
    assert s["quotes.spans"]["f1"] == 1.0
    assert s["quotes.speakers"]["acc"] == 1.0
    assert s["quotes.addressees"]["acc"] == 1.0
    data = json.loads(out.read_text())
    assert [q["id"] for q in data["quotes"]] == [f"q{n + 1}" for n in range(len(data["quotes"]))]
