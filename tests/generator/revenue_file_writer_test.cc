#include "generator/revenue_file_writer.h"

#include <gtest/gtest.h>

#include "core/dutch_csv_writer.h"
#include "generator/synthetic_revenue.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

SyntheticMeasurement Rated(const std::string& patient, const std::string& department,
                           CalendarDate date, int cluster) {
  SyntheticMeasurement synthetic;
  synthetic.measurement.patient_id = patient;
  synthetic.measurement.department = department;
  synthetic.measurement.rating_date = date;
  synthetic.true_cluster = cluster;
  return synthetic;
}

// One patient rated in February (cluster 4) and April (cluster 7) of a
// January-June window: billed from up to two months before February until
// a month after April, at the latest rating's cluster.
TEST(RevenueFileWriterTest, BillsEveryMonthInCareAtTheLatestCluster) {
  ScopedTempDir dir;
  RevenueFileOptions options;
  options.first_month = CalendarMonth(2026, 1);
  options.last_month = CalendarMonth(2026, 6);
  options.seed = 11;
  options.months_in_care_after_last_rating = 1;
  options.unrated_percentage = 0;
  auto writer = RevenueFileWriter::Create(dir.File("revenue.csv"), options);
  ASSERT_TRUE(writer.ok()) << writer.error().ToString();
  writer.value()->Add(Rated("SYN000001", "=Noord", CalendarDate{2026, 2, 9}, 4));
  writer.value()->Add(Rated("SYN000001", "=Noord", CalendarDate{2026, 4, 1}, 7));
  ASSERT_TRUE(writer.value()->Finish().ok());

  // The same draws in the same order as the writer makes them.
  std::mt19937_64 random(11);
  const int start = std::max(0, 1 - static_cast<int>(random() % 3));
  std::string expected = "patient;department;month;amount\n";
  for (int month = start; month <= 4; ++month) {
    const int64_t cents = SyntheticMonthRevenueCents(month < 3 ? 4 : 7, 90, random);
    expected += "SYN000001;'=Noord;2026-0" + std::to_string(month + 1) + ";" +
                FormatPlainCents(cents) + "\n";
  }
  EXPECT_EQ(ReadFile(dir.File("revenue.csv")), expected);
  EXPECT_NE(expected.find("\nSYN000001;'=Noord;2026-05;"), std::string::npos);
  EXPECT_EQ(expected.find(";2026-06;"), std::string::npos);
}

TEST(RevenueFileWriterTest, AnUnwritableFileIsNamed) {
  ScopedTempDir dir;
  auto writer = RevenueFileWriter::Create(dir.File("missing/revenue.csv"), RevenueFileOptions{});
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().file, dir.File("missing/revenue.csv"));
}

}  // namespace
}  // namespace clusterpilot
