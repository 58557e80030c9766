#include "importers/export_importer.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

const CalendarDate kToday{2026, 11, 23};

constexpr const char* kHeader =
    "patiëntnummer;afdeling;datum;behandelaar;supercluster;HV01;HV02;HV03;HV04;HV05;HV06;HV07;"
    "HV08;HV09;HV10;HV11;HV12;HV13;HV14;HV15;HV16;HV17;HV18;HV19;HV08_soort\r\n";

// "P1;Psychosomatiek;07-03-2026;A. Jansen;X;" + 19 ratings + type.
std::string Row(const std::string& patient, const std::string& date, const std::string& hv07 = "2",
                const std::string& department = "Psychosomatiek") {
  std::string row = patient + ";" + department + ";" + date + ";A. Jansen;X";
  for (int item = 0; item < kItemCount; ++item) row += ";" + (item == 6 ? hv07 : std::string("1"));
  return row + ";F\r\n";
}

int64_t Count(Store& store, const std::string& table) {
  SqlStatement count(store, "SELECT count(*) FROM " + table);
  return count.Step() ? count.Int(0) : -1;
}

std::string Column(Store& store, const std::string& sql) {
  SqlStatement select(store, sql);
  return select.Step() ? std::string(select.Text(0)) : "<none>";
}

// The first column of every row, space-separated (group_concat is SQLite's).
std::string Joined(Store& store, const std::string& sql) {
  SqlStatement select(store, sql);
  std::string joined;
  while (select.Step()) joined += (joined.empty() ? "" : " ") + std::string(select.Text(0));
  return joined;
}

class ExportImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(TestStoreLocation(dir_));
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    importer_ = std::make_unique<ExportImporter>(*store_);
  }

  Result<ImportSummary> Import(const std::string& name, const std::string& content,
                               bool strict = false) {
    WriteFile(dir_.File(name), content);
    return ImportPath(dir_.File(name), strict);
  }

  Result<ImportSummary> ImportPath(const std::string& path, bool strict = false) {
    ImportOptions options;
    options.path = path;
    options.strict = strict;
    options.user = "fin01";
    options.today = kToday;
    return importer_->Import(options);
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ExportImporter> importer_;
};

TEST_F(ExportImporterTest, StoresGoodRowsAndKeepsBadOnesWithTheirReasons) {
  auto summary = Import("maart.csv", std::string("\xEF\xBB\xBF") + kHeader +
                                         Row("P1", "07-03-2026") + Row("P2", "08-03-2026", "5") +
                                         Row("P3", "31-02-2026", "7") + Row("P4", "2026-03-09"));
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  const ImportSummary& s = summary.value();
  EXPECT_EQ(s.format, "CSV");
  EXPECT_EQ(s.details, "delimiter ';', UTF-8 with byte-order mark");
  EXPECT_EQ(s.counts.read, 4);
  EXPECT_EQ(s.counts.stored, 2);
  EXPECT_EQ(s.counts.rejected, 2);
  EXPECT_EQ(s.problem_count, 3);
  ASSERT_EQ(s.first_problems.size(), 3u);
  EXPECT_EQ(
      s.first_problems[0].ToString(),
      dir_.File("maart.csv") + ":3: column \"HV07\" \"5\": not a rating (0-4, or 9 for unknown)");
  EXPECT_EQ(
      s.first_problems[1].ToString(),
      dir_.File("maart.csv") + ":4: column \"datum\" \"31-02-2026\": no such day in the calendar");
  EXPECT_TRUE(s.HasProblems());

  EXPECT_EQ(Count(*store_, "measurement"), 2);
  EXPECT_EQ(Joined(*store_,
                   "SELECT patient_id || '@' || rating_date || '@' || hv07 "
                   "|| '@' || source_line FROM measurement ORDER BY id"),
            "P1@2026-03-07@2@2 P4@2026-03-09@2@5");
  EXPECT_EQ(Count(*store_, "rejected_row"), 3);
  EXPECT_EQ(Column(*store_,
                   "SELECT line || '|' || field || '|' || value || '|' || reason || '|' || "
                   "raw_row FROM rejected_row ORDER BY id LIMIT 1"),
            "3|HV07|5|not a rating (0-4, or 9 for unknown)|" +
                Row("P2", "08-03-2026", "5").substr(0, Row("P2", "08-03-2026", "5").size() - 2));
  EXPECT_EQ(Column(*store_,
                   "SELECT file_name || '|' || format || '|' || imported_by || '|' || "
                   "rows_read || rows_stored || rows_skipped || rows_rejected || "
                   "rows_conflict || '|' || length(content_hash) FROM import_batch"),
            "maart.csv|csv|fin01|42020|64");
  auto audit = ReadAuditLog(*store_);
  ASSERT_EQ(audit.value().size(), 1u);
  EXPECT_EQ(audit.value()[0].user, "fin01");
  EXPECT_EQ(audit.value()[0].object,
            "batch 1: maart.csv (2 stored, 0 skipped, 0 conflicts, 2 rejected)");

  EXPECT_EQ(s.rejects_path, dir_.File("maart.csv") + ".rejects.csv");
  const std::string bad_row = Row("P2", "08-03-2026", "5");
  const std::string worse_row = Row("P3", "31-02-2026", "7");
  EXPECT_EQ(ReadFile(s.rejects_path),
            std::string("\xEF\xBB\xBF") + std::string(kHeader).substr(0, strlen(kHeader) - 2) +
                ";reden\r\n" + bad_row.substr(0, bad_row.size() - 2) +
                ";\"column \"\"HV07\"\" \"\"5\"\": not a rating (0-4, or 9 for unknown)\"\r\n" +
                worse_row.substr(0, worse_row.size() - 2) +
                ";\"column \"\"datum\"\" \"\"31-02-2026\"\": no such day in the calendar; column "
                "\"\"HV07\"\" \"\"7\"\": not a rating (0-4, or 9 for unknown)\"\r\n");
}

