"""Named migrations, applied in order and recorded in the `migrations` table.

A migration is never edited once released: a change to the schema is a new migration appended here.
"""
from __future__ import annotations

SPAN = "start INTEGER NOT NULL, end INTEGER NOT NULL, source_start INTEGER NOT NULL, source_end INTEGER NOT NULL"

INITIAL = f"""
CREATE TABLE documents (
  id TEXT PRIMARY KEY,               -- sha256 of the input bytes: a re-add of the same bytes is a no-op
  seq INTEGER NOT NULL UNIQUE,       -- order of addition
  name TEXT NOT NULL,
  title TEXT,
  text TEXT NOT NULL,
  main_end INTEGER NOT NULL,
  source TEXT NOT NULL,              -- JSON: the `source` object
  structure TEXT NOT NULL,           -- JSON: paragraphs, removed, repairs, diagnostics, offset map, flags
  added_at TEXT NOT NULL
);
CREATE TABLE pages (
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, {SPAN},
  label TEXT NOT NULL, inferred INTEGER NOT NULL, extra TEXT,
  PRIMARY KEY (doc_id, ord)
);
CREATE TABLE note_refs (
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, {SPAN}, text TEXT NOT NULL,
  label TEXT NOT NULL, note TEXT, extra TEXT,
  PRIMARY KEY (doc_id, ord)
);
CREATE TABLE notes (
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, {SPAN}, text TEXT NOT NULL,
  id TEXT NOT NULL, label TEXT NOT NULL, page TEXT, extra TEXT,
  PRIMARY KEY (doc_id, ord)
);
-- one row per real-world actor across documents: gazetteer id, else canonical name and type
CREATE TABLE actors (
  id TEXT PRIMARY KEY,               -- readable slug, used in URLs (mao_zedong)
  key TEXT NOT NULL UNIQUE,          -- gz:<gazetteer id> or <TYPE>:<canonical name>
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  gazetteer_id TEXT
);
-- the actor as one document names it (its own id, aliases, titles)
CREATE TABLE doc_actors (
  doc_id TEXT NOT NULL REFERENCES documents(id), local_id TEXT NOT NULL, ord INTEGER NOT NULL,
  actor_id TEXT NOT NULL REFERENCES actors(id),
  name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL, titles TEXT NOT NULL,
  gazetteer_id TEXT, affiliation TEXT, extra TEXT,
  PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX doc_actors_actor ON doc_actors(actor_id);
CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id), actor_local TEXT NOT NULL, ord INTEGER NOT NULL,
  actor_id TEXT NOT NULL REFERENCES actors(id), {SPAN}, text TEXT NOT NULL, label TEXT NOT NULL,
  cite_page TEXT, cite_notes TEXT NOT NULL, extra TEXT,
  PRIMARY KEY (doc_id, actor_local, ord)
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE TABLE quotes (
  qid INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, {SPAN}, text TEXT NOT NULL,
  local_id TEXT NOT NULL, kind TEXT NOT NULL,
  speaker_local TEXT, speaker_text TEXT, addressee_local TEXT, page TEXT, notes TEXT NOT NULL,
  part_of TEXT, speaker_span TEXT,
  speaker_id TEXT REFERENCES actors(id), addressee_id TEXT REFERENCES actors(id),
  cite_page TEXT, cite_notes TEXT NOT NULL, date TEXT, date_lo TEXT, date_hi TEXT, extra TEXT,
  UNIQUE (doc_id, ord)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_addressee ON quotes(addressee_id);
CREATE TABLE timex (
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, {SPAN}, text TEXT NOT NULL,
  local_id TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT, anchor TEXT, confidence REAL,
  cite_page TEXT, cite_notes TEXT NOT NULL, date_lo TEXT, date_hi TEXT, extra TEXT,
  PRIMARY KEY (doc_id, ord)
);
CREATE TABLE events (
  doc_id TEXT NOT NULL REFERENCES documents(id), ord INTEGER NOT NULL, local_id TEXT NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_source_start INTEGER NOT NULL,
  trigger_source_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, sentence_source_start INTEGER NOT NULL,
  sentence_source_end INTEGER NOT NULL, sentence_text TEXT NOT NULL,
  predicate TEXT NOT NULL, agent_local TEXT, patient_local TEXT, date TEXT, time TEXT, category TEXT,
  page TEXT, notes TEXT NOT NULL, quad TEXT, negated INTEGER NOT NULL, modality TEXT, place TEXT,
  agent_text TEXT, patient_text TEXT,
  agent_id TEXT REFERENCES actors(id), patient_id TEXT REFERENCES actors(id),
  cite_page TEXT, cite_notes TEXT NOT NULL, date_lo TEXT, date_hi TEXT, extra TEXT,
  PRIMARY KEY (doc_id, ord)
);
CREATE INDEX events_agent ON events(agent_id);
CREATE INDEX events_patient ON events(patient_id);
CREATE INDEX events_date ON events(date_lo);
-- sentences of the clean text (main flow and note bodies), for full-text search with citations
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id), {SPAN}, text TEXT NOT NULL,
  in_notes INTEGER NOT NULL, cite_page TEXT, cite_notes TEXT NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc_id, start);
"""

FTS = """
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_text, content='quotes', content_rowid='qid',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_text) VALUES (new.qid, new.text, new.speaker_text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_text) VALUES ('delete', old.qid, old.text, old.speaker_text);
END;
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", INITIAL),
    ("0002_fts5_sentences_quotes", FTS),
]
