#include "store/sql_statement.h"

#include <sqlite3.h>

#include "store/postgresql_connection.h"
#include "store/postgresql_statement.h"
#include "store/statement_cache.h"
#include "store/store.h"

namespace clusterpilot {

SqlStatement::SqlStatement(Store& store, std::string_view sql, Rows rows) : store_(store) {
  if (store.postgresql() != nullptr) {
    postgresql_ =
        std::make_unique<PostgresqlStatement>(*store.postgresql(), sql, rows == Rows::kStreamed);
    return;
  }
  sql_ = sql;
  cache_ = store.shared_statements();
  statement_ = store.statements().Take(sql_);
  if (statement_ != nullptr) return;
  // Persistent: it is kept for the connection's life (statement_cache.h).
  if (sqlite3_prepare_v3(store.handle(), sql_.data(), static_cast<int>(sql_.size()),
                         SQLITE_PREPARE_PERSISTENT, &statement_, nullptr) != SQLITE_OK) {
    Fail();
  }
}

// A statement that failed is not kept: its error may be its own (a bug in
// our SQL), and preparing it again is what a later caller should see.
SqlStatement::~SqlStatement() {
  if (statement_ == nullptr) return;
  const std::shared_ptr<StatementCache> cache = cache_.lock();
  if (cache != nullptr && status_.ok()) {
    cache->Give(std::move(sql_), statement_);
  } else {
    sqlite3_finalize(statement_);
  }
}

void SqlStatement::Fail() {
  if (!status_.ok()) return;
  Error error;
  error.file = store_.path();
  error.message = std::string("database error: ") + sqlite3_errmsg(store_.handle());
  status_ = error;
}

void SqlStatement::BindInt(int index, int64_t value) {
  if (postgresql_) return postgresql_->BindInt(index, value);
  if (status_.ok() && sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) Fail();
}

void SqlStatement::BindDouble(int index, double value) {
  if (postgresql_) return postgresql_->BindDouble(index, value);
  if (status_.ok() && sqlite3_bind_double(statement_, index, value) != SQLITE_OK) Fail();
}

void SqlStatement::BindText(int index, std::string_view value) {
  if (postgresql_) return postgresql_->BindText(index, value);
  if (status_.ok() &&
      sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail();
  }
}

void SqlStatement::BindTextView(int index, std::string_view value) {
  if (postgresql_) return postgresql_->BindText(index, value);
  if (status_.ok() &&
      sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                        SQLITE_STATIC) != SQLITE_OK) {
    Fail();
  }
}

void SqlStatement::BindNull(int index) {
  if (postgresql_) return postgresql_->BindNull(index);
  if (status_.ok() && sqlite3_bind_null(statement_, index) != SQLITE_OK) Fail();
}

bool SqlStatement::Step() {
  if (!status_.ok()) return false;
  if (postgresql_) return postgresql_->Step(&status_);
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) Fail();
  return false;
}

Status SqlStatement::Run() {
  Step();
  Reset();
  return status_;
}

void SqlStatement::Reset() {
  if (postgresql_) return postgresql_->Reset();
  if (statement_ == nullptr) return;
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool SqlStatement::IsNull(int column) const {
  if (postgresql_) return postgresql_->IsNull(column);
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int64_t SqlStatement::Int(int column) const {
  if (postgresql_) return postgresql_->Int(column);
  return sqlite3_column_int64(statement_, column);
}

double SqlStatement::Double(int column) const {
  if (postgresql_) return postgresql_->Double(column);
  return sqlite3_column_double(statement_, column);
}

std::string_view SqlStatement::Text(int column) const {
  if (postgresql_) return postgresql_->Text(column);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

}  // namespace clusterpilot
