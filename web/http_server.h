// `clusterpilot serve`'s HTTP side: Poco::Net::HTTPServer with a thread pool,
// keep-alive and limits on request size and time, handing each request to
// WebApp as plain data. Listens on loopback by default; any other address
// needs TLS (certificate and key) or allow_plain_http (for a TLS-terminating
// proxy in front).
#ifndef CLUSTERPILOT_WEB_HTTP_SERVER_H_
#define CLUSTERPILOT_WEB_HTTP_SERVER_H_

#include <memory>
#include <string>

#include "core/error.h"
#include "web/page_context.h"
#include "web/sign_in.h"

namespace Poco::Net {
class HTTPServerParams;
}

namespace clusterpilot {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  bool allow_plain_http = false;
  std::string certificate;  // PEM files; both set switches TLS on
  std::string key;
  SessionPolicy policy;
  ReportSettings reports;
  // Threads answering requests (setting serve.threads), each with its own
  // store connection. A keep-alive connection holds its thread between
  // requests, so fewer threads than open connections makes the rest queue.
  int threads = 32;
  // How long a busy server may answer from its last read of a session and
  // of the report-inputs stamp (setting serve.recheck_seconds;
  // web/recent_reads.h): changes made outside this server show within it.
  int recheck_seconds = 1;
};

// Splits "127.0.0.1:8080" (or "[::1]:8080") into host and port.
Result<ServeOptions> ParseListenAddress(const std::string& text, ServeOptions options);

// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
bool IsLoopbackHost(const std::string& host);

// The HTTP stack's settings of every WebServer (threads, queue, keep-alive,
// time limit). Public so the benchmark's static-file reference runs the same
// stack with the same settings.
void ApplyServerLimits(int threads, Poco::Net::HTTPServerParams* params);

class WebServer {
 public:
  // Opens the store and starts listening. Refuses a non-loopback address
  // without TLS unless allow_plain_http, naming the option to use.
  static Result<std::unique_ptr<WebServer>> Start(const ServeOptions& options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // The port listened on (the chosen one when options.port was 0).
  int port() const;
  bool uses_tls() const;

 private:
  struct Parts;
  explicit WebServer(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_HTTP_SERVER_H_
