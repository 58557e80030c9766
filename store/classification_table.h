// The classifier's results in the store: which models classified (table
// cluster_model) and one row per measurement and model (table
// classification). A later model version adds rows; earlier results stay.
// Plain and core types only, so the store never depends on the classifier.
//
// The current classification of a measurement, which every reader shows
// (assignments, override, the report), is defined once, by the schema's
// views current_cluster_model and current_classification: the current model
// is the one the latest classify run used (RegisterClusterModel records each
// use, also a run with an older model that finds nothing new to classify), and
// a measurement's current classification is that model's result for it. A
// measurement the current model has not classified has none, even when an
// earlier model classified it: readers never mix two models' results.
#ifndef CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_
#define CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class SqlStatement;
class Store;

// A registered cluster model. id 0: none (nothing classified yet).
struct ClusterModelRecord {
  int64_t id = 0;
  std::string name;
  std::string version;
  std::string content_hash;
  std::string loaded_at;
};

// The model named `name` at `version`, registering it (stamped with the
// time) when it is new, and records that it is used now, which makes it the
// current model. A model already registered under the same name and version
// but with a different content hash is refused: results of two different
// models must not pass for one. Call it inside the classify run's
// transaction, so a failed run does not change the current model.
Result<ClusterModelRecord> RegisterClusterModel(Store& store, const std::string& name,
                                                const std::string& version,
                                                const std::string& content_hash);

// The current model (see above); id 0 when no model was ever used.
Result<ClusterModelRecord> CurrentClusterModel(Store& store);

// CurrentClusterModel's SQL, for store/report_queries.h.
std::string CurrentClusterModelQuery();

// Measurements classified by the model `model_id`, and in the store at all.
Result<int64_t> CountClassified(Store& store, int64_t model_id);
Result<int64_t> CountMeasurements(Store& store);

// Records, at the end of a classify run that classified every measurement
// of the store with `model_id` (inside its transaction, under its write
// lock), that the model has classified all measurements up to the highest id
// stored: later runs read only what is stored after (UnclassifiedMeasurements).
Status RecordClassifiedThrough(Store& store, int64_t model_id);

// One result as the table keeps it. Texts are only read during Write.
struct ClassificationRecord {
  int64_t measurement_id = 0;
  int cluster = 0;  // 0: no cluster (every allowed cluster excluded); stored as NULL
  double probability = 0;
  std::string_view probabilities;  // core/cluster_assignment.h EncodeProbabilities
  uint32_t flags = 0;              // FitFlag bits
  std::string_view flag_reasons;   // one sentence per flag, '\n'-separated
  std::string_view explanation;    // core/assignment_explanation.h code
};

// Appends results of one model with one timestamp through a prepared
// statement. Call inside a transaction for speed and atomicity.
//
// One row per measurement and model: PostgreSQL's unique index on the pair
// refuses a second. SQLite has no index that is unique on the pair and also
// carries the cluster (no INCLUDE), and a second index on every row cost a
// tenth of a classify run; so there a model's rows are appended in
// measurement order, each above the highest measurement that model has
// classified, and the writer refuses any other (classify reads in id order
// under the write lock, and SQLite gives new measurements the highest ids).
// A row written around this writer is not checked: copies between stores
// copy rows that were unique where they came from.
class ClassificationWriter {
 public:
  ClassificationWriter(Store& store, int64_t model_id, std::string classified_at);
  ~ClassificationWriter();
  ClassificationWriter(const ClassificationWriter&) = delete;
  ClassificationWriter& operator=(const ClassificationWriter&) = delete;

  Status Write(const ClassificationRecord& record);

  // Writes `count` records, several per INSERT statement (PostgreSQL: one
  // COPY): the same rows as Write() on each, in order, at a fraction of the
  // per-statement cost. Stops at the first error, having written the
  // statements before it (PostgreSQL: nothing of the batch).
  Status WriteBatch(const ClassificationRecord* records, size_t count);

  // Rows one INSERT of WriteBatch carries (9 parameters each). A first
  // classify of 1M measurements took 1.90-1.98 s with 512, 2.05-2.14 s with
  // 64 (alternated runs); 1,024 and 4,096 were no faster than 512.
  static constexpr size_t kRowsPerStatement = 512;

 private:
  void Bind(SqlStatement& insert, int first, const ClassificationRecord& record);
  Status CheckAppendedInOrder(const ClassificationRecord* records, size_t count);
  Status ForgetHighestOnFailure(Status written);
  Status InsertOne(const ClassificationRecord& record);  // checked already
  Status CopyBatch(const ClassificationRecord* records, size_t count);

  Store& store_;
  int64_t model_id_;
  std::string classified_at_;
  std::unique_ptr<SqlStatement> insert_;
  std::unique_ptr<SqlStatement> insert_many_;  // prepared on the first full batch
  int64_t last_measurement_id_ = -1;           // SQLite: -1 until the first write
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_
