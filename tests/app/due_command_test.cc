// End-to-end tests of `clusterpilot due` on a hand-built store: for each
// review period a patient due within the window and one overdue around the
// as-of date, patients not yet due, a patient whose later rating elsewhere
// counts, and a discharged patient (no revenue lately) left out.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/override_table.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

struct Seed {
  const char* patient;
  const char* department;
  const char* date;
  const char* clinician;
  int cluster;  // 0: the clinician decided no cluster fits
};

// As of 2026-06-30 with a 14-day window.
constexpr Seed kSeeds[] = {
    {"O1", "Volwassenen", "2026-03-01", "dr. a", 1},    // 12 weeks: due 05-24, 37 overdue
    {"D1", "Volwassenen", "2026-04-10", "dr. a", 1},    // due 07-03, in 3 days
    {"N1", "Volwassenen", "2026-05-01", "dr. a", 1},    // due 07-24: not yet
    {"D2", "Volwassenen", "2026-03-20", "dr. a", 2},    // 15 weeks: due 07-03
    {"O4", "Volwassenen", "2025-12-01", "dr. b", 4},    // 6 months: due 06-01, 29 overdue
    {"D4", "Volwassenen", "2026-01-10", "dr. b", 4},    // due 07-10, in 10 days
    {"O7", "Volwassenen", "2025-06-29", "dr. a", 7},    // a year: due 06-29, 1 overdue
    {"N7", "Volwassenen", "2025-08-01", "dr. a", 7},    // due 2026-08-01: not yet
    {"O14", "Volwassenen", "2026-05-31", "dr. a", 14},  // 4 weeks: due 06-28, 2 overdue
    {"D14", "Ouderen", "2026-06-10", "dr. a", 14},      // due 07-08, in 8 days
    {"E14", "Ouderen", "2026-06-16", "dr. a", 14},      // due 07-14: the window's last day
    {"L14", "Ouderen", "2026-06-17", "dr. a", 14},      // due 07-15: just outside it
    {"X0", "Volwassenen", "2025-06-30", "dr. a", 0},    // no cluster: a year, due today
    {"M", "Volwassenen", "2026-01-10", "dr. a", 4},     // would be due 07-10, but ...
    {"M", "Ouderen", "2026-06-01", "dr. a", 4},         // ... rated later: due 12-01
    {"OD", "Volwassenen", "2026-01-01", "dr. a", 1},    // overdue, but discharged
};

class DueCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<Measurement> measurements;
    for (const Seed& seed : kSeeds) {
      measurements.push_back(
          MakeMeasurement(seed.patient, seed.department, seed.date, Supercluster::kNone, {{7, 2}}));
      measurements.back().clinician = seed.clinician;
    }
    auto store = Store::Open(db_).value();
    SeedMeasurements(*store, &measurements);
    const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
    ClassificationWriter writer(*store, model, "2026-06-01T00:00:00Z");
    for (size_t i = 0; i < measurements.size(); ++i) {
      const int cluster = kSeeds[i].cluster == 0 ? 3 : kSeeds[i].cluster;
      ASSERT_TRUE(writer.Write({measurements[i].id, cluster, 0.9, "", 0, "", ""}).ok());
      if (kSeeds[i].cluster == 0) {
        ASSERT_TRUE(
            RecordOverride(*store, measurements[i].id, kNoFittingCluster, "none fits", "dr. a")
                .ok());
      }
    }
    std::ofstream revenue(revenue_);
    revenue << "patient;department;month;amount\n";
    for (const Seed& seed : kSeeds) {
      const std::string month = std::string(seed.patient) == "OD" ? "2026-02" : "2026-05";
      revenue << seed.patient << ";" << seed.department << ";" << month << ";100\n";
    }
  }

  CommandOutcome Due(std::vector<std::string> extra) {
    std::vector<std::string> arguments = {"due",        "--db",     db_,    "--as-of",
                                          "2026-06-30", "--within", "14",   "--revenue",
                                          revenue_,     "--by",     "dr. c"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return RunClusterpilot(arguments);
  }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  const std::string revenue_ = dir_.File("revenue.csv");
};

constexpr const char* kHeader =
    "\xEF\xBB\xBFpatient;department;clinician;last_rating;cluster;review_period;due;status;"
    "days_overdue\r\n";

