// A table of the report as every output format shows it: the numbers after
// small-cell suppression, with the kind of each cell (count, euros,
// percentage) so that HTML, CSV, XLSX and JSON can each write it in their own
// way and never disagree about what is hidden.
#ifndef CLUSTERPILOT_REPORTS_REPORT_TABLE_H_
#define CLUSTERPILOT_REPORTS_REPORT_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clusterpilot {

enum class CellKind : uint8_t {
  kEmpty,  // not applicable (e.g. a percentage of nothing)
  kText,
  kCount,    // whole patients or measurements
  kEuros,    // integer cents
  kPercent,  // a fraction: 0.25 is 25%
  kDecimal,  // a mean, with the column's decimals
};

enum class CellPrivacy : uint8_t {
  kShown,
  kSmall,       // a count below the threshold: shown as "<5"
  kProtective,  // hidden so that a small count cannot be worked out: shown as "x"
};

struct ReportCell {
  CellKind kind = CellKind::kEmpty;
  int64_t integer = 0;  // counts and cents
  double real = 0;      // percentages and decimals
  std::string text;
  CellPrivacy privacy = CellPrivacy::kShown;

  bool Hidden() const { return privacy != CellPrivacy::kShown; }

  static ReportCell Empty() { return ReportCell(); }
  static ReportCell Text(std::string text);
  static ReportCell Count(int64_t count);
  static ReportCell Euros(int64_t cents);
  // A fraction; Empty() when the denominator is 0.
  static ReportCell Percent(int64_t numerator, int64_t denominator);
  static ReportCell Decimal(double value);
};

enum class RowStyle : uint8_t { kNormal, kGroup, kSubtotal, kTotal };

// "normal", "group", "subtotal" or "total": the style as the JSON's "style"
// and the HTML's row class name it.
const char* RowStyleName(RowStyle style);

struct ReportRow {
  std::string key;    // stable, for JSON and tests: "department:Psychosomatics", "cluster:4"
  std::string label;  // what the reader sees in the first column
  RowStyle style = RowStyle::kNormal;
  std::vector<ReportCell> cells;  // one per column
};

struct ReportColumn {
  std::string key;    // stable, for JSON: "patients", "tariff_low"
  std::string label;  // header text
  CellKind kind = CellKind::kCount;
  int decimals = 1;  // for kDecimal and kPercent
};

struct ReportTable {
  std::string id;           // file and sheet stem: "distribution"
  std::string title;        // "Cluster distribution (patients)"
  std::string description;  // one or two sentences on how to read it
  std::string row_header;   // header of the label column: "Department"
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;

  // The cell at `row` and `column`. A position outside the table is a bug in
  // the code that lays the table out: it stops the program with a message
  // naming the table and the position (also in release builds), never reads
  // past the end.
  ReportCell& At(int row, int column);
  const ReportCell& At(int row, int column) const;
  // The cell at `row` in the column keyed `column_key`; an unknown key stops
  // the program with a message naming the table and the key.
  ReportCell& At(int row, const std::string& column_key);
  const ReportCell& At(int row, const std::string& column_key) const;

  int ColumnIndex(const std::string& key) const;  // -1 when absent
  int RowIndex(const std::string& key) const;     // -1 when absent
  // Like ColumnIndex, but an unknown key stops the program as At does.
  int ColumnOf(const std::string& key) const;
  bool Has(CellPrivacy privacy) const;
};

// How a hidden cell reads in every format: "<5" for a small count (with the
// threshold in force), "x" for a protective one; "" for a shown cell.
std::string HiddenMarker(const ReportCell& cell, int suppress_below);
// The same for people reading `column`: in a percentage column a small
// count reads "n<5", so that it is not taken for "less than 5%".
std::string HiddenMarker(const ReportCell& cell, const ReportColumn& column, int suppress_below);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_REPORT_TABLE_H_
