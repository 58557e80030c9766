#include "reports/disclosure_audit.h"

#include <gtest/gtest.h>

#include <tuple>

#include "reports/disclosure_statement.h"

namespace clusterpilot {
namespace {

// One department: patients in clusters a ("<5") and b ("x"), their total
// (shown) and the revenue (a at 100 euros, b at 300 euros).
struct Department {
  std::vector<ReportTable> tables;
  std::vector<TableRelations> relations;
};

QuantityTerm Patients(const std::string& cluster, double weight = 1) {
  return {"patients/" + cluster, weight, true};
}

Department SmallDepartment(int64_t a, int64_t b, CellPrivacy revenue_privacy) {
  ReportTable counts;
  counts.id = "distribution";
  counts.columns = {{"patients", "Patients", CellKind::kCount, 1}};
  counts.rows = {{"a", "a", RowStyle::kNormal, {ReportCell::Count(a)}},
                 {"b", "b", RowStyle::kNormal, {ReportCell::Count(b)}},
                 {"total", "Total", RowStyle::kTotal, {ReportCell::Count(a + b)}}};
  counts.At(0, 0).privacy = CellPrivacy::kSmall;
  counts.At(1, 0).privacy = CellPrivacy::kProtective;
  TableRelations count_meanings;
  count_meanings.meanings = {{{0, 0}, {Patients("a")}},
                             {{1, 0}, {Patients("b")}},
                             {{2, 0}, {Patients("a"), Patients("b")}}};
  ReportTable revenue;
  revenue.id = "cluster_revenue";
  revenue.columns = {{"expected", "Expected", CellKind::kEuros, 1}};
  revenue.rows = {
      {"department", "Department", RowStyle::kNormal, {ReportCell::Euros(a * 10000 + b * 30000)}}};
  revenue.At(0, 0).privacy = revenue_privacy;
  TableRelations revenue_meanings;
  revenue_meanings.meanings = {{{0, 0}, {Patients("a", 10000), Patients("b", 30000)}}};
  return {{counts, revenue}, {count_meanings, revenue_meanings}};
}

TEST(DisclosureAuditTest, AnAmountOverHiddenCountsGivesThemAway) {
  // The total (9) and 2 x 100 + 7 x 300 = 2300 euros: two equations pin
  // both hidden counts.
  const Department department = SmallDepartment(2, 7, CellPrivacy::kShown);
  Result<DisclosureAudit> audit = AuditDisclosure(department.tables, department.relations, {});
  ASSERT_TRUE(audit.ok()) << audit.error().ToString();
  EXPECT_EQ(audit.value().audited_cells, 1);
  EXPECT_EQ(audit.value().constraints, 4);
  ASSERT_EQ(audit.value().exposures.size(), 1u);
  const CellExposure& exposure = audit.value().exposures[0];
  EXPECT_EQ(exposure.cell.table, 0);
  EXPECT_EQ(exposure.cell.cell.row, 0);
  EXPECT_EQ(exposure.low, 2);
  EXPECT_EQ(exposure.high, 2);
  // A count before an amount: the total is hidden next.
  const std::vector<PublishedCell> picks = ComplementaryCells(department.tables, audit.value());
  ASSERT_EQ(picks.size(), 1u);
  EXPECT_EQ(picks[0].table, 0);
  EXPECT_EQ(picks[0].cell.row, 2);
}

TEST(DisclosureAuditTest, HidingTheAmountProtectsTheCount) {
  const Department department = SmallDepartment(2, 7, CellPrivacy::kProtective);
  Result<DisclosureAudit> audit = AuditDisclosure(department.tables, department.relations, {});
  ASSERT_TRUE(audit.ok()) << audit.error().ToString();
  EXPECT_TRUE(audit.value().exposures.empty());
  EXPECT_EQ(audit.value().narrowest, 5);  // 0..4: "<5" says no more
}

TEST(DisclosureAuditTest, ContradictingFiguresAreABugThatStopsTheReport) {
  Department department = SmallDepartment(2, 7, CellPrivacy::kShown);
  department.tables[1].At(0, 0).integer = 1;  // one cent: no counts give it
  Result<DisclosureAudit> audit = AuditDisclosure(department.tables, department.relations, {});
  ASSERT_FALSE(audit.ok());
  EXPECT_EQ(audit.error().ToString(),
            "table \"cluster_revenue\": the disclosure audit found the published figures "
            "contradicting each other; the report is not written (a bug: please report it)");
}

// The exposures of an audit as cell and range, to compare two audits.
std::vector<std::tuple<int, int, int, int64_t, int64_t>> Exposed(const DisclosureAudit& audit) {
  std::vector<std::tuple<int, int, int, int64_t, int64_t>> exposed;
  for (const CellExposure& e : audit.exposures) {
    exposed.emplace_back(e.cell.table, e.cell.cell.row, e.cell.cell.column, e.low, e.high);
  }
  return exposed;
}

// Audits with `auditor` and again afresh, expects the same verdict from
// both, and returns the auditor's.
DisclosureAudit AuditBothWays(DisclosureAuditor& auditor, const Department& department) {
  Result<DisclosureAudit> kept = auditor.Audit(department.tables, department.relations);
  Result<DisclosureAudit> fresh = AuditDisclosure(department.tables, department.relations, {});
  EXPECT_TRUE(kept.ok() && fresh.ok());
  if (!kept.ok() || !fresh.ok()) return {};
  EXPECT_EQ(Exposed(kept.value()), Exposed(fresh.value()));
  EXPECT_EQ(kept.value().audited_cells, fresh.value().audited_cells);
  EXPECT_EQ(kept.value().constraints, fresh.value().constraints);
  return kept.value();
}

TEST(DisclosureAuditorTest, LoosensItsProgramWhenTheNextRoundOnlyHidesMore) {
  Department department = SmallDepartment(2, 7, CellPrivacy::kShown);
  DisclosureAuditor auditor({});
  EXPECT_EQ(AuditBothWays(auditor, department).exposures.size(), 1u);
  EXPECT_FALSE(auditor.ReusedProgram());
  // The pick of the first test above: the total, hidden as "x". Now
  // 100 a + 300 b = 2300 with b at least 5 leaves a anywhere in 0..4.
  department.tables[0].At(2, 0).privacy = CellPrivacy::kProtective;
  const DisclosureAudit second = AuditBothWays(auditor, department);
  EXPECT_TRUE(auditor.ReusedProgram());
  EXPECT_TRUE(second.exposures.empty());
  EXPECT_EQ(second.narrowest, 5);
}

// A figure shown again can pin what an earlier round showed protected:
// that round's witnesses no longer lie within what the reader knows.
TEST(DisclosureAuditorTest, StartsAfreshWhenAHiddenFigureIsShownAgain) {
  Department department = SmallDepartment(2, 7, CellPrivacy::kShown);
  department.tables[0].At(2, 0).privacy = CellPrivacy::kProtective;
  DisclosureAuditor auditor({});
  EXPECT_TRUE(AuditBothWays(auditor, department).exposures.empty());
  department.tables[0].At(2, 0).privacy = CellPrivacy::kShown;
  const DisclosureAudit second = AuditBothWays(auditor, department);
  EXPECT_FALSE(auditor.ReusedProgram());
  ASSERT_EQ(second.exposures.size(), 1u);
  EXPECT_EQ(second.exposures[0].low, 2);
  EXPECT_EQ(second.exposures[0].high, 2);
}

TEST(DisclosureAuditorTest, StartsAfreshWhenTheFiguresOrTheirMeaningsDiffer) {
  DisclosureAuditor auditor({});
  AuditBothWays(auditor, SmallDepartment(2, 7, CellPrivacy::kShown));
  // The same cells hidden the same way, other true values: 3 and 6.
  EXPECT_EQ(AuditBothWays(auditor, SmallDepartment(3, 6, CellPrivacy::kShown)).exposures.size(),
            1u);
  EXPECT_FALSE(auditor.ReusedProgram());
  AuditBothWays(auditor, SmallDepartment(3, 6, CellPrivacy::kShown));
  EXPECT_TRUE(auditor.ReusedProgram());
  // The revenue priced at 400 euros for b instead of 300.
  Department repriced = SmallDepartment(3, 6, CellPrivacy::kShown);
  repriced.relations[1].meanings[0].terms[1].weight = 40000;
  repriced.tables[1].At(0, 0).integer = 3 * 10000 + 6 * 40000;
  AuditBothWays(auditor, repriced);
  EXPECT_FALSE(auditor.ReusedProgram());
  AuditBothWays(auditor, repriced);
  EXPECT_TRUE(auditor.ReusedProgram());
  // Cluster a's patients read as an amount (which may be negative) rather
  // than a count: the program's bounds on that quantity no longer hold.
  Department amounts = repriced;
  for (TableRelations& relations : amounts.relations) {
    for (CellMeaning& meaning : relations.meanings) {
      for (QuantityTerm& term : meaning.terms) term.count = term.quantity != "patients/a";
    }
  }
  AuditBothWays(auditor, amounts);
  EXPECT_FALSE(auditor.ReusedProgram());
}

QuantityTerm Billed(const std::string& group, double weight = 1) {
  return {"billed/" + group, weight, false};
}

// Billed revenue in two tables, as the impact and caseload tables show it:
// the rated patients' revenue (hidden, a small group), the others' revenue,
// and everything the department billed, each shown or hidden as given.
std::vector<ReportTable> BilledRevenueTables(CellPrivacy others, CellPrivacy billed,
                                             std::vector<TableRelations>* relations) {
  ReportTable impact;
  impact.id = "impact";
  impact.columns = {{"rated", "Rated", CellKind::kEuros, 1},
                    {"others", "Others", CellKind::kEuros, 1}};
  impact.rows = {{"department",
                  "Department",
                  RowStyle::kNormal,
                  {ReportCell::Euros(123456), ReportCell::Euros(5000000)}}};
  impact.At(0, 0).privacy = CellPrivacy::kProtective;
  impact.At(0, 1).privacy = others;
  ReportTable caseload;
  caseload.id = "caseload_revenue";
  caseload.columns = {{"billed", "Billed", CellKind::kEuros, 1}};
  caseload.rows = {{"department", "Department", RowStyle::kNormal, {ReportCell::Euros(5123456)}}};
  caseload.At(0, 0).privacy = billed;
  TableRelations impact_meanings;
  impact_meanings.meanings = {{{0, 0}, {Billed("rated")}},
                              {{0, 1}, {Billed("all"), Billed("rated", -1)}}};
  TableRelations caseload_meanings;
  caseload_meanings.meanings = {{{0, 0}, {Billed("all")}}};
  *relations = {impact_meanings, caseload_meanings};
  return {impact, caseload};
}

TEST(DisclosureAuditTest, AHiddenRevenueWorkedOutFromTwoTablesIsExposed) {
  std::vector<TableRelations> relations;
  const std::vector<ReportTable> tables =
      BilledRevenueTables(CellPrivacy::kShown, CellPrivacy::kShown, &relations);
  Result<DisclosureAudit> audit = AuditDisclosure(tables, relations, {});
  ASSERT_TRUE(audit.ok()) << audit.error().ToString();
  EXPECT_EQ(audit.value().audited_amounts, 1);
  ASSERT_EQ(audit.value().exposures.size(), 1u);
  const CellExposure& exposure = audit.value().exposures[0];
  EXPECT_TRUE(exposure.amount);
  EXPECT_EQ(exposure.cell.table, 0);
  EXPECT_EQ(exposure.low, 123456);  // 51,234.56 - 50,000.00 euros
  EXPECT_EQ(exposure.high, 123456);
  // One of the two shown amounts that pin it is hidden next.
  const std::vector<PublishedCell> picks = ComplementaryCells(tables, audit.value());
  ASSERT_EQ(picks.size(), 1u);
  EXPECT_TRUE((picks[0].table == 0 && picks[0].cell.column == 1) || picks[0].table == 1);
}

TEST(DisclosureAuditTest, ARevenueNothingPinsIsNotExposed) {
  std::vector<TableRelations> relations;
  const std::vector<ReportTable> tables =
      BilledRevenueTables(CellPrivacy::kShown, CellPrivacy::kProtective, &relations);
  Result<DisclosureAudit> audit = AuditDisclosure(tables, relations, {});
  ASSERT_TRUE(audit.ok()) << audit.error().ToString();
  // The rated patients' revenue and the department's: both unbounded.
  EXPECT_EQ(audit.value().audited_amounts, 2);
  EXPECT_TRUE(audit.value().exposures.empty());
}

TEST(DisclosureStatementTest, SaysWhatWasHiddenAndWhatTheAuditShowed) {
  DisclosureSummary summary;
  summary.small_cells = 12;
  summary.protective_cells = 30;
  summary.audited_cells = 12;
  summary.constraints = 400;
  summary.narrowest = 3;
  EXPECT_EQ(DisclosureStatement(summary, StatementLanguage::kEnglish),
            "Counts of 1 to 4 patients are hidden as <5 (fewer than 5; 12 cells, at times a 0 "
            "where a small department leaves nothing else to hide), and 30 further cells as x "
            "(at least 5), so that no small count can be worked back from totals, amounts "
            "(count times tariff) or other tables. An audit by linear programming (GLPK) over "
            "all 400 published counts and amounts of this report leaves each of the 12 hidden "
            "small counts at least 3 possible values (the narrowest: 3).");
  EXPECT_NE(DisclosureStatement(summary, StatementLanguage::kDutch)
                .find("laat elk van de 12 verborgen kleine aantallen nog minstens 3 mogelijke "
                      "waarden (de krapste: 3)"),
            std::string::npos);
}

}  // namespace
}  // namespace clusterpilot
