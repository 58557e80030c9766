// End-to-end tests of `clusterpilot patient` on a hand-built store: three
// ratings of one patient in two departments, with a reliable change and a
// cluster move, and the audit entry written before anything is shown.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/classification_table.h"
#include "store/override_table.h"
#include "store/store.h"
#include "tests/support/command_runner.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

Measurement Rated(const std::string& patient, const std::string& department,
                  const std::string& date, const std::string& clinician,
                  std::initializer_list<std::pair<int, int>> ratings) {
  Measurement measurement =
      MakeMeasurement(patient, department, date, Supercluster::kNonPsychotic, ratings);
  measurement.clinician = clinician;
  return measurement;
}

class PatientCommandTest : public testing::Test {
 protected:
  void SetUp() override {
    // Totals 9, 18 (+9: reliable), 14 (-4: not reliable).
    measurements_ = {Rated("P1", "Volwassenen", "2026-01-05", "dr. a",
                           {{2, 1}, {7, 3}, {8, 2}, {9, 2}, {10, 1}}),
                     Rated("P1", "Volwassenen", "2026-03-02", "dr. a",
                           {{2, 3}, {7, 4}, {8, 3}, {9, 3}, {10, 3}, {11, 2}}),
                     Rated("P1", "Verslavingszorg", "2026-05-04", "dr. b",
                           {{2, 1}, {3, 4}, {7, 3}, {8, 2}, {9, 2}, {10, 2}}),
                     Rated("P2", "Volwassenen", "2026-02-01", "dr. a", {{7, 2}})};
    auto store = Store::Open(db_).value();
    SeedMeasurements(*store, &measurements_);
    const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
    ClassificationWriter writer(*store, model, "2026-06-01T00:00:00Z");
    const int clusters[] = {3, 4, 8, 2};
    for (size_t i = 0; i < measurements_.size(); ++i) {
      ASSERT_TRUE(writer.Write({measurements_[i].id, clusters[i], 0.9, "", 0, "", ""}).ok());
    }
    ASSERT_TRUE(RecordOverride(*store, measurements_[1].id, 5, "self-harm", "dr. a").ok());
  }

  CommandOutcome Patient(const std::string& format) {
    return RunClusterpilot({"patient", "--db", db_, "--patient", "P1", "--format", format,
                            "--as-of", "2026-06-30", "--by", "dr. c"});
  }

  std::string Id(int index) const { return std::to_string(measurements_[index].id); }

  ScopedTempDir dir_;
  const std::string db_ = dir_.File("pilot.db");
  std::vector<Measurement> measurements_;
};

TEST_F(PatientCommandTest, TextShowsEveryRatingTheChangeAndTheTimeInEachCluster) {
  CommandOutcome outcome = Patient("text");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out,
            "patient P1: 3 ratings, departments: Volwassenen, Verslavingszorg\n"
            "reliable change: the HoNOS total (items 1-12) changing by 8 points or more "
            "(Parabiaghi et al. 2005, Aust N Z J Psychiatry 39(8):719-725)\n"
            "\n"
            "  2026-01-05  Volwassenen  dr. a\n"
            "    cluster 3 (algorithm 3)\n"
            "    HoNOS total 9 (behaviour 1, impairment 0, symptoms 5, social 3); first rating\n"
            "  2026-03-02  Volwassenen  dr. a\n"
            "    cluster 5 (algorithm 4; clinician: cluster 5)\n"
            "    HoNOS total 18 (behaviour 3, impairment 0, symptoms 7, social 8); +9: reliable "
            "deterioration\n"
            "  2026-05-04  Verslavingszorg  dr. b\n"
            "    cluster 8 (algorithm 8)\n"
            "    HoNOS total 14 (behaviour 5, impairment 0, symptoms 5, social 4); -4: no "
            "reliable change\n"
            "\n"
            "time in each cluster up to 2026-06-30: cluster 3 56 days, cluster 5 63 days, "
            "cluster 8 57 days\n");
  auto log = ReadAuditLog(*Store::Open(db_).value()).value();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().user, "dr. c");
  EXPECT_EQ(log.back().action, "read patient");
  EXPECT_EQ(log.back().object, "patient P1: 3 ratings");
}

TEST_F(PatientCommandTest, CsvHasOneLinePerRating) {
  CommandOutcome outcome = Patient("csv");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out,
            "\xEF\xBB\xBFmeasurement;date;department;clinician;supercluster;algorithm_cluster;"
            "decision;cluster;total;unknown_items;behaviour;impairment;symptoms;social;change;"
            "judgement\r\n" +
                Id(0) +
                ";2026-01-05;Volwassenen;dr. a;non-psychotic;3;;3;9;0;1;0;5;3;;first rating\r\n" +
                Id(1) +
                ";2026-03-02;Volwassenen;dr. a;non-psychotic;4;cluster 5;5;18;0;3;0;7;8;9;"
                "reliable deterioration\r\n" +
                Id(2) +
                ";2026-05-04;Verslavingszorg;dr. b;non-psychotic;8;;8;14;0;5;0;5;4;-4;no "
                "reliable change\r\n");
}

TEST_F(PatientCommandTest, JsonCarriesTheCriterionAndItsSource) {
  CommandOutcome outcome = Patient("json");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  Poco::JSON::Object::Ptr root =
      Poco::JSON::Parser().parse(outcome.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(root->getValue<std::string>("patient"), "P1");
  EXPECT_EQ(root->getObject("reliable_change")->getValue<int>("points"), 8);
  EXPECT_EQ(root->getArray("ratings")->size(), 3u);
  Poco::JSON::Object::Ptr second = root->getArray("ratings")->getObject(1);
  EXPECT_EQ(second->getValue<int>("algorithm_cluster"), 4);
  EXPECT_EQ(second->getValue<std::string>("decision"), "cluster 5");
  EXPECT_EQ(second->getValue<int>("change"), 9);
  EXPECT_EQ(second->getValue<std::string>("judgement"), "reliable deterioration");
  EXPECT_EQ(second->getObject("subscales")->getValue<int>("social"), 8);
  Poco::JSON::Array::Ptr times = root->getArray("time_in_cluster");
  ASSERT_EQ(times->size(), 3u);
  EXPECT_EQ(times->getObject(1)->getValue<int>("cluster"), 5);
  EXPECT_EQ(times->getObject(1)->getValue<int>("days"), 63);
}

TEST_F(PatientCommandTest, AnUnknownPatientIsAnErrorAndStillAudited) {
  CommandOutcome outcome = RunClusterpilot({"patient", "--db", db_, "--patient", "P9"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.err,
            "clusterpilot patient: --patient \"P9\": no ratings of this patient in " + db_ + "\n");
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(ReadAuditLog(*Store::Open(db_).value()).value().back().object, "patient P9: 0 ratings");
  CommandOutcome missing = RunClusterpilot({"patient", "--db", db_});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err,
            "clusterpilot patient: --patient is required (`clusterpilot patient --help`)\n");
}

}  // namespace
}  // namespace clusterpilot
