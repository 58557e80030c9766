#include "reports/tariff_table.h"

#include <gtest/gtest.h>

#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// A complete tariff file with `replace` put in place of cluster 4's row
// (or appended when it names another row).
std::string TariffsWith(const std::string& row4) {
  std::string csv = PlausibleTariffCsv();
  const size_t start = csv.find("\n4;") + 1;
  const size_t end = csv.find('\n', start);
  return csv.substr(0, start) + row4 + csv.substr(end);
}

Result<TariffTable> Read(const ScopedTempDir& dir, const std::string& content) {
  WriteFile(dir.File("tariffs.csv"), content);
  return ReadTariffTable(dir.File("tariffs.csv"));
}

TEST(TariffTableTest, ReadsAFileAsDutchExcelSavesIt) {
  ScopedTempDir dir;
  std::string csv =
      "\xEF\xBB\xBF"
      "Cluster;Tariff_low;tariff_expected;tariff_high\r\n";
  for (int cluster = 1; cluster <= 21; ++cluster) {
    if (cluster == 9) continue;
    csv += (cluster == 4 ? std::string("ZT04") : std::to_string(cluster)) +
           ";\"1.000,50\";1.200;1500,25\r\n\r\n";
  }
  Result<TariffTable> table = Read(dir, csv);
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table.value().by_cluster[4].low_cents, 100050);
  EXPECT_EQ(table.value().by_cluster[4].expected_cents, 120000);
  EXPECT_EQ(table.value().by_cluster[21].high_cents, 150025);
}

TEST(TariffTableTest, RefusesBadFilesWithLineAndField) {
  ScopedTempDir dir;
  const std::string file = dir.File("tariffs.csv");
  const std::string order = "; each row needs tariff_low <= tariff_expected <= tariff_high";
  const struct {
    std::string content;
    std::string message;
  } cases[] = {
      {TariffsWith("4;abc;100;200"),
       ":5: tariff_low \"abc\": not an amount in euros (write e.g. 1.234,56)"},
      {TariffsWith("4;100;-5;200"), ":5: tariff_expected \"-5\": a tariff cannot be negative"},
      {TariffsWith("4;300;200;400"),
       ":5: tariff_low \"300\": is above tariff_expected (200,00)" + order},
      {TariffsWith("4;100;200;150,50"),
       ":5: tariff_high \"150,50\": is below tariff_expected (200,00)" + order},
      {TariffsWith("4;100;200"),
       ":5: expected 4 columns (cluster;tariff_low;tariff_expected;tariff_high), found 3"},
      {TariffsWith("9;100;200;300"),
       ":5: cluster \"9\": not a cluster number (1-8 or 10-21, or ZT01-ZT21)"},
      {TariffsWith("3;100;200;300"), ":5: cluster \"3\": cluster 3 already has tariffs on line 4"},
      {TariffsWith("22;1;2;3"),
       ":5: cluster \"22\": not a cluster number (1-8 or 10-21, or ZT01-ZT21)"},
      {TariffsWith("4;1;2;3,456"),
       ":5: tariff_high \"3,456\": more than two decimals (amounts are in euros and cents)"},
  };
  for (const auto& c : cases) {
    Result<TariffTable> table = Read(dir, c.content);
    ASSERT_FALSE(table.ok()) << c.message;
    EXPECT_EQ(table.error().ToString(), file + c.message);
  }
}

TEST(TariffTableTest, RefusesMissingClustersAndEmptyFiles) {
  ScopedTempDir dir;
  const std::string file = dir.File("tariffs.csv");
  std::string csv = PlausibleTariffCsv();
  for (const char* row : {"\n7;", "\n12;"}) {
    const size_t start = csv.find(row) + 1;
    csv.erase(start, csv.find('\n', start) - start + 1);
  }
  Result<TariffTable> missing = Read(dir, csv);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(
      missing.error().ToString(),
      file + ": cluster: no tariffs for cluster 7, 12 (every cluster 1-8 and 10-21 needs a row)");
  Result<TariffTable> empty = Read(dir, "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().ToString(), file +
                                          ": the file is empty; expected the header "
                                          "cluster;tariff_low;tariff_expected;tariff_high");
  Result<TariffTable> absent = ReadTariffTable(dir.File("nope.csv"));
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().ToString(),
            dir.File("nope.csv") + ": cannot be read (does the file exist?)");
}

}  // namespace
}  // namespace clusterpilot

namespace clusterpilot {
namespace {

TEST(TariffTableTest, TheDemoTariffsAreCompleteOrderedAndRiseWithSeverity) {
  Result<TariffTable> table = ReadTariffTable(CLUSTERPILOT_SOURCE_DIR "/data/demo_tariffs.csv");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  const auto& t = table.value().by_cluster;
  EXPECT_LT(t[1].expected_cents, t[2].expected_cents);
  EXPECT_LT(t[2].expected_cents, t[4].expected_cents);
  EXPECT_LT(t[4].expected_cents, t[5].expected_cents);
  EXPECT_LT(t[11].expected_cents, t[13].expected_cents);
  EXPECT_LT(t[13].expected_cents, t[14].expected_cents);  // a psychotic crisis costs most
  EXPECT_LT(t[18].expected_cents, t[21].expected_cents);
  EXPECT_EQ(t[5].high_cents, 134400);  // "1.344,00": the thousands dot is read
}

}  // namespace
}  // namespace clusterpilot
