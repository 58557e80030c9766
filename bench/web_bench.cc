// The web app under load: wrk (32 connections, 20 s, loopback) against the
// worklist page and the measurement page as a signed-in clinician, each
// beside Poco's HTTPServer with the same settings serving a static body of
// the same size in the same run: the HTTP stack's own ceiling. Prints
// requests/s and p50/p99 latency of each, and the ratios to the ceiling.
// Targets: p99 under 100 ms, at least a third of the ceiling's requests/s.
//
// usage: web_bench STORE [--seconds N] [--connections N] [--wrk PATH]
//   STORE is written to (an account, sessions, audit entries): give a copy
//   (bench/web_bench.sh copies a 1M store and runs this).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/rating_lookup.h"
#include "store/store.h"
#include "store/web_user_table.h"
#include "web/http_server.h"
#include "web/password_hasher.h"
#include "web/web_app.h"

namespace clusterpilot {
namespace {

constexpr const char* kUser = "bench-clinician";
constexpr const char* kPassword = "bench password, not secret";
// As many server threads as wrk's connections (at least serve's default): a
// keep-alive connection holds its thread, so fewer would measure queueing.
int ServerThreads(int connections) { return std::max(connections, ServeOptions{}.threads); }
constexpr double kTargetP99Ms = 100;
constexpr double kTargetShareOfCeiling = 1.0 / 3;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "web_bench: %s\n", message.c_str());
  std::exit(1);
}

struct Options {
  std::string store;
  int seconds = 20;
  int connections = 32;
  std::string wrk = "wrk";
};

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--seconds" && has_value) {
      options.seconds = std::atoi(argv[++i]);
    } else if (arg == "--connections" && has_value) {
      options.connections = std::atoi(argv[++i]);
    } else if (arg == "--wrk" && has_value) {
      options.wrk = argv[++i];
    } else if (options.store.empty() && !arg.starts_with("--")) {
      options.store = arg;
    } else {
      Fail("usage: web_bench STORE [--seconds N] [--connections N] [--wrk PATH]");
    }
  }
  if (options.store.empty() || options.seconds <= 0 || options.connections <= 0) {
    Fail("usage: web_bench STORE [--seconds N] [--connections N] [--wrk PATH]");
  }
  return options;
}

// The department with the store's first name, and a clinician account for
// it (added once; later runs on the same copy reuse it).
std::string PrepareClinician(const std::string& path) {
  auto store = Store::Open(path);
  if (!store.ok()) Fail(store.error().ToString());
  Result<std::set<std::string>> departments = StoreDepartments(*store.value());
  if (!departments.ok()) Fail(departments.error().ToString());
  if (departments.value().empty()) Fail("the store has no measurements");
  const std::string department = *departments.value().begin();
  Result<std::optional<WebUser>> existing = FindWebUser(*store.value(), kUser);
  if (!existing.ok()) Fail(existing.error().ToString());
  if (existing.value()) return department;
  WebUser user;
  user.name = kUser;
  user.role = WebRole::kClinician;
  user.departments = {department};
  Result<std::string> hash = HashPassword(kPassword);
  if (!hash.ok()) Fail(hash.error().ToString());
  user.password_hash = hash.value();
  Result<int64_t> added = AddWebUser(*store.value(), user, "web_bench");
  if (!added.ok()) Fail(added.error().ToString());
  return department;
}

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::NameValueCollection cookies;
};

Reply Send(int port, Poco::Net::HTTPRequest& request, const std::string& body = "") {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& stream = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  Poco::StreamCopier::copyToString(stream, reply.body);
  std::vector<Poco::Net::HTTPCookie> cookies;
  response.getCookies(cookies);
  for (const auto& cookie : cookies) reply.cookies.set(cookie.getName(), cookie.getValue());
  return reply;
}

