#include "core/delimited_reader.h"

#include <gtest/gtest.h>

#include "core/column_aliases.h"

namespace clusterpilot {
namespace {

struct ReadRows {
  Status status = Status::Ok();
  std::vector<DelimitedRow> rows;
  LineEndCounts line_ends;
};

// Feeds `text` in pieces of `piece` bytes, as a file read in blocks.
ReadRows Read(std::string_view text, size_t piece = 1 << 20) {
  ReadRows result;
  DelimitedReader reader("t.csv", ';');
  const DelimitedReader::RowCallback keep = [&](int line, const std::vector<std::string>& cells) {
    result.rows.push_back(DelimitedRow{line, cells});
    return true;
  };
  for (size_t at = 0; at < text.size() && result.status.ok(); at += piece) {
    result.status = reader.Feed(text.substr(at, piece), keep);
  }
  if (result.status.ok()) result.status = reader.Finish(keep);
  result.line_ends = reader.line_ends();
  return result;
}

std::string Lines(const ReadRows& read) {
  std::string lines;
  for (const DelimitedRow& row : read.rows) {
    lines += std::to_string(row.line) + ":";
    for (const std::string& cell : row.cells) lines += "[" + cell + "]";
    lines += " ";
  }
  return lines;
}

TEST(DelimitedReaderTest, EveryLineEndEndsARowInAnyPieceSize) {
  struct Case {
    std::string text;
    std::string rows;
    std::string line_ends;
  };
  const std::vector<Case> cases = {
      {"a;b\nc;d\n", "1:[a][b] 2:[c][d] ", "2 LF"},
      {"a;b\r\nc;d\r\n", "1:[a][b] 2:[c][d] ", "2 CRLF"},
      {"a;b\rc;d\r", "1:[a][b] 2:[c][d] ", "2 CR"},
      {"a;b\rc;d", "1:[a][b] 2:[c][d] ", "1 CR"},
      {"a\r\nb\rc\nd", "1:[a] 2:[b] 3:[c] 4:[d] ", "1 LF, 1 CRLF, 1 CR"},
      {"h\r\r\nx;\"two\rlines\"\ry\r", "1:[h] 3:[x][two\rlines] 5:[y] ", "1 CRLF, 4 CR"},
      {"a\n;;\n \t\nb", "1:[a] 4:[b] ", "3 LF"},
  };
  for (const Case& c : cases) {
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{1} << 20}) {
      ReadRows read = Read(c.text, piece);
      ASSERT_TRUE(read.status.ok()) << read.status.error().ToString();
      EXPECT_EQ(Lines(read), c.rows) << c.text << " in pieces of " << piece;
      EXPECT_EQ(read.line_ends.Describe(), c.line_ends) << c.text;
    }
  }
}

TEST(DelimitedReaderTest, AStoppedReadResumesWhereItStopped) {
  DelimitedReader reader("t.csv", ';');
  const std::string text = "h1;h2\rv1;v2\rv3;v4\r";
  std::vector<std::string> first;
  size_t used = 0;
  ASSERT_TRUE(reader
                  .Feed(
                      text,
                      [&](int, const std::vector<std::string>& cells) {
                        first = cells;
                        return false;
                      },
                      &used)
                  .ok());
  EXPECT_EQ(first, (std::vector<std::string>{"h1", "h2"}));
  EXPECT_EQ(used, 6u);
  std::vector<int> lines;
  const DelimitedReader::RowCallback rest = [&](int line, const std::vector<std::string>&) {
    lines.push_back(line);
    return true;
  };
  ASSERT_TRUE(reader.Feed(std::string_view(text).substr(used), rest).ok());
  ASSERT_TRUE(reader.Finish(rest).ok());
  EXPECT_EQ(lines, (std::vector<int>{2, 3}));
}

TEST(DelimitedReaderTest, LongValuesAndOpenQuotesAreNamed) {
  const std::string big(kMaxValueBytes + 1, 'x');
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a;b\nok;" + big + "\n",
       "t.csv:2: column 2: the value is longer than 64 KB, the limit for any value"},
      {"a;b\nok;\"" + big + "\"\n",
       "t.csv:2: column 2: a quoted value starting on this line is longer than 64 KB, the limit "
       "for any value; is its closing quote (\") missing?"},
      {"a;b\r\rok;\"never closed\r",
       "t.csv:3: a quoted value starting on this line has no closing quote (\"); the rest of the "
       "file cannot be read"},
  };
  for (const Case& c : cases) {
    ReadRows read = Read(c.text, 4096);
    ASSERT_FALSE(read.status.ok()) << c.message;
    EXPECT_EQ(read.status.error().ToString(), c.message);
  }
}

TEST(DelimitedReaderTest, ColumnNamesNameTheColumnInMessages) {
  DelimitedReader reader("t.csv", ';');
  reader.SetColumnNames({"patient", "HV01"});
  const DelimitedReader::RowCallback ignore = [](int, const std::vector<std::string>&) {
    return true;
  };
  Status status = reader.Feed("P1;" + std::string(kMaxValueBytes + 1, '1'), ignore);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "t.csv:1: column \"HV01\": the value is longer than 64 KB, the limit for any value");
}

TEST(DelimitedReaderTest, ASmallTableSkipsTheByteOrderMark) {
  auto rows = ReadDelimitedText(
      "\xEF\xBB\xBF"
      "a;b\r1;2\r",
      ';', "t.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 2u);
  EXPECT_EQ(rows.value()[0].cells, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows.value()[1].line, 2);
}

TEST(ColumnAliasesTest, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(FoldColumnName("Patiëntnummer"), "patientnummer");
  EXPECT_EQ(FoldColumnName(" Datum meting "), "datummeting");
  EXPECT_EQ(FoldColumnName("HV08_soort"), "hv08soort");
  EXPECT_EQ(FoldColumnName("CLIËNTNUMMER"), "clientnummer");
  EXPECT_EQ(FoldColumnName("Co\xEB"
                           "ffici\xEB"
                           "nt "),
            "coefficient");  // Windows-1252
}

TEST(ColumnAliasesTest, MatchesFirstColumnPerKeyAndReportsDuplicates) {
  const std::vector<ColumnAlias> aliases = {{"patient", 0}, {"client", 0}, {"datum", 1}};
  ColumnMatch match = MatchColumns({"Datum", "opmerking", "Patiënt", "Cliënt"}, aliases, 2);
  EXPECT_EQ(match.key_of_column, (std::vector<int>{1, kUnknownColumn, 0, 0}));
  EXPECT_EQ(match.column_of_key, (std::vector<int>{2, 0}));
  ASSERT_TRUE(match.duplicate.has_value());
  EXPECT_EQ(*match.duplicate, (std::pair<size_t, size_t>{2, 3}));
}

}  // namespace
}  // namespace clusterpilot
