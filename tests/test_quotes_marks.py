"""Quotation marks: which characters open and close quotations (no spaCy needed)."""
import pytest

from cliograph.layers.quotes.marks import find_quotes


def quoted(text: str) -> tuple[list[str], int]:
    pars, a = [], 0
    for chunk in text.split("\n\n"):
        pars.append((a, a + len(chunk)))
        a += len(chunk) + 2
    qs, problems = find_quotes(text, pars)
    return [text[q.start:q.end] for q in qs], len(problems)


CASES = [
    ('"We are not beggars," said Ortiz.', ["We are not beggars,"], "straight double quotes"),
    ("“The bridge must be finished,” she wrote.", ["The bridge must be finished,"], "curly double quotes"),
    ('"In the present situation," Grey said, "there is no room for doubt."',
     ["In the present situation,", "there is no room for doubt."], "a quotation split by its speech verb"),
    ("‘I shall go,’ said Anna. ‘You must not,’ replied Paul.", ["I shall go,", "You must not,"],
     "single-quote dialogue (British use)"),
    ("'I shall go,' said Anna. 'You must not,' replied Paul.", ["I shall go,", "You must not,"],
     "straight single-quote dialogue"),
    ('"He told me, \'I will never sign,\' and left," said Anna.',
     ["He told me, 'I will never sign,' and left,", "I will never sign,"], "a nested quotation"),
    ("“She read the “Spectator” every day,” he said.", ["She read the “Spectator” every day,", "Spectator"],
     "a nested quotation with the same marks"),
    ('"The first part of my statement.\n\n"The second part," said Anna.',
     ["The first part of my statement.", "The second part,"], "a quotation over two paragraphs"),
    ('" Good night , " said he .', ["Good night ,"], "tokenized text: marks with spaces on both sides"),
    ('"The [treaty] is dead . . . and buried," said Berg.', ["The [treaty] is dead . . . and buried,"],
     "ellipses and editorial brackets stay inside"),
    ('The so-called "second wave" of reforms failed.', ["second wave"], "a scare quote is found (its kind is phrase)"),
    ('His article "The Roots of Conflict" appeared in 1950.', ["The Roots of Conflict"], "a title is found"),
    # negative rows: no quotation
    ('The board is 12" wide and 6\' long.', [], "inch and foot marks"),
    ('He is 6\' 2" tall.', [], "height in feet and inches"),
    ("Don't touch the boys' toys, O'Brien.", [], "apostrophes, a plural possessive"),
    ("'Tis the season, and rock 'n' roll in the '60s.", [], "elisions and a decade"),
    ("China' s security needs grew.", [], "an OCR'd apostrophe with a space"),
    ("It was the children’s hour and the Joneses’ car.", [], "curly apostrophes"),
]


def test_no_duplicate_inputs():
    inputs = [c[0] for c in CASES]
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize("text,expected,reason", CASES, ids=[c[2] for c in CASES])
def test_marks(text, expected, reason):
    got, problems = quoted(text)
    assert sorted(got) == sorted(expected), reason
    assert problems == 0, reason


UNBALANCED = [
    ('He said "this never ends.\n\nThe next paragraph "is fine" here.', ["is fine"], 1,
     "a mark never closed costs its paragraph, not the document"),
    ('The end" of nothing.\n\nThen "a quote" came.', ["a quote"], 1, "a stray closing mark"),
    ('“One.\n\nTwo without marks.\n\n“Three,” he said.', ["Three,"], 1,
     "an open mark followed by a paragraph without marks and a new opening mark"),
]


def test_unbalanced_no_duplicates():
    assert len({c[0] for c in UNBALANCED}) == len(UNBALANCED)


@pytest.mark.parametrize("text,expected,problems,reason", UNBALANCED, ids=[c[3] for c in UNBALANCED])
def test_unbalanced(text, expected, problems, reason):
    got, n = quoted(text)
    assert got == expected, reason
    assert n == problems, reason


def test_linear_on_many_marks():
    text = '"A," he said. ' * 20000
    got, n = quoted(text)
    assert len(got) == 20000 and n == 0
