#include "web/web_exchange.h"

namespace clusterpilot {
namespace {

std::string Lookup(const std::map<std::string, std::string>& values, const std::string& key) {
  auto found = values.find(key);
  return found == values.end() ? std::string() : found->second;
}

}  // namespace

std::string WebRequest::Query(const std::string& key) const { return Lookup(query, key); }

std::string WebRequest::Form(const std::string& key) const { return Lookup(form, key); }

std::string WebResponse::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

WebResponse Redirect(const std::string& location) {
  WebResponse response;
  response.status = 303;
  response.headers.emplace_back("Location", location);
  return response;
}

}  // namespace clusterpilot
