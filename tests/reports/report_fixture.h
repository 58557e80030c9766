// Small stores for the report tests, written through the store's own
// writers: measurements, classifications and overrides exactly as the
// importer and classifier leave them, without depending on either.
#ifndef CLUSTERPILOT_TESTS_REPORTS_REPORT_FIXTURE_H_
#define CLUSTERPILOT_TESTS_REPORTS_REPORT_FIXTURE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/calendar_month.h"
#include "core/item_ratings.h"
#include "reports/tariff_table.h"
#include "store/measurement_writer.h"
#include "store/store.h"

namespace clusterpilot {

// Every item rated `rating`.
ItemRatings AllRated(int8_t rating);

class ReportStore {
 public:
  // Creates (or opens) the store at `path` with one import batch.
  explicit ReportStore(const std::string& path);
  ~ReportStore();

  Store& store() { return *store_; }

  int64_t AddModel(const std::string& name = "test-model", const std::string& version = "1");
  int64_t AddMeasurement(const std::string& patient, const std::string& department,
                         const std::string& rating_date, const ItemRatings& ratings = AllRated(1));
  // The same with the whole measurement as an export gives it (coordinating
  // department, organisation); rating_date must be set.
  int64_t AddMeasurement(const Measurement& measurement);
  // cluster 0 stores NULL (no fitting cluster). model 0: the latest added.
  void Classify(int64_t measurement, int cluster, const std::string& probabilities,
                uint32_t flags = 0, int64_t model = 0);
  void Override(int64_t measurement, int cluster);

  // Runs `work` (calls of the above) in one transaction, for speed.
  void InOneTransaction(const std::function<void()>& work);

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<MeasurementWriter> writer_;  // of the fixture's one import batch
  int64_t latest_model_ = 0;
};

struct SyntheticStoreOptions {
  int patients = 400;
  int departments = 6;
  int months = 3;
  CalendarMonth last{2026, 10};
  uint64_t seed = 7;
  double override_share = 0.2;    // of measurements, a clinician override
  double flag_share = 0.15;       // of measurements, a poor-fit flag
  double unclassified_share = 0;  // of measurements, no classification
};

// Fills `store` with a model and patients rated once or twice a month in
// one department each, classified with spread probabilities.
void FillSyntheticStore(ReportStore* store, const SyntheticStoreOptions& options);

// A tariff CSV (Dutch style) with tariffs from `tariff(cluster)` in cents.
std::string TariffCsv(const std::function<ClusterTariff(int cluster)>& tariff);

// Tariffs rising with cluster severity, low < expected < high.
std::string PlausibleTariffCsv();

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_REPORTS_REPORT_FIXTURE_H_
