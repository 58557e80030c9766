#include "generator/export_writer.h"

#include <gtest/gtest.h>

#include "generator/csv_export_writer.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

Measurement Example() {
  Measurement measurement;
  measurement.patient_id = "SYN000001";
  measurement.department = "Ambulante cliëntenzorg (FACT)";
  measurement.rating_date = CalendarDate{2026, 3, 7};
  measurement.clinician = "E. 't Hart";
  measurement.supercluster = Supercluster::kPsychotic;
  measurement.route = RatingRoute::kFull;
  measurement.ratings = {0, 3, 1, 1, 0, 1, 4, 0, 0, 0, 0, 0, 0, 1, 4, 1, 1, 1, kUnknownRating};
  measurement.hv08_type = 'B';
  measurement.coordinating_department = "Verslavingszorg";
  measurement.organisation = "GGZ Synthetisch";
  return measurement;
}

std::string WriteOne(const std::string& path, const Measurement& measurement) {
  auto writer = ExportWriter::Create(path);
  EXPECT_TRUE(writer.ok());
  if (!writer.ok()) return "";
  writer.value()->Write(measurement);
  EXPECT_TRUE(writer.value()->Finish().ok());
  return ReadFile(path);
}

TEST(ExportWriterTest, CsvIsWhatDutchExcelSaves) {
  ScopedTempDir dir;
  EXPECT_EQ(WriteOne(dir.File("e.csv"), Example()),
            "\xEF\xBB\xBFpatiëntnummer;afdeling;datum;behandelaar;supercluster;route;"
            "HV01;HV02;HV03;HV04;HV05;HV06;HV07;HV08;HV09;HV10;HV11;HV12;HV13;HV14;HV15;HV16;"
            "HV17;HV18;HV19;HV08_soort;regiebehandelaar_afdeling;organisatie\r\n"
            "SYN000001;Ambulante cliëntenzorg (FACT);07-03-2026;E. 't Hart;psychotische stoornis;"
            "volledig;0;3;1;1;0;1;4;0;0;0;0;0;0;1;4;1;1;1;9;B;Verslavingszorg;GGZ Synthetisch\r\n");
}

TEST(ExportWriterTest, CsvQuotesDelimitersQuotesAndLineBreaks) {
  ScopedTempDir dir;
  Measurement measurement = Example();
  measurement.department = "Team \"Noord\"; locatie 2";
  measurement.clinician = "A. Jansen\r\nB. Bakker";
  measurement.supercluster = Supercluster::kNone;
  measurement.route = RatingRoute::kDynamic;
  measurement.ratings = UnknownRatings();
  measurement.ratings[5] = 2;
  measurement.ratings[6] = 3;
  measurement.hv08_type = 0;
  measurement.coordinating_department.clear();
  measurement.organisation.clear();
  const std::string text = WriteOne(dir.File("e.CSV"), measurement);
  EXPECT_EQ(text.substr(text.find("\r\n") + 2),
            "SYN000001;\"Team \"\"Noord\"\"; locatie 2\";07-03-2026;\"A. Jansen\r\nB. Bakker\";;"
            "dynamisch;;;;;;2;3;;;;;;;;;;;;;;;\r\n");
}

TEST(ExportWriterTest, XmlFollowsTheExportSchema) {
  ScopedTempDir dir;
  Measurement measurement = Example();
  measurement.clinician = "A & B <\"team\">";
  EXPECT_EQ(WriteOne(dir.File("e.xml"), measurement),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<honosplus-export xmlns=\"urn:clusterpilot:honosplus-export:1\" "
            "source=\"clusterpilot generate\">\n"
            "  <measurement patient=\"SYN000001\" department=\"Ambulante cliëntenzorg (FACT)\" "
            "date=\"2026-03-07\" clinician=\"A &amp; B &lt;&quot;team&quot;&gt;\" "
            "supercluster=\"psychotic\" route=\"full\" hv01=\"0\" hv02=\"3\" hv03=\"1\" "
            "hv04=\"1\" hv05=\"0\" hv06=\"1\" hv07=\"4\" hv08=\"0\" hv09=\"0\" hv10=\"0\" "
            "hv11=\"0\" hv12=\"0\" hv13=\"0\" hv14=\"1\" hv15=\"4\" hv16=\"1\" hv17=\"1\" "
            "hv18=\"1\" hv19=\"9\" hv08-type=\"B\" coordinating-department=\"Verslavingszorg\" "
            "organisation=\"GGZ Synthetisch\"/>\n"
            "</honosplus-export>\n");
}

TEST(ExportWriterTest, XmlRefusesACharacterXmlForbidsAndNamesIt) {
  ScopedTempDir dir;
  Measurement measurement = Example();
  auto writer = ExportWriter::Create(dir.File("e.xml"));
  ASSERT_TRUE(writer.ok());
  writer.value()->Write(measurement);
  measurement.clinician = "E. \x01Hart";
  writer.value()->Write(measurement);
  Status finished = writer.value()->Finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().ToString(),
            dir.File("e.xml") +
                ": measurement 2 attribute \"clinician\" \"U+0001\": is a character XML 1.0 does "
                "not allow; remove it from the value (byte 4 of the text)");
}

TEST(ExportWriterTest, TheFileNameDecidesTheFormat) {
  auto writer = ExportWriter::Create("export.txt");
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().ToString(),
            "export.txt: the name must end in .csv or .xml; it decides the format");
}

TEST(ExportWriterTest, DutchDateHasTwoDigitDayAndMonth) {
  EXPECT_EQ(DutchDate(CalendarDate{2026, 1, 5}), "05-01-2026");
}

}  // namespace
}  // namespace clusterpilot

namespace clusterpilot {
namespace {

TEST(CsvExportWriterTest, AnEpdStyleFileUsesCommasAndNoByteOrderMark) {
  ScopedTempDir dir;
  auto writer = CsvExportWriter::Create(dir.File("epd.csv"), CsvExportStyle{',', false});
  ASSERT_TRUE(writer.ok());
  Measurement measurement = Example();
  measurement.clinician = "Hart, E. 't";
  writer.value()->Write(measurement);
  ASSERT_TRUE(writer.value()->Finish().ok());
  const std::string text = ReadFile(dir.File("epd.csv"));
  EXPECT_EQ(text.substr(0, 36), "patiëntnummer,afdeling,datum,behand");
  EXPECT_EQ(text.substr(text.find("\r\n") + 2),
            "SYN000001,Ambulante cliëntenzorg (FACT),07-03-2026,\"Hart, E. 't\",psychotische "
            "stoornis,volledig,0,3,1,1,0,1,4,0,0,0,0,0,0,1,4,1,1,1,9,B,Verslavingszorg,GGZ "
            "Synthetisch\r\n");
}

}  // namespace
}  // namespace clusterpilot
