// The report attacked as a careful outsider would: generated institutions
// (small departments included) go through the real binary's import,
// classify and report, and an attacker written here, sharing no code with
// the report's suppression or its audit, reads only the written CSV files and
// the tariff file, builds its own linear program (GLPK) of everything they
// say about the patients per department and cluster (the distribution, the
// revenue tables, the trends, and the transitions matrix with the changes
// and moves tables that sum it, and what the reader knows without a figure:
// re-rated patients are among the month's patients in their cluster), and
// bounds every hidden small count of the distribution and the transitions.
// None may be narrowed to fewer than three values. The default suite
// attacks a few institutions (each is an import, a classification and a
// report); CLUSTERPILOT_ATTACK_INSTITUTIONS=200 runs the full attack.
#include <glpk.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/calendar_month.h"
#include "generator/export_writer.h"
#include "generator/revenue_file_writer.h"
#include "generator/synthetic_institution.h"
#include "tests/support/command_runner.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

constexpr int kProtectionInterval = 3;  // the report's default

using CsvRows = std::vector<std::vector<std::string>>;

// A report CSV: ';'-separated, UTF-8 with a byte order mark, text quoted
// with doubled quotes when it needs it.
CsvRows ReadCsv(const std::string& path) {
  std::string text = ReadFile(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  CsvRows rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(cell);
  while (!rows.empty() && rows.back().empty()) rows.pop_back();
  return rows;
}

// "1.234,56" or "1234,56" -> 123456 cents; "-3" -> -300.
double Cents(const std::string& text) {
  std::string plain;
  for (char c : text) {
    if (c != '.') plain += c == ',' ? '.' : c;
  }
  return std::round(std::stod(plain) * 100.0);
}

// A sum of unknowns with weights: the attacker's view of a published cell.
using Expression = std::map<int, double>;

Expression Plus(Expression a, const Expression& b, double factor = 1) {
  for (const auto& [column, weight] : b) a[column] += weight * factor;
  return a;
}

class OutsideAttacker {
 public:
  OutsideAttacker() : lp_(glp_create_prob()) { glp_term_out(GLP_OFF); }
  ~OutsideAttacker() { glp_delete_prob(lp_); }
  OutsideAttacker(const OutsideAttacker&) = delete;
  OutsideAttacker& operator=(const OutsideAttacker&) = delete;

  // A patient count nobody publishes directly: whole, never negative.
  Expression Unknown() {
    const int column = glp_add_cols(lp_, 1);
    glp_set_col_bnds(lp_, column, GLP_LO, 0, 0);
    return {{column, 1.0}};
  }

  // An amount nobody publishes directly, such as billed revenue: any value.
  Expression FreeUnknown() {
    const int column = glp_add_cols(lp_, 1);
    glp_set_col_bnds(lp_, column, GLP_FR, 0, 0);
    return {{column, 1.0}};
  }

  // What a published count says: its value, 0..k-1 for "<k" (fewer than
  // k), at least k for "x".
  void Count(const Expression& e, const std::string& cell) {
    if (cell.empty()) return;
    if (cell[0] == '<') {
      const int k = std::stoi(cell.substr(1));
      small_limit_ = k;
      Row(e, GLP_DB, 0, k - 1);
    } else if (cell == "x") {
      Row(e, GLP_LO, small_limit_, 0);
    } else {
      Row(e, GLP_FX, std::stod(cell), std::stod(cell));
    }
  }

  // What the reader knows without a figure: `e` is never negative.
  void NotNegative(const Expression& e) { Row(e, GLP_LO, 0, 0); }

  // What a published amount in euros says, when shown.
  void Amount(const Expression& e, const std::string& cell) {
    if (cell.empty() || cell == "x" || cell[0] == '<') return;
    Row(e, GLP_FX, Cents(cell), Cents(cell));
  }

  // The least and the most `e` can be given everything recorded.
  std::pair<double, double> Range(const Expression& e) {
    for (const auto& [column, weight] : e) glp_set_obj_coef(lp_, column, weight);
    const double least = Solve(GLP_MIN);
    const double most = Solve(GLP_MAX);
    for (const auto& [column, weight] : e) glp_set_obj_coef(lp_, column, 0);
    return {least, most};
  }

 private:
  void Row(const Expression& e, int type, double low, double high) {
    std::vector<int> index{0};
    std::vector<double> value{0};
    for (const auto& [column, weight] : e) {
      if (weight == 0) continue;
      index.push_back(column);
      value.push_back(weight);
    }
    if (index.size() == 1) return;
    const int row = glp_add_rows(lp_, 1);
    glp_set_mat_row(lp_, row, static_cast<int>(index.size()) - 1, index.data(), value.data());
    glp_set_row_bnds(lp_, row, type, low, high);
  }

  double Solve(int direction) {
    glp_set_obj_dir(lp_, direction);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    // A warm start can cycle on these degenerate programs (the report's
    // audit met it too): it gets twice the program's size in iterations.
    parameters.it_lim = 2 * (glp_get_num_rows(lp_) + glp_get_num_cols(lp_)) + 100;
    const double unbounded = direction == GLP_MIN ? -HUGE_VAL : HUGE_VAL;
    if (glp_simplex(lp_, &parameters) == 0) {
      if (glp_get_status(lp_) == GLP_OPT) return glp_get_obj_val(lp_);
      if (glp_get_status(lp_) == GLP_UNBND) return unbounded;  // an amount nothing bounds
    }
    // Cents beside counts can defeat the simplex (a feasible program
    // called infeasible from a bad basis): scale, start afresh, presolve.
    glp_scale_prob(lp_, GLP_SF_AUTO);
    glp_std_basis(lp_);
    parameters.it_lim = INT_MAX;
    parameters.presolve = GLP_ON;
    const int solved = glp_simplex(lp_, &parameters);
    if (solved == GLP_ENODFS) return unbounded;  // the presolver's word for it
    EXPECT_EQ(solved, 0);
    if (glp_get_status(lp_) == GLP_UNBND) return unbounded;
    EXPECT_EQ(glp_get_status(lp_), GLP_OPT) << "the published figures contradict each other";
    return glp_get_obj_val(lp_);
  }

  glp_prob* lp_;
  int small_limit_ = 5;
};

struct Tariffs {
  std::map<int, std::array<double, 3>> cents;  // cluster -> low, expected, high
};

Tariffs ReadTariffs(const std::string& path) {
  Tariffs tariffs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || !std::isdigit(static_cast<unsigned char>(line[0]))) {
      continue;
    }
    std::stringstream fields(line);
    std::string cluster, low, expected, high;
    std::getline(fields, cluster, ';');
    std::getline(fields, low, ';');
    std::getline(fields, expected, ';');
    std::getline(fields, high, ';');
    tariffs.cents[std::stoi(cluster)] = {Cents(low), Cents(expected), Cents(high)};
  }
  return tariffs;
}

