#include "store/postgresql_copy.h"

#include <libpq-fe.h>

#include <charconv>

#include "store/postgresql_connection.h"

namespace clusterpilot {
namespace {

constexpr size_t kSendAt = size_t{1} << 20;

}  // namespace

Result<std::unique_ptr<PostgresqlCopy>> PostgresqlCopy::Start(PostgresqlConnection& connection,
                                                              const std::string& copy_sql) {
  PGresult* started = PQexec(connection.handle(), copy_sql.c_str());
  const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
  const std::string why = copying ? "" : PQresultErrorMessage(started);
  PQclear(started);
  if (!copying) return connection.DatabaseError(why);
  std::unique_ptr<PostgresqlCopy> copy(new PostgresqlCopy(connection));
  copy->rows_.reserve(kSendAt + 4096);
  return copy;
}

PostgresqlCopy::PostgresqlCopy(PostgresqlConnection& connection) : connection_(connection) {}

PostgresqlCopy::~PostgresqlCopy() {
  if (open_) (void)End("clusterpilot cancelled the copy");
}

void PostgresqlCopy::Separate() {
  if (row_started_) rows_.push_back('\t');
  row_started_ = true;
}

// COPY's text format: a backslash before what would end a value or a row.
void PostgresqlCopy::Text(std::string_view text) {
  Separate();
  for (char c : text) {
    switch (c) {
      case '\\':
        rows_ += "\\\\";
        break;
      case '\t':
        rows_ += "\\t";
        break;
      case '\n':
        rows_ += "\\n";
        break;
      case '\r':
        rows_ += "\\r";
        break;
      default:
        rows_.push_back(c);
    }
  }
}

void PostgresqlCopy::TextOrNull(std::string_view text) {
  if (text.empty()) {
    Null();
  } else {
    Text(text);
  }
}

void PostgresqlCopy::Int(int64_t value) {
  Separate();
  char buffer[24];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  rows_.append(buffer, written.ptr);
}

// The shortest text that reads back as the same double, as the bound
// parameters of an INSERT send it.
void PostgresqlCopy::Double(double value) {
  Separate();
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  rows_.append(buffer, written.ptr);
}

void PostgresqlCopy::Null() {
  Separate();
  rows_ += "\\N";
}

Status PostgresqlCopy::EndRow() {
  rows_.push_back('\n');
  row_started_ = false;
  return rows_.size() >= kSendAt ? Send() : Status::Ok();
}

Status PostgresqlCopy::Send() {
  if (rows_.empty()) return Status::Ok();
  const int sent =
      PQputCopyData(connection_.handle(), rows_.data(), static_cast<int>(rows_.size()));
  rows_.clear();
  if (sent != 1) return connection_.DatabaseError(PQerrorMessage(connection_.handle()));
  return Status::Ok();
}

Status PostgresqlCopy::Finish() {
  Status sent = Send();
  return End(sent.ok() ? nullptr : "clusterpilot could not send every row");
}

// Ends the copy (or cancels it with `cancel_reason`) and reads the server's
// verdict, so the connection is ready for the next statement either way.
Status PostgresqlCopy::End(const char* cancel_reason) {
  open_ = false;
  PGconn* handle = connection_.handle();
  Status ended = PQputCopyEnd(handle, cancel_reason) == 1
                     ? Status::Ok()
                     : Status(connection_.DatabaseError(PQerrorMessage(handle)));
  while (PGresult* result = PQgetResult(handle)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && ended.ok()) {
      ended = connection_.DatabaseError(PQresultErrorMessage(result));
    }
    PQclear(result);
  }
  return ended;
}

}  // namespace clusterpilot
