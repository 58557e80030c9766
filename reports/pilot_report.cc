#include "reports/pilot_report.h"

#include <algorithm>
#include <cmath>

#include "core/cluster_assignment.h"
#include "core/supercluster.h"

namespace clusterpilot {
namespace {

constexpr size_t kMovesListed = 15;
// Hiding derived cells can make a sum unsafe again and vice versa; both only
// ever hide more, so this settles in two or three rounds on real tables.
constexpr int kMaxPrivacyRounds = 8;

std::string ClusterRowLabel(const ClusterLabel& label) {
  return std::to_string(label.cluster) + " " + label.name;
}

std::string SuperclusterTitle(Supercluster supercluster) {
  std::string name = SuperclusterName(supercluster);
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name + " (" + SuperclusterLetter(supercluster) + ")";
}

ReportColumn Column(std::string key, std::string label, CellKind kind, int decimals = 1) {
  return ReportColumn{std::move(key), std::move(label), kind, decimals};
}

// A table with one row per department and an institution total row.
class DepartmentTable {
 public:
  DepartmentTable(const MonthlyFigures& figures, ReportTable table)
      : figures_(figures), table_(std::move(table)) {
    table_.row_header = "Department";
  }

  // Adds the rows; `cells` gives one department's cells in column order.
  template <typename CellsOf>
  void AddRows(CellsOf cells) {
    for (const DepartmentFigures& department : figures_.departments) {
      table_.rows.push_back(ReportRow{"department:" + department.name, department.name,
                                      RowStyle::kNormal, cells(department)});
    }
    table_.rows.push_back(
        ReportRow{"institution", "Institution", RowStyle::kTotal, cells(figures_.institution)});
  }

  // Column sums (institution = departments) for the named columns.
  std::vector<TableSum> ColumnSums(const std::vector<std::string>& keys) const {
    std::vector<TableSum> sums;
    const int total_row = static_cast<int>(table_.rows.size()) - 1;
    for (const std::string& key : keys) {
      const int column = table_.ColumnIndex(key);
      TableSum sum{{total_row, column}, {}};
      for (int row = 0; row < total_row; ++row) sum.parts.push_back({row, column});
      sums.push_back(sum);
    }
    return sums;
  }

  // Hides each row's `targets` when its `source` is hidden.
  void HideInRows(const std::string& source, const std::vector<std::string>& targets) {
    for (int row = 0; row < static_cast<int>(table_.rows.size()); ++row) {
      for (const std::string& target : targets) {
        HideWith(&table_, {row, table_.ColumnIndex(source)}, {row, table_.ColumnIndex(target)});
      }
    }
  }

  ReportTable& table() { return table_; }

 private:
  const MonthlyFigures& figures_;
  ReportTable table_;
};

class ReportBuilder {
 public:
  ReportBuilder(const MonthlyFigures& figures, int suppress_below, PilotReport* report)
      : figures_(figures), k_(suppress_below), report_(report) {}

  void Build() {
    AddActivity();
    AddHonos();
    AddDistribution();
    AddFit();
    AddOverrides();
    AddClusterRevenue();
    if (!figures_.revenue_file.empty()) AddImpact();
    AddPoorFitRevenue();
    if (figures_.has_previous) {
      AddChanges();
      AddClusterShift();
      AddMoves();
    }
  }

 private:
  // Hides small counts, then protects the sums, then lets `derive` hide what
  // is computed from hidden cells, and protects again until nothing changes.
  template <typename Derive>
  void Publish(ReportTable table, std::vector<TableSum> sums, Derive derive) {
    HideSmallCounts(&table, k_);
    for (int round = 0; round < kMaxPrivacyRounds; ++round) {
      ProtectSums(&table, sums, k_);
      const ReportTable before = table;
      derive(&table);
      if (SamePrivacy(before, table)) break;
    }
    report_->tables.push_back(std::move(table));
    report_->sums.push_back(std::move(sums));
  }

  void Publish(ReportTable table, std::vector<TableSum> sums) {
    Publish(std::move(table), std::move(sums), [](ReportTable*) {});
  }