bool IsCluster(const std::string& label) {
  return !label.empty() && std::isdigit(static_cast<unsigned char>(label[0]));
}

bool Empty(const std::vector<std::string>& row) {
  for (size_t c = 1; c < row.size(); ++c) {
    if (!row[c].empty()) return false;
  }
  return true;
}

// The report's CSV files read by their shape, not their words (a Dutch
// report reads the same): in the distribution, cluster rows start with the
// cluster number, a heading row is empty, a subtotal sums the clusters just
// above it, the rows after the last subtotal are leaves of their own (no
// cluster, the clinician's no cluster, not classified) and the last is the
// total; its columns are the departments, then the institution.
class ReportAttack {
 public:
  ReportAttack(const std::string& folder, const Tariffs& tariffs)
      : folder_(folder), tariffs_(tariffs) {}

  // Reads every CSV the attack uses and records what it says.
  void Read() {
    rows_ = ReadCsv(folder_ + "/distribution.csv");
    ASSERT_GT(rows_.size(), 4u);
    const std::vector<std::string>& header = rows_[0];
    for (size_t c = 1; c + 1 < header.size(); ++c) departments_.push_back(header[c]);
    const int n = static_cast<int>(rows_.size());
    // A subtotal follows its clusters; the rows after the last subtotal and
    // before the total (no cluster, the clinician's no cluster, not
    // classified) are leaves of their own.
    int last_subtotal = 0;
    for (int r = 2; r < n - 1; ++r) {
      if (!IsCluster(rows_[r][0]) && IsCluster(rows_[r - 1][0])) last_subtotal = r;
    }
    for (int r = 1; r < n - 1; ++r) {
      if (IsCluster(rows_[r][0]) || r > last_subtotal) leaf_rows_.push_back(r);
    }
    first_trailing_leaf_ = last_subtotal + 1;
    for (size_t d = 0; d < departments_.size(); ++d) {
      std::map<int, Expression> unknowns;
      for (int r : leaf_rows_) unknowns[r] = attacker_.Unknown();
      leaves_.push_back(unknowns);
    }
    RecordDistribution();
    RecordRevenue();
    RecordDepartmentTotals("activity.csv", 1);
    RecordDepartmentTotals("changes.csv", 1);
    RecordShift();
    RecordBilledRevenue();
    RecordTrends();
    RecordTransitions();
    RecordChanges();
    RecordMoves();
  }

