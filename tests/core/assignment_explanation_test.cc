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
  code.changes = {{6, 4, 3}, {1, 3, 2}};
  return code;
}

std::string Encoded(const AssignmentExplanationCode& code) {
  std::string text;
  AppendExplanationCode(code, &text);
  return text;
}

TEST(AssignmentExplanationTest, EncodesCompactlyAndDecodesBack) {
  const std::string text = Encoded(Example());
  EXPECT_EQ(text, "4:HV07=4,HV02=3>5:HV09=0,HV12=0,HV18=1|HV07=4>3,HV02=3>2");
  AssignmentExplanationCode decoded;
  ASSERT_TRUE(DecodeExplanationCode(text, &decoded));
  EXPECT_EQ(decoded.cluster, 4);
  ASSERT_EQ(decoded.supporting.size(), 2u);
  EXPECT_EQ(decoded.supporting[1].item, 1);
  EXPECT_EQ(decoded.supporting[1].rating, 3);
  EXPECT_EQ(decoded.runner_up, 5);
  EXPECT_EQ(decoded.separating.size(), 3u);
  ASSERT_EQ(decoded.changes.size(), 2u);
  EXPECT_EQ(decoded.changes[1].item, 1);
  EXPECT_EQ(decoded.changes[1].from, 3);
  EXPECT_EQ(decoded.changes[1].to, 2);
  EXPECT_EQ(Encoded(decoded), text);
}

TEST(AssignmentExplanationTest, SpeaksDutchUnlessEnglishIsSet) {
  EXPECT_EQ(ExplanationLanguageFromSetting("en"), ExplanationLanguage::kEnglish);
  EXPECT_EQ(ExplanationLanguageFromSetting("EN"), ExplanationLanguage::kEnglish);
  EXPECT_EQ(ExplanationLanguageFromSetting("nl"), ExplanationLanguage::kDutch);
  EXPECT_EQ(ExplanationLanguageFromSetting(""), ExplanationLanguage::kDutch);
  EXPECT_EQ(DescribeExplanationCode(Example(), ExplanationLanguage::kDutch),
            "cluster 4 vooral door HV07 depressieve stemming 4, HV02 opzettelijke zelfverwonding "
            "3. Cluster 5 (tweede keus) past minder op HV09 relaties 0, HV12 werk en activiteiten "
            "0, HV18 voorgeschiedenis: kwetsbaarheid 1");
  EXPECT_EQ(DescribeCounterfactual(Example(), ExplanationLanguage::kDutch),
            "als HV07 3 was in plaats van 4 en HV02 2 was in plaats van 3, zou cluster 5 het "
            "best passen");
  EXPECT_EQ(DescribeStoredExplanation("", ExplanationLanguage::kDutch), "geen cluster toegekend");
}

TEST(AssignmentExplanationTest, WordsWhatWouldChangeIt) {
  EXPECT_EQ(DescribeCounterfactual(Example(), ExplanationLanguage::kEnglish),
            "if HV07 were 3 instead of 4 and HV02 were 2 instead of 3, cluster 5 would fit best");
  AssignmentExplanationCode three = Example();
  three.changes.push_back({14, 2, 3});
  EXPECT_EQ(DescribeCounterfactual(three, ExplanationLanguage::kEnglish),
            "if HV07 were 3 instead of 4, HV02 were 2 instead of 3 and HV15 were 3 instead of 2, "
            "cluster 5 would fit best");
  EXPECT_EQ(DescribeStoredCounterfactual("4:HV07=2>3:HV07=2|HV07=2>3", ExplanationLanguage::kDutch),
            "als HV07 3 was in plaats van 2, zou cluster 3 het best passen");
  EXPECT_EQ(DescribeStoredCounterfactual("4:HV07=2>3:HV07=2", ExplanationLanguage::kDutch), "");
  EXPECT_EQ(DescribeStoredCounterfactual("why", ExplanationLanguage::kDutch), "");
}

TEST(AssignmentExplanationTest, WordsItForClinicians) {
  EXPECT_EQ(DescribeExplanationCode(Example(), ExplanationLanguage::kEnglish),
            "cluster 4 mainly for HV07 depressed mood 4, HV02 non-accidental self-injury 3. "
            "Cluster 5 (runner-up) fits worse on HV09 relationships 0, HV12 occupation and "
            "activities 0, HV18 history: vulnerability 1");
  AssignmentExplanationCode alone = Example();
  alone.runner_up = 0;
  alone.separating.clear();
  alone.changes.clear();
  EXPECT_EQ(Encoded(alone), "4:HV07=4,HV02=3");
  EXPECT_EQ(DescribeStoredExplanation("4:HV07=4,HV02=3", ExplanationLanguage::kEnglish),
            "cluster 4 mainly for HV07 depressed mood 4, HV02 non-accidental self-injury 3. No "
            "other cluster was allowed");
  EXPECT_EQ(DescribeStoredExplanation("7:>8:", ExplanationLanguage::kEnglish),
            "cluster 7: no single item stands out. Cluster 8 (runner-up) fits as well");
  EXPECT_EQ(DescribeStoredExplanation("", ExplanationLanguage::kEnglish), "no cluster assigned");
  EXPECT_EQ(Encoded(AssignmentExplanationCode()), "");
}

TEST(AssignmentExplanationTest, TextThatIsNotACodeIsShownAsItIs) {
  AssignmentExplanationCode code;
  for (const char* bad :
       {"why", "4", "4:HV20=1", "4:HV07=5", "4:HV07=4>", "x:HV07=4", "4:HV07=4,", "0:HV07=4",
        "4:HV07=4|HV07=4>3", "4:HV07=4>5:|", "4:HV07=4>5:|HV07=4>2", "4:HV07=4>5:|HV07=4>3,"}) {
    EXPECT_FALSE(DecodeExplanationCode(bad, &code)) << bad;
    EXPECT_EQ(DescribeStoredExplanation(bad, ExplanationLanguage::kEnglish), bad);
  }
}

}  // namespace
}  // namespace clusterpilot
