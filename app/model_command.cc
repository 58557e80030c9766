#include <fstream>
#include <ostream>
#include <sstream>

#include "app/command_handlers.h"
#include "app/model_choice.h"
#include "classifier/default_model.h"
#include "classifier/io/cluster_model_writer.h"
#include "classifier/io/nza_code_list_importer.h"
#include "core/calendar_date.h"

namespace clusterpilot {
namespace {

constexpr const char* kUsage =
    "use `model import --coefficients F --constants F --red-rules F --out MODEL.xml`, "
    "`model default --out MODEL.xml` or `model show [--model MODEL.xml]`";

Result<CsvText> ReadCsv(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return FileError(path, "cannot be opened");
  std::ostringstream content;
  content << file.rdbuf();
  return CsvText{path, content.str()};
}

Status WriteModelFile(const ClusterModel& model, const std::string& path) {
  std::ofstream file(path, std::ios::binary);
  if (file) file << WriteClusterModel(model);
  if (!file) return FileError(path, "cannot be written");
  return Status::Ok();
}

int RunImport(CommandContext& context) {
  for (const char* option : {"coefficients", "constants", "red-rules", "out"}) {
    if (!context.Has(option)) {
      return context.Fail(std::string("--") + option + " is required; " + kUsage, kExitUsage);
    }
  }
  NzaCodeLists tables;
  for (auto [option, table] :
       {std::pair{"coefficients", &tables.coefficients}, std::pair{"constants", &tables.constants},
        std::pair{"red-rules", &tables.red_rules}}) {
    Result<CsvText> read = ReadCsv(context.Get(option));
    if (!read.ok()) return context.Fail(read.error(), kExitInputRejected);
    *table = std::move(read).value();
  }
  Result<NzaImport> imported = ImportNzaCodeLists(
      tables, context.Get("name", "NZa"), context.Get("version", CalendarDate::Today().ToIso()));
  if (!imported.ok()) return context.Fail(imported.error(), kExitInputRejected);
  for (const std::string& warning : imported.value().warnings) {
    *context.err << "clusterpilot model: warning: " << warning << "\n";
  }
  const ClusterModel& model = imported.value().model;
  Status written = WriteModelFile(model, context.Get("out"));
  if (!written.ok()) return context.Fail(written.error(), kExitInputRejected);
  *context.out << "wrote " << context.Get("out") << ": model \"" << model.name() << "\" version "
               << model.version() << ", " << model.cluster_count() << " clusters, "
               << model.definition().red_rules.size() << " red rules\n";
  return kExitSuccess;
}

int RunDefault(CommandContext& context) {
  if (!context.Has("out"))
    return context.Fail(std::string("--out is required; ") + kUsage, kExitUsage);
  Status written = WriteModelFile(DefaultClusterModel(), context.Get("out"));
  if (!written.ok()) return context.Fail(written.error(), kExitInputRejected);
  *context.out << "wrote " << context.Get("out")
               << ": the built-in model (ILLUSTRATIVE, not the official NZa model)\n";
  return kExitSuccess;
}

// What a finance clerk or clinician checks before using a model: its
// clusters, thresholds and rules.
int RunShow(CommandContext& context) {
  Result<ModelChoice> choice = ChooseClusterModel(context);
  if (!choice.ok()) return context.Fail(choice.error(), kExitInputRejected);
  const ClusterModel& model = *choice.value().model;
  const FitThresholds& t = model.thresholds();
  std::ostream& out = *context.out;
  out << "model: " << DescribeModelChoice(choice.value()) << "\n"
      << "content hash: " << choice.value().content_hash << "\n"
      << "thresholds: max unknown items " << t.max_unknown_items << ", ambiguous margin "
      << t.ambiguous_margin << ", atypical percentile " << t.atypical_percentile
      << ", no-fit factor " << t.no_fit_factor << ", conflict margin " << t.conflict_margin
      << ", decisive probability " << t.decisive_probability << "\n"
      << "red rules: " << model.definition().red_rules.size()
      << ", conflict rules: " << model.definition().conflict_rules.size() << "\n"
      << "cluster;supercluster;form;constant;atypical above;name\n";
  for (int i = 0; i < model.cluster_count(); ++i) {
    const ModelCluster& cluster = model.cluster(i);
    out << cluster.number << ";" << SuperclusterLetter(cluster.supercluster) << ";"
        << (cluster.profile ? "profile" : "coefficients") << ";" << cluster.constant << ";"
        << cluster.atypical_above << ";" << cluster.name << "\n";
  }
  return kExitSuccess;
}

}  // namespace

int RunModelCommand(CommandContext& context) {
  const std::string action = context.arguments.empty() ? "" : context.arguments[0];
  if (context.arguments.size() == 1 && action == "import") return RunImport(context);
  if (context.arguments.size() == 1 && action == "default") return RunDefault(context);
  if (context.arguments.size() == 1 && action == "show") return RunShow(context);
  return context.Fail(kUsage, kExitUsage);
}

}  // namespace clusterpilot
