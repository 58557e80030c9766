#include "classifier/io/nza_code_list_importer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>

#include "classifier/default_model.h"
#include "core/care_cluster.h"
#include "core/cluster_profile.h"
#include "core/column_aliases.h"
#include "core/delimited_reader.h"
#include "core/dutch_csv_writer.h"

namespace clusterpilot {
namespace {

using CsvRow = DelimitedRow;

// The rows of a ';'-separated table, each with the line it starts on.
Result<std::vector<CsvRow>> ReadTable(const CsvText& table) {
  Result<std::vector<CsvRow>> rows = ReadDelimitedText(table.content, ';', table.file_name);
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return Error{table.file_name, 0, 0, "", "", "is empty"};
  return rows;
}

Error RowError(const CsvText& table, int line, const std::string& column, const std::string& value,
               std::string message) {
  return FieldError(table.file_name, line, column.empty() ? "" : "column \"" + column + "\"", value,
                    std::move(message));
}

struct ColumnSpec {
  const char* name;                  // as named in messages
  std::vector<const char*> aliases;  // folded
  bool required;
};

// Column index per spec (-1 when an optional column is absent).
Result<std::vector<int>> MapColumns(const CsvText& table, const CsvRow& header,
                                    const std::vector<ColumnSpec>& specs) {
  if (header.cells.size() == 1 && header.cells[0].find_first_of(",\t") != std::string::npos) {
    return RowError(table, header.line, "", "",
                    "expected columns separated by ';' (as the NZa spreadsheet exports them)");
  }
  std::vector<int> columns;
  std::string expected;
  for (const ColumnSpec& spec : specs)
    expected += (expected.empty() ? "" : ";") + std::string(spec.name);
  std::vector<ColumnAlias> aliases;
  for (size_t key = 0; key < specs.size(); ++key) {
    for (const char* alias : specs[key].aliases) aliases.push_back({alias, static_cast<int>(key)});
  }
  const ColumnMatch match = MatchColumns(header.cells, aliases, static_cast<int>(specs.size()));
  for (size_t key = 0; key < specs.size(); ++key) {
    const ColumnSpec& spec = specs[key];
    const int found = match.column_of_key[key];
    if (found < 0 && spec.required) {
      return RowError(
          table, header.line, "", "",
          std::string("no column \"") + spec.name + "\" in the header (expected " + expected + ")");
    }
    columns.push_back(found);
  }
  return columns;
}

std::string Cell(const CsvRow& row, int column) {
  if (column < 0 || column >= static_cast<int>(row.cells.size())) return "";
  return row.cells[column];
}

bool AllEmpty(const CsvRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const std::string& cell) { return cell.empty(); });
}

// The number after an optional letter prefix ("HV07", "ZT04", "7").
std::optional<int> CodeNumber(const std::string& text, const char* prefix) {
  std::string_view digits = text;
  const std::string_view expected = prefix;
  if (digits.size() > expected.size() &&
      std::equal(expected.begin(), expected.end(), digits.begin(),
                 [](char a, char b) { return std::toupper(static_cast<unsigned char>(b)) == a; })) {
    digits.remove_prefix(expected.size());
  }
  int number = 0;
  const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (status != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    return std::nullopt;
  }
  return number;
}

// A decimal with comma (or point): "-0,1234".
std::optional<double> Decimal(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  const char* begin = text.data() + (text.rfind('+', 0) == 0 ? 1 : 0);
  double value = 0;
  const auto [end, status] = std::from_chars(begin, text.data() + text.size(), value);
  if (status != std::errc() || end != text.data() + text.size() || begin == end)
    return std::nullopt;
  return value;
}

Supercluster SuperclusterOfNumber(int number) {
  if (number <= 8) return Supercluster::kNonPsychotic;
  if (number <= 17) return Supercluster::kPsychotic;
  return Supercluster::kOrganic;
}

std::string TypeCode(int number) { return (number < 10 ? "ZT0" : "ZT") + std::to_string(number); }

// Reading one table needs the same three checks on every row; this keeps
// the tables' own code about their columns.
class RowParser {
 public:
  RowParser(const CsvText& table, const CsvRow& row) : table_(table), row_(row) {}

  std::optional<Error> error;

  int Question(const char* column_name, int column) {
    const std::string text = Cell(row_, column);
    const std::optional<int> number = CodeNumber(text, "HV");
    if (!number || *number < 1 || *number > kItemCount) {
      Fail(column_name, text, "not a HoNOS+ question (HV01-HV19)");
      return 0;
    }
    return *number - 1;
  }

  // 0-4, or 9 (not known); anything else is an error.
  int Answer(const char* column_name, int column) {
    const std::string text = Cell(row_, column);
    const std::optional<int> number = CodeNumber(text, "");
    if (!number || ((*number < 0 || *number > kMaxRating) && *number != 9)) {
      Fail(column_name, text, "not an answer (0-4, or 9 for not known)");
      return 0;
    }
    return *number;
  }

