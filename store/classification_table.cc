#include "store/classification_table.h"

#include "store/audit_log.h"
#include "store/postgresql_connection.h"
#include "store/postgresql_copy.h"
#include "store/sql_statement.h"
#include "store/store.h"

namespace clusterpilot {
namespace {

constexpr const char* kCurrentClusterModel =
    "SELECT id, name, version, content_hash, loaded_at FROM current_cluster_model";
constexpr const char* kCountClassified = "SELECT count(*) FROM classification WHERE model_id = ?";

Result<int64_t> CountOf(Store& store, const char* sql, int64_t parameter = -1) {
  SqlStatement count(store, sql);
  if (parameter >= 0) count.BindInt(1, parameter);
  if (!count.Step()) {
    return count.status().ok() ? Result<int64_t>(int64_t{0}) : count.status().error();
  }
  return count.Int(0);
}

Result<ClusterModelRecord> FindOrAddModel(Store& store, const std::string& name,
                                          const std::string& version,
                                          const std::string& content_hash) {
  SqlStatement find(store,
                    "SELECT id, content_hash, loaded_at FROM cluster_model "
                    "WHERE name = ? AND version = ?");
  find.BindText(1, name);
  find.BindText(2, version);
  if (find.Step()) {
    ClusterModelRecord record{find.Int(0), name, version, std::string(find.Text(1)),
                              std::string(find.Text(2))};
    if (record.content_hash != content_hash) {
      Error error;
      error.file = store.path();
      error.field = "model";
      error.value = name + " " + version;
      error.message =
          "this store already has results of a different model with the same name and version; "
          "give the changed model a new version";
      return error;
    }
    return record;
  }
  if (!find.status().ok()) return find.status().error();
  ClusterModelRecord record{0, name, version, content_hash, UtcTimestamp()};
  SqlStatement insert(store,
                      "INSERT INTO cluster_model(name, version, content_hash, loaded_at) "
                      "VALUES(?,?,?,?)");
  insert.BindText(1, name);
  insert.BindText(2, version);
  insert.BindText(3, content_hash);
  insert.BindText(4, record.loaded_at);
  Status inserted = insert.Run();
  if (!inserted.ok()) return inserted.error();
  record.id = store.LastInsertId();
  return record;
}

}  // namespace

Result<ClusterModelRecord> RegisterClusterModel(Store& store, const std::string& name,
                                                const std::string& version,
                                                const std::string& content_hash) {
  Result<ClusterModelRecord> record = FindOrAddModel(store, name, version, content_hash);
  if (!record.ok()) return record;
  SqlStatement use(store, "INSERT INTO cluster_model_use(model_id, used_at) VALUES(?,?)");
  use.BindInt(1, record.value().id);
  use.BindText(2, UtcTimestamp());
  Status used = use.Run();
  if (!used.ok()) return used.error();
  return record;
}

Result<ClusterModelRecord> CurrentClusterModel(Store& store) {
  SqlStatement select(store, kCurrentClusterModel);
  ClusterModelRecord model;
  if (select.Step()) {
    model =
        ClusterModelRecord{select.Int(0), std::string(select.Text(1)), std::string(select.Text(2)),
                           std::string(select.Text(3)), std::string(select.Text(4))};
  }
  if (!select.status().ok()) return select.status().error();
  return model;
}

std::string CurrentClusterModelQuery() { return kCurrentClusterModel; }

Result<int64_t> CountClassified(Store& store, int64_t model_id) {
  return CountOf(store, kCountClassified, model_id);
}

Result<int64_t> CountMeasurements(Store& store) {
  return CountOf(store, "SELECT count(*) FROM measurement");
}

Status RecordClassifiedThrough(Store& store, int64_t model_id) {
  SqlStatement record(store,
                      "INSERT INTO classification_progress(model_id, through_measurement_id) "
                      "SELECT ?1, coalesce(max(id), 0) FROM measurement WHERE true "
                      "ON CONFLICT(model_id) DO UPDATE "
                      "SET through_measurement_id = excluded.through_measurement_id");
  record.BindInt(1, model_id);
  return record.Run();
}

namespace {

constexpr int kColumnsPerRow = 9;

// INSERT INTO classification(...) VALUES(?,...),(?,...)... for `rows` rows.
std::string InsertClassificationsSql(size_t rows) {
  std::string sql =
      "INSERT INTO classification(measurement_id, model_id, cluster, probability, "
      "probabilities, flags, flag_reasons, explanation, classified_at) VALUES";
  for (size_t row = 0; row < rows; ++row)
    sql += row == 0 ? "(?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?)";
  return sql;
}

}  // namespace

ClassificationWriter::ClassificationWriter(Store& store, int64_t model_id,
                                           std::string classified_at)
    : store_(store),
      model_id_(model_id),
      classified_at_(std::move(classified_at)),
      insert_(std::make_unique<SqlStatement>(store, InsertClassificationsSql(1))) {}

ClassificationWriter::~ClassificationWriter() = default;

void ClassificationWriter::Bind(SqlStatement& insert, int first,
                                const ClassificationRecord& record) {
  insert.BindInt(first, record.measurement_id);
  insert.BindInt(first + 1, model_id_);
  if (record.cluster > 0) {
    insert.BindInt(first + 2, record.cluster);
    insert.BindDouble(first + 3, record.probability);
  } else {
    insert.BindNull(first + 2);
    insert.BindNull(first + 3);
  }
  insert.BindTextView(first + 4, record.probabilities);
  insert.BindInt(first + 5, record.flags);
  insert.BindTextView(first + 6, record.flag_reasons);
  insert.BindTextView(first + 7, record.explanation);
  insert.BindTextView(first + 8, classified_at_);
}

// The highest measurement the model classified is read once, through the
// index by model (its last entry for the model).
Status ClassificationWriter::CheckAppendedInOrder(const ClassificationRecord* records,
                                                  size_t count) {
  if (store_.postgresql() != nullptr) return Status::Ok();
  if (last_measurement_id_ < 0) {
    Result<int64_t> highest = CountOf(store_,
                                      "SELECT coalesce(max(measurement_id), 0) FROM "
                                      "classification WHERE model_id = ?",
                                      model_id_);
    if (!highest.ok()) return highest.error();
    last_measurement_id_ = highest.value();
  }
  for (size_t i = 0; i < count; ++i) {
    if (records[i].measurement_id <= last_measurement_id_) {
      Error error;
      error.file = store_.path();
      error.field = "measurement";
      error.value = std::to_string(records[i].measurement_id);
      error.message =
          "already classified by this model, or stored before a measurement it classified "
          "(a model's results are kept in measurement order)";
      return error;
    }
    last_measurement_id_ = records[i].measurement_id;
  }
  return Status::Ok();
}

// A failed insert leaves the highest classified measurement unknown: the
// check counted rows that did not land. It is read again on the next write.
Status ClassificationWriter::ForgetHighestOnFailure(Status written) {
  if (!written.ok()) last_measurement_id_ = -1;
  return written;
}

Status ClassificationWriter::InsertOne(const ClassificationRecord& record) {
  Bind(*insert_, 1, record);
  return ForgetHighestOnFailure(insert_->Run());
}

Status ClassificationWriter::Write(const ClassificationRecord& record) {
  Status in_order = CheckAppendedInOrder(&record, 1);
  if (!in_order.ok()) return in_order;
  return InsertOne(record);
}

// PostgreSQL takes the batch as one COPY: the same rows, one round trip.
Status ClassificationWriter::CopyBatch(const ClassificationRecord* records, size_t count) {
  auto copy = PostgresqlCopy::Start(*store_.postgresql(),
                                    "COPY classification(measurement_id, model_id, cluster, "
                                    "probability, probabilities, flags, flag_reasons, "
                                    "explanation, classified_at) FROM STDIN");
  if (!copy.ok()) return copy.error();
  PostgresqlCopy& rows = *copy.value();
  for (size_t i = 0; i < count; ++i) {
    const ClassificationRecord& record = records[i];
    rows.Int(record.measurement_id);
    rows.Int(model_id_);
    if (record.cluster > 0) {
      rows.Int(record.cluster);
      rows.Double(record.probability);
    } else {
      rows.Null();
      rows.Null();
    }
    rows.Text(record.probabilities);
    rows.Int(record.flags);
    rows.Text(record.flag_reasons);
    rows.Text(record.explanation);
    rows.Text(classified_at_);
    Status row = rows.EndRow();
    if (!row.ok()) return row;
  }
  return rows.Finish();
}

Status ClassificationWriter::WriteBatch(const ClassificationRecord* records, size_t count) {
  if (store_.postgresql() != nullptr) return CopyBatch(records, count);
  Status in_order = CheckAppendedInOrder(records, count);
  if (!in_order.ok()) return in_order;
  size_t done = 0;
  for (; count - done >= kRowsPerStatement; done += kRowsPerStatement) {
    if (!insert_many_) {
      insert_many_ =
          std::make_unique<SqlStatement>(store_, InsertClassificationsSql(kRowsPerStatement));
    }
    for (size_t row = 0; row < kRowsPerStatement; ++row) {
      Bind(*insert_many_, static_cast<int>(row) * kColumnsPerRow + 1, records[done + row]);
    }
    Status written = insert_many_->Run();
    if (!written.ok()) return ForgetHighestOnFailure(written);
  }
  for (; done < count; ++done) {
    Status written = InsertOne(records[done]);
    if (!written.ok()) return written;
  }
  return Status::Ok();
}

}  // namespace clusterpilot
