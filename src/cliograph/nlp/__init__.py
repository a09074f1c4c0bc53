"""The spaCy bridge: load the model, parse the clean text paragraph by paragraph."""
from .bridge import load_model, parse_paragraphs

__all__ = ["load_model", "parse_paragraphs"]
