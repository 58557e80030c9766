#include "generator/truth_file_writer.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

TEST(TruthFileWriterTest, WritesTheNaturalKeyAndTheTrueCluster) {
  ScopedTempDir dir;
  const std::string path = TruthFilePath(dir.File("export.csv"));
  EXPECT_EQ(path, dir.File("export.csv.truth.csv"));
  auto writer = TruthFileWriter::Create(path);
  ASSERT_TRUE(writer.ok());
  SyntheticMeasurement synthetic;
  synthetic.measurement.patient_id = "SYN000007";
  synthetic.measurement.department = "Psychosomatiek";
  synthetic.measurement.rating_date = CalendarDate{2026, 3, 9};
  synthetic.true_cluster = 0;
  writer.value()->Write(synthetic);
  synthetic.measurement.rating_date = CalendarDate{2026, 9, 1};
  synthetic.true_cluster = 6;
  writer.value()->Write(synthetic);
  ASSERT_TRUE(writer.value()->Finish().ok());
  EXPECT_EQ(ReadFile(path),
            "\xEF\xBB\xBFpatient_id;department;rating_date;true_cluster\r\n"
            "SYN000007;Psychosomatiek;2026-03-09;0\r\n"
            "SYN000007;Psychosomatiek;2026-09-01;6\r\n");
}

TEST(TruthFileWriterTest, UnwritablePathIsAnError) {
  auto writer = TruthFileWriter::Create("/nonexistent-dir/x.truth.csv");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().ToString(),
            "/nonexistent-dir/x.truth.csv: cannot be written: No such file or directory");
}

}  // namespace
}  // namespace clusterpilot
