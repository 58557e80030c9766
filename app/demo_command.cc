// The demo month: a synthetic institution generated, imported, classified
// and reported, all in one folder, so that someone new sees the whole tool
// work in a minute. Calls the libraries directly, as the commands do.
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <random>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "app/store_classification.h"
#include "core/calendar_date.h"
#include "generator/export_writer.h"
#include "generator/synthetic_institution.h"
#include "generator/synthetic_revenue.h"
#include "importers/export_importer.h"
#include "reports/csv_table_writer.h"
#include "reports/dutch_number.h"
#include "reports/month_snapshot.h"
#include "reports/monthly_report.h"
#include "store/override_table.h"
#include "store/store.h"

namespace clusterpilot {

extern const char kDemoTariffsCsv[];  // data/demo_tariffs.csv, embedded by CMake

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultFolder = "clusterpilot-demo";
constexpr const char* kMarkerFile = ".clusterpilot-demo";
constexpr int kPatients = 5000;
constexpr int kMonths = 12;
constexpr int kDepartments = 7;
constexpr uint64_t kSeed = 2026;
constexpr int kContractPercentage = 90;
constexpr int kMonthsInCareAfterLastRating = 2;
constexpr int kUnratedPercentage = 6;    // patients in care whom nobody rated yet
constexpr int kReviewedPercentage = 40;  // of the last month's ratings, reviewed by a clinician

struct DemoFolder {
  std::string root;
  std::string File(const std::string& name) const { return (fs::path(root) / name).string(); }
};

// A folder for the demo: new, empty, or an earlier demo (whose files are
// removed so the demo starts afresh). Anything else is left alone.
Status PrepareFolder(const DemoFolder& folder) {
  std::error_code error;
  if (fs::exists(folder.root, error) && !fs::is_empty(folder.root, error) &&
      !fs::exists(folder.File(kMarkerFile), error)) {
    return FileError(
        folder.root,
        "holds other files and is not an earlier demo; choose a new folder with --out");
  }
  for (const char* name :
       {"clusterpilot.db", "clusterpilot.db-wal", "clusterpilot.db-shm", "honosplus-export.csv",
        "honosplus-export.csv.rejects.csv", "revenue.csv", "tariffs.csv"}) {
    fs::remove(folder.File(name), error);
  }
  fs::create_directories(folder.root, error);
  if (error) return FileError(folder.root, "cannot be created: " + error.message());
  return WriteTextFile(folder.File(kMarkerFile), "a clusterpilot demo folder; safe to delete\n");
}

// The last month that is over: imports refuse ratings from the future.
SyntheticOptions InstitutionOptions() {
  const CalendarDate today = CalendarDate::Today();
  const int last = today.year * 12 + today.month - 2;
  SyntheticOptions options;
  options.patients = kPatients;
  options.months = kMonths;
  options.departments = kDepartments;
  options.seed = kSeed;
  options.end_year = last / 12;
  options.end_month = last % 12 + 1;
  return options;
}

int MonthIndex(const CalendarDate& date) { return date.year * 12 + date.month - 1; }

std::string MonthKeyOf(int index) { return ReportMonth{index / 12, index % 12 + 1}.Key(); }

// Revenue for one patient: every month in care, from up to two months
// before the first rating (some care starts before the first HoNOS+) until
// shortly after the last, priced from the cluster of the latest rating.
class RevenueWriter {
 public:
  RevenueWriter(std::ofstream& out, int first_month, int last_month)
      : out_(out), first_month_(first_month), last_month_(last_month), random_(kSeed + 1) {
    out_ << "patient;department;month;amount\n";
  }

  void Add(const SyntheticMeasurement& synthetic) {
    if (synthetic.measurement.patient_id != patient_) Flush();
    patient_ = synthetic.measurement.patient_id;
    department_ = synthetic.measurement.department;
    cluster_by_month_[MonthIndex(synthetic.measurement.rating_date)] = synthetic.true_cluster;
  }

