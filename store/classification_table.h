// The classifier's results in the store: which models classified (table
// cluster_model) and one row per measurement and model (table
// classification). A later model version adds rows; earlier results stay.
// Plain and core types only, so the store never depends on the classifier.
#ifndef CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_
#define CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class SqlStatement;
class Store;

struct ClusterModelRecord {
  int64_t id = 0;
  std::string name;
  std::string version;
  std::string content_hash;
  std::string loaded_at;
};

// The id of the model named `name` at `version`, registering it (stamped
// with the time) when it is new. A model already registered under the same
// name and version but with a different content hash is refused: results of
// two different models must not pass for one.
Result<ClusterModelRecord> RegisterClusterModel(Store& store, const std::string& name,
                                                const std::string& version,
                                                const std::string& content_hash);

// Measurements classified by the model `model_id`, and in the store at all.
Result<int64_t> CountClassified(Store& store, int64_t model_id);
Result<int64_t> CountMeasurements(Store& store);

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
class ClassificationWriter {
 public:
  ClassificationWriter(Store& store, int64_t model_id, std::string classified_at);
  ~ClassificationWriter();
  ClassificationWriter(const ClassificationWriter&) = delete;
  ClassificationWriter& operator=(const ClassificationWriter&) = delete;

  Status Write(const ClassificationRecord& record);

 private:
  int64_t model_id_;
  std::string classified_at_;
  std::unique_ptr<SqlStatement> insert_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_CLASSIFICATION_TABLE_H_
