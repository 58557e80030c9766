#include "tests/web/web_test_environment.h"

#include <gtest/gtest.h>

#include "core/cluster_assignment.h"
#include "store/classification_table.h"
#include "store/store.h"
#include "tests/support/measurement_seed.h"
#include "tests/support/test_store.h"
#include "web/password_hasher.h"

namespace clusterpilot {
namespace {

void AddUser(Store& store, const std::string& name, WebRole role,
             std::vector<std::string> departments, Language language = kDefaultLanguage) {
  WebUser user;
  user.language = language;
  user.name = name;
  user.role = role;
  user.departments = std::move(departments);
  Result<std::string> hash = HashPassword(kPassword);
  ASSERT_TRUE(hash.ok()) << hash.error().ToString();
  user.password_hash = hash.value();
  Result<int64_t> added = AddWebUser(store, user, "test");
  ASSERT_TRUE(added.ok()) << added.error().ToString();
}

}  // namespace

std::string WebTestEnvironment::UserOf(WebRole role) {
  return "user-" + std::string(WebRoleName(role));
}

WebTestEnvironment::WebTestEnvironment(int recheck_seconds) : store_path_(TestStoreLocation(dir_)) {
  auto store = std::move(Store::Open(store_path_)).value();
  std::vector<Measurement> measurements = {
      MakeMeasurement(kScriptText, kDepartmentA, "2026-03-05", Supercluster::kNonPsychotic,
                      {{1, 3}, {7, 2}}),
      MakeMeasurement("P-B-1", kDepartmentB, "2026-03-06", Supercluster::kNonPsychotic, {})};
  measurements[0].clinician = kImageText;
  SeedMeasurements(*store, &measurements);
  measurement_a_ = measurements[0].id;
  measurement_b_ = measurements[1].id;
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  ClassificationWriter writer(*store, model, "2026-03-07T00:00:00Z");
  EXPECT_TRUE(writer
                  .Write({measurement_a_, 4, 0.55, "4:0.5500;5:0.4500", kFlagAmbiguous,
                          "De twee beste clusters liggen dicht bij elkaar.", ""})
                  .ok());
  EXPECT_TRUE(writer.Write({measurement_b_, 11, 0.9, "11:0.9000", 0, "", ""}).ok());
  AddUser(*store, UserOf(WebRole::kClinician), WebRole::kClinician, {kDepartmentA});
  AddUser(*store, UserOf(WebRole::kFinance), WebRole::kFinance, {});
  AddUser(*store, UserOf(WebRole::kManager), WebRole::kManager, {kDepartmentA});
  AddUser(*store, UserOf(WebRole::kAdmin), WebRole::kAdmin, {});
  AddUser(*store, "clinician-b", WebRole::kClinician, {kDepartmentB});
  store.reset();
  ServeOptions options;
  options.db_path = store_path_;
  options.port = 0;
  options.threads = 8;
  options.recheck_seconds = recheck_seconds;
  options.reports.folder = dir_.File("reports");
  options.reports.tariff_file = std::string(CLUSTERPILOT_SOURCE_DIR) + "/data/demo_tariffs.csv";
  options.reports.upload_limit_bytes = kUploadLimitBytes;
  auto server = WebServer::Start(options);
  EXPECT_TRUE(server.ok()) << server.error().ToString();
  server_ = std::move(server).value();
}

void WebTestEnvironment::AddClinician(const std::string& name) {
  auto store = Store::Open(store_path_);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  AddUser(*store.value(), name, WebRole::kClinician, {kDepartmentA});
}

}  // namespace clusterpilot

namespace clusterpilot {

void WebTestEnvironment::AddAccount(const std::string& name, WebRole role,
                                    std::vector<std::string> departments, Language language) {
  auto store = Store::Open(store_path_);
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  AddUser(*store.value(), name, role, std::move(departments), language);
}

std::vector<int64_t> WebTestEnvironment::AddClassified(const std::string& department,
                                                       const std::string& date, int count,
                                                       uint32_t flags, int cluster) {
  auto store = std::move(Store::Open(store_path_)).value();
  std::vector<Measurement> measurements;
  for (int i = 1; i <= count; ++i) {
    measurements.push_back(MakeMeasurement(department + "-" + date + "-" + std::to_string(i),
                                           department, date, Supercluster::kNonPsychotic,
                                           {{4, 2}}));
  }
  SeedMeasurements(*store, &measurements);
  const int64_t model = RegisterClusterModel(*store, "m", "1", "h").value().id;
  ClassificationWriter writer(*store, model, "2026-03-07T00:00:00Z");
  std::vector<int64_t> ids;
  for (const Measurement& measurement : measurements) {
    const std::string probabilities = std::to_string(cluster) + ":0.8000";
    EXPECT_TRUE(writer.Write({measurement.id, cluster, 0.8, probabilities, flags, "", ""}).ok());
    ids.push_back(measurement.id);
  }
  return ids;
}

}  // namespace clusterpilot
