"""Case tables for the events layer: arguments (active, passive, reported, nominal), negation,
modality, PLOVER types, places and dates, on sentences written for these tests.

The actors and the time expressions come from small stand-ins (a name table, a date pattern), so
these rows test the events layer alone; the full pipeline is measured on the specimen elsewhere.
"""
import re

import pytest

from cliograph.ingest import ingest_bytes
from cliograph.layers import Context
from cliograph.layers.events import make_layer
from cliograph.model import Actor, Mention, Quote, TimeExpr, make_span
from cliograph.nlp import parse_paragraphs

pytestmark = pytest.mark.model

ACTORS = {  # in order: a longer name is taken before a shorter one inside it
    "envoy": ("PERSON", ["the British ambassador"]),
    "france": ("GPE", ["the French government", "France"]),
    "britain": ("GPE", ["the British government", "British", "Britain"]),
    "egypt": ("GPE", ["Egypt", "Cairo"]),
    "india": ("GPE", ["India"]),
    "un": ("ORG", ["the United Nations"]),
    "nasser": ("PERSON", ["Nasser"]),
    "eden": ("PERSON", ["Eden"]),
    "nehru": ("PERSON", ["Nehru"]),
    "tito": ("PERSON", ["Tito"]),
}
MONTHS = ("January February March April May June July August September October November December").split()
DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")(?: (\d{1,2}))?,? (\d{4})\b")


def fake_actors(ctx):
    doc = ctx.doc
    taken, mentions, actors = [], [], []
    for aid, (typ, names) in ACTORS.items():
        ms = []
        for name in names:  # longer names first, so `the British government` is not also `Britain`
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", doc.text, re.I):
                if any(a < m.end() and m.start() < z for a, z in taken):
                    continue
                taken.append((m.start(), m.end()))
                ms.append(make_span(doc, m.start(), m.end(), Mention, label=typ))
                mentions.append((m.start(), m.end(), aid, typ))
        actors.append(Actor(id=aid, name=names[-1], type=typ, mentions=ms))
    doc.actors = actors
    ctx.data["mentions"] = sorted(mentions)


def fake_time(ctx):
    doc = ctx.doc
    tx = []
    for i, m in enumerate(DATE.finditer(doc.text)):
        month = MONTHS.index(m.group(1)) + 1
        value = f"{m.group(3)}-{month:02d}" + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
        tx.append(make_span(doc, m.start(), m.end(), TimeExpr, id=f"t{i + 1}", type="DATE", value=value))
    doc.timex = tx
    ctx.data["time_at"] = lambda pos: next((t for t in reversed(tx) if t.start <= pos), None)


def fake_quotes(ctx, said):
    """The quotes layer's answer, given: `said` holds (speaker, addressee, index of the first part or None)
    for each double-quoted span, in order."""
    doc = ctx.doc
    found = list(re.finditer(r'"([^"]+)"', doc.text))
    assert len(found) == len(said), "one attribution per quotation"
    doc.quotes = [make_span(doc, m.start(1), m.end(1), Quote, id=f"q{i + 1}", kind="speech", speaker=who, addressee=to,
                            part_of=f"q{part + 1}" if part is not None else None)
                  for i, (m, (who, to, part)) in enumerate(zip(found, said, strict=True))]


def analyze(nlp, text, actors=True, time=True, said=None):
    doc = ingest_bytes(text.encode("utf-8"), "case.txt")
    ctx = Context(doc=doc, nlp=nlp)
    layer = make_layer()
    for off, parsed in parse_paragraphs(doc, nlp):
        layer.paragraph(ctx, off, parsed)
    if actors:
        fake_actors(ctx)
    if said is not None:
        fake_quotes(ctx, said)
    if time:
        fake_time(ctx)
    layer.finish(ctx)
    return doc


def event_at(doc, trigger):
    got = [e for e in doc.events if e.trigger.text == trigger]
    return got[0] if got else None


ABSENT = "absent"