TEST_F(ExportImporterTest, TheRejectFileCanBeFixedAndImportedAgain) {
  auto first = Import("maart.csv", std::string(kHeader) + Row("P1", "07-03-2026") +
                                       Row("P2", "08-03-2026", "5") + Row("P3", "31-02-2026"));
  ASSERT_TRUE(first.ok());
  std::string rejects = ReadFile(first.value().rejects_path);
  // What the clerk does in Excel: correct the two values, leave the reasons.
  rejects.replace(rejects.find(";5;"), 3, ";3;");
  rejects.replace(rejects.find("31-02-2026"), 10, "28-02-2026");
  auto fixed = Import("maart.csv.rejects.csv", rejects);
  ASSERT_TRUE(fixed.ok()) << fixed.error().ToString();
  EXPECT_EQ(fixed.value().counts.stored, 2);
  EXPECT_EQ(fixed.value().counts.rejected, 0);
  EXPECT_TRUE(fixed.value().unknown_columns.empty());  // "reden" is known and ignored
  EXPECT_EQ(fixed.value().rejects_path, "");
  EXPECT_EQ(Count(*store_, "measurement"), 3);
  EXPECT_EQ(Column(*store_, "SELECT hv07 FROM measurement WHERE patient_id = 'P2'"), "3");
  EXPECT_EQ(Column(*store_, "SELECT rating_date FROM measurement WHERE patient_id = 'P3'"),
            "2026-02-28");
}

TEST_F(ExportImporterTest, TheSameContentTwiceAddsNothing) {
  const std::string content = std::string(kHeader) + Row("P1", "07-03-2026");
  ASSERT_TRUE(Import("maart.csv", content).ok());
  auto again = Import("kopie van maart.csv", content);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again.value().previous.has_value());
  EXPECT_EQ(again.value().previous->batch_id, 1);
  EXPECT_EQ(again.value().previous->file_name, "maart.csv");
  EXPECT_EQ(again.value().previous->imported_by, "fin01");
  EXPECT_FALSE(again.value().HasProblems());
  EXPECT_EQ(Count(*store_, "import_batch"), 1);
  EXPECT_EQ(Count(*store_, "measurement"), 1);
  EXPECT_EQ(Count(*store_, "audit_log"), 1);
}

