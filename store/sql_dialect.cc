#include "store/sql_dialect.h"

#include <cctype>

namespace clusterpilot {
namespace {

// An arbitrary constant naming the store's write lock among the advisory
// locks of the database ("CPWL").
constexpr std::string_view kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(1129338700)";
constexpr std::string_view kBeginSnapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

bool StartsWithWord(std::string_view text, size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

size_t SkipSpace(std::string_view text, size_t at) {
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])) != 0) ++at;
  return at;
}

// Copies `sql` with its placeholders numbered for PostgreSQL.
std::string NumberPlaceholders(std::string_view sql, int* parameters) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  *parameters = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.push_back(c);
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c != '?') {
      out.push_back(c);
      continue;
    }
    int number = 0;
    while (i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])) != 0) {
      number = number * 10 + (sql[++i] - '0');
    }
    if (number == 0) number = ++next;
    if (number > *parameters) *parameters = number;
    out += "$" + std::to_string(number);
  }
  return out;
}

void ReplaceAll(std::string* text, std::string_view from, std::string_view to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at)) {
    text->replace(at, from.size(), to);
    at += to.size();
  }
}

}  // namespace

std::string ToPostgresql(std::string_view sqlite_sql, int* parameters) {
  std::string sql = NumberPlaceholders(sqlite_sql, parameters);
  const size_t start = SkipSpace(sql, 0);
  if (StartsWithWord(sql, start, "INSERT OR IGNORE ")) {
    sql.replace(start, 17, "INSERT ");
    sql += " ON CONFLICT DO NOTHING";
  }
  ReplaceAll(&sql, "unicode(", "ascii(");
  return sql;
}

std::string InsertedTable(std::string_view sql) {
  size_t at = SkipSpace(sql, 0);
  if (!StartsWithWord(sql, at, "INSERT ")) return "";
  at = SkipSpace(sql, at + 7);
  if (StartsWithWord(sql, at, "OR IGNORE ")) at = SkipSpace(sql, at + 10);
  if (!StartsWithWord(sql, at, "INTO ")) return "";
  at = SkipSpace(sql, at + 5);
  size_t end = at;
  while (end < sql.size() &&
         (std::isalnum(static_cast<unsigned char>(sql[end])) != 0 || sql[end] == '_')) {
    ++end;
  }
  return std::string(sql.substr(at, end - at));
}

std::string ForeignKeyChecksSql(SqlDialect dialect, bool on) {
  if (dialect == SqlDialect::kPostgresql) return "";
  return on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF";
}

bool DropsIndexesForBulkLoad(SqlDialect dialect, int64_t stored_rows, int64_t expected_rows) {
  if (dialect == SqlDialect::kPostgresql) return stored_rows == 0 && expected_rows > 0;
  return expected_rows > stored_rows;
}

std::string_view BulkLoadIndexesSql(SqlDialect dialect) {
  if (dialect == SqlDialect::kPostgresql) {
    return "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = "
           "x.indexrelid WHERE x.indrelid IN ('measurement'::regclass, "
           "'latest_rating'::regclass) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
           "c.conindid = x.indexrelid) ORDER BY i.relname";
  }
  return "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN "
         "('measurement', 'latest_rating') AND sql IS NOT NULL ORDER BY name";
}

std::string_view MeasurementForeignKeysSql(SqlDialect dialect) {
  if (dialect == SqlDialect::kSqlite) return "";
  return "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
         "'measurement'::regclass AND contype = 'f' ORDER BY conname";
}

std::string_view PostgresqlBeginWrite() { return kBeginWrite; }

std::string_view PostgresqlBeginSnapshot() { return kBeginSnapshot; }

}  // namespace clusterpilot
