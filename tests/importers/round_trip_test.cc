// generate -> export file -> import reproduces exactly the generated
// measurements, for both formats.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "generator/export_writer.h"
#include "generator/synthetic_institution.h"
#include "importers/export_importer.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

std::map<Key, Measurement> Generated(const SyntheticOptions& options) {
  std::map<Key, Measurement> all;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    const Measurement& m = synthetic.measurement;
    all[{m.patient_id, m.department, m.rating_date.ToIso()}] = m;
  });
  return all;
}

std::map<Key, Measurement> Stored(Store& store) {
  SqlStatement select(store,
                      "SELECT patient_id, department, rating_date, clinician, supercluster, hv01, "
                      "hv02, hv03, hv04, hv05, hv06, hv07, hv08, hv09, hv10, hv11, hv12, hv13, "
                      "hv14, hv15, hv16, hv17, hv18, hv19, hv08_type, route FROM measurement");
  std::map<Key, Measurement> all;
  while (select.Step()) {
    Measurement m;
    m.patient_id = select.Text(0);
    m.department = select.Text(1);
    m.rating_date = *CalendarDate::Parse(std::string(select.Text(2)));
    m.clinician = select.Text(3);
    m.supercluster = static_cast<Supercluster>(select.Int(4));
    for (int item = 0; item < kItemCount; ++item) {
      m.ratings[item] =
          select.IsNull(5 + item) ? kUnknownRating : static_cast<int8_t>(select.Int(5 + item));
    }
    m.hv08_type = select.IsNull(24) ? 0 : select.Text(24)[0];
    m.route = select.Text(25) == "full"      ? RatingRoute::kFull
              : select.Text(25) == "dynamic" ? RatingRoute::kDynamic
                                             : RatingRoute::kUnknown;
    all[{m.patient_id, m.department, m.rating_date.ToIso()}] = m;
  }
  EXPECT_TRUE(select.status().ok());
  return all;
}

class RoundTripTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTripTest, ImportReproducesTheGeneratedRatingsExactly) {
  ScopedTempDir dir;
  SyntheticOptions options;
  options.patients = 1500;
  options.months = 12;
  options.departments = 9;
  options.seed = 77;
  const std::string path = dir.File("synthetic." + GetParam());
  auto writer = ExportWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  int64_t written = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    ++written;
  });
  ASSERT_TRUE(writer.value()->Finish().ok());

  auto store = Store::Open(TestStoreLocation(dir));
  ASSERT_TRUE(store.ok());
  ExportImporter importer(*store.value());
  ImportOptions import;
  import.path = path;
  import.user = "test";
  import.today = CalendarDate{2026, 11, 23};
  auto summary = importer.Import(import);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().counts.read, written);
  EXPECT_EQ(summary.value().counts.stored, written);
  EXPECT_FALSE(summary.value().HasProblems());

  const std::map<Key, Measurement> generated = Generated(options);
  const std::map<Key, Measurement> stored = Stored(*store.value());
  ASSERT_EQ(stored.size(), generated.size());
  for (const auto& [key, expected] : generated) {
    auto found = stored.find(key);
    ASSERT_NE(found, stored.end()) << std::get<0>(key);
    EXPECT_TRUE(SameRating(found->second, expected)) << std::get<0>(key) << " " << std::get<2>(key);
  }
}

INSTANTIATE_TEST_SUITE_P(BothFormats, RoundTripTest, ::testing::Values("csv", "xml"));

}  // namespace
}  // namespace clusterpilot
