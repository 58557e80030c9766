#include "tests/reports/report_fixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "store/sql_statement.h"

namespace clusterpilot {
namespace {

void Run(SqlStatement& statement) {
  Status status = statement.Run();
  if (!status.ok()) ADD_FAILURE() << status.error().ToString();
}

int64_t LastId(Store& store) {
  SqlStatement select(store, "SELECT last_insert_rowid()");
  select.Step();
  return select.Int(0);
}

std::string Cents(int64_t cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld,%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buffer;
}

}  // namespace

ItemRatings AllRated(int8_t rating) {
  ItemRatings ratings;
  ratings.fill(rating);
  return ratings;
}

ReportStore::ReportStore(const std::string& path) {
  auto opened = Store::Open(path);
  if (!opened.ok()) {
    ADD_FAILURE() << opened.error().ToString();
    return;
  }
  store_ = std::move(opened).value();
  Status status = store_->Execute(
      "INSERT INTO import_batch(file_name, content_hash, format, imported_at, imported_by) "
      "VALUES('fixture.csv', 'fixture', 'csv', '2026-11-01T00:00:00Z', 'test')");
  if (!status.ok()) ADD_FAILURE() << status.error().ToString();
}

int64_t ReportStore::AddModel(const std::string& name, const std::string& version) {
  SqlStatement insert(*store_,
                      "INSERT INTO cluster_model(name, version, content_hash, loaded_at) "
                      "VALUES(?, ?, 'hash', '2026-11-01T00:00:00Z')");
  insert.BindText(1, name);
  insert.BindText(2, version);
  Run(insert);
  latest_model_ = LastId(*store_);
  return latest_model_;
}

int64_t ReportStore::AddMeasurement(const std::string& patient, const std::string& department,
                                    const std::string& rating_date, const ItemRatings& ratings) {
  std::string sql = "INSERT INTO measurement(patient_id, department, rating_date, batch_id";
  for (int i = 0; i < kItemCount; ++i) sql += ", hv" + ItemCode(i).substr(2);
  sql += ") VALUES(?, ?, ?, 1";
  for (int i = 0; i < kItemCount; ++i) sql += ", ?";
  sql += ")";
  SqlStatement insert(*store_, sql);
  insert.BindText(1, patient);
  insert.BindText(2, department);
  insert.BindText(3, rating_date);
  for (int i = 0; i < kItemCount; ++i) {
    if (ratings[i] == kUnknownRating) {
      insert.BindNull(4 + i);
    } else {
      insert.BindInt(4 + i, ratings[i]);
    }
  }
  Run(insert);
  return LastId(*store_);
}

void ReportStore::Classify(int64_t measurement, int cluster, const std::string& probabilities,
                           uint32_t flags, int64_t model) {
  SqlStatement insert(*store_,
                      "INSERT INTO classification(measurement_id, model_id, cluster, probability, "
                      "probabilities, flags, classified_at) VALUES(?, ?, ?, NULL, ?, ?, "
                      "'2026-11-01T00:00:00Z')");
  insert.BindInt(1, measurement);
  insert.BindInt(2, model != 0 ? model : latest_model_);
  if (cluster == 0) {
    insert.BindNull(3);
  } else {
    insert.BindInt(3, cluster);
  }
  insert.BindText(4, probabilities);
  insert.BindInt(5, flags);
  Run(insert);
}

void ReportStore::Override(int64_t measurement, int cluster) {
  SqlStatement insert(
      *store_,
      "INSERT INTO clinician_override(measurement_id, cluster, reason, by_user, at) "
      "VALUES(?, ?, 'clinical judgement', 'dr. test', '2026-11-02T00:00:00Z')");
  insert.BindInt(1, measurement);
  insert.BindInt(2, cluster);
  Run(insert);
}

void ReportStore::Begin() { ASSERT_TRUE(store_->Execute("BEGIN").ok()); }
void ReportStore::Commit() { ASSERT_TRUE(store_->Execute("COMMIT").ok()); }

void FillSyntheticStore(ReportStore* store, const SyntheticStoreOptions& options) {
  std::mt19937_64 random(options.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::vector<int> clusters = {1,  2,  3,  4,  5,  6,  7,  8,  10, 11,
                                     12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
  store->AddModel();
  store->Begin();
  for (int p = 0; p < options.patients; ++p) {
    const std::string patient = "P" + std::to_string(100000 + p);
    // Department sizes differ on purpose, so some departments have few patients.
    const int department = static_cast<int>(std::pow(unit(random), 1.6) * options.departments);
    const std::string department_name =
        "Department " + std::string(1, static_cast<char>('A' + department));
    int cluster = clusters[random() % clusters.size()];
    for (int m = options.months - 1; m >= 0; --m) {
      if (unit(random) < 0.15) continue;  // not rated this month
      const CalendarMonth month = options.last.Plus(-m);
      if (unit(random) < 0.1) cluster = clusters[random() % clusters.size()];  // moved
      const int ratings_in_month = unit(random) < 0.2 ? 2 : 1;
      for (int r = 0; r < ratings_in_month; ++r) {
        char date[16];
        std::snprintf(date, sizeof date, "%s-%02d", month.Key().c_str(),
                      3 + r * 12 + static_cast<int>(random() % 10));
        ItemRatings ratings = AllRated(static_cast<int8_t>(random() % 5));
        if (unit(random) < 0.2) ratings[6] = kUnknownRating;
        const int64_t id = store->AddMeasurement(patient, department_name, date, ratings);
        if (unit(random) < options.unclassified_share) continue;
        const int runner_up = clusters[random() % clusters.size()];
        const double top = 0.5 + 0.5 * unit(random);
        std::string probabilities =
            std::to_string(cluster) + ":" + std::to_string(top).substr(0, 6);
        if (runner_up != cluster)
          probabilities +=
              ";" + std::to_string(runner_up) + ":" + std::to_string(1 - top).substr(0, 6);
        const uint32_t flags = unit(random) < options.flag_share ? (1u << (random() % 5)) : 0u;
        const bool no_fit = unit(random) < 0.03;
        store->Classify(id, no_fit ? 0 : cluster, probabilities, no_fit ? flags | 4u : flags);
        if (unit(random) < options.override_share) {
          store->Override(id, unit(random) < 0.6 ? cluster : runner_up);
        }
      }
    }
  }
  store->Commit();
}

std::string TariffCsv(const std::function<ClusterTariff(int cluster)>& tariff) {
  std::string csv = "cluster;tariff_low;tariff_expected;tariff_high\n";
  for (int cluster = 1; cluster <= 21; ++cluster) {
    if (cluster == 9) continue;
    const ClusterTariff t = tariff(cluster);
    csv += std::to_string(cluster) + ";" + Cents(t.low_cents) + ";" + Cents(t.expected_cents) +
           ";" + Cents(t.high_cents) + "\n";
  }
  return csv;
}

std::string PlausibleTariffCsv() {
  return TariffCsv([](int cluster) {
    const int64_t expected = 40000 + cluster * 13557;  // odd cents on purpose
    return ClusterTariff{expected * 8 / 10 + 1, expected, expected * 13 / 10 + 3};
  });
}

}  // namespace clusterpilot