  static bool SamePrivacy(const ReportTable& a, const ReportTable& b) {
    for (size_t r = 0; r < a.rows.size(); ++r) {
      for (size_t c = 0; c < a.rows[r].cells.size(); ++c) {
        if (a.rows[r].cells[c].privacy != b.rows[r].cells[c].privacy) return false;
      }
    }
    return true;
  }

  const ReportTable& Published(const std::string& id) const { return *report_->Find(id); }

  void AddActivity() {
    const bool revenue = !figures_.revenue_file.empty();
    ReportTable table{"activity",
                      "Patients and measurements",
                      "Patients rated in the month, each counted once per department (their "
                      "latest rating there). Coverage: of the patients with revenue in the month, "
                      "the share with a HoNOS+ rating in that department in the last 12 months.",
                      "",
                      {},
                      {}};
    table.columns = {Column("patients", "Patients", CellKind::kCount),
                     Column("measurements", "Measurements", CellKind::kCount),
                     Column("not_classified", "Not yet classified", CellKind::kCount)};
    if (revenue) {
      table.columns.push_back(
          Column("revenue_patients", "Patients with revenue", CellKind::kCount));
      table.columns.push_back(
          Column("rated_in_last_year", "... rated in last 12 months", CellKind::kCount));
      table.columns.push_back(Column("coverage", "Coverage", CellKind::kPercent));
    }
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([&](const DepartmentFigures& d) {
      std::vector<ReportCell> cells = {ReportCell::Count(d.patients),
                                       ReportCell::Count(d.activity.measurements),
                                       ReportCell::Count(d.activity.not_classified)};
      if (revenue) {
        cells.push_back(ReportCell::Count(d.revenue_patients));
        cells.push_back(ReportCell::Count(d.revenue_patients_rated));
        cells.push_back(ReportCell::Percent(d.revenue_patients_rated, d.revenue_patients));
      }
      return cells;
    });
    std::vector<std::string> summed = {"patients", "measurements", "not_classified"};
    if (revenue) summed.insert(summed.end(), {"revenue_patients", "rated_in_last_year"});
    std::vector<TableSum> sums = rows.ColumnSums(summed);
    Publish(std::move(rows.table()), sums, [&](ReportTable* t) {
      if (!revenue) return;
      DepartmentTable view(figures_, *t);
      view.HideInRows("revenue_patients", {"coverage"});
      view.HideInRows("rated_in_last_year", {"coverage"});
      *t = view.table();
    });
  }

  void AddHonos() {
    ReportTable table{"honos",
                      "HoNOS+ severity",
                      "Mean scores of patients whose items are all rated (a dynamic-route rating "
                      "leaves items unasked). HoNOS total: items 1-12, 0-48.",
                      "",
                      {},
                      {}};
    table.columns = {Column("complete_patients", "Patients fully rated", CellKind::kCount),
                     Column("honos_total", "HoNOS total", CellKind::kDecimal),
                     Column("behaviour", "Behaviour", CellKind::kDecimal),
                     Column("impairment", "Impairment", CellKind::kDecimal),
                     Column("symptoms", "Symptoms", CellKind::kDecimal),
                     Column("social", "Social", CellKind::kDecimal)};
    DepartmentTable rows(figures_, std::move(table));
    const int k = k_;
    rows.AddRows([k](const DepartmentFigures& d) {
      std::vector<ReportCell> cells = {ReportCell::Count(d.honos.complete_patients)};
      auto mean = [k](int64_t n, double value) {
        ReportCell cell = n > 0 ? ReportCell::Decimal(value) : ReportCell::Empty();
        if (n > 0 && n < k) cell.privacy = CellPrivacy::kProtective;  // a mean of few patients
        return cell;
      };
      cells.push_back(mean(d.honos.complete_patients, d.honos.total_mean));
      for (int s = 0; s < kReportedSubscales; ++s) {
        cells.push_back(mean(d.honos.subscale_patients[s], d.honos.subscale_means[s]));
      }
      return cells;
    });
    std::vector<TableSum> sums = rows.ColumnSums({"complete_patients"});
    Publish(std::move(rows.table()), sums);
  }

