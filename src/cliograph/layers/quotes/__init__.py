"""Quotations: detection, kind, speaker, addressee, page and notes.

Marks are paired once over the clean text (marks.py); each paragraph's parse then tells who speaks
each quotation and to whom (attribute.py) and what kind it is (kind.py); after the actors layer has
finished, speakers and addressees become actor ids (resolve.py) and dialogue fills the turns no verb
names (dialogue.py).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ...model import Diagnostic, Quote, make_span, page_at
from ...model.spans import notes_citing
from .attribute import SUBJ, Cue, Reader
from .dialogue import Paragraphs, settle
from .kind import FINITE, Features, decide, text_features
from .lexicon import lexicon
from .marks import RawQuote, find_quotes
from .resolve import Resolver

__all__ = ["make_layer", "QuotesLayer"]

FIRST = frozenset(("i", "me", "my", "myself"))
NOMINAL_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj", "dative"))


@dataclass
class Item:
    """One quotation while the document is read: its marks, what the parse said, then the result."""

    raw: RawQuote
    par: int
    features: Features = field(default_factory=Features)
    before: Cue | None = None
    after: Cue | None = None
    governing: Cue | None = None
    vocative: object = None
    lead: object = None  # subject of the narrative clause just before the quotation (a Who)
    tail: object = None  # subject of the narrative sentence just after it
    named_by: object = None  # the lead or tail that gave the speaker, when no verb did
    cue: Cue | None = None
    kind: str = "speech"
    rejected: bool = False
    speaker: str | None = None
    addressee: str | None = None
    part_of: int | None = None  # index of the first part of the utterance
    id: str = ""

    @property
    def end_mark(self) -> int:
        r = self.raw
        return r.close_pos + 1 if r.close_pos is not None else r.end


class QuotesLayer:
    name = "quotes"

    def __init__(self):
        self.lex = lexicon()
        self.items: list[Item] | None = None
        self.problems = []
        self.subjects: list[int] = []
        self.pronouns: list[tuple[int, str]] = []
        self.sentences: list[int] = []
        self.nominals: list[tuple[int, int, str, bool]] = []  # `the girl` outside quotations: (start, end, word, subject)
        self.firsts: list[tuple[int, int]] = []
        self.chain: list[tuple[int, str]] = []  # subject `he`, `she` outside quotations  # the narrator's `I`, `me`, `my` outside quotations
        self.pending: list[Item] = []

    # ------------------------------------------------------------ detection
    def _detect(self, ctx) -> None:
        doc = ctx.doc
        pars = [(p.start, p.end) for p in doc.paragraphs]
        raws, self.problems = find_quotes(doc.text, pars, doc.partial_start, doc.partial_end)
        starts = [a for a, _ in pars]
        self.items = [Item(r, max(bisect_left(starts, r.open_pos + 1) - 1, 0)) for r in raws]
        self._block_candidates(doc, pars)
        self.items.sort(key=lambda it: (it.raw.start, it.raw.end))
        self.top = [it for it in self.items if not it.raw.nested and not it.raw.block]
        self.opens = [it.raw.open_pos for it in self.top]
        self.closes = [it.end_mark for it in self.top]
        self.blocks = {it.par - 1: it for it in self.items if it.raw.block}
        self.nested = [it for it in self.items if it.raw.nested]

    def _block_candidates(self, doc, pars) -> None:
        """A paragraph introduced by a colon and without marks of its own may be a block quotation."""
        text = doc.text
        marked = {it.par for it in self.items}
        for k in range(1, len(pars)):
            a, z = pars[k]
            pa, pz = pars[k - 1]
            if k in marked or a >= doc.main_end or not text[pa:pz].rstrip().endswith(":"):
                continue
            s = a
            while s < z and text[s].isspace():
                s += 1
            e = z
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s >= 20:
                self.items.append(Item(RawQuote(s, e, s, None, "block", block=True), k))

    # ------------------------------------------------------------ per paragraph
    def paragraph(self, ctx, offset: int, parsed) -> None:
        if self.items is None:
            self._detect(ctx)
        end = offset + len(parsed.text)
        lo = bisect_left(self.closes, offset)
        hi = bisect_left(self.opens, end)
        here = self.top[lo:hi]
        spans = [(it.raw.open_pos, it.end_mark) for it in here]
        rd = Reader(parsed, offset, self.lex, spans)
        for t in parsed:
            if rd.qi[t.i] >= 0:
                continue
            if t.dep_ in SUBJ:
                self.subjects.append(offset + t.idx)
            g = self.lex.pronouns.get(t.lower_)
            if g in ("m", "f"):
                self.pronouns.append((offset + t.idx, g))
                if t.dep_ in SUBJ and t.lower_ in ("he", "she"):
                    self.chain.append((offset + t.idx, g))
            elif t.lower_ in FIRST and t.pos_ == "PRON":
                self.firsts.append((offset + t.idx, offset + t.idx + len(t)))
            elif t.pos_ == "NOUN" and t.tag_ == "NN" and t.lower_ in self.lex.persons and t.dep_ in NOMINAL_DEPS:
                self.nominals.append((offset + t.idx, offset + t.idx + len(t), t.lower_, t.dep_ in SUBJ))
        for s in parsed.sents:
            self.sentences.append(offset + s.start_char)
        if self.pending and (parsed.text[:1].islower() or _i_said(parsed, self.lex)):
            first = rd.after_window(offset)
            for it in self.pending:
                it.after = it.after or rd.cue(*first, "after")
        self.pending = []
        for it in here:
            r = it.raw
            if offset <= r.open_pos < end:
                self._inside(ctx, rd, it, offset, end)
            if r.close_pos is not None and offset <= r.close_pos < end:
                lo_, hi_ = rd.after_window(r.close_pos + 1)
                if lo_ >= len(parsed):
                    self.pending.append(it)
                else:
                    it.after = rd.cue(lo_, hi_, "after")
                    it.tail = rd.tail(r.close_pos + 1)
        for it in self.nested:
            if offset <= it.raw.start < end:
                self._inside(ctx, rd, it, offset, end)
        block = self.blocks.get(self._par_index(ctx, offset))
        if block is not None:
            lo_, hi_ = rd.before_window(end)
            cue = rd.cue(lo_, hi_, "before")
            if cue is None and "follow" not in parsed.text[-40:].lower():
                block.rejected = True
            else:
                block.before = cue or Cue()
                block.before.how = "block"

    def _par_index(self, ctx, offset: int) -> int:
        pars = ctx.doc.paragraphs
        if not hasattr(self, "_pstarts"):
            self._pstarts = [p.start for p in pars]
        return max(bisect_left(self._pstarts, offset + 1) - 1, 0)

    def _inside(self, ctx, rd: Reader, it: Item, offset: int, end: int) -> None:
        r = it.raw
        text = ctx.doc.text
        par_start = ctx.doc.paragraphs[it.par].start if it.par < len(ctx.doc.paragraphs) else offset
        f = text_features(text, r.start, r.end, r.open_pos, r.close_pos, par_start, self.lex)
        first, last = rd.tok_at(r.start), rd.tok_at(min(r.end, end)) - 1
        for k in range(first, last + 1):
            t = rd.doc[k]
            if not t.is_punct:
                f.words += 1
            if t.tag_ in FINITE:
                f.finite = True
            if t.lower_ in self.lex.first_second and t.pos_ == "PRON":
                f.person12 = True
        it.features = f
        if r.nested or r.block:
            return
        lo_, hi_ = rd.before_window(r.open_pos)
        if hi_ > lo_:
            it.before = rd.cue(lo_, hi_, "before")
            if it.before is not None and it.before.addressee is None:
                it.before.addressee = rd.addressee_noun(lo_, hi_)
        if not f.standalone and first <= last:
            it.governing = rd.governing(first, last)
        if first <= last:
            it.vocative = rd.vocative(first, last)
        it.lead = rd.lead(r.open_pos)

    # ------------------------------------------------------------ after the actors layer
    def finish(self, ctx) -> None:
        doc = ctx.doc
        if self.items is None:
            self._detect(ctx)
        items = [it for it in self.items if not it.rejected]
        for it in items:
            it.cue = choose(it, doc.text)
            f = it.features
            c = it.cue
            it.kind = decide(f, doc.text[it.raw.start:it.raw.end], c.verb if c else None, c.how if c else None,
                             it.raw.nested)
        spans = [(it.raw.open_pos, it.end_mark) for it in items if not it.raw.nested]
        res = Resolver(ctx, self.lex, spans, self.subjects, self.pronouns, self.sentences, self.nominals,
                       self.firsts, self.chain)
        settle(items, res, doc.text, Paragraphs(doc.text, [(p.start, p.end) for p in doc.paragraphs], self.sentences))
        quotes = []
        for n, it in enumerate(items):
            it.id = f"q{n + 1}"
        for it in items:
            r = it.raw
            c = it.cue if it.kind != "phrase" else None
            who = c.speaker if c else None
            page = page_at(doc, r.start)
            quotes.append(make_span(
                doc, r.start, r.end, Quote, id=it.id, kind=it.kind,
                speaker=it.speaker if it.kind != "phrase" else None,
                speaker_text=who.text if who else None,
                addressee=it.addressee if it.kind != "phrase" else None,
                page=page.label if page else None, notes=notes_citing(doc, r.start, r.end),
                part_of=items[it.part_of].id if it.part_of is not None else None,
                speaker_span=make_span(doc, who.start, who.end) if who else None,
                mode="thought" if c and c.thought and c.how in ("after", "before") else None))
        doc.quotes = quotes
        for p in self.problems:
            page = page_at(doc, p.pos)
            sp = make_span(doc, p.pos, p.pos + 1)
            where = f" (p. {page.label})" if page and page.label else ""
            doc.diagnostics.append(Diagnostic(
                kind="quotes.unbalanced", message=f"{p.message} at offset {p.pos}{where}: {doc.text[p.pos:p.pos + 40]!r}",
                source_start=sp.source_start, source_end=sp.source_end))


def _i_said(parsed, lex) -> bool:
    """A paragraph opening `I asked.` after a quotation attributes it: `I` is capitalized wherever it stands."""
    lemma = parsed[1].lemma_.lower() if len(parsed) > 1 else ""
    return parsed[0].text == "I" and lemma in lex.reporting and lemma not in lex.weak


def choose(it: Item, text: str) -> Cue | None:
    """Which of the cues found around a quotation names its speaker."""
    a, b, g = it.after, it.before, it.governing
    if it.raw.block:
        return b
    inner_end = text[it.raw.end - 1:it.raw.end]
    if a is not None and (a.speaker is not None or b is None):
        if inner_end in ",?!—-" or b is None or b.speaker is None:
            return a
    if b is not None and (b.speaker is not None or a is None):
        return b
    if a is not None:
        return a
    if g is not None and g.speaker is not None:
        return g
    return None


def make_layer() -> QuotesLayer:
    return QuotesLayer()