# (text, trigger, expected fields (or ABSENT: no event there), reason)
CASES = [
    # active
    ("Nasser criticized Eden in a speech.", "criticized",
     {"agent": "nasser", "patient": "eden", "category": "DISAPPROVE", "quad": "verbal conflict"}, "active"),
    ("Egypt expelled the British ambassador.", "expelled",
     {"agent": "egypt", "patient": "envoy", "category": "SANCTION"}, "expelling a diplomat reduces relations"),
    ("Tito met Nehru in Belgrade on March 3, 1956.", "met",
     {"agent": "tito", "patient": "nehru", "category": "CONSULT", "place": "Belgrade", "date": "1956-03-03"},
     "meeting, place and date of the clause"),
    ("India sent troops to Egypt.", "sent", {"agent": "india", "patient": "egypt", "category": "MOBILIZE"},
     "sending troops: the destination is the recipient"),
    ("Britain sent food and medicine to India.", "sent", {"agent": "britain", "patient": "india", "category": "AID"},
     "sending supplies is aid"),
    ("Nehru praised Tito.", "praised", {"agent": "nehru", "patient": "tito", "category": "SUPPORT"}, "active"),
    ("Nasser sent Nehru to see Tito.", "sent", {"agent": "nasser", "patient": "nehru", "category": "CONSULT"},
     "sending an envoy"),
    # passive
    ("Eden was denounced by Nasser.", "denounced", {"agent": "nasser", "patient": "eden", "category": "DISAPPROVE"},
     "passive with a by-agent"),
    ("The British ambassador was expelled by Egypt.", "expelled",
     {"agent": "egypt", "patient": "envoy", "category": "SANCTION"}, "passive, definite description"),
    ("Nehru was received by Tito in Belgrade.", "received", {"agent": "tito", "patient": "nehru", "category": "CONSULT"},
     "passive reception of a visitor"),
    # reported and embedded
    ("The French government informed Nehru that it had recalled all French advisers working in India.", "recalled",
     {"agent": "france", "patient": "india", "category": "SANCTION", "modality": "reported"},
     "embedded act: `it` is the informing government, the patient is where the advisers work"),
    ("The French government informed Nehru that it had recalled all French advisers working in India.", "informed",
     {"agent": "france", "patient": "nehru", "category": None}, "the report of an act is not the act"),
    ("Nasser said that Egypt would never accept the plan.", "accept",
     {"agent": "egypt", "category": "REJECT", "negated": False}, "a negated acceptance is a rejection"),
    ("Eden told Nasser that Britain had withdrawn its troops from Egypt.", "withdrawn",
     {"agent": "britain", "patient": "egypt", "category": "RETREAT", "modality": "reported"},
     "reported withdrawal of troops"),
    ("Tito claimed that he tried to make Nehru change his mind.", "change",
     {"agent": "nehru", "modality": "attempt"}, "an attempt to make someone change is not a change of mind"),
    ("Britain ordered its advisers in Egypt to return home.", "ordered",
     {"agent": "britain", "patient": "egypt", "category": "SANCTION"}, "an order carried out by one's own staff"),
    ("Britain ordered its advisers in Egypt to return home.", "return", ABSENT,
     "the return is part of the order, not a second event"),
    ("The United Nations ordered Britain to withdraw from Egypt.", "ordered",
     {"agent": "un", "patient": "britain", "category": "DEMAND"}, "an order to another actor is a demand"),
    ("The United Nations ordered Britain to withdraw from Egypt.", "withdraw",
     {"agent": "britain", "modality": "directive"}, "an ordered withdrawal has not happened yet"),
    # nominal
    ("The withdrawal of British troops from Egypt began in May 1956.", "withdrawal",
     {"patient": "egypt", "category": "RETREAT", "date": "1956-05"}, "event noun with a source and its clause's date"),
    ("Nasser's visit to India ended the dispute.", "visit", {"agent": "nasser", "patient": "india", "category": "CONSULT"},
     "possessive agent of an event noun"),
    ("The invasion of Egypt by Britain shocked Nehru.", "invasion",
     {"agent": "britain", "patient": "egypt", "category": "ASSAULT"}, "nominal with of-patient and by-agent"),
    ("Nehru welcomed Britain's support for India.", "support",
     {"agent": "britain", "patient": "india", "category": "SUPPORT"}, "nominal support for someone"),
    ("Nehru welcomed Britain's support for India.", "welcomed", {"agent": "nehru", "category": "SUPPORT"},
     "the welcoming verb"),
    ("Britain and France reached an agreement on the canal.", "reached", {"agent": "britain", "category": "AGREE",
                                                                          "predicate": "reach agreement"},
     "light verb takes its type from the event noun"),
    ("Britain and France reached an agreement on the canal.", "agreement", ABSENT,
     "the noun of a light verb is not a second event"),
    ("Nehru held talks with Tito in Delhi.", "held", {"agent": "nehru", "patient": "tito", "category": "CONSULT"},
     "holding talks with someone"),
    ("Nasser confirmed his support for the plan in a conversation with Nehru.", "confirmed",
     {"agent": "nasser", "patient": "nehru", "category": "SUPPORT"}, "the partner of a conversation is the recipient"),
    # negated
    ("Egypt did not attack Britain.", "attack",
     {"agent": "egypt", "patient": "britain", "category": "ASSAULT", "negated": True}, "negation"),
    ("Nehru refused to meet Eden.", "refused", {"agent": "nehru", "patient": "eden", "category": "REJECT"},
     "refusal takes the patient of what is refused"),
    ("Nehru refused to meet Eden.", "meet", {"negated": True}, "what is refused does not happen"),
    ("Tito failed to persuade Nasser.", "persuade", {"agent": "tito", "negated": True}, "failure negates"),
    ("Nasser never visited France.", "visited", {"agent": "nasser", "negated": True}, "never"),
    ("India was eager not to cut its ties with Britain.", "cut",
     {"agent": "india", "category": "SANCTION", "negated": True}, "negated infinitive"),
    # modality
    ("Britain threatened to invade Egypt.", "threatened",
     {"agent": "britain", "patient": "egypt", "category": "THREATEN"}, "threat with the complement's patient"),
    ("Britain threatened to invade Egypt.", "invade", {"category": "ASSAULT", "modality": "threat"},
     "a threatened invasion has not happened"),
    ("India wanted to help Egypt.", "help", {"agent": "india", "patient": "egypt", "modality": "intent"}, "intention"),
    ("If France attacks Egypt, India will protest.", "attacks", {"agent": "france", "modality": "hypothetical"},
     "condition"),
    # patterns and speech acts
    ("Nasser called Eden a liar.", "called", {"agent": "nasser", "patient": "eden", "category": "DISAPPROVE"},
     "calling names"),
    ("Nasser called Nehru a true friend.", "called", {"agent": "nasser", "patient": "nehru", "category": "SUPPORT"},
     "calling someone a friend is not disapproval"),
    ("India cut all ties with Britain.", "cut", {"agent": "india", "patient": "britain", "category": "SANCTION"},
     "cutting ties"),
    ('"This decision will damage our friendship," Nehru told the British ambassador.', "told",
     {"agent": "nehru", "patient": "envoy", "category": "DISAPPROVE"}, "what is said decides the speech act"),
    ("Nehru informed Tito that Britain had withdrawn its troops.", "informed",
     {"agent": "nehru", "patient": "tito", "category": None}, "reporting a fact is no PLOVER event"),
    ("Egypt circulated a letter addressed to the United Nations complaining of British interference.", "circulated",
     {"agent": "egypt", "patient": "un", "category": "DISAPPROVE"}, "a letter's content and addressee"),
    # one row per PLOVER type, news style
    ("Egypt released two British journalists.", "released", {"agent": "egypt", "category": "RETREAT"}, "release"),
    ("Britain imposed sanctions on Egypt after the crisis.", "imposed",
     {"agent": "britain", "patient": "egypt", "category": "SANCTION"}, "imposing sanctions"),
    ("India mobilized its army along the border with Egypt.", "mobilized", {"agent": "india", "category": "MOBILIZE"},
     "mobilization"),
    ("The United Nations launched an investigation into the killings.", "launched",
     {"agent": "un", "category": "INVESTIGATE"}, "launching an investigation"),
    ("Britain demanded that Egypt withdraw its troops from the canal zone.", "demanded",
     {"agent": "britain", "category": "DEMAND"}, "demand"),
    ("Egypt rejected the British proposal.", "rejected", {"agent": "egypt", "category": "REJECT"}, "rejection"),
    ("Nasser warned that Egypt would retaliate against any attack.", "warned",
     {"agent": "nasser", "category": "THREATEN"}, "warning"),
    ("Britain offered Egypt a loan of ten million pounds.", "offered",
     {"agent": "britain", "patient": "egypt", "category": "AID"}, "offering a loan is aid"),
    ("Nehru apologized to Tito for the remarks.", "apologized",
     {"agent": "nehru", "patient": "tito", "category": "CONCEDE"}, "apology"),
    ("Smugglers stole weapons from an army depot.", "stole", {"category": "CRIME"}, "theft"),
    ("India and Egypt agreed to expand their military cooperation.", "expand",
     {"agent": "india", "category": "COOPERATE", "modality": "promise"}, "agreed cooperation"),
    ("Egyptian police arrested dozens of protesters in Cairo.", "arrested", {"category": "COERCE", "place": "Cairo"},
     "arrests"),
    ("Thousands of students demonstrated against the government.", "demonstrated", {"category": "PROTEST"},
     "demonstration"),
    ("Indian troops clashed with Egyptian forces near the border.", "clashed", {"category": "FIGHT"}, "fighting"),
    ("Britain restored diplomatic relations with Egypt.", "restored",
     {"agent": "britain", "patient": "egypt", "category": "SUPPORT"}, "restoring relations"),
    ("The Indian government expressed concern over the fighting.", "expressed",
     {"category": "DISAPPROVE", "predicate": "express concern"}, "expressing concern"),
    ("The court sentenced Nasser to ten years in prison.", "sentenced", {"patient": "nasser", "category": "COERCE"},
     "sentencing"),
    ("Egyptian police fired at demonstrators in Cairo.", "fired", {"category": "ASSAULT"}, "firing at people"),
    ("Nasser fired his foreign minister.", "fired", {"agent": "nasser", "category": None}, "firing an official"),
    ("Egypt expressed regret over the incident.", "expressed", {"agent": "egypt", "category": "CONCEDE"},
     "regret is a concession"),
    ("Egypt granted asylum to Eden.", "granted", {"agent": "egypt", "patient": "eden", "category": "AID"}, "asylum"),
    # arguments in harder places
    ("Nehru called on Britain to withdraw its forces.", "withdraw", {"agent": "britain", "modality": "directive"},
     "called on X to act: X acts"),
    ("Nehru called on Britain to withdraw its forces.", "called", {"agent": "nehru", "patient": "britain",
                                                                  "category": "DEMAND"}, "calling on is a demand"),
    ("Nasser accused Britain of plotting against Egypt.", "plotting", {"agent": "britain", "patient": "egypt"},
     "accused of doing: the accused is the doer"),
    ("Egypt received arms from Britain.", "received", {"agent": "britain", "patient": "egypt", "category": "AID"},
     "receiving aid: the giver is the agent"),
    ("Nasser's government condemned the attack.", "condemned", {"agent": "nasser", "category": "DISAPPROVE"},
     "a possessor before a body of people"),
    ("Egypt denounced British policy.", "denounced", {"agent": "egypt", "patient": None},
     "a demonym before a thing names no recipient"),
    ("The British advisers were withdrawn from Egypt.", "withdrawn",
     {"agent": "britain", "patient": "egypt", "category": "SANCTION"}, "passive withdrawal of one's own advisers"),
    ("The pull-out from Egypt was criticized by Eden in 1958.", "pull-out", {"patient": "egypt", "date": None},
     "the criticism's date is not the pull-out's"),
    # pronouns
    ("Nasser arrived in Delhi. He praised Nehru.", "praised", {"agent": "nasser", "patient": "nehru"},
     "he points back to the last person named as subject"),
    ("Britain protested. It then recalled its ambassador from Cairo.", "recalled",
     {"agent": "britain", "patient": "egypt", "category": "SANCTION"}, "it points back to a state"),
    # negative rows: nothing there
    ("The weather was cold in Paris.", "was", ABSENT, "no act"),
    ("It is imperative to build good relations with India.", "build", {"agent": None, "patient": "india"},
     "an expletive it names no doer"),
    ("Nehru thought about the matter.", "thought", ABSENT, "thinking is no event"),
    # dates
    ("On July 16, 1960, Egypt expelled the British ambassador.", "expelled", {"date": "1960-07-16"},
     "the clause's own date"),
    ("In June 1956 Britain protested. Egypt rejected the protest.", "rejected", {"date": "1956-06"},
     "no date in the clause: the narrative time"),
    ("On May 2, 1957 Egypt informed India that it had ordered its experts in Britain to return home by August 1957.",
     "ordered", {"agent": "egypt", "patient": "britain", "date": "1957-05-02"},
     "the order takes the informing clause's date, not the deadline of the return"),
]


