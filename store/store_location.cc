#include "store/store_location.h"

#include <cctype>

namespace clusterpilot {
namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};

// The URL as messages may show it: user:password@ becomes user@.
std::string WithoutPassword(std::string_view url) {
  const size_t start = url.find("://");
  const size_t at = url.find('@');
  if (start == std::string_view::npos || at == std::string_view::npos) return std::string(url);
  const size_t colon = url.find(':', start + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon)) + std::string(url.substr(at));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %2F in a socket folder, %40 in a user name.
bool Unescape(std::string_view text, std::string* out) {
  out->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out->push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return false;
    const int high = HexValue(text[i + 1]);
    const int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out->push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

bool IsPort(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

// libpq's keyword values: quoted, with ' and \ escaped.
std::string Keyword(std::string_view name, const std::string& value) {
  std::string quoted;
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return std::string(name) + "='" + quoted + "'";
}

// `?host=/run/postgresql`; the only parameter we take.
Status ReadQuery(std::string_view query, const std::string& name, StoreLocation* location) {
  const auto refuse = [&](const std::string& why) { return Status(FileError(name, why)); };
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const size_t equals = pair.find('=');
    const std::string_view key = pair.substr(0, equals);
    std::string value;
    if (equals == std::string_view::npos || !Unescape(pair.substr(equals + 1), &value)) {
      return refuse("\"" + std::string(pair) + "\" is not a KEY=VALUE parameter");
    }
    if (key == "password") {
      return refuse(
          "a password in the URL is not accepted; put it in ~/.pgpass (or the file PGPASSFILE "
          "names), where PostgreSQL's client library reads it");
    }
    if (key != "host") {
      return refuse("unknown parameter \"" + std::string(key) + "\"; only host=/socket/folder");
    }
    location->host = value;
  }
  return Status::Ok();
}

}  // namespace

bool IsPostgresqlUrl(std::string_view text) {
  for (std::string_view scheme : kSchemes) {
    if (text.starts_with(scheme)) return true;
  }
  return false;
}

std::string StoreLocation::Name() const {
  if (!is_postgresql()) return file;
  std::string name = "postgresql://";
  if (!user.empty()) name += user + "@";
  const bool socket = host.starts_with("/");
  if (!socket) name += host;
  if (!port.empty()) name += ":" + port;
  name += "/" + database;
  if (socket) name += "?host=" + host;
  return name;
}

std::string StoreLocation::ConnectionString() const {
  std::string text = Keyword("dbname", database);
  if (!host.empty()) text += " " + Keyword("host", host);
  if (!port.empty()) text += " " + Keyword("port", port);
  if (!user.empty()) text += " " + Keyword("user", user);
  // Our names, so the server's logs and pg_stat_activity say who is there.
  return text + " application_name='clusterpilot'";
}

Result<StoreLocation> ParseStoreLocation(std::string_view text) {
  StoreLocation location;
  if (!IsPostgresqlUrl(text)) {
    location.file = std::string(text);
    return location;
  }
  const std::string name = WithoutPassword(text);
  const auto refuse = [&](const std::string& why) { return FileError(name, why); };
  std::string_view rest = text.substr(text.find("://") + 3);
  const size_t question = rest.find('?');
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
  rest = rest.substr(0, question);
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash + 1 == rest.size()) {
    return refuse("names no database; write postgresql://USER@HOST:PORT/DBNAME");
  }
  std::string_view authority = rest.substr(0, slash);
  if (!Unescape(rest.substr(slash + 1), &location.database)) {
    return refuse("the database name has a broken %-escape");
  }
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view user = authority.substr(0, at);
    if (user.find(':') != std::string_view::npos) {
      return refuse(
          "a password in the URL is not accepted; put it in ~/.pgpass (or the file PGPASSFILE "
          "names), where PostgreSQL's client library reads it");
    }
    if (!Unescape(user, &location.user)) return refuse("the user name has a broken %-escape");
    authority = authority.substr(at + 1);
  }
  const size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    location.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    if (!IsPort(location.port)) {
      return refuse("\"" + location.port + "\" is not a port number");
    }
  }
  location.host = std::string(authority);
  location.kind = StoreLocation::Kind::kPostgresql;
  Status query_read = ReadQuery(query, name, &location);
  if (!query_read.ok()) return query_read.error();
  return location;
}

}  // namespace clusterpilot
