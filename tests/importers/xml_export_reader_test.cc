#include "importers/xml_export_reader.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

constexpr const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">\n";
constexpr const char* kTail = "</honosplus-export>\n";

std::string Items(const std::string& hv07 = "4") {
  std::string items;
  for (int item = 0; item < kItemCount; ++item) {
    const int number = item + 1;
    items += std::string(" hv") + (number < 10 ? "0" : "") + std::to_string(number) + "=\"" +
             (item == 6 ? hv07 : "1") + "\"";
  }
  return items;
}

std::string Measurement(const std::string& patient, const std::string& extra = "",
                        const std::string& hv07 = "4") {
  return "  <measurement patient=\"" + patient +
         "\" department=\"Cli&#235;ntenzorg &amp; co\" date=\"2026-03-07\" clinician=\"A. "
         "Jansen\"" +
         extra + Items(hv07) + "/>\n";
}

class XmlExportReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reader = XmlExportReader::Create();
    ASSERT_TRUE(reader.ok()) << reader.error().ToString();
    reader_ = std::move(reader).value();
  }

  Status Read(const std::string& content, std::vector<RawMeasurement>* rows) {
    WriteFile(dir_.File("export.xml"), content);
    return reader_->Read(dir_.File("export.xml"), "export.xml", [&](const RawMeasurement& row) {
      rows->push_back(row);
      return true;
    });
  }

  ScopedTempDir dir_;
  std::unique_ptr<XmlExportReader> reader_;
};

TEST_F(XmlExportReaderTest, ReadsMeasurementsFromAValidFile) {
  std::vector<RawMeasurement> rows;
  Status status = Read(std::string(kHead) +
                           Measurement("P1",
                                       " supercluster=\"psychotic\" route=\"dynamic\" "
                                       "hv08-type=\"C\"") +
                           Measurement("P2") + kTail,
                       &rows);
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].values[kPatientField], "P1");
  EXPECT_EQ(rows[0].values[kDepartmentField], "Cliëntenzorg & co");
  EXPECT_EQ(rows[0].values[kDateField], "2026-03-07");
  EXPECT_EQ(rows[0].values[kSuperclusterField], "psychotic");
  EXPECT_EQ(rows[0].values[kRouteField], "dynamic");
  EXPECT_EQ(rows[0].values[kHv08TypeField], "C");
  EXPECT_EQ(rows[0].values[ItemField(6)], "4");
  EXPECT_EQ(rows[0].values[ItemField(18)], "1");
  EXPECT_EQ(rows[1].values[kSuperclusterField], "");
}

TEST_F(XmlExportReaderTest, TheGrammarIsReusedForEveryFile) {
  for (int round = 0; round < 3; ++round) {
    std::vector<RawMeasurement> rows;
    ASSERT_TRUE(
        Read(std::string(kHead) + Measurement("P" + std::to_string(round)) + kTail, &rows).ok());
    ASSERT_EQ(rows.size(), 1u);
  }
  std::vector<RawMeasurement> rows;
  EXPECT_FALSE(Read(std::string(kHead) + Measurement("P1", "", "5") + kTail, &rows).ok());
  EXPECT_TRUE(Read(std::string(kHead) + Measurement("P1") + kTail, &rows).ok());
}

