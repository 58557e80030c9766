#include "reports/csv_table_writer.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

// Department names typed by an attacker come out as text Excel will not run;
// amounts, negative ones included, stay numbers.
TEST(CsvTableWriterTest, NeutralisesTextAndKeepsNumbersNumbers) {
  ReportTable table;
  table.row_header = "Department";
  table.columns = {{"patients", "Patients", CellKind::kCount, 1},
                   {"difference", "Difference", CellKind::kEuros, 1},
                   {"share", "Share", CellKind::kPercent, 1},
                   {"note", "Note", CellKind::kText, 1}};
  const char* kAttacks[] = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)",
                            "-2+3"};
  for (const char* attack : kAttacks) {
    ReportRow row;
    row.label = attack;
    row.cells = {ReportCell::Count(12), ReportCell::Euros(-1250), ReportCell::Percent(-1, 8),
                 ReportCell::Text(attack)};
    table.rows.push_back(row);
  }
  table.rows[1].cells[0].privacy = CellPrivacy::kSmall;
  EXPECT_EQ(CsvTableText(table, 5),
            "\xEF\xBB\xBF"
            "Department;Patients;Difference (\xE2\x82\xAC);Share (%);Note\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";12;-12,50;-12,5;"
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
            "'+cmd|' /C calc'!A0;<5;-12,50;-12,5;'+cmd|' /C calc'!A0\r\n"
            "'@SUM(1);12;-12,50;-12,5;'@SUM(1)\r\n"
            "'-2+3;12;-12,50;-12,5;'-2+3\r\n");
}

}  // namespace
}  // namespace clusterpilot
