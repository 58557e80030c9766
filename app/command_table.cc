#include "app/command_table.h"

#include <cstring>
#include <iomanip>
#include <ostream>
#include <string>

#include "app/command_application.h"
#include "app/command_handlers.h"

namespace clusterpilot {
namespace {

const OptionSpec kDb{"db", "FILE", "the store (default: clusterpilot.db in the working directory)"};
const OptionSpec kBy{"by", "USER", "on whose behalf, for the audit log (default: the login name)"};
const OptionSpec kModel{"model", "FILE",
                        "cluster model XML (default: setting classifier.model, else the built-in "
                        "illustrative model)"};

}  // namespace

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {
      {"import",
       "[--db FILE] [--strict] FILE...",
       "load HoNOS+ exports (.xml or .csv) into the store",
       {kDb,
        {"strict", nullptr, "reject the whole file at the first bad row (default: keep good rows)"},
        {"rejects", "FILE",
         "where to write rejected rows as CSV (default: FILE.rejects.csv beside each input)"},
        kBy},
       RunImportCommand},
      {"classify",
       "[--db FILE] [--model FILE]",
       "assign every measurement not yet classified by the model to a care cluster",
       {kDb, kModel, kBy},
       RunClassifyCommand},
      {"model",
       "import --coefficients F --constants F --red-rules F --out MODEL.xml | "
       "default --out MODEL.xml | show [--model MODEL.xml]",
       "turn the NZa code-list tables (CSV) into a cluster model file, or show a model",
       {{"coefficients", "FILE", "CSV: question;answer;zorgvraagtype;coefficient"},
        {"constants", "FILE", "CSV: zorgvraagtype;constant"},
        {"red-rules", "FILE", "CSV: question;answer;question 2;answer 2;zorgvraagtype"},
        {"name", "TEXT", "model name (default: NZa)"},
        {"version", "TEXT", "model version (default: the date of today)"},
        {"out", "FILE", "the model XML to write (import, default)"},
        kModel},
       RunModelCommand},
      {"assignments",
       "[--db FILE] [--month YYYY-MM] [--department NAME] [--format csv|json]",
       "list cluster assignments with probabilities, flags, explanations and overrides",
       {kDb,
        {"month", "YYYY-MM", "only measurements rated in this month"},
        {"department", "NAME", "only this department"},
        {"format", "csv|json", "output format (default: csv)"},
        {"out", "FILE", "write to FILE instead of the screen"},
        kBy},
       RunAssignmentsCommand},
      {"override",
       "[--db FILE] --measurement ID (--cluster N | --no-cluster) --reason TEXT --by USER",
       "confirm or change a cluster, or record that none fits, with a reason",
       {kDb,
        {"measurement", "ID", "the measurement id from `assignments`"},
        {"cluster", "N",
         "the cluster the clinician chooses (1-8, 10-21 or ZT01-ZT21); the same cluster "
         "confirms"},
        {"no-cluster", nullptr, "the clinician's decision that no cluster fits this patient"},
        {"outside-supercluster", nullptr,
         "allow a cluster outside the supercluster the measurement was rated in"},
        {"if-version", "N",
         "store only if the measurement's review_version (see `assignments`) is still N"},
        {"reason", "TEXT", "why (required)"},
        {"by", "USER", "the clinician who decides (required)"},
        {"model", "FILE",
         "the model that classified the measurement, when it is not the one in use (default: "
         "setting classifier.model, else the built-in model)"}},
       RunOverrideCommand},
      {"report",
       "[--db FILE] --month YYYY-MM --tariffs FILE [--revenue FILE]... --out DIR",
       "write the monthly pilot report (HTML, CSV, XLSX, JSON) per department",
       {kDb,
        {"month", "YYYY-MM", "the reporting month"},
        {"tariffs", "FILE", "CSV: cluster;tariff_low;tariff_expected;tariff_high"},
        {"revenue", "FILE",
         "CSV: patient;department;month;amount (optional; repeat for files of other months: "
         "the trends compare every month a file covers)",
         true},
        {"out", "DIR", "folder to write the report into"},
        {"with-patient-list", nullptr, "add a list of flagged patients for the care team"},
        {"seed", "N", "Monte Carlo seed (default: 20260101)"},
        kBy},
       RunReportCommand},
      {"patient",
       "[--db FILE] --patient ID [--format text|csv|json] [--as-of YYYY-MM-DD]",
       "one patient's ratings, clusters and HoNOS change over time",
       {kDb,
        {"patient", "ID", "the patient id as the export gives it"},
        {"format", "text|csv|json", "output format (default: text)"},
        {"as-of", "YYYY-MM-DD", "count time in each cluster up to this day (default: today)"},
        kBy},
       RunPatientCommand},
      {"due",
       "[--db FILE] --as-of YYYY-MM-DD [--department NAME] [--clinician NAME] [--within DAYS] "
       "[--revenue FILE] [--format csv|json]",
       "patients whose re-rating is due or overdue by review period",
       {kDb,
        {"as-of", "YYYY-MM-DD", "the day to judge by"},
        {"department", "NAME", "only patients whose latest rating is in this department"},
        {"clinician", "NAME", "only patients whose latest rating this clinician made"},
        {"within", "DAYS", "also list ratings falling due within DAYS after --as-of (default: 0)"},
        {"revenue", "FILE",
         "CSV: patient;department;month;amount; patients without rows in the last "
         "due.discharged_after_months months (default 3) are left out as discharged"},
        {"format", "csv|json", "output format (default: csv)"},
        kBy},
       RunDueCommand},
      {"generate",
       "--patients N --months M [--seed S] --out FILE.csv|FILE.xml",
       "write a synthetic institution's HoNOS+ export (no real patients)",
       {{"patients", "N", "number of synthetic patients"},
        {"months", "M", "number of months of ratings"},
        {"seed", "S", "random seed; the same seed gives the same file (default: 1)"},
        {"end-month", "YYYY-MM", "last month of ratings (default: last month)"},
        {"departments", "N", "number of departments, 6-20 (default: 7)"},
        {"out", "FILE", "the export to write; .csv or .xml decides the format"}},
       RunGenerateCommand},
      {"demo",
       "[--out DIR]",
       "generate a synthetic month, import, classify and report it, all in DIR",
       {{"out", "DIR", "working folder (default: clusterpilot-demo)"}},
       RunDemoCommand},
      {"audit",
       "[verify] [--db FILE]",
       "show the audit log (who did what, when), or verify its hash chain",
       {kDb, kBy},
       RunAuditCommand},
      {"store",
       "pseudonymise [--db FILE] --key KEYFILE --out COPY.db | copy --from DB --to DB | "
       "grants --db postgresql://... --role APPROLE [--apply]",
       "a pseudonymised or a whole copy of a store; the app role's GRANTs",
       {kDb,
        {"key", "FILE", "the secret key, at least 32 bytes; never stored in the copy"},
        {"out", "FILE", "the copy to write; must not exist yet"},
        {"from", "DB", "copy: the store to copy (a file or postgresql://USER@HOST:PORT/DB)"},
        {"to", "DB", "copy: the store to fill; must hold no rows (created when missing)"},
        {"role", "APPROLE", "grants: the role the application connects as"},
        {"apply", nullptr, "grants: run the GRANTs (as the tables' owner) instead of printing"},
        kBy},
       RunStoreCommand},
      {"user",
       "add|list|disable|password|language [--db FILE] [--name NAME] [--role ROLE] "
       "[--department A,B] [--language nl|en]",
       "accounts of the web app; the password is read from standard input (one line)",
       {kDb,
        {"name", "NAME", "the account's login name"},
        {"role", "ROLE", "clinician, finance, manager or admin (add)"},
        {"department", "A,B", "the departments of a clinician or manager, comma-separated (add)"},
        {"language", "nl|en", "the language of the account's pages (add, language; default nl)"},
        kBy},
       RunUserCommand},
      {"serve",
       "[--db FILE] [--listen ADDR:PORT] [--allow-plain-http]",
       "the web app for clinicians, finance, managers and admins",
       {kDb,
        {"listen", "ADDR:PORT", "where to listen (default: 127.0.0.1:8080)"},
        {"allow-plain-http", nullptr,
         "listen beyond loopback without TLS, behind a TLS-terminating proxy"}},
       RunServeCommand},
  };
  return commands;
}

