#include "reports/revenue_table.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

const std::set<std::string> kKnown = {"Psychosomatiek", "Ouderenpsychiatrie H\xC3\xA9",
                                      "FACT Noord"};

Result<RevenueTable> Read(const ScopedTempDir& dir, const std::string& content) {
  WriteFile(dir.File("revenue.csv"), content);
  return ReadRevenueTable(dir.File("revenue.csv"), FixedDepartments(kKnown));
}

TEST(RevenueTableTest, ReadsEntriesAndSelectsAMonth) {
  ScopedTempDir dir;
  Result<RevenueTable> table = Read(dir,
                                    "patient;department;month;amount\n"
                                    "P1;Psychosomatiek;2026-10;1.234,56\n"
                                    "P1;Psychosomatiek;2026-09;100\n"
                                    "P2;FACT Noord;2026-10;\xE2\x82\xAC 88,10\n");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  ASSERT_EQ(table.value().entries.size(), 3u);
  EXPECT_EQ(table.value().entries[0].amount_cents, 123456);
  EXPECT_EQ(table.value().entries[2].line, 4);
  const std::vector<RevenueEntry> october = table.value().InMonth(CalendarMonth{2026, 10});
  ASSERT_EQ(october.size(), 2u);
  EXPECT_EQ(october[1].patient_id, "P2");
  EXPECT_EQ(october[1].amount_cents, 8810);
}

TEST(RevenueTableTest, ReadsWindows1252AsExcelSavesIt) {
  ScopedTempDir dir;
  // "Hé" written by Excel as Windows-1252: é is the single byte 0xE9.
  Result<RevenueTable> table = Read(dir,
                                    "patient;department;month;amount\r\n"
                                    "P1;Ouderenpsychiatrie H\xE9;2026-10;12,50\r\n");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table.value().entries[0].department, "Ouderenpsychiatrie H\xC3\xA9");
}

TEST(RevenueTableTest, RefusesBadRowsWithLineAndField) {
  ScopedTempDir dir;
  const std::string file = dir.File("revenue.csv");
  const std::string header = "patient;department;month;amount\n";
  const std::string good = "P1;Psychosomatiek;2026-10;10\n";
  const struct {
    std::string row;
    std::string message;
  } cases[] = {
      {"P2;Psychsomatiek;2026-10;10",
       ":3: department \"Psychsomatiek\": not a department in the store (known: FACT Noord, "
       "Ouderenpsychiatrie H\xC3\xA9, Psychosomatiek)"},
      {"P2;Psychosomatiek;2026-10;-10", ":3: amount \"-10\": a revenue amount cannot be negative"},
      {"P2;Psychosomatiek;2026-10;veel",
       ":3: amount \"veel\": not an amount in euros (write e.g. 1.234,56)"},
      {"P2;Psychosomatiek;okt 2026;10",
       ":3: month \"okt 2026\": not a month (write YYYY-MM, e.g. 2026-10)"},
      {";Psychosomatiek;2026-10;10", ":3: patient: no patient given"},
      {"P2;Psychosomatiek;2026-10",
       ":3: expected 4 columns (patient;department;month;amount), found 3"},
      {"P1;Psychosomatiek;2026-10;12",
       ":3: patient: this patient already has an amount for Psychosomatiek in 2026-10 on line 2 "
       "(one row per patient, department and month)"},
  };
  for (const auto& c : cases) {
    Result<RevenueTable> table = Read(dir, header + good + c.row + "\n");
    ASSERT_FALSE(table.ok()) << c.message;
    EXPECT_EQ(table.error().ToString(), file + c.message);
  }
  Result<RevenueTable> wrong_header = Read(dir, "patient;amount\nP1;10\n");
  ASSERT_FALSE(wrong_header.ok());
  EXPECT_EQ(wrong_header.error().ToString(),
            file +
                ":1: the first line must be the header patient;department;month;amount "
                "(columns separated by ;)");
}

}  // namespace
}  // namespace clusterpilot