def test_case_table_has_no_duplicates():
    keys = [(text, trigger) for text, trigger, _, _ in CASES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("text,trigger,expected,reason", CASES, ids=[f"{c[1]}:{c[3]}" for c in CASES])
def test_event_cases(nlp, text, trigger, expected, reason):
    doc = analyze(nlp, text)
    e = event_at(doc, trigger)
    if expected == ABSENT:
        assert e is None, f"{reason}: unexpected event {e}"
        return
    assert e is not None, f"{reason}: no event at {trigger!r}; got {[x.trigger.text for x in doc.events]}"
    got = {k: getattr(e, k) for k in expected}
    assert got == expected, reason


def test_events_without_other_layers(nlp):
    """No actors, no time: events still come out, with null actors and dates."""
    doc = analyze(nlp, "On July 16, 1960, Egypt expelled the British ambassador.", actors=False, time=False)
    e = event_at(doc, "expelled")
    assert e is not None and e.category == "SANCTION"
    assert e.agent is None and e.patient is None and e.date is None
    assert e.agent_text == "Egypt" and e.patient_text == "the British ambassador"


def test_spans_ids_and_order(nlp):
    text = "Tito met Nehru in Belgrade. Nasser criticized Eden.\n\nIndia cut all ties with Britain."
    doc = analyze(nlp, text)
    assert [e.id for e in doc.events] == [f"e{i + 1}" for i in range(len(doc.events))]
    assert [e.trigger.start for e in doc.events] == sorted(e.trigger.start for e in doc.events)
    for e in doc.events:
        assert e.trigger.text == doc.text[e.trigger.start:e.trigger.end]
        assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
        assert e.quad == (None if e.category is None else e.quad)


COORDINATED = [
    ("Britain and France invaded Egypt.", "invaded", {("britain", "egypt"), ("france", "egypt")},
     "two invaders, two events"),
    ("Nasser received Nehru and Tito in Cairo.", "received", {("nasser", "nehru"), ("nasser", "tito")},
     "two visitors"),
    ("Nehru met Tito.", "met", {("nehru", "tito")}, "one pair"),
]


def test_coordinated_table_has_no_duplicates():
    assert len({c[0] for c in COORDINATED}) == len(COORDINATED)


@pytest.mark.parametrize("text,trigger,pairs,reason", COORDINATED, ids=[c[3] for c in COORDINATED])
def test_coordinated_actors_give_one_event_per_pair(nlp, text, trigger, pairs, reason):
    doc = analyze(nlp, text)
    got = {(e.agent, e.patient) for e in doc.events if e.trigger.text == trigger}
    assert got == pairs, reason


# Quotations: (text, attribution of each quotation (speaker, addressee, first part), trigger, expected, reason)
ONE = (("eden", "nasser", None),)
QUOTED = [
    # a speech act is what its whole utterance says
    ('"The talks went well," Eden told Nasser. "But Britain will never accept your plan for the canal."',
     (("eden", "nasser", None), ("eden", "nasser", None)), "told",
     {"agent": "eden", "patient": "nasser", "category": "REJECT"},
     "a refusal in the next quotation of the same speaker to the same addressee types the telling"),
    ('"Your government has broken its word," Nehru wrote to Eden, "and India protests against this interference."',
     (("nehru", "eden", None), ("nehru", "eden", 0)), "wrote",
     {"agent": "nehru", "patient": "eden", "category": "DISAPPROVE"}, "a protest in the second part of a split quotation"),
    ('"Withdraw your troops from the canal," Nasser told the British ambassador. "Otherwise Egypt will retaliate."',
     (("nasser", "envoy", None), ("nasser", "envoy", None)), "told",
     {"agent": "nasser", "patient": "envoy", "category": "THREATEN"}, "a threat anywhere in the utterance"),
    ('"The canal belongs to Egypt," Nasser told Eden. "Egypt demands that your troops leave at once."',
     (("nasser", "eden", None), ("nasser", "eden", None)), "told",
     {"agent": "nasser", "patient": "eden", "category": "DEMAND"}, "a demand anywhere in the utterance"),
    ('"We will not withdraw our troops from the canal," Eden told Nasser.', ONE, "told",
     {"agent": "eden", "patient": "nasser", "category": "REJECT"}, "a refusal voiced as a commitment types the telling"),
    ('"We had a pleasant journey," Tito told Nehru. "The weather in Belgrade was fine."',
     (("tito", "nehru", None), ("tito", "nehru", None)), "told",
     {"agent": "tito", "patient": "nehru", "category": None}, "an utterance with no refusal, protest, threat or demand"),
    ('"We will not accept it," Eden told Nasser. "Then let us talk again," Nasser replied.',
     (("eden", "nasser", None), ("nasser", "eden", None)), "replied",
     {"agent": "nasser", "patient": "eden", "category": None},
     "the other party's refusal is not this speaker's; the reply is spoken to the utterance's addressee"),
    # we, us and you inside a quotation; it for what you would do
    ('"If you send troops to the canal, we will not accept it," Nasser told Eden.',
     (("nasser", "eden", None),), "accept",
     {"agent": "nasser", "patient": "eden", "category": "REJECT", "negated": False, "modality": None},
     "we is the speaker; it is what the addressee would do; the refusal is made now"),
    ("If Britain attacks Egypt, India will not accept it.", (), "accept",
     {"agent": "india", "patient": "britain", "category": "REJECT", "modality": "conditional"},
     "narrated, not said: the refusal hangs on the condition"),
    ('"When the rains come, we will build it," Nehru told Tito.', (("nehru", "tito", None),), "build",
     {"agent": "nehru", "patient": None}, "it stands for no actor's act: the rains are no actor"),
    # a negated commitment in a quotation is a refusal made now
    ('"We shall never agree to the partition of Egypt," Nasser told the British ambassador.',
     (("nasser", "envoy", None),), "agree",
     {"agent": "nasser", "patient": "envoy", "category": "REJECT", "negated": False, "modality": None,
      "predicate": "not agree"}, "never agreeing, said to someone, refuses them now"),
    ('"We will not withdraw our troops from the canal," Eden told Nasser.', ONE, "withdraw",
     {"agent": "eden", "category": "REJECT", "negated": False, "modality": None, "predicate": "not withdraw"},
     "refusing to pull back"),
    ('"We will never attack Egypt," Eden told Nasser.', ONE, "attack",
     {"agent": "eden", "category": "ASSAULT", "negated": True}, "renouncing an attack is no refusal"),
    ('"If you attack us, we will fight," Nasser told Eden.', (("nasser", "eden", None),), "fight",
     {"agent": "nasser", "category": "FIGHT", "modality": "conditional"}, "a fight that hangs on a condition"),
    ('"Egypt will never accept the plan," Eden told Nasser.', ONE, "accept",
     {"category": "REJECT", "negated": False, "modality": "future"},
     "a third party's commitment is a forecast, not the speaker's refusal"),
]


def test_quoted_table_has_no_duplicates():
    keys = [(text, trigger) for text, _, trigger, _, _ in QUOTED]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("text,said,trigger,expected,reason", QUOTED, ids=[f"{c[2]}:{c[4]}" for c in QUOTED])
def test_quoted_cases(nlp, text, said, trigger, expected, reason):
    doc = analyze(nlp, text, said=list(said))
    e = event_at(doc, trigger)
    assert e is not None, f"{reason}: no event at {trigger!r}; got {[x.trigger.text for x in doc.events]}"
    got = {k: getattr(e, k) for k in expected}
    assert got == expected, reason
