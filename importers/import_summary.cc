#include "importers/import_summary.h"

#include <iomanip>
#include <ostream>

namespace clusterpilot {
namespace {

void PrintCount(std::ostream& out, const char* label, int64_t count, const std::string& note) {
  out << "  " << std::left << std::setw(10) << label << std::right << std::setw(9) << count;
  if (!note.empty() && count > 0) out << "  " << note;
  out << "\n";
}

}  // namespace

void PrintImportSummary(const ImportSummary& summary, std::ostream& out) {
  if (summary.previous) {
    out << summary.file_name << ": already imported on " << summary.previous->imported_at << " by "
        << summary.previous->imported_by << " as batch " << summary.previous->batch_id << " ("
        << summary.previous->file_name << ", same content); nothing added\n";
    return;
  }
  out << summary.file_name << ": " << summary.format;
  if (!summary.details.empty()) out << " (" << summary.details << ")";
  out << ", batch " << summary.batch_id << "\n";
  const ImportCounts& counts = summary.counts;
  PrintCount(out, "rows read", counts.read, "");
  PrintCount(out, "stored", counts.stored, "");
  PrintCount(out, "skipped", counts.skipped, "already stored with the same ratings");
  PrintCount(out, "conflicts", counts.conflicts,
             "already stored with other ratings; the stored ones were kept");
  PrintCount(out, "rejected", counts.rejected, "broke a rule; not stored");
  if (!summary.unknown_columns.empty()) {
    out << "  unknown columns, ignored:";
    for (size_t i = 0; i < summary.unknown_columns.size(); ++i) {
      out << (i == 0 ? " \"" : ", \"") << summary.unknown_columns[i] << "\"";
    }
    out << "\n";
  }
  if (summary.first_problems.empty()) return;
  out << "  problems";
  if (static_cast<int64_t>(summary.first_problems.size()) < summary.problem_count) {
    out << " (the first " << summary.first_problems.size() << " of " << summary.problem_count
        << ")";
  }
  out << ":\n";
  for (const Error& problem : summary.first_problems) out << "    " << problem.ToString() << "\n";
  if (!summary.rejects_path.empty()) {
    out << "  every row that was not stored, with the reason: " << summary.rejects_path
        << "\n  (fix the rows there and import that file again)\n";
  }
  if (!summary.rejects_problem.empty()) out << "  " << summary.rejects_problem << "\n";
}

}  // namespace clusterpilot
