// COPY ... FROM STDIN on a PostgreSQL store's connection: the bulk writes
// (an import's staging rows, a classify run's results) go to the server as
// rows of COPY's text format, about a megabyte per message, instead of a
// round trip per row.
//
// While a copy is open its connection runs nothing else. Finish() ends it
// and says whether the server took every row; a copy dropped unfinished is
// cancelled, which fails the transaction around it.
#ifndef CLUSTERPILOT_STORE_POSTGRESQL_COPY_H_
#define CLUSTERPILOT_STORE_POSTGRESQL_COPY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace clusterpilot {

class PostgresqlConnection;

class PostgresqlCopy {
 public:
  // Starts `copy_sql` (`COPY table(columns) FROM STDIN`).
  static Result<std::unique_ptr<PostgresqlCopy>> Start(PostgresqlConnection& connection,
                                                       const std::string& copy_sql);
  ~PostgresqlCopy();
  PostgresqlCopy(const PostgresqlCopy&) = delete;
  PostgresqlCopy& operator=(const PostgresqlCopy&) = delete;

  // The next column of the current row.
  void Text(std::string_view text);
  void TextOrNull(std::string_view text);  // NULL when empty
  void Int(int64_t value);
  void Double(double value);
  void Null();
  // Ends the row; sends what has gathered when it is large enough.
  Status EndRow();

  // Sends the rest and ends the copy: ok when the server stored every row.
  Status Finish();

 private:
  explicit PostgresqlCopy(PostgresqlConnection& connection);
  void Separate();
  Status Send();
  Status End(const char* cancel_reason);

  PostgresqlConnection& connection_;
  std::string rows_;
  bool row_started_ = false;
  bool open_ = true;
};

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_STORE_POSTGRESQL_COPY_H_
