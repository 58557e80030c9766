// The same files imported into an SQLite store and a PostgreSQL store give
// the same outcome: counts, messages, reject files and the very rows stored.
// PostgreSQL takes an import in batches by COPY (store/
// postgresql_measurement_copy.h) where SQLite writes row by row, so this
// checks that batching changes nothing a user can see: duplicates inside a
// batch, across batches and across files, equal and conflicting. Runs in the
// `postgres` pass only (it needs both stores).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/export_importer.h"
#include "store/store.h"
#include "store/table_catalog.h"
#include "store/table_content.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

constexpr const char* kHeader =
    "patiëntnummer;afdeling;datum;behandelaar;supercluster;HV01;HV02;HV03;HV04;HV05;HV06;HV07;"
    "HV08;HV09;HV10;HV11;HV12;HV13;HV14;HV15;HV16;HV17;HV18;HV19;HV08_soort\n";

std::string Row(int patient, const std::string& date, int hv07 = 2,
                const std::string& clinician = "A. Jansen") {
  std::string row =
      "P" + std::to_string(patient) + ";Psychosomatiek;" + date + ";" + clinician + ";X";
  for (int item = 0; item < kItemCount; ++item) {
    row += ";" + std::to_string(item == 6 ? hv07 : 1);
  }
  return row + ";F\n";
}

// More rows than one PostgreSQL batch (16384), with every kind of repeat.
std::string FirstFile() {
  std::string file = kHeader;
  for (int p = 0; p < 17000; ++p) file += Row(p, "07-03-2026");
  file += Row(3, "07-03-2026");                // equal to a row of the first batch
  file += Row(4, "07-03-2026", 3);             // in conflict with one of the first batch
  file += Row(16500, "07-03-2026", 4);         // in conflict with one of this batch
  file += Row(17001, "08-03-2026");            // new, then at once again, equal
  file += Row(17001, "08-03-2026");            //
  file += Row(17002, "08-03-2026", 1);         // new, then at once again, in conflict
  file += Row(17002, "08-03-2026", 2, "B");    //
  file += "P9;Psychosomatiek;31-02-2026;A;X";  // a row that breaks a rule
  for (int item = 0; item < kItemCount; ++item) file += ";1";
  return file + ";F\n";
}

std::string SecondFile() {
  std::string file = kHeader;
  file += Row(1, "07-03-2026");      // skipped
  file += Row(2, "07-03-2026", 0);   // conflict with the first file
  file += Row(17002, "08-03-2026");  // conflict with the first file's second half
  file += Row(20000, "09-03-2026");  // new
  file += Row(20000, "09-03-2026");  // skipped within the file
  return file;
}

struct Outcome {
  std::vector<std::string> summaries;  // counts and problems of each import
  std::vector<std::string> reject_files;
  std::vector<TableContent> tables;  // measurement, rejected_row
};

Outcome ImportBoth(const std::string& location, const ScopedTempDir& dir) {
  Outcome outcome;
  auto store = Store::Open(location);
  EXPECT_TRUE(store.ok()) << store.error().ToString();
  if (!store.ok()) return outcome;
  ExportImporter importer(*store.value());
  for (const char* name : {"maart.csv", "maart-v2.csv"}) {
    ImportOptions options;
    options.path = dir.File(name);
    options.user = "fin01";
    options.today = CalendarDate{2026, 11, 23};
    auto summary = importer.Import(options);
    EXPECT_TRUE(summary.ok()) << summary.error().ToString();
    if (!summary.ok()) return outcome;
    const ImportCounts& c = summary.value().counts;
    std::string text = std::to_string(c.read) + " read, " + std::to_string(c.stored) + " stored, " +
                       std::to_string(c.skipped) + " skipped, " + std::to_string(c.conflicts) +
                       " conflicts, " + std::to_string(c.rejected) + " rejected";
    for (const Error& problem : summary.value().first_problems) text += "\n" + problem.ToString();
    outcome.summaries.push_back(text);
    outcome.reject_files.push_back(ReadFile(summary.value().rejects_path));
  }
  // The SQLite store's column order for both, so the hashes compare.
  auto sqlite = Store::Open(dir.File("catalogue.db"));
  auto catalogue = ReadTableCatalog(*sqlite.value());
  EXPECT_TRUE(catalogue.ok());
  for (const StoreTable& table : catalogue.value()) {
    if (table.name != "measurement" && table.name != "rejected_row") continue;
    auto content = ReadTableContent(*store.value(), table);
    EXPECT_TRUE(content.ok()) << content.error().ToString();
    if (content.ok()) outcome.tables.push_back(content.value());
  }
  return outcome;
}

TEST(ImportParityTest, BatchedPostgresqlImportsMatchSqliteRowByRow) {
  if (!TestsUsePostgresql()) GTEST_SKIP() << "needs CLUSTERPILOT_TEST_POSTGRES_URL";
  ScopedTempDir dir;
  WriteFile(dir.File("maart.csv"), FirstFile());
  WriteFile(dir.File("maart-v2.csv"), SecondFile());
  const Outcome sqlite = ImportBoth(dir.File("store.db"), dir);
  const Outcome postgresql = ImportBoth(TestStoreLocation(dir), dir);

  ASSERT_EQ(sqlite.summaries.size(), 2u);
  EXPECT_EQ(sqlite.summaries[0].substr(0, sqlite.summaries[0].find('\n')),
            "17008 read, 17002 stored, 2 skipped, 3 conflicts, 1 rejected");
  EXPECT_EQ(sqlite.summaries[1].substr(0, sqlite.summaries[1].find('\n')),
            "5 read, 1 stored, 2 skipped, 2 conflicts, 0 rejected");
  EXPECT_EQ(postgresql.summaries, sqlite.summaries);
  EXPECT_EQ(postgresql.reject_files, sqlite.reject_files);
  ASSERT_EQ(sqlite.tables.size(), 2u);
  ASSERT_EQ(postgresql.tables.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(postgresql.tables[i].rows, sqlite.tables[i].rows) << i;
    EXPECT_EQ(postgresql.tables[i].hash, sqlite.tables[i].hash) << i;
  }
}

}  // namespace
}  // namespace clusterpilot
