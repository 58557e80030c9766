#include "core/error.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(ErrorTest, FormatsPlaceFieldValueAndMessage) {
  Error error{"excel.csv",       7,  0,
              "column \"HV07\"", "", "5 is not a rating (0-4, or 9 for unknown)"};
  EXPECT_EQ(error.ToString(),
            "excel.csv:7: column \"HV07\": 5 is not a rating (0-4, or 9 for unknown)");
  Error xml{"export.xml", 12, 30, "HV03", "7", "not a rating"};
  EXPECT_EQ(xml.ToString(), "export.xml:12:30: HV03 \"7\": not a rating");
  EXPECT_EQ(MakeError("plain").ToString(), "plain");
}

TEST(ErrorTest, FactoriesFillOnlyThePartsTheyName) {
  EXPECT_EQ(FileError("tarieven.csv", "cannot be read").ToString(), "tarieven.csv: cannot be read");
  EXPECT_EQ(LineError("tarieven.csv", 4, "has 3 cells, expected 2").ToString(),
            "tarieven.csv:4: has 3 cells, expected 2");
  const Error field = FieldError("tarieven.csv", 4, "cluster", "22", "not a care cluster");
  EXPECT_EQ(field.ToString(), "tarieven.csv:4: cluster \"22\": not a care cluster");
  EXPECT_EQ(field.column, 0);
}

TEST(ErrorTest, ResultHoldsEitherValueOrError) {
  Result<int> good = 3;
  Result<int> bad = MakeError("no");
  EXPECT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 3);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "no");
  EXPECT_FALSE(Status(MakeError("x")).ok());
  EXPECT_TRUE(Status::Ok().ok());
}

}  // namespace
}  // namespace clusterpilot
