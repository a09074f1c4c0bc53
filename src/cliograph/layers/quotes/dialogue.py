"""Speakers and addressees across quotations: split utterances, continuations and turn-taking.

Each pair of neighbouring quotations is linked by what lies between them:
- `part`: a quotation resumed after its speech verb (`"In present conditions," Khrushchev said, "when
  ..."`, `"We are not Yugoslavia," said Chen; "if you want..."`): same utterance, same speaker,
  `part_of` the first part.
- `same`: the first quotation's own attribution closes a sentence and the next quotation follows in the
  same paragraph (`"Never," she said. "I was not there."`): the same speaker goes on.
- `turn`: nothing between them but a paragraph break, or the first one's attribution and a paragraph
  break: the next turn of a dialogue, spoken by the other party.
- `narr`: a few sentences of narrative between them; `break`: more than that (the exchange is over).

Where a text shows no paragraphs (one sentence a line, a common corpus layout) a line break after an
attribution may or may not start a paragraph: a question is then taken to be answered by the other
party, anything else to be continued by its speaker.

A quotation no verb attributes takes, in order: its utterance's speaker (`part`, `same`), the subject of
the narrative clause just before it (`Tuppence sighed. "Yes."`), the other party of the exchange (the
speaker before the previous one, the previous turn's addressee or the name it called), the subject of
the sentence just after it. A name called inside a quotation is spoken to, not by.
"""
from __future__ import annotations

from bisect import bisect_right

from .resolve import Resolver

SENT_END = ".!?"
EXCHANGE_CHARS = 300  # narrative between two turns of one exchange, at most
SPLIT_CHARS = 120  # the words between the parts of a split quotation, at most
OWN_CHARS = 300  # a quotation's own attribution (one sentence), at most
RUN_BACK = 6  # turns looked back for the other party of an exchange
MANY_SENTENCES = 40  # a "paragraph" of more sentences than this is many paragraphs run together


def gap(text: str, a, b) -> str:
    """The text between quotation item a's closing mark and item b's opening mark."""
    return text[a.end_mark:b.raw.open_pos]


