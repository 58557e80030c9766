#include "store/schema_migrations.h"

#include <array>
#include <iterator>

#include "store/audit_log.h"
#include "store/latest_ratings.h"
#include "store/postgresql_schema.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Version 1: imports and the audit log, as the first pilot stores were made.
constexpr std::string_view kVersion1 = R"sql(
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
)sql";

// Version 2: the rating route, and the classifier's results beside the
// clinicians' overrides (an override never replaces the algorithm's result).
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE measurement ADD COLUMN route TEXT;
CREATE TABLE cluster_model (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  version      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  loaded_at    TEXT NOT NULL,
  UNIQUE (name, version)
);
CREATE TABLE classification (
  id             INTEGER PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurement(id),
  model_id       INTEGER NOT NULL REFERENCES cluster_model(id),
  cluster        INTEGER,
  probability    REAL,
  probabilities  TEXT NOT NULL,
  flags          INTEGER NOT NULL DEFAULT 0,
  flag_reasons   TEXT NOT NULL DEFAULT '',
  explanation    TEXT NOT NULL DEFAULT '',
  classified_at  TEXT NOT NULL,
  UNIQUE (measurement_id, model_id)
);
CREATE TABLE clinician_override (
  id             INTEGER PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurement(id),
  cluster        INTEGER NOT NULL,
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by_user        TEXT NOT NULL,
  at             TEXT NOT NULL
);
CREATE INDEX clinician_override_by_measurement ON clinician_override(measurement_id);
)sql";

// Version 3: "the current classification of a measurement", defined once
// for every reader (assignments, the report, the web app). The current model
// is the one the latest classify run used, recorded in cluster_model_use even
// when that run found nothing new to classify; a measurement's current
// classification is the current model's, and a measurement that model has
// not classified has none. Stores made before version 3 keep the report's old
// choice: their models are recorded as used in id order, the newest last.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE cluster_model_use (
  id       INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES cluster_model(id),
  used_at  TEXT NOT NULL
);
INSERT INTO cluster_model_use(model_id, used_at) SELECT id, loaded_at FROM cluster_model ORDER BY id;
CREATE VIEW current_cluster_model AS
SELECT id, name, version, content_hash, loaded_at FROM cluster_model
WHERE id = (SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1);
CREATE VIEW current_classification AS
SELECT id, measurement_id, model_id, cluster, probability, probabilities, flags, flag_reasons,
       explanation, classified_at
FROM classification
WHERE model_id = (SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1);
)sql";

// Version 4: the audit log records the operating-system user who ran the
// program apart from `user`, on whose behalf they acted (NEN 7513), and
// becomes a hash chain. The
// update trigger now lets exactly one change through: giving an entry from
// before this version its chain hash (SchemaMigrationCode(4)).
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE audit_log ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN previous_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN chain_hash TEXT NOT NULL DEFAULT '';
DROP TRIGGER audit_log_is_append_only_update;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
WHEN OLD.chain_hash <> '' OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
  OR NEW.user IS NOT OLD.user OR NEW.os_user IS NOT OLD.os_user
  OR NEW.host IS NOT OLD.host OR NEW.action IS NOT OLD.action OR NEW.object IS NOT OLD.object
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
)sql";

// Version 5: cost follows the month, not the history. The departments that
// have measurements get a table of their own (filled by MeasurementWriter),
// so checking a revenue file's department no longer scans every measurement;
// a model's results are indexed by model, so they are counted without
// reading every other model's; and each finished classify run records up to
// which measurement its model has classified everything, so the next run
// reads only the measurements stored since.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE measurement_department (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO measurement_department SELECT DISTINCT department FROM measurement;
CREATE INDEX classification_by_model ON classification(model_id, measurement_id);
CREATE TABLE classification_progress (
  model_id               INTEGER PRIMARY KEY REFERENCES cluster_model(id),
  through_measurement_id INTEGER NOT NULL
);
)sql";

