"""The local web viewer and the self-contained HTML report. No spaCy here."""
from .app import Viewer, make_viewer_server

__all__ = ["Viewer", "make_viewer_server"]
