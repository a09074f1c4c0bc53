"""Dialogue links between neighbouring quotations, without a parse (no spaCy needed)."""
from types import SimpleNamespace

import pytest

from cliograph.layers.quotes.dialogue import Paragraphs, _settle_doubts, link
from cliograph.layers.quotes.marks import find_quotes


def items(text: str, after: dict[int, str] | None = None):
    """Quotation items over `text` (paragraphs split at blank lines); `after` marks the quotations whose
    attribution follows them (index -> how the cue was read)."""
    pars, a = [], 0
    for chunk in text.split("\n\n"):
        pars.append((a, a + len(chunk)))
        a += len(chunk) + 2
    raws, _ = find_quotes(text, pars)
    out = []
    for n, r in enumerate(raws):
        how = (after or {}).get(n)
        cue = SimpleNamespace(how=how, speaker=None) if how else None
        end = r.close_pos + 1 if r.close_pos is not None else r.end
        out.append(SimpleNamespace(raw=r, cue=cue, end_mark=end, speaker=None, part_of=None))
    return out, pars


def sentences(text: str) -> list[int]:
    """Sentence starts, crudely: after . ! ? and a space (enough for these rows)."""
    return [0] + [i + 2 for i in range(len(text) - 2) if text[i] in ".!?" and text[i + 1] == " "]


# (text, quotations whose attribution follows them, links from the 2nd quotation on, reason)
LINKS = [
    ('"Where were you?"\n\n"At the mill."', {}, ["turn"], "a new paragraph with nothing else: the next turn"),
    ('"Where were you?" "At the mill."', {}, ["turn"], "two quotations side by side: two turns"),
    ('"Go home," said Anna. "It is late."', {0: "after"}, ["same"],
     "the attribution then more words in one paragraph: the speaker goes on"),
    ('"Go home," said Anna.\n\n"It is late."', {0: "after"}, ["turn"],
     "the attribution then a new paragraph: the other party"),
    ('"Go home," said Anna, "it is late."', {0: "after"}, ["part"], "one utterance split by its verb"),
    ('"Go home." The lamp went out and the wind rose over the hills and the long grass of the valley. '
     'The dogs barked far away in the dark and nobody moved in the house for a long time after that. '
     'The clock struck twelve and then one and then two, and still the night went on and on. '
     'Somewhere a door closed. "It is late."',
     {}, ["break"], "a stretch of narrative ends an exchange"),
    ('"Go home." The lamp went out. "It is late."', {}, ["narr"], "negative: a short beat does not end it"),
]


def test_no_duplicate_links():
    assert len({c[0] for c in LINKS}) == len(LINKS)


@pytest.mark.parametrize("text,after,expected,reason", LINKS, ids=[c[3] for c in LINKS])
def test_links(text, after, expected, reason):
    its, pars = items(text, after)
    p = Paragraphs(text, pars, sentences(text))
    assert [link(its[n - 1], its[n], text, p) for n in range(1, len(its))] == expected, reason


def test_one_sentence_a_line_makes_breaks_doubtful():
    lines = ['"Go home," said Anna.', '"It is late."', '"Will you come?" said Anna.', '"No."'] * 3
    text = "\n".join(lines)
    its, pars = items(text, {n: "after" for n in range(0, 12, 2)})
    p = Paragraphs(text, pars, sentences(text))
    got = [link(its[n - 1], its[n], text, p) for n in range(1, 4)]
    # a statement is taken to be continued, a question to be answered, until names tell otherwise
    assert got == ["same?", "turn", "turn?"]


def test_many_sentences_are_many_paragraphs_run_together():
    text = " ".join(f"Sentence number {n} ends here." for n in range(60))
    assert Paragraphs(text, [(0, len(text))], sentences(text)).lined(0)
    short = "One sentence. Another one."
    assert not Paragraphs(short, [(0, len(short))], sentences(short)).lined(0)


# (links, speakers named by verbs, links after, reason)
DOUBTS = [
    (["break", "same?", "turn", "turn"], ["A", None, None, "B"], ["break", "turn", "turn", "turn"],
     "A ... B after two sure changes: the doubtful break is a third, so B is the other side"),
    (["break", "turn?", "turn", "turn"], ["A", None, None, "A"], ["break", "same", "turn", "turn"],
     "negative: A ... A after two changes: a question's doubtful answer is no change after all"),
    (["break", "same?", "turn"], ["A", None, "A"], ["break", "turn", "turn"],
     "A ... A after one change: the doubtful break is a change too"),
    (["break", "same?", "turn?", "turn"], ["A", None, None, "B"], ["break", "same", "turn", "turn"],
     "two doubts between names: each keeps its default"),
]


def test_no_duplicate_doubts():
    assert len({(tuple(c[0]), tuple(map(str, c[1]))) for c in DOUBTS}) == len(DOUBTS)


@pytest.mark.parametrize("links,speakers,expected,reason", DOUBTS, ids=[c[3] for c in DOUBTS])
def test_doubts(links, speakers, expected, reason):
    speech = [SimpleNamespace(speaker=s, part_of=None) for s in speakers]
    links = list(links)
    _settle_doubts(speech, links)
    assert links == expected, reason