  // Every "<k" of the distribution with the range the attacker finds.
  void ExpectEveryHiddenCountProtected(const std::string& institution) {
    for (size_t r = 1; r < rows_.size(); ++r) {
      for (size_t c = 1; c < rows_[r].size(); ++c) {
        if (rows_[r][c].empty() || rows_[r][c][0] != '<') continue;
        const auto [least, most] = attacker_.Range(CellTerms(static_cast<int>(r), c - 1));
        const double values = std::floor(most + 1e-6) - std::ceil(least - 1e-6) + 1;
        // Pinned to exactly zero: a zero the report hid to protect others
        // (a count of 1 to k-1 always keeps its own value in range). It
        // tells of no patient; what it was to protect is checked itself.
        if (std::floor(most + 1e-6) == 0) continue;
        ++hidden_;
        EXPECT_GE(values, kProtectionInterval)
            << institution << ": distribution row \"" << rows_[r][0] << "\", column \""
            << rows_[0][c] << "\" narrowed to " << least << ".." << most;
      }
    }
  }

  // Every "<k" of the transitions matrix and of the changes table, the
  // same way.
  void ExpectEveryHiddenTransitionProtected(const std::string& institution) {
    for (const HiddenFigure& figure : hidden_transitions_) {
      const auto [least, most] = attacker_.Range(figure.terms);
      if (std::floor(most + 1e-6) == 0) continue;
      ++hidden_;
      const double values = std::floor(most + 1e-6) - std::ceil(least - 1e-6) + 1;
      EXPECT_GE(values, kProtectionInterval)
          << institution << ": " << figure.where << " narrowed to " << least << ".." << most;
    }
  }

  // Every hidden figure of billed revenue alone (the impact table's rated
  // and other patients' revenue, the caseload's billed, valid-cluster and
  // other revenue, the trends' current revenue of the month) must keep a
  // range of at least a euro.
  void ExpectEveryHiddenRevenueProtected(const std::string& institution) {
    for (const RevenueFigure& figure : revenue_figures_) {
      const auto [least, most] = attacker_.Range(figure.terms);
      // Pinned to exactly nothing billed: like a hidden zero count, it
      // tells of no patient (institution 146 of the long run).
      if (std::abs(least) < 0.5 && std::abs(most) < 0.5) continue;
      ++hidden_amounts_;
      EXPECT_GE(most - least, 100) << institution << ": " << figure.where << " worked out as "
                                   << least / 100 << ".." << most / 100 << " euros";
    }
  }

  int hidden() const { return hidden_; }
  int hidden_amounts() const { return hidden_amounts_; }

 private:
  // The rows a row sums: itself (a leaf), the clusters since the heading
  // (a subtotal) or every leaf (the total, the last row).
  std::vector<int> RowLeaves(int r) const {
    const int n = static_cast<int>(rows_.size());
    if (r == n - 1) return leaf_rows_;
    if (IsCluster(rows_[r][0]) || r >= first_trailing_leaf_) return {r};
    std::vector<int> parts;
    for (int p = r - 1; p >= 1 && IsCluster(rows_[p][0]); --p) parts.push_back(p);
    return parts;
  }

  // Department `d`'s cell of row `r`; the institution when d is past the last.
  Expression CellTerms(int r, size_t d) const {
    Expression e;
    for (size_t dep = 0; dep < departments_.size(); ++dep) {
      if (dep != d && d < departments_.size()) continue;
      for (int leaf : RowLeaves(r)) e = Plus(e, leaves_[dep].at(leaf));
    }
    return e;
  }

  // A department's patients with a care cluster, each weighted (or 1).
  Expression Priced(size_t d, int tariff) const {
    Expression e;
    for (size_t dep = 0; dep < departments_.size(); ++dep) {
      if (dep != d && d < departments_.size()) continue;
      for (int leaf : leaf_rows_) {
        if (!IsCluster(rows_[leaf][0])) continue;
        const int cluster = std::stoi(rows_[leaf][0]);
        const double weight = tariff < 0 ? 1.0 : tariffs_.cents.at(cluster)[tariff];
        e = Plus(e, leaves_[dep].at(leaf), weight);
      }
    }
    return e;
  }

