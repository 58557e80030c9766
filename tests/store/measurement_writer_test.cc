#include "store/measurement_writer.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/sql_dialect.h"
#include "store/sql_statement.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

Measurement Example(const std::string& patient) {
  Measurement measurement;
  measurement.patient_id = patient;
  measurement.department = "Psychosezorg";
  measurement.rating_date = CalendarDate{2026, 3, 7};
  measurement.clinician = "A. Jansen";
  measurement.supercluster = Supercluster::kPsychotic;
  measurement.ratings.fill(1);
  measurement.ratings[5] = kUnknownRating;
  measurement.hv08_type = 'J';
  measurement.route = RatingRoute::kDynamic;
  return measurement;
}

int64_t Count(Store& store, const std::string& sql) {
  SqlStatement count(store, sql);
  return count.Step() ? count.Int(0) : -1;
}

class MeasurementWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(TestStoreLocation(dir_));
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
  }

  // Whether the index `name` is in place, as the store's own listing of
  // the indexes a bulk load rebuilds (either database) shows it.
  bool HasIndex(const std::string& name) {
    SqlStatement select(*store_, BulkLoadIndexesSql(store_->dialect()));
    bool found = false;
    while (select.Step()) found = found || select.Text(0) == name;
    EXPECT_TRUE(select.status().ok());
    return found;
  }

  bool HasDateIndex() { return HasIndex("measurement_by_date"); }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(MeasurementWriterTest, StoresSkipsAndReportsConflicts) {
  Status status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"a.csv", "hash-a", "csv", "fin01"}, 0);
    if (!writer.ok()) return writer.error();
    StoredMeasurement stored;
    EXPECT_EQ(writer.value()->Write(Example("P1"), 2, &stored).value(),
              MeasurementWriter::Outcome::kStored);
    EXPECT_EQ(writer.value()->Write(Example("P1"), 3, &stored).value(),
              MeasurementWriter::Outcome::kSkipped);
    Measurement changed = Example("P1");
    changed.ratings[5] = 3;
    EXPECT_EQ(writer.value()->Write(changed, 4, &stored).value(),
              MeasurementWriter::Outcome::kConflict);
    EXPECT_TRUE(SameRating(stored.measurement, Example("P1")));
    EXPECT_EQ(stored.file_name, "a.csv");
    EXPECT_EQ(stored.source_line, 2);
    EXPECT_EQ(stored.batch_id, writer.value()->batch_id());
    EXPECT_TRUE(
        writer.value()->RecordRejection({0, 5, "HV07", "5", "not a rating", "P2;..."}).ok());
    return writer.value()->Finish(ImportCounts{4, 1, 1, 1, 1});
  });
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM measurement"), 1);
  EXPECT_EQ(Count(*store_,
                  "SELECT hv06 IS NULL AND hv08_type = 'J' AND route = 'dynamic' AND "
                  "supercluster = 2 FROM measurement"),
            1);
  EXPECT_EQ(Count(*store_,
                  "SELECT rows_read * 10000 + rows_stored * 1000 + rows_skipped * 100 + "
                  "rows_conflict * 10 + rows_rejected FROM import_batch"),
            41111);

  auto previous = FindImportByHash(*store_, "hash-a");
  ASSERT_TRUE(previous.ok());
  ASSERT_TRUE(previous.value().has_value());
  EXPECT_EQ(previous.value()->file_name, "a.csv");
  EXPECT_EQ(previous.value()->imported_by, "fin01");
  EXPECT_FALSE(FindImportByHash(*store_, "hash-b").value().has_value());

  std::vector<RejectedRow> rows;
  ASSERT_TRUE(
      ForEachRejectedRow(*store_, 1, [&](const RejectedRow& row) { rows.push_back(row); }).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].line, 5);
  EXPECT_EQ(rows[0].raw_row, "P2;...");
}

