#include "store/store_copy.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "store/audit_log_chain.h"
#include "store/latest_ratings.h"
#include "store/override_table.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "store/table_catalog.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

void MustExecute(Store& store, const std::string& sql) {
  Status status = store.Execute(sql);
  ASSERT_TRUE(status.ok()) << status.error().ToString();
}

// A store with a row in most tables, NULLs, a real that has no short
// decimal form (0.1 + 0.2) and text with quotes and a newline.
void FillSource(Store& store) {
  std::vector<Measurement> measurements = {
      MakeMeasurement("SYN-0001", "Psychose", "2026-03-02", Supercluster::kNonPsychotic, {{7, 3}}),
      MakeMeasurement("SYN-0002", "Ouderen", "2026-03-05", Supercluster::kPsychotic, {})};
  SeedMeasurements(store, &measurements);
  ASSERT_TRUE(
      RecordOverride(store, measurements[0].id, 3, "sprak \"Jan\"\nthuis", "dr.visser").ok());
  MustExecute(store,
              "INSERT INTO rejected_row(batch_id, line, field, value, reason, raw_row) "
              "VALUES(1, 7, 'HV07', '5', 'no rating', NULL)");
  MustExecute(store,
              "INSERT INTO cluster_model(name, version, content_hash, loaded_at) "
              "VALUES('nza', '2', 'abc', '2026-03-01T00:00:00Z')");
  MustExecute(store,
              "INSERT INTO classification(measurement_id, model_id, cluster, probability, "
              "probabilities, classified_at) VALUES(1, 1, 4, 0.1 + 0.2, '4:0.3', 'x'), "
              "(2, 1, NULL, NULL, '', 'y')");
  MustExecute(store,
              "INSERT INTO app_user(name, role, password_hash, created_at) "
              "VALUES('ann', 'finance', '$argon2id$x', '2026-03-01')");
  ASSERT_TRUE(RecordAudit(store, "ann", "report", "patients of 2026-03").ok());
  // Built as the first due list would, so that the copy carries its rows too.
  ASSERT_TRUE(BuildLatestRatingsIfMissing(store).ok());
}

std::map<std::string, TableContent> Contents(Store& store) {
  std::map<std::string, TableContent> contents;
  auto tables = ReadTableCatalog(store);
  EXPECT_TRUE(tables.ok()) << tables.error().ToString();
  if (!tables.ok()) return contents;
  for (const StoreTable& table : tables.value()) {
    auto content = ReadTableContent(store, table);
    EXPECT_TRUE(content.ok()) << content.error().ToString();
    if (content.ok()) contents[table.name] = content.value();
  }
  return contents;
}

class StoreCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto source = Store::Open(dir_.File("source.db"));
    ASSERT_TRUE(source.ok());
    source_ = std::move(source).value();
    FillSource(*source_);
    auto target = Store::Open(target_path_);
    ASSERT_TRUE(target.ok());
    target_ = std::move(target).value();
  }

  ScopedTempDir dir_;
  // The target is on PostgreSQL in the tests' PostgreSQL pass.
  const std::string target_path_ = TestStoreLocation(dir_);
  std::unique_ptr<Store> source_;
  std::unique_ptr<Store> target_;
};

TEST_F(StoreCopyTest, EveryTableArrivesWithTheSameContentAndTheChainGoesOn) {
  auto copy = CopyStore(*source_, *target_, "beheerder");
  ASSERT_TRUE(copy.ok()) << copy.error().ToString();
  EXPECT_EQ(copy.value().tables.size(), 15u);
  std::map<std::string, TableContent> source = Contents(*source_);
  std::map<std::string, TableContent> target = Contents(*target_);
  ASSERT_EQ(source.size(), 15u);
  for (const CopiedTable& copied : copy.value().tables) {
    if (copied.name == "audit_log") continue;  // the target has one entry more
    EXPECT_EQ(target[copied.name].hash, source[copied.name].hash) << copied.name;
    EXPECT_EQ(target[copied.name].rows, copied.content.rows) << copied.name;
    EXPECT_EQ(copied.content.hash, source[copied.name].hash) << copied.name;
  }
  EXPECT_EQ(source["measurement"].rows, 2);
  EXPECT_EQ(source["classification"].rows, 2);
  EXPECT_EQ(source["latest_rating"].rows, 2);

  auto source_log = ReadAuditLog(*source_);
  auto target_log = ReadAuditLog(*target_);
  ASSERT_TRUE(source_log.ok() && target_log.ok());
  ASSERT_EQ(target_log.value().size(), source_log.value().size() + 1);
  for (size_t i = 0; i < source_log.value().size(); ++i) {
    EXPECT_EQ(target_log.value()[i].chain_hash, source_log.value()[i].chain_hash);
  }
  const AuditEntry& copied_to = source_log.value().back();
  EXPECT_EQ(copied_to.action, "store copy");
  EXPECT_EQ(copied_to.object, "copied to " + target_->path());
  const AuditEntry& copied_from = target_log.value().back();
  EXPECT_EQ(copied_from.user, "beheerder");
  EXPECT_EQ(copied_from.object, "copied from " + dir_.File("source.db") +
                                    ": 16 rows in 15 tables, counts and content hashes verified");
  AuditChainCheck chain = CheckAuditChain(target_log.value());
  EXPECT_TRUE(chain.intact) << chain.problem;
}

