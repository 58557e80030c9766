#include "importers/row_validator.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

FieldLabels Labels() {
  FieldLabels labels;
  labels.kind = "column";
  labels.names[kPatientField] = "patiëntnummer";
  labels.names[kDepartmentField] = "afdeling";
  labels.names[kDateField] = "datum";
  labels.names[kClinicianField] = "behandelaar";
  labels.names[kSuperclusterField] = "supercluster";
  labels.names[kRouteField] = "route";
  labels.names[kHv08TypeField] = "HV08_soort";
  for (int item = 0; item < kItemCount; ++item) labels.names[ItemField(item)] = ItemCode(item);
  return labels;
}

RawMeasurement GoodRow() {
  RawMeasurement raw;
  raw.line = 7;
  raw.values[kPatientField] = "P001";
  raw.values[kDepartmentField] = "Psychosomatiek";
  raw.values[kDateField] = "07-03-2026";
  raw.values[kClinicianField] = "A. de Vries";
  raw.values[kSuperclusterField] = "psychische aandoening";
  raw.values[kRouteField] = "volledig";
  const char* ratings[kItemCount] = {"0", "3", "1", "1", "0", "1", "4", "0", "0", "0",
                                     "0", "0", "0", "1", "4", "1", "1", "9", ""};
  for (int item = 0; item < kItemCount; ++item) raw.values[ItemField(item)] = ratings[item];
  raw.values[kHv08TypeField] = "b";
  return raw;
}

const CalendarDate kToday{2026, 11, 23};

