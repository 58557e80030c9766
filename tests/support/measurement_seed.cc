#include "tests/support/measurement_seed.h"

#include <gtest/gtest.h>

#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {

void SeedMeasurements(Store& store, std::vector<Measurement>* measurements) {
  Status status = store.InTransaction([&]() -> Status {
    SqlStatement batch(store,
                       "INSERT INTO import_batch(file_name, content_hash, format, imported_at, "
                       "imported_by) VALUES('seed', hex(randomblob(16)), 'test', "
                       "'2026-01-01T00:00:00Z', 'test')");
    Status inserted = batch.Run();
    if (!inserted.ok()) return inserted;
    SqlStatement insert(store,
                        "INSERT INTO measurement(patient_id, department, rating_date, clinician, "
                        "supercluster, hv01, hv02, hv03, hv04, hv05, hv06, hv07, hv08, hv09, hv10, "
                        "hv11, hv12, hv13, hv14, hv15, hv16, hv17, hv18, hv19, hv08_type, route, "
                        "batch_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                        "(SELECT max(id) FROM import_batch))");
    SqlStatement last(store, "SELECT last_insert_rowid()");
    for (Measurement& m : *measurements) {
      insert.BindText(1, m.patient_id);
      insert.BindText(2, m.department);
      insert.BindText(3, m.rating_date.ToIso());
      insert.BindText(4, m.clinician);
      insert.BindInt(5, static_cast<int>(m.supercluster));
      for (int item = 0; item < kItemCount; ++item) {
        if (m.ratings[item] == kUnknownRating) {
          insert.BindNull(6 + item);
        } else {
          insert.BindInt(6 + item, m.ratings[item]);
        }
      }
      if (m.hv08_type != 0) {
        insert.BindText(25, std::string(1, m.hv08_type));
      } else {
        insert.BindNull(25);
      }
      if (m.route != RatingRoute::kUnknown) {
        insert.BindText(26, RatingRouteName(m.route));
      } else {
        insert.BindNull(26);
      }
      inserted = insert.Run();
      if (!inserted.ok()) return inserted;
      last.Step();
      m.id = last.Int(0);
      last.Reset();
    }
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.error().ToString();
}

void SeedMeasurementsAt(const std::string& path, std::vector<Measurement>* measurements) {
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  SeedMeasurements(*store.value(), measurements);
}

Measurement MakeMeasurement(const std::string& patient, const std::string& department,
                            const std::string& date, Supercluster supercluster,
                            std::initializer_list<std::pair<int, int>> ratings) {
  Measurement m;
  m.patient_id = patient;
  m.department = department;
  m.rating_date = CalendarDate::Parse(date).value_or(CalendarDate{});
  m.clinician = "dr. test";
  m.supercluster = supercluster;
  m.ratings.fill(0);
  for (auto [item, rating] : ratings) m.ratings[item - 1] = static_cast<int8_t>(rating);
  return m;
}

}  // namespace clusterpilot
