// One payment per patient (issue 14, item 5): a hand-built store whose
// patients are billed by several departments, allocated by both rules and
// checked to the cent, and summed one level up by organisation.
#include "reports/payment_allocation.h"

#include <gtest/gtest.h>

#include "reports/caseload_revenue.h"
#include "store/care_coordination.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

const CalendarMonth kMonth{2026, 10};

TariffTable Tariffs() {
  TariffTable tariffs;
  tariffs.by_cluster[1] = {9000, 10001, 11000};
  tariffs.by_cluster[4] = {70000, 75000, 80000};
  tariffs.by_cluster[16] = {60000, 69000, 75000};
  return tariffs;
}

RevenueEntry Billed(const std::string& patient, const std::string& department, int64_t cents) {
  return RevenueEntry{.line = 2,
                      .patient_id = patient,
                      .department = department,
                      .month = kMonth,
                      .amount_cents = cents};
}

class PaymentAllocationTest : public testing::Test {
 protected:
  void SetUp() override {
    ReportStore fixture(TestStoreLocationOf(dir_));
    fixture.AddModel();
    // P1 in psychiatry (cluster 4), then in addiction care (cluster 16): the
    // latest rating gives the one payment, €690; psychiatry coordinates.
    Rate(&fixture, "P1", "Psychiatrie", "2026-10-05", 4, "Psychiatrie", "GGZ Noord");
    Rate(&fixture, "P1", "Verslaving", "2026-10-20", 16, "Psychiatrie", "Verslavingszorg Oost");
    // P2 rated last month in the elderly department (cluster 1, €100.01),
    // billed equally by three departments: no coordinator named.
    Rate(&fixture, "P2", "Ouderen", "2026-09-10", 1, "", "");
    // P3 in psychiatry only.
    Rate(&fixture, "P3", "Psychiatrie", "2026-10-02", 4, "", "");
    // P4's rating is too old to give a cluster: billed, but no payment.
    Rate(&fixture, "P4", "Verslaving", "2025-01-06", 4, "", "");
    billed_ = {Billed("P1", "Psychiatrie", 30000), Billed("P1", "Verslaving", 10000),
               Billed("P2", "Ouderen", 10000),     Billed("P2", "Psychiatrie", 10000),
               Billed("P2", "Verslaving", 10000),  Billed("P3", "Psychiatrie", 20000),
               Billed("P4", "Verslaving", 5000)};
    Result<MonthSnapshot> current = LoadMonthSnapshot(fixture.store(), kMonth);
    ASSERT_TRUE(current.ok()) << current.error().ToString();
    current_ = std::move(current).value();
    Result<MonthSnapshot> earlier =
        LoadEarlierRatings(fixture.store(), kMonth, 12, PatientsToLookBack(current_, billed_));
    ASSERT_TRUE(earlier.ok()) << earlier.error().ToString();
    earlier_ = std::move(earlier).value();
    Result<CareCoordination> coordination =
        ReadCareCoordination(fixture.store(), kMonth.Plus(1).FirstDay(), {"P1", "P2", "P3", "P4"});
    ASSERT_TRUE(coordination.ok()) << coordination.error().ToString();
    coordination_ = std::move(coordination).value();
  }

  static void Rate(ReportStore* fixture, const std::string& patient, const std::string& department,
                   const std::string& date, int cluster, const std::string& coordinator,
                   const std::string& organisation) {
    Measurement measurement;
    measurement.patient_id = patient;
    measurement.department = department;
    measurement.rating_date = *CalendarDate::Parse(date);
    measurement.ratings = AllRated(1);
    measurement.coordinating_department = coordinator;
    measurement.organisation = organisation;
    fixture->Classify(fixture->AddMeasurement(measurement), cluster,
                      std::to_string(cluster) + ":1");
  }

  PaymentAllocation Allocate(AllocationRule rule) {
    return AllocatePayments(
        AllocationInputs{.month = kMonth,
                         .rule = rule,
                         .billed = &billed_,
                         .current = &current_,
                         .earlier = &earlier_,
                         .tariffs = &tariffs_,
                         .coordinator_of_patient = &coordination_.coordinator_of_patient,
                         .organisation_of_department = &coordination_.organisation_of_department},
        {"Ouderen", "Psychiatrie", "Verslaving"});
  }

