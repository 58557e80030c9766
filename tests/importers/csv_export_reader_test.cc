#include "importers/csv_export_reader.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

std::string ItemHeader(char delimiter) {
  std::string header;
  for (int item = 0; item < kItemCount; ++item) header += delimiter + ItemCode(item);
  return header;
}

std::string Ratings(char delimiter, const std::string& value = "1") {
  std::string ratings;
  for (int item = 0; item < kItemCount; ++item) ratings += delimiter + value;
  return ratings;
}

struct ReadResult {
  Status status = Status::Ok();
  std::vector<RawMeasurement> rows;
  std::vector<std::vector<std::string>> cells;
};

ReadResult ReadAll(CsvExportReader& reader) {
  ReadResult result;
  result.status =
      reader.ReadRows([&](const RawMeasurement& row, const std::vector<std::string>& cells) {
        result.rows.push_back(row);
        result.cells.push_back(cells);
        return true;
      });
  return result;
}

class CsvExportReaderTest : public ::testing::Test {
 protected:
  std::unique_ptr<CsvExportReader> Open(const std::string& content) {
    WriteFile(dir_.File("export.csv"), content);
    auto reader = CsvExportReader::Open(dir_.File("export.csv"), "export.csv");
    EXPECT_TRUE(reader.ok()) << reader.error().ToString();
    return reader.ok() ? std::move(reader).value() : nullptr;
  }

  ScopedTempDir dir_;
};

TEST_F(CsvExportReaderTest, ReadsDutchExcelCsv) {
  auto reader = Open("\xEF\xBB\xBFpatiëntnummer;afdeling;datum" + ItemHeader(';') + "\r\n" +
                     "P1;Psychosezorg;07-03-2026" + Ratings(';') + "\r\n" +
                     "P2;Psychosezorg;08-03-2026" + Ratings(';', "2") + "\r\n");
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->dialect().delimiter, ';');
  ReadResult result = ReadAll(*reader);
  ASSERT_TRUE(result.status.ok());
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].line, 2);
  EXPECT_EQ(result.rows[0].values[kPatientField], "P1");
  EXPECT_EQ(result.rows[1].line, 3);
  EXPECT_EQ(result.rows[1].values[ItemField(18)], "2");
  EXPECT_EQ(reader->EncodingName(), "UTF-8 with byte-order mark");
}

TEST_F(CsvExportReaderTest, QuotedDelimitersQuotesAndLineBreaksKeepLineNumbers) {
  auto reader = Open("afdeling;patient;datum;behandelaar" + ItemHeader(';') + "\n" +
                     "\"Team A; Noord\";P1;07-03-2026;\"Jansen, \"\"Jan\"\"\"" + Ratings(';') +
                     "\n" + "\"Team\nB\r\nmet twee regels\";P2;07-03-2026;x" + Ratings(';') + "\n" +
                     "Team C;P3;07-03-2026;y" + Ratings(';') + "\n");
  ASSERT_NE(reader, nullptr);
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].values[kDepartmentField], "Team A; Noord");
  EXPECT_EQ(result.rows[0].values[kClinicianField], "Jansen, \"Jan\"");
  EXPECT_EQ(result.rows[0].line, 2);
  EXPECT_EQ(result.rows[1].values[kDepartmentField], "Team\nB\r\nmet twee regels");
  EXPECT_EQ(result.rows[1].line, 3);
  EXPECT_EQ(result.rows[2].line, 6);  // the quoted value above spans lines 3-5
}

TEST_F(CsvExportReaderTest, BlankLinesAndTrailingEmptyColumnsAreIgnored) {
  auto reader = Open("patient,department,date" + ItemHeader(',') + ",,\n\n" +
                     "P1,Psychosezorg,2026-03-07" + Ratings(',') + ",,\n" + ",,,,,,\n\n" +
                     "P2,Psychosezorg,2026-03-07" + Ratings(',') + "\n");
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->dialect().delimiter, ',');
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_TRUE(result.rows[0].problems.empty());
  EXPECT_EQ(result.rows[0].line, 3);
  EXPECT_EQ(result.rows[1].line, 6);
  EXPECT_TRUE(reader->mapping().unknown_columns.empty());
}

TEST_F(CsvExportReaderTest, TabSeparatedWithoutFinalLineBreak) {
  auto reader = Open("patient\tteam\tdatum" + ItemHeader('\t') + "\n" + "P1\tT\t7-3-2026" +
                     Ratings('\t', "") + "\n" + "P2\tT\t7-3-2026" + Ratings('\t'));
  ASSERT_NE(reader, nullptr);
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].values[ItemField(3)], "");
  EXPECT_EQ(result.rows[1].values[ItemField(3)], "1");
  EXPECT_EQ(result.rows[1].line, 3);
}