  // The transitions of department `d` (every department when d is past the
  // last) that `pick` keeps.
  template <typename Pick>
  Expression Transitions(size_t d, Pick pick) const {
    Expression e;
    for (size_t dep = 0; dep < transitions_.size(); ++dep) {
      if (dep != d && d < transitions_.size()) continue;
      for (const auto& [move, cell] : transitions_[dep]) {
        if (pick(move.first, move.second)) e = Plus(e, cell);
      }
    }
    return e;
  }

  static bool CareMove(int from, int to) { return from >= 1 && to >= 1 && from != to; }

  // The distribution's row of care cluster `cluster`, or -1.
  int ClusterLeaf(int cluster) const {
    for (int leaf : leaf_rows_) {
      if (IsCluster(rows_[leaf][0]) && std::stoi(rows_[leaf][0]) == cluster) return leaf;
    }
    return -1;
  }

  size_t DepartmentNamed(const std::string& name) const {
    for (size_t d = 0; d < departments_.size(); ++d) {
      if (departments_[d] == name) return d;
    }
    return departments_.size();
  }

  // A "<k" cell to check once everything is recorded.
  void RememberHidden(const std::string& cell, const Expression& terms, std::string where) {
    if (!cell.empty() && cell[0] == '<') hidden_transitions_.push_back({terms, std::move(where)});
  }

  // The row of a department-per-row table: its name, or the institution (last).
  size_t DepartmentOfRow(const CsvRows& rows, size_t r) const {
    if (r + 1 == rows.size()) return departments_.size();
    for (size_t d = 0; d < departments_.size(); ++d) {
      if (departments_[d] == rows[r][0]) return d;
    }
    ADD_FAILURE() << "unknown department " << rows[r][0];
    return departments_.size();
  }

  void RecordDistribution() {
    for (size_t r = 1; r < rows_.size(); ++r) {
      if (Empty(rows_[r])) continue;
      for (size_t c = 1; c < rows_[r].size(); ++c) {
        attacker_.Count(CellTerms(static_cast<int>(r), c - 1), rows_[r][c]);
      }
    }
  }

  // Priced patients, then the low, expected and high amounts: counts times tariffs.
  void RecordRevenue() {
    const CsvRows rows = ReadCsv(folder_ + "/cluster_revenue.csv");
    for (size_t r = 1; r < rows.size(); ++r) {
      const size_t d = DepartmentOfRow(rows, r);
      attacker_.Count(Priced(d, -1), rows[r][1]);
      for (int t = 0; t < 3; ++t) attacker_.Amount(Priced(d, t), rows[r][2 + t]);
    }
  }

  // A column holding each department's patients this month (distribution total).
  void RecordDepartmentTotals(const std::string& file, size_t column) {
    if (!std::ifstream(folder_ + "/" + file)) return;
    const CsvRows rows = ReadCsv(folder_ + "/" + file);
    const int total = static_cast<int>(rows_.size()) - 1;
    for (size_t r = 1; r < rows.size(); ++r) {
      attacker_.Count(CellTerms(total, DepartmentOfRow(rows, r)), rows[r][column]);
    }
  }

  // transitions.csv: a row per department and previous cluster ("name ·
  // cluster"), its re-rated patients, their stability (a share), then a
  // column per cluster reached ("→ cluster"). Every cell is an unknown of
  // its own; a row's re-rated patients are their sum. A department's
  // re-rated patients who reached a cluster are among its patients in that
  // cluster this month.
  void RecordTransitions() {
    transitions_.resize(departments_.size());
    if (!std::ifstream(folder_ + "/transitions.csv")) return;
    const CsvRows rows = ReadCsv(folder_ + "/transitions.csv");
    std::vector<int> reached;
    for (size_t c = 3; c < rows[0].size(); ++c) {
      reached.push_back(std::stoi(rows[0][c].substr(rows[0][c].find(' ') + 1)));
    }
    std::map<std::pair<size_t, int>, Expression> arrived;  // department, cluster
    for (size_t r = 1; r < rows.size(); ++r) {
      const size_t dot = rows[r][0].rfind(" \xC2\xB7 ");
      ASSERT_NE(dot, std::string::npos) << rows[r][0];
      const size_t d = DepartmentNamed(rows[r][0].substr(0, dot));
      ASSERT_LT(d, departments_.size());
      const int from = std::stoi(rows[r][0].substr(dot + 4));
      Expression rerated;
      for (size_t k = 0; k < reached.size(); ++k) {
        const Expression cell = attacker_.Unknown();
        transitions_[d][{from, reached[k]}] = cell;
        attacker_.Count(cell, rows[r][3 + k]);
        rerated = Plus(rerated, cell);
        arrived[{d, reached[k]}] = Plus(arrived[{d, reached[k]}], cell);
        RememberHidden(rows[r][3 + k], cell,
                       "transitions row \"" + rows[r][0] + "\", column \"" + rows[0][3 + k] + "\"");
      }
      attacker_.Count(rerated, rows[r][1]);
      RememberHidden(rows[r][1], rerated, "transitions row \"" + rows[r][0] + "\", re-rated");
    }
    for (const auto& [where, patients] : arrived) {
      const int leaf = ClusterLeaf(where.second);
      if (leaf > 0) attacker_.NotNegative(Plus(leaves_[where.first].at(leaf), patients, -1));
    }
  }