  ScopedTempDir dir_;
  TariffTable tariffs_ = Tariffs();
  std::vector<RevenueEntry> billed_;
  MonthSnapshot current_;
  MonthSnapshot earlier_;
  CareCoordination coordination_;
};

// name, paid patients, received, allocated, owed, shared patients
std::string Row(const AllocationShare& s) {
  return s.name + " " + std::to_string(s.paid_patients) + " " + std::to_string(s.received_cents) +
         " " + std::to_string(s.allocated_cents) + " " + std::to_string(s.owed_cents()) + " " +
         std::to_string(s.shared_patients);
}

TEST_F(PaymentAllocationTest, StoreNamesTheCoordinatorAndOrganisations) {
  EXPECT_EQ(coordination_.coordinator_of_patient,
            (std::map<std::string, std::string>{{"P1", "Psychiatrie"}}));
  EXPECT_EQ(coordination_.organisation_of_department,
            (std::map<std::string, std::string>{{"Psychiatrie", "GGZ Noord"},
                                                {"Verslaving", "Verslavingszorg Oost"}}));
}

// P1: €690 (not €750 + €690) to psychiatry, which owes addiction care 1/4:
// €172.50. P2: €100.01 to the elderly department (its latest rating), split
// in thirds to the cent: 33.34 + 33.34 + 33.33. P3: €750 stays in psychiatry.
TEST_F(PaymentAllocationTest, CoordinatorReceivesAndOwesTheOthersProRata) {
  const PaymentAllocation allocation = Allocate(AllocationRule::kCoordinator);
  ASSERT_EQ(allocation.departments.size(), 3u);
  EXPECT_EQ(Row(allocation.departments[0]), "Ouderen 1 10001 3334 6667 1");
  EXPECT_EQ(Row(allocation.departments[1]), "Psychiatrie 2 144000 130084 13916 2");
  EXPECT_EQ(Row(allocation.departments[2]), "Verslaving 0 0 20583 -20583 2");
  EXPECT_EQ(Row(allocation.institution), "Institution 3 154001 154001 0 2");
}

TEST_F(PaymentAllocationTest, ProRataPaysEachDepartmentItsShare) {
  const PaymentAllocation allocation = Allocate(AllocationRule::kProRata);
  EXPECT_EQ(Row(allocation.departments[0]), "Ouderen 1 3334 3334 0 1");
  EXPECT_EQ(Row(allocation.departments[1]), "Psychiatrie 3 130084 130084 0 2");
  EXPECT_EQ(Row(allocation.departments[2]), "Verslaving 2 20583 20583 0 2");
  EXPECT_EQ(Row(allocation.institution), "Institution 3 154001 154001 0 2");
}

// One level up: a department without an organisation stands for itself.
TEST_F(PaymentAllocationTest, OrganisationsAreAllocatedTheSameWayOneLevelUp) {
  const PaymentAllocation allocation = Allocate(AllocationRule::kCoordinator);
  ASSERT_EQ(allocation.organisations.size(), 3u);
  EXPECT_EQ(Row(allocation.organisations[0]), "GGZ Noord 2 144000 130084 13916 2");
  EXPECT_EQ(Row(allocation.organisations[1]), "Ouderen 1 10001 3334 6667 1");
  EXPECT_EQ(Row(allocation.organisations[2]), "Verslavingszorg Oost 0 0 20583 -20583 2");
}

TEST(AllocationRuleTest, ParsesTheSettingsWords) {
  EXPECT_EQ(ParseAllocationRule("coordinator"), AllocationRule::kCoordinator);
  EXPECT_EQ(ParseAllocationRule("pro-rata"), AllocationRule::kProRata);
  EXPECT_EQ(ParseAllocationRule("kassier"), std::nullopt);
  EXPECT_EQ(AllocationRuleName(AllocationRule::kProRata), "pro-rata");
}

}  // namespace
}  // namespace clusterpilot