TEST_F(MeasurementWriterTest, ARolledBackImportLeavesNothing) {
  Status status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"a.csv", "hash-a", "csv", "fin01"}, 1000);
    StoredMeasurement stored;
    EXPECT_TRUE(writer.value()->Write(Example("P1"), 2, &stored).ok());
    return MakeError("stop");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM measurement"), 0);
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM import_batch"), 0);
  EXPECT_TRUE(HasDateIndex());
}

TEST_F(MeasurementWriterTest, ABatchBiggerThanTheStoreRebuildsTheIndexesAfterwards) {
  Status status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"a.csv", "hash-a", "csv", "u"}, 1000);
    EXPECT_FALSE(HasDateIndex()) << "the first load into an empty store builds its indexes last";
    EXPECT_FALSE(HasIndex("latest_rating_by_department"));
    StoredMeasurement stored;
    for (int i = 0; i < 100; ++i) {
      EXPECT_TRUE(writer.value()->Write(Example("P" + std::to_string(i)), i, &stored).ok());
    }
    return writer.value()->Finish(ImportCounts{100, 100, 0, 0, 0});
  });
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(HasDateIndex());
  EXPECT_TRUE(HasIndex("latest_rating_by_department"));
  // Left for the first due list to build (store/latest_ratings.h).
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM latest_rating"), 0);
  // Bigger than the store: SQLite readers keep the old schema, so SQLite
  // still builds last; PostgreSQL's DROP INDEX would lock `serve` out.
  status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"b.csv", "hash-b", "csv", "u"}, 1000);
    EXPECT_EQ(HasDateIndex(), store_->dialect() == SqlDialect::kPostgresql);
    return writer.value()->Finish(ImportCounts{});
  });
  ASSERT_TRUE(status.ok());
  // A small batch into a bigger store keeps the index in place everywhere.
  status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"c.csv", "hash-c", "csv", "u"}, 10);
    EXPECT_TRUE(HasDateIndex());
    return writer.value()->Finish(ImportCounts{});
  });
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(HasDateIndex());
}

// A first load into an empty store (on PostgreSQL: COPY batches, no ON
// CONFLICT, foreign key dropped) gives each entry the outcome Write gives
// one after another, across batches too, and ends with the foreign key back.
TEST_F(MeasurementWriterTest, BatchesIntoAnEmptyStoreKeepTheFirstOfEachKey) {
  Measurement changed = Example("P1");
  changed.ratings[0] = 4;
  const std::vector<Measurement> first_batch = {Example("P1"), Example("P2"), Example("P1"),
                                                changed};
  const std::vector<Measurement> second_batch = {Example("P2"), Example("P3")};
  using Outcome = MeasurementWriter::Outcome;
  std::vector<Outcome> outcomes;
  int conflict_line = 0;
  Status status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"a.csv", "hash-a", "csv", "u"}, 1000);
    if (!writer.ok()) return writer.error();
    int line = 2;
    for (const std::vector<Measurement>* batch : {&first_batch, &second_batch}) {
      std::vector<MeasurementWriter::BatchEntry> entries(batch->size());
      for (size_t i = 0; i < batch->size(); ++i) {
        entries[i].measurement = &(*batch)[i];
        entries[i].source_line = line++;
      }
      Status written = writer.value()->WriteBatch(entries);
      if (!written.ok()) return written;
      for (const auto& entry : entries) {
        outcomes.push_back(entry.outcome);
        if (entry.outcome == Outcome::kConflict) conflict_line = entry.stored.source_line;
      }
    }
    return writer.value()->Finish(ImportCounts{6, 3, 2, 0, 1});
  });
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(outcomes,
            (std::vector<Outcome>{Outcome::kStored, Outcome::kStored, Outcome::kSkipped,
                                  Outcome::kConflict, Outcome::kSkipped, Outcome::kStored}));
  EXPECT_EQ(conflict_line, 2) << "the conflict names the stored (first) row";
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM measurement"), 3);
  EXPECT_EQ(Count(*store_, "SELECT min(source_line) FROM measurement WHERE patient_id = 'P1'"), 2);
  EXPECT_TRUE(HasDateIndex());
  if (store_->dialect() == SqlDialect::kPostgresql) {
    EXPECT_EQ(
        Count(*store_, std::string("SELECT count(*) FROM (") +
                           std::string(MeasurementForeignKeysSql(store_->dialect())) + ") AS k"),
        1)
        << "the foreign key to import_batch is back";
  }
}