TEST_F(DueCommandTest, ListsOverdueThenDueByReviewPeriodAndLeavesTheDischargedOut) {
  CommandOutcome outcome = Due({});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "");
  EXPECT_EQ(outcome.out, std::string(kHeader) +
                             "O1;Volwassenen;dr. a;2026-03-01;1;12 weeks;2026-05-24;overdue;37\r\n"
                             "O4;Volwassenen;dr. b;2025-12-01;4;6 months;2026-06-01;overdue;29\r\n"
                             "O14;Volwassenen;dr. a;2026-05-31;14;4 weeks;2026-06-28;overdue;2\r\n"
                             "O7;Volwassenen;dr. a;2025-06-29;7;12 months;2026-06-29;overdue;1\r\n"
                             "X0;Volwassenen;dr. a;2025-06-30;;12 months;2026-06-30;due;0\r\n"
                             "D1;Volwassenen;dr. a;2026-04-10;1;12 weeks;2026-07-03;due;-3\r\n"
                             "D2;Volwassenen;dr. a;2026-03-20;2;15 weeks;2026-07-03;due;-3\r\n"
                             "D14;Ouderen;dr. a;2026-06-10;14;4 weeks;2026-07-08;due;-8\r\n"
                             "D4;Volwassenen;dr. b;2026-01-10;4;6 months;2026-07-10;due;-10\r\n"
                             "E14;Ouderen;dr. a;2026-06-16;14;4 weeks;2026-07-14;due;-14\r\n");
  auto log = ReadAuditLog(*Store::Open(db_).value()).value();
  EXPECT_EQ(log.back().action, "read due ratings");
  EXPECT_EQ(log.back().object,
            "due ratings as of 2026-06-30, department all, clinician all: 10 patients");
}

TEST_F(DueCommandTest, FiltersByDepartmentAndClinicianOfTheLatestRating) {
  CommandOutcome older = Due({"--department", "Ouderen"});
  ASSERT_EQ(older.exit_code, 0) << older.err;
  EXPECT_EQ(older.out, std::string(kHeader) +
                           "D14;Ouderen;dr. a;2026-06-10;14;4 weeks;2026-07-08;due;-8\r\n"
                           "E14;Ouderen;dr. a;2026-06-16;14;4 weeks;2026-07-14;due;-14\r\n");
  CommandOutcome by_b = Due({"--clinician", "dr. b", "--format", "json"});
  ASSERT_EQ(by_b.exit_code, 0) << by_b.err;
  Poco::JSON::Object::Ptr root =
      Poco::JSON::Parser().parse(by_b.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(root->getValue<int>("count"), 2);
  EXPECT_EQ(root->getValue<int>("discharged_after_months"), 3);
  Poco::JSON::Object::Ptr first = root->getArray("due")->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("patient"), "O4");
  EXPECT_EQ(first->getValue<std::string>("status"), "overdue");
  EXPECT_EQ(first->getValue<int>("days_overdue"), 29);
  EXPECT_EQ(root->getArray("due")->getObject(1)->getValue<std::string>("patient"), "D4");
}

TEST_F(DueCommandTest, WithoutRevenueNobodyIsLeftOutAndItSaysSo) {
  CommandOutcome outcome =
      RunClusterpilot({"due", "--db", db_, "--as-of", "2026-06-30", "--department", "Volwassenen"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err,
            "clusterpilot due: no --revenue given, so patients discharged since their last rating "
            "are listed too\n");
  EXPECT_NE(outcome.out.find("\r\nOD;Volwassenen;dr. a;2026-01-01;1;12 weeks;2026-03-26;overdue;96"
                             "\r\n"),
            std::string::npos)
      << outcome.out;
  EXPECT_EQ(outcome.out.find("D1;"), std::string::npos) << outcome.out;  // no window
}

TEST_F(DueCommandTest, RefusesBadOptionsWithTheirValue) {
  CommandOutcome no_date = RunClusterpilot({"due", "--db", db_});
  EXPECT_EQ(no_date.exit_code, 2);
  EXPECT_EQ(no_date.err, "clusterpilot due: --as-of is required (`clusterpilot due --help`)\n");
  CommandOutcome bad_date = RunClusterpilot({"due", "--db", db_, "--as-of", "2026-02-30"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_EQ(bad_date.err,
            "clusterpilot due: --as-of \"2026-02-30\": not a date; write it as YYYY-MM-DD, e.g. "
            "2026-03-31\n");
  CommandOutcome unknown = Due({"--department", "Kinderen"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "clusterpilot due: --department \"Kinderen\": not a department of the store (its "
            "departments: Ouderen, Volwassenen)\n");
  CommandOutcome within = Due({"--within", "-1"});
  EXPECT_EQ(within.exit_code, 2);
}

}  // namespace
}  // namespace clusterpilot
