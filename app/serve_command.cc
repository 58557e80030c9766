#include <csignal>
#include <ostream>

#include "app/command_handlers.h"
#include "web/http_server.h"

namespace clusterpilot {
namespace {

// The reports page's settings: serve.reports_dir (default: "reports" beside
// the store), serve.tariffs and serve.revenue (as `report --tariffs` and
// `--revenue`), serve.upload_limit_mb (default 64), and the due page's
// due.discharged_after_months (as `clusterpilot due`).
std::string ReadReportSettings(const CommandContext& context, ReportSettings* reports) {
  const std::string db = context.DatabasePath();
  const size_t slash = db.rfind('/');
  const std::string beside = slash == std::string::npos ? "" : db.substr(0, slash + 1);
  reports->folder = context.settings.GetString("serve.reports_dir", beside + "reports");
  reports->tariff_file = context.settings.GetString("serve.tariffs", "");
  reports->revenue_file = context.settings.GetString("serve.revenue", "");
  std::string problem;
  reports->discharged_after_months = DischargedAfterMonths(context.settings, &problem);
  if (!problem.empty()) return problem;
  const int megabytes =
      context.settings.GetIntBetween("serve.upload_limit_mb", 64, 1, 4096, &problem);
  reports->upload_limit_bytes = int64_t{megabytes} << 20;
  return problem;
}

// The options and settings (serve.certificate, serve.key,
// serve.idle_timeout_seconds, serve.absolute_timeout_seconds, serve.threads,
// serve.recheck_seconds and the reports page's) as one ServeOptions; "" or
// the problem in *problem.
Result<ServeOptions> ReadServeOptions(const CommandContext& context) {
  ServeOptions options;
  options.db_path = context.DatabasePath();
  options.allow_plain_http = context.Has("allow-plain-http");
  options.certificate = context.settings.GetString("serve.certificate", "");
  options.key = context.settings.GetString("serve.key", "");
  std::string problem;
  options.policy.idle_timeout_seconds =
      context.settings.GetInt("serve.idle_timeout_seconds",
                              static_cast<int>(options.policy.idle_timeout_seconds), &problem);
  if (problem.empty()) {
    options.policy.absolute_timeout_seconds = context.settings.GetInt(
        "serve.absolute_timeout_seconds", static_cast<int>(options.policy.absolute_timeout_seconds),
        &problem);
  }
  if (problem.empty()) {
    options.threads =
        context.settings.GetIntBetween("serve.threads", options.threads, 1, 1024, &problem);
  }
  if (problem.empty()) {
    options.recheck_seconds = context.settings.GetIntBetween(
        "serve.recheck_seconds", options.recheck_seconds, 0, 60, &problem);
  }
  if (problem.empty()) problem = ReadReportSettings(context, &options.reports);
  if (!problem.empty()) return MakeError(problem);
  return ParseListenAddress(context.Get("listen", "127.0.0.1:8080"), options);
}

}  // namespace

int RunServeCommand(CommandContext& context) {
  Result<ServeOptions> options = ReadServeOptions(context);
  if (!options.ok()) return context.Fail(options.error(), kExitUsage);
  // Blocked before the server's threads start, so they inherit the mask and
  // the signals wait for sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Result<std::unique_ptr<WebServer>> server = WebServer::Start(options.value());
  if (!server.ok()) return context.Fail(server.error(), kExitUsage);
  *context.out << "clusterpilot serve: listening on "
               << (server.value()->uses_tls() ? "https://" : "http://") << options.value().host
               << ":" << server.value()->port() << "/" << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  *context.out << "clusterpilot serve: stopped\n";
  return kExitSuccess;
}

}  // namespace clusterpilot
