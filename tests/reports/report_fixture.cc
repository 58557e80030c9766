#include "tests/reports/report_fixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "store/classification_table.h"
#include "store/override_table.h"

namespace clusterpilot {
namespace {

void Check(const Status& status) {
  if (!status.ok()) ADD_FAILURE() << status.error().ToString();
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
  auto writer = MeasurementWriter::Begin(*store_, {"fixture.csv", "fixture", "csv", "test"}, 0);
  if (!writer.ok()) {
    ADD_FAILURE() << writer.error().ToString();
    return;
  }
  writer_ = std::move(writer).value();
}

ReportStore::~ReportStore() = default;

int64_t ReportStore::AddModel(const std::string& name, const std::string& version) {
  Result<ClusterModelRecord> model = RegisterClusterModel(*store_, name, version, "hash");
  if (!model.ok()) ADD_FAILURE() << model.error().ToString();
  latest_model_ = model.ok() ? model.value().id : 0;
  return latest_model_;
}

int64_t ReportStore::AddMeasurement(const std::string& patient, const std::string& department,
                                    const std::string& rating_date, const ItemRatings& ratings) {
  Measurement measurement;
  measurement.patient_id = patient;
  measurement.department = department;
  measurement.rating_date = CalendarDate::Parse(rating_date).value_or(CalendarDate{});
  measurement.ratings = ratings;
  return AddMeasurement(measurement);
}

int64_t ReportStore::AddMeasurement(const Measurement& measurement) {
  StoredMeasurement stored;
  Result<MeasurementWriter::Outcome> written = writer_->Write(measurement, 0, &stored);
  if (!written.ok()) ADD_FAILURE() << written.error().ToString();
  if (written.ok() && written.value() != MeasurementWriter::Outcome::kStored) {
    ADD_FAILURE() << measurement.patient_id << " " << measurement.department << " "
                  << measurement.rating_date.ToIso() << " is stored already";
  }
  return writer_->last_stored_id();
}

void ReportStore::Classify(int64_t measurement, int cluster, const std::string& probabilities,
                           uint32_t flags, int64_t model) {
  ClassificationWriter writer(*store_, model != 0 ? model : latest_model_, "2026-11-01T00:00:00Z");
  Check(writer.Write({measurement, cluster, 0, probabilities, flags, "", ""}));
}

void ReportStore::Override(int64_t measurement, int cluster) {
  Result<OverrideOutcome> stored =
      RecordOverride(*store_, measurement, cluster, "clinical judgement", "dr. test");
  if (!stored.ok()) ADD_FAILURE() << stored.error().ToString();
}

void ReportStore::InOneTransaction(const std::function<void()>& work) {
  Check(store_->InTransaction([&work] {
    work();
    return Status::Ok();
  }));
}

void FillSyntheticStore(ReportStore* store, const SyntheticStoreOptions& options) {
  std::mt19937_64 random(options.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::vector<int> clusters = {1,  2,  3,  4,  5,  6,  7,  8,  10, 11,
                                     12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
  store->AddModel();
  store->InOneTransaction([&] {
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
  });
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
