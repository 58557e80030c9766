// The due page's revenue file is read once and kept until the file changes.
#include "web/revenue_table_cache.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const DepartmentDirectory kDepartments = FixedDepartments({"A"});

std::string Patients(const RevenueTable& table) {
  std::string patients;
  for (const RevenueEntry& entry : table.entries) patients += entry.patient_id + " ";
  return patients;
}

TEST(RevenueTableCacheTest, AnUnchangedFileIsReadOnce) {
  ScopedTempDir dir;
  const std::string path = dir.File("revenue.csv");
  WriteFile(path, "patient;department;month;amount\nP1;A;2026-06;100,00\n");
  RevenueTableCache cache;
  Result<SharedRevenueTable> first = cache.Table(path, kDepartments);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  Result<SharedRevenueTable> second = cache.Table(path, kDepartments);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first.value().get(), second.value().get());
  EXPECT_EQ(Patients(*second.value()), "P1 ");
}

TEST(RevenueTableCacheTest, AChangedFileIsReadAgain) {
  ScopedTempDir dir;
  const std::string path = dir.File("revenue.csv");
  WriteFile(path, "patient;department;month;amount\nP1;A;2026-06;100,00\n");
  RevenueTableCache cache;
  const SharedRevenueTable first = cache.Table(path, kDepartments).value();
  const auto modified = std::filesystem::last_write_time(path);

  // The same size and a later time: another patient.
  WriteFile(path, "patient;department;month;amount\nP2;A;2026-06;100,00\n");
  std::filesystem::last_write_time(path, modified + std::chrono::seconds(1));
  Result<SharedRevenueTable> changed = cache.Table(path, kDepartments);
  ASSERT_TRUE(changed.ok()) << changed.error().ToString();
  EXPECT_EQ(Patients(*changed.value()), "P2 ");

  // Another size with the old time (a file restored from a backup).
  WriteFile(path, "patient;department;month;amount\nP3;A;2026-06;100,00\nP4;A;2026-06;1\n");
  std::filesystem::last_write_time(path, modified);
  EXPECT_EQ(Patients(*cache.Table(path, kDepartments).value()), "P3 P4 ");
  EXPECT_EQ(Patients(*first), "P1 ");  // a table in use stays as it was
}

TEST(RevenueTableCacheTest, ARefusedFileIsNotKept) {
  ScopedTempDir dir;
  const std::string path = dir.File("revenue.csv");
  WriteFile(path, "patient;department;month;amount\nP1;Z;2026-06;100,00\n");
  RevenueTableCache cache;
  EXPECT_FALSE(cache.Table(path, kDepartments).ok());
  // Once the store knows the department, the same file is accepted.
  Result<SharedRevenueTable> accepted = cache.Table(path, FixedDepartments({"A", "Z"}));
  ASSERT_TRUE(accepted.ok()) << accepted.error().ToString();
  EXPECT_EQ(Patients(*accepted.value()), "P1 ");
  EXPECT_FALSE(cache.Table(dir.File("missing.csv"), kDepartments).ok());
}

}  // namespace
}  // namespace clusterpilot