TEST_F(ExportImporterTest, AStoredMeasurementIsSkippedWhenEqualAndKeptOnConflict) {
  ASSERT_TRUE(
      Import("maart.csv", std::string(kHeader) + Row("P1", "07-03-2026") + Row("P2", "07-03-2026"))
          .ok());
  auto second = Import("maart-v2.csv", std::string(kHeader) + Row("P1", "7-3-2026") +
                                           Row("P2", "2026-03-07", "4") + Row("P3", "07-03-2026") +
                                           Row("P3", "07-03-2026", "3"));
  ASSERT_TRUE(second.ok());
  const ImportSummary& s = second.value();
  EXPECT_EQ(s.counts.read, 4);
  EXPECT_EQ(s.counts.stored, 1);
  EXPECT_EQ(s.counts.skipped, 1);
  EXPECT_EQ(s.counts.conflicts, 2);
  EXPECT_EQ(s.counts.rejected, 0);
  ASSERT_EQ(s.first_problems.size(), 2u);
  EXPECT_EQ(s.first_problems[0].ToString(),
            dir_.File("maart-v2.csv") +
                ":3: column \"HV07\": already stored with other ratings (maart.csv, line 3): HV07 "
                "2 there, 4 here; the stored measurement was kept");
  EXPECT_EQ(s.first_problems[1].ToString(),
            dir_.File("maart-v2.csv") +
                ":5: column \"HV07\": already stored with other ratings (maart-v2.csv, line 4): "
                "HV07 2 there, 3 here; the stored measurement was kept");
  EXPECT_EQ(
      Column(*store_, "SELECT hv07 || '@' || batch_id FROM measurement WHERE patient_id = 'P2'"),
      "2@1");
  EXPECT_EQ(Count(*store_, "measurement"), 3);
  EXPECT_EQ(
      Column(*store_, "SELECT rows_conflict || ',' || rows_skipped FROM import_batch WHERE id = 2"),
      "2,1");
  EXPECT_NE(ReadFile(s.rejects_path).find("HV07 2 there, 4 here"), std::string::npos);
}

TEST_F(ExportImporterTest, ConflictsNameEveryDifferingValue) {
  ASSERT_TRUE(Import("a.csv", std::string(kHeader) + Row("P1", "07-03-2026")).ok());
  std::string changed = Row("P1", "07-03-2026", "9");
  changed.replace(changed.find("A. Jansen;X"), 11, "B. Bakker;Y");
  changed.replace(changed.rfind(";F"), 2, ";");
  auto second = Import("b.csv", std::string(kHeader) + changed);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second.value().first_problems.size(), 1u);
  EXPECT_EQ(second.value().first_problems[0].message,
            "already stored with other ratings (a.csv, line 2): HV07 2 there, unknown here, "
            "HV08_soort \"F\" there, empty here, supercluster \"non-psychotic\" there, "
            "\"psychotic\" here, behandelaar \"A. Jansen\" there, \"B. Bakker\" here; the stored "
            "measurement was kept");
}

TEST_F(ExportImporterTest, Windows1252WithCrlfAndAccentsInHeadersAndDepartments) {
  const std::string header =
      "Cli\xEBntnummer;Afdeling;Datum meting;Beoordelaar;HV1;HV2;HV3;HV4;HV5;HV6;HV7;HV8;HV9;"
      "HV10;HV11;HV12;HV13;HV14;HV15;HV16;HV17;HV18;HV19;HV8_soort\r\n";
  const std::string row =
      "P1;Ambulante cli\xEBntenzorg (FACT);7-3-2026;Dr. M. M\xFCller;0;1;2;3;4;9;;1;1;1;1;1;1;1;"
      "1;1;1;1;1;b\r\n";
  auto summary = Import("epd.csv", header + row);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().details, "delimiter ';', Windows-1252");
  EXPECT_EQ(summary.value().counts.stored, 1);
  EXPECT_EQ(Column(*store_,
                   "SELECT department || '|' || clinician || '|' || hv05 || '|' || "
                   "coalesce(CAST(hv06 AS TEXT), 'null') || coalesce(CAST(hv07 AS TEXT), 'null') "
                   "|| '|' || hv08_type "
                   "FROM measurement"),
            "Ambulante cliëntenzorg (FACT)|Dr. M. Müller|4|nullnull|B");
}

TEST_F(ExportImporterTest, ColumnsInAnyOrderWithAliasesAndUnknownColumns) {
  std::string header = "item_19;Opmerking;Team;Meetdatum";
  for (int item = 18; item >= 1; --item) header += ";honos_" + std::to_string(item);
  header += ";Cliëntnummer;soort_8;Leeftijd\n";
  std::string row = "4;zie dossier;Psychosezorg;2026-01-05";
  for (int item = 18; item >= 1; --item) row += ";" + std::to_string(item % 5);
  row += ";C9;J;44\n";
  auto summary = Import("shuffled.csv", header + row);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().unknown_columns, (std::vector<std::string>{"Opmerking", "Leeftijd"}));
  EXPECT_EQ(summary.value().counts.stored, 1);
  EXPECT_EQ(Column(*store_,
                   "SELECT patient_id || department || rating_date || '|' || hv01 || "
                   "hv02 || hv05 || hv06 || hv18 || hv19 || hv08_type FROM measurement"),
            "C9Psychosezorg2026-01-05|120134J");
}