  // Rows of the cluster tables: per supercluster a heading, its clusters and
  // a subtotal; then no cluster, not classified and the total. `value`
  // gives the cells of one row kind for every column.
  struct ClusterRowPlan {
    std::string key;
    std::string label;
    RowStyle style;
    int cluster = 0;                                  // > 0: a cluster row
    Supercluster supercluster = Supercluster::kNone;  // subtotal rows
  };

  static std::vector<ClusterRowPlan> ClusterRows() {
    std::vector<ClusterRowPlan> plan;
    for (Supercluster s :
         {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
      plan.push_back(
          {"group:" + SuperclusterLetter(s), SuperclusterTitle(s), RowStyle::kGroup, 0, s});
      for (const ClusterLabel& label : ClusterLabels()) {
        if (label.supercluster != s) continue;
        plan.push_back({"cluster:" + std::to_string(label.cluster), ClusterRowLabel(label),
                        RowStyle::kNormal, label.cluster, s});
      }
      plan.push_back({"supercluster:" + SuperclusterLetter(s), SuperclusterTitle(s) + " subtotal",
                      RowStyle::kSubtotal, 0, s});
    }
    plan.push_back({"no_cluster", "No fitting cluster", RowStyle::kNormal, 0, Supercluster::kNone});
    plan.push_back(
        {"not_classified", "Not yet classified", RowStyle::kNormal, 0, Supercluster::kNone});
    plan.push_back({"total", "Total", RowStyle::kTotal, 0, Supercluster::kNone});
    return plan;
  }

  static int64_t CountFor(const ClusterRowPlan& row, const ClusterCounts& counts) {
    if (row.cluster > 0) return counts.by_cluster[row.cluster];
    if (row.style == RowStyle::kSubtotal) return counts.InSupercluster(row.supercluster);
    if (row.key == "no_cluster") return counts.no_cluster;
    if (row.key == "not_classified") return counts.not_classified;
    return counts.Total();
  }

  // Within each column: subtotal = its clusters; total = subtotals + no
  // cluster + not classified.
  static std::vector<TableSum> ClusterColumnSums(const std::vector<ClusterRowPlan>& plan,
                                                 const std::vector<int>& columns) {
    std::vector<TableSum> sums;
    for (int column : columns) {
      TableSum total{{static_cast<int>(plan.size()) - 1, column}, {}};
      TableSum subtotal;
      for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
        if (plan[row].cluster > 0) subtotal.parts.push_back({row, column});
        if (plan[row].style == RowStyle::kSubtotal) {
          subtotal.total = {row, column};
          sums.push_back(subtotal);
          subtotal = TableSum();
          total.parts.push_back({row, column});
        }
        if (plan[row].key == "no_cluster" || plan[row].key == "not_classified") {
          total.parts.push_back({row, column});
        }
      }
      sums.push_back(total);
    }
    return sums;
  }

  void AddDistribution() {
    const std::vector<ClusterRowPlan> plan = ClusterRows();
    ReportTable counts{"distribution",
                       "Cluster distribution (patients)",
                       "Patients per care cluster, using the clinician's cluster where a clinician "
                       "confirmed or changed the classifier's.",
                       "Cluster",
                       {},
                       {}};
    std::vector<const DepartmentFigures*> columns;
    for (const DepartmentFigures& d : figures_.departments) columns.push_back(&d);
    columns.push_back(&figures_.institution);
    for (const DepartmentFigures* d : columns) {
      const bool total = d == &figures_.institution;
      counts.columns.push_back(Column(total ? "institution" : "department:" + d->name,
                                      total ? "Institution" : d->name, CellKind::kCount));
    }
    for (const ClusterRowPlan& row : plan) {
      ReportRow out{row.key, row.label, row.style, {}};
      for (const DepartmentFigures* d : columns) {
        out.cells.push_back(row.style == RowStyle::kGroup
                                ? ReportCell::Empty()
                                : ReportCell::Count(CountFor(row, d->clusters)));
      }
      counts.rows.push_back(std::move(out));
    }
    std::vector<int> all_columns(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) all_columns[c] = static_cast<int>(c);
    std::vector<TableSum> sums = ClusterColumnSums(plan, all_columns);
    const int institution = static_cast<int>(columns.size()) - 1;
    for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
      if (plan[row].style == RowStyle::kGroup) continue;
      TableSum across{{row, institution}, {}};
      for (int c = 0; c < institution; ++c) across.parts.push_back({row, c});
      sums.push_back(across);
    }
    Publish(counts, sums);

