"""Per-process work: the model is loaded once per process (or Dask worker) and kept here.

The cache lives in an importable module, not in `__main__`, so a Dask worker keeps it between tasks.
"""
from __future__ import annotations

import hashlib
import os

_NLP = {}


def nlp_for(model: str | None):
    key = model or ""
    if key not in _NLP:
        from ..nlp import load_model

        _NLP[key] = load_model(model)
    return _NLP[key]


def fast_exit_at_end() -> None:
    """Pool initializer: end a worker without tearing down the loaded model object by object.

    A spawned worker otherwise spends about half a second in interpreter finalization after its
    last document; its results are already sent (synchronously) when the exit hooks run.
    """
    import atexit
    import sys

    def _exit() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    atexit.register(_exit)


def file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def analyze_one(path: str, model: str | None = None, layers: tuple[str, ...] | None = None,
                reference_date: str | None = None, prepare: bool = False) -> dict:
    """Analyze one file; returns {"path", "doc" | "error", "words"}. Never raises on bad input.

    "doc" is the cliograph/1 dict, or with `prepare` the store's rows for it (so the single writer
    only inserts them).
    """
    from ..errors import CliographError
    from ..model import document_to_dict
    from ..pipeline import LAYERS, analyze_file

    layers = LAYERS if layers is None else layers
    try:
        nlp = nlp_for(model) if layers else None
        doc = analyze_file(path, reference_date=reference_date, nlp=nlp, layers=layers)
    except CliographError as e:
        return {"path": path, "error": str(e)}
    except (UnicodeError, ValueError, OSError) as e:  # a file that breaks a reader: reported, not fatal
        return {"path": path, "error": f"{path}: {type(e).__name__}: {e}"}
    try:
        if prepare:
            from ..store.write import prepare_document

            out = prepare_document(doc)
        else:
            out = document_to_dict(doc)
    except Exception as e:  # one document the store cannot take must not stop a batch of thousands
        return {"path": path, "error": f"{path}: cannot store it: {type(e).__name__}: {e}"}
    return {"path": path, "doc": out, "words": len(doc.text.split()), "pid": os.getpid()}