  // changes.csv: each department's re-rated patients (every cell of its
  // transitions rows) and moved patients (the cells between two different
  // clusters), the institution's in the last row. Re-rated patients are
  // among the patients rated this month.
  void RecordChanges() {
    if (!std::ifstream(folder_ + "/changes.csv")) return;
    const CsvRows rows = ReadCsv(folder_ + "/changes.csv");
    const int total = static_cast<int>(rows_.size()) - 1;
    for (size_t r = 1; r < rows.size(); ++r) {
      const size_t d = DepartmentOfRow(rows, r);
      const Expression rerated = Transitions(d, [](int, int) { return true; });
      const Expression moved = Transitions(d, CareMove);
      attacker_.Count(rerated, rows[r][2]);
      attacker_.Count(moved, rows[r][3]);
      attacker_.NotNegative(Plus(CellTerms(total, d), rerated, -1));
      RememberHidden(rows[r][2], rerated, "changes row \"" + rows[r][0] + "\", re-rated");
      RememberHidden(rows[r][3], moved, "changes row \"" + rows[r][0] + "\", moved");
    }
  }

  // moves.csv: the listed moves ("from → to") over every department, then
  // the other moves and all moves between two different clusters.
  void RecordMoves() {
    if (!std::ifstream(folder_ + "/moves.csv")) return;
    const CsvRows rows = ReadCsv(folder_ + "/moves.csv");
    const size_t everyone = departments_.size();
    std::vector<std::pair<int, int>> listed;
    for (size_t r = 1; r + 2 < rows.size(); ++r) {
      const std::string& label = rows[r][0];
      const int from = std::stoi(label);
      const int to = std::stoi(label.substr(label.rfind(' ') + 1));
      listed.emplace_back(from, to);
      attacker_.Count(
          Transitions(everyone, [from, to](int f, int t) { return f == from && t == to; }),
          rows[r][1]);
    }
    attacker_.Count(Transitions(everyone,
                                [&listed](int f, int t) {
                                  return CareMove(f, t) &&
                                         std::find(listed.begin(), listed.end(),
                                                   std::make_pair(f, t)) == listed.end();
                                }),
                    rows[rows.size() - 2][1]);
    attacker_.Count(Transitions(everyone, CareMove), rows.back()[1]);
  }

  // The shift's "this month" column repeats the institution column.
  void RecordShift() {
    if (!std::ifstream(folder_ + "/cluster_shift.csv")) return;
    const CsvRows rows = ReadCsv(folder_ + "/cluster_shift.csv");
    ASSERT_EQ(rows.size(), rows_.size());
    for (size_t r = 1; r < rows.size(); ++r) {
      if (Empty(rows[r])) continue;
      attacker_.Count(CellTerms(static_cast<int>(r), departments_.size()), rows[r][3]);
    }
  }

  // The subtotal rows of the distribution, in order (X, Y, Z).
  std::vector<int> SubtotalRows() const {
    std::vector<int> rows;
    for (int r = 2; r < first_trailing_leaf_; ++r) {
      if (!IsCluster(rows_[r][0]) && IsCluster(rows_[r - 1][0])) rows.push_back(r);
    }
    return rows;
  }

  // A department's (or the institution's) patients without a cluster: the
  // leaves after the last subtotal.
  Expression WithoutCluster(size_t d) const {
    Expression e;
    for (int leaf : leaf_rows_) {
      if (leaf >= first_trailing_leaf_) e = Plus(e, CellTerms(leaf, d));
    }
    return e;
  }

