// A small HTTP client for the web tests: talks to a real server on loopback,
// keeps the cookies it is given, and logs in the way a browser does (GET the
// form for its CSRF token, POST it back).
#ifndef CLUSTERPILOT_TESTS_WEB_WEB_TEST_CLIENT_H_
#define CLUSTERPILOT_TESTS_WEB_WEB_TEST_CLIENT_H_

#include <map>
#include <string>
#include <vector>

namespace clusterpilot {

struct HttpReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-case; Set-Cookie joined by "\n"
  std::string Header(const std::string& lower_case_name) const;
};

class WebTestClient {
 public:
  explicit WebTestClient(int port) : port_(port) {}

  HttpReply Get(const std::string& path, bool json = false);
  // POSTs the form; the session's CSRF token is added unless the form has one
  // (pass csrf_token "" to send none at all).
  HttpReply Post(const std::string& path, std::map<std::string, std::string> form,
                 bool json = false, const std::string& origin = "");

  // POSTs `content` as the file `file_name` in the multipart form field
  // `field`, with the session's CSRF token.
  HttpReply PostFile(const std::string& path, const std::string& field,
                     const std::string& file_name, const std::string& content);

  // Logs in; true when the server opened a session.
  bool Login(const std::string& name, const std::string& password);
  // The reply to a login attempt, for the failure tests.
  HttpReply TryLogin(const std::string& name, const std::string& password);

  // Sent as Accept-Language with every request from now on; "" sends none.
  void set_accept_language(const std::string& value) { accept_language_ = value; }

  std::string& cookie(const std::string& name) { return cookies_[name]; }
  const std::string& csrf_token() const { return csrf_token_; }
  int port() const { return port_; }

 private:
  HttpReply Send(const std::string& method, const std::string& path, const std::string& body,
                 bool json, const std::string& origin,
                 const std::string& content_type = "application/x-www-form-urlencoded");
  void KeepCookies(const HttpReply& reply);

  int port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_token_;
  std::string accept_language_;
};

// The value of the first hidden csrf_token field of an HTML page; "" if none.
std::string CsrfTokenOf(const std::string& html);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_WEB_WEB_TEST_CLIENT_H_
