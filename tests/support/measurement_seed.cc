#include "tests/support/measurement_seed.h"

#include <gtest/gtest.h>

#include <random>

#include "store/measurement_writer.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Each seed is a batch of its own, and a batch's content hash is unique.
std::string RandomBatchHash() {
  std::random_device random;
  return "seed-" + std::to_string(random()) + "-" + std::to_string(random());
}

Status WriteAll(Store& store, std::vector<Measurement>* measurements) {
  auto writer = MeasurementWriter::Begin(store, {"seed", RandomBatchHash(), "test", "test"},
                                         static_cast<int64_t>(measurements->size()));
  if (!writer.ok()) return writer.error();
  ImportCounts counts;
  StoredMeasurement stored;
  for (Measurement& m : *measurements) {
    Result<MeasurementWriter::Outcome> written =
        writer.value()->Write(m, static_cast<int>(++counts.read), &stored);
    if (!written.ok()) return written.error();
    if (written.value() != MeasurementWriter::Outcome::kStored) {
      return MakeError("seed: " + m.patient_id + " " + m.department + " " + m.rating_date.ToIso() +
                       " is already stored");
    }
    m.id = writer.value()->last_stored_id();
    ++counts.stored;
  }
  return writer.value()->Finish(counts);
}

}  // namespace

void SeedMeasurements(Store& store, std::vector<Measurement>* measurements) {
  Status status = store.InTransaction([&] { return WriteAll(store, measurements); });
  ASSERT_TRUE(status.ok()) << status.error().ToString();
}

void SeedMeasurementsAt(const std::string& path, std::vector<Measurement>* measurements) {
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  SeedMeasurements(*store.value(), measurements);
}

Measurement MakeMeasurement(const std::string& patient, const std::string& department,
                            const std::string& date, Supercluster supercluster,
                            std::initializer_list<std::pair<int, int>> ratings) {
  Measurement m;
  m.patient_id = patient;
  m.department = department;
  m.rating_date = CalendarDate::Parse(date).value_or(CalendarDate{});
  m.clinician = "dr. test";
  m.supercluster = supercluster;
  m.ratings.fill(0);
  for (auto [item, rating] : ratings) m.ratings[item - 1] = static_cast<int8_t>(rating);
  return m;
}

}  // namespace clusterpilot
