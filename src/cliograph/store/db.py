"""Opening a store: WAL, foreign keys, migrations; read-only opening for the viewer; atomic transactions."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import CliographError
from .migrations import MIGRATIONS


class StoreError(CliographError):
    """A database that cannot be opened or used as a cliograph store; names the file."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def connect(path: str | os.PathLike, readonly: bool = False) -> sqlite3.Connection:
    """Open (and, unless read-only, create and migrate) the store at `path`."""
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise StoreError(f"{path}: no such database")
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            _check_current(conn, path)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: not a cliograph store ({e})") from None
    else:
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        if path.parent and not path.parent.exists():
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: not a cliograph store ({e})") from None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def applied(conn: sqlite3.Connection) -> list[str]:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not has:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def _check_current(conn: sqlite3.Connection, path: Path) -> None:
    done = applied(conn)
    missing = [name for name, _ in MIGRATIONS if name not in done]
    if not done:
        raise StoreError(f"{path}: not a cliograph store (no migrations table)")
    if missing:
        raise StoreError(f"{path}: store needs migrations {', '.join(missing)}; open it once with `cliograph add`")


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; returns their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = set(applied(conn))
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        with atomic(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
        new.append(name)
    return new


def _statements(sql: str) -> Iterator[str]:
    """Split a script into statements (executescript would commit our transaction)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


@contextlib.contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
