"""Speakers and addressees across quotations: split utterances, continuations and turn-taking.

- A quotation resumed after its speech verb (`"In present conditions," Khrushchev said, "when..."`,
  `"We are not Yugoslavia," said Chen; "if you want..."`) is a part of the same utterance: same
  speaker, same addressee, `part_of` the first part.
- A quotation no verb attributes, right after another with nothing but a line or paragraph break
  between them, is the next turn of a dialogue: its speaker is the other party (the previous turn's
  addressee, or the speaker before it, or the person the previous turn called by name).
- An addressee comes from the verb (`told X`, `said to X`), a name called inside the quotation, or
  the exchange: the other party of a two-party exchange, or the addressee of the speaker's previous
  turn.
"""
from __future__ import annotations

from .resolve import Resolver

SENT_END = ".!?"
EXCHANGE_CHARS = 300  # narrative between two turns of one exchange, at most
SPLIT_CHARS = 120  # the words between the parts of a split quotation, at most


def gap(text: str, a, b) -> str:
    """The text between quotation item a's closing mark and item b's opening mark."""
    return text[a.end_mark:b.raw.open_pos]


def settle(items: list, res: Resolver, text: str) -> None:
    speech = [it for it in items if it.kind == "speech" and not it.raw.nested]
    index = {id(it): n for n, it in enumerate(items)}
    prev = None
    for it in speech:
        c = it.cue
        if c is not None and c.speaker is not None:
            it.speaker = res.actor(c.speaker, speaker=True)
        if prev is not None:
            g = gap(text, prev, it).strip()
            if it.raw.cont is not None or _split(prev, it, g, text):
                first = prev.part_of if prev.part_of is not None else index[id(prev)]
                it.part_of = first
                if it.speaker is None and (c is None or c.speaker is None):
                    it.speaker = prev.speaker
                    if c is None and prev.cue is not None:
                        it.cue = prev.cue
                if it.speaker == prev.speaker:
                    it.addressee = prev.addressee
        if c is not None and c.addressee is not None and it.addressee is None:
            it.addressee = res.actor(c.addressee, exclude=it.speaker)
        prev = it
    # turns no verb names, then addressees from the exchange
    for n, it in enumerate(speech):
        before = speech[n - 1] if n else None
        if it.speaker is None and it.part_of is None and (it.cue is None or it.cue.speaker is None):
            it.speaker = _turn(speech, n, res, text)
        if it.addressee is None and it.vocative is not None:
            it.addressee = res.actor(it.vocative, exclude=it.speaker)
        if it.addressee is None and it.speaker is not None and before is not None and _exchange(before, it, text):
            if before.speaker is not None and before.speaker != it.speaker:
                it.addressee = before.speaker
            elif before.speaker == it.speaker and before.addressee is not None:
                it.addressee = before.addressee
    # the first turn of an exchange is spoken to whoever answers it
    for n in range(len(speech) - 1):
        it, nxt = speech[n], speech[n + 1]
        if it.addressee is None and it.speaker is not None and nxt.speaker not in (None, it.speaker) \
                and _adjacent(it, nxt, text):
            it.addressee = nxt.speaker


def _split(a, b, g: str, text: str) -> bool:
    """b resumes a's utterance after the speech verb between them."""
    if not g or len(g) > SPLIT_CHARS or any(ch in g for ch in SENT_END):
        return False
    if a.cue is None or a.cue.how != "after":
        return False
    inner_a = text[a.raw.end - 1:a.raw.end]
    first_b = text[b.raw.start:b.raw.start + 1]
    return inner_a in ",;:—-" or first_b.islower() or g[-1] in ",;:—-"


def _exchange(a, b, text: str) -> bool:
    g = gap(text, a, b)
    return len(g) <= EXCHANGE_CHARS and sum(g.count(ch) for ch in SENT_END) <= 1


def _turn(speech: list, n: int, res: Resolver, text: str) -> str | None:
    """The speaker of an unattributed quotation right after another turn."""
    if n == 0:
        return None
    prev, it = speech[n - 1], speech[n]
    if not _adjacent(prev, it, text):
        return None
    called = res.actor(it.vocative) if it.vocative is not None else None
    guess = None
    if prev.addressee is not None and prev.addressee != prev.speaker:
        guess = prev.addressee
    elif prev.vocative is not None:
        guess = res.actor(prev.vocative, exclude=prev.speaker)
    if guess is None and n >= 2 and _adjacent(speech[n - 2], prev, text):
        other = speech[n - 2].speaker
        if other is not None and other != prev.speaker:
            guess = other
    if guess is not None and guess == called:
        # the quotation calls that person by name: it is spoken to them, by the other party
        return prev.speaker if prev.speaker != called else None
    return guess


def _adjacent(a, b, text: str) -> bool:
    """b is the next turn after a: nothing between them but a's own attribution."""
    g = gap(text, a, b).strip()
    if not g:
        return True
    own = a.cue is not None and a.cue.how == "after"
    return own and len(g) <= 150 and sum(g.count(ch) for ch in SENT_END) <= 1
