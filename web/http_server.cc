#include "web/http_server.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/TemporaryFile.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <charconv>
#include <fstream>
#include <map>
#include <optional>

#include "web/page_renderer.h"
#include "web/store_pool.h"
#include "web/web_app.h"

namespace clusterpilot {
namespace {

constexpr std::streamsize kMaxRequestBody = std::streamsize{64} * 1024;
// The one route that takes a file; its limit is ReportSettings::upload_limit_bytes.
constexpr const char* kUploadPath = "/reports/import";

// Thrown by UploadSaver past the limit (a chunked body has no length to
// refuse up front); answered with 413.
class UploadTooLarge : public Poco::Exception {
 public:
  UploadTooLarge() : Poco::Exception("upload too large") {}
};

// Saves the multipart form's file part to a temporary file, deleted with
// the saver when the request is done, counting bytes against the limit.
// Not copyable: it owns the file.
class UploadSaver : public Poco::Net::PartHandler {
 public:
  explicit UploadSaver(int64_t limit) : limit_(limit) {}
  UploadSaver(const UploadSaver&) = delete;
  UploadSaver& operator=(const UploadSaver&) = delete;

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              parameters);
    name_ = parameters.get("filename", "");
    // The importer tells CSV from XML by the name first.
    const std::string extension =
        name_.ends_with(".xml") ? ".xml" : (name_.ends_with(".csv") ? ".csv" : "");
    path_ = Poco::TemporaryFile::tempName() + extension;
    std::ofstream out(path_, std::ios::binary);
    char buffer[1 << 16];
    int64_t total = 0;
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      total += stream.gcount();
      if (total > limit_) throw UploadTooLarge();
      out.write(buffer, stream.gcount());
    }
  }

  ~UploadSaver() override {
    if (path_.empty()) return;
    try {
      Poco::File(path_).remove();
    } catch (const Poco::Exception&) {
      // Already gone; nothing to clean.
    }
  }

  const std::string& path() const { return path_; }
  const std::string& name() const { return name_; }

 private:
  int64_t limit_;
  std::string path_;
  std::string name_;
};
constexpr int kMaxFormFields = 32;
constexpr int kRequestTimeoutSeconds = 10;

std::string Cookie(const Poco::Net::HTTPServerRequest& request, const std::string& name) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(name, "");
}

std::map<std::string, std::string> QueryOf(const Poco::URI& uri) {
  std::map<std::string, std::string> query;
  for (const auto& [key, value] : uri.getQueryParameters()) query[key] = value;
  return query;
}

std::map<std::string, std::string> FormOf(Poco::Net::HTTPServerRequest& request,
                                          UploadSaver* upload) {
  std::map<std::string, std::string> fields;
  Poco::Net::HTMLForm form;
  form.setFieldLimit(kMaxFormFields);
  if (upload != nullptr) {
    form.load(request, request.stream(), *upload);
  } else {
    form.load(request, request.stream());
  }
  for (const auto& [key, value] : form) fields[key] = value;
  return fields;
}

WebRequest ToWebRequest(Poco::Net::HTTPServerRequest& request, bool secure, UploadSaver* upload) {
  const Poco::URI uri(request.getURI());
  WebRequest converted;
  converted.method = request.getMethod();
  converted.path = uri.getPath();
  converted.query = QueryOf(uri);
  if (converted.method == "POST") converted.form = FormOf(request, upload);
  if (upload != nullptr) {
    converted.upload_path = upload->path();
    converted.upload_name = upload->name();
  }
  converted.session_cookie = Cookie(request, kSessionCookie);
  converted.login_csrf_cookie = Cookie(request, kLoginCsrfCookie);
  converted.origin = request.get("Origin", "");
  converted.referer = request.get("Referer", "");
  converted.host = request.getHost();
  converted.client_address = request.clientAddress().toString();
  converted.accept_language = request.get("Accept-Language", "");
  converted.wants_json = request.get("Accept", "").find("application/json") != std::string::npos;
  converted.secure = secure;
  return converted;
}

void Send(const WebResponse& answer, Poco::Net::HTTPServerResponse& response) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
  response.setContentType(answer.content_type);
  for (const auto& [name, value] : answer.headers) response.add(name, value);
  if (!answer.file_path.empty()) {
    response.sendFile(answer.file_path, answer.content_type);
    return;
  }
  response.sendBuffer(answer.body.data(), answer.body.size());
}

// An answer before the request reached the app (no session looked up yet):
// in the browser's language.
WebResponse PlainError(int status, std::string_view key,
                       const Poco::Net::HTTPServerRequest& request) {
  WebResponse response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = Phrase(AcceptedLanguage(request.get("Accept-Language", "")), key) + "\n";
  AddSecurityHeaders(&response);
  return response;
}

class AppRequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  AppRequestHandler(WebApp& app, bool secure, int64_t upload_limit)
      : app_(app), secure_(secure), upload_limit_(upload_limit) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    const bool upload =
        request.getMethod() == "POST" && Poco::URI(request.getURI()).getPath() == kUploadPath;
    const int64_t limit = upload ? upload_limit_ : kMaxRequestBody;
    if (request.hasContentLength() && request.getContentLength64() > limit) {
      Send(PlainError(413, "web.error.too_large", request), response);
      return;
    }
    try {
      std::optional<UploadSaver> saver;
      if (upload) saver.emplace(limit);
      Send(app_.Handle(ToWebRequest(request, secure_, saver ? &*saver : nullptr)), response);
    } catch (const UploadTooLarge&) {
      Send(PlainError(413, "web.error.too_large", request), response);
    } catch (const Poco::Exception& e) {
      // Malformed URIs and forms arrive here; they are the client's fault.
      Send(PlainError(400, "web.error.bad_request", request), response);
    }
  }

 private:
  WebApp& app_;
  bool secure_;
  int64_t upload_limit_;
};

class AppHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  AppHandlerFactory(WebApp& app, bool secure, int64_t upload_limit)
      : app_(app), secure_(secure), upload_limit_(upload_limit) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new AppRequestHandler(app_, secure_, upload_limit_);
  }

 private:
  WebApp& app_;
  bool secure_;
  int64_t upload_limit_;
};

Poco::Net::ServerSocket OpenSocket(const ServeOptions& options, bool tls) {
  const Poco::Net::SocketAddress address(options.host, static_cast<Poco::UInt16>(options.port));
  if (!tls) return Poco::Net::ServerSocket(address);
  Poco::Net::initializeSSL();
  Poco::Net::Context::Ptr context(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE,
                                                         options.key, options.certificate, ""));
  return Poco::Net::SecureServerSocket(address, 64, context);
}

}  // namespace

struct WebServer::Parts {
  std::unique_ptr<StorePool> stores;
  std::unique_ptr<WebApp> app;
  std::unique_ptr<Poco::ThreadPool> threads;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  int port = 0;
  bool tls = false;
};

Result<ServeOptions> ParseListenAddress(const std::string& text, ServeOptions options) {
  const size_t colon = text.rfind(':');
  Error error;
  error.field = "--listen";
  error.value = text;
  error.message = "schrijf ADRES:POORT / write ADDRESS:PORT, e.g. 127.0.0.1:8080";
  if (colon == std::string::npos || colon == 0) return error;
  int port = -1;
  const char* begin = text.data() + colon + 1;
  const auto [end, status] = std::from_chars(begin, text.data() + text.size(), port);
  if (status != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535) {
    return error;
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  options.host = host;
  options.port = port;
  return options;
}

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void ApplyServerLimits(int threads, Poco::Net::HTTPServerParams* params) {
  params->setMaxThreads(threads);
  params->setMaxQueued(256);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(1000);
  params->setTimeout(Poco::Timespan(kRequestTimeoutSeconds, 0));
}

Result<std::unique_ptr<WebServer>> WebServer::Start(const ServeOptions& options) {
  const bool tls = !options.certificate.empty() && !options.key.empty();
  if (!tls && !options.allow_plain_http && !IsLoopbackHost(options.host)) {
    Error error;
    error.field = "--listen";
    error.value = options.host;
    error.message =
        "niet-loopback zonder TLS geweigerd / not loopback and no TLS: set serve.certificate "
        "and serve.key, or give --allow-plain-http behind a TLS-terminating proxy";
    return error;
  }
  auto parts = std::make_unique<Parts>();
  auto stores = StorePool::Open(options.db_path, options.threads);
  if (!stores.ok()) return stores.error();
  parts->stores = std::move(stores.value());
  parts->app = std::make_unique<WebApp>(*parts->stores, options.policy, options.reports,
                                        options.recheck_seconds);
  parts->tls = tls;
  try {
    Poco::Net::ServerSocket socket = OpenSocket(options, tls);
    parts->port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    ApplyServerLimits(options.threads, params);
    parts->threads = std::make_unique<Poco::ThreadPool>(2, options.threads);
    parts->server = std::make_unique<Poco::Net::HTTPServer>(
        new AppHandlerFactory(*parts->app, tls, options.reports.upload_limit_bytes),
        *parts->threads, socket, params);
    parts->server->start();
  } catch (const Poco::Exception& e) {
    Error error;
    error.field = "--listen";
    error.value = options.host + ":" + std::to_string(options.port);
    error.message = "kan niet luisteren / cannot listen: " + e.displayText();
    return error;
  }
  return std::unique_ptr<WebServer>(new WebServer(std::move(parts)));
}

WebServer::WebServer(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

WebServer::~WebServer() {
  if (parts_->server) parts_->server->stopAll(true);
  if (parts_->threads) parts_->threads->joinAll();
}

int WebServer::port() const { return parts_->port; }

bool WebServer::uses_tls() const { return parts_->tls; }

}  // namespace clusterpilot