TEST_F(ExportImporterTest, StrictRejectsTheWholeFileAtTheFirstBadRow) {
  auto summary = Import("maart.csv",
                        std::string(kHeader) + Row("P1", "07-03-2026") +
                            Row("P2", "08-03-2026", "5") + Row("P3", "09-03-2026"),
                        /*strict=*/true);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            dir_.File("maart.csv") +
                ":3: column \"HV07\" \"5\": not a rating (0-4, or 9 for unknown) (--strict: the "
                "whole file was rejected)");
  EXPECT_EQ(Count(*store_, "measurement"), 0);
  EXPECT_EQ(Count(*store_, "import_batch"), 0);
  EXPECT_EQ(Count(*store_, "rejected_row"), 0);
  EXPECT_EQ(Count(*store_, "audit_log"), 0);
  const std::string rejects = ReadFile(dir_.File("maart.csv.rejects.csv"));
  EXPECT_NE(rejects.find("P2;Psychosomatiek;08-03-2026"), std::string::npos);
  EXPECT_EQ(rejects.find("P1;"), std::string::npos);
  // Fixed, the same file goes in whole.
  auto fixed = Import("maart.csv",
                      std::string(kHeader) + Row("P1", "07-03-2026") +
                          Row("P2", "08-03-2026", "3") + Row("P3", "09-03-2026"),
                      /*strict=*/true);
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(Count(*store_, "measurement"), 3);
}

TEST_F(ExportImporterTest, AMissingColumnRejectsTheFileAndStoresNothing) {
  std::string header = kHeader;
  header.replace(header.find("HV12;"), 5, "");
  auto summary = Import("maart.csv", header + Row("P1", "07-03-2026"));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            dir_.File("maart.csv") + ":1: no column for HV12 (name it HV12, honos_12 or item_12)");
  EXPECT_EQ(Count(*store_, "import_batch"), 0);
}

constexpr const char* kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">\n";

std::string XmlMeasurement(const std::string& patient, const std::string& date,
                           const std::string& hv07 = "2") {
  std::string element = "  <measurement patient=\"" + patient +
                        "\" department=\"Psychosezorg\" date=\"" + date +
                        "\" clinician=\"A. Jansen\" supercluster=\"psychotic\"";
  for (int item = 0; item < kItemCount; ++item) {
    element += " hv" + std::string(item < 9 ? "0" : "") + std::to_string(item + 1) + "=\"" +
               (item == 6 ? hv07 : "1") + "\"";
  }
  return element + "/>\n";
}

TEST_F(ExportImporterTest, XmlRowsAreStoredAndFutureDatesRejected) {
  auto summary =
      Import("export.xml", std::string(kXmlHead) + XmlMeasurement("P1", "2026-03-07") +
                               XmlMeasurement("P2", "2027-01-01") + "</honosplus-export>\n");
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().format, "XML");
  EXPECT_EQ(summary.value().counts.stored, 1);
  EXPECT_EQ(summary.value().counts.rejected, 1);
  EXPECT_EQ(summary.value().first_problems[0].ToString(),
            dir_.File("export.xml") +
                ":4: attribute \"date\" \"2027-01-01\": lies in the future; a rating date cannot "
                "be after today");
  EXPECT_EQ(Column(*store_, "SELECT CAST(supercluster AS TEXT) || hv07 FROM measurement"), "22");
  // The reject file has the canonical CSV columns and imports as CSV once fixed.
  std::string rejects = ReadFile(summary.value().rejects_path);
  EXPECT_EQ(rejects.substr(0, 42), "\xEF\xBB\xBFpatient;department;date;clinician;super");
  rejects.replace(rejects.find("2027-01-01"), 10, "2026-01-01");
  auto fixed = Import("export.xml.rejects.csv", rejects);
  ASSERT_TRUE(fixed.ok()) << fixed.error().ToString();
  EXPECT_EQ(fixed.value().counts.stored, 1);
  EXPECT_EQ(Column(*store_,
                   "SELECT CAST(supercluster AS TEXT) || hv07 || hv01 FROM measurement WHERE "
                   "patient_id = 'P2'"),
            "221");
}