// Version 6: the web app's accounts (role and departments; the password only
// as an Argon2id hash, with the failed-login count and lock time of the
// lockout) and its sessions, kept by the hash of their id so a copy of the
// store holds no usable session.
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('clinician', 'finance', 'manager', 'admin')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);
CREATE TABLE app_user_department (
  user_id    INTEGER NOT NULL REFERENCES app_user(id),
  department TEXT NOT NULL,
  PRIMARY KEY (user_id, department)
);
CREATE TABLE web_session (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES app_user(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
)sql";

// Version 7: review semantics. An override with cluster 0 is the clinician's
// decision that no cluster fits; outside_supercluster marks a cluster the
// clinician chose outside the measurement's supercluster on purpose. Each
// review of a measurement gets the next version (1, 2, ...), unique per
// measurement, so two reviewers who both saw version 1 cannot both store
// version 2: the second save is a conflict (optimistic concurrency for the
// web app). Existing overrides are numbered in the order they were made.
// measurement_by_department lets the due list of one department read that
// department's patients only (`clusterpilot due --department`).
constexpr std::string_view kVersion7 = R"sql(
ALTER TABLE clinician_override ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clinician_override ADD COLUMN outside_supercluster INTEGER NOT NULL DEFAULT 0
  CHECK (outside_supercluster IN (0, 1));
UPDATE clinician_override SET version =
  (SELECT count(*) FROM clinician_override earlier
   WHERE earlier.measurement_id = clinician_override.measurement_id
     AND earlier.id <= clinician_override.id);
CREATE UNIQUE INDEX clinician_override_version ON clinician_override(measurement_id, version);
CREATE INDEX measurement_by_department ON measurement(department, patient_id, rating_date);
)sql";

// Version 8: the web app. Each account reads the pages in its own language
// (Dutch unless set to English). measurement_by_department_date lets the
// worklist read one department's month instead of its whole history.
constexpr std::string_view kVersion8 = R"sql(
ALTER TABLE app_user ADD COLUMN language TEXT NOT NULL DEFAULT 'nl'
  CHECK (language IN ('nl', 'en'));
CREATE INDEX measurement_by_department_date ON measurement(department, rating_date);
)sql";

// Version 9 (trajectories): the
// cashier model. The department of the patient's coordinating clinician
// (regiebehandelaar), which receives the cluster payment, and the
// organisation of the rating department, both as the export names them.
constexpr std::string_view kVersion9 = R"sql(
ALTER TABLE measurement ADD COLUMN coordinating_department TEXT;
ALTER TABLE measurement ADD COLUMN organisation TEXT;
)sql";

// Version 10: one index on department serves every department's question.
// The due list (each patient's latest rating in a department), the worklist
// (a department's month) and the report's per-department reads all start at
// the department and a range of rating dates; (department, rating_date,
// patient_id) answers them all from the index alone, where versions 7 and 8
// kept two indexes that every import had to maintain.
constexpr std::string_view kVersion10 = R"sql(
DROP INDEX measurement_by_department;
DROP INDEX measurement_by_department_date;
CREATE INDEX measurement_by_department_date ON measurement(department, rating_date, patient_id);
)sql";

// Version 11: a month's trend figures, kept once computed (store/month_summary.h).
// The report's trends read ten earlier months, which change only when a
// rating, classification or review of that month arrives; each row holds
// what the store held of the month when it was summarised, so a later report
// can tell whether the summary still stands. A cache: rebuilt when stale,
// never the only copy of anything.
constexpr std::string_view kVersion11 = R"sql(
CREATE TABLE month_summary (
  month                  TEXT PRIMARY KEY,
  model_id               INTEGER NOT NULL,
  measurements           INTEGER NOT NULL,
  last_measurement_id    INTEGER NOT NULL,
  last_classification_id INTEGER NOT NULL,
  last_override_id       INTEGER NOT NULL,
  fully_classified       INTEGER NOT NULL CHECK (fully_classified IN (0, 1)),
  summary                TEXT NOT NULL
);
)sql";

