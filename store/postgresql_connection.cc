#include "store/postgresql_connection.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <mutex>

namespace clusterpilot {
namespace {

void RegisterConnectorOnce() {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
}

// PostgreSQL's messages read "ERROR:  text\nDETAIL: ..."; the first line,
// without the severity, is the sentence for the user.
std::string FirstLine(const char* message) {
  std::string text = message != nullptr ? message : "";
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "}) {
    if (text.starts_with(prefix)) text.erase(0, prefix.size());
  }
  const size_t end = text.find('\n');
  if (end != std::string::npos) text.erase(end);
  return text.empty() ? "unknown PostgreSQL error" : text;
}

std::string PreparedKey(const std::string& sql, const std::vector<unsigned>& types) {
  std::string key = sql;
  for (unsigned type : types) key += "|" + std::to_string(type);
  return key;
}

}  // namespace

Result<std::unique_ptr<PostgresqlConnection>> PostgresqlConnection::Open(
    const StoreLocation& location) {
  RegisterConnectorOnce();
  const std::string name = location.Name();
  // Poco 1.11 keeps libpq's connection of a failed connect and never
  // finishes it; a server that is not there would leak one per attempt
  // (serve retries for as long as it runs). Our own attempt finishes it.
  {
    std::unique_ptr<PGconn, decltype(&PQfinish)> probe(
        PQconnectdb(location.ConnectionString().c_str()), &PQfinish);
    if (PQstatus(probe.get()) != CONNECTION_OK) {
      return FileError(name, "cannot connect: " + FirstLine(PQerrorMessage(probe.get())));
    }
  }
  std::unique_ptr<Poco::Data::Session> session;
  try {
    session = std::make_unique<Poco::Data::Session>("PostgreSQL", location.ConnectionString());
  } catch (const Poco::Exception& e) {
    // The server went away since the probe: Poco repeats libpq's message
    // after its own words; libpq's is the one.
    std::string why = e.message();
    const size_t libpq = why.find("connection to server");
    if (libpq != std::string::npos) why.erase(0, libpq);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return FileError(name, "cannot connect: " + FirstLine(why.c_str()));
  }
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session->impl());
  if (impl == nullptr) return FileError(name, "cannot connect: not a PostgreSQL session");
  pg_conn* connection = static_cast<PGconn*>(impl->handle());
  std::unique_ptr<PostgresqlConnection> opened(
      new PostgresqlConnection(name, std::move(session), connection));
  // Quiet NOTICEs ("relation already exists, skipping") and UTC times.
  Status set = opened->Execute("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  if (!set.ok()) return set.error();
  return opened;
}

PostgresqlConnection::PostgresqlConnection(std::string name,
                                           std::unique_ptr<Poco::Data::Session> session,
                                           pg_conn* connection)
    : name_(std::move(name)), session_(std::move(session)), connection_(connection) {}

PostgresqlConnection::~PostgresqlConnection() {
  try {
    session_->close();
  } catch (const Poco::Exception&) {
    // Closing a connection the server already dropped: nothing left to do.
  }
}

Error PostgresqlConnection::DatabaseError(const std::string& what) const {
  return FileError(name_, "database error: " + FirstLine(what.c_str()));
}

Status PostgresqlConnection::CheckResult(pg_result* result) {
  const ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    const char* tuples = PQcmdTuples(result);
    changed_rows_ = tuples != nullptr && tuples[0] != '\0' ? std::atoll(tuples) : 0;
    return Status::Ok();
  }
  const char* message =
      result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
  return DatabaseError(message != nullptr ? message : "");
}

Status PostgresqlConnection::Execute(const std::string& sql) {
  if (sql.empty()) return Status::Ok();
  PGresult* result = PQexec(connection_, sql.c_str());
  Status status = CheckResult(result);
  PQclear(result);
  return status;
}

Result<pg_result*> PostgresqlConnection::Run(const std::string& sql,
                                             const std::vector<unsigned>& types,
                                             const std::vector<const char*>& values,
                                             const std::vector<int>& lengths) {
  const std::string key = PreparedKey(sql, types);
  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    if (prepared_.size() >= kMaxCachedStatements) ForgetPreparedStatements();
    const std::string statement_name = "cp" + std::to_string(++statements_named_);
    PGresult* prepared =
        PQprepare(connection_, statement_name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                  reinterpret_cast<const Oid*>(types.data()));
    Status status = CheckResult(prepared);
    PQclear(prepared);
    if (!status.ok()) return status.error();
    found = prepared_.emplace(key, statement_name).first;
  }
  PGresult* result =
      PQexecPrepared(connection_, found->second.c_str(), static_cast<int>(values.size()),
                     values.data(), lengths.data(), nullptr, 0);
  Status status = CheckResult(result);
  if (!status.ok()) {
    PQclear(result);
    return status.error();
  }
  return result;
}

// As the SQLite side's cache (statement_cache.h): past the bound, all go.
// A failed transaction refuses DEALLOCATE too; then they stay until the next
// statement past the bound.
void PostgresqlConnection::ForgetPreparedStatements() {
  if (InFailedTransaction()) return;
  for (const auto& [key, statement_name] : prepared_) {
    (void)Execute("DEALLOCATE " + statement_name);
  }
  prepared_.clear();
}

Result<pg_result*> PostgresqlConnection::RunOnce(const std::string& sql,
                                                 const std::vector<unsigned>& types,
                                                 const std::vector<const char*>& values,
                                                 const std::vector<int>& lengths) {
  PGresult* result = PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()),
                                  reinterpret_cast<const Oid*>(types.data()), values.data(),
                                  lengths.data(), nullptr, 0);
  Status status = CheckResult(result);
  if (!status.ok()) {
    PQclear(result);
    return status.error();
  }
  return result;
}

Result<int64_t> PostgresqlConnection::QueryInt(const std::string& sql) {
  PGresult* result = PQexec(connection_, sql.c_str());
  Status status = CheckResult(result);
  int64_t value = 0;
  if (status.ok() && PQntuples(result) > 0 && PQgetisnull(result, 0, 0) == 0) {
    value = std::atoll(PQgetvalue(result, 0, 0));
  }
  PQclear(result);
  if (!status.ok()) return status.error();
  return value;
}

int PostgresqlConnection::SchemaVersion() {
  Result<int64_t> exists = QueryInt(
      "SELECT count(*) FROM pg_tables WHERE schemaname = "
      "current_schema() AND tablename = 'clusterpilot_schema'");
  if (!exists.ok()) return -1;
  if (exists.value() == 0) return 0;
  Result<int64_t> version = QueryInt("SELECT max(version) FROM clusterpilot_schema");
  return version.ok() ? static_cast<int>(version.value()) : -1;
}

bool PostgresqlConnection::InFailedTransaction() const {
  return PQtransactionStatus(connection_) == PQTRANS_INERROR;
}

bool PostgresqlConnection::InTransaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

Status PostgresqlConnection::LoadIdentityTables() {
  PGresult* result = PQexec(connection_,
                            "SELECT table_name FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND column_name = 'id' "
                            "AND is_identity = 'YES'");
  Status status = CheckResult(result);
  if (status.ok()) {
    identity_tables_.clear();
    for (int row = 0; row < PQntuples(result); ++row) {
      identity_tables_.insert(PQgetvalue(result, row, 0));
    }
  }
  PQclear(result);
  return status;
}

}  // namespace clusterpilot