  int Type(const char* column_name, int column) {
    const std::string text = Cell(row_, column);
    const std::optional<int> number = CodeNumber(text, "ZT");
    if (!number || !IsCareCluster(*number)) {
      Fail(column_name, text, "not a zorgvraagtype (ZT01-ZT21; ZT09 is unused)");
      return 0;
    }
    return *number;
  }

  double Number(const char* column_name, int column) {
    const std::string text = Cell(row_, column);
    const std::optional<double> value = Decimal(text);
    if (!value) {
      Fail(column_name, text, "not a number (write decimals as -0,1234)");
      return 0;
    }
    return *value;
  }

 private:
  void Fail(const char* column_name, const std::string& value, std::string message) {
    if (!error) error = RowError(table_, row_.line, column_name, value, std::move(message));
  }

  const CsvText& table_;
  const CsvRow& row_;
};

struct TypeCoefficients {
  std::array<std::array<double, kMaxRating + 1>, kItemCount> value{};
  std::array<std::array<int, kMaxRating + 1>, kItemCount> line{};  // 0 = not given
};

struct ImportState {
  std::map<int, TypeCoefficients> coefficients;  // by cluster number
  std::array<bool, kItemCount> questions_used{};
  std::map<int, double> constants;
  std::vector<RedRule> red_rules;
  std::vector<std::string> warnings;
};

std::string SkippedAnswerWarning(const CsvText& table, int line) {
  return table.file_name + ":" + std::to_string(line) +
         ": answer 9 (not known) skipped: an unknown answer contributes nothing in this model";
}

Status ReadCoefficients(const CsvText& table, ImportState* state) {
  Result<std::vector<CsvRow>> rows = ReadTable(table);
  if (!rows.ok()) return rows.error();
  Result<std::vector<int>> columns =
      MapColumns(table, rows.value()[0],
                 {{"question", {"question", "vraag", "vraagcode", "item"}, true},
                  {"answer", {"answer", "antwoord", "antwoordcode", "rating"}, true},
                  {"zorgvraagtype", {"zorgvraagtype", "type", "zvt", "zorgvraagtypecode"}, true},
                  {"coefficient", {"coefficient", "coef", "waarde", "value"}, true}});
  if (!columns.ok()) return columns.error();
  const std::vector<int>& column = columns.value();
  for (size_t i = 1; i < rows.value().size(); ++i) {
    const CsvRow& row = rows.value()[i];
    if (AllEmpty(row)) continue;
    RowParser parse(table, row);
    const int question = parse.Question("question", column[0]);
    const int answer = parse.Answer("answer", column[1]);
    const int type = parse.Type("zorgvraagtype", column[2]);
    const double coefficient = parse.Number("coefficient", column[3]);
    if (parse.error) return *parse.error;
    if (answer == 9) {
      state->warnings.push_back(SkippedAnswerWarning(table, row.line));
      continue;
    }
    TypeCoefficients& entry = state->coefficients[type];
    if (int first = entry.line[question][answer]; first != 0) {
      return RowError(table, row.line, "", "",
                      TypeCode(type) + " " + ItemCode(question) + " answer " +
                          std::to_string(answer) + " given twice (first on line " +
                          std::to_string(first) + ")");
    }
    entry.value[question][answer] = coefficient;
    entry.line[question][answer] = row.line;
    state->questions_used[question] = true;
  }
  if (state->coefficients.empty()) return FileError(table.file_name, "has no coefficients");
  return Status::Ok();
}

Status ReadConstants(const CsvText& table, const CsvText& coefficients, ImportState* state) {
  Result<std::vector<CsvRow>> rows = ReadTable(table);
  if (!rows.ok()) return rows.error();
  Result<std::vector<int>> columns =
      MapColumns(table, rows.value()[0],
                 {{"zorgvraagtype", {"zorgvraagtype", "type", "zvt", "zorgvraagtypecode"}, true},
                  {"constant", {"constant", "constante", "intercept", "waarde", "value"}, true}});
  if (!columns.ok()) return columns.error();
  std::map<int, int> lines;
  for (size_t i = 1; i < rows.value().size(); ++i) {
    const CsvRow& row = rows.value()[i];
    if (AllEmpty(row)) continue;
    RowParser parse(table, row);
    const int type = parse.Type("zorgvraagtype", columns.value()[0]);
    const double constant = parse.Number("constant", columns.value()[1]);
    if (parse.error) return *parse.error;
    if (lines.count(type) != 0) {
      return RowError(table, row.line, "zorgvraagtype", TypeCode(type),
                      "constant given twice (first on line " + std::to_string(lines[type]) + ")");
    }
    if (state->coefficients.count(type) == 0) {
      return RowError(table, row.line, "zorgvraagtype", TypeCode(type),
                      "has a constant but no coefficients in " + coefficients.file_name);
    }
    lines[type] = row.line;
    state->constants[type] = constant;
  }
  return Status::Ok();
}