TEST_F(XmlExportReaderTest, SchemaViolationsNameLineColumnAndProblem) {
  struct Case {
    std::string content;
    std::string message;
  };
  const std::string head = kHead;
  const std::vector<Case> cases = {
      {head + Measurement("P1") + Measurement("P2", "", "5") + kTail,
       "export.xml:4:281: attribute \"hv07\" \"5\": does not follow the HoNOS+ export schema: "
       "value "
       "'5' not in enumeration"},
      {head + Measurement("P1", " supercluster=\"X\"") + kTail,
       "export.xml:3:298: attribute \"supercluster\" \"X\": does not follow the HoNOS+ export "
       "schema: value 'X' not in enumeration"},
      {head + Measurement("P1", " hv08-type=\"K\"") + kTail,
       "export.xml:3:295: attribute \"hv08-type\" \"K\": does not follow the HoNOS+ export schema: "
       "value 'K' not in enumeration"},
      {head + Measurement("P1", " opmerking=\"x\"") + kTail,
       "export.xml:3:295: does not follow the HoNOS+ export schema: attribute 'opmerking' is not "
       "declared for element 'measurement'"},
      {head + "  <measurement patient=\"P1\"/>\n" + kTail,
       "export.xml:3:30: does not follow the HoNOS+ export schema: missing required attribute "
       "'department'"},
      {"<?xml version=\"1.0\"?>\n<export xmlns=\"urn:clusterpilot:honosplus-export:2\"/>\n",
       "export.xml:2:54: does not follow the HoNOS+ export schema: no declaration found for "
       "element 'export'"},
      {head + Measurement("P1"),
       "export.xml:4:1: is not well-formed XML: input ended before all started tags were ended; "
       "last tag started is 'honosplus-export'"},
      {"", "export.xml:1:1: is not well-formed XML: invalid document structure"},
  };
  for (const Case& c : cases) {
    std::vector<RawMeasurement> rows;
    Status status = Read(c.content, &rows);
    ASSERT_FALSE(status.ok()) << c.message;
    EXPECT_EQ(status.error().ToString(), c.message);
  }
}

TEST_F(XmlExportReaderTest, ExternalEntitiesAreRefused) {
  WriteFile(dir_.File("secret.txt"), "geheim");
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE honosplus-export [\n"
      "  <!ENTITY secret SYSTEM \"file://" +
      dir_.File("secret.txt") + "\">\n]>\n" +
      std::string(kHead).substr(std::string(kHead).find('\n') + 1) + Measurement("&secret;") +
      kTail;
  std::vector<RawMeasurement> rows;
  Status status = Read(xxe, &rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "export.xml:2:28: contains a DOCTYPE declaration; exports with DTDs or entity "
            "declarations are refused (they can read other files or exhaust memory)");
  EXPECT_TRUE(rows.empty());
}

TEST_F(XmlExportReaderTest, EntityExpansionBombsAreRefused) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int level = 1; level <= 9; ++level) {
    bomb += " <!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i)
      bomb += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\">" +
          Measurement("&lol9;") + kTail;
  std::vector<RawMeasurement> rows;
  Status status = Read(bomb, &rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().line, 2);
  EXPECT_NE(status.error().message.find("DOCTYPE"), std::string::npos);
  EXPECT_TRUE(rows.empty());
}

TEST_F(XmlExportReaderTest, UndeclaredEntitiesAreAnError) {
  std::vector<RawMeasurement> rows;
  Status status = Read(std::string(kHead) + Measurement("&xxe;") + kTail, &rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(),
            "export.xml:3:30: is not well-formed XML: entity 'xxe' not found");
}

TEST_F(XmlExportReaderTest, SchemaLocationInTheFileIsIgnored) {
  std::vector<RawMeasurement> rows;
  const std::string head =
      "<?xml version=\"1.0\"?>\n<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"urn:clusterpilot:honosplus-export:1 http://example.invalid/x.xsd\">\n";
  Status status = Read(head + Measurement("P1") + kTail, &rows);
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(rows.size(), 1u);
}

TEST_F(XmlExportReaderTest, TheCallbackCanStopTheRead) {
  WriteFile(dir_.File("export.xml"),
            std::string(kHead) + Measurement("P1") + Measurement("P2") + kTail);
  int rows = 0;
  Status status = reader_->Read(dir_.File("export.xml"), "export.xml", [&](const RawMeasurement&) {
    ++rows;
    return false;
  });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(rows, 1);
}

TEST_F(XmlExportReaderTest, AMissingFileIsAnError) {
  Status status =
      reader_->Read(dir_.File("nope.xml"), "nope.xml", [](const RawMeasurement&) { return true; });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().file, "nope.xml");
}

TEST(XmlExportSchemaTest, TheCompiledInSchemaIsTheFileInSchemas) {
  EXPECT_EQ(ReadFile(std::string(CLUSTERPILOT_SOURCE_DIR) + "/schemas/honosplus-export.xsd"),
            HonosExportSchema());
}

}  // namespace
}  // namespace clusterpilot