    const ReportTable& shown = Published("distribution");
    ReportTable percent = shown;
    percent.id = "distribution_percent";
    percent.title = "Cluster distribution (% of the department's patients)";
    percent.description = "The same distribution as percentages of each column's total.";
    const int total_row = static_cast<int>(plan.size()) - 1;
    for (ReportColumn& column : percent.columns) column.kind = CellKind::kPercent;
    for (int row = 0; row < static_cast<int>(plan.size()); ++row) {
      for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        const ReportCell& count = shown.At(row, c);
        ReportCell& cell = percent.At(row, c);
        if (count.kind != CellKind::kCount) continue;
        cell = ReportCell::Percent(count.integer, shown.At(total_row, c).integer);
        if (count.Hidden() || shown.At(total_row, c).Hidden()) {
          cell.privacy = count.Hidden() ? count.privacy : CellPrivacy::kProtective;
          if (cell.kind == CellKind::kEmpty) cell.privacy = CellPrivacy::kShown;
        }
      }
    }
    report_->tables.push_back(std::move(percent));
    report_->sums.push_back({});
  }

  void AddFit() {
    ReportTable table{"fit",
                      "Poorly fitting profiles",
                      "Patients the classifier flagged, per flag (a patient can carry several). "
                      "Poor fit: atypical, no fitting cluster or supercluster conflict.",
                      "",
                      {},
                      {}};
    table.columns = {Column("classified", "Patients classified", CellKind::kCount)};
    for (uint32_t flag : kAllFitFlags) {
      std::string label(FitFlagName(flag));
      std::replace(label.begin(), label.end(), '_', ' ');
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
      table.columns.push_back(Column(std::string(FitFlagName(flag)), label, CellKind::kCount));
    }
    table.columns.push_back(Column("poor_fit", "Poor fit (any)", CellKind::kCount));
    table.columns.push_back(Column("poor_fit_share", "Poor fit share", CellKind::kPercent));
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      std::vector<ReportCell> cells = {ReportCell::Count(d.fit.classified)};
      for (int64_t count : d.fit.by_flag) cells.push_back(ReportCell::Count(count));
      cells.push_back(ReportCell::Count(d.fit.poor_fit));
      cells.push_back(ReportCell::Percent(d.fit.poor_fit, d.fit.classified));
      return cells;
    });
    std::vector<std::string> summed = {"classified", "poor_fit"};
    for (uint32_t flag : kAllFitFlags) summed.emplace_back(FitFlagName(flag));
    std::vector<TableSum> sums = rows.ColumnSums(summed);
    Publish(std::move(rows.table()), sums, [&](ReportTable* t) {
      DepartmentTable view(figures_, *t);
      view.HideInRows("poor_fit", {"poor_fit_share"});
      view.HideInRows("classified", {"poor_fit_share"});
      *t = view.table();
    });
    AddFitRanking();
  }

  // The departments where the model fits worst, from the published fit table.
  void AddFitRanking() {
    const ReportTable& fit = Published("fit");
    const int share = fit.ColumnIndex("poor_fit_share");
    std::vector<int> ranked;
    for (int row = 0; row + 1 < static_cast<int>(fit.rows.size()); ++row) {
      const ReportCell& cell = fit.At(row, share);
      if (cell.kind == CellKind::kPercent && !cell.Hidden()) ranked.push_back(row);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](int a, int b) { return fit.At(a, share).real > fit.At(b, share).real; });
    ReportTable table{"fit_ranking",
                      "Where the model fits worst",
                      "Departments ranked by their share of poorly fitting patients (departments "
                      "whose numbers are hidden are left out).",
                      "Department",
                      {},
                      {}};
    table.columns = {Column("poor_fit_share", "Poor fit share", CellKind::kPercent),
                     Column("poor_fit", "Poor fit (any)", CellKind::kCount),
                     Column("classified", "Patients classified", CellKind::kCount)};
    for (int row : ranked) {
      table.rows.push_back(ReportRow{fit.rows[row].key,
                                     fit.rows[row].label,
                                     RowStyle::kNormal,
                                     {fit.At(row, share), fit.At(row, fit.ColumnIndex("poor_fit")),
                                      fit.At(row, fit.ColumnIndex("classified"))}});
    }
    report_->tables.push_back(std::move(table));
    report_->sums.push_back({});
  }

  void AddOverrides() {
    ReportTable table{"overrides",
                      "Clinician review of the classification",
                      "Per measurement. Override rate: of the measurements a clinician reviewed, "
                      "the share where the clinician chose another cluster than the algorithm.",
                      "",
                      {},
                      {}};
    table.columns = {Column("classified_measurements", "Measurements classified", CellKind::kCount),
                     Column("reviewed", "Reviewed by a clinician", CellKind::kCount),
                     Column("confirmed", "Confirmed", CellKind::kCount),
                     Column("changed", "Changed", CellKind::kCount),
                     Column("override_rate", "Override rate", CellKind::kPercent),
                     Column("review_share", "Share reviewed", CellKind::kPercent)};
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      const int64_t classified = d.activity.measurements - d.activity.not_classified;
      return std::vector<ReportCell>{ReportCell::Count(classified),
                                     ReportCell::Count(d.activity.reviewed),
                                     ReportCell::Count(d.activity.reviewed - d.activity.changed),
                                     ReportCell::Count(d.activity.changed),
                                     ReportCell::Percent(d.activity.changed, d.activity.reviewed),
                                     ReportCell::Percent(d.activity.reviewed, classified)};
    });
    std::vector<TableSum> sums =
        rows.ColumnSums({"classified_measurements", "reviewed", "confirmed", "changed"});
    const ReportTable& t = rows.table();
    for (int row = 0; row < static_cast<int>(t.rows.size()); ++row) {
      sums.push_back(
          TableSum{{row, t.ColumnIndex("reviewed")},
                   {{row, t.ColumnIndex("confirmed")}, {row, t.ColumnIndex("changed")}}});
    }
    Publish(std::move(rows.table()), sums, [&](ReportTable* out) {
      DepartmentTable view(figures_, *out);
      view.HideInRows("changed", {"override_rate"});
      view.HideInRows("reviewed", {"override_rate", "review_share"});
      view.HideInRows("classified_measurements", {"review_share"});
      *out = view.table();
    });
  }

  void AddClusterRevenue() {
    ReportTable table{"cluster_revenue",
                      "Cluster revenue per month (price scenarios and interval)",
                      "Each patient with a cluster paid that cluster's tariff. Low/expected/high: "
                      "all clusters at that tariff. Interval: Monte Carlo over prices "
                      "(triangular) and over the classifier's probabilities for patients no "
                      "clinician reviewed. Intervals do not add up across departments; the "
                      "scenario sums do.",
                      "",
                      {},
                      {}};
    table.columns = {Column("priced_patients", "Patients with a cluster", CellKind::kCount),
                     Column("tariff_low", "Low", CellKind::kEuros),
                     Column("tariff_expected", "Expected", CellKind::kEuros),
                     Column("tariff_high", "High", CellKind::kEuros),
                     Column("mean", "Interval mean", CellKind::kEuros),
                     Column("p5", "p5", CellKind::kEuros),
                     Column("p50", "p50", CellKind::kEuros),
                     Column("p95", "p95", CellKind::kEuros)};
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      return std::vector<ReportCell>{ReportCell::Count(d.scenario.priced_patients),
                                     ReportCell::Euros(d.scenario.low_cents),
                                     ReportCell::Euros(d.scenario.expected_cents),
                                     ReportCell::Euros(d.scenario.high_cents),
                                     ReportCell::Euros(std::llround(d.interval.mean_cents)),
                                     ReportCell::Euros(d.interval.p5_cents),
                                     ReportCell::Euros(d.interval.p50_cents),
                                     ReportCell::Euros(d.interval.p95_cents)};
    });
    std::vector<TableSum> sums =
        rows.ColumnSums({"priced_patients", "tariff_low", "tariff_expected", "tariff_high"});
    Publish(std::move(rows.table()), sums, [&](ReportTable* out) {
      DepartmentTable view(figures_, *out);
      view.HideInRows("priced_patients",
                      {"tariff_low", "tariff_expected", "tariff_high", "mean", "p5", "p50", "p95"});
      view.HideInRows("tariff_expected", {"tariff_low", "tariff_high", "mean", "p5", "p50", "p95"});
      *out = view.table();
    });
  }

  void AddImpact() {
    const ReportTable& revenue = Published("cluster_revenue");
    ReportTable table{"impact",
                      "Cluster revenue against current revenue",
                      "Over the same patients: those rated in the month, whose cluster is known. "
                      "Current revenue is what the revenue file bills for them; the difference is "
                      "expected cluster revenue minus that, with the Monte Carlo interval. Revenue "
                      "of patients not rated this month is shown apart.",
                      "",
                      {},
                      {}};
    table.columns = {
        Column("rated_revenue_patients", "Rated patients with revenue", CellKind::kCount),
        Column("current", "Their current revenue", CellKind::kEuros),
        Column("expected", "Cluster revenue (expected)", CellKind::kEuros),
        Column("difference", "Difference", CellKind::kEuros),
        Column("difference_percent", "Relative difference", CellKind::kPercent),
        Column("difference_p5", "Difference p5", CellKind::kEuros),
        Column("difference_p95", "Difference p95", CellKind::kEuros),
        Column("unrated_patients", "Patients with revenue, not rated this month", CellKind::kCount),
        Column("unrated_revenue", "Their revenue", CellKind::kEuros)};
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      const int64_t current = d.rated_revenue_cents;
      const int64_t difference = d.scenario.expected_cents - current;
      return std::vector<ReportCell>{
          ReportCell::Count(d.rated_revenue_patients),
          ReportCell::Euros(current),
          ReportCell::Euros(d.scenario.expected_cents),
          ReportCell::Euros(difference),
          ReportCell::Percent(difference, current),
          ReportCell::Euros(d.interval.p5_cents - current),
          ReportCell::Euros(d.interval.p95_cents - current),
          ReportCell::Count(d.revenue_patients - d.rated_revenue_patients),
          ReportCell::Euros(d.current_revenue_cents - d.rated_revenue_cents)};
    });
    ReportTable& t = rows.table();
    const int expected_source = revenue.ColumnIndex("tariff_expected");
    for (int row = 0; row < static_cast<int>(t.rows.size()); ++row) {
      if (revenue.At(row, expected_source).Hidden()) {
        t.At(row, t.ColumnIndex("expected")).privacy = CellPrivacy::kProtective;
      }
    }
    std::vector<TableSum> sums =
        rows.ColumnSums({"rated_revenue_patients", "current", "expected", "difference",
                         "unrated_patients", "unrated_revenue"});
    for (int row = 0; row < static_cast<int>(t.rows.size()); ++row) {
      // expected = current + difference: one hidden amount must not be the only one.
      sums.push_back(
          TableSum{{row, t.ColumnIndex("expected")},
                   {{row, t.ColumnIndex("current")}, {row, t.ColumnIndex("difference")}}});
    }
    Publish(std::move(rows.table()), sums, [&](ReportTable* out) {
      DepartmentTable view(figures_, *out);
      view.HideInRows("rated_revenue_patients", {"current"});
      view.HideInRows("unrated_patients", {"unrated_revenue"});
      for (const char* source : {"current", "expected", "difference"}) {
        view.HideInRows(source, {"difference_percent", "difference_p5", "difference_p95"});
      }
      *out = view.table();
    });
  }

  void AddPoorFitRevenue() {
    ReportTable table{"poor_fit_revenue",
                      "Revenue riding on poorly fitting patients",
                      "The expected cluster revenue of patients flagged as fitting the model "
                      "poorly: the least reliable part of the estimate.",
                      "",
                      {},
                      {}};
    table.columns = {
        Column("poor_fit_patients", "Poorly fitting patients with a cluster", CellKind::kCount),
        Column("poor_fit_expected", "Their expected revenue", CellKind::kEuros),
        Column("share_of_expected", "Share of expected revenue", CellKind::kPercent)};
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      return std::vector<ReportCell>{
          ReportCell::Count(d.scenario.poor_fit_patients),
          ReportCell::Euros(d.scenario.poor_fit_expected_cents),
          ReportCell::Percent(d.scenario.poor_fit_expected_cents, d.scenario.expected_cents)};
    });
    std::vector<TableSum> sums = rows.ColumnSums({"poor_fit_patients", "poor_fit_expected"});
    Publish(std::move(rows.table()), sums, [&](ReportTable* out) {
      DepartmentTable view(figures_, *out);
      view.HideInRows("poor_fit_patients", {"poor_fit_expected", "share_of_expected"});
      view.HideInRows("poor_fit_expected", {"share_of_expected"});
      *out = view.table();
    });
  }

  void AddChanges() {
    ReportTable table{"changes",
                      "Change since " + figures_.previous_month.Name(),
                      "Patients rated in both months in the same department, and those whose "
                      "cluster changed (both months with a cluster).",
                      "",
                      {},
                      {}};
    table.columns = {Column("previous_patients", "Patients previous month", CellKind::kCount),
                     Column("patients", "Patients this month", CellKind::kCount),
                     Column("in_both_months", "Rated in both months", CellKind::kCount),
                     Column("moved", "Moved cluster", CellKind::kCount),
                     Column("moved_share", "Share moved", CellKind::kPercent)};
    DepartmentTable rows(figures_, std::move(table));
    rows.AddRows([](const DepartmentFigures& d) {
      return std::vector<ReportCell>{
          ReportCell::Count(d.change.previous_patients), ReportCell::Count(d.patients),
          ReportCell::Count(d.change.in_both_months), ReportCell::Count(d.change.moved),
          ReportCell::Percent(d.change.moved, d.change.in_both_months)};
    });
    std::vector<TableSum> sums =
        rows.ColumnSums({"previous_patients", "patients", "in_both_months", "moved"});
    Publish(std::move(rows.table()), sums, [&](ReportTable* out) {
      DepartmentTable view(figures_, *out);
      view.HideInRows("moved", {"moved_share"});
      view.HideInRows("in_both_months", {"moved_share"});
      *out = view.table();
    });
  }

  void AddClusterShift() {
    const std::vector<ClusterRowPlan> plan = ClusterRows();
    ReportTable table{"cluster_shift",
                      "Distribution shift since " + figures_.previous_month.Name(),
                      "Institution-wide patients per cluster in both months; change in "
                      "percentage points of all patients.",
                      "Cluster",
                      {},
                      {}};
    table.columns = {Column("previous", "Previous month", CellKind::kCount),
                     Column("previous_percent", "Previous %", CellKind::kPercent),
                     Column("current", "This month", CellKind::kCount),
                     Column("current_percent", "This month %", CellKind::kPercent),
                     Column("change_points", "Change (points)", CellKind::kDecimal)};
    const ClusterCounts& before = figures_.previous_clusters;
    const ClusterCounts& now = figures_.institution.clusters;
    for (const ClusterRowPlan& row : plan) {
      ReportRow out{row.key, row.label, row.style, {}};
      if (row.style == RowStyle::kGroup) {
        out.cells.assign(table.columns.size(), ReportCell::Empty());
      } else {
        const int64_t a = CountFor(row, before);
        const int64_t b = CountFor(row, now);
        const ReportCell pa = ReportCell::Percent(a, before.Total());
        const ReportCell pb = ReportCell::Percent(b, now.Total());
        ReportCell change = ReportCell::Empty();
        if (pa.kind == CellKind::kPercent && pb.kind == CellKind::kPercent) {
          change = ReportCell::Decimal((pb.real - pa.real) * 100.0);
        }
        out.cells = {ReportCell::Count(a), pa, ReportCell::Count(b), pb, change};
      }
      table.rows.push_back(std::move(out));
    }
    std::vector<TableSum> sums = ClusterColumnSums(plan, {0, 2});
    Publish(std::move(table), sums, [](ReportTable* out) {
      for (int row = 0; row < static_cast<int>(out->rows.size()); ++row) {
        HideWith(out, {row, 0}, {row, 1});
        HideWith(out, {row, 2}, {row, 3});
        HideWith(out, {row, 1}, {row, 4});
        HideWith(out, {row, 3}, {row, 4});
      }
    });
  }

  void AddMoves() {
    ReportTable table{"moves",
                      "Moves between clusters since " + figures_.previous_month.Name(),
                      "The most frequent moves of patients rated in both months; moves of fewer "
                      "patients are counted together.",
                      "From cluster to cluster",
                      {},
                      {}};
    table.columns = {Column("patients", "Patients", CellKind::kCount)};
    std::vector<std::pair<std::pair<int, int>, int64_t>> moves(figures_.moves.begin(),
                                                               figures_.moves.end());
    std::stable_sort(moves.begin(), moves.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    int64_t other = 0;
    int64_t all = 0;
    for (const auto& [clusters, patients] : moves) {
      all += patients;
      if (patients < k_ || table.rows.size() >= kMovesListed) {
        other += patients;
        continue;
      }
      const std::string label =
          std::to_string(clusters.first) + " \xE2\x86\x92 " + std::to_string(clusters.second);
      table.rows.push_back(ReportRow{
          "move:" + std::to_string(clusters.first) + "-" + std::to_string(clusters.second),
          label,
          RowStyle::kNormal,
          {ReportCell::Count(patients)}});
    }
    table.rows.push_back(
        ReportRow{"other_moves", "Other moves", RowStyle::kNormal, {ReportCell::Count(other)}});
    table.rows.push_back(
        ReportRow{"all_moves", "All moves", RowStyle::kTotal, {ReportCell::Count(all)}});
    TableSum sum{{static_cast<int>(table.rows.size()) - 1, 0}, {}};
    for (int row = 0; row + 1 < static_cast<int>(table.rows.size()); ++row)
      sum.parts.push_back({row, 0});
    Publish(std::move(table), {sum});
  }

  const MonthlyFigures& figures_;
  const int k_;
  PilotReport* report_;
};

}  // namespace

const ReportTable* PilotReport::Find(const std::string& id) const {
  for (const ReportTable& table : tables) {
    if (table.id == id) return &table;
  }
  return nullptr;
}

PilotReport BuildPilotReport(const MonthlyFigures& figures, int suppress_below,
                             const std::string& generated_at) {
  PilotReport report;
  report.month_key = figures.month.Key();
  report.month_name = figures.month.Name();
  if (figures.has_previous) report.previous_month_name = figures.previous_month.Name();
  if (figures.model.id != 0) report.model = figures.model.name + " " + figures.model.version;
  report.tariff_file = figures.tariff_file;
  report.revenue_file = figures.revenue_file;
  report.generated_at = generated_at;
  report.suppress_below = suppress_below;
  report.draws = figures.monte_carlo.draws;
  report.seed = figures.monte_carlo.seed;
  report.warnings = figures.warnings;
  ReportBuilder(figures, suppress_below, &report).Build();
  return report;
}

}  // namespace clusterpilot
