#include <algorithm>
#include <cstdint>
#include <ostream>

#include "app/command_handlers.h"
#include "importers/export_importer.h"
#include "store/store.h"

namespace clusterpilot {

// Each file is its own transaction: one that fails leaves the others stored.
int RunImportCommand(CommandContext& context) {
  if (context.arguments.empty()) {
    return context.Fail("name at least one export file (.csv or .xml) to import", kExitUsage);
  }
  if (context.Has("rejects") && context.arguments.size() > 1) {
    return context.Fail(
        "--rejects names one file; import the files one by one, or leave it out "
        "to get FILE.rejects.csv beside each file",
        kExitUsage);
  }
  std::string setting_error;
  const int listed = context.settings.GetInt("import.listed_problems", 10, &setting_error);
  if (!setting_error.empty()) return context.Fail(setting_error, kExitUsage);
  const int max_stream_mb = context.settings.GetInt("import.max_stream_mb", 2048, &setting_error);
  if (!setting_error.empty()) return context.Fail(setting_error, kExitUsage);

  auto store = Store::Open(context.DatabasePath());
  if (!store.ok()) return context.Fail(store.error(), kExitInputRejected);
  ExportImporter importer(*store.value());
  int exit_code = kExitSuccess;
  for (const std::string& path : context.arguments) {
    ImportOptions options;
    options.path = path;
    options.rejects_path = context.Get("rejects");
    options.strict = context.Has("strict");
    options.user = context.User();
    options.today = CalendarDate::Today();
    options.listed_problems = listed;
    options.max_stream_bytes = static_cast<uint64_t>(std::max(max_stream_mb, 1)) << 20;
    Result<ImportSummary> summary = importer.Import(options);
    if (!summary.ok()) {
      context.Fail(summary.error(), kExitInputRejected);
      *context.err << "  " << path << " was not imported; nothing from it was stored\n";
      exit_code = kExitInputRejected;
      continue;
    }
    PrintImportSummary(summary.value(), *context.out);
    if (summary.value().HasProblems()) exit_code = kExitInputRejected;
  }
  return exit_code;
}

}  // namespace clusterpilot
