"""Turn speaker and addressee phrases into actor ids over the actors layer's mentions.

Names resolve through the mention they overlap (by the phrase's head word, so `supporters of
Leonid Brezhnev` stays a group and does not become Brezhnev). Pronouns resolve to the most recent
PERSON mention of a compatible gender outside quotations, preferring a subject in the same or the
previous sentence. An actor's gender comes from its titles and given names, then from the `he` and
`she` that follow its mentions. Bare nouns (`the parson`) find a named mention carrying that word.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict

from .attribute import Who
from .lexicon import Lexicon

PLURAL_LABELS = frozenset(("NORP", "ORG", "GPE"))
POSSESSIVE = frozenset(("his", "her", "my", "your", "their", "our"))
LOOKBACK_CHARS = 3000
LOOKBACK_MENTIONS = 40
CHAIN_HOPS = 8  # `he` ... `he` ... `he`: how far a chain of subject pronouns is followed back
SCENE_CHARS = 5000  # the same noun (`the man`) this far from its last mention names someone new


class Resolver:
    def __init__(self, ctx, lex: Lexicon, quote_spans: list[tuple[int, int]], subjects: list[int],
                 pronouns: list[tuple[int, str]], sentences: list[int],
                 nominals: list[tuple[int, int, str, bool]] = (), firsts: list[tuple[int, int]] = (),
                 chain: list[tuple[int, str]] = ()):
        self.ctx, self.lex = ctx, lex
        text = ctx.doc.text
        self.text = text
        self.qstarts = [a for a, _ in quote_spans]
        self.qspans = quote_spans
        self.subjects = subjects
        self.sentences = sentences
        self.mentions = list(ctx.data.get("mentions") or [])
        self.mstarts = [m[0] for m in self.mentions]
        self.person = [m for m in self.mentions if m[3] == "PERSON" and not self.in_quote(m[0])]
        self.pstarts = [m[0] for m in self.person]
        self.gender = self._genders(pronouns)
        self.locals: dict = {}
        self.made = 0
        self.claims: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.local_m: list[tuple[int, int, str, str]] = []  # mentions of the actors made here, in text order
        self.by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        # `the girl`, `a man` outside quotations and outside any actor's mention: what `she` may point to
        self.nominals = [n for n in nominals if ctx.actor_at(n[0], n[1]) is None]
        self.nstarts = [n[0] for n in self.nominals]
        self.firsts = firsts
        self.chain: dict[str, list[int]] = defaultdict(list)  # subject `he` / `she` outside quotations
        for p, g in chain:
            self.chain[g].append(p)
        for s, e, aid, _label in self.person:
            for w in text[s:e].split():
                if w[:1].isupper():
                    self.by_word[w.strip(".,").lower()].append((s, aid))

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.qstarts, pos) - 1
        return i >= 0 and self.qspans[i][0] <= pos < self.qspans[i][1]

    def is_subject(self, start: int, end: int) -> bool:
        i = bisect_left(self.subjects, start)
        return i < len(self.subjects) and self.subjects[i] < end

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentences, pos) - 1

    def _genders(self, pronouns: list[tuple[int, str]]) -> dict[str, str]:
        votes: dict[str, Counter] = defaultdict(Counter)
        lex = self.lex
        for s, e, aid, _label in self.person:
            words = self.text[s:e].lower().replace(".", "").split()
            if not words:
                continue
            first = words[0]
            if first in lex.male_titles:
                votes[aid]["m"] += 3
            elif first in lex.female_titles:
                votes[aid]["f"] += 3
            elif first in lex.male:
                votes[aid]["m"] += 2
            elif first in lex.female:
                votes[aid]["f"] += 2
        for pos, g in pronouns:
            if g not in ("m", "f"):
                continue
            i = bisect_left(self.pstarts, pos) - 1
            if i < 0:
                continue
            s, e, aid, _label = self.person[i]
            if self.sentence_of(pos) - self.sentence_of(s) > 1:
                continue
            # only when that sentence window names one person: otherwise the vote is a guess
            j = i - 1
            if j >= 0 and self.person[j][2] != aid and self.sentence_of(self.person[j][0]) >= self.sentence_of(s) - 1:
                continue
            votes[aid][g] += 1
        out = {}
        for aid, c in votes.items():
            (g, n), *rest = c.most_common(2) + [("", 0)]
            if n > rest[0][1]:
                out[aid] = g
        return out

    def fits(self, aid: str, word: str) -> bool:
        """Actor `aid` may be called `word` (`he`, `she`): its gender agrees or is unknown."""
        g = self.lex.pronouns.get(word)
        return g not in ("m", "f") or self.gender.get(aid, g) == g

    def pronoun(self, pos: int, word: str, exclude: str | None = None, hops: int = 0) -> str | None:
        g = self.lex.pronouns.get(word)
        if g in (None, "1", "n"):
            return None
        if g == "p":
            return self._plural(pos, exclude)
        here = self.sentence_of(pos)
        best, seen, subj = None, 0, None
        for s, e, aid in self._before(pos):
            if seen >= LOOKBACK_MENTIONS or pos - s > LOOKBACK_CHARS:
                break
            if aid[0] == "~":
                ng = self._noun_gender(self.nominals[int(aid[1:])][2])
                if ng is not None and ng != g:
                    continue
            elif aid == exclude or self._mention_gender(s, e, aid) not in (g, None):
                continue
            seen += 1
            near = here - self.sentence_of(s) <= 1
            if best is None:
                best = (s, aid)
                if not near:
                    break
            if near and self.is_subject(s, e):
                subj = (s, aid)
                break
            if not near:
                break
        # `He stared at the boy. "...," he said.`: a subject `he` nearer than any subject named is the same
        # person as that one, before any nearer name that is no subject
        k = bisect_left(self.chain[g], pos) - 1 if g in self.chain else -1
        if k >= 0 and hops < CHAIN_HOPS and here - self.sentence_of(self.chain[g][k]) <= 1 \
                and (subj or (-1, None))[0] < self.chain[g][k]:
            got = self.pronoun(self.chain[g][k], word, exclude, hops + 1)
            if got is not None:
                return got
        return self._settle_nominal((subj or best or (0, None))[1], g)

    def recent(self, pos: int, exclude: str | None) -> str | None:
        """The person last mentioned before `pos` other than `exclude`: the narrator when an `I` outside
        quotations is nearer (once the narrator speaks), else a named or described person."""
        narrator = self.locals.get("i")
        k = bisect_left(self.firsts, (pos,)) - 1
        for s, _e, aid in self._before(pos):
            if pos - s > LOOKBACK_CHARS:
                break
            if narrator is not None and narrator.id != exclude and k >= 0 and self.firsts[k][0] > s:
                return narrator.id
            if aid[0] == "~":
                aid = self._settle_nominal(aid, "")
            if aid is not None and aid != exclude:
                return aid
        return None

    def _before(self, pos: int):
        """PERSON mentions before `pos`, nearest first: the actors layer's, this layer's own actors', and
        person nouns (`the girl`), these with the id `~k` until one is chosen."""
        i = bisect_left(self.pstarts, pos) - 1
        j = bisect_left(self.local_m, (pos,)) - 1
        k = bisect_left(self.nstarts, pos) - 1
        while i >= 0 or j >= 0 or k >= 0:
            a = self.person[i][0] if i >= 0 else -1
            b = self.local_m[j][0] if j >= 0 else -1
            c = self.nominals[k][0] if k >= 0 else -1
            if a >= b and a >= c:
                m, i = self.person[i], i - 1
                yield m[0], m[1], m[2]
            elif b >= c:
                m, j = self.local_m[j], j - 1
                yield m[0], m[1], m[2]
            else:
                m, k = self.nominals[k], k - 1
                yield m[0], m[1], f"~{k + 1}"

    def _mention_gender(self, s: int, e: int, aid: str) -> str | None:
        """`Mrs. Hale`, `Florence Hale`: the title or given name says, whatever the actor's others say;
        else the actor's gender."""
        words = self.text[s:e].lower().replace(".", "").split()
        if words:
            lex = self.lex
            w = words[0]
            if w in lex.male_titles or (w in lex.male and w not in lex.female):
                return "m"
            if w in lex.female_titles or (w in lex.female and w not in lex.male):
                return "f"
        return self.gender.get(aid)

    def _noun_gender(self, word: str) -> str | None:
        return "m" if word in self.lex.male_titles else "f" if word in self.lex.female_titles else None

    def _settle_nominal(self, aid: str | None, g: str) -> str | None:
        """A person noun chosen as antecedent becomes this layer's actor for that noun."""
        if aid is None or not aid.startswith("~"):
            return aid
        s, e, word, _subj = self.nominals[int(aid[1:])]
        got = self.local(Who(s, e, s, e, self.text[s:e], None, word), word)
        if got is not None and got not in self.gender and g in ("m", "f"):
            self.gender[got] = g
        return got

    def _plural(self, pos: int, exclude: str | None) -> str | None:
        i = bisect_left(self.mstarts, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] <= LOOKBACK_CHARS:
            s, _e, aid, label = self.mentions[i]
            i -= 1
            if label in PLURAL_LABELS and aid != exclude and not self.in_quote(s):
                return aid
        return None

    def noun(self, who: Who, exclude: str | None = None) -> str | None:
        """`the parson`: the nearest named mention that carries the head word."""
        cands = self.by_word.get(who.head_lower)
        if not cands:
            return None
        i = bisect_left(cands, (who.start, "")) - 1
        for k in (i, i + 1):
            if 0 <= k < len(cands) and cands[k][1] != exclude:
                return cands[k][1]
        return None

    def actor(self, who: Who | None, exclude: str | None = None, speaker: bool = False) -> str | None:
        """The actor id `who` names; a speaker no actor covers becomes an actor of its own."""
        if who is None:
            return None
        if who.pronoun:
            if who.pronoun in ("i", "me", "my", "myself") and speaker:
                return self.local(who, "i")
            return self.pronoun(who.start, who.pronoun, exclude)
        aid = self.ctx.actor_at(who.head_start, who.head_end)
        if aid is None and who.head_lower and who.head_lower not in self.lex.first_second:
            aid = self.noun(who, exclude)
        if aid is None and speaker and not who.plural:
            aid = self.local(who, self._key(who))
        return aid if aid != exclude else None

    def claim(self, aid: str | None, who: Who | None) -> None:
        """Record the words that named a speaker (`he`, `the parson`) as a mention of the actor they were
        read as: the coreference this layer found. Words already part of a mention are left alone."""
        if aid is not None and who is not None and self.ctx.actor_at(who.head_start, who.head_end) is None:
            self.claims[aid].append((who.head_start, who.head_end))

    def flush(self) -> None:
        """Merge the claimed mentions into their actors, in text order, once per actor."""
        from ...model import Mention, make_span

        doc = self.ctx.doc
        for act in doc.actors:
            new = sorted(set(self.claims.pop(act.id, ())))
            if not new:
                continue
            old = act.mentions
            out, i = [], 0
            for s, e in new:
                while i < len(old) and old[i].start < s:
                    out.append(old[i])
                    i += 1
                if (out and out[-1].end > s) or (i < len(old) and old[i].start < e):
                    continue  # overlaps a mention the actor has
                out.append(make_span(doc, s, e, Mention, label=act.type))
            act.mentions = out + old[i:]

    def _key(self, who: Who) -> str:
        """The word a noun's stand-in actor goes by: `his lady` and `his wife` are one relation."""
        first = who.text.split(maxsplit=1)[0].lower() if who.text else ""
        if first in POSSESSIVE and who.head_lower in self.lex.relation:
            return self.lex.relation[who.head_lower]
        return who.head_lower

    def local(self, who: Who, key: str) -> str | None:
        """An actor for a speaker the actors layer does not list (`the man`, a narrator's `I`).

        One per head word in a scene (`the man` ... `the man`), so a scene's unnamed speaker is one actor;
        the same word long after names someone else. The narrator's mentions are all the `I`, `me`, `my`
        outside quotations."""
        from ...model import Actor, Mention, make_span

        if not key or key in self.lex.not_speakers:
            return None
        doc = self.ctx.doc
        act = self.locals.get(key)
        if act is not None and key != "i" and act.mentions and who.head_start - act.mentions[-1].end > SCENE_CHARS:
            act = None
        if act is None:
            self.made += 1
            act = Actor(id=f"aq{self.made}", name="I (narrator)" if key == "i" else who.text, type="PERSON")
            self.locals[key] = act
            doc.actors.append(act)
            g = "1" if key == "i" else self._noun_gender(key)
            if g:
                self.gender[act.id] = g
            if key == "i":
                act.mentions = [make_span(doc, s, e, Mention, label="PERSON") for s, e in self.firsts]
        # the head word only: `his wife` is not a mention of the man `his` points to
        if key != "i" and (not act.mentions or act.mentions[-1].start < who.head_start):
            act.mentions.append(make_span(doc, who.head_start, who.head_end, Mention, label="PERSON"))
            insort(self.local_m, (who.head_start, who.head_end, act.id, "PERSON"))
        return act.id
