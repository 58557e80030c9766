#include "store/postgresql_measurement_copy.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "store/postgresql_connection.h"
#include "store/postgresql_copy.h"
#include "store/rating_columns.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// The written keys' bitmap (PostgresqlMeasurementCopy::AnyKeyStored): 2^26
// bits, 8 MB, one hash a key. With 1M keys written 1.5% of the bits are
// set, with 10M 14%: that share of a batch's keys is probed on the server.
constexpr size_t kWrittenKeyBits = size_t{1} << 26;

// The measurement columns an import writes, in the order of each COPY row.
const std::string& WrittenColumns() {
  static const std::string columns =
      "patient_id, department, rating_date, clinician, supercluster, " + RatingColumnList("") +
      ", hv08_type, route, batch_id, source_line, coordinating_department, organisation";
  return columns;
}

// The staging table has measurement's column types (and collation), the
// entry's place in the batch and whether it is the first of its natural key
// in the batch (the client knows; a DISTINCT ON would sort every wide row).
// It is dropped when the import's transaction ends, committed or not.
const std::string& CreateStagingSql() {
  static const std::string sql =
      "CREATE TEMP TABLE IF NOT EXISTS import_staging ON COMMIT DROP AS SELECT 0::bigint AS seq, "
      "false AS first_of_key, " +
      WrittenColumns() + " FROM measurement WITH NO DATA";
  return sql;
}

// The first entry of each natural key whose key is free, in batch order so
// the new ids follow the file as they do on SQLite; RETURNING names the keys
// stored. NOT EXISTS keeps taken keys from drawing an id from the sequence
// (ON CONFLICT alone would, leaving gaps SQLite has not); the write lock
// keeps it exact. Into a store that was empty when the import began, under
// that lock, only this import's rows can take a key and NOT EXISTS sees
// them all: there ON CONFLICT's speculative insertion (a third of the
// statement's time) is left out, and the UNIQUE key would fail the import
// rather than let a duplicate in. Elsewhere it stays as the guarantee.
const std::string& InsertSql(bool into_empty_store) {
  static const std::string select =
      "INSERT INTO measurement(" + WrittenColumns() + ") SELECT " + WrittenColumns() +
      " FROM import_staging AS first WHERE first_of_key AND NOT EXISTS (SELECT 1 "
      "FROM measurement m WHERE m.patient_id = first.patient_id AND m.department = "
      "first.department AND m.rating_date = first.rating_date) ORDER BY seq ";
  static const std::string returning = "RETURNING id, patient_id, department, rating_date";
  static const std::string guarded =
      select + "ON CONFLICT (patient_id, department, rating_date) DO NOTHING " + returning;
  static const std::string unguarded = select + returning;
  return into_empty_store ? unguarded : guarded;
}

const std::string& SelectStoredSql() {
  static const std::string sql =
      "SELECT s.seq, " + StoredMeasurementColumns() +
      " FROM import_staging s JOIN measurement m ON m.patient_id = s.patient_id AND "
      "m.department = s.department AND m.rating_date = s.rating_date "
      "JOIN import_batch b ON b.id = m.batch_id WHERE s.seq = ANY(CAST(? AS bigint[]))";
  return sql;
}

std::string_view RouteText(RatingRoute route) {
  return route == RatingRoute::kFull ? "full" : route == RatingRoute::kDynamic ? "dynamic" : "";
}

// One measurement's columns, as WrittenColumns() and NULLs where Write binds
// them; the row is left open.
void CopyMeasurementColumns(const MeasurementWriter::BatchEntry& entry, int64_t batch_id,
                            PostgresqlCopy& copy) {
  const Measurement& m = *entry.measurement;
  copy.Text(m.patient_id);
  copy.Text(m.department);
  copy.Text(m.rating_date.ToIso());
  copy.TextOrNull(m.clinician);
  copy.Int(static_cast<int>(m.supercluster));
  for (int8_t rating : m.ratings) {
    if (rating == kUnknownRating) {
      copy.Null();
    } else {
      copy.Int(rating);
    }
  }
  copy.TextOrNull(m.hv08_type == 0 ? std::string_view() : std::string_view(&m.hv08_type, 1));
  copy.TextOrNull(RouteText(m.route));
  copy.Int(batch_id);
  copy.Int(entry.source_line);
  copy.TextOrNull(m.coordinating_department);
  copy.TextOrNull(m.organisation);
}