TEST_F(CsvExportReaderTest, ARowLongerThanTheHeaderIsAProblemOfThatRow) {
  auto reader = Open("patient;afdeling;datum" + ItemHeader(';') + "\n" +
                     "P1;Team; Noord;07-03-2026" + Ratings(';') + "\n");
  ASSERT_NE(reader, nullptr);
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 1u);
  ASSERT_EQ(result.rows[0].problems.size(), 1u);
  EXPECT_EQ(result.rows[0].problems[0].reason,
            "the row has 23 values but the header 22 columns (a ';' inside a value that is not in "
            "quotes?)");
}

TEST_F(CsvExportReaderTest, Windows1252WithCrlf) {
  auto reader = Open("Pati\xEBntnummer;Afdeling;Datum" + ItemHeader(';') + "\r\n" +
                     "P1;Cli\xEBntenzorg;07-03-2026" + Ratings(';') + "\r\n");
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->mapping().NameOf(kPatientField), "Patiëntnummer");
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].values[kDepartmentField], "Cliëntenzorg");
  EXPECT_EQ(result.cells[0][1], "Cliëntenzorg");
  EXPECT_EQ(reader->EncodingName(), "Windows-1252");
}

TEST_F(CsvExportReaderTest, BadBytesInAUtf8FileAreAProblemOfTheirRow) {
  auto reader =
      Open("patient;afdeling;datum" + ItemHeader(';') + "\n" + "P1;Cli\xC3\xABnten;07-03-2026" +
           Ratings(';') + "\n" + "P2;Cli\xEBnten;07-03-2026" + Ratings(';') + "\n");
  ASSERT_NE(reader, nullptr);
  ReadResult result = ReadAll(*reader);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_TRUE(result.rows[0].problems.empty());
  ASSERT_EQ(result.rows[1].problems.size(), 1u);
  EXPECT_EQ(result.rows[1].problems[0].field, "afdeling");
  EXPECT_EQ(result.rows[1].problems[0].reason,
            "not readable as UTF-8 text (in Excel, save as \"CSV UTF-8\")");
}

TEST_F(CsvExportReaderTest, TheCallbackCanStopTheRead) {
  auto reader = Open("patient;afdeling;datum" + ItemHeader(';') + "\n" + "P1;T;07-03-2026" +
                     Ratings(';') + "\n" + "P2;T;07-03-2026" + Ratings(';') + "\n");
  ASSERT_NE(reader, nullptr);
  int rows = 0;
  Status status = reader->ReadRows([&](const RawMeasurement&, const std::vector<std::string>&) {
    ++rows;
    return false;
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(rows, 1);
}

TEST_F(CsvExportReaderTest, FileLevelProblems) {
  struct Case {
    std::string content;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", "export.csv: is empty; expected a header line with the column names"},
      {"\xEF\xBB\xBF\r\n\r\n",
       "export.csv: is empty; expected a header line with the column names"},
      {"patient;afdeling" + ItemHeader(';') + "\n",
       "export.csv:1: no column for rating date (name it rating_date, date, datum or meetdatum)"},
      {"patient;afdeling;datum" + ItemHeader(';') + "\nP1;\"Team;07-03-2026" + Ratings(';') + "\n",
       "export.csv:2: a quoted value starting on this line has no closing quote (\"); the rest of "
       "the file cannot be read"},
  };
  for (const Case& c : cases) {
    WriteFile(dir_.File("export.csv"), c.content);
    auto reader = CsvExportReader::Open(dir_.File("export.csv"), "export.csv");
    Status status = reader.ok() ? ReadAll(*reader.value()).status : reader.error();
    ASSERT_FALSE(status.ok()) << c.message;
    EXPECT_EQ(status.error().ToString(), c.message);
  }
}

TEST_F(CsvExportReaderTest, AnUnclosedQuoteInABigFileStopsBeforeMemoryGrows) {
  std::string content = "patient;afdeling;datum" + ItemHeader(';') + "\nP1;\"never closed";
  content += std::string(3 << 20, 'x');
  WriteFile(dir_.File("export.csv"), content);
  auto reader = CsvExportReader::Open(dir_.File("export.csv"), "export.csv");
  ASSERT_TRUE(reader.ok());
  Status status = ReadAll(*reader.value()).status;
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().line, 2);
}

}  // namespace
}  // namespace clusterpilot
