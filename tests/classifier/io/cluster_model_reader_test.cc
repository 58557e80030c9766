#include "classifier/io/cluster_model_reader.h"

#include <gtest/gtest.h>

#include "classifier/cluster_scorer.h"
#include "tests/classifier/tiny_model.h"
#include "tests/support/temp_dir.h"

namespace clusterpilot {
namespace {

// A model file around `body`, which starts on line 3.
std::string ModelXml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<cluster-model xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"test\" "
         "version=\"2\">\n" +
         body + "</cluster-model>\n";
}

constexpr const char* kTwoClusters =
    "  <supercluster code=\"X\">\n"
    "    <cluster number=\"4\" name=\"severe\" constant=\"-1.5\">\n"
    "      <coefficients>\n"
    "        <item code=\"HV07\" r0=\"-2\" r1=\"-1\" r2=\"0\" r3=\"0.5\" r4=\"1.25\"/>\n"
    "      </coefficients>\n"
    "    </cluster>\n"
    "  </supercluster>\n"
    "  <supercluster code=\"Y\">\n"
    "    <cluster number=\"10\" atypical-above=\"0.3\">\n"
    "      <profile hv08-types=\"BJ\">\n"
    "        <item code=\"HV06\" low=\"2\" high=\"4\" weight=\"3\"/>\n"
    "      </profile>\n"
    "    </cluster>\n"
    "  </supercluster>\n";

TEST(ClusterModelReaderTest, ReadsCoefficientsProfilesRulesAndThresholds) {
  const std::string xml = ModelXml(
      "  <description>for tests</description>\n"
      "  <thresholds max-unknown-items=\"4\" ambiguous-margin=\"0.1\" no-fit-factor=\"3\"/>\n"
      "  <profile-expansion outside-share=\"0.2\" step-decay=\"0.5\"/>\n"
      "  <calibration temperature=\"2.5\"/>\n" +
      std::string(kTwoClusters) +
      "  <red-rules>\n"
      "    <rule item=\"HV06\" at-least=\"3\" excludes=\"4\"/>\n"
      "    <rule item=\"HV03\" rating=\"4\" and-item=\"HV09\" and-at-least=\"3\" excludes=\"4 "
      "10\"/>\n"
      "  </red-rules>\n"
      "  <conflict-rules>\n"
      "    <rule item=\"HV06\" at-least=\"3\" chosen=\"X\" suggests=\"psychotic\"/>\n"
      "  </conflict-rules>\n");
  Result<ClusterModel> read = ReadClusterModel(xml, "model.xml");
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  const ClusterModel& model = read.value();
  EXPECT_EQ(model.name(), "test");
  EXPECT_EQ(model.version(), "2");
  EXPECT_EQ(model.definition().description, "for tests");
  EXPECT_EQ(model.thresholds().max_unknown_items, 4);
  EXPECT_DOUBLE_EQ(model.thresholds().ambiguous_margin, 0.1);
  EXPECT_DOUBLE_EQ(model.thresholds().no_fit_factor, 3);
  EXPECT_DOUBLE_EQ(model.thresholds().decisive_probability, 0.7);  // the default
  EXPECT_DOUBLE_EQ(model.definition().expansion.outside_share, 0.2);
  EXPECT_DOUBLE_EQ(model.definition().calibration.temperature, 2.5);
  EXPECT_FLOAT_EQ(model.inverse_temperature(), 0.4f);
  ASSERT_EQ(model.cluster_count(), 2);
  const ModelCluster& severe = model.cluster(0);
  EXPECT_EQ(severe.number, 4);
  EXPECT_EQ(severe.name, "severe");
  EXPECT_EQ(severe.supercluster, Supercluster::kNonPsychotic);
  EXPECT_DOUBLE_EQ(severe.constant, -1.5);
  EXPECT_DOUBLE_EQ(severe.coefficients[Hv(7)][4], 1.25);
  EXPECT_FALSE(severe.profile.has_value());
  EXPECT_GT(severe.atypical_above, 0);  // calibrated
  const ModelCluster& psychosis = model.cluster(1);
  EXPECT_EQ(psychosis.name, "cluster 10");
  ASSERT_TRUE(psychosis.profile.has_value());
  EXPECT_EQ(psychosis.profile->hv08_types, "BJ");
  EXPECT_DOUBLE_EQ(psychosis.profile->weight[Hv(6)], 3);
  EXPECT_DOUBLE_EQ(psychosis.profile->weight[Hv(7)], 0);  // not listed: not used
  EXPECT_LT(psychosis.coefficients[Hv(6)][0], psychosis.coefficients[Hv(6)][2]);  // expanded
  EXPECT_DOUBLE_EQ(psychosis.atypical_above, 0.3);
  ASSERT_EQ(model.definition().red_rules.size(), 2u);
  const RedRule& pair = model.definition().red_rules[1];
  EXPECT_EQ(pair.first.item, Hv(3));
  EXPECT_EQ(pair.first.match, RatingMatch::kExactly);
  ASSERT_TRUE(pair.second.has_value());
  EXPECT_EQ(pair.second->item, Hv(9));
  EXPECT_EQ(pair.second->match, RatingMatch::kAtLeast);
  EXPECT_EQ(pair.excluded_clusters, (std::vector<int>{4, 10}));
  ASSERT_EQ(model.definition().conflict_rules.size(), 1u);
  EXPECT_EQ(model.definition().conflict_rules[0].suggests, Supercluster::kPsychotic);

  ClusterScores scores;
  ScoreClusters(model, Ratings({{7, 4}}), Supercluster::kNonPsychotic, &scores);
  EXPECT_FLOAT_EQ(scores.score[0], -1.5f + 1.25f);
  ScoreClusters(model, Ratings({{3, 4}, {9, 3}}), Supercluster::kNone, &scores);
  EXPECT_EQ(scores.ranked_count, 0);
}

TEST(ClusterModelReaderTest, ReadsAFileFromDisk) {
  ScopedTempDir dir;
  WriteFile(dir.File("m.xml"), ModelXml(kTwoClusters));
  Result<ClusterModel> read = ReadClusterModelFile(dir.File("m.xml"));
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read.value().cluster_count(), 2);
  Result<ClusterModel> missing = ReadClusterModelFile(dir.File("absent.xml"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(), dir.File("absent.xml") + ": cannot be opened");
}

struct BadModel {
  std::string body;   // replaces the clusters when it holds "<supercluster"
  std::string error;  // the exact message
};

class ClusterModelReaderErrorTest : public testing::TestWithParam<BadModel> {};

TEST_P(ClusterModelReaderErrorTest, NamesFileLineColumnAndWhatIsWrong) {
  const BadModel& bad = GetParam();
  const std::string body =
      bad.body.find("<supercluster") != std::string::npos ? bad.body : kTwoClusters + bad.body;
  Result<ClusterModel> read = ReadClusterModel(ModelXml(body), "model.xml");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().ToString(), bad.error);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ClusterModelReaderErrorTest,
    testing::Values(
        BadModel{"  <red-rules>\n    <rule item=\"HV06\" at-least=\"3\" excludes=\"4 22\"/>\n"
                 "  </red-rules>\n",
                 "model.xml:18:53: excludes \"22\": no cluster 22 in this model"},
        BadModel{"  <red-rules>\n    <rule item=\"HV20\" at-least=\"3\" excludes=\"4\"/>\n"
                 "  </red-rules>\n",
                 "model.xml:18:50: item \"HV20\": not a HoNOS+ item (HV01-HV19)"},
        BadModel{"  <red-rules>\n    <rule item=\"HV06\" at-least=\"5\" excludes=\"4\"/>\n"
                 "  </red-rules>\n",
                 "model.xml:18:50: at-least \"5\": not a rating (0-4)"},
        BadModel{"  <red-rules>\n    <rule item=\"HV06\" rating=\"3\" at-least=\"3\" "
                 "excludes=\"4\"/>\n  </red-rules>\n",
                 "model.xml:18:61: item \"HV06\": give rating or at-least, not both"},
        BadModel{"  <red-rules>\n    <rule item=\"HV06\" excludes=\"4\"/>\n  </red-rules>\n",
                 "model.xml:18:37: item \"HV06\": needs rating or at-least"},
        BadModel{"  <conflict-rules>\n    <rule item=\"HV06\" at-least=\"3\" chosen=\"X\" "
                 "suggests=\"Q\"/>\n  </conflict-rules>\n",
                 "model.xml:18:61: suggests \"Q\": not a supercluster (X, Y or Z)"},
        BadModel{"  <supercluster code=\"X\">\n  </supercluster>\n"
                 "  <supercluster code=\"Y\">\n    <cluster number=\"10\"><coefficients/>"
                 "</cluster>\n  </supercluster>\n",
                 "model.xml:3:26: supercluster \"X\": has no clusters; add its clusters or remove "
                 "it"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"9\"><coefficients/>"
                 "</cluster>\n  </supercluster>\n",
                 "model.xml:4:25: number \"9\": not a care cluster number (1-21; 9 is unused)"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><coefficients/>"
                 "</cluster>\n    <cluster number=\"1\"><coefficients/></cluster>\n"
                 "  </supercluster>\n",
                 "model.xml:5:25: number \"1\": cluster defined twice"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><coefficients>"
                 "<item code=\"HV02\" r0=\"0\" r1=\"0\" r3=\"0\" r4=\"1\"/></coefficients>"
                 "</cluster>\n  </supercluster>\n",
                 "model.xml:4:86: item \"HV02\": no coefficient for rating 2 (r2)"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\" constant=\"1,5\">"
                 "<coefficients/></cluster>\n  </supercluster>\n",
                 "model.xml:4:40: constant \"1,5\": not a number (write decimals with a point, "
                 "e.g. -1.25)"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><profile>"
                 "<item code=\"HV02\" low=\"3\" high=\"1\"/></profile></cluster>\n"
                 "  </supercluster>\n",
                 "model.xml:4:70: low \"3\": above high (1)"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><profile>"
                 "<item code=\"HV02\" low=\"0\" high=\"1\"/><item code=\"HV02\" low=\"0\" "
                 "high=\"1\"/></profile></cluster>\n  </supercluster>\n",
                 "model.xml:4:106: code \"HV02\": item given twice for this cluster"},
        BadModel{"  <thresholds ambiguous-margin=\"2\"/>\n  <supercluster code=\"X\">\n"
                 "    <cluster number=\"1\"><coefficients/></cluster>\n  </supercluster>\n",
                 "model.xml:3:37: ambiguous-margin \"2\": must be between 0 and 1"},
        BadModel{"  <calibration temperature=\"0\"/>\n  <supercluster code=\"X\">\n"
                 "    <cluster number=\"1\"><coefficients/></cluster>\n  </supercluster>\n",
                 "model.xml:3:33: temperature \"0\": must be between 0.01 and 100"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><unexpected/>"
                 "</cluster>\n  </supercluster>\n",
                 "model.xml:4:38: not a valid cluster model: no declaration found for element "
                 "'unexpected'"},
        BadModel{"  <supercluster code=\"X\">\n    <cluster number=\"1\"><coefficients/>",
                 "model.xml:4:49: not a valid cluster model: unterminated end tag 'cluster'"}));

TEST(ClusterModelReaderTest, AFileWithoutTheNamespaceSaysHowAModelStarts) {
  Result<ClusterModel> read =
      ReadClusterModel("<cluster-model name=\"a\" version=\"1\"/>", "plain.xml");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().ToString(),
            "plain.xml:1:38: not a valid cluster model: no declaration found for element "
            "'cluster-model' (a cluster model starts with <cluster-model "
            "xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"...\" version=\"...\">)");
}

TEST(ClusterModelReaderTest, EntitiesCannotExpandWithoutLimit) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\">";
  for (char name = 'b'; name <= 'j'; ++name) {
    const std::string previous(1, static_cast<char>(name - 1));
    bomb += "<!ENTITY " + std::string(1, name) + " \"";
    for (int i = 0; i < 10; ++i) bomb += "&" + previous + ";";
    bomb += "\">";
  }
  bomb +=
      "]>\n<cluster-model xmlns=\"urn:clusterpilot:cluster-model:1\" name=\"&j;\" "
      "version=\"1\"/>\n";
  Result<ClusterModel> read = ReadClusterModel(bomb, "bomb.xml");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().file, "bomb.xml");
}

}  // namespace
}  // namespace clusterpilot