  void Flush() {
    if (cluster_by_month_.empty()) return;
    const int start =
        std::max(first_month_, cluster_by_month_.begin()->first - static_cast<int>(random_() % 3));
    const int end =
        std::min(last_month_, cluster_by_month_.rbegin()->first + kMonthsInCareAfterLastRating);
    WriteMonths(patient_, start, end);
    // Some patients in care have no HoNOS+ at all: they lower the coverage.
    if (static_cast<int>(random_() % 100) < kUnratedPercentage)
      WriteMonths(UnratedTwin(patient_), start, end);
    cluster_by_month_.clear();
  }

 private:
  void WriteMonths(const std::string& patient, int start, int end) {
    for (int month = start; month <= end; ++month) {
      auto rated = cluster_by_month_.upper_bound(month);
      const int cluster =
          rated == cluster_by_month_.begin() ? rated->second : std::prev(rated)->second;
      out_ << patient << ';' << department_ << ';' << MonthKeyOf(month) << ';'
           << RevenueAmountText(SyntheticMonthRevenueCents(cluster, kContractPercentage, random_))
           << '\n';
    }
  }

  // "SYN001234" -> "SYN901234": an id the generator never uses.
  static std::string UnratedTwin(const std::string& patient) {
    std::string twin = patient;
    const size_t digit = twin.find_first_of("0123456789");
    if (digit != std::string::npos) twin[digit] = '9';
    return twin;
  }

  std::ofstream& out_;
  const int first_month_;
  const int last_month_;
  std::mt19937_64 random_;
  std::string patient_;
  std::string department_;
  std::map<int, int> cluster_by_month_;  // month index -> true cluster of its rating
};

// The true cluster of each measurement of the last month, by patient,
// department and date: what the demo's clinicians know.
using TrueClusters = std::map<std::string, int>;

std::string MeasurementKey(const std::string& patient, const std::string& department,
                           const std::string& date) {
  return patient + '\x1f' + department + '\x1f' + date;
}

// Writes the HoNOS+ export and the revenue file; returns the measurement count.
Result<int64_t> GenerateInstitutionFiles(const DemoFolder& folder, const SyntheticOptions& options,
                                         TrueClusters* truth) {
  Result<std::unique_ptr<ExportWriter>> writer =
      ExportWriter::Create(folder.File("honosplus-export.csv"));
  if (!writer.ok()) return writer.error();
  std::ofstream revenue_file(folder.File("revenue.csv"), std::ios::binary);
  const int last = options.end_year * 12 + options.end_month - 1;
  RevenueWriter revenue(revenue_file, last - options.months + 1, last);
  int64_t measurements = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    revenue.Add(synthetic);
    ++measurements;
    const Measurement& m = synthetic.measurement;
    if (MonthIndex(m.rating_date) == last) {
      (*truth)[MeasurementKey(m.patient_id, m.department, m.rating_date.ToIso())] =
          synthetic.true_cluster;
    }
  });
  revenue.Flush();
  Status finished = writer.value()->Finish();
  if (!finished.ok()) return finished.error();
  revenue_file.close();
  if (!revenue_file) return FileError(folder.File("revenue.csv"), "cannot be written");
  return measurements;
}

Status ImportExport(Store& store, const DemoFolder& folder, const std::string& user,
                    std::ostream& out) {
  ExportImporter importer(store);
  ImportOptions options;
  options.path = folder.File("honosplus-export.csv");
  options.user = user;
  options.today = CalendarDate::Today();
  Result<ImportSummary> summary = importer.Import(options);
  if (!summary.ok()) return summary.error();
  out << "2. imported " << FormatCount(summary.value().counts.stored) << " measurements ("
      << FormatCount(summary.value().counts.rejected) << " rejected)\n";
  return Status::Ok();
}

// With the model `classify` would use (the built-in one unless the settings
// name another), so the demo shows what the commands do.
Status ClassifyStore(Store& store, const CommandContext& context, std::ostream& out) {
  Result<ClassifierOptions> options = ReadClassifierOptions(context);
  if (!options.ok()) return options.error();
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return choice.error();
  Result<ClassifyTally> tally =
      ClassifyStore(store, choice.value(), options.value(), context.User());
  if (!tally.ok()) return tally.error();
  out << "3. classified " << FormatCount(tally.value().classified) << " measurements with the "
      << DescribeModelChoice(choice.value()) << "\n";
  return Status::Ok();
}

