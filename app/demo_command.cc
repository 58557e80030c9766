// The demo month: a synthetic institution generated, imported, classified
// and reported, all in one folder, so that someone new sees the whole tool
// work in a minute. Calls the libraries directly, as the commands do.
#include <filesystem>
#include <map>
#include <ostream>
#include <random>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classification/store_classification.h"
#include "core/calendar_date.h"
#include "core/calendar_month.h"
#include "core/language.h"
#include "generator/export_writer.h"
#include "generator/revenue_file_writer.h"
#include "generator/synthetic_institution.h"
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
  SyntheticOptions options;
  options.patients = kPatients;
  options.months = kMonths;
  options.departments = kDepartments;
  options.seed = kSeed;
  options.last_month = CalendarMonth::Current().Plus(-1);
  return options;
}

RevenueFileOptions RevenueOptions(const SyntheticOptions& institution) {
  RevenueFileOptions options;
  options.first_month = institution.last_month.Plus(-(institution.months - 1));
  options.last_month = institution.last_month;
  options.seed = kSeed + 1;
  options.contract_percentage = kContractPercentage;
  options.months_in_care_after_last_rating = kMonthsInCareAfterLastRating;
  options.unrated_percentage = kUnratedPercentage;
  return options;
}

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
  Result<std::unique_ptr<RevenueFileWriter>> revenue =
      RevenueFileWriter::Create(folder.File("revenue.csv"), RevenueOptions(options));
  if (!revenue.ok()) return revenue.error();
  int64_t measurements = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    revenue.value()->Add(synthetic);
    ++measurements;
    const Measurement& m = synthetic.measurement;
    if (CalendarMonth::Of(m.rating_date) == options.last_month) {
      (*truth)[MeasurementKey(m.patient_id, m.department, m.rating_date.ToIso())] =
          synthetic.true_cluster;
    }
  });
  for (const Status& status : {writer.value()->Finish(), revenue.value()->Finish()}) {
    if (!status.ok()) return status.error();
  }
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
  Result<ClassifyTally> tally = ClassifyStore(
      store, *choice.value().model, {choice.value().content_hash, options.value(), context.User()});
  if (!tally.ok()) return tally.error();
  out << "3. classified " << FormatCount(tally.value().classified) << " measurements with the "
      << DescribeModelChoice(choice.value()) << "\n";
  return Status::Ok();
}

// Clinicians review part of the last month, as in a pilot: they confirm the
// classifier's cluster or choose the one the patient really has (the
// generator's truth). Patients drawn to fit no cluster are left to the
// classifier's flags.
Status ReviewAsClinicians(Store& store, const TrueClusters& truth, const CalendarMonth& month,
                          std::ostream& out) {
  Result<MonthSnapshot> snapshot = LoadMonthSnapshot(store, month);
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

Result<ReportSummary> WriteReport(Store& store, const DemoFolder& folder, const std::string& user,
                                  Language language) {
  Result<std::optional<CalendarMonth>> month = LatestRatedMonth(store);
  if (!month.ok()) return month.error();
  if (!month.value()) return MakeError("the demo store holds no measurements");
  ReportRequest request;
  request.month = *month.value();
  request.tariff_file = folder.File("tariffs.csv");
  request.revenue_file = folder.File("revenue.csv");
  request.out_dir = folder.File("report");
  request.user = user;
  request.language = language;
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
  Status reviewed = ReviewAsClinicians(*store.value(), truth, options.last_month, out);
  if (!reviewed.ok()) return context.Fail(reviewed.error(), kExitInputRejected);
  // The demo shows the edition the report command would write; a value
  // that is not nl or en falls back to Dutch here (`report` refuses it).
  const Language language =
      ParseLanguage(context.settings.GetString("report.language", "nl")).value_or(kDefaultLanguage);
  Result<ReportSummary> report = WriteReport(*store.value(), folder, context.User(), language);
  if (!report.ok()) return context.Fail(report.error(), kExitInputRejected);
  out << "4. wrote the report for the latest month\n";
  for (const std::string& warning : report.value().warnings) out << "   note: " << warning << "\n";
  out << "\nopen " << fs::absolute(folder.File("report/report.html")).lexically_normal().string()
      << " in a browser (report.xlsx and the CSV files are beside it)\n";
  return kExitSuccess;
}

}  // namespace clusterpilot
