"""Personal names: which word is the family name, in Western order or family name first."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon, norm


@dataclass(frozen=True)
class PersonName:
    words: tuple[str, ...]  # casefolded, without titles, periods or postnominals
    family: str
    given: tuple[str, ...]
    family_first: bool = False

    @property
    def full(self) -> bool:
        return len(self.words) > 1


def is_initial(w: str) -> bool:
    return len(w.rstrip(".")) == 1


def parse_person(name: str, lex: Lexicon) -> PersonName | None:
    """Split a name into family and given names (`Liu Shaoqi`: family Liu; `Nikita Khrushchev`: Khrushchev)."""
    raw = [w.strip(",;:") for w in name.replace("’", "'").split()]
    raw = [w for w in raw if w and any(c.isalpha() for c in w)]
    while len(raw) > 1 and norm(raw[-1]) in lex.postnominals:
        raw.pop()
    while len(raw) > 1 and lex.title(raw[0]):
        raw.pop(0)
    if not raw:
        return None
    words = tuple(norm(w).casefold() for w in raw)
    if len(words) == 1:
        return PersonName(words, words[0], ())
    first, rest = words[0], words[1:]
    if first in lex.family_first and len(words) <= 3 and not any(is_initial(w) for w in raw) and \
            rest[0] not in lex.given:
        return PersonName(words, first, rest, family_first=True)
    core = [w for w in words if w not in lex.particles]
    family = core[-1] if core else words[-1]
    given = tuple(w for w in words[:-1] if w not in lex.particles)
    return PersonName(words, family, given)


def compatible(single: PersonName, full: PersonName) -> int:
    """How well a one-word name refers to a full name: 2 family name, 1 given name, 0 not at all."""
    w = single.words[0]
    if w == full.family:
        return 2
    if not full.family_first and full.given and w == full.given[0]:
        return 1
    if full.family_first and len(full.words) > 2 and w == full.words[-1]:
        return 1  # Vietnamese use: `Giap` for `Vo Nguyen Giap`
    return 0


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: same family name and agreeing given names (`J. Smith`, `John Smith`)."""
    if a.family != b.family or a.family_first != b.family_first or not a.given or not b.given:
        return False
    x, y = a.given[0], b.given[0]
    if x == y:
        return True
    return (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
