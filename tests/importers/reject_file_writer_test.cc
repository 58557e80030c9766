#include "importers/reject_file_writer.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

TEST(RejectFileWriterTest, JoinQuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(JoinCsvRow({"P1", "Team; Noord", "Jansen, \"Jan\"", "a\r\nb", ""}, ';'),
            "P1;\"Team; Noord\";\"Jansen, \"\"Jan\"\"\";\"a\r\nb\";");
  EXPECT_EQ(JoinCsvRow({"P1", "Team; Noord", "Jansen, J."}, ','), "P1,Team; Noord,\"Jansen, J.\"");
}

TEST(RejectFileWriterTest, WritesHeaderRowsAndReasonsForExcel) {
  ScopedTempDir dir;
  auto writer = RejectFileWriter::Create(dir.File("r.csv"), ';', {"patient", "afdeling"}, "reden");
  ASSERT_TRUE(writer.ok());
  writer.value()->WriteRow("P1;Psychosomatiek", "column \"HV07\" \"5\": not a rating; x");
  ASSERT_TRUE(writer.value()->Finish().ok());
  EXPECT_EQ(ReadFile(dir.File("r.csv")),
            "\xEF\xBB\xBFpatient;afdeling;reden\r\n"
            "P1;Psychosomatiek;\"column \"\"HV07\"\" \"\"5\"\": not a rating; x\"\r\n");
}

TEST(RejectFileWriterTest, CanonicalRowsForXmlInput) {
  Measurement measurement;
  measurement.patient_id = "P1";
  measurement.department = "Psychosezorg";
  measurement.rating_date = CalendarDate{2026, 3, 7};
  measurement.supercluster = Supercluster::kPsychotic;
  measurement.ratings.fill(2);
  measurement.ratings[0] = kUnknownRating;
  measurement.hv08_type = 'J';
  EXPECT_EQ(CanonicalRejectRow(measurement),
            "P1;Psychosezorg;2026-03-07;;psychotic;;9;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;2;J");
  EXPECT_EQ(CanonicalRejectColumns().size(), 26u);
  EXPECT_EQ(CanonicalRejectColumns().back(), "HV08_type");
  RawMeasurement raw;
  raw.values[kPatientField] = "P;2";
  raw.values[ItemField(0)] = "7";
  raw.values[kHv08TypeField] = "Q";
  EXPECT_EQ(CanonicalRejectRow(raw), "\"P;2\";;;;;;7;;;;;;;;;;;;;;;;;;;Q");
}

TEST(RejectFileWriterTest, UnwritablePathIsAnError) {
  auto writer = RejectFileWriter::Create("/nonexistent/r.csv", ';', {"a"}, "reden");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().ToString(),
            "/nonexistent/r.csv: the reject file cannot be written: No such file or directory");
}

}  // namespace
}  // namespace clusterpilot