class Paragraphs:
    """Which paragraph a position lies in, and whether paragraph breaks can be trusted as turn breaks.

    They cannot where the text is one sentence a line: a whole text in one paragraph of many lines each
    ending a sentence, or nearly every paragraph a single sentence (a line-per-sentence layout read as
    paragraphs)."""

    def __init__(self, text: str, spans: list[tuple[int, int]], sentences: list[int] = ()):
        self.text, self.spans, self.sentences = text, spans, sentences
        self.starts = [a for a, _ in spans]
        self._lined: dict[int, bool] = {}
        single = 0
        for a, z in spans:
            i, j = bisect_right(sentences, a), bisect_right(sentences, z - 1)
            single += j - i <= 1
        self.sentence_pars = len(spans) >= 20 and single >= 0.85 * len(spans)

    def index(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def lined(self, k: int) -> bool:
        """Not one paragraph but many run together: lines that nearly all end a sentence, or more
        sentences than any paragraph holds. Its sentence breaks may be paragraph breaks or not."""
        if k not in self._lined:
            a, z = self.spans[k] if k < len(self.spans) else (0, 0)
            lines = [x.rstrip() for x in self.text[a:z].split("\n") if x.strip()]
            ends = sum(1 for x in lines if x[-1] in SENT_END + "\"'”’:;)")
            count = bisect_right(self.sentences, z - 1) - bisect_right(self.sentences, a)
            self._lined[k] = (len(lines) >= 4 and ends >= 0.8 * len(lines)) or count >= MANY_SENTENCES
        return self._lined[k]

    def unsure(self, a: int, b: int, g: str) -> bool:
        """The break between positions a and b may or may not start a paragraph."""
        ka, kb = self.index(a), self.index(b)
        if ka != kb:
            return self.sentence_pars
        return self.lined(kb)


def link(a, b, text: str, pars: Paragraphs) -> str:
    g = gap(text, a, b)
    if b.raw.cont is not None or _split(a, b, g.strip(), text):
        return "part"
    if not g.strip():
        return "turn"
    ka, kb = pars.index(a.end_mark), pars.index(b.raw.open_pos)
    ends = sum(g.count(ch) for ch in SENT_END)
    if a.cue is not None and a.cue.how == "after" and len(g.strip()) <= OWN_CHARS and ends <= 1:
        if pars.unsure(a.end_mark, b.raw.open_pos, g):
            return "turn?" if text[a.raw.start:a.raw.end].rstrip().endswith("?") else "same?"
        return "turn" if ka != kb else "same"
    if len(g) > EXCHANGE_CHARS or ends > 3:
        return "break"
    return "narr"


def settle(items: list, res: Resolver, text: str, pars: Paragraphs) -> None:
    speech = [it for it in items if it.kind == "speech" and not it.raw.nested]
    index = {id(it): n for n, it in enumerate(items)}
    links = ["break"] + [link(speech[n - 1], speech[n], text, pars) for n in range(1, len(speech))]
    # every verb's speaker first, so that a later turn can tell whose side an earlier open one is;
    # a pronoun's reading is looked at again below, in the light of the turns before it
    for it in speech:
        c = it.cue
        if c is not None and c.speaker is not None:
            it.speaker = res.actor(c.speaker, speaker=True)
    _settle_doubts(speech, links)
    side, run = [0] * len(speech), [0] * len(speech)
    for n in range(1, len(speech)):
        k = links[n]
        run[n] = run[n - 1] + (k == "break")
        side[n] = 0 if k == "break" else side[n - 1] ^ (k in ("turn", "narr"))
    for n, it in enumerate(speech):
        c, prev = it.cue, (speech[n - 1] if n else None)
        if links[n] == "part":
            it.part_of = prev.part_of if prev.part_of is not None else index[id(prev)]
            # the words between the parts are the first part's attribution, whichever part they were read with
            if c is None or c.speaker is None or (c.how == "before" and prev.speaker is not None):
                it.speaker = prev.speaker
                if (c is None or c.how == "before") and prev.cue is not None:
                    it.cue = prev.cue
            if it.speaker == prev.speaker:
                it.addressee = prev.addressee
        elif c is not None and c.speaker is not None and c.speaker.pronoun:
            it.speaker = _pronoun_turn(speech, links, side, run, n, res)
        elif _open(it):
            if it.lead is not None and links[n] in ("narr", "break"):  # not the last turn's own `I answered.`
                it.speaker = res.actor(it.lead, speaker=True)
                it.named_by = it.lead if it.speaker is not None else None
            if it.speaker is None:
                it.speaker = _side_guess(speech, links, side, run, n, res)
        if c is not None and c.addressee is not None and it.addressee is None:
            # `"My dear Mr. Bennet," said his lady to him`: the name called says who `him` is
            called = it.vocative if c.addressee.pronoun and it.vocative is not None else c.addressee
            it.addressee = res.actor(called, exclude=it.speaker)
    for it in speech:
        if _open(it) and it.speaker is None and it.tail is not None:
            it.speaker = res.actor(it.tail, speaker=True)
            it.named_by = it.tail
    for it in speech:
        res.claim(it.speaker, it.named_by if it.named_by is not None else it.cue.speaker if it.cue else None)
    res.flush()
    # addressees: a name called, the other party of the exchange
    for n, it in enumerate(speech):
        before = speech[n - 1] if n else None
        if it.addressee is None and it.vocative is not None:
            it.addressee = res.actor(it.vocative, exclude=it.speaker)
        if it.addressee is None and it.speaker is not None and before is not None and links[n] != "break" \
                and len(gap(text, before, it)) <= EXCHANGE_CHARS:
            if before.speaker is not None and before.speaker != it.speaker:
                it.addressee = before.speaker
            elif before.speaker == it.speaker and before.addressee is not None:
                it.addressee = before.addressee
    # the first turn of an exchange is spoken to whoever answers it
    for n in range(len(speech) - 1):
        it, nxt = speech[n], speech[n + 1]
        if it.addressee is None and it.speaker is not None and nxt.speaker not in (None, it.speaker) \
                and links[n + 1] in ("turn", "same"):
            it.addressee = nxt.speaker


def _settle_doubts(speech: list, links: list) -> None:
    """A doubtful break (`turn?`, `same?`) alone between two turns whose speakers the verbs name is what
    makes the sides come out right: the same speaker at both ends wants an even number of changes."""
    last = None  # index of the last turn with a speaker, in this exchange
    doubts: list[int] = []
    changes = 0
    for n, it in enumerate(speech):
        k = links[n]
        if k == "break":
            last, doubts, changes = None, [], 0
        elif k.endswith("?"):
            doubts.append(n)
        elif k in ("turn", "narr"):
            changes += 1
        if it.speaker is None or it.part_of is not None:
            continue
        if last is not None and len(doubts) == 1:
            differ = it.speaker != speech[last].speaker
            links[doubts[0]] = "turn" if (changes + 1) % 2 == differ else "same"
        last, doubts, changes = n, [], 0
    for n, k in enumerate(links):
        if k.endswith("?"):
            links[n] = k[:-1]


def _open(it) -> bool:
    """No verb names this quotation's speaker and it is no part of another's utterance."""
    return it.part_of is None and (it.cue is None or it.cue.speaker is None)


def _split(a, b, g: str, text: str) -> bool:
    """b resumes a's utterance after the speech verb between them."""
    if not g or len(g) > SPLIT_CHARS or any(ch in g for ch in SENT_END):
        return False
    if a.cue is None or a.cue.how != "after":
        return False
    inner_a = text[a.raw.end - 1:a.raw.end]
    first_b = text[b.raw.start:b.raw.start + 1]
    return inner_a in ",;:—-" or first_b.islower() or g[-1] in ",;:—-"


def _pronoun_turn(speech: list, links: list, side: list, run: list, n: int, res: Resolver) -> str | None:
    """`he said` in a dialogue: the speaker going on, or the party whose turn it is, when the pronoun fits."""
    it, k = speech[n], links[n]
    who = it.cue.speaker
    prev = speech[n - 1].speaker if n else None
    if who.pronoun in ("he", "she"):
        if k == "same" and prev is not None and res.fits(prev, who.pronoun):
            return prev
        if k == "turn":
            for guess in (_nearest(speech, side, run, n), speech[n - 1].addressee):
                if guess is not None and guess != prev and res.fits(guess, who.pronoun):
                    return guess  # the party whose turn it is, or whom the last turn spoke to
            return res.actor(who, speaker=True, exclude=prev) or _last_fitting(speech, n, who.pronoun, prev, res)
        return res.actor(who, speaker=True) or _last_fitting(speech, n, who.pronoun, None, res)
    return res.actor(who, speaker=True)


def _last_fitting(speech: list, n: int, word: str, exclude: str | None, res: Resolver) -> str | None:
    """`"...," said he.` with no name near: the last speaker the pronoun fits."""
    for m in range(n - 1, max(-1, n - 2 * RUN_BACK), -1):
        who = speech[m].speaker
        if who is not None and who != exclude and res.fits(who, word):
            return who
    return None


def _nearest(speech: list, side: list, run: list, n: int) -> str | None:
    """The speaker of the nearest known turn on the same side of the same exchange."""
    for d in range(1, 2 * RUN_BACK + 1):
        for m in (n - d, n + d):
            if 0 <= m < len(speech) and run[m] == run[n] and side[m] == side[n] and speech[m].speaker is not None:
                return speech[m].speaker
    return None


def _called_next(speech: list, links: list, n: int, res: Resolver) -> str | None:
    """`"Uncle, you look tired."` `"I am not well, Florence."`: the one the answer calls by name spoke first."""
    if n + 1 < len(speech) and links[n + 1] == "turn" and speech[n + 1].vocative is not None:
        who = res.actor(speech[n + 1].vocative)
        if who is not None and who != speech[n + 1].speaker:
            return who
    return None


def _side_guess(speech: list, links: list, side: list, run: list, n: int, res: Resolver) -> str | None:
    """An open turn: parties alternate at each turn and stay at `same` and `part`, so the turn takes the
    speaker of the nearest known turn on its side; else the previous turn's addressee or the name it called."""
    it = speech[n]
    if links[n] == "same":
        return speech[n - 1].speaker
    if links[n] == "break":
        return _called_next(speech, links, n, res)
    guess = _nearest(speech, side, run, n)
    prev = speech[n - 1]
    other = side[n - 1] != side[n]
    if guess == prev.speaker and other:
        guess = None  # a third voice, or a side wrongly counted: no guess
    if guess is None and other:
        if prev.addressee is not None and prev.addressee != prev.speaker:
            guess = prev.addressee
        elif prev.vocative is not None:
            guess = res.actor(prev.vocative, exclude=prev.speaker)
        if guess is None and prev.speaker is not None:
            first = run.index(run[n], max(0, n - 4 * RUN_BACK))  # the exchange's first turn, or one well before
            # whom someone in the exchange spoke to, else the person last named before it
            spoken_to = [m.addressee for m in speech[first:n] if m.addressee not in (None, prev.speaker)]
            guess = spoken_to[-1] if spoken_to else res.recent(speech[first].raw.open_pos, prev.speaker)
    if guess is None:
        guess = _called_next(speech, links, n, res)
    called = res.actor(it.vocative) if it.vocative is not None else None
    if guess is not None and guess == called:
        # the quotation calls that person by name: it is spoken to them, by the other party
        guess = prev.speaker if prev.speaker != called else None
    return guess
