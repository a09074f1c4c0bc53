"""The SQLite knowledge base: documents with every layer, one actor across documents, FTS5 search.

    store = Store("kb.sqlite")
    store.add(doc)            # a Document or its cliograph/1 dict; the same content again is a no-op
    store.has(sha256)         # for a batch runner: skip what is stored before analyzing it
    store.document(doc_id)    # the Document as it was added

A batch runner analyzes in worker processes and hands each result to one writer calling `add`, which
commits each document in its own transaction (WAL lets the viewer read meanwhile).
"""
from __future__ import annotations

import os
import sqlite3

from ..model import Document
from .db import StoreError, atomic, connect, migrate
from .read import document_dict, find_document, read_document
from .write import AddResult, Prepared, actor_key, add_document, delete_document

__all__ = ["AddResult", "Store", "StoreError", "actor_key", "atomic", "connect", "migrate"]


class Store:
    def __init__(self, path: str | os.PathLike, readonly: bool = False) -> None:
        self.path = str(path)
        self.conn: sqlite3.Connection = connect(path, readonly=readonly)

    def add(self, doc: Document | dict | Prepared, replace: bool = False) -> AddResult:
        return add_document(self.conn, doc, replace=replace)

    def has(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (sha256,)).fetchone() is not None

    def hashes(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT id FROM documents")}

    def remove(self, doc_id: str) -> None:
        with atomic(self.conn):
            delete_document(self.conn, doc_id)

    def find(self, key: str) -> str | None:
        return find_document(self.conn, key)

    def document(self, doc_id: str) -> Document | None:
        return read_document(self.conn, doc_id)

    def document_dict(self, doc_id: str) -> dict | None:
        return document_dict(self.conn, doc_id)

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY seq")]

    def documents(self):
        """Every stored Document, in order of addition (one at a time)."""
        for doc_id in self.doc_ids():
            yield self.document(doc_id)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
