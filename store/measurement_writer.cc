#include "store/measurement_writer.h"

#include "store/audit_log.h"
#include "store/latest_ratings.h"
#include "store/postgresql_measurement_copy.h"
#include "store/rating_columns.h"
#include "store/sql_dialect.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

const std::string& InsertMeasurementSql() {
  static const std::string sql =
      "INSERT INTO measurement(patient_id, department, rating_date, clinician, supercluster, " +
      RatingColumnList("") +
      ", hv08_type, route, batch_id, source_line, coordinating_department, organisation) "
      "VALUES(?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, ?,?,?,?, ?,?) "
      "ON CONFLICT(patient_id, department, rating_date) DO NOTHING";
  return sql;
}

const std::string& SelectStoredSql() {
  static const std::string sql =
      "SELECT " + StoredMeasurementColumns() +
      " FROM measurement m JOIN import_batch b ON b.id = m.batch_id "
      "WHERE m.patient_id = ? AND m.department = ? AND m.rating_date = ?";
  return sql;
}

constexpr const char* kInsertRejection =
    "INSERT INTO rejected_row(batch_id, line, field, value, reason, raw_row) "
    "VALUES(?,?,?,?,?,?)";

// Binds without copying: `text` must outlive the statement's run.
void BindTextOrNull(SqlStatement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindTextView(index, text);
  }
}

// "2026-03-07" without printf: this runs for every stored measurement.
std::string_view IsoDate(const CalendarDate& date, char (&buffer)[10]) {
  auto put = [&](int at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10)
      buffer[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  buffer[4] = '-';
  put(5, date.month, 2);
  buffer[7] = '-';
  put(8, date.day, 2);
  return std::string_view(buffer, sizeof buffer);
}

// The store's words for a route (RatingRouteName's, as literals).
std::string_view RouteText(RatingRoute route) {
  return route == RatingRoute::kFull ? "full" : route == RatingRoute::kDynamic ? "dynamic" : "";
}

RatingRoute RouteFromText(std::string_view text) {
  if (text == "full") return RatingRoute::kFull;
  if (text == "dynamic") return RatingRoute::kDynamic;
  return RatingRoute::kUnknown;
}

}  // namespace

const std::string& StoredMeasurementColumns() {
  static const std::string columns = "m.clinician, m.supercluster, " + RatingColumnList("m") +
                                     ", m.hv08_type, m.route, m.batch_id, m.source_line, "
                                     "b.file_name";
  return columns;
}

void ReadStoredMeasurement(const SqlStatement& row, int first_column, const Measurement& key,
                           StoredMeasurement* stored) {
  const int c = first_column;
  Measurement& found = stored->measurement;
  found = Measurement();
  found.patient_id = key.patient_id;
  found.department = key.department;
  found.rating_date = key.rating_date;
  found.clinician = row.Text(c);
  found.supercluster = static_cast<Supercluster>(row.Int(c + 1));
  found.ratings = ReadRatings(row, c + 2);
  const std::string_view type = row.Text(c + 21);
  found.hv08_type = type.empty() ? 0 : type[0];
  found.route = RouteFromText(row.Text(c + 22));
  stored->batch_id = row.Int(c + 23);
  stored->source_line = static_cast<int>(row.Int(c + 24));
  stored->file_name = row.Text(c + 25);
}

Result<std::optional<PreviousImport>> FindImportByHash(Store& store,
                                                       const std::string& content_hash) {
  SqlStatement select(store,
                      "SELECT id, file_name, imported_at, imported_by FROM import_batch "
                      "WHERE content_hash = ?");
  select.BindText(1, content_hash);
  std::optional<PreviousImport> previous;
  if (select.Step()) {
    previous = PreviousImport{select.Int(0), std::string(select.Text(1)),
                              std::string(select.Text(2)), std::string(select.Text(3))};
  }
  if (!select.status().ok()) return select.status().error();
  return previous;
}

Status ForEachRejectedRow(Store& store, int64_t batch_id,
                          const std::function<void(const RejectedRow&)>& row) {
  SqlStatement select(store,
                      "SELECT line, field, value, reason, raw_row FROM rejected_row "
                      "WHERE batch_id = ? ORDER BY line, id");
  select.BindInt(1, batch_id);
  RejectedRow rejected;
  rejected.batch_id = batch_id;
  while (select.Step()) {
    rejected.line = static_cast<int>(select.Int(0));
    rejected.field = select.Text(1);
    rejected.value = select.Text(2);
    rejected.reason = select.Text(3);
    rejected.raw_row = select.Text(4);
    row(rejected);
  }
  return select.status();
}

