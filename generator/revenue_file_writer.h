// The revenue file of a synthetic institution (the demo's): what a finance
// department would export beside the HoNOS+ export, one line per patient per
// month in care, priced from the cluster of the patient's latest rating. A
// patient also rated by a partner department is billed there too, from the
// partner's first rating on.
// Written through the one Dutch CSV writer, with '\n' line ends and no
// byte-order mark, as `report --revenue` reads it.
#ifndef CLUSTERPILOT_GENERATOR_REVENUE_FILE_WRITER_H_
#define CLUSTERPILOT_GENERATOR_REVENUE_FILE_WRITER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "core/calendar_month.h"
#include "core/dutch_csv_writer.h"
#include "core/error.h"
#include "generator/output_file.h"
#include "generator/synthetic_institution.h"

namespace clusterpilot {

struct RevenueFileOptions {
  CalendarMonth first_month;  // the months billed, inclusive
  CalendarMonth last_month;
  uint64_t seed = 0;
  int contract_percentage = 90;
  int months_in_care_after_last_rating = 2;
  int unrated_percentage = 6;  // patients in care whom nobody rated yet
};

// Takes the generator's measurements in its order (patient by patient) and
// writes a patient's months when the next patient starts, or at Finish.
class RevenueFileWriter {
 public:
  // Creates `path` and writes the header; the error names the path.
  static Result<std::unique_ptr<RevenueFileWriter>> Create(const std::string& path,
                                                           const RevenueFileOptions& options);
  RevenueFileWriter(const RevenueFileWriter&) = delete;
  RevenueFileWriter& operator=(const RevenueFileWriter&) = delete;

  void Add(const SyntheticMeasurement& synthetic);
  // Writes the last patient and closes the file; a full disk shows here.
  Status Finish();

 private:
  RevenueFileWriter(std::unique_ptr<OutputFile> file, const RevenueFileOptions& options);
  void FlushPatient();
  void WriteMonths(const std::string& patient, const std::string& department, int start, int end,
                   std::mt19937_64& random);

  std::unique_ptr<OutputFile> file_;
  const RevenueFileOptions options_;
  std::mt19937_64 random_;
  DutchCsvWriter line_{';', "\n"};
  std::string patient_;
  std::string department_;               // the patient's main (first rated) department
  std::map<int, int> cluster_by_month_;  // months after first_month -> true cluster
  // A partner department that also rated the patient, billed from its first
  // rating on, from its own stream so that other patients' amounts stay put.
  std::string partner_;
  int partner_first_month_ = 0;
  std::mt19937_64 partner_random_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_GENERATOR_REVENUE_FILE_WRITER_H_
