#include "importers/csv_dialect.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(CsvDialectTest, DetectsTheDelimiterOfTheHeaderLine) {
  EXPECT_EQ(DetectCsvDialect("patient;afdeling;datum\r\n1;2;3\r\n").delimiter, ';');
  EXPECT_EQ(DetectCsvDialect("patient,afdeling,datum\n1,2,3\n").delimiter, ',');
  EXPECT_EQ(DetectCsvDialect("patient\tafdeling\tdatum\n").delimiter, '\t');
  EXPECT_EQ(DetectCsvDialect("patient;afdeling;datum,meting\n").delimiter, ';');
}

TEST(CsvDialectTest, IgnoresDelimitersInsideQuotesAndLaterLines) {
  EXPECT_EQ(DetectCsvDialect("\"a,b,c,d\";afdeling;datum\n").delimiter, ';');
  EXPECT_EQ(DetectCsvDialect("\"x;\ny;z\",b,c\n;;;;;;;;\n").delimiter, ',');
}

TEST(CsvDialectTest, NoticesTheByteOrderMark) {
  CsvDialect dialect = DetectCsvDialect("\xEF\xBB\xBFpatient,afdeling\n");
  EXPECT_TRUE(dialect.byte_order_mark);
  EXPECT_EQ(dialect.header_offset, 3u);
  EXPECT_EQ(dialect.delimiter, ',');
  EXPECT_EQ(dialect.header_line, 1);
  EXPECT_FALSE(DetectCsvDialect("patient;afdeling\n").byte_order_mark);
}

TEST(CsvDialectTest, HonoursExcelsSepLine) {
  CsvDialect dialect = DetectCsvDialect("\xEF\xBB\xBFsep=,\r\npatient;team,datum\r\n");
  EXPECT_EQ(dialect.delimiter, ',');
  EXPECT_EQ(dialect.header_offset, 3u + 7u);
  EXPECT_EQ(dialect.header_line, 2);
}

TEST(CsvDialectTest, NamesTheDelimiterForTheSummary) {
  CsvDialect dialect;
  dialect.delimiter = '\t';
  EXPECT_EQ(dialect.DelimiterName(), "tab");
  dialect.delimiter = ';';
  EXPECT_EQ(dialect.DelimiterName(), "';'");
}

}  // namespace
}  // namespace clusterpilot