TEST(RowValidatorTest, AGoodRowBecomesAMeasurement) {
  RowValidator validator(Labels(), kToday);
  Measurement measurement;
  std::vector<RowProblem> problems;
  ASSERT_TRUE(validator.Validate(GoodRow(), &measurement, &problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(measurement.patient_id, "P001");
  EXPECT_EQ(measurement.department, "Psychosomatiek");
  EXPECT_EQ(measurement.rating_date, (CalendarDate{2026, 3, 7}));
  EXPECT_EQ(measurement.clinician, "A. de Vries");
  EXPECT_EQ(measurement.supercluster, Supercluster::kNonPsychotic);
  EXPECT_EQ(measurement.route, RatingRoute::kFull);
  const ItemRatings expected = {
      0, 3, 1, 1, 0, 1, 4, 0, 0, 0, 0, 0, 0, 1, 4, 1, 1, kUnknownRating, kUnknownRating};
  EXPECT_EQ(measurement.ratings, expected);
  EXPECT_EQ(measurement.hv08_type, 'B');
}

TEST(RowValidatorTest, AcceptsEveryDateFormAndTrimsSpaces) {
  RowValidator validator(Labels(), kToday);
  for (const char* text :
       {"2026-03-07", "07-03-2026", "7-3-2026", "07/03/2026", " 7/3/2026 ", "07-03-2026 10:15",
        "2026-03-07T10:15:00", "7-3-2026 9:05:00", "2026-03-07T00:00:00Z"}) {
    RawMeasurement raw = GoodRow();
    raw.values[kDateField] = text;
    Measurement measurement;
    std::vector<RowProblem> problems;
    ASSERT_TRUE(validator.Validate(raw, &measurement, &problems)) << text;
    EXPECT_EQ(measurement.rating_date, (CalendarDate{2026, 3, 7})) << text;
  }
  RawMeasurement today = GoodRow();
  today.values[kDateField] = "23-11-2026";
  Measurement measurement;
  std::vector<RowProblem> problems;
  EXPECT_TRUE(validator.Validate(today, &measurement, &problems));
}

TEST(RowValidatorTest, AcceptsTheWholeSuperclusterAndRouteVocabulary) {
  RowValidator validator(Labels(), kToday);
  const std::vector<std::pair<const char*, Supercluster>> superclusters = {
      {"X", Supercluster::kNonPsychotic},
      {"non-psychotic", Supercluster::kNonPsychotic},
      {"Niet-psychotisch", Supercluster::kNonPsychotic},
      {"psychische aandoening", Supercluster::kNonPsychotic},
      {"y", Supercluster::kPsychotic},
      {"psychotic", Supercluster::kPsychotic},
      {"psychotisch", Supercluster::kPsychotic},
      {"Psychotische stoornis", Supercluster::kPsychotic},
      {"Z", Supercluster::kOrganic},
      {"organic", Supercluster::kOrganic},
      {"organisch", Supercluster::kOrganic},
      {"cognitieve beperking", Supercluster::kOrganic},
      {"", Supercluster::kNone}};
  for (const auto& [text, expected] : superclusters) {
    RawMeasurement raw = GoodRow();
    raw.values[kSuperclusterField] = text;
    Measurement measurement;
    std::vector<RowProblem> problems;
    ASSERT_TRUE(validator.Validate(raw, &measurement, &problems)) << text;
    EXPECT_EQ(measurement.supercluster, expected) << text;
  }
  RatingRoute route;
  for (const char* text : {"full", "Volledig", "volledige route"}) {
    ASSERT_TRUE(ParseRoute(text, &route));
    EXPECT_EQ(route, RatingRoute::kFull);
  }
  for (const char* text : {"dynamic", "dynamisch", "Dynamische route"}) {
    ASSERT_TRUE(ParseRoute(text, &route));
    EXPECT_EQ(route, RatingRoute::kDynamic);
  }
  ASSERT_TRUE(ParseRoute("", &route));
  EXPECT_EQ(route, RatingRoute::kUnknown);
}

struct BadValue {
  ExportField field;
  std::string value;
  std::string message;
};

TEST(RowValidatorTest, EachBadValueIsReportedWithColumnValueAndReason) {
  const std::vector<BadValue> cases = {
      {ItemField(6), "5",
       "maart.csv:7: column \"HV07\" \"5\": not a rating (0-4, or 9 for unknown)"},
      {ItemField(0), "-1",
       "maart.csv:7: column \"HV01\" \"-1\": not a rating (0-4, or 9 for unknown)"},
      {ItemField(18), "2,5",
       "maart.csv:7: column \"HV19\" \"2,5\": not a rating (0-4, or 9 for unknown)"},
      {ItemField(3), "x",
       "maart.csv:7: column \"HV04\" \"x\": not a rating (0-4, or 9 for unknown)"},
      {kHv08TypeField, "K",
       "maart.csv:7: column \"HV08_soort\" \"K\": not an HV08 type (a letter A-J, or empty)"},
      {kHv08TypeField, "AB",
       "maart.csv:7: column \"HV08_soort\" \"AB\": not an HV08 type (a letter A-J, or empty)"},
      {kDateField, "31-04-2026",
       "maart.csv:7: column \"datum\" \"31-04-2026\": no such day in the calendar"},
      {kDateField, "29-02-2026",
       "maart.csv:7: column \"datum\" \"29-02-2026\": no such day in the calendar"},
      {kDateField, "maart 2026",
       "maart.csv:7: column \"datum\" \"maart 2026\": not a date (write dd-mm-yyyy, d-m-yyyy, "
       "dd/mm/yyyy or yyyy-mm-dd)"},
      {kDateField, "2026/03/07",
       "maart.csv:7: column \"datum\" \"2026/03/07\": not a date (write dd-mm-yyyy, d-m-yyyy, "
       "dd/mm/yyyy or yyyy-mm-dd)"},
      {kDateField, "24-11-2026",
       "maart.csv:7: column \"datum\" \"24-11-2026\": lies in the future; a rating date cannot be "
       "after today"},
      {kDateField, "", "maart.csv:7: column \"datum\": empty; every row needs a rating date"},
      {kPatientField, "  ",
       "maart.csv:7: column \"patiëntnummer\": empty; every row needs a patient number"},
      {kDepartmentField, "",
       "maart.csv:7: column \"afdeling\": empty; every row needs a department"},
      {kSuperclusterField, "W",
       "maart.csv:7: column \"supercluster\" \"W\": not a supercluster (X/Y/Z, "
       "non-psychotic/psychotic/organic, niet-psychotisch/psychotisch/organisch, psychische "
       "aandoening/psychotische stoornis/cognitieve beperking, or empty for none)"},
      {kRouteField, "kort",
       "maart.csv:7: column \"route\" \"kort\": not a route (full or dynamic, volledig or "
       "dynamisch, or empty)"},
  };
  RowValidator validator(Labels(), kToday);
  for (const BadValue& bad : cases) {
    RawMeasurement raw = GoodRow();
    raw.values[bad.field] = bad.value;
    Measurement measurement;
    std::vector<RowProblem> problems;
    EXPECT_FALSE(validator.Validate(raw, &measurement, &problems)) << bad.message;
    ASSERT_EQ(problems.size(), 1u) << bad.message;
    EXPECT_EQ(RowProblemError("maart.csv", "column", problems[0]).ToString(), bad.message);
    EXPECT_EQ(problems[0].line, 7);
  }
}

TEST(RowValidatorTest, EveryProblemOfARowIsReportedAfterTheReadersOwn) {
  RowValidator validator(Labels(), kToday);
  RawMeasurement raw = GoodRow();
  raw.problems.push_back(RowProblem{7, "", "", "the row has 27 values but the header 26 columns"});
  raw.values[ItemField(1)] = "7";
  raw.values[ItemField(2)] = "8";
  raw.values[kDateField] = "30-02-2026";
  Measurement measurement;
  std::vector<RowProblem> problems;
  EXPECT_FALSE(validator.Validate(raw, &measurement, &problems));
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].reason, "the row has 27 values but the header 26 columns");
  EXPECT_EQ(problems[1].field, "datum");
  EXPECT_EQ(problems[2].field, "HV02");
  EXPECT_EQ(problems[3].field, "HV03");
  EXPECT_EQ(RowProblemError("maart.csv", "column", problems[0]).ToString(),
            "maart.csv:7: the row has 27 values but the header 26 columns");
}

}  // namespace
}  // namespace clusterpilot
