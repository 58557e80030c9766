// The store side of an import: one batch row per file, measurements written
// under their natural key (patient, department, rating date), rejected rows
// kept with their reasons. A MeasurementWriter lives inside one transaction
// (Store::InTransaction), so a file lands whole or not at all.
#ifndef CLUSTERPILOT_STORE_MEASUREMENT_WRITER_H_
#define CLUSTERPILOT_STORE_MEASUREMENT_WRITER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/measurement.h"

namespace clusterpilot {

class PostgresqlMeasurementCopy;
class SqlStatement;
class Store;

struct ImportBatchInfo {
  std::string file_name;
  std::string content_hash;
  std::string format;  // "csv" or "xml"
  std::string imported_by;
};

struct ImportCounts {
  int64_t read = 0;       // data rows in the file
  int64_t stored = 0;     // new measurements
  int64_t skipped = 0;    // already stored with the same ratings
  int64_t conflicts = 0;  // already stored with other ratings; the stored one kept
  int64_t rejected = 0;   // rows that broke a rule
};

// An earlier import of the same content.
struct PreviousImport {
  int64_t batch_id = 0;
  std::string file_name;
  std::string imported_at;
  std::string imported_by;
};

// A measurement as the store holds it, with where it came from.
struct StoredMeasurement {
  Measurement measurement;
  int64_t batch_id = 0;
  std::string file_name;
  int source_line = 0;
};

struct RejectedRow {
  int64_t batch_id = 0;
  int line = 0;
  std::string field;
  std::string value;
  std::string reason;
  std::string raw_row;  // the row as the reject file writes it, without the reason
};

// The batch that imported content with this hash, if any.
Result<std::optional<PreviousImport>> FindImportByHash(Store& store,
                                                       const std::string& content_hash);

// Calls `row` for each rejected row of a batch in file order (several per
// line when a row had several problems).
Status ForEachRejectedRow(Store& store, int64_t batch_id,
                          const std::function<void(const RejectedRow&)>& row);

// The stored measurement's columns for a SELECT of measurement `m` joined
// with its import_batch `b`, and their reading from `row` from column
// `first_column` on; `key` gives patient, department and date.
const std::string& StoredMeasurementColumns();
void ReadStoredMeasurement(const SqlStatement& row, int first_column, const Measurement& key,
                           StoredMeasurement* stored);

class MeasurementWriter {
 public:
  enum class Outcome { kStored, kSkipped, kConflict };

  // One measurement of WriteBatch, and what became of it.
  struct BatchEntry {
    const Measurement* measurement = nullptr;  // the caller's, unchanged
    int source_line = 0;
    Outcome outcome = Outcome::kStored;
    StoredMeasurement stored;  // for kSkipped and kConflict: the one kept
  };

  // Inserts the batch row (time: now, UTC) and prepares the statements. Call
  // inside a transaction; a second batch with the same hash fails.
  // `expected_rows` (an estimate) decides whether the measurement table's
  // secondary indexes (and on PostgreSQL its foreign keys) are dropped now
  // and rebuilt in Finish(): cheaper than a million random index inserts
  // and trigger calls when the batch is larger than what is stored already.
  // The UNIQUE natural key stays, it finds the duplicates.
  static Result<std::unique_ptr<MeasurementWriter>> Begin(Store& store,
                                                          const ImportBatchInfo& batch,
                                                          int64_t expected_rows);
  ~MeasurementWriter();
  MeasurementWriter(const MeasurementWriter&) = delete;
  MeasurementWriter& operator=(const MeasurementWriter&) = delete;

  int64_t batch_id() const { return batch_id_; }

  // The id the store gave the measurement Write() stored last (0 before).
  int64_t last_stored_id() const { return last_stored_id_; }

  // Stores `measurement`, read from `source_line`, unless its natural key is
  // taken: then kSkipped when the stored one is the same rating (SameRating),
  // kConflict otherwise with *stored filled in. The stored one is never
  // changed. The first measurement stored of a department adds it to
  // measurement_department.
  Result<Outcome> Write(const Measurement& measurement, int source_line, StoredMeasurement* stored);

  // How many measurements WriteBatch should get at once: 1 where Write per
  // row is the fast way (SQLite), thousands where a round trip per row costs
  // more than the row (PostgreSQL, where a batch goes by COPY).
  size_t preferred_batch_size() const;

  // Stores the entries in order, setting each one's outcome (and `stored`)
  // as Write would, called for each one after another.
  Status WriteBatch(std::vector<BatchEntry>& entries);

  // Keeps one problem of a rejected (or conflicting) row.
  Status RecordRejection(const RejectedRow& row);

  // Writes the final counts into the batch row and rebuilds any index (and
  // foreign key) that Begin() dropped.
  Status Finish(const ImportCounts& counts);

 private:
  MeasurementWriter(Store& store, int64_t batch_id);
  Status ReadStored(const Measurement& measurement, StoredMeasurement* stored);
  Status DeferIndexesAndForeignKeys();
  Status RecordDepartment(const std::string& department);

  Store& store_;
  int64_t batch_id_;
  int64_t last_stored_id_ = 0;
  // The highest measurement id when Begin() ran: this batch's rows lie
  // above it; 0 when the store held no measurement.
  int64_t highest_id_before_ = 0;
  std::unique_ptr<SqlStatement> insert_;
  std::unique_ptr<SqlStatement> select_;
  std::unique_ptr<SqlStatement> reject_;
  std::unique_ptr<PostgresqlMeasurementCopy> copy_;  // WriteBatch's, on PostgreSQL
  // CREATE INDEX and ADD CONSTRAINT statements to run in Finish().
  std::vector<std::string> deferred_schema_;
  // Those already in measurement_department: a handful of names, so a set
  // look-up per row spares a write per row.
  std::set<std::string, std::less<>> departments_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_MEASUREMENT_WRITER_H_
