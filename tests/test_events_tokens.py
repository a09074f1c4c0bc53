"""The events layer reads each paragraph's tokens once (`events.tokens.Para`): every attribute, link and
sentence it copies must be what spaCy itself answers for the same token, so the events do not change."""
import pytest

from cliograph.layers.events.tokens import Para

# (text, what it exercises, reason)
TEXTS = [
    ("Nasser met Nehru in Cairo on March 3, 1956, and they talked for hours.", "conj, pobj, dates",
     "coordinated clauses and a date entity"),
    ("The British government, which had recalled its advisers, refused to pay. Egypt protested.",
     "relcl, xcomp, two sentences", "relative clause and a second sentence"),
    ('"We will not accept it," said the minister.  He left at once.', "quotes, neg, double space",
     "a whitespace token between sentences and a negation"),
    ("Tito, Nehru and Nasser signed the pull-out agreement of the Non-Aligned Movement.", "appos, hyphen, names",
     "a hyphenated noun and a multi-word name"),
    ("Sukarno's government was not able to stop the 1965 coup in Indonesia.", "poss, neg, acomp",
     "a possessor, a negated adjective with a complement"),
    ("Ça ira!  Straße, naïve café — 1990s U.S.-led talks.", "non-ASCII, punctuation",
     "accents and dashes keep their offsets"),
]


def test_text_table_has_no_duplicates():
    assert len({t[0] for t in TEXTS}) == len(TEXTS)


def spacy_view(doc, t):
    s = t.sent
    return (t.i, t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.ent_type_, t.idx, t.idx + len(t.text),
            t.is_alpha, t.head.i, [c.i for c in t.lefts], [c.i for c in t.rights], [c.i for c in t.children],
            [c.i for c in t.subtree], sorted(c.i for c in t.subtree), [c.i for c in t.conjuncts], t.left_edge.i,
            t.right_edge.i, (s.start_char, s.end_char), t.text, t.lemma_, t.ent_iob_)


def para_view(p, k):
    return (k.i, k.lower_, k.lemma, k.pos_, k.tag_, k.dep_, k.ent_type_, k.idx, k.end,
            k.is_alpha, k.head.i, [c.i for c in k.lefts], [c.i for c in k.rights], [c.i for c in k.children],
            [c.i for c in k.subtree], sorted(c.i for c in k.words()), [c.i for c in k.conjuncts], p.left_edge(k).i,
            p.right_edge(k).i, p.sentence(k), p.tok_text(k), p.lemma_(k), p.ent_iob_(k.i))


@pytest.mark.model
@pytest.mark.parametrize("text,what,reason", TEXTS, ids=[t[1] for t in TEXTS])
def test_tokens_answer_as_spacy_does(nlp, text, what, reason):
    doc = nlp(text)
    p = Para(doc, "<<" + text, 2)  # the clean text holds the paragraph at offset 2
    assert len(p) == len(doc)
    for t, k in zip(doc, p, strict=True):
        assert para_view(p, k) == spacy_view(doc, t), f"{reason}: token {t.i} {t.text!r}"
    for e in doc.ents:
        assert p.span_text(e.start, e.end - 1) == e.text, reason
    for a in range(len(doc)):
        z = min(len(doc) - 1, a + 3)
        assert p.span_text(a, z) == doc[a:z + 1].text == Para(doc).span_text(a, z), reason


@pytest.mark.model
def test_released_tokens_keep_no_links(nlp):
    p = Para(nlp("Egypt closed the canal."))
    toks = list(p)
    p.release()
    assert len(p) == 0 and all(k.head is None for k in toks)


def test_blank_parse_has_no_links_and_no_sentences(blank_nlp):
    doc = blank_nlp("A text without a parse.")
    p = Para(doc)
    assert [k.head is k for k in p] == [True] * len(doc)
    assert all(not k.children for k in p)
    assert [k.lower_ for k in p] == [t.lower_ for t in doc]
    with pytest.raises(ValueError):  # spaCy's `t.sent` raises too
        _ = doc[0].sent
    with pytest.raises(ValueError):
        p.sentence(p[0])


def test_empty_doc(blank_nlp):
    p = Para(blank_nlp(""))
    assert len(p) == 0 and list(p) == []