// A value Excel would run as a formula reaches the reject file neutralised
// (a leading ') and comes back into the store exactly as it was.
TEST_F(ExportImporterTest, RejectFilesNeutraliseFormulasAndImportBackUnchanged) {
  const std::string formula = "+cmd|' /C calc'!A0";
  auto summary = Import("maart.csv", std::string(kHeader) + Row("P2", "08-03-2026", "5", formula));
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().counts.rejected, 1);
  std::string rejects = ReadFile(summary.value().rejects_path);
  const std::string neutralised = "P2;'+cmd|' /C calc'!A0;08-03-2026;A. Jansen;X;1;1;1;1;1;1;5;";
  ASSERT_NE(rejects.find(neutralised), std::string::npos) << rejects;
  rejects.replace(rejects.find(neutralised) + neutralised.size() - 2, 1, "2");
  auto fixed = Import("maart.csv.rejects.csv", rejects);
  ASSERT_TRUE(fixed.ok()) << fixed.error().ToString();
  EXPECT_EQ(fixed.value().counts.stored, 1);
  EXPECT_EQ(Column(*store_, "SELECT department FROM measurement WHERE patient_id = 'P2'"), formula);
}

TEST_F(ExportImporterTest, AnXmlSchemaViolationAnywhereStoresNothing) {
  std::string content = kXmlHead;
  for (int i = 0; i < 3000; ++i) content += XmlMeasurement("P" + std::to_string(i), "2026-03-07");
  content += XmlMeasurement("LAST", "2026-03-07", "6") + "</honosplus-export>\n";
  auto summary = Import("export.xml", content);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().line, 3003);
  EXPECT_EQ(summary.error().field, "attribute \"hv07\"");
  EXPECT_EQ(Count(*store_, "measurement"), 0);
  EXPECT_EQ(Count(*store_, "import_batch"), 0);
  EXPECT_EQ(Count(*store_, "rejected_row"), 0);
}

TEST_F(ExportImporterTest, XmlAttacksAreRefusedAndStoreNothing) {
  WriteFile(dir_.File("secret.txt"), "geheim");
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE honosplus-export [<!ENTITY s SYSTEM \"" +
      dir_.File("secret.txt") +
      "\">]>\n<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">\n" +
      XmlMeasurement("&s;", "2026-03-07") + "</honosplus-export>\n";
  auto summary = Import("xxe.xml", xxe);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("DOCTYPE"), std::string::npos);
  // Ten levels of ten references each: 10^10 copies of "lol" if expanded.
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e0 \"lol\">";
  for (int level = 1; level <= 10; ++level) {
    laughs += "<!ENTITY e" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) laughs += "&e" + std::to_string(level - 1) + ";";
    laughs += "\">";
  }
  laughs += "]>\n<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">\n" +
            XmlMeasurement("&e10;", "2026-03-07") + "</honosplus-export>\n";
  summary = Import("laughs.xml", laughs);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("DOCTYPE"), std::string::npos);
  EXPECT_EQ(Count(*store_, "measurement"), 0);
  EXPECT_EQ(Count(*store_, "import_batch"), 0);
}

TEST_F(ExportImporterTest, AnEpdTextFileIsRecognisedByItsContent) {
  auto summary = Import("export.txt", std::string(kXmlHead) + XmlMeasurement("P1", "2026-03-07") +
                                          "</honosplus-export>\n");
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().format, "XML");
  summary = Import("export2.txt", std::string(kHeader) + Row("P2", "07-03-2026"));
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary.value().format, "CSV");
}

TEST_F(ExportImporterTest, ABulkImportRebuildsTheDateIndex) {
  // SQLite only: PostgreSQL keeps its indexes through an import (readers).
  if (TestsUsePostgresql()) GTEST_SKIP() << "SQLite's schema table";
  std::string content = kHeader;
  for (int i = 0; i < 500; ++i) content += Row("P" + std::to_string(i), "07-03-2026");
  ASSERT_TRUE(Import("bulk.csv", content).ok());
  EXPECT_EQ(Column(*store_, "SELECT sql FROM sqlite_schema WHERE name = 'measurement_by_date'"),
            "CREATE INDEX measurement_by_date ON measurement(rating_date)");
  EXPECT_EQ(Count(*store_, "measurement"), 500);
}

TEST_F(ExportImporterTest, AFileThatCannotBeReadIsAnError) {
  auto summary = ImportPath(dir_.File("nope.csv"));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().ToString(),
            dir_.File("nope.csv") + ": cannot be read: No such file or directory");
}

}  // namespace
}  // namespace clusterpilot
