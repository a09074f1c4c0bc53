"""`cliograph/1` JSON: one object (or an array for several documents) or one object per line."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Document, document_from_dict, document_to_dict


def write_json(docs: Iterable[Document], out: TextIO, single: bool = False) -> int:
    """An array of documents, or the one object when `single`."""
    items = [document_to_dict(d) for d in docs]
    obj = items[0] if single and len(items) == 1 else items
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return len(items)


def write_jsonl(docs: Iterable[Document], out: TextIO) -> int:
    n = 0
    for d in docs:
        out.write(json.dumps(document_to_dict(d), ensure_ascii=False) + "\n")
        n += 1
    return n


def read_json_documents(text: str, name: str = "input") -> Iterator[Document]:
    """Documents from cliograph/1 JSON: one object, an array, or JSON lines."""
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            items = json.loads(text)
        elif stripped.startswith("{") and "\n{" not in stripped.rstrip():
            items = [json.loads(text)]
        else:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as e:
        raise ValueError(f"{name}: not cliograph/1 JSON ({e.msg} at line {e.lineno})") from None
    for item in items:
        try:
            yield document_from_dict(item)
        except (KeyError, TypeError, ValueError) as e:
            raise ValueError(f"{name}: not a cliograph/1 document ({e})") from None
