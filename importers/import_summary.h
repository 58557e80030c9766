// What one import did, for the person who ran it: counts, the columns that
// were ignored, the first problems, and where the reject file went.
#ifndef CLUSTERPILOT_IMPORTERS_IMPORT_SUMMARY_H_
#define CLUSTERPILOT_IMPORTERS_IMPORT_SUMMARY_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/measurement_writer.h"

namespace clusterpilot {

struct ImportSummary {
  std::string file_name;  // as the user named it
  std::string format;     // "CSV" or "XML"
  std::string details;    // "delimiter ';', UTF-8 with byte-order mark"
  int64_t batch_id = 0;
  std::optional<PreviousImport> previous;  // set when the content was imported before
  ImportCounts counts;
  std::vector<std::string> unknown_columns;
  std::vector<Error> first_problems;  // rejections and conflicts in file order, the first few
  int64_t problem_count = 0;          // all of them; a rejected row may have several
  std::string rejects_path;           // written when rows were rejected or conflicted
  std::string rejects_problem;        // why the reject file could not be written

  // True when a row was rejected or conflicted: the exit code is then 1.
  bool HasProblems() const { return counts.rejected > 0 || counts.conflicts > 0; }
};

// Prints the summary as the import command shows it.
void PrintImportSummary(const ImportSummary& summary, std::ostream& out);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_IMPORTERS_IMPORT_SUMMARY_H_