// Every type needs a constant and a coefficient for each answer of each
// question the table uses.
Status CheckComplete(const NzaCodeLists& tables, const ImportState& state) {
  for (const auto& [type, entry] : state.coefficients) {
    if (state.constants.count(type) == 0) {
      return FieldError(tables.constants.file_name, 0, "zorgvraagtype", TypeCode(type),
                        "no constant (" + TypeCode(type) + " has coefficients in " +
                            tables.coefficients.file_name + ")");
    }
    for (int question = 0; question < kItemCount; ++question) {
      if (!state.questions_used[question]) continue;
      for (int answer = 0; answer <= kMaxRating; ++answer) {
        if (entry.line[question][answer] != 0) continue;
        return FieldError(
            tables.coefficients.file_name, 0, "zorgvraagtype", TypeCode(type),
            "no coefficient for " + ItemCode(question) + " answer " + std::to_string(answer));
      }
    }
  }
  return Status::Ok();
}

Status ReadRedRules(const CsvText& table, ImportState* state) {
  Result<std::vector<CsvRow>> rows = ReadTable(table);
  if (!rows.ok()) return rows.error();
  Result<std::vector<int>> columns = MapColumns(
      table, rows.value()[0],
      {{"question", {"question", "vraag", "vraagcode", "item", "question1", "vraag1"}, true},
       {"answer", {"answer", "antwoord", "antwoordcode", "rating", "answer1", "antwoord1"}, true},
       {"question 2", {"question2", "vraag2", "tweedevraag", "andquestion"}, false},
       {"answer 2", {"answer2", "antwoord2", "tweedeantwoord", "andanswer"}, false},
       {"zorgvraagtype", {"zorgvraagtype", "type", "zvt", "zorgvraagtypecode"}, true}});
  if (!columns.ok()) return columns.error();
  const std::vector<int>& column = columns.value();
  for (size_t i = 1; i < rows.value().size(); ++i) {
    const CsvRow& row = rows.value()[i];
    if (AllEmpty(row)) continue;
    RowParser parse(table, row);
    RedRule rule;
    rule.first.item = parse.Question("question", column[0]);
    const int answer = parse.Answer("answer", column[1]);
    const bool has_second = !Cell(row, column[2]).empty() || !Cell(row, column[3]).empty();
    int second_answer = 0;
    if (has_second) {
      rule.second.emplace();
      rule.second->item = parse.Question("question 2", column[2]);
      second_answer = parse.Answer("answer 2", column[3]);
    }
    const int type = parse.Type("zorgvraagtype", column[4]);
    if (parse.error) return *parse.error;
    if (answer == 9 || second_answer == 9) {
      state->warnings.push_back(SkippedAnswerWarning(table, row.line));
      continue;
    }
    if (state->coefficients.count(type) == 0) {
      return RowError(table, row.line, "zorgvraagtype", TypeCode(type),
                      "excluded by a red rule but has no coefficients");
    }
    rule.first.rating = static_cast<int8_t>(answer);
    if (rule.second) rule.second->rating = static_cast<int8_t>(second_answer);
    rule.excluded_clusters = {type};
    state->red_rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

std::string ClusterName(int number) {
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    if (profile.cluster == number) return profile.name;
  }
  return TypeCode(number);
}

ClusterModelDefinition BuildDefinition(const NzaCodeLists& tables, const ImportState& state,
                                       const std::string& name, const std::string& version) {
  ClusterModelDefinition definition;
  definition.name = name;
  definition.version = version;
  definition.description = "Imported by clusterpilot model import from the NZa code lists " +
                           tables.coefficients.file_name + ", " + tables.constants.file_name +
                           " and " + tables.red_rules.file_name +
                           ". Conflict rules and thresholds are clusterpilot's defaults.";
  for (const auto& [type, entry] : state.coefficients) {
    ModelCluster& cluster = definition.clusters.emplace_back();
    cluster.number = type;
    cluster.name = ClusterName(type);
    cluster.supercluster = SuperclusterOfNumber(type);
    cluster.constant = state.constants.at(type);
    cluster.coefficients = entry.value;
  }
  definition.red_rules = state.red_rules;
  definition.conflict_rules = DefaultConflictRules();
  return definition;
}

}  // namespace

Result<NzaImport> ImportNzaCodeLists(const NzaCodeLists& tables, const std::string& name,
                                     const std::string& version) {
  ImportState state;
  Status status = ReadCoefficients(tables.coefficients, &state);
  if (status.ok()) status = ReadConstants(tables.constants, tables.coefficients, &state);
  if (status.ok()) status = CheckComplete(tables, state);
  if (status.ok()) status = ReadRedRules(tables.red_rules, &state);
  if (!status.ok()) return status.error();
  Result<ClusterModel> model = ClusterModel::Compile(BuildDefinition(tables, state, name, version));
  if (!model.ok()) return model.error();
  return NzaImport{std::move(model).value(), std::move(state.warnings)};
}

}  // namespace clusterpilot
