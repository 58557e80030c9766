// An import's fast path on PostgreSQL: a batch of measurements goes to the
// server by COPY ... FROM STDIN into a temporary staging table, and from there
// into measurement by one INSERT ... ON CONFLICT DO NOTHING. A round trip per
// row (MeasurementWriter::Write) costs more than the row itself there. In a
// first load (an empty store), a batch none of whose keys is stored yet goes
// by COPY straight into measurement.
//
// Each entry gets the outcome MeasurementWriter::Write would have given it,
// written one after another in batch order: the first of several entries
// with one natural key is stored (when the key was free), the others are
// compared with the stored measurement, so skip and conflict counts and
// messages are the same as on SQLite.
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_MEASUREMENT_COPY_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_MEASUREMENT_COPY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "store/measurement_writer.h"

namespace clusterpilot {

class Store;

class PostgresqlMeasurementCopy {
 public:
  // `store` must be a PostgreSQL store inside a write transaction; the
  // staging table lives until that transaction ends. `into_empty_store`:
  // measurement held no row when the import began.
  PostgresqlMeasurementCopy(Store& store, int64_t batch_id, bool into_empty_store);
  PostgresqlMeasurementCopy(const PostgresqlMeasurementCopy&) = delete;
  PostgresqlMeasurementCopy& operator=(const PostgresqlMeasurementCopy&) = delete;

  // Stores `entries` and sets each one's outcome (and, unless stored, the
  // measurement that holds its key). *last_id gets the highest new id when
  // any was stored. An error leaves the transaction failed: roll it back.
  Status Write(std::vector<MeasurementWriter::BatchEntry>& entries, int64_t* last_id);

 private:
  // Natural key (patient, department, date) -> the batch's first entry of it.
  using FirstOfKey = std::unordered_map<std::string, size_t>;

  // Whether a key of `entries` is stored already (a first load: by an
  // earlier batch of this import).
  Result<bool> AnyKeyStored(const std::vector<MeasurementWriter::BatchEntry>& entries,
                            const FirstOfKey& first_of_key);
  void NoteWrittenKeys(const FirstOfKey& first_of_key);
  // COPY straight into measurement; every entry is stored.
  Status CopyStraightIn(std::vector<MeasurementWriter::BatchEntry>& entries, int64_t* last_id);
  // Through the staging table: the way for any batch.
  Status WriteStaged(std::vector<MeasurementWriter::BatchEntry>& entries,
                     const FirstOfKey& first_of_key, int64_t* last_id);
  Status PrepareStaging();

  Status CopyIntoStaging(const std::vector<MeasurementWriter::BatchEntry>& entries,
                         const FirstOfKey& first_of_key);
  Status InsertFromStaging(std::vector<MeasurementWriter::BatchEntry>& entries,
                           const FirstOfKey& first_of_key, int64_t* last_id);
  Status ReadStoredForUnstored(std::vector<MeasurementWriter::BatchEntry>& entries);

  Store& store_;
  int64_t batch_id_;
  bool into_empty_store_;
  bool staging_ready_ = false;
  // A first load's written keys, one bit per hash: a key whose bit is clear
  // was not written by this import. Empty until the first batch is written.
  std::vector<uint64_t> written_key_bits_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_MEASUREMENT_COPY_H_
