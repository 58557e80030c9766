#include "reports/json_report_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

#include "core/decimal_rounding.h"

namespace clusterpilot {
namespace {

constexpr int kFormatVersion = 2;

const char* UnitOf(CellKind kind) {
  switch (kind) {
    case CellKind::kCount:
      return "count";
    case CellKind::kEuros:
      return "euro";
    case CellKind::kPercent:
      return "fraction";
    case CellKind::kDecimal:
      return "number";
    case CellKind::kText:
    case CellKind::kEmpty:
      break;
  }
  return "text";
}

// Rounds to `decimals` places by the rule of every format, so that the
// JSON shows what the others show, not binary noise.
double Rounded(double value, int decimals) { return RoundHalfAwayFromZero(value, decimals); }

Poco::Dynamic::Var CellValue(const ReportCell& cell, const ReportColumn& column,
                             int suppress_below) {
  if (cell.Hidden()) return HiddenMarker(cell, suppress_below);
  switch (cell.kind) {
    case CellKind::kEmpty:
      return Poco::Dynamic::Var();
    case CellKind::kText:
      return cell.text;
    case CellKind::kCount:
      return static_cast<Poco::Int64>(cell.integer);
    case CellKind::kEuros:
      return static_cast<double>(cell.integer) / 100.0;
    case CellKind::kPercent:
      return Rounded(cell.real, column.decimals + 2);
    case CellKind::kDecimal:
      return Rounded(cell.real, column.decimals);
  }
  return Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr TableObject(const ReportTable& table, int suppress_below) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("id", table.id);
  object->set("title", table.title);
  object->set("description", table.description);
  object->set("row_header", table.row_header);
  Poco::JSON::Array::Ptr columns = new Poco::JSON::Array;
  for (const ReportColumn& column : table.columns) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("key", column.key);
    entry->set("label", column.label);
    entry->set("unit", std::string(UnitOf(column.kind)));
    columns->add(entry);
  }
  object->set("columns", columns);
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (const ReportRow& row : table.rows) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("key", row.key);
    entry->set("label", row.label);
    entry->set("style", std::string(RowStyleName(row.style)));
    Poco::JSON::Object::Ptr values = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      values->set(table.columns[c].key, CellValue(row.cells[c], table.columns[c], suppress_below));
    }
    entry->set("values", values);
    rows->add(entry);
  }
  object->set("rows", rows);
  return object;
}

// What was hidden and what the disclosure audit showed, as numbers.
Poco::JSON::Object::Ptr DisclosureObject(const DisclosureSummary& summary) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("protection_interval", summary.protection_interval);
  object->set("small_cells", summary.small_cells);
  object->set("protective_cells", summary.protective_cells);
  object->set("audited_cells", summary.audited_cells);
  object->set("audited_amounts", summary.audited_amounts);
  object->set("audit_constraints", summary.constraints);
  object->set("narrowest_range", summary.narrowest);
  object->set("audit_rounds", summary.rounds);
  return object;
}

}  // namespace

std::string JsonReportText(const PilotReport& report) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("report", std::string("clusterpilot monthly pilot report"));
  root.set("format_version", kFormatVersion);
  root.set("month", report.month_key);
  root.set("generated_at", report.generated_at);
  root.set("cluster_model", report.model);
  root.set("tariff_file", report.tariff_file);
  root.set("tariff_unit", std::string("euro per patient per month"));
  root.set("revenue_file", report.revenue_file);
  root.set("suppress_below", report.suppress_below);
  Poco::JSON::Object::Ptr monte_carlo = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  monte_carlo->set("draws", report.draws);
  monte_carlo->set("seed", static_cast<Poco::UInt64>(report.seed));
  monte_carlo->set("price_correlation", report.price_correlation);
  root.set("valid_rating_months", report.valid_rating_months);
  root.set("monte_carlo", monte_carlo);
  root.set("disclosure", DisclosureObject(report.disclosure));
  Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
  for (const std::string& warning : report.warnings) warnings->add(warning);
  root.set("warnings", warnings);
  Poco::JSON::Array::Ptr tables = new Poco::JSON::Array;
  for (const ReportTable& table : report.tables)
    tables->add(TableObject(table, report.suppress_below));
  root.set("tables", tables);
  std::ostringstream out;
  root.stringify(out, 2);
  out << "\n";
  return out.str();
}

}  // namespace clusterpilot
