"""A register of known actors (CSV: id, name, type, aliases) that pins mentions to canonical actors.

Historians keep registers of persons; with one, `Khrushchev` in any document becomes the register's
`Nikita Khrushchev` under the register's id. Aliases are separated by `|` or `;`.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field

from ...errors import InputError
from .lexicon import name_key
from .names import parse_person

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
ENV = "CLIOGRAPH_GAZETTEER"


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    _by_name: dict[str, Entry] = field(default_factory=dict)
    _by_family: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, e: Entry) -> None:
        from .lexicon import lexicon

        self.entries.append(e)
        for n in (e.name, *e.aliases):
            self._by_name.setdefault(name_key(n), e)
        if e.type == "PERSON":
            p = parse_person(e.name, lexicon())
            if p and p.full:
                self._by_family.setdefault(p.family, []).append(e)

    def match(self, text: str, label: str | None = None) -> Entry | None:
        """The entry a mention names: by name or alias, or a person by a family name only one entry has."""
        key = name_key(text)
        e = self._by_name.get(key)
        if e is not None and (label is None or _same_kind(e.type, label)):
            return e
        if label in (None, "PERSON") and " " not in key:
            fam = self._by_family.get(key, [])
            if len(fam) == 1:
                return fam[0]
        return None


def _same_kind(a: str, b: str) -> bool:
    places = {"GPE", "LOC", "FAC"}
    return a == b or (a in places and b in places) or {a, b} <= {"ORG", "GPE", "NORP"}


def load_gazetteer(path: str) -> Gazetteer:
    """Read a gazetteer CSV; a missing file, a missing column or an unknown type is an InputError."""
    try:
        f = open(path, encoding="utf-8-sig", newline="")
    except OSError as e:
        raise InputError(path, f"cannot read the gazetteer: {e.strerror}") from None
    g = Gazetteer()
    with f:
        reader = csv.DictReader(f)
        cols = {c.strip().lower() for c in reader.fieldnames or []}
        missing = [c for c in ("id", "name", "type") if c not in cols]
        if missing:
            raise InputError(path, f"gazetteer needs the columns id, name, type (and aliases); missing {', '.join(missing)}")
        seen = set()
        for n, row in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if not row["id"] or not row["name"]:
                raise InputError(path, f"line {n}: id and name must not be empty")
            typ = row["type"].upper()
            if typ not in TYPES:
                raise InputError(path, f"line {n}: type {row['type']!r} is not one of {', '.join(TYPES)}")
            if row["id"] in seen:
                raise InputError(path, f"line {n}: id {row['id']!r} appears twice")
            seen.add(row["id"])
            aliases = tuple(a.strip() for a in row.get("aliases", "").replace(";", "|").split("|") if a.strip())
            g.add(Entry(row["id"], row["name"], typ, aliases))
    return g


def gazetteer_from_env() -> Gazetteer | None:
    path = os.environ.get(ENV)
    return load_gazetteer(path) if path else None
