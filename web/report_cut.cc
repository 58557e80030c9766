#include "web/report_cut.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/dutch_number.h"

namespace clusterpilot {
namespace {

bool IsMine(const std::string& key, const std::vector<std::string>& departments) {
  for (const std::string& department : departments) {
    if (key == "department:" + department) return true;
    if (key.starts_with("transition:" + department + "/")) return true;
  }
  return false;
}

std::string EnglishNumber(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// A cell as the reader sees it in `unit` (count, euro, fraction, number).
std::string CellText(const Poco::Dynamic::Var& value, const std::string& unit, Language language) {
  if (value.isEmpty()) return "";
  if (value.isString()) return value.convert<std::string>();  // "<5", "x"
  const double number = value.convert<double>();
  const bool dutch = language == Language::kDutch;
  if (unit == "count") {
    const auto count = static_cast<int64_t>(std::llround(number));
    return dutch ? FormatCount(count) : std::to_string(count);
  }
  if (unit == "euro") {
    const auto cents = static_cast<int64_t>(std::llround(number * 100));
    return dutch ? FormatEuros(cents) : "EUR " + EnglishNumber(number, 2);
  }
  if (unit == "fraction") {
    return dutch ? FormatPercent(number) : EnglishNumber(number * 100, 1) + "%";
  }
  return dutch ? FormatDecimal(number, 1) : EnglishNumber(number, 1);
}

struct Column {
  std::string key;
  std::string label;
  std::string unit;
};

std::vector<Column> Columns(const Poco::JSON::Array::Ptr& columns) {
  std::vector<Column> list;
  for (const auto& entry : *columns) {
    const auto& column = entry.extract<Poco::JSON::Object::Ptr>();
    list.push_back({column->optValue<std::string>("key", ""),
                    column->optValue<std::string>("label", ""),
                    column->optValue<std::string>("unit", "")});
  }
  return list;
}

// The table cut to the departments' rows, or to their columns when the
// table has a column per department; nullptr when nothing of theirs is in it.
Poco::JSON::Object::Ptr CutTable(const Poco::JSON::Object::Ptr& table,
                                 const std::vector<std::string>& departments, Language language) {
  const std::vector<Column> columns = Columns(table->getArray("columns"));
  const bool per_department_columns =
      std::any_of(columns.begin(), columns.end(),
                  [](const Column& column) { return column.key.starts_with("department:"); });
  std::vector<Column> kept;
  for (const Column& column : columns) {
    if (!per_department_columns || IsMine(column.key, departments)) kept.push_back(column);
  }
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (const auto& entry : *table->getArray("rows")) {
    const auto& row = entry.extract<Poco::JSON::Object::Ptr>();
    if (!per_department_columns && !IsMine(row->optValue<std::string>("key", ""), departments)) {
      continue;
    }
    const auto values = row->getObject("values");
    Poco::JSON::Array::Ptr cells = new Poco::JSON::Array;
    for (const Column& column : kept) {
      cells->add(values ? CellText(values->get(column.key), column.unit, language) : "");
    }
    Poco::JSON::Object::Ptr cut_row = new Poco::JSON::Object;
    cut_row->set("label", row->optValue<std::string>("label", ""));
    cut_row->set("cells", cells);
    rows->add(cut_row);
  }
  if (kept.empty() || rows->size() == 0) return nullptr;
  Poco::JSON::Array::Ptr labels = new Poco::JSON::Array;
  for (const Column& column : kept) labels->add(column.label);
  Poco::JSON::Object::Ptr cut = new Poco::JSON::Object;
  cut->set("id", table->optValue<std::string>("id", ""));
  cut->set("title", table->optValue<std::string>("title", ""));
  cut->set("description", table->optValue<std::string>("description", ""));
  cut->set("row_header", table->optValue<std::string>("row_header", ""));
  cut->set("columns", labels);
  cut->set("rows", rows);
  return cut;
}

}  // namespace

Result<Poco::JSON::Object::Ptr> CutReport(const std::string& report,
                                          const std::vector<std::string>& departments,
                                          Language language) {
  Poco::JSON::Object::Ptr parsed;
  try {
    parsed = Poco::JSON::Parser().parse(report).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    Error error;
    error.file = "report.json";
    error.message = "geen rapport / not a report: " + e.displayText();
    return error;
  }
  if (!parsed || !parsed->isArray("tables")) {
    Error error;
    error.file = "report.json";
    error.field = "tables";
    error.message = "ontbreekt / missing";
    return error;
  }
  Poco::JSON::Array::Ptr tables = new Poco::JSON::Array;
  for (const auto& entry : *parsed->getArray("tables")) {
    Poco::JSON::Object::Ptr cut =
        CutTable(entry.extract<Poco::JSON::Object::Ptr>(), departments, language);
    if (cut) tables->add(cut);
  }
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
  result->set("month", parsed->optValue<std::string>("month", ""));
  result->set("suppress_below", parsed->optValue<int>("suppress_below", 0));
  Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
  for (const std::string& department : departments) names->add(department);
  result->set("departments", names);
  result->set("tables", tables);
  return result;
}

}  // namespace clusterpilot
