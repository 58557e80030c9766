#include "tests/web/web_test_client.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace clusterpilot {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string EncodeForm(const std::map<std::string, std::string>& form) {
  std::string body;
  for (const auto& [key, value] : form) {
    std::string encoded_key;
    std::string encoded_value;
    Poco::URI::encode(key, "&=+;", encoded_key);
    Poco::URI::encode(value, "&=+;", encoded_value);
    body += (body.empty() ? "" : "&") + encoded_key + "=" + encoded_value;
  }
  return body;
}

}  // namespace

std::string HttpReply::Header(const std::string& lower_case_name) const {
  auto found = headers.find(lower_case_name);
  return found == headers.end() ? std::string() : found->second;
}

std::string CsrfTokenOf(const std::string& html) {
  static const std::regex token(R"(name="csrf_token" value="([0-9a-f]*)\")");
  std::smatch match;
  return std::regex_search(html, match, token) ? match[1].str() : std::string();
}

HttpReply WebTestClient::Send(const std::string& method, const std::string& path,
                              const std::string& body, bool json, const std::string& origin,
                              const std::string& content_type) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setHost("127.0.0.1", static_cast<Poco::UInt16>(port_));
  Poco::Net::NameValueCollection cookies;
  for (const auto& [name, value] : cookies_) {
    if (!value.empty()) cookies.add(name, value);
  }
  if (!cookies.empty()) request.setCookies(cookies);
  if (json) request.set("Accept", "application/json");
  if (!accept_language_.empty()) request.set("Accept-Language", accept_language_);
  if (!origin.empty()) request.set("Origin", origin);
  if (method == "POST") {
    request.setContentType(content_type);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& stream = session.receiveResponse(response);
  HttpReply reply;
  reply.status = response.getStatus();
  Poco::StreamCopier::copyToString(stream, reply.body);
  for (const auto& [name, value] : response) {
    std::string& kept = reply.headers[Lower(name)];
    kept += (kept.empty() ? "" : "\n") + value;
  }
  KeepCookies(reply);
  return reply;
}

void WebTestClient::KeepCookies(const HttpReply& reply) {
  std::stringstream lines(reply.Header("set-cookie"));
  std::string line;
  while (std::getline(lines, line)) {
    const size_t equals = line.find('=');
    const size_t end = line.find(';');
    if (equals == std::string::npos) continue;
    const std::string name = line.substr(0, equals);
    const bool expired = line.find("Max-Age=0") != std::string::npos;
    cookies_[name] = expired ? "" : line.substr(equals + 1, end - equals - 1);
  }
}

HttpReply WebTestClient::Get(const std::string& path, bool json) {
  return Send("GET", path, "", json, "");
}

HttpReply WebTestClient::Post(const std::string& path, std::map<std::string, std::string> form,
                              bool json, const std::string& origin) {
  if (form.count("csrf_token") == 0) {
    form["csrf_token"] = csrf_token_;
  } else if (form["csrf_token"].empty()) {
    form.erase("csrf_token");
  }
  return Send("POST", path, EncodeForm(form), json, origin);
}

HttpReply WebTestClient::TryLogin(const std::string& name, const std::string& password) {
  const HttpReply form = Get("/login");
  return Send(
      "POST", "/login",
      EncodeForm({{"name", name}, {"password", password}, {"csrf_token", CsrfTokenOf(form.body)}}),
      true, "");
}

bool WebTestClient::Login(const std::string& name, const std::string& password) {
  const HttpReply reply = TryLogin(name, password);
  if (reply.status != 200) return false;
  Poco::JSON::Parser parser;
  const auto values = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  csrf_token_ = values->getValue<std::string>("csrf_token");
  return !cookies_["cp_session"].empty();
}

}  // namespace clusterpilot

namespace clusterpilot {

HttpReply WebTestClient::PostFile(const std::string& path, const std::string& field,
                                  const std::string& file_name, const std::string& content) {
  const std::string boundary = "clusterpilot-test-boundary";
  const std::string body =
      "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
      csrf_token_ + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field +
      "\"; filename=\"" + file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
      content + "\r\n--" + boundary + "--\r\n";
  return Send("POST", path, body, false, "", "multipart/form-data; boundary=" + boundary);
}

}  // namespace clusterpilot
