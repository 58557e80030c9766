// Every limit of importers/field_limits.h and every kind of control
// character, through the real importer, in CSV and in XML, with the message
// the user reads.
#include "importers/field_limits.h"

#include <gtest/gtest.h>

#include "importers/export_importer.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_store.h"

namespace clusterpilot {
namespace {

const CalendarDate kToday{2026, 11, 23};

struct Values {
  std::string patient = "P1";
  std::string department = "Psychosezorg";
  std::string clinician = "A. Jansen";
  std::string hv01 = "1";
};

// CSV cells are quoted, with quotes doubled, so any byte can be written.
std::string Quoted(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Csv(const Values& v) {
  std::string text = "patient;afdeling;datum;behandelaar";
  for (int item = 1; item <= kItemCount; ++item) text += ";HV" + std::to_string(item);
  text += "\n" + Quoted(v.patient) + ";" + Quoted(v.department) + ";07-03-2026;" +
          Quoted(v.clinician) + ";" + Quoted(v.hv01);
  for (int item = 2; item <= kItemCount; ++item) text += ";1";
  return text + "\n";
}

std::string Xml(const Values& v, const std::string& version = "1.0") {
  std::string text = "<?xml version=\"" + version +
                     "\" encoding=\"UTF-8\"?>\n"
                     "<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">\n"
                     "<measurement patient=\"" +
                     v.patient + "\" department=\"" + v.department +
                     "\" date=\"2026-03-07\" clinician=\"" + v.clinician + "\" hv01=\"" + v.hv01 +
                     "\"";
  for (int item = 2; item <= kItemCount; ++item) {
    text += std::string(" hv") + (item < 10 ? "0" : "") + std::to_string(item) + "=\"1\"";
  }
  return text + "/>\n</honosplus-export>\n";
}

class FieldLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override { OpenStore("store.db"); }

  // A new store each time: a file named `name`, or a new database.
  void OpenStore(const std::string& name) {
    importer_.reset();
    store_.reset();
    auto store = Store::Open(TestsUsePostgresql() ? TestStoreLocation(dir_) : dir_.File(name));
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    importer_ = std::make_unique<ExportImporter>(*store_);
  }

  // The first problem the import names, or "stored" when the row was stored.
  std::string Import(const std::string& name, const std::string& content) {
    WriteFile(dir_.File(name), content);
    ImportOptions options;
    options.path = dir_.File(name);
    options.user = "fin01";
    options.today = kToday;
    Result<ImportSummary> summary = importer_->Import(options);
    if (!summary.ok()) {
      const std::string message = summary.error().ToString();
      return message.substr(message.find(name));
    }
    if (summary.value().counts.stored == 1) return "stored";
    if (summary.value().first_problems.empty()) return "nothing stored, no problem named";
    std::string message = summary.value().first_problems[0].ToString();
    return message.substr(message.find(name));
  }

  ScopedTempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ExportImporter> importer_;
};

TEST_F(FieldLimitsTest, EveryLimitAndControlCharacterInCsvAndXml) {
  const std::string p200(200, 'p');
  const std::string p201(201, 'p');
  struct Case {
    Values values;
    std::string csv;  // what the CSV import says
    std::string xml;  // what the XML import says
  };
  std::vector<Case> cases;
  auto add = [&](auto set, std::string csv, std::string xml) {
    Case c;
    set(c.values);
    c.csv = std::move(csv);
    c.xml = std::move(xml);
    cases.push_back(std::move(c));
  };
  add([&](Values& v) { v.patient = p200; }, "stored", "stored");
  add([&](Values& v) { v.patient = p201; },
      "f.csv:2: column \"patient\": longer than 200 characters, the limit for a patient id",
      "f.xml:3: attribute \"patient\": longer than 200 characters, the limit for a patient id");
  add([&](Values& v) { v.patient = std::string(199, 'p') + "\xC3\xAB"; }, "stored", "stored");
  add([&](Values& v) { v.department = std::string(201, 'd'); },
      "f.csv:2: column \"afdeling\": longer than 200 characters, the limit for a department",
      "f.xml:3: attribute \"department\": longer than 200 characters, the limit for a department");
  add([&](Values& v) { v.clinician = std::string(201, 'c'); },
      "f.csv:2: column \"behandelaar\": longer than 200 characters, the limit for a clinician id",
      "f.xml:3: attribute \"clinician\": longer than 200 characters, the limit for a clinician "
      "id");
  add([&](Values& v) { v.clinician = "A.\tJansen"; }, "stored", "stored");
  add(
      [&](Values& v) {
        v.patient = "P\x01X";
        v.department = "Team&#x1;X";
      },
      "f.csv:2: column \"patient\": contains the control character 0x01 at character 2; only "
      "tab is allowed",
      "f.xml:3:25: is not well-formed XML: invalid character 0x1 in attribute value 'patient'");
  add([&](Values& v) { v.department = "Team\x1B"; },
      "f.csv:2: column \"afdeling\": contains the control character 0x1B at character 5; only "
      "tab is allowed",
      "f.xml:3:44: is not well-formed XML: invalid character 0x1B in attribute value "
      "'department'");
  add([&](Values& v) { v.clinician = "A.&#10;Jansen"; }, "stored",
      "f.xml:3: attribute \"clinician\": contains the control character 0x0A (line feed) at "
      "character 3; only tab is allowed");
  add([&](Values& v) { v.clinician = "A.\r\nJansen"; },
      "f.csv:2: column \"behandelaar\": contains the control character 0x0D (carriage return) "
      "at character 3; only tab is allowed",
      "stored");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(cases[i].csv);
    // A new store per case: a stored row would make the next one a duplicate.
    OpenStore("csv" + std::to_string(i) + ".db");
    EXPECT_EQ(Import("f.csv", Csv(cases[i].values)), cases[i].csv);
    OpenStore("xml" + std::to_string(i) + ".db");
    EXPECT_EQ(Import("f.xml", Xml(cases[i].values)), cases[i].xml);
  }
}

TEST_F(FieldLimitsTest, ANulInAPatientIdIsRefusedNotStored) {
  Values v;
  v.patient = std::string("SYN1\0X", 6);
  EXPECT_EQ(Import("f.csv", Csv(v)),
            "f.csv:2: column \"patient\": contains the control character 0x00 (NUL) at character "
            "5; only tab is allowed");
}

TEST_F(FieldLimitsTest, AnyOtherValueIsHeldToItsLimitInCsv) {
  Values v;
  v.hv01 = std::string(201, '1');
  EXPECT_EQ(Import("f.csv", Csv(v)),
            "f.csv:2: column \"HV1\": longer than 200 characters, the limit for any value");
}

TEST_F(FieldLimitsTest, Xml11IsHeldToTheSameRule) {
  Values v;
  v.patient = "SYN1&#x1;X";
  EXPECT_EQ(Import("f.xml", Xml(v, "1.1")),
            "f.xml:3: attribute \"patient\": contains the control character 0x01 at character 5; "
            "only tab is allowed");
}

TEST(FieldLimitTableTest, IdsAndNamesAre200Characters) {
  EXPECT_EQ(LimitOf(kPatientField).max_characters, 200u);
  EXPECT_EQ(LimitOf(kClinicianField).max_characters, 200u);
  EXPECT_EQ(LimitOf(kDepartmentField).max_characters, 200u);
  EXPECT_EQ(CheckFieldText(kPatientField, std::string(200, 'x')), std::nullopt);
}

}  // namespace
}  // namespace clusterpilot
