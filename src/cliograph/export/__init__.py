"""Exports of analyzed documents. No spaCy here."""