  // A department's (or, past the last, the institution's) billed-revenue
  // unknown of `kind`: everything billed, the rated patients', those with a
  // valid cluster, and the caseload's most likely cluster revenue.
  Expression Revenue(size_t d, int kind) {
    if (billed_.empty()) {
      for (size_t dep = 0; dep < departments_.size(); ++dep) {
        billed_.push_back({attacker_.FreeUnknown(), attacker_.FreeUnknown(),
                           attacker_.FreeUnknown(), attacker_.FreeUnknown()});
      }
    }
    Expression e;
    for (size_t dep = 0; dep < departments_.size(); ++dep) {
      if (dep == d || d >= departments_.size()) e = Plus(e, billed_[dep][kind]);
    }
    return e;
  }

  // Records a revenue cell: shown, its value; hidden, a figure to check.
  void RevenueCell(const Expression& e, const std::string& cell, const std::string& where) {
    if (cell == "x" || cell.rfind('<', 0) == 0) {
      revenue_figures_.push_back({e, where});
    } else {
      attacker_.Amount(e, cell);
    }
  }

  // The impact table (patients rated this month) and the caseload table
  // (every billed patient) in terms of each department's billed revenue.
  void RecordBilledRevenue() {
    enum { kAll, kRated, kValid, kMostLikely };
    const CsvRows impact = ReadCsv(folder_ + "/impact.csv");
    for (size_t r = 1; r < impact.size(); ++r) {
      const size_t d = DepartmentOfRow(impact, r);
      const std::string row = "impact.csv row \"" + impact[r][0] + "\"";
      RevenueCell(Revenue(d, kRated), impact[r][2], row + ", rated patients' revenue");
      attacker_.Amount(Priced(d, 1), impact[r][3]);
      attacker_.Amount(Plus(Priced(d, 1), Revenue(d, kRated), -1), impact[r][4]);
      RevenueCell(Plus(Revenue(d, kAll), Revenue(d, kRated), -1), impact[r][9],
                  row + ", other patients' revenue");
    }
    const CsvRows caseload = ReadCsv(folder_ + "/caseload_revenue.csv");
    for (size_t r = 1; r < caseload.size(); ++r) {
      const size_t d = DepartmentOfRow(caseload, r);
      const std::string row = "caseload_revenue.csv row \"" + caseload[r][0] + "\"";
      RevenueCell(Revenue(d, kAll), caseload[r][2], row + ", billed revenue");
      RevenueCell(Revenue(d, kValid), caseload[r][4], row + ", valid-cluster revenue");
      attacker_.Amount(Revenue(d, kMostLikely), caseload[r][5]);
      attacker_.Amount(Plus(Revenue(d, kMostLikely), Revenue(d, kValid), -1), caseload[r][6]);
      RevenueCell(Plus(Revenue(d, kAll), Revenue(d, kValid), -1), caseload[r][11],
                  row + ", revenue without a valid cluster");
    }
  }

  // The trend row `r` of `rows` when it is of `month` ("Department ·
  // 2026-10"): its department, or past the last for the institution (the
  // last twelve rows); nullopt for another month or a department the
  // distribution does not show.
  std::optional<size_t> TrendDepartment(const CsvRows& rows, size_t r,
                                        const std::string& month) const {
    const std::string& label = rows[r][0];
    const std::string suffix = " \xC2\xB7 " + month;
    if (label.size() < suffix.size() ||
        label.compare(label.size() - suffix.size(), suffix.size(), suffix) != 0) {
      return std::nullopt;
    }
    if (r + 12 >= rows.size()) return departments_.size();
    const std::string name = label.substr(0, label.size() - suffix.size());
    for (size_t d = 0; d < departments_.size(); ++d) {
      if (departments_[d] == name) return d;
    }
    return std::nullopt;
  }

  // The trends' rows of the report's month (the latest in them) repeat the
  // month's patients by supercluster, and its priced patients and their
  // expected revenue, per department and for the institution.
  void RecordTrends() {
    if (!std::ifstream(folder_ + "/trends.csv")) return;
    const CsvRows trends = ReadCsv(folder_ + "/trends.csv");
    const CsvRows revenue = ReadCsv(folder_ + "/trend_revenue.csv");
    std::string month;
    for (size_t r = 1; r < trends.size(); ++r) {
      month = std::max(month, trends[r][0].substr(trends[r][0].rfind(' ') + 1));
    }
    const std::vector<int> subtotals = SubtotalRows();
    ASSERT_EQ(subtotals.size(), 3u);
    const int total = static_cast<int>(rows_.size()) - 1;
    for (size_t r = 1; r < trends.size(); ++r) {
      const std::optional<size_t> d = TrendDepartment(trends, r, month);
      if (!d) continue;
      ++trend_rows_;
      attacker_.Count(CellTerms(total, *d), trends[r][1]);
      for (size_t s = 0; s < subtotals.size(); ++s) {
        attacker_.Count(CellTerms(subtotals[s], *d), trends[r][2 + s]);
      }
      attacker_.Count(WithoutCluster(*d), trends[r][5]);
    }
    for (size_t r = 1; r < revenue.size(); ++r) {
      const std::optional<size_t> d = TrendDepartment(revenue, r, month);
      if (!d) continue;
      attacker_.Count(Priced(*d, -1), revenue[r][1]);
      attacker_.Amount(Priced(*d, 1), revenue[r][2]);
      if (revenue[r][3].empty()) continue;  // no revenue file covers the month
      RevenueCell(Revenue(*d, 0), revenue[r][3], "trend_revenue.csv row \"" + revenue[r][0] + "\"");
      attacker_.Amount(Plus(Priced(*d, 1), Revenue(*d, 0), -1), revenue[r][4]);
    }
    EXPECT_EQ(trend_rows_, static_cast<int>(departments_.size()) + 1)
        << "a trend row of " << month << " per department and the institution";
  }