const Command* FindCommand(const std::string& name) {
  for (const Command& command : AllCommands()) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

void PrintOverview(std::ostream& out) {
  out << "clusterpilot " << CLUSTERPILOT_VERSION
      << " - HoNOS+ care-cluster pilot: import, classify, report\n\n"
      << "usage: clusterpilot COMMAND [OPTIONS] [ARGUMENTS]\n\ncommands:\n";
  for (const Command& command : AllCommands()) {
    out << "  " << std::left << std::setw(13) << command.name << command.description << "\n";
  }
  out << "\n`clusterpilot COMMAND --help` describes a command's options.\n"
      << "Exit codes: 0 success, 1 input rejected, 2 usage error.\n";
}

int RunCommandLine(int argc, char** argv, std::ostream& out, std::ostream& err) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    PrintOverview(out);
    return argc < 2 ? kExitUsage : kExitSuccess;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    out << "clusterpilot " << CLUSTERPILOT_VERSION << "\n";
    return kExitSuccess;
  }
  const Command* command = FindCommand(argv[1]);
  if (command == nullptr) {
    err << "clusterpilot: unknown command \"" << argv[1]
        << "\"; `clusterpilot --help` lists them\n";
    return kExitUsage;
  }
  return RunCommandApplication(*command, argc - 1, argv + 1, out, err);
}

}  // namespace clusterpilot