// Signs in the way a browser does; returns the session cookie's value.
std::string SignIn(int port) {
  Poco::Net::HTTPRequest form_request("GET", "/login", Poco::Net::HTTPMessage::HTTP_1_1);
  const Reply form = Send(port, form_request);
  const std::string login_token = form.cookies.get(kLoginCsrfCookie, "");
  Poco::Net::HTTPRequest post("POST", "/login", Poco::Net::HTTPMessage::HTTP_1_1);
  post.setContentType("application/x-www-form-urlencoded");
  Poco::Net::NameValueCollection cookie;
  cookie.add(kLoginCsrfCookie, login_token);
  post.setCookies(cookie);
  Poco::Net::HTMLForm fields;
  fields.set("name", kUser);
  fields.set("password", kPassword);
  fields.set("csrf_token", login_token);
  std::ostringstream body;
  fields.write(body);
  const Reply reply = Send(port, post, body.str());
  const std::string session = reply.cookies.get(kSessionCookie, "");
  if (session.empty()) Fail("login failed with status " + std::to_string(reply.status));
  return session;
}

Reply Get(int port, const std::string& path, const std::string& session, bool json) {
  Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
  Poco::Net::NameValueCollection cookie;
  cookie.add(kSessionCookie, session);
  request.setCookies(cookie);
  if (json) request.set("Accept", "application/json");
  return Send(port, request);
}

// The measurement ids of the worklist's first page, for the measurement runs.
std::vector<int64_t> WorklistIds(int port, const std::string& session) {
  const Reply reply = Get(port, "/worklist", session, true);
  if (reply.status != 200) Fail("worklist answered " + std::to_string(reply.status));
  Poco::JSON::Parser parser;
  auto page = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  std::vector<int64_t> ids;
  for (const auto& row : *page->getArray("measurements")) {
    ids.push_back(row.extract<Poco::JSON::Object::Ptr>()->getValue<int64_t>("id"));
  }
  if (ids.empty()) Fail("the worklist is empty");
  return ids;
}

// The static reference: the same HTTP stack serving a fixed body per route,
// with the same security headers, and nothing else.
class StaticHandler : public Poco::Net::HTTPRequestHandler {
 public:
  StaticHandler(const std::string& worklist, const std::string& measurement)
      : worklist_(worklist), measurement_(measurement) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    const std::string& body =
        request.getURI().starts_with("/measurements/") ? measurement_ : worklist_;
    WebResponse headers;
    AddSecurityHeaders(&headers);
    response.setContentType("text/html; charset=utf-8");
    for (const auto& [name, value] : headers.headers) response.add(name, value);
    response.sendBuffer(body.data(), body.size());
  }

 private:
  const std::string& worklist_;
  const std::string& measurement_;
};

class StaticFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  StaticFactory(std::string worklist, std::string measurement)
      : worklist_(std::move(worklist)), measurement_(std::move(measurement)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new StaticHandler(worklist_, measurement_);
  }

 private:
  std::string worklist_;
  std::string measurement_;
};

// A wrk Lua script that walks the measurement ids, one per request.
std::string WriteIdScript(const std::filesystem::path& dir, const std::vector<int64_t>& ids) {
  const std::string path = (dir / "measurements.lua").string();
  std::ofstream script(path);
  script << "local ids = {";
  for (size_t i = 0; i < ids.size(); ++i) script << (i ? "," : "") << ids[i];
  script << "}\nlocal next = 0\nrequest = function()\n  next = next % #ids + 1\n"
            "  return wrk.format(\"GET\", \"/measurements/\" .. ids[next])\nend\n";
  return path;
}

struct WrkResult {
  double requests_per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  long errors = 0;  // non-2xx/3xx answers, socket errors
};

// "1.23ms", "850.00us", "1.02s" in milliseconds.
double Milliseconds(const std::string& text) {
  const double value = std::atof(text.c_str());
  if (text.ends_with("us")) return value / 1000;
  if (text.ends_with("ms")) return value;
  if (text.ends_with("s")) return value * 1000;
  return value;
}

WrkResult ParseWrk(const std::string& output) {
  WrkResult result;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string first, second;
    words >> first >> second;
    if (first == "50%") result.p50_ms = Milliseconds(second);
    if (first == "99%") result.p99_ms = Milliseconds(second);
    if (first == "Requests/sec:") result.requests_per_second = std::atof(second.c_str());
    if (line.find("Non-2xx") != std::string::npos ||
        line.find("Socket errors") != std::string::npos) {
      result.errors += std::atol(line.substr(line.rfind(' ') + 1).c_str());
      if (line.find("Socket errors") != std::string::npos)
        result.errors = std::max(result.errors, 1L);
    }
  }
  return result;
}