  std::string folder_;
  const Tariffs& tariffs_;
  int trend_rows_ = 0;
  OutsideAttacker attacker_;
  CsvRows rows_;
  std::vector<std::string> departments_;
  std::vector<int> leaf_rows_;
  int first_trailing_leaf_ = 0;
  std::vector<std::map<int, Expression>> leaves_;
  std::vector<std::array<Expression, 4>> billed_;  // per department: see Revenue()
  struct RevenueFigure {
    Expression terms;
    std::string where;
  };
  std::vector<RevenueFigure> revenue_figures_;  // hidden figures of billed revenue
  int hidden_ = 0;
  int hidden_amounts_ = 0;
  struct HiddenFigure {
    Expression terms;
    std::string where;
  };
  std::vector<std::map<std::pair<int, int>, Expression>> transitions_;  // per department
  std::vector<HiddenFigure> hidden_transitions_;
};

// Hidden cells of every CSV of a report: "<k" and "x".
struct HiddenCells {
  int small = 0;
  int protective = 0;
  int amounts = 0;  // hidden figures of billed revenue attacked

  void Count(const std::string& folder) {
    for (const std::filesystem::directory_entry& file :
         std::filesystem::directory_iterator(folder)) {
      if (file.path().extension() != ".csv") continue;
      const CsvRows rows = ReadCsv(file.path().string());
      for (size_t r = 1; r < rows.size(); ++r) {
        for (size_t c = 1; c < rows[r].size(); ++c) {
          small += rows[r][c].rfind('<', 0) == 0 ? 1 : 0;
          protective += rows[r][c] == "x" ? 1 : 0;
        }
      }
    }
  }
};

int Institutions() {
  const char* wanted = std::getenv("CLUSTERPILOT_ATTACK_INSTITUTIONS");
  return wanted != nullptr ? std::atoi(wanted) : 12;
}

// Where the run starts, to go straight to one institution of a long run.
int FirstInstitution() {
  const char* first = std::getenv("CLUSTERPILOT_ATTACK_FIRST");
  return first != nullptr ? std::atoi(first) : 0;
}

// Writes the export and the revenue file of a small synthetic institution.
CalendarMonth GenerateInstitutionFiles(int index, const ScopedTempDir& dir) {
  SyntheticOptions options;
  options.seed = 9000 + static_cast<uint64_t>(index);
  options.patients = 40 + (index * 37) % 360;
  options.departments = 6 + index % 15;
  options.months = 2;
  // A fixed month: the generated ratings, and so the programs the audit
  // solves, are then the same on every day CI runs. (With the month before
  // today, December's CI met a program on which GLPK cycled.)
  options.last_month = CalendarMonth(2026, 11);
  RevenueFileOptions revenue_options;
  revenue_options.first_month = options.last_month.Plus(-1);
  revenue_options.last_month = options.last_month;
  revenue_options.seed = options.seed + 1;
  auto writer = ExportWriter::Create(dir.File("export.csv"));
  auto revenue = RevenueFileWriter::Create(dir.File("revenue.csv"), revenue_options);
  EXPECT_TRUE(writer.ok() && revenue.ok());
  GenerateInstitution(options, [&](const SyntheticMeasurement& synthetic) {
    writer.value()->Write(synthetic.measurement);
    revenue.value()->Add(synthetic);
  });
  EXPECT_TRUE(writer.value()->Finish().ok());
  EXPECT_TRUE(revenue.value()->Finish().ok());
  return options.last_month;
}