// One staging row: the entry's place in the batch, whether it is the first
// of its key there, then its columns.
Status CopyStagingRow(int64_t seq, bool first_of_key, const MeasurementWriter::BatchEntry& entry,
                      int64_t batch_id, PostgresqlCopy& copy) {
  copy.Int(seq);
  copy.Text(first_of_key ? "t" : "f");
  CopyMeasurementColumns(entry, batch_id, copy);
  return copy.EndRow();
}

std::string NaturalKey(std::string_view patient, std::string_view department,
                       std::string_view date) {
  std::string key;
  key.reserve(patient.size() + department.size() + date.size() + 2);
  key.append(patient).push_back('\x1f');
  key.append(department).push_back('\x1f');
  key.append(date);
  return key;
}

// Appends `text` to a PostgreSQL array literal being built ("{" first,
// "," after), quoted so that any character stands for itself.
void AppendArrayElement(std::string_view text, std::string* array) {
  array->push_back(array->empty() ? '{' : ',');
  array->push_back('"');
  for (char c : text) {
    if (c == '"' || c == '\\') array->push_back('\\');
    array->push_back(c);
  }
  array->push_back('"');
}

// One bit of the written keys' bitmap per hash (kWrittenKeyBits a power of
// two).
bool HasBit(const std::vector<uint64_t>& bits, size_t hash) {
  const size_t bit = hash & (kWrittenKeyBits - 1);
  return (bits[bit / 64] >> (bit % 64) & 1) != 0;
}

