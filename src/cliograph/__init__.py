"""cliograph: read history texts and build the cited record they describe."""
from .errors import CliographError, InputError, ModelError
from .ingest import ingest_bytes, ingest_file
from .model import Document, dumps, loads
from .pipeline import analyze_bytes, analyze_document, analyze_file

__version__ = "0.1.0"
__all__ = ["CliographError", "Document", "InputError", "ModelError", "analyze_bytes", "analyze_document",
           "analyze_file", "dumps", "ingest_bytes", "ingest_file", "loads"]