Result<std::unique_ptr<MeasurementWriter>> MeasurementWriter::Begin(Store& store,
                                                                    const ImportBatchInfo& batch,
                                                                    int64_t expected_rows) {
  SqlStatement insert(store,
                      "INSERT INTO import_batch(file_name, content_hash, format, imported_at, "
                      "imported_by) VALUES(?,?,?,?,?)");
  insert.BindText(1, batch.file_name);
  insert.BindText(2, batch.content_hash);
  insert.BindText(3, batch.format);
  insert.BindText(4, UtcTimestamp());
  insert.BindText(5, batch.imported_by);
  Status inserted = insert.Run();
  if (!inserted.ok()) return inserted.error();
  std::unique_ptr<MeasurementWriter> writer(new MeasurementWriter(store, store.LastInsertId()));
  for (const SqlStatement* statement :
       {writer->insert_.get(), writer->select_.get(), writer->reject_.get()}) {
    if (!statement->status().ok()) return statement->status().error();
  }
  SqlStatement highest(store, "SELECT coalesce(max(id), 0) FROM measurement");
  const int64_t stored_rows = highest.Step() ? highest.Int(0) : 0;
  highest.Reset();  // a statement still running would block DROP INDEX
  if (!highest.status().ok()) return highest.status().error();
  writer->highest_id_before_ = stored_rows;
  if (DropsIndexesForBulkLoad(store.dialect(), stored_rows, expected_rows)) {
    Status deferred = writer->DeferIndexesAndForeignKeys();
    if (!deferred.ok()) return deferred.error();
  }
  return writer;
}

// Whatever secondary indexes (and, on PostgreSQL, foreign keys) the schema
// declares on measurement and latest_rating, read from the schema itself so
// a later migration needs no change here.
Status MeasurementWriter::DeferIndexesAndForeignKeys() {
  std::vector<std::pair<std::string, std::string>> indexes;
  {
    SqlStatement select(store_, BulkLoadIndexesSql(store_.dialect()));
    while (select.Step()) indexes.emplace_back(select.Text(0), select.Text(1));
    if (!select.status().ok()) return select.status();
  }
  for (const auto& [name, sql] : indexes) {
    Status dropped = store_.Execute("DROP INDEX \"" + name + "\"");
    if (!dropped.ok()) return dropped;
    deferred_schema_.push_back(sql);
  }
  std::vector<std::pair<std::string, std::string>> foreign_keys;
  if (const std::string_view list = MeasurementForeignKeysSql(store_.dialect()); !list.empty()) {
    SqlStatement select(store_, std::string(list));
    while (select.Step()) foreign_keys.emplace_back(select.Text(0), select.Text(1));
    if (!select.status().ok()) return select.status();
  }
  for (const auto& [name, definition] : foreign_keys) {
    Status dropped = store_.Execute("ALTER TABLE measurement DROP CONSTRAINT \"" + name + "\"");
    if (!dropped.ok()) return dropped;
    deferred_schema_.push_back("ALTER TABLE measurement ADD CONSTRAINT \"" + name + "\" " +
                               definition);
  }
  if (!deferred_schema_.empty()) {  // a schema change outdates prepared statements
    insert_ = std::make_unique<SqlStatement>(store_, InsertMeasurementSql());
    select_ = std::make_unique<SqlStatement>(store_, SelectStoredSql());
    reject_ = std::make_unique<SqlStatement>(store_, kInsertRejection);
  }
  return Status::Ok();
}

MeasurementWriter::MeasurementWriter(Store& store, int64_t batch_id)
    : store_(store),
      batch_id_(batch_id),
      insert_(std::make_unique<SqlStatement>(store, InsertMeasurementSql())),
      select_(std::make_unique<SqlStatement>(store, SelectStoredSql())),
      reject_(std::make_unique<SqlStatement>(store, kInsertRejection)) {}

MeasurementWriter::~MeasurementWriter() = default;

