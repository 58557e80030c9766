#include "store/table_content.h"

#include <openssl/sha.h>

#include <charconv>

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

// Changing the encoding changes every hash; the tag says which one made it.
constexpr std::string_view kEncodingTag = "clusterpilot row v1;";

void AppendInteger(std::string& encoding, int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  encoding.append(digits, end);
}

void AppendValue(std::string& encoding, const SqlStatement& row, int column, ColumnKind kind) {
  if (row.IsNull(column)) {
    encoding += "n,";
    return;
  }
  switch (kind) {
    case ColumnKind::kInteger:
      encoding += 'i';
      AppendInteger(encoding, row.Int(column));
      break;
    case ColumnKind::kReal: {
      // Shortest form that reads back as the same double: exact, and the
      // same whichever backend stored it.
      char digits[32];
      auto end = std::to_chars(digits, digits + sizeof digits, row.Double(column)).ptr;
      encoding += 'r';
      encoding.append(digits, end);
      break;
    }
    case ColumnKind::kText: {
      const std::string_view text = row.Text(column);
      encoding += 't';
      AppendInteger(encoding, static_cast<int64_t>(text.size()));
      encoding += ':';
      encoding += text;
      break;
    }
  }
  encoding += ',';
}

std::string QuotedName(const std::string& name) { return '"' + name + '"'; }

}  // namespace

void TableContentHasher::AddRow(const SqlStatement& row) {
  encoding_.assign(kEncodingTag);
  for (size_t i = 0; i < table_.columns.size(); ++i) {
    AppendValue(encoding_, row, static_cast<int>(i), table_.columns[i].kind);
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(encoding_.data()), encoding_.size(), digest);
  for (size_t lane = 0; lane < row_hash_sum_.size(); ++lane) {
    uint64_t part = 0;  // big-endian, so the hash does not depend on the machine
    for (size_t byte = 0; byte < 8; ++byte) part = (part << 8) | digest[lane * 8 + byte];
    row_hash_sum_[lane] += part;  // wraps mod 2^64 by definition
  }
  ++rows_;
}

TableContent TableContentHasher::Finish() const {
  constexpr char kHex[] = "0123456789abcdef";
  TableContent content;
  content.rows = rows_;
  for (uint64_t lane : row_hash_sum_) {
    for (int shift = 60; shift >= 0; shift -= 4) content.hash += kHex[(lane >> shift) & 0xf];
  }
  return content;
}

std::string SelectAllColumnsSql(const StoreTable& table) {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += QuotedName(table.columns[i].name);
  }
  return sql + " FROM " + QuotedName(table.name);
}

Result<TableContent> ReadTableContent(Store& store, const StoreTable& table) {
  SqlStatement rows(store, SelectAllColumnsSql(table), SqlStatement::Rows::kStreamed);
  TableContentHasher hasher(table);
  while (rows.Step()) hasher.AddRow(rows);
  if (!rows.status().ok()) return rows.status().error();
  return hasher.Finish();
}

}  // namespace clusterpilot
