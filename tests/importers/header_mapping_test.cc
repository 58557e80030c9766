#include "importers/header_mapping.h"

#include <gtest/gtest.h>

#include "core/column_aliases.h"

namespace clusterpilot {
namespace {

std::vector<std::string> ItemColumns(const std::string& prefix) {
  std::vector<std::string> columns;
  for (int i = 1; i <= kItemCount; ++i) columns.push_back(prefix + std::to_string(i));
  return columns;
}

TEST(HeaderMappingTest, FoldsCaseAccentsSpacesAndSeparators) {
  EXPECT_EQ(FoldColumnName("Patiëntnummer"), "patientnummer");
  EXPECT_EQ(FoldColumnName(" Datum meting "), "datummeting");
  EXPECT_EQ(FoldColumnName("HV08_soort"), "hv08soort");
  EXPECT_EQ(FoldColumnName("rating-date"), "ratingdate");
  EXPECT_EQ(FoldColumnName("CLIËNTNUMMER"), "clientnummer");
  EXPECT_EQ(FoldColumnName("Beoordelaar\t"), "beoordelaar");
}

TEST(HeaderMappingTest, AcceptsEveryDocumentedAlias) {
  const std::vector<std::pair<const char*, int>> aliases = {
      {"patient_id", kPatientField},
      {"patient", kPatientField},
      {"patientnummer", kPatientField},
      {"patiëntnummer", kPatientField},
      {"clientnummer", kPatientField},
      {"cliëntnummer", kPatientField},
      {"department", kDepartmentField},
      {"afdeling", kDepartmentField},
      {"team", kDepartmentField},
      {"rating_date", kDateField},
      {"date", kDateField},
      {"datum", kDateField},
      {"meetdatum", kDateField},
      {"datum meting", kDateField},
      {"clinician", kClinicianField},
      {"behandelaar", kClinicianField},
      {"beoordelaar", kClinicianField},
      {"supercluster", kSuperclusterField},
      {"route", kRouteField},
      {"HV08_type", kHv08TypeField},
      {"HV08_soort", kHv08TypeField},
      {"soort_8", kHv08TypeField},
      {"regiebehandelaar_afdeling", kCoordinatingDepartmentField},
      {"coordinating_department", kCoordinatingDepartmentField},
      {"Organisatie", kOrganisationField},
      {"HV01", ItemField(0)},
      {"HV1", ItemField(0)},
      {"honos_1", ItemField(0)},
      {"item_1", ItemField(0)},
      {"HV19", ItemField(18)},
      {"honos_19", ItemField(18)},
      {"item_19", ItemField(18)},
      {"hv7", ItemField(6)},
      {"Item 12", ItemField(11)},
      {"reden", kIgnoredColumn},
      {"reason", kIgnoredColumn},
      {"HV20", kNoColumn},
      {"HV0", kNoColumn},
      {"honos_total", kNoColumn},
      {"opmerking", kNoColumn},
  };
  for (const auto& [name, field] : aliases) EXPECT_EQ(FieldForHeaderName(name), field) << name;
}

TEST(HeaderMappingTest, MapsColumnsInAnyOrderAndListsUnknownOnes) {
  std::vector<std::string> header = ItemColumns("honos_");
  header.insert(header.begin() + 5, "Opmerking");
  header.insert(header.begin(), "Datum");
  header.push_back("Cliëntnummer");
  header.push_back("Afdeling");
  header.push_back("");  // Excel's trailing empty column
  header.push_back("leeftijd");
  Result<HeaderMapping> mapping = MapHeader(header, "maart.csv", 1);
  ASSERT_TRUE(mapping.ok()) << mapping.error().ToString();
  EXPECT_EQ(mapping.value().column_of_field[kDateField], 0);
  EXPECT_EQ(mapping.value().column_of_field[kPatientField], 21);
  EXPECT_EQ(mapping.value().column_of_field[kDepartmentField], 22);
  EXPECT_EQ(mapping.value().column_of_field[ItemField(5)], 7);
  EXPECT_EQ(mapping.value().column_of_field[kClinicianField], kNoColumn);
  EXPECT_EQ(mapping.value().NameOf(kPatientField), "Cliëntnummer");
  EXPECT_EQ(mapping.value().unknown_columns, (std::vector<std::string>{"Opmerking", "leeftijd"}));
  EXPECT_EQ(mapping.value().field_of_column[6], kIgnoredColumn);
}

TEST(HeaderMappingTest, MissingRequiredColumnsRejectTheFile) {
  std::vector<std::string> header = ItemColumns("HV");
  header.erase(header.begin() + 6);  // HV7
  header.push_back("afdeling");
  Result<HeaderMapping> mapping = MapHeader(header, "maart.csv", 2);
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.error().ToString(),
            "maart.csv:2: no column for patient (name it patient_id, patient, patientnummer or "
            "clientnummer); no column for rating date (name it rating_date, date, datum or "
            "meetdatum); no column for HV07 (name it HV07, HV7, honos_7 or item_7)");
}

TEST(HeaderMappingTest, TwoColumnsForOneFieldRejectTheFile) {
  std::vector<std::string> header = {"patient", "afdeling", "datum", "Patiëntnummer"};
  Result<HeaderMapping> mapping = MapHeader(header, "maart.csv", 1);
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.error().ToString(),
            "maart.csv:1: columns \"patient\" and \"Patiëntnummer\" are both read as patient; keep "
            "one of them");
}

}  // namespace
}  // namespace clusterpilot
