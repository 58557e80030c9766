#include "importers/record_writer.h"

#include <gtest/gtest.h>

#include "importers/xml_export_reader.h"

namespace clusterpilot {
namespace {

TEST(RecordWriterTest, AConflictNamesEveryDifferingValueAsTheFileNamesIt) {
  Measurement here;
  here.ratings.fill(1);
  here.hv08_type = 'C';
  here.clinician = "B. Bakker";
  StoredMeasurement stored;
  stored.measurement = here;
  stored.measurement.ratings[0] = kUnknownRating;
  stored.measurement.ratings[18] = 4;
  stored.measurement.hv08_type = 0;
  stored.measurement.route = RatingRoute::kFull;
  stored.file_name = "jan.xml";
  stored.source_line = 14;
  const RowProblem problem = DescribeConflict(9, here, stored, XmlExportReader::Labels());
  EXPECT_EQ(problem.line, 9);
  EXPECT_EQ(problem.field, "hv01");
  EXPECT_EQ(problem.reason,
            "already stored with other ratings (jan.xml, line 14): hv01 unknown there, 1 here, "
            "hv19 4 there, 1 here, hv08-type empty there, \"C\" here, route \"full\" there, empty "
            "here; the stored measurement was kept");
}

TEST(BoundedQueueTest, DeliversInOrderAndStopsWhenFinishedOrClosed) {
  BoundedQueue<int> queue(2);
  EXPECT_TRUE(queue.Push(1));
  EXPECT_TRUE(queue.TryPush(2));
  EXPECT_FALSE(queue.TryPush(3));  // full
  EXPECT_EQ(queue.Pop(), 1);
  EXPECT_EQ(queue.TryPop(), 2);
  EXPECT_EQ(queue.TryPop(), std::nullopt);
  queue.Push(4);
  queue.Finish();
  EXPECT_EQ(queue.Pop(), 4);  // drained after Finish
  EXPECT_EQ(queue.Pop(), std::nullopt);
  BoundedQueue<int> closed(1);
  closed.Push(1);
  closed.Close();
  EXPECT_FALSE(closed.Push(2));
  EXPECT_EQ(closed.Pop(), std::nullopt);
}

TEST(RecordProducerTest, SendsFullBatchesAndReusesTheOnesSentBack) {
  RecordQueue queue(100);
  RecordQueue recycled(100);
  FieldLabels labels = XmlExportReader::Labels();
  RowValidator validator(labels, CalendarDate{2026, 11, 23});
  RecordProducer producer(queue, recycled, validator, /*keep_row_text=*/false);
  RawMeasurement raw;
  raw.values[kPatientField] = "P1";
  raw.values[kDepartmentField] = "Psychosezorg";
  raw.values[kDateField] = "2026-03-07";
  for (int item = 0; item < kItemCount; ++item) raw.values[ItemField(item)] = "2";
  for (int i = 0; i < 1500; ++i) {
    raw.line = i + 1;
    raw.values[ItemField(0)] = i == 7 ? "8" : "2";
    ASSERT_TRUE(producer.Add(raw, [](std::string* text) { *text = "row"; }));
    if (i == 1100) recycled.Push(*queue.TryPop());  // the writer is done with the first batch
  }
  producer.Finish();
  std::optional<RecordBatch> second = queue.Pop();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->size(), 476u);  // 1500 - 1024, in the recycled batch
  EXPECT_EQ(second->front().line, 1025);
  EXPECT_TRUE(second->front().problems.empty());
  EXPECT_EQ(second->front().row_text, "");  // valid rows keep no text, whatever the batch held
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

TEST(RecordProducerTest, RejectedRowsCarryTheirProblemsAndText) {
  RecordQueue queue(10);
  RecordQueue recycled(10);
  RowValidator validator(XmlExportReader::Labels(), CalendarDate{2026, 11, 23});
  RecordProducer producer(queue, recycled, validator, false);
  RawMeasurement raw;
  raw.line = 3;
  ASSERT_TRUE(producer.Add(raw, [](std::string* text) { *text = "the row"; }));
  producer.Finish();
  std::optional<RecordBatch> batch = queue.Pop();
  ASSERT_EQ(batch->size(), 1u);
  EXPECT_EQ(batch->front().row_text, "the row");
  // Patient, department and date; empty items are simply unknown.
  EXPECT_EQ(batch->front().problems.size(), 3u);
}

}  // namespace
}  // namespace clusterpilot