void SetBit(std::vector<uint64_t>* bits, size_t hash) {
  const size_t bit = hash & (kWrittenKeyBits - 1);
  (*bits)[bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace

PostgresqlMeasurementCopy::PostgresqlMeasurementCopy(Store& store, int64_t batch_id,
                                                     bool into_empty_store)
    : store_(store), batch_id_(batch_id), into_empty_store_(into_empty_store) {}

Status PostgresqlMeasurementCopy::Write(std::vector<MeasurementWriter::BatchEntry>& entries,
                                        int64_t* last_id) {
  if (entries.empty()) return Status::Ok();
  // Each key's first entry in the batch: the one that may be stored.
  std::unordered_map<std::string, size_t> first_of_key;
  first_of_key.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    const Measurement& m = *entries[i].measurement;
    first_of_key.try_emplace(NaturalKey(m.patient_id, m.department, m.rating_date.ToIso()), i);
  }
  bool straight = false;
  if (into_empty_store_ && first_of_key.size() == entries.size()) {
    Result<bool> taken = AnyKeyStored(entries, first_of_key);
    if (!taken.ok()) return taken.error();
    straight = !taken.value();
  }
  Status written =
      straight ? CopyStraightIn(entries, last_id) : WriteStaged(entries, first_of_key, last_id);
  if (written.ok() && into_empty_store_) NoteWrittenKeys(first_of_key);
  return written;
}

Status PostgresqlMeasurementCopy::WriteStaged(std::vector<MeasurementWriter::BatchEntry>& entries,
                                              const FirstOfKey& first_of_key, int64_t* last_id) {
  Status step = PrepareStaging();
  if (step.ok()) step = CopyIntoStaging(entries, first_of_key);
  if (step.ok()) step = InsertFromStaging(entries, first_of_key, last_id);
  if (step.ok()) step = ReadStoredForUnstored(entries);
  return step;
}

// Into a store that was empty when the import began, a batch whose keys are
// all different can only meet a key an earlier batch of this import wrote.
// The written keys' bitmap clears most keys at once; the unique key is
// probed for the rest (a few percent), in one query. A free batch goes by
// COPY straight into measurement: no staging table, no INSERT ... SELECT,
// no RETURNING rows, about half an import's time on the server. A COPY
// tried and refused would draw ids from the sequence that no rollback
// returns, and setting the sequence back needs a privilege the
// application role lacks; so the batch is known free before it is sent.
Result<bool> PostgresqlMeasurementCopy::AnyKeyStored(
    const std::vector<MeasurementWriter::BatchEntry>& entries, const FirstOfKey& first_of_key) {
  if (written_key_bits_.empty()) return false;  // this import wrote nothing yet
  std::string patients, departments, dates;
  const auto hash = first_of_key.hash_function();
  for (const auto& [key, index] : first_of_key) {
    if (!HasBit(written_key_bits_, hash(key))) continue;
    const Measurement& m = *entries[index].measurement;
    AppendArrayElement(m.patient_id, &patients);
    AppendArrayElement(m.department, &departments);
    AppendArrayElement(m.rating_date.ToIso(), &dates);
  }
  if (patients.empty()) return false;
  for (std::string* array : {&patients, &departments, &dates}) array->push_back('}');
  // Planned with this batch's arrays, like the INSERT below, so that the
  // planner probes the unique key rather than reading the table.
  Result<pg_result*> probed = store_.postgresql()->RunOnce(
      "SELECT EXISTS (SELECT 1 FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), "
      "CAST($3 AS text[])) AS k(patient, department, rating_date) JOIN measurement m ON "
      "m.patient_id = k.patient COLLATE \"C\" AND m.department = k.department COLLATE \"C\" "
      "AND m.rating_date = k.rating_date COLLATE \"C\")",
      {0, 0, 0}, {patients.c_str(), departments.c_str(), dates.c_str()},
      {static_cast<int>(patients.size()), static_cast<int>(departments.size()),
       static_cast<int>(dates.size())});
  if (!probed.ok()) return probed.error();
  const bool taken = PQntuples(probed.value()) == 1 && PQgetvalue(probed.value(), 0, 0)[0] == 't';
  PQclear(probed.value());
  return taken;
}

void PostgresqlMeasurementCopy::NoteWrittenKeys(const FirstOfKey& first_of_key) {
  if (written_key_bits_.empty()) written_key_bits_.assign(kWrittenKeyBits / 64, 0);
  const auto hash = first_of_key.hash_function();
  for (const auto& [key, index] : first_of_key) SetBit(&written_key_bits_, hash(key));
}

// The identity column numbers the rows in COPY order, so the new ids follow
// the file; under the import's write lock the highest id is this batch's
// last.
Status PostgresqlMeasurementCopy::CopyStraightIn(
    std::vector<MeasurementWriter::BatchEntry>& entries, int64_t* last_id) {
  auto copy = PostgresqlCopy::Start(*store_.postgresql(),
                                    "COPY measurement(" + WrittenColumns() + ") FROM STDIN");
  if (!copy.ok()) return copy.error();
  for (const MeasurementWriter::BatchEntry& entry : entries) {
    CopyMeasurementColumns(entry, batch_id_, *copy.value());
    Status row = copy.value()->EndRow();
    if (!row.ok()) return row;
  }
  Status copied = copy.value()->Finish();
  if (!copied.ok()) return copied;
  SqlStatement highest(store_, "SELECT max(id) FROM measurement");
  if (!highest.Step()) {
    if (!highest.status().ok()) return highest.status();
    return MakeError("database error: no highest measurement id");
  }
  *last_id = std::max<int64_t>(*last_id, highest.Int(0));
  for (MeasurementWriter::BatchEntry& entry : entries) {
    entry.outcome = MeasurementWriter::Outcome::kStored;
  }
  return Status::Ok();
}

Status PostgresqlMeasurementCopy::PrepareStaging() {
  if (!staging_ready_) {
    Status created = store_.Execute(CreateStagingSql());
    // A batch's two sorts (first entry of each key, then file order) hold
    // about 8 MB; the server's default 4 MB spills them to disk each time.
    if (created.ok()) created = store_.Execute("SET LOCAL work_mem = '32MB'");
    if (!created.ok()) return created;
    staging_ready_ = true;
  }
  return store_.Execute("TRUNCATE import_staging");
}

Status PostgresqlMeasurementCopy::CopyIntoStaging(
    const std::vector<MeasurementWriter::BatchEntry>& entries, const FirstOfKey& first_of_key) {
  std::vector<bool> first(entries.size(), false);
  for (const auto& [key, index] : first_of_key) first[index] = true;
  auto copy =
      PostgresqlCopy::Start(*store_.postgresql(), "COPY import_staging(seq, first_of_key, " +
                                                      WrittenColumns() + ") FROM STDIN");
  if (!copy.ok()) return copy.error();
  for (size_t i = 0; i < entries.size(); ++i) {
    Status row =
        CopyStagingRow(static_cast<int64_t>(i), first[i], entries[i], batch_id_, *copy.value());
    if (!row.ok()) return row;
  }
  return copy.value()->Finish();
}

Status PostgresqlMeasurementCopy::InsertFromStaging(
    std::vector<MeasurementWriter::BatchEntry>& entries, const FirstOfKey& first_of_key,
    int64_t* last_id) {
  // Every entry is unstored until the server says its key was free; then
  // the first entry of that key in the batch is the stored one.
  for (MeasurementWriter::BatchEntry& entry : entries) {
    entry.outcome = MeasurementWriter::Outcome::kSkipped;
  }
  // Planned afresh for each batch: a prepared plan keeps the first batch's
  // view of an empty measurement table (a sequential scan for NOT EXISTS),
  // and each batch would then read every row the batches before stored.
  PostgresqlConnection& connection = *store_.postgresql();
  Result<pg_result*> inserted = connection.RunOnce(InsertSql(into_empty_store_), {}, {}, {});
  if (!inserted.ok()) return inserted.error();
  PGresult* result = inserted.value();
  for (int row = 0; row < PQntuples(result); ++row) {
    auto text = [&](int column) {
      return std::string_view(PQgetvalue(result, row, column),
                              static_cast<size_t>(PQgetlength(result, row, column)));
    };
    auto found = first_of_key.find(NaturalKey(text(1), text(2), text(3)));
    if (found != first_of_key.end()) {
      entries[found->second].outcome = MeasurementWriter::Outcome::kStored;
    }
    *last_id = std::max<int64_t>(*last_id, std::atoll(PQgetvalue(result, row, 0)));
  }
  PQclear(result);
  return Status::Ok();
}

// One query for all entries whose key was taken (before this batch, or by
// an earlier entry of it), then the same comparison as Write makes.
Status PostgresqlMeasurementCopy::ReadStoredForUnstored(
    std::vector<MeasurementWriter::BatchEntry>& entries) {
  std::string seqs;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].outcome == MeasurementWriter::Outcome::kStored) continue;
    seqs += (seqs.empty() ? "{" : ",") + std::to_string(i);
  }
  if (seqs.empty()) return Status::Ok();
  seqs += "}";
  SqlStatement select(store_, SelectStoredSql());
  select.BindText(1, seqs);
  size_t read = 0;
  while (select.Step()) {
    MeasurementWriter::BatchEntry& entry = entries[static_cast<size_t>(select.Int(0))];
    ReadStoredMeasurement(select, 1, *entry.measurement, &entry.stored);
    entry.outcome = SameRating(entry.stored.measurement, *entry.measurement)
                        ? MeasurementWriter::Outcome::kSkipped
                        : MeasurementWriter::Outcome::kConflict;
    ++read;
  }
  if (!select.status().ok()) return select.status();
  if (read != static_cast<size_t>(std::count(seqs.begin(), seqs.end(), ',') + 1)) {
    return MakeError("database error: a measurement that blocked an insert cannot be found");
  }
  return Status::Ok();
}

}  // namespace clusterpilot