// Clinicians review part of the last month, as in a pilot: they confirm the
// classifier's cluster or choose the one the patient really has (the
// generator's truth). Patients drawn to fit no cluster are left to the
// classifier's flags.
Status ReviewAsClinicians(Store& store, const TrueClusters& truth, const ReportMonth& month,
                          std::ostream& out) {
  Result<ClusterModelInfo> model = LatestClusterModel(store);
  if (!model.ok()) return model.error();
  Result<MonthSnapshot> snapshot = LoadMonthSnapshot(store, month, model.value());
  if (!snapshot.ok()) return snapshot.error();
  std::mt19937_64 random(kSeed + 2);
  int confirmed = 0;
  int changed = 0;
  for (const PatientMonth& patient : snapshot.value().patients) {
    if (static_cast<int>(random() % 100) >= kReviewedPercentage) continue;
    auto known = truth.find(MeasurementKey(
        patient.patient_id, snapshot.value().departments[patient.department], patient.rating_date));
    if (known == truth.end() || known->second == 0) continue;
    Result<OverrideOutcome> stored =
        RecordOverride(store, patient.measurement_id, known->second,
                       "demo: the clinician's judgement (synthetic)", "demo clinician");
    if (!stored.ok()) return stored.error();
    ++(known->second == patient.algorithm_cluster ? confirmed : changed);
  }
  out << "   clinicians reviewed " << confirmed + changed << " measurements of " << month.Name()
      << ": " << confirmed << " confirmed, " << changed << " changed\n";
  return Status::Ok();
}

Result<ReportSummary> WriteReport(Store& store, const DemoFolder& folder, const std::string& user) {
  Result<std::optional<ReportMonth>> month = LatestRatedMonth(store);
  if (!month.ok()) return month.error();
  if (!month.value()) return MakeError("the demo store holds no measurements");
  ReportRequest request;
  request.month = *month.value();
  request.tariff_file = folder.File("tariffs.csv");
  request.revenue_file = folder.File("revenue.csv");
  request.out_dir = folder.File("report");
  request.user = user;
  return WriteMonthlyReport(store, request);
}

}  // namespace

int RunDemoCommand(CommandContext& context) {
  const DemoFolder folder{context.Get("out", kDefaultFolder)};
  std::ostream& out = *context.out;
  Status prepared = PrepareFolder(folder);
  if (!prepared.ok()) return context.Fail(prepared.error(), kExitInputRejected);
  Status tariffs = WriteTextFile(folder.File("tariffs.csv"), kDemoTariffsCsv);
  if (!tariffs.ok()) return context.Fail(tariffs.error(), kExitInputRejected);

  const SyntheticOptions options = InstitutionOptions();
  TrueClusters truth;
  Result<int64_t> generated = GenerateInstitutionFiles(folder, options, &truth);
  if (!generated.ok()) return context.Fail(generated.error(), kExitInputRejected);
  out << "1. generated a synthetic institution: " << FormatCount(options.patients)
      << " patients in " << options.departments << " departments, " << options.months << " months, "
      << FormatCount(generated.value()) << " measurements, with a revenue file\n";

  auto store = Store::Open(folder.File("clusterpilot.db"));
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  Status imported = ImportExport(*store.value(), folder, context.User(), out);
  if (!imported.ok()) return context.Fail(imported.error(), kExitInputRejected);
  Status classified = ClassifyStore(*store.value(), context, out);
  if (!classified.ok()) return context.Fail(classified.error(), kExitInputRejected);
  const ReportMonth last{options.end_year, options.end_month};
  Status reviewed = ReviewAsClinicians(*store.value(), truth, last, out);
  if (!reviewed.ok()) return context.Fail(reviewed.error(), kExitInputRejected);
  Result<ReportSummary> report = WriteReport(*store.value(), folder, context.User());
  if (!report.ok()) return context.Fail(report.error(), kExitInputRejected);
  out << "4. wrote the report for the latest month\n";
  for (const std::string& warning : report.value().warnings) out << "   note: " << warning << "\n";
  out << "\nopen " << fs::absolute(folder.File("report/report.html")).lexically_normal().string()
      << " in a browser (report.xlsx and the CSV files are beside it)\n";
  return kExitSuccess;
}

}  // namespace clusterpilot
