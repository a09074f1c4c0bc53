"""Helpers shared by commands."""
from __future__ import annotations

import contextlib
import sys

from ..errors import ModelError
from .main import fail


@contextlib.contextmanager
def open_out(path):
    if not path:
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8")
    except OSError as e:
        fail(f"{path}: cannot write: {e.strerror}")
    with f:
        yield f


def load_nlp(model: str | None):
    from ..nlp import load_model

    try:
        return load_model(model)
    except ModelError as e:
        fail(str(e))
