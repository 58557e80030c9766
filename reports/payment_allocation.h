// One cluster payment per patient per month, and who gets it (the cashier
// or "kassier" model). A patient treated by several departments brings one
// payment: the tariff of the cluster of their latest valid rating in any of
// them. Under the coordinator rule the coordinating department receives it
// and owes the others their part; under the pro-rata rule each department
// receives its part directly. A department's part is the payment split by
// its share of the patient's current (billed) revenue that month. The same
// allocation, summed by organisation, shows a network of organisations with
// one cashier one level up.
#ifndef CLUSTERPILOT_REPORTS_PAYMENT_ALLOCATION_H_
#define CLUSTERPILOT_REPORTS_PAYMENT_ALLOCATION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_month.h"
#include "reports/month_snapshot.h"
#include "reports/revenue_table.h"
#include "reports/tariff_table.h"

namespace clusterpilot {

enum class AllocationRule : uint8_t {
  kCoordinator,  // the coordinating department receives, and owes the others
  kProRata,      // each department receives its share of the activity
};

// "coordinator" or "pro-rata" (the setting report.allocation); nullopt
// for anything else.
std::optional<AllocationRule> ParseAllocationRule(std::string_view text);
std::string_view AllocationRuleName(AllocationRule rule);

// One department's (or organisation's, or the institution's) side of the
// payments, in cents at the tariffs' most likely price.
struct AllocationShare {
  std::string name;
  int64_t paid_patients = 0;    // patients whose payment it receives (whole or part)
  int64_t received_cents = 0;   // what the payer pays it
  int64_t allocated_cents = 0;  // its part of the payments, by its billed activity
  int64_t shared_patients = 0;  // patients with a payment billed here and by another one

  // What it owes the others (negative: what the others owe it).
  int64_t owed_cents() const { return received_cents - allocated_cents; }
};

struct PaymentAllocation {
  AllocationRule rule = AllocationRule::kCoordinator;
  std::vector<AllocationShare> departments;  // by the `names` given, sorted
  // Only when some department's organisation is known, sorted; departments
  // without one stand for themselves.
  std::vector<AllocationShare> organisations;
  // One payment per patient: received = allocated = the sum of the payments;
  // shared_patients counts each patient billed by several departments once.
  AllocationShare institution;
};

// What the allocation is computed from. `coordinator_of_patient` and
// `organisation_of_department` come from the store (store/care_coordination.h);
// a patient without a named coordinator, or whose named coordinator is not
// among the report's departments, is coordinated by the department of their
// latest rating. `earlier` may be null.
struct AllocationInputs {
  CalendarMonth month;
  AllocationRule rule = AllocationRule::kCoordinator;
  const std::vector<RevenueEntry>* billed = nullptr;
  const MonthSnapshot* current = nullptr;
  const MonthSnapshot* earlier = nullptr;
  const TariffTable* tariffs = nullptr;
  const std::map<std::string, std::string>* coordinator_of_patient = nullptr;
  const std::map<std::string, std::string>* organisation_of_department = nullptr;
};

// Allocates the payment of every billed patient with a valid cluster.
// `names` are the report's departments, sorted; every billed department is
// among them. Parts are rounded
// to the cent so that they add up to the payment exactly: the remainder
// cents go to the largest fractions.
PaymentAllocation AllocatePayments(const AllocationInputs& inputs,
                                   const std::vector<std::string>& names);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_PAYMENT_ALLOCATION_H_