// Version 12: each patient's latest rating, kept as measurements arrive
// (store/latest_ratings.h). The due list asks for the patients whose
// latest rating lies in a department and is old enough to fall due; finding
// the latest among a department's whole history took 85 ms for one
// department of a 1M-measurement store, this table answers from its index.
// The latest is the one of the latest day; of two on one day, the one stored
// last. Who rated it is kept beside it, so the list reads no measurement row.
// SchemaMigrationCode fills it from the measurements already stored, then
// indexes it by department (one build over the filled table, not an index
// kept up row by row).
constexpr std::string_view kVersion12 = R"sql(
CREATE TABLE latest_rating (
  patient_id     TEXT PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurement(id),
  department     TEXT NOT NULL,
  rating_date    TEXT NOT NULL,
  clinician      TEXT
) WITHOUT ROWID;
)sql";

// Version 13: the model's index of classifications carries the cluster, so
// that the due list's lookup of each candidate's cluster reads the index
// alone (store/latest_ratings.cc): on the 1M-measurement store the
// classification rows took 4,500 of its page reads, each on its own page.
// Queries that used the index by (model_id, measurement_id) still can.
constexpr std::string_view kVersion13 = R"sql(
DROP INDEX classification_by_model;
CREATE INDEX classification_by_model ON classification(model_id, measurement_id, cluster);
)sql";

// Version 14: classification keeps one index instead of two. Its UNIQUE
// (measurement_id, model_id) key and classification_by_model held the same
// pair, and keeping both on every row cost a tenth of a first classify of
// 1M measurements (1.58-1.64 s against 1.76-1.84 s). The index by model
// stays, as the due list and the report read the cluster from it; one row
// per measurement and model is now the writer's rule on SQLite
// (store/classification_table.h). SQLite cannot drop a table's key, so
// the table is rebuilt (with its view, which names it): once, when the
// store is first opened after the upgrade, 2-4 s per million
// classifications, during which other programs wait for the store.
constexpr std::string_view kVersion14 = R"sql(
DROP VIEW current_classification;
CREATE TABLE classification_rebuilt (
  id             INTEGER PRIMARY KEY,
  measurement_id INTEGER NOT NULL REFERENCES measurement(id),
  model_id       INTEGER NOT NULL REFERENCES cluster_model(id),
  cluster        INTEGER,
  probability    REAL,
  probabilities  TEXT NOT NULL,
  flags          INTEGER NOT NULL DEFAULT 0,
  flag_reasons   TEXT NOT NULL DEFAULT '',
  explanation    TEXT NOT NULL DEFAULT '',
  classified_at  TEXT NOT NULL
);
INSERT INTO classification_rebuilt
SELECT id, measurement_id, model_id, cluster, probability, probabilities, flags, flag_reasons,
       explanation, classified_at
FROM classification ORDER BY id;
DROP TABLE classification;
ALTER TABLE classification_rebuilt RENAME TO classification;
CREATE INDEX classification_by_model ON classification(model_id, measurement_id, cluster);
CREATE VIEW current_classification AS
SELECT id, measurement_id, model_id, cluster, probability, probabilities, flags, flag_reasons,
       explanation, classified_at
FROM classification
WHERE model_id = (SELECT model_id FROM cluster_model_use ORDER BY id DESC LIMIT 1);
)sql";

// Migration N is kMigrations[N - 1]: a new version appends its SQL here (and its
// PostgreSQL form to kPostgresqlMigrations below) and
// raises kCurrentSchemaVersion.
constexpr std::string_view kMigrations[] = {
    kVersion1, kVersion2, kVersion3,  kVersion4,  kVersion5,  kVersion6,  kVersion7,
    kVersion8, kVersion9, kVersion10, kVersion11, kVersion12, kVersion13, kVersion14};

static_assert(std::size(kMigrations) == kCurrentSchemaVersion,
              "kCurrentSchemaVersion must name the last migration");

