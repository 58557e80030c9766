// The whole `clusterpilot report` job as one library call, shared by the
// report command and the demo: read the tariff and revenue files, read the
// month (and the month before) from the store, compute, hide small cells,
// write HTML, JSON, XLSX and one CSV per table into a folder that appears
// all at once, and record the reading of patient data in the audit log.
#ifndef CLUSTERPILOT_REPORTS_MONTHLY_REPORT_H_
#define CLUSTERPILOT_REPORTS_MONTHLY_REPORT_H_

#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "core/error.h"
#include "core/language.h"
#include "reports/disclosure_statement.h"
#include "reports/monte_carlo_interval.h"
#include "reports/payment_allocation.h"

namespace clusterpilot {

class Store;

struct ReportRequest {
  CalendarMonth month;
  std::string tariff_file;
  std::string revenue_file;  // empty: no comparison with today's revenue
  // Further revenue files (`report --revenue` given several times), for
  // other months: together with revenue_file they give each month's revenue,
  // and no month may be in two files. Ignored without revenue_file.
  std::vector<std::string> more_revenue_files;
  std::string out_dir;
  bool with_patient_list = false;  // adds flagged-patients.csv (names patients)
  int suppress_below = 5;          // counts 1..suppress_below-1 are hidden; >= 2
  // How far back a rating can give a patient's valid cluster (and count as
  // their previous rating), in months; the cluster's review period may be
  // shorter. >= 1.
  int valid_rating_months = 12;
  int protection_interval = 3;  // values a hidden count keeps (disclosure audit); >= 2
  MonteCarloOptions monte_carlo;
  // Who receives a patient's one cluster payment (setting report.allocation).
  AllocationRule allocation = AllocationRule::kCoordinator;
  Language language = kDefaultLanguage;  // of HTML, CSV and XLSX; JSON stays English
  std::string user;                      // who asked, for the audit log
};

struct ReportSummary {
  std::string out_dir;
  std::vector<std::string> files;     // names inside out_dir
  std::vector<std::string> warnings;  // as in the report, e.g. unclassified measurements
  int64_t patients = 0;
  DisclosureSummary disclosure;  // what was hidden, and how long the audit took
};

// Runs the report. A bad tariff or revenue file, or a month given in two
// revenue files, is refused before anything is written (the error names
// file, line, column and value); a failure while writing leaves out_dir as
// it was.
Result<ReportSummary> WriteMonthlyReport(Store& store, const ReportRequest& request);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_MONTHLY_REPORT_H_
