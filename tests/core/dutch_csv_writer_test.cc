#include "core/dutch_csv_writer.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(DutchCsvWriterTest, WritesBomSemicolonsDecimalCommaAndCrlf) {
  DutchCsvWriter csv;
  csv.ByteOrderMark().Text("afdeling").Text("bedrag").Text("kans").EndLine();
  csv.Text("Noord").Cents(123456).Decimal(0.98654, 4).EndLine();
  csv.Integer(-3).Empty().Cents(0).EndLine();
  EXPECT_EQ(csv.text(),
            "\xEF\xBB\xBF"
            "afdeling;bedrag;kans\r\n"
            "Noord;1234,56;0,9865\r\n"
            "-3;;0,00\r\n");
}

TEST(DutchCsvWriterTest, QuotesAsRfc4180) {
  DutchCsvWriter csv;
  csv.Text("Team; Noord").Text("Jansen, \"Jan\"").Text("a\r\nb").Text("").EndLine();
  EXPECT_EQ(csv.text(), "\"Team; Noord\";\"Jansen, \"\"Jan\"\"\";\"a\r\nb\";\r\n");
}

TEST(DutchCsvWriterTest, KeepsAnotherDelimiterAndLineEnd) {
  DutchCsvWriter csv(',', "\n");
  csv.Text("Team; Noord").Text("Jansen, J.").EndLine();
  EXPECT_EQ(csv.text(), "Team; Noord,\"Jansen, J.\"\n");
}

TEST(DutchCsvWriterTest, NeutralisesFormulasInTextCells) {
  DutchCsvWriter csv;
  csv.Text("=HYPERLINK(\"http://x\",\"y\")").EndLine();
  csv.Text("+cmd|' /C calc'!A0").EndLine();
  csv.Text("@SUM(1)").EndLine();
  csv.Text("-2+3").EndLine();
  csv.Text("\tTAB").Text("\rCR").EndLine();
  EXPECT_EQ(csv.text(),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
            "'+cmd|' /C calc'!A0\r\n"
            "'@SUM(1)\r\n"
            "'-2+3\r\n"
            "'\tTAB;\"'\rCR\"\r\n");
}

TEST(DutchCsvWriterTest, NumbersStayNumbersNegativeAmountsIncluded) {
  DutchCsvWriter csv;
  csv.Cents(-1250).Integer(-7).Decimal(-3.25, 1).Decimal(-0.04, 1).EndLine();
  EXPECT_EQ(csv.text(), "-12,50;-7;-3,3;0,0\r\n");  // halves away from zero
}

TEST(DutchCsvWriterTest, LeavesHarmlessTextAlone) {
  DutchCsvWriter csv;
  csv.Text("<5").Text("x").Text("Jan-Willem").Text("a=b").Text("'quoted'").EndLine();
  EXPECT_EQ(csv.text(), "<5;x;Jan-Willem;a=b;'quoted'\r\n");
}

TEST(DutchCsvWriterTest, TakeEmptiesTheWriter) {
  DutchCsvWriter csv;
  csv.Text("a").Text("b");
  EXPECT_EQ(csv.Take(), "a;b");
  csv.Text("c").EndLine();
  EXPECT_EQ(csv.text(), "c\r\n");
}

TEST(DutchCsvWriterTest, WrittenCellsAreAppendedUnchanged) {
  DutchCsvWriter csv;
  csv.Written("'=1;\"a;b\"").Text("=2").EndLine();
  EXPECT_EQ(csv.text(), "'=1;\"a;b\";'=2\r\n");
}

TEST(FormulaNeutralisingTest, UndoGivesBackExactlyWhatWasWritten) {
  for (const char* original :
       {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tx", "\rx",
        "'=already quoted", "''-two quotes", "'", "''", "plain", "", "-", "'plain"}) {
    const std::string written = NeutraliseFormula(original);
    EXPECT_EQ(UndoFormulaNeutralising(written), original) << written;
  }
}

TEST(FormulaNeutralisingTest, NeutralisesOnlyFormulaStarts) {
  EXPECT_EQ(NeutraliseFormula("=1+1"), "'=1+1");
  EXPECT_EQ(NeutraliseFormula("'=1+1"), "''=1+1");
  EXPECT_EQ(NeutraliseFormula("'quoted'"), "'quoted'");
  EXPECT_EQ(NeutraliseFormula("12,50"), "12,50");
  EXPECT_EQ(UndoFormulaNeutralising("'-12,50"), "-12,50");
  EXPECT_EQ(UndoFormulaNeutralising("'quoted'"), "'quoted'");
  EXPECT_EQ(UndoFormulaNeutralising("-12,50"), "-12,50");
}

TEST(AppendCsvTextTest, AppendsOneCellWithoutDelimiter) {
  std::string line = "P1;";
  AppendCsvText("=cmd", ';', &line);
  line += ';';
  AppendCsvText("Team; Noord", ';', &line);
  EXPECT_EQ(line, "P1;'=cmd;\"Team; Noord\"");
}

TEST(PlainNumberTest, FormatsWithoutThousandsSeparators) {
  EXPECT_EQ(FormatPlainCents(123456789), "1234567,89");
  EXPECT_EQ(FormatPlainCents(-5), "-0,05");
  EXPECT_EQ(FormatPlainCents(INT64_MIN), "-92233720368547758,08");
  EXPECT_EQ(FormatPlainDecimal(12.34, 1), "12,3");
  EXPECT_EQ(FormatPlainDecimal(7, 0), "7");
}

}  // namespace
}  // namespace clusterpilot
