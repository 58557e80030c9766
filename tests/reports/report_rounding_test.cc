// One rounding rule in every format: a value exactly halfway, in decimal,
// between two shown values goes away from zero in the CSV, the HTML, the
// JSON and the XLSX alike (issue 10: the JSON said 4.4 where CSV and HTML
// said 4,3).
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "reports/csv_table_writer.h"
#include "reports/department_layout.h"
#include "reports/html_report_writer.h"
#include "reports/json_report_writer.h"
#include "reports/pilot_report.h"
#include "reports/xlsx_report_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/zip_entry.h"

namespace clusterpilot {
namespace {

// Each row: one value, shown with one decimal (percent: of the percentage).
PilotReport HalvesReport() {
  ReportTable table{
      "halves",
      "Halves",
      "",
      "",
      {Column("mean", "Mean", CellKind::kDecimal), Column("share", "Share", CellKind::kPercent)},
      {}};
  table.rows.push_back({"a",
                        "a",
                        RowStyle::kNormal,
                        {ReportCell::Decimal(87.0 / 20.0), ReportCell::Percent(1, 80)}});
  table.rows.push_back(
      {"b", "b", RowStyle::kNormal, {ReportCell::Decimal(-2.25), ReportCell::Percent(-3, 8)}});
  table.rows.push_back(
      {"c", "c", RowStyle::kNormal, {ReportCell::Decimal(4.3499), ReportCell::Percent(1, 3)}});
  PilotReport report;
  report.month_key = "2026-10";
  report.month_name = "October 2026";
  report.tables.push_back(std::move(table));
  report.relations.emplace_back();
  return report;
}

TEST(ReportRoundingTest, CsvRoundsHalvesAwayFromZero) {
  const PilotReport report = HalvesReport();
  const std::string csv = CsvTableText(report.tables[0], 5);
  EXPECT_NE(csv.find("a;4,4;1,3\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("b;-2,3;-37,5\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("c;4,3;33,3\r\n"), std::string::npos) << csv;
}

TEST(ReportRoundingTest, HtmlRoundsHalvesAwayFromZero) {
  const PilotReport report = HalvesReport();
  const ReportTable& table = report.tables[0];
  const auto text = [&table](int row, int column) {
    return HtmlCellText(table.rows[row].cells[column], table.columns[column], 5);
  };
  EXPECT_EQ(text(0, 0), "4,4");
  EXPECT_EQ(text(0, 1), "1,3%");
  EXPECT_EQ(text(1, 0), "-2,3");
  EXPECT_EQ(text(1, 1), "-37,5%");
  EXPECT_EQ(text(2, 0), "4,3");
}

TEST(ReportRoundingTest, JsonRoundsHalvesAwayFromZero) {
  Poco::JSON::Parser parser;
  auto root = parser.parse(JsonReportText(HalvesReport())).extract<Poco::JSON::Object::Ptr>();
  auto rows = root->getArray("tables")->getObject(0)->getArray("rows");
  const auto value = [&rows](int row, const char* key) {
    return rows->getObject(row)->getObject("values")->getValue<double>(key);
  };
  EXPECT_EQ(value(0, "mean"), 4.4);
  EXPECT_EQ(value(0, "share"), 0.013);
  EXPECT_EQ(value(1, "mean"), -2.3);
  EXPECT_EQ(value(1, "share"), -0.375);
  EXPECT_EQ(value(2, "mean"), 4.3);
}

// The workbook holds the rounded values, so Excel shows and sums what the
// other formats show.
TEST(ReportRoundingTest, XlsxHoldsTheRoundedValues) {
  ScopedTempDir dir;
  ASSERT_TRUE(WriteXlsxReport(HalvesReport(), dir.File("report.xlsx")).ok());
  const std::string sheet = ZipEntry(dir.File("report.xlsx"), "xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet.find("<v>4.4</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>0.013</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>-2.3</v>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("4.35"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("4.349"), std::string::npos) << sheet;
}

}  // namespace
}  // namespace clusterpilot