void RunReport(const ScopedTempDir& dir, const CalendarMonth& month, const std::string& tariffs) {
  const std::string db = dir.File("store.db");
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"import", "--db", db, dir.File("export.csv")},
        std::vector<std::string>{"classify", "--db", db},
        std::vector<std::string>{"report", "--db", db, "--month", month.Key(), "--tariffs", tariffs,
                                 "--revenue", dir.File("revenue.csv"), "--out",
                                 dir.File("report")}}) {
    const CommandOutcome outcome = RunClusterpilot(command);
    ASSERT_EQ(outcome.exit_code, 0) << command[0] << ": " << outcome.err;
  }
}

std::string DemoTariffFile() {
  return std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv";
}

// Generates institution `index`, reports on it with the real binary and
// attacks the report; returns the hidden small counts it attacked.
int AttackInstitution(int index, const Tariffs& tariffs, HiddenCells* cells) {
  SCOPED_TRACE("institution " + std::to_string(index));
  ScopedTempDir dir;
  const CalendarMonth month = GenerateInstitutionFiles(index, dir);
  RunReport(dir, month, DemoTariffFile());
  if (testing::Test::HasFatalFailure()) return 0;
  ReportAttack attack(dir.File("report"), tariffs);
  attack.Read();
  if (testing::Test::HasFatalFailure()) return 0;
  attack.ExpectEveryHiddenCountProtected("institution " + std::to_string(index));
  attack.ExpectEveryHiddenRevenueProtected("institution " + std::to_string(index));
  attack.ExpectEveryHiddenTransitionProtected("institution " + std::to_string(index));
  cells->Count(dir.File("report"));
  cells->amounts += attack.hidden_amounts();
  return attack.hidden();
}

TEST(DisclosureAttackTest, NoHiddenCountIsNarrowedInGeneratedInstitutions) {
  const Tariffs tariffs = ReadTariffs(DemoTariffFile());
  ASSERT_EQ(tariffs.cents.size(), 20u);
  int hidden = 0;
  HiddenCells cells;
  const int first = FirstInstitution();
  const int institutions = Institutions();
  for (int i = first; i < institutions && !testing::Test::HasFailure(); ++i) {
    // Each institution's time, so that a slow audit shows which one it was.
    const auto started = std::chrono::steady_clock::now();
    hidden += AttackInstitution(i, tariffs, &cells);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::printf("institution %d: %.1f s\n", i, took.count());
  }
  RecordProperty("hidden_counts_attacked", hidden);
  std::printf(
      "attacked %d hidden small counts and %d hidden revenue figures in %d institutions; the "
      "CSV files hide %d cells as \"<k\" and %d as \"x\"\n",
      hidden, cells.amounts, institutions - first, cells.small, cells.protective);
  EXPECT_GT(hidden, institutions - first);  // the attack had something to attack
}

// Institution 119 of the long run stopped the report: a hidden zero was
// pinned to 0 by figures that were all hidden already ("x" cells at their
// least), so no shown figure that pinned it was left to hide. The audit now
// hides a shown neighbour of those hidden figures instead.
TEST(DisclosureAttackTest, APinHeldByHiddenFiguresIsBrokenByANeighbour) {
  HiddenCells cells;
  EXPECT_GT(AttackInstitution(119, ReadTariffs(DemoTariffFile()), &cells), 0);
}

// Institution 146 of the long run stopped the report: a department whose
// one billed patient was billed nothing had its hidden billed revenue pinned
// to zero by zero amounts, which are shown. Nothing billed tells of no
// patient, as a hidden zero count does, so the report is written.
TEST(DisclosureAttackTest, ADepartmentBilledNothingIsNoExposure) {
  HiddenCells cells;
  EXPECT_GT(AttackInstitution(146, ReadTariffs(DemoTariffFile()), &cells), 0);
}

TEST(DisclosureAttackTest, NoHiddenCountIsNarrowedInTheDemo) {
  ScopedTempDir dir;
  const CommandOutcome demo = RunClusterpilot({"demo", "--out", dir.File("demo")});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  const Tariffs tariffs = ReadTariffs(dir.File("demo/tariffs.csv"));
  ReportAttack attack(dir.File("demo/report"), tariffs);
  ASSERT_NO_FATAL_FAILURE(attack.Read());
  attack.ExpectEveryHiddenCountProtected("demo");
  attack.ExpectEveryHiddenRevenueProtected("demo");
  attack.ExpectEveryHiddenTransitionProtected("demo");
  EXPECT_GT(attack.hidden(), 10);
}

}  // namespace
}  // namespace clusterpilot
