#include "store/postgresql_statement.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

#include "store/postgresql_connection.h"
#include "store/sql_dialect.h"

namespace clusterpilot {
namespace {

// Type oids of pg_type.h: integers as bigint and doubles as double precision,
// so `SELECT ?1` and `x = ?` read them as numbers; text is left to the server
// to infer from where it is used (0).
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kFloat8Oid = 701;
constexpr unsigned kInferredOid = 0;

// Rows per FETCH of a streamed statement: large enough that the round trip
// is a small part of the chunk's cost, small enough to stay a few megabytes.
constexpr int kFetchRows = 8192;

}  // namespace

PostgresqlStatement::PostgresqlStatement(PostgresqlConnection& connection, std::string_view sql,
                                         bool streamed)
    : connection_(connection), streamed_(streamed) {
  int parameters = 0;
  sql_ = ToPostgresql(sql, &parameters);
  inserted_table_ = InsertedTable(sql_);
  if (!inserted_table_.empty() && connection_.HasIdentityId(inserted_table_)) {
    sql_ += " RETURNING id";
  } else {
    inserted_table_.clear();
  }
  types_.assign(static_cast<size_t>(parameters), kInferredOid);
  values_.resize(static_cast<size_t>(parameters));
  nulls_.assign(static_cast<size_t>(parameters), true);
}

PostgresqlStatement::~PostgresqlStatement() {
  CloseCursor();
  PQclear(result_);
}

void PostgresqlStatement::Bind(int index, unsigned type, std::string value) {
  if (index < 1 || index > static_cast<int>(values_.size())) return;
  const auto at = static_cast<size_t>(index - 1);
  types_[at] = type;
  values_[at] = std::move(value);
  nulls_[at] = false;
}

void PostgresqlStatement::BindInt(int index, int64_t value) {
  Bind(index, kInt8Oid, std::to_string(value));
}

void PostgresqlStatement::BindDouble(int index, double value) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  Bind(index, kFloat8Oid, std::string(buffer, written.ptr));
}

void PostgresqlStatement::BindText(int index, std::string_view value) {
  Bind(index, kInferredOid, std::string(value));
}

void PostgresqlStatement::BindNull(int index) {
  if (index < 1 || index > static_cast<int>(values_.size())) return;
  nulls_[static_cast<size_t>(index - 1)] = true;
}

Status PostgresqlStatement::Execute() {
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    values[i] = nulls_[i] ? nullptr : values_[i].c_str();
    lengths[i] = static_cast<int>(values_[i].size());
  }
  if (streamed_) return OpenCursor(values, lengths);
  Result<pg_result*> run = connection_.Run(sql_, types_, values, lengths);
  if (!run.ok()) return run.error();
  result_ = run.value();
  rows_ = PQntuples(result_);
  if (!inserted_table_.empty()) {
    // The rows of RETURNING id are ours, not the caller's: an INSERT has none.
    if (rows_ > 0) connection_.set_last_insert_id(std::atoll(PQgetvalue(result_, rows_ - 1, 0)));
    rows_ = 0;
  }
  return Status::Ok();
}

bool PostgresqlStatement::Step(Status* status) {
  if (!executed_) {
    executed_ = true;
    Status run = Execute();
    if (!run.ok()) {
      *status = run;
      return false;
    }
  }
  if (row_ + 1 >= rows_) {
    // A chunk shorter than asked for was the last one.
    if (cursor_.empty() || rows_ < kFetchRows) {
      CloseCursor();
      return false;
    }
    Status fetched = Fetch();
    if (!fetched.ok()) {
      *status = fetched;
      return false;
    }
    if (rows_ == 0) return false;
  }
  ++row_;
  return true;
}

Status PostgresqlStatement::OpenCursor(const std::vector<const char*>& values,
                                       const std::vector<int>& lengths) {
  own_transaction_ = !connection_.InTransaction();
  if (own_transaction_) {
    Status begun = connection_.Execute(std::string(PostgresqlBeginSnapshot()));
    if (!begun.ok()) return begun;
  }
  cursor_ = connection_.NewCursorName();
  Result<pg_result*> declared = connection_.RunOnce(
      "DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_, types_, values, lengths);
  if (!declared.ok()) {
    CloseCursor();
    return declared.error();
  }
  PQclear(declared.value());
  return Fetch();
}

Status PostgresqlStatement::Fetch() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  rows_ = 0;
  Result<pg_result*> fetched =
      connection_.RunOnce("FETCH " + std::to_string(kFetchRows) + " FROM " + cursor_, {}, {}, {});
  if (!fetched.ok()) {
    CloseCursor();
    return fetched.error();
  }
  result_ = fetched.value();
  rows_ = PQntuples(result_);
  if (rows_ == 0) CloseCursor();
  return Status::Ok();
}

// Closes the cursor and ends the snapshot it began; after a failure in the
// caller's transaction the cursor is gone with it already.
void PostgresqlStatement::CloseCursor() {
  if (cursor_.empty()) return;
  const bool failed = connection_.InFailedTransaction();
  if (!failed) (void)connection_.Execute("CLOSE " + cursor_);
  if (own_transaction_) (void)connection_.Execute(failed ? "ROLLBACK" : "COMMIT");
  cursor_.clear();
  own_transaction_ = false;
}

void PostgresqlStatement::Reset() {
  CloseCursor();
  PQclear(result_);
  result_ = nullptr;
  executed_ = false;
  row_ = -1;
  rows_ = 0;
  nulls_.assign(nulls_.size(), true);
}

bool PostgresqlStatement::IsNull(int column) const {
  return row_ < 0 || row_ >= rows_ || PQgetisnull(result_, row_, column) != 0;
}

int64_t PostgresqlStatement::Int(int column) const {
  if (IsNull(column)) return 0;
  const char* text = PQgetvalue(result_, row_, column);
  if (text[0] == 't' || text[0] == 'f') return text[0] == 't' ? 1 : 0;
  // A numeric with a fraction (avg) stops at the point: truncated, as SQLite.
  return std::strtoll(text, nullptr, 10);
}

double PostgresqlStatement::Double(int column) const {
  if (IsNull(column)) return 0.0;
  return std::strtod(PQgetvalue(result_, row_, column), nullptr);
}

std::string_view PostgresqlStatement::Text(int column) const {
  if (IsNull(column)) return {};
  return std::string_view(PQgetvalue(result_, row_, column),
                          static_cast<size_t>(PQgetlength(result_, row_, column)));
}

}  // namespace clusterpilot
