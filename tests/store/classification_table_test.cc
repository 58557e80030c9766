#include "store/classification_table.h"

#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

TEST(ClassificationTableTest, RegistersAModelOnceAndRefusesChangedContentUnderTheSameVersion) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir)).value();
  Result<ClusterModelRecord> first = RegisterClusterModel(*store, "NZa", "2026", "abc");
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_GT(first.value().id, 0);
  EXPECT_FALSE(first.value().loaded_at.empty());
  Result<ClusterModelRecord> again = RegisterClusterModel(*store, "NZa", "2026", "abc");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().id, first.value().id);
  EXPECT_EQ(again.value().loaded_at, first.value().loaded_at);
  Result<ClusterModelRecord> next = RegisterClusterModel(*store, "NZa", "2027", "def");
  ASSERT_TRUE(next.ok());
  EXPECT_NE(next.value().id, first.value().id);
  Result<ClusterModelRecord> changed = RegisterClusterModel(*store, "NZa", "2026", "xyz");
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().ToString(),
            store->path() +
                ": model \"NZa 2026\": this store already has results of a different model with "
                "the same name and version; give the changed model a new version");
}

TEST(ClassificationTableTest, WritesResultsBesideEachOtherPerModel) {
  ScopedTempDir dir;
  auto store = Store::Open(TestStoreLocation(dir)).value();
  std::vector<Measurement> measurements = {
      MakeMeasurement("P1", "A", "2026-03-01", Supercluster::kNonPsychotic, {{7, 3}}),
      MakeMeasurement("P2", "A", "2026-03-02", Supercluster::kNonPsychotic, {{7, 1}})};
  SeedMeasurements(*store, &measurements);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  const int64_t newer = RegisterClusterModel(*store, "m", "2", "h2").value().id;
  {
    ClassificationWriter writer(*store, model, "2026-04-01T10:00:00Z");
    ASSERT_TRUE(writer
                    .Write({measurements[0].id, 4, 0.75, "4:0.7500;5:0.2500", kFlagAmbiguous,
                            "clusters 4 (75%) and 5 (25%) are close", "cluster 4 mainly for"})
                    .ok());
    ASSERT_TRUE(writer.Write({measurements[1].id, 0, 0, "", kFlagNoFit, "excluded", "none"}).ok());
    // The same measurement and model twice is refused.
    EXPECT_FALSE(writer.Write({measurements[1].id, 1, 1, "1:1.0000", 0, "", ""}).ok());
  }
  {
    // Nor by a later run of the same model (on SQLite the writer refuses it:
    // store/classification_table.h; on PostgreSQL the unique index).
    ClassificationWriter again(*store, model, "2026-04-02T10:00:00Z");
    EXPECT_FALSE(again.Write({measurements[0].id, 4, 1, "4:1.0000", 0, "", ""}).ok());
  }
  ClassificationWriter writer(*store, newer, "2026-05-01T10:00:00Z");
  ASSERT_TRUE(writer.Write({measurements[0].id, 5, 0.6, "5:0.6000", 0, "", ""}).ok());
  EXPECT_EQ(CountClassified(*store, model).value(), 2);
  EXPECT_EQ(CountClassified(*store, newer).value(), 1);
  EXPECT_EQ(CountMeasurements(*store).value(), 2);
  SqlStatement rows(*store,
                    "SELECT cluster, probability, probabilities, flags, flag_reasons, "
                    "explanation, classified_at FROM classification WHERE model_id = ? "
                    "ORDER BY measurement_id");
  rows.BindInt(1, model);
  ASSERT_TRUE(rows.Step());
  EXPECT_EQ(rows.Int(0), 4);
  EXPECT_DOUBLE_EQ(rows.Double(1), 0.75);
  EXPECT_EQ(rows.Text(2), "4:0.7500;5:0.2500");
  EXPECT_EQ(rows.Int(3), kFlagAmbiguous);
  EXPECT_EQ(rows.Text(4), "clusters 4 (75%) and 5 (25%) are close");
  EXPECT_EQ(rows.Text(6), "2026-04-01T10:00:00Z");
  ASSERT_TRUE(rows.Step());
  EXPECT_TRUE(rows.IsNull(0));  // no cluster
  EXPECT_TRUE(rows.IsNull(1));
}

// A batch longer than one statement's rows and not a multiple of it: every
// record lands once with its own values, the last ones through the one-row
// insert; a duplicate in a later statement fails the batch.
TEST(ClassificationTableTest, WritesABatchSeveralRowsPerStatement) {
  ScopedTempDir dir;
  auto store = Store::Open(dir.File("s.db")).value();
  const size_t count = ClassificationWriter::kRowsPerStatement * 2 + 5;
  std::vector<Measurement> measurements;
  for (size_t i = 0; i < count; ++i) {
    measurements.push_back(MakeMeasurement("P" + std::to_string(i), "A", "2026-03-01",
                                           Supercluster::kNonPsychotic, {{7, 2}}));
  }
  SeedMeasurements(*store, &measurements);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  std::vector<std::string> texts;
  for (size_t i = 0; i < count; ++i) texts.push_back("explanation " + std::to_string(i));
  std::vector<ClassificationRecord> records;
  for (size_t i = 0; i < count; ++i) {
    const int cluster = static_cast<int>(i % 3);  // 0: no cluster, stored as NULL
    records.push_back(
        {measurements[i].id, cluster, 0.5, "p", static_cast<uint32_t>(i), "", texts[i]});
  }
  ClassificationWriter writer(*store, model, "t");
  Status written = writer.WriteBatch(records.data(), records.size());
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  EXPECT_EQ(CountClassified(*store, model).value(), static_cast<int64_t>(count));
  SqlStatement rows(*store,
                    "SELECT m.patient_id, c.cluster, c.flags, c.explanation FROM classification c "
                    "JOIN measurement m ON m.id = c.measurement_id ORDER BY c.flags");
  for (size_t i = 0; i < count; ++i) {
    ASSERT_TRUE(rows.Step());
    EXPECT_EQ(rows.Text(0), "P" + std::to_string(i));
    if (i % 3 == 0) {
      EXPECT_TRUE(rows.IsNull(1)) << i;
    } else {
      EXPECT_EQ(rows.Int(1), static_cast<int64_t>(i % 3)) << i;
    }
    EXPECT_EQ(rows.Int(2), static_cast<int64_t>(i));
    EXPECT_EQ(rows.Text(3), texts[i]);
  }
  EXPECT_FALSE(rows.Step());
  EXPECT_FALSE(writer.WriteBatch(records.data(), records.size()).ok());
}

}  // namespace
}  // namespace clusterpilot
