#include "core/supercluster.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

TEST(SuperclusterTest, AcceptsLettersEnglishDutchAndRegulationNames) {
  EXPECT_EQ(ParseSupercluster("X"), Supercluster::kNonPsychotic);
  EXPECT_EQ(ParseSupercluster("non-psychotic"), Supercluster::kNonPsychotic);
  EXPECT_EQ(ParseSupercluster("Niet-psychotisch"), Supercluster::kNonPsychotic);
  EXPECT_EQ(ParseSupercluster("psychische aandoening"), Supercluster::kNonPsychotic);
  EXPECT_EQ(ParseSupercluster("y"), Supercluster::kPsychotic);
  EXPECT_EQ(ParseSupercluster("Psychotische stoornis"), Supercluster::kPsychotic);
  EXPECT_EQ(ParseSupercluster("organisch"), Supercluster::kOrganic);
  EXPECT_EQ(ParseSupercluster("cognitieve_beperking"), Supercluster::kOrganic);
  EXPECT_EQ(ParseSupercluster(""), Supercluster::kNone);
  EXPECT_FALSE(ParseSupercluster("W").has_value());
  EXPECT_FALSE(ParseSupercluster("psychosis").has_value());
}

TEST(SuperclusterTest, NamesRoundTrip) {
  for (Supercluster s :
       {Supercluster::kNonPsychotic, Supercluster::kPsychotic, Supercluster::kOrganic}) {
    EXPECT_EQ(ParseSupercluster(SuperclusterName(s)), s);
    EXPECT_EQ(ParseSupercluster(SuperclusterLetter(s)), s);
  }
}

}  // namespace
}  // namespace clusterpilot