Result<MeasurementWriter::Outcome> MeasurementWriter::Write(const Measurement& measurement,
                                                            int source_line,
                                                            StoredMeasurement* stored) {
  SqlStatement& insert = *insert_;
  char date_buffer[10];
  const std::string_view date = IsoDate(measurement.rating_date, date_buffer);
  // Static binds: everything bound outlives the Run() below.
  insert.BindTextView(1, measurement.patient_id);
  insert.BindTextView(2, measurement.department);
  insert.BindTextView(3, date);
  if (measurement.clinician.empty()) {
    insert.BindNull(4);
  } else {
    insert.BindTextView(4, measurement.clinician);
  }
  insert.BindInt(5, static_cast<int>(measurement.supercluster));
  for (int item = 0; item < kItemCount; ++item) {
    const int8_t rating = measurement.ratings[item];
    if (rating == kUnknownRating) {
      insert.BindNull(6 + item);
    } else {
      insert.BindInt(6 + item, rating);
    }
  }
  if (measurement.hv08_type == 0) {
    insert.BindNull(25);
  } else {
    insert.BindTextView(25, std::string_view(&measurement.hv08_type, 1));
  }
  if (measurement.route == RatingRoute::kUnknown) {
    insert.BindNull(26);
  } else {
    insert.BindTextView(26, RouteText(measurement.route));
  }
  insert.BindInt(27, batch_id_);
  insert.BindInt(28, source_line);
  BindTextOrNull(insert, 29, measurement.coordinating_department);
  BindTextOrNull(insert, 30, measurement.organisation);
  Status run = insert.Run();
  if (!run.ok()) return run.error();
  if (store_.ChangedRows() == 1) {
    last_stored_id_ = store_.LastInsertId();
    if (departments_.find(measurement.department) == departments_.end()) {
      Status recorded = RecordDepartment(measurement.department);
      if (!recorded.ok()) return recorded.error();
    }
    return Outcome::kStored;
  }

  Status read = ReadStored(measurement, stored);
  if (!read.ok()) return read.error();
  return SameRating(stored->measurement, measurement) ? Outcome::kSkipped : Outcome::kConflict;
}

size_t MeasurementWriter::preferred_batch_size() const {
  return store_.dialect() == SqlDialect::kPostgresql ? 16384 : 1;
}

Status MeasurementWriter::WriteBatch(std::vector<BatchEntry>& entries) {
  if (store_.dialect() == SqlDialect::kSqlite) {
    for (BatchEntry& entry : entries) {
      Result<Outcome> outcome = Write(*entry.measurement, entry.source_line, &entry.stored);
      if (!outcome.ok()) return outcome.error();
      entry.outcome = outcome.value();
    }
    return Status::Ok();
  }
  if (!copy_)
    copy_ = std::make_unique<PostgresqlMeasurementCopy>(store_, batch_id_, highest_id_before_ == 0);
  Status written = copy_->Write(entries, &last_stored_id_);
  if (!written.ok()) return written;
  for (const BatchEntry& entry : entries) {
    const std::string& department = entry.measurement->department;
    if (entry.outcome == Outcome::kStored && departments_.find(department) == departments_.end()) {
      Status recorded = RecordDepartment(department);
      if (!recorded.ok()) return recorded;
    }
  }
  return Status::Ok();
}

Status MeasurementWriter::ReadStored(const Measurement& measurement, StoredMeasurement* stored) {
  SqlStatement& select = *select_;
  select.BindText(1, measurement.patient_id);
  select.BindText(2, measurement.department);
  select.BindText(3, measurement.rating_date.ToIso());
  if (!select.Step()) {
    select.Reset();
    if (!select.status().ok()) return select.status();
    return MakeError("database error: a measurement that blocked an insert cannot be found");
  }
  ReadStoredMeasurement(select, 0, measurement, stored);
  select.Reset();
  return select.status();
}

Status MeasurementWriter::RecordRejection(const RejectedRow& row) {
  SqlStatement& reject = *reject_;
  reject.BindInt(1, batch_id_);
  reject.BindInt(2, row.line);
  reject.BindText(3, row.field);
  reject.BindText(4, row.value);
  reject.BindText(5, row.reason);
  reject.BindText(6, row.raw_row);
  return reject.Run();
}

Status MeasurementWriter::Finish(const ImportCounts& counts) {
  SqlStatement update(store_,
                      "UPDATE import_batch SET rows_read = ?, rows_stored = ?, rows_skipped = ?, "
                      "rows_rejected = ?, rows_conflict = ? WHERE id = ?");
  update.BindInt(1, counts.read);
  update.BindInt(2, counts.stored);
  update.BindInt(3, counts.skipped);
  update.BindInt(4, counts.rejected);
  update.BindInt(5, counts.conflicts);
  update.BindInt(6, batch_id_);
  Status updated = update.Run();
  if (!updated.ok()) return updated;
  Status followed = KeepLatestRatings(store_, batch_id_, highest_id_before_);
  if (!followed.ok()) return followed;
  for (const std::string& sql : deferred_schema_) {
    Status created = store_.Execute(sql);
    if (!created.ok()) return created;
  }
  deferred_schema_.clear();
  return Status::Ok();
}

// Once per department and writer: the first measurement stored for it.
Status MeasurementWriter::RecordDepartment(const std::string& department) {
  SqlStatement insert(store_, "INSERT OR IGNORE INTO measurement_department(name) VALUES(?)");
  insert.BindText(1, department);
  Status inserted = insert.Run();
  if (inserted.ok()) departments_.insert(department);
  return inserted;
}

}  // namespace clusterpilot
