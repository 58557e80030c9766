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

// Issue #10 item 9: a billing system writes one row per invoice line, and
// credit notes as negative rows.
TEST(RevenueTableTest, SumsSeveralRowsOfAPatientAndMonthAndTakesCreditNotes) {
  ScopedTempDir dir;
  Result<RevenueTable> table = Read(dir,
                                    "patient;department;month;amount\n"
                                    "P1;Psychosomatiek;2026-10;100,00\n"
                                    "P2;FACT Noord;2026-10;40,00\n"
                                    "P1;psychosomatiek;2026-10;25,50\n"
                                    "P2;FACT Noord;2026-10;-52,50\n"
                                    "P1;Psychosomatiek;2026-09;-10,00\n"
                                    "P1;PSYCHOSOMATIEK;2026-10;-20,00\n");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  ASSERT_EQ(table.value().entries.size(), 3u);
  EXPECT_EQ(table.value().entries[0].amount_cents, 10550);
  EXPECT_EQ(table.value().entries[0].department, "Psychosomatiek");
  EXPECT_EQ(table.value().entries[0].line, 2);
  EXPECT_EQ(table.value().entries[1].amount_cents, -1250);
  EXPECT_EQ(table.value().entries[2].amount_cents, -1000);
  const std::string file = dir.File("revenue.csv");
  EXPECT_EQ(table.value().WarningsIn(CalendarMonth{2026, 10}),
            std::vector<std::string>{
                file +
                ":3: a patient's revenue in FACT Noord for 2026-10 nets \xE2\x82\xAC\xC2\xA0-12,50 "
                "(lines 3, 5): credit notes exceed the charges; counted as it nets"});
  EXPECT_EQ(
      table.value().WarningsIn(CalendarMonth{2026, 9}),
      std::vector<std::string>{
          file +
          ":6: a patient's revenue in Psychosomatiek for 2026-09 nets \xE2\x82\xAC\xC2\xA0-10,00 "
          "(line 6): credit notes exceed the charges; counted as it nets"});
}

// A patient's entries are found by walking that patient's own: a row of
// the third department and month adds to the third entry, not the first.
TEST(RevenueTableTest, EachRowAddsToItsOwnDepartmentAndMonthOfThePatient) {
  ScopedTempDir dir;
  Result<RevenueTable> table = Read(dir,
                                    "patient;department;month;amount\n"
                                    "P1;Psychosomatiek;2026-09;1,00\n"
                                    "P1;FACT Noord;2026-09;2,00\n"
                                    "P2;FACT Noord;2026-09;4,00\n"
                                    "P1;Psychosomatiek;2026-10;8,00\n"
                                    "P1;Psychosomatiek;2026-10;16,00\n"
                                    "P1;FACT Noord;2026-09;32,00\n"
                                    "P2;FACT Noord;2026-09;64,00\n"
                                    "P1;FACT Noord;2026-10;128,00\n");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  std::vector<std::string> entries;
  for (const RevenueEntry& entry : table.value().entries) {
    entries.push_back(entry.patient_id + " " + entry.department + " " + entry.month.Key() + " " +
                      std::to_string(entry.amount_cents) + " line " + std::to_string(entry.line));
  }
  EXPECT_EQ(entries,
            (std::vector<std::string>{
                "P1 Psychosomatiek 2026-09 100 line 2", "P1 FACT Noord 2026-09 3400 line 3",
                "P2 FACT Noord 2026-09 6800 line 4", "P1 Psychosomatiek 2026-10 2400 line 5",
                "P1 FACT Noord 2026-10 12800 line 9"}));
}

TEST(RevenueTableTest, MatchesDepartmentsWhateverTheirCaseAndAccents) {
  ScopedTempDir dir;
  Result<RevenueTable> table = Read(dir,
                                    "patient;department;month;amount\n"
                                    "P1; ouderenpsychiatrie he ;2026-10;1\n"
                                    "P2;OUDERENPSYCHIATRIE H\xC3\x89;2026-10;1\n"
                                    "P3;fact noord;2026-10;1\n");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table.value().entries[0].department, "Ouderenpsychiatrie H\xC3\xA9");
  EXPECT_EQ(table.value().entries[1].department, "Ouderenpsychiatrie H\xC3\xA9");
  EXPECT_EQ(table.value().entries[2].department, "FACT Noord");
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
      {"P2;Psychosomatiek;2026-10;veel",
       ":3: amount \"veel\": not an amount in euros (write e.g. 1.234,56)"},
      {"P2;Psychosomatiek;okt 2026;10",
       ":3: month \"okt 2026\": not a month (write YYYY-MM, e.g. 2026-10)"},
      {";Psychosomatiek;2026-10;10", ":3: patient: no patient given"},
      {"P2;Psychosomatiek;2026-10",
       ":3: expected 4 columns (patient;department;month;amount), found 3"},
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
