#include "core/assignment_explanation.h"

#include <gtest/gtest.h>

namespace clusterpilot {
namespace {

AssignmentExplanationCode Example() {
  AssignmentExplanationCode code;
  code.cluster = 4;
  code.supporting = {{6, 4}, {1, 3}};
  code.runner_up = 5;
  code.separating = {{8, 0}, {11, 0}, {17, 1}};
  return code;
}

std::string Encoded(const AssignmentExplanationCode& code) {
  std::string text;
  AppendExplanationCode(code, &text);
  return text;
}

TEST(AssignmentExplanationTest, EncodesCompactlyAndDecodesBack) {
  const std::string text = Encoded(Example());
  EXPECT_EQ(text, "4:HV07=4,HV02=3>5:HV09=0,HV12=0,HV18=1");
  AssignmentExplanationCode decoded;
  ASSERT_TRUE(DecodeExplanationCode(text, &decoded));
  EXPECT_EQ(decoded.cluster, 4);
  ASSERT_EQ(decoded.supporting.size(), 2u);
  EXPECT_EQ(decoded.supporting[1].item, 1);
  EXPECT_EQ(decoded.supporting[1].rating, 3);
  EXPECT_EQ(decoded.runner_up, 5);
  EXPECT_EQ(decoded.separating.size(), 3u);
  EXPECT_EQ(Encoded(decoded), text);
}

TEST(AssignmentExplanationTest, WordsItForClinicians) {
  EXPECT_EQ(DescribeExplanationCode(Example()),
            "cluster 4 mainly for HV07 depressed mood 4, HV02 non-accidental self-injury 3. "
            "Cluster 5 (runner-up) fits worse on HV09 relationships 0, HV12 occupation and "
            "activities 0, HV18 history: vulnerability 1");
  AssignmentExplanationCode alone = Example();
  alone.runner_up = 0;
  alone.separating.clear();
  EXPECT_EQ(Encoded(alone), "4:HV07=4,HV02=3");
  EXPECT_EQ(DescribeStoredExplanation("4:HV07=4,HV02=3"),
            "cluster 4 mainly for HV07 depressed mood 4, HV02 non-accidental self-injury 3. No "
            "other cluster was allowed");
  EXPECT_EQ(DescribeStoredExplanation("7:>8:"),
            "cluster 7: no single item stands out. Cluster 8 (runner-up) fits as well");
  EXPECT_EQ(DescribeStoredExplanation(""), "no cluster assigned");
  EXPECT_EQ(Encoded(AssignmentExplanationCode()), "");
}

TEST(AssignmentExplanationTest, TextThatIsNotACodeIsShownAsItIs) {
  AssignmentExplanationCode code;
  for (const char* bad :
       {"why", "4", "4:HV20=1", "4:HV07=5", "4:HV07=4>", "x:HV07=4", "4:HV07=4,", "0:HV07=4"}) {
    EXPECT_FALSE(DecodeExplanationCode(bad, &code)) << bad;
    EXPECT_EQ(DescribeStoredExplanation(bad), bad);
  }
}

}  // namespace
}  // namespace clusterpilot