// The PostgreSQL form of each migration after the base schema
// (postgresql_schema.cc): kPostgresqlMigrations[N - kPostgresqlBaseVersion - 1]
// is version N's. A version without one leaves its entry empty, which
// store/schema_migrations_test fails on.
// Text columns are COLLATE "C" there, as in the base schema.
constexpr std::string_view kPostgresqlVersion8 = R"sql(
ALTER TABLE app_user ADD COLUMN language TEXT COLLATE "C" NOT NULL DEFAULT 'nl'
  CHECK (language IN ('nl', 'en'));
CREATE INDEX measurement_by_department_date ON measurement(department, rating_date);
)sql";

constexpr std::string_view kPostgresqlVersion9 = R"sql(
ALTER TABLE measurement ADD COLUMN coordinating_department TEXT COLLATE "C";
ALTER TABLE measurement ADD COLUMN organisation TEXT COLLATE "C";
)sql";

// The same as SQLite's: index names are unique per schema in PostgreSQL too.
constexpr std::string_view kPostgresqlVersion10 = kVersion10;

constexpr std::string_view kPostgresqlVersion11 = R"sql(
CREATE TABLE month_summary (
  month                  TEXT COLLATE "C" PRIMARY KEY,
  model_id               BIGINT NOT NULL,
  measurements           BIGINT NOT NULL,
  last_measurement_id    BIGINT NOT NULL,
  last_classification_id BIGINT NOT NULL,
  last_override_id       BIGINT NOT NULL,
  fully_classified       BIGINT NOT NULL CHECK (fully_classified IN (0, 1)),
  summary                TEXT COLLATE "C" NOT NULL
);
)sql";

constexpr std::string_view kPostgresqlVersion12 = R"sql(
CREATE TABLE latest_rating (
  patient_id     TEXT COLLATE "C" PRIMARY KEY,
  measurement_id BIGINT NOT NULL REFERENCES measurement(id),
  department     TEXT COLLATE "C" NOT NULL,
  rating_date    TEXT COLLATE "C" NOT NULL,
  clinician      TEXT COLLATE "C"
);
)sql";

// The same as SQLite's: PostgreSQL reads the cluster from the index too.
constexpr std::string_view kPostgresqlVersion13 = kVersion13;

// PostgreSQL has INCLUDE: one index is unique on the pair and carries the
// cluster, so its key stays in the schema.
constexpr std::string_view kPostgresqlVersion14 = R"sql(
ALTER TABLE classification DROP CONSTRAINT classification_measurement_id_model_id_key;
DROP INDEX classification_by_model;
CREATE UNIQUE INDEX classification_by_model ON classification(model_id, measurement_id)
  INCLUDE (cluster);
)sql";

constexpr std::array<std::string_view, kCurrentSchemaVersion - kPostgresqlBaseVersion>
    kPostgresqlMigrations = {kPostgresqlVersion8,  kPostgresqlVersion9,  kPostgresqlVersion10,
                             kPostgresqlVersion11, kPostgresqlVersion12, kPostgresqlVersion13,
                             kPostgresqlVersion14};

// Migration 12's rest (the same in both dialects): latest_rating filled,
// then indexed.
Status FillAndIndexLatestRatings(Store& store) {
  Status filled = FillLatestRatings(store);
  if (!filled.ok()) return filled;
  return store.Execute(
      "CREATE INDEX latest_rating_by_department ON latest_rating(department, rating_date)");
}

}  // namespace

std::string_view SchemaMigrationSql(int version) {
  if (version < 1 || version > kCurrentSchemaVersion) return {};
  return kMigrations[version - 1];
}

std::string_view PostgresqlMigrationSql(int version) {
  if (version <= kPostgresqlBaseVersion || version > kCurrentSchemaVersion) return {};
  return kPostgresqlMigrations[version - kPostgresqlBaseVersion - 1];
}

Status SchemaMigrationCode(Store& store, int version) {
  if (version == 4) return ChainUnchainedAuditEntries(store);
  if (version == 12) return FillAndIndexLatestRatings(store);
  return Status::Ok();
}

}  // namespace clusterpilot
