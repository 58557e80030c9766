#include "importers/import_summary.h"

#include <gtest/gtest.h>

#include <sstream>

namespace clusterpilot {
namespace {

TEST(ImportSummaryTest, PrintsCountsUnknownColumnsProblemsAndTheRejectFile) {
  ImportSummary summary;
  summary.file_name = "maart.csv";
  summary.format = "CSV";
  summary.details = "delimiter ';', Windows-1252";
  summary.batch_id = 3;
  summary.counts = ImportCounts{120, 100, 10, 2, 8};
  summary.unknown_columns = {"opmerking", "leeftijd"};
  summary.first_problems.push_back(
      Error{"maart.csv", 7, 0, "column \"HV07\"", "5", "not a rating (0-4, or 9 for unknown)"});
  summary.problem_count = 11;
  summary.rejects_path = "maart.csv.rejects.csv";
  std::ostringstream out;
  PrintImportSummary(summary, out);
  EXPECT_EQ(out.str(),
            "maart.csv: CSV (delimiter ';', Windows-1252), batch 3\n"
            "  rows read       120\n"
            "  stored          100\n"
            "  skipped          10  already stored with the same ratings\n"
            "  conflicts         2  already stored with other ratings; the stored ones were kept\n"
            "  rejected          8  broke a rule; not stored\n"
            "  unknown columns, ignored: \"opmerking\", \"leeftijd\"\n"
            "  problems (the first 1 of 11):\n"
            "    maart.csv:7: column \"HV07\" \"5\": not a rating (0-4, or 9 for unknown)\n"
            "  every row that was not stored, with the reason: maart.csv.rejects.csv\n"
            "  (fix the rows there and import that file again)\n");
}

TEST(ImportSummaryTest, SaysSoWhenTheContentWasImportedBefore) {
  ImportSummary summary;
  summary.file_name = "kopie van maart.csv";
  summary.previous = PreviousImport{3, "maart.csv", "2026-11-02T09:14:00Z", "fin01"};
  std::ostringstream out;
  PrintImportSummary(summary, out);
  EXPECT_EQ(out.str(),
            "kopie van maart.csv: already imported on 2026-11-02T09:14:00Z by fin01 as batch 3 "
            "(maart.csv, same content); nothing added\n");
}

}  // namespace
}  // namespace clusterpilot