// On PostgreSQL a batch of different keys goes straight into measurement
// when the store was empty, unless a probe finds one of its keys stored by
// an earlier batch; that batch takes the staged way. Either way the ids
// follow the file without gaps, and the highest id is known after each
// batch. The repeated key holds every character an array literal quotes.
TEST_F(MeasurementWriterTest, BatchesIntoAnEmptyStoreNumberTheirRowsInFileOrder) {
  const std::string awkward = "P1 \"a\",{b}\\c";
  const std::vector<std::vector<Measurement>> batches = {
      {Example(awkward), Example("P2"), Example("P3")},
      {Example("P4"), Example(awkward), Example("P5")},
      {Example("P6"), Example("P7")}};
  using Outcome = MeasurementWriter::Outcome;
  std::vector<Outcome> outcomes;
  std::vector<int64_t> last_ids;
  Status status = store_->InTransaction([&]() -> Status {
    auto writer = MeasurementWriter::Begin(*store_, {"a.csv", "hash-a", "csv", "u"}, 1000);
    if (!writer.ok()) return writer.error();
    int line = 2;
    for (const std::vector<Measurement>& batch : batches) {
      std::vector<MeasurementWriter::BatchEntry> entries(batch.size());
      for (size_t i = 0; i < batch.size(); ++i) {
        entries[i].measurement = &batch[i];
        entries[i].source_line = line++;
      }
      Status written = writer.value()->WriteBatch(entries);
      if (!written.ok()) return written;
      for (const auto& entry : entries) outcomes.push_back(entry.outcome);
      last_ids.push_back(writer.value()->last_stored_id());
    }
    return writer.value()->Finish(ImportCounts{8, 7, 1, 0, 0});
  });
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(outcomes, (std::vector<Outcome>{Outcome::kStored, Outcome::kStored, Outcome::kStored,
                                            Outcome::kStored, Outcome::kSkipped, Outcome::kStored,
                                            Outcome::kStored, Outcome::kStored}));
  EXPECT_EQ(last_ids, (std::vector<int64_t>{3, 5, 7}));
  SqlStatement order(*store_, "SELECT id, patient_id FROM measurement ORDER BY id");
  std::vector<std::string> patients;
  int64_t expected_id = 1;
  while (order.Step()) {
    EXPECT_EQ(order.Int(0), expected_id++) << "ids without gaps";
    patients.emplace_back(order.Text(1));
  }
  EXPECT_EQ(patients, (std::vector<std::string>{awkward, "P2", "P3", "P4", "P5", "P6", "P7"}));
}

// The failed insert ends the transaction (PostgreSQL refuses everything
// after a failed statement; the store's code never goes on after one).
TEST_F(MeasurementWriterTest, TheSameHashCannotMakeTwoBatches) {
  Status status = store_->InTransaction([&]() -> Status {
    EXPECT_TRUE(MeasurementWriter::Begin(*store_, {"a.csv", "h", "csv", "u"}, 0).ok());
    auto second = MeasurementWriter::Begin(*store_, {"b.csv", "h", "csv", "u"}, 0);
    if (!second.ok()) return second.error();
    return MakeError("the second batch with hash h was accepted");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("database error:"), std::string::npos)
      << status.error().message;
  EXPECT_EQ(Count(*store_, "SELECT count(*) FROM import_batch"), 0);
}

}  // namespace
}  // namespace clusterpilot
