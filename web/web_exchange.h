// One HTTP request and its response as plain data, so the pages and the
// dispatcher are functions tests can call without a socket; web/http_server
// converts from and to Poco's types.
#ifndef CLUSTERPILOT_WEB_WEB_EXCHANGE_H_
#define CLUSTERPILOT_WEB_WEB_EXCHANGE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clusterpilot {

struct WebRequest {
  std::string method;                        // "GET", "POST"
  std::string path;                          // "/measurements/12", no query
  std::map<std::string, std::string> query;  // decoded ?month=2026-03
  std::map<std::string, std::string> form;   // decoded POST body fields
  std::string session_cookie;                // the "cp_session" cookie; "" when none
  std::string login_csrf_cookie;             // the "cp_login" cookie of the login form
  std::string origin;                        // Origin header; "" when none
  std::string referer;                       // Referer header; "" when none
  std::string host;                          // Host header
  std::string client_address;                // "127.0.0.1:53422"
  std::string accept_language;               // Accept-Language header; "" when none
  bool wants_json = false;                   // Accept: application/json
  bool secure = false;                       // arrived over TLS
  // A multipart upload's file, saved by the server to a temporary file that
  // lives as long as the request; "" when none.
  std::string upload_path;
  std::string upload_name;  // the file name the browser gave

  std::string Query(const std::string& key) const;
  std::string Form(const std::string& key) const;
};

struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra, e.g. Location, Set-Cookie
  // When set, the server streams this file as the body instead of `body`.
  std::string file_path;

  // The value of header `name` in `headers`; "" when absent.
  std::string Header(const std::string& name) const;
};

// A 303 See Other to `location`, the answer to a successful form POST.
WebResponse Redirect(const std::string& location);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_WEB_WEB_EXCHANGE_H_
