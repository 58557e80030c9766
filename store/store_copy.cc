#include "store/store_copy.h"

#include "store/audit_log.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "store/table_catalog.h"

namespace clusterpilot {
namespace {

std::string ColumnNames(const StoreTable& table) {
  std::string names;
  for (const StoreColumn& column : table.columns)
    names += (names.empty() ? "" : ", ") + column.name;
  return names;
}

// The target must have exactly the source's tables and columns: both stores
// are migrated to this program's schema on open, so a difference means one
// of them was changed by hand.
Status CheckSameSchema(const std::vector<StoreTable>& source, const std::vector<StoreTable>& target,
                       const std::string& target_path) {
  for (size_t i = 0; i < source.size() || i < target.size(); ++i) {
    const std::string name = i < source.size() ? source[i].name : target[i].name;
    if (i >= source.size() || i >= target.size() || source[i].name != target[i].name) {
      return FileError(target_path,
                       "table \"" + name + "\" is not in both stores; nothing was copied");
    }
    if (ColumnNames(source[i]) != ColumnNames(target[i])) {
      return FileError(target_path, "table \"" + name + "\" has columns (" +
                                        ColumnNames(target[i]) + ") where the source has (" +
                                        ColumnNames(source[i]) + "); nothing was copied");
    }
  }
  return Status::Ok();
}

Status CheckEmpty(Store& target, const std::vector<StoreTable>& tables) {
  for (const StoreTable& table : tables) {
    SqlStatement any(target, "SELECT 1 FROM \"" + table.name + "\" LIMIT 1");
    if (any.Step()) {
      return FileError(target.path(), "table \"" + table.name +
                                          "\" holds rows; store copy fills only an empty store "
                                          "(nothing was copied)");
    }
    if (!any.status().ok()) return any.status();
  }
  return Status::Ok();
}

std::string InsertSql(const StoreTable& table) {
  std::string columns;
  std::string parameters;
  for (const StoreColumn& column : table.columns) {
    columns += (columns.empty() ? "\"" : ", \"") + column.name + "\"";
    parameters += parameters.empty() ? "?" : ", ?";
  }
  return "INSERT INTO \"" + table.name + "\" (" + columns + ") VALUES (" + parameters + ")";
}

// Binds the current row of `from` to `to`'s parameters, value for value.
void BindRow(const SqlStatement& from, SqlStatement& to, const StoreTable& table) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const int column = static_cast<int>(i);
    if (from.IsNull(column)) {
      to.BindNull(column + 1);
      continue;
    }
    switch (table.columns[i].kind) {
      case ColumnKind::kInteger:
        to.BindInt(column + 1, from.Int(column));
        break;
      case ColumnKind::kReal:
        to.BindDouble(column + 1, from.Double(column));
        break;
      case ColumnKind::kText:
        to.BindTextView(column + 1, from.Text(column));
        break;
    }
  }
}

// Copies one table's rows and returns the source's count and hash.
Result<TableContent> CopyRows(Store& source, Store& target, const StoreTable& table) {
  SqlStatement rows(source, SelectAllColumnsSql(table), SqlStatement::Rows::kStreamed);
  SqlStatement insert(target, InsertSql(table));
  TableContentHasher hasher(table);
  while (rows.Step()) {
    hasher.AddRow(rows);
    BindRow(rows, insert, table);
    Status inserted = insert.Run();
    if (!inserted.ok()) return inserted.error();
  }
  if (!rows.status().ok()) return rows.status().error();
  if (!insert.status().ok()) return insert.status().error();
  return hasher.Finish();
}

Status CheckCopied(Store& target, const StoreTable& table, const TableContent& expected) {
  auto copied = ReadTableContent(target, table);
  if (!copied.ok()) return copied.error();
  const TableContent& actual = copied.value();
  if (actual.rows != expected.rows) {
    return FileError(target.path(), "table \"" + table.name +
                                        "\": " + std::to_string(expected.rows) +
                                        " rows copied but " + std::to_string(actual.rows) +
                                        " read back; nothing was copied");
  }
  if (actual.hash != expected.hash) {
    return FileError(target.path(), "table \"" + table.name + "\": content hash " + actual.hash +
                                        " read back where the source has " + expected.hash +
                                        "; nothing was copied");
  }
  return Status::Ok();
}

// PostgreSQL hands out ids from a sequence that copying ids explicitly does
// not advance; without this the target's next import would collide with a
// copied id. (SQLite takes the next id from the table itself.)
Status AdvanceIdSequence(Store& target, const StoreTable& table) {
  if (target.dialect() != SqlDialect::kPostgresql || table.columns.empty() ||
      table.columns[0].name != "id") {
    return Status::Ok();
  }
  SqlStatement advance(target,
                       "SELECT setval(pg_get_serial_sequence(?, 'id'), "
                       "COALESCE(MAX(id), 0) + 1, false) FROM \"" +
                           table.name + "\"");
  advance.BindText(1, table.name);
  while (advance.Step()) {
  }
  return advance.status();
}

Status CopyTables(Store& source, Store& target, const std::vector<StoreTable>& tables,
                  StoreCopySummary& summary) {
  for (const StoreTable& table : tables) {
    auto content = CopyRows(source, target, table);
    if (!content.ok()) return content.error();
    Status advanced = AdvanceIdSequence(target, table);
    if (!advanced.ok()) return advanced;
    Status checked = CheckCopied(target, table, content.value());
    if (!checked.ok()) return checked;
    summary.tables.push_back({table.name, content.value()});
    summary.rows += content.value().rows;
  }
  return Status::Ok();
}

}  // namespace

Result<StoreCopySummary> CopyStore(Store& source, Store& target, const std::string& user) {
  auto tables = ReadTableCatalog(source);
  if (!tables.ok()) return tables.error();
  auto target_tables = ReadTableCatalog(target);
  if (!target_tables.ok()) return target_tables.error();
  Status ready = CheckSameSchema(tables.value(), target_tables.value(), target.path());
  if (ready.ok()) ready = CheckEmpty(target, tables.value());
  if (!ready.ok()) return ready.error();
  // Audited before a row is read: the copy holds every patient's data.
  Status audited = RecordAudit(source, user, "store copy", "copied to " + target.path());
  if (!audited.ok()) return audited.error();
  StoreCopySummary summary;
  Status copied = source.InSnapshot([&]() -> Status {
    return target.InTransaction([&]() -> Status {
      Status status = CopyTables(source, target, tables.value(), summary);
      if (!status.ok()) return status;
      return RecordAudit(target, user, "store copy",
                         "copied from " + source.path() + ": " + std::to_string(summary.rows) +
                             " rows in " + std::to_string(summary.tables.size()) +
                             " tables, counts and content hashes verified");
    });
  });
  if (!copied.ok()) return copied.error();
  return summary;
}

}  // namespace clusterpilot
