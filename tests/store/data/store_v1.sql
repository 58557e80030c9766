-- A store as clusterpilot schema version 1 wrote it, with a little data:
-- the migration test opens it with the current program.
CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  content_hash  TEXT NOT NULL UNIQUE,
  format        TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  imported_by   TEXT NOT NULL,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_stored   INTEGER NOT NULL DEFAULT 0,
  rows_skipped  INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_conflict INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE measurement (
  id           INTEGER PRIMARY KEY,
  patient_id   TEXT NOT NULL,
  department   TEXT NOT NULL,
  rating_date  TEXT NOT NULL,
  clinician    TEXT,
  supercluster INTEGER NOT NULL DEFAULT 0 CHECK (supercluster BETWEEN 0 AND 3),
  hv01 INTEGER, hv02 INTEGER, hv03 INTEGER, hv04 INTEGER, hv05 INTEGER,
  hv06 INTEGER, hv07 INTEGER, hv08 INTEGER, hv09 INTEGER, hv10 INTEGER,
  hv11 INTEGER, hv12 INTEGER, hv13 INTEGER, hv14 INTEGER, hv15 INTEGER,
  hv16 INTEGER, hv17 INTEGER, hv18 INTEGER, hv19 INTEGER,
  hv08_type    TEXT,
  batch_id     INTEGER NOT NULL REFERENCES import_batch(id),
  source_line  INTEGER,
  UNIQUE (patient_id, department, rating_date)
);
CREATE INDEX measurement_by_date ON measurement(rating_date);
CREATE TABLE rejected_row (
  id       INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  line     INTEGER NOT NULL,
  field    TEXT NOT NULL,
  value    TEXT NOT NULL,
  reason   TEXT NOT NULL,
  raw_row  TEXT
);
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  user   TEXT NOT NULL,
  host   TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL
);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
INSERT INTO import_batch(id, file_name, content_hash, format, imported_at, imported_by, rows_read, rows_stored)
  VALUES (1, 'march.csv', 'abc123', 'csv', '2026-03-31T10:00:00Z', 'finance', 2, 2);
INSERT INTO measurement(id, patient_id, department, rating_date, clinician, supercluster,
  hv01, hv02, hv03, hv04, hv05, hv06, hv07, hv08, hv09, hv10, hv11, hv12, hv13, hv14, hv15,
  hv16, hv17, hv18, hv19, hv08_type, batch_id, source_line)
  VALUES (1, 'P0001', 'Angst & Stemming', '2026-03-02', 'dr. Jansen', 1,
  0, 3, 1, 1, 0, 1, 4, 0, 0, 0, 0, 0, 0, 1, 4, 1, 1, 1, 1, 'B', 1, 2),
  (2, 'P0002', 'Psychosomatiek', '2026-03-05', NULL, 0,
  0, 0, 0, 0, 4, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 'F', 1, 3);
INSERT INTO audit_log(at, user, host, action, object)
  VALUES ('2026-03-31T10:00:00Z', 'finance', 'ggz-pc-12', 'import', 'batch 1');
PRAGMA application_id = 1129337684;
PRAGMA user_version = 1;