WrkResult RunWrk(const Options& options, int port, const std::string& path,
                 const std::string& script, const std::string& session) {
  std::string command =
      options.wrk + " -t" + std::to_string(std::min(2, options.connections)) + " -c" +
      std::to_string(options.connections) + " -d" + std::to_string(options.seconds) +
      "s --latency -H 'Cookie: " + kSessionCookie + "=" + session + "' -H 'Accept: text/html'";
  if (!script.empty()) command += " -s " + script;
  command += " http://127.0.0.1:" + std::to_string(port) + path + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) Fail("cannot run " + options.wrk);
  std::string output;
  std::array<char, 4096> buffer;
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), read);
  if (pclose(pipe) != 0) Fail("wrk failed:\n" + output);
  WrkResult result = ParseWrk(output);
  if (result.requests_per_second <= 0) Fail("no requests/s in wrk's output:\n" + output);
  return result;
}

void PrintRow(const char* name, size_t bytes, const WrkResult& result) {
  std::printf("%-28s %8zu %12.0f %9.2f %9.2f %7ld\n", name, bytes, result.requests_per_second,
              result.p50_ms, result.p99_ms, result.errors);
}

bool Verdict(const char* page, const WrkResult& app, const WrkResult& ceiling) {
  const double share = app.requests_per_second / ceiling.requests_per_second;
  const bool met = app.p99_ms < kTargetP99Ms && share >= kTargetShareOfCeiling && app.errors == 0;
  std::printf(
      "%-12s %.2f of the ceiling's requests/s (target >= %.2f), p99 %.2f ms (target < %.0f)"
      ": %s\n",
      page, share, kTargetShareOfCeiling, app.p99_ms, kTargetP99Ms, met ? "met" : "MISSED");
  return met;
}

int Run(const Options& options) {
  const std::string department = PrepareClinician(options.store);
  ServeOptions serve;
  serve.db_path = options.store;
  serve.port = 0;
  serve.threads = ServerThreads(options.connections);
  auto server = WebServer::Start(serve);
  if (!server.ok()) Fail(server.error().ToString());
  const int port = server.value()->port();
  const std::string session = SignIn(port);
  const std::vector<int64_t> ids = WorklistIds(port, session);
  const Reply worklist = Get(port, "/worklist", session, false);
  const Reply measurement = Get(port, "/measurements/" + std::to_string(ids[0]), session, false);
  if (worklist.status != 200 || measurement.status != 200) Fail("a page did not answer 200");

  auto* params = new Poco::Net::HTTPServerParams;  // owned by the server
  ApplyServerLimits(serve.threads, params);
  Poco::ThreadPool threads(2, serve.threads);
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  const int static_port = socket.address().port();
  Poco::Net::HTTPServer reference(new StaticFactory(worklist.body, measurement.body), threads,
                                  socket, params);
  reference.start();

  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string script = WriteIdScript(dir, ids);
  std::printf(
      "web_bench: department \"%s\", %zu measurements on the worklist's first page; "
      "wrk -t2 -c%d -d%ds on loopback, %d server threads\n",
      department.c_str(), ids.size(), options.connections, options.seconds, serve.threads);
  std::printf("%-28s %8s %12s %9s %9s %7s\n", "target", "bytes", "requests/s", "p50 ms", "p99 ms",
              "errors");
  const WrkResult static_worklist = RunWrk(options, static_port, "/worklist", "", session);
  PrintRow("static, worklist's size", worklist.body.size(), static_worklist);
  const WrkResult app_worklist = RunWrk(options, port, "/worklist", "", session);
  PrintRow("GET /worklist", worklist.body.size(), app_worklist);
  const WrkResult static_measurement = RunWrk(options, static_port, "/", script, session);
  PrintRow("static, measurement's size", measurement.body.size(), static_measurement);
  const WrkResult app_measurement = RunWrk(options, port, "/", script, session);
  PrintRow("GET /measurements/ID", measurement.body.size(), app_measurement);
  reference.stopAll(true);
  threads.joinAll();
  std::filesystem::remove(script);
  const bool worklist_met = Verdict("worklist", app_worklist, static_worklist);
  const bool measurement_met = Verdict("measurement", app_measurement, static_measurement);
  return worklist_met && measurement_met ? 0 : 1;
}

}  // namespace
}  // namespace clusterpilot

int main(int argc, char** argv) {
  return clusterpilot::Run(clusterpilot::ParseOptions(argc, argv));
}
