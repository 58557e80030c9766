#include <charconv>
#include <ostream>

#include "app/command_handlers.h"
#include "core/calendar_month.h"
#include "generator/department_mix.h"
#include "generator/export_writer.h"
#include "generator/synthetic_institution.h"
#include "generator/truth_file_writer.h"

namespace clusterpilot {
namespace {

template <typename Number>
bool ParseWhole(const std::string& text, Number low, Number high, Number* out) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return false;
  }
  *out = value;
  return true;
}

// Reads the options into *options; returns a message for the first bad one.
std::string ReadOptions(const CommandContext& context, SyntheticOptions* options) {
  if (!context.Has("patients") || !context.Has("months") || !context.Has("out")) {
    return "--patients, --months and --out are required";
  }
  if (!ParseWhole(context.Get("patients"), 1, 9999999, &options->patients)) {
    return "--patients \"" + context.Get("patients") + "\": give a whole number from 1 to 9999999";
  }
  if (!ParseWhole(context.Get("months"), 1, 120, &options->months)) {
    return "--months \"" + context.Get("months") + "\": give a whole number from 1 to 120";
  }
  if (context.Has("seed") &&
      !ParseWhole<uint64_t>(context.Get("seed"), 0, UINT64_MAX, &options->seed)) {
    return "--seed \"" + context.Get("seed") + "\": give a whole number, 0 or more";
  }
  if (context.Has("departments") && !ParseWhole(context.Get("departments"), kMinDepartments,
                                                kMaxDepartments, &options->departments)) {
    return "--departments \"" + context.Get("departments") + "\": give a whole number from " +
           std::to_string(kMinDepartments) + " to " + std::to_string(kMaxDepartments);
  }
  const CalendarMonth this_month = CalendarMonth::Current();
  options->last_month = this_month.Plus(-1);
  if (context.Has("end-month")) {
    const Result<CalendarMonth> month = context.Month("end-month");
    if (!month.ok()) return month.error().ToString();
    options->last_month = month.value();
    // Dates after today would be rejected on import as lying in the future.
    if (options->last_month >= this_month) {
      return "--end-month \"" + context.Get("end-month") +
             "\": the month is not over yet; choose an earlier month";
    }
  }
  return "";
}

}  // namespace

int RunGenerateCommand(CommandContext& context) {
  SyntheticOptions options;
  const std::string problem = ReadOptions(context, &options);
  if (!problem.empty()) return context.Fail(problem, kExitUsage);
  const std::string out_path = context.Get("out");
  Result<std::unique_ptr<ExportWriter>> writer = ExportWriter::Create(out_path);
  if (!writer.ok()) return context.Fail(writer.error(), kExitUsage);
  Result<std::unique_ptr<TruthFileWriter>> truth = TruthFileWriter::Create(TruthFilePath(out_path));
  if (!truth.ok()) return context.Fail(truth.error(), kExitUsage);

  int64_t measurements = 0;
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    truth.value()->Write(synthetic);
    ++measurements;
  });
  for (const Status& status : {writer.value()->Finish(), truth.value()->Finish()}) {
    if (!status.ok()) return context.Fail(status.error(), kExitInputRejected);
  }
  const CalendarMonth first = options.last_month.Plus(-(options.months - 1));
  *context.out << "wrote " << measurements << " synthetic measurements of " << options.patients
               << " patients in " << options.departments << " departments, " << first.Key()
               << " to " << options.last_month.Key() << ", to " << out_path << "\n"
               << "the true cluster of each measurement is in " << TruthFilePath(out_path) << "\n";
  return kExitSuccess;
}

}  // namespace clusterpilot
