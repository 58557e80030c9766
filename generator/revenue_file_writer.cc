#include "generator/revenue_file_writer.h"

#include <algorithm>

#include "generator/synthetic_revenue.h"

namespace clusterpilot {
namespace {

// "SYN001234" -> "SYN901234": an id the generator never uses.
std::string UnratedTwin(const std::string& patient) {
  std::string twin = patient;
  const size_t digit = twin.find_first_of("0123456789");
  if (digit != std::string::npos) twin[digit] = '9';
  return twin;
}

}  // namespace

Result<std::unique_ptr<RevenueFileWriter>> RevenueFileWriter::Create(
    const std::string& path, const RevenueFileOptions& options) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.error();
  return std::unique_ptr<RevenueFileWriter>(
      new RevenueFileWriter(std::move(file).value(), options));
}

RevenueFileWriter::RevenueFileWriter(std::unique_ptr<OutputFile> file,
                                     const RevenueFileOptions& options)
    : file_(std::move(file)),
      options_(options),
      random_(options.seed),
      partner_random_(options.seed + 1) {
  line_.Text("patient").Text("department").Text("month").Text("amount").EndLine();
  file_->Append(line_.text());
}

void RevenueFileWriter::Add(const SyntheticMeasurement& synthetic) {
  if (synthetic.measurement.patient_id != patient_) FlushPatient();
  const int month =
      options_.first_month.MonthsUntil(CalendarMonth::Of(synthetic.measurement.rating_date));
  if (cluster_by_month_.empty()) {
    patient_ = synthetic.measurement.patient_id;
    department_ = synthetic.measurement.department;
  }
  if (synthetic.measurement.department != department_) {
    if (partner_.empty()) partner_first_month_ = month;
    partner_ = synthetic.measurement.department;
    return;
  }
  cluster_by_month_[month] = synthetic.true_cluster;
}

Status RevenueFileWriter::Finish() {
  FlushPatient();
  return file_->Close();
}

// Every month in care, from up to two months before the first rating (some
// care starts before the first HoNOS+) until shortly after the last.
void RevenueFileWriter::FlushPatient() {
  if (cluster_by_month_.empty()) return;
  const int last = options_.first_month.MonthsUntil(options_.last_month);
  const int start = std::max(0, cluster_by_month_.begin()->first - static_cast<int>(random_() % 3));
  const int end =
      std::min(last, cluster_by_month_.rbegin()->first + options_.months_in_care_after_last_rating);
  WriteMonths(patient_, department_, start, end, random_);
  // Some patients in care have no HoNOS+ at all: they lower the coverage.
  if (static_cast<int>(random_() % 100) < options_.unrated_percentage) {
    WriteMonths(UnratedTwin(patient_), department_, start, end, random_);
  }
  if (!partner_.empty()) {
    WriteMonths(patient_, partner_, std::max(start, partner_first_month_), end, partner_random_);
  }
  cluster_by_month_.clear();
  partner_.clear();
}

// Priced from the cluster of the latest rating up to each month (the first
// rating's for months before it).
void RevenueFileWriter::WriteMonths(const std::string& patient, const std::string& department,
                                    int start, int end, std::mt19937_64& random) {
  for (int month = start; month <= end; ++month) {
    auto rated = cluster_by_month_.upper_bound(month);
    const int cluster =
        rated == cluster_by_month_.begin() ? rated->second : std::prev(rated)->second;
    line_.Clear();
    line_.Text(patient).Text(department).Text(options_.first_month.Plus(month).Key());
    line_.Cents(SyntheticMonthRevenueCents(cluster, options_.contract_percentage, random));
    file_->Append(line_.EndLine().text());
  }
}

}  // namespace clusterpilot