TEST_F(StoreCopyTest, ATargetWithRowsIsRefusedAndLeftAsItWas) {
  MustExecute(*target_, "INSERT INTO measurement_department(name) VALUES('Jeugd')");
  auto copy = CopyStore(*source_, *target_, "beheerder");
  ASSERT_FALSE(copy.ok());
  EXPECT_EQ(copy.error().ToString(),
            target_->path() +
                ": table \"measurement_department\" holds rows; store copy fills only an empty "
                "store (nothing was copied)");
  EXPECT_EQ(Contents(*target_)["measurement_department"].rows, 1);
  EXPECT_EQ(Contents(*target_)["measurement"].rows, 0);
}

TEST_F(StoreCopyTest, ATableWithoutAPlaceInTheCopyOrderStopsTheCopy) {
  MustExecute(*source_, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
  auto copy = CopyStore(*source_, *target_, "beheerder");
  ASSERT_FALSE(copy.ok());
  EXPECT_EQ(copy.error().ToString(),
            dir_.File("source.db") +
                ": table \"notes\" has no place in the copy order; nothing was copied (add it to "
                "store/table_catalog.cc)");
}

// The hash is of the rows, not of their order, so a backend that returns
// them in another order (another collation, another plan) hashes the same;
// one changed value changes it.
TEST_F(StoreCopyTest, TheContentHashFollowsTheRowsNotTheirOrder) {
  MustExecute(*target_, "INSERT INTO measurement_department(name) VALUES('b'), ('A'), ('a')");
  auto other = Store::Open(dir_.File("other.db"));
  ASSERT_TRUE(other.ok());
  MustExecute(*other.value(), "INSERT INTO measurement_department(name) VALUES('a'), ('b'), ('A')");
  EXPECT_EQ(Contents(*other.value())["measurement_department"].hash,
            Contents(*target_)["measurement_department"].hash);
  MustExecute(*other.value(), "UPDATE measurement_department SET name = 'c' WHERE name = 'b'");
  EXPECT_NE(Contents(*other.value())["measurement_department"].hash,
            Contents(*target_)["measurement_department"].hash);
  EXPECT_EQ(Contents(*other.value())["measurement_department"].rows, 3);
}

// NULL and "" are different values: the encoding keeps NULL apart.
TEST_F(StoreCopyTest, TheRowEncodingKeepsNullApartFromEmptyText) {
  auto other = Store::Open(dir_.File("other.db"));
  ASSERT_TRUE(other.ok());
  for (Store* store : {target_.get(), other.value().get()}) {
    MustExecute(*store,
                "INSERT INTO import_batch(id, file_name, content_hash, format, imported_at, "
                "imported_by) VALUES(1, 'f', 'h', 'csv', 't', 'u')");
  }
  MustExecute(*target_,
              "INSERT INTO rejected_row(batch_id, line, field, value, reason, raw_row) "
              "VALUES(1, 1, 'f', '1', 'r', NULL)");
  MustExecute(*other.value(),
              "INSERT INTO rejected_row(batch_id, line, field, value, reason, raw_row) "
              "VALUES(1, 1, 'f', '1', 'r', '')");
  EXPECT_NE(Contents(*other.value())["rejected_row"].hash, Contents(*target_)["rejected_row"].hash);
}

}  // namespace
}  // namespace clusterpilot
